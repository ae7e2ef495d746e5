"""A real Virtuoso Open Source 7 server on free loopback ports, for the tests.

Debian's ``virtuoso-opensource`` package ships the server (``virtuoso-t``),
its SQL client (``isql-vt``) and a default ``virtuoso.ini``. :func:`start`
copies that file into a temporary folder, points the database files, the SQL
port and the HTTP port there, starts ``virtuoso-t -f`` in the background,
waits until its SPARQL endpoint answers and grants the ``SPARQL_UPDATE`` role
to the anonymous ``SPARQL`` user so that loading over HTTP is allowed (what a
user of a fresh Virtuoso does too; see the README).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SERVER = "virtuoso-t"
ISQL = "isql-vt"
DEFAULT_INI = Path("/usr/share/virtuoso-opensource-7/virtuoso.ini")
# the packaged default password of the dba account of a new database
DBA_PASSWORD = "dba"


def missing() -> str | None:
    """Why Virtuoso cannot run here, or None when it can."""
    for tool in (SERVER, ISQL):
        if shutil.which(tool) is None:
            return f"{tool} is absent: apt-get install virtuoso-opensource (.ci/setup-system)"
    if not DEFAULT_INI.is_file():
        return f"{DEFAULT_INI} is absent: apt-get install virtuoso-opensource"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def configure(template: str, folder: Path, sql_port: int, http_port: int) -> str:
    """The packaged ``virtuoso.ini`` with its files in ``folder`` and the given ports."""
    settings = {
        "Database": {
            "DatabaseFile": folder / "virtuoso.db",
            "ErrorLogFile": folder / "virtuoso.log",
            "LockFile": folder / "virtuoso.lck",
            "TransactionFile": folder / "virtuoso.trx",
            "xa_persistent_file": folder / "virtuoso.pxa",
        },
        "TempDatabase": {
            "DatabaseFile": folder / "virtuoso-temp.db",
            "TransactionFile": folder / "virtuoso-temp.trx",
        },
        "Parameters": {"ServerPort": f"127.0.0.1:{sql_port}", "DirsAllowed": folder},
        "HTTPServer": {"ServerPort": f"127.0.0.1:{http_port}", "ServerRoot": folder},
        "URIQA": {"DefaultHost": f"127.0.0.1:{http_port}"},
    }
    out: list[str] = []
    section = ""
    seen: set[tuple[str, str]] = set()
    for line in template.splitlines():
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            section = header.group(1).strip()
        key = re.match(r"\s*([A-Za-z_0-9]+)\s*=", line)
        if key and key.group(1) in settings.get(section, {}):
            name = key.group(1)
            seen.add((section, name))
            line = f"{name} = {settings[section][name]}"
        out.append(line)
    wanted = {(s, k) for s, keys in settings.items() for k in keys}
    if wanted - seen:
        raise RuntimeError(f"{DEFAULT_INI} lacks the settings {sorted(wanted - seen)}")
    return "\n".join(out) + "\n"


@dataclass
class Virtuoso:
    """A running server: its folder, ports and process."""

    folder: Path
    sql_port: int
    http_port: int
    proc: subprocess.Popen[bytes]

    @property
    def sparql(self) -> str:
        """The SPARQL endpoint (queries, and SPARQL Update once granted)."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def isql(self, *statements: str) -> str:
        """Run SQL statements as dba through ``isql-vt``; returns its output."""
        script = "".join(s.rstrip(";") + ";\n" for s in statements)
        done = subprocess.run(
            [ISQL, str(self.sql_port), "dba", DBA_PASSWORD, "VERBOSE=OFF", "PROMPT=OFF"],
            input=script.encode(),
            capture_output=True,
            timeout=60,
            check=False,
        )
        text = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        if done.returncode != 0 or "*** Error" in text:
            raise RuntimeError(f"isql failed ({done.returncode}): {text}")
        return text

    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text("utf-8", "replace") if path.is_file() else ""

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 20 s)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start(folder: Path, *, wait: float = 90.0) -> Virtuoso:
    """Start a server with its database in ``folder``; returns once SPARQL answers."""
    sql_port, http_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(configure(DEFAULT_INI.read_text("utf-8"), folder, sql_port, http_port))
    out = (folder / "stdout.log").open("wb")
    proc = subprocess.Popen(
        [SERVER, "-f", "+configfile", str(ini)],
        cwd=folder,
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    out.close()
    server = Virtuoso(folder, sql_port, http_port, proc)
    ask = server.sparql + "?query=" + urllib.parse.quote("ASK {}")
    deadline = time.monotonic() + wait
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"virtuoso-t exited with status {proc.returncode}:\n{server.log()}"
                )
            try:
                with urllib.request.urlopen(ask, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"virtuoso-t did not answer within {wait:.0f} s:\n{server.log()}"
                )
            time.sleep(0.2)
        server.isql('GRANT SPARQL_UPDATE TO "SPARQL"')
    except BaseException:
        server.stop()
        raise
    return server
