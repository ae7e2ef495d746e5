"""A long fuzz run (not collected by pytest): mutated inputs by the thousand, with counts.

    PYTHONPATH=src .venv/bin/python tests/fuzz_run.py --seconds 600 [--seed 14] [--keep DIR]

A worker process runs the cases in-process (fast) and reports each one; this
parent gives every case a time limit, so a hang is caught (the worker is
killed and restarted), and so is a crash that kills the worker. Each case
mutates one real input (a YAML file of the shipped dataset, a Turtle or
JSON-LD export, a shipped SPARQL query) and runs a command on it:

- clean: exit 0, or exit 1/2 with an ``Error:`` line and no traceback;
- traceback: an exception escaped, or the last-resort "unexpected" error;
- left: files left behind (temporary files, a half-written output);
- hang: no answer within the time limit; crash: the worker died.

With ``--keep DIR`` the input of every case that is not clean is saved there.
"""

from __future__ import annotations

import argparse
import json
import random
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = [
    "yaml-validate",
    "yaml-events",
    "yaml-export",
    "turtle-import",
    "jsonld-import",
    "sparql",
    "yaml-timeline",
]
WEIGHTS = [4, 2, 2, 4, 2, 3, 1]
SPARQL_SNIPPETS = [
    "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }",
    "SERVICE SILENT <http://127.0.0.1:9/> {}",
    "SERVICE ?v {}",
    "\\u0053ERVICE <http://127.0.0.1:9/> {}",
    "{" * 200,
    "}" * 200,
    "(" * 300,
    ")" * 300,
    "# SERVICE <x:a>\n",
    "'SERVICE'",
    "<x:SERVICE>",
    "FILTER(",
    "BIND(1/0 AS ?z)",
    "LIMIT 999999999999999999999",
    "OFFSET -1",
    "INSERT DATA { <x:a> <x:b> <x:c> }",
    "LOAD <http://127.0.0.1:9/x>",
    "\x00",
    "\xff",
    "SELECT * WHERE {}",
    "ASK {}",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <x:a>",
    "VALUES ?x { 1 2 }",
    '"""',
    "<<( ?s ?p ?o )>>",
]


def _case(seed: int, i: int) -> tuple[str, random.Random]:
    rng = random.Random(seed * 1_000_003 + i)
    return rng.choices(KINDS, WEIGHTS)[0], rng


def _inputs(root: Path) -> dict[str, bytes]:
    from click.testing import CliRunner

    from diplograph.cli import cli

    out: dict[str, bytes] = {}
    for fmt, name in (("turtle", "korea.ttl"), ("jsonld", "korea.jsonld")):
        CliRunner().invoke(cli, ["export", "-f", fmt, "-o", str(root / name)])
        out[name] = (root / name).read_bytes()
    return out


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def run_case(kind: str, rng: random.Random, inputs: dict[str, bytes]) -> tuple[str, str, bytes]:
    """(status, detail, the mutated input) of one case."""
    from _fuzz import TURTLE_SNIPPETS, YAML_SNIPPETS, mutate
    from click.testing import CliRunner

    from diplograph import bundled_data
    from diplograph.cli import cli

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        expected: set[str] = set()
        if kind.startswith("yaml"):
            d = root / "d"
            shutil.copytree(bundled_data(), d)
            name = rng.choice(["sources.yaml", "actors.yaml", "places.yaml", "events.yaml"])
            name = rng.choice([name, "statements.yaml"])
            data = mutate((d / name).read_bytes(), rng, YAML_SNIPPETS)
            (d / name).write_bytes(data)
            command = {
                "yaml-validate": ["validate"],
                "yaml-events": ["events", "--json"],
                "yaml-export": ["export", "-f", "trig", "-o", str(root / "out.trig")],
                "yaml-timeline": ["timeline", "-o", str(root / "out.svg")],
            }[kind]
            expected = {"out.trig", "out.svg"}
            args = ["--data", str(d), *command]
        elif kind == "sparql":
            queries = sorted((HERE.parent / "queries").glob("*.rq"))
            base = rng.choice(queries).read_bytes()
            data = mutate(base, rng, SPARQL_SNIPPETS)
            args = ["sparql", "-"]
        else:
            name = "korea.ttl" if kind == "turtle-import" else "korea.jsonld"
            data = mutate(inputs[name], rng, TURTLE_SNIPPETS)
            (root / name).write_bytes(data)
            out = root / "out"
            out.mkdir()
            (out / "events.yaml").write_text("events: []\n")
            args = ["import", "rdf", str(root / name), "-o", str(out), "--force"]
        before = _files(root)
        result = CliRunner().invoke(cli, args, input=data if kind == "sparql" else None)
        text = result.output
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            return "traceback", repr(result.exception)[:300], data
        if "Traceback" in text or "Error: unexpected" in text:
            return "traceback", text.strip().splitlines()[-1][:300], data
        if result.exit_code not in (0, 1, 2):
            return "badexit", str(result.exit_code), data
        after = _files(root) - before
        changed = kind.endswith("import") and result.exit_code != 0
        if changed and sorted(p.name for p in (root / "out").iterdir()) != ["events.yaml"]:
            return "left", "the old output folder changed", data
        left = {f for f in after if f not in expected and not f.startswith("out/")}
        if left:
            return "left", ", ".join(sorted(left))[:300], data
        return ("ok" if result.exit_code == 0 else "clean"), "", data


def worker(seed: int, start: int) -> None:
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _inputs(Path(tmp))
        i = start
        while True:
            kind, rng = _case(seed, i)
            print(json.dumps({"start": i}), flush=True)
            status, detail, data = run_case(kind, rng, inputs)
            print(
                json.dumps(
                    {
                        "done": i,
                        "kind": kind,
                        "status": status,
                        "detail": detail,
                        "input": data.decode("latin-1")
                        if status != "ok" and status != "clean"
                        else "",
                    }
                ),
                flush=True,
            )
            i += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--worker", action="store_true")
    ap.add_argument("--start", type=int, default=0)
    a = ap.parse_args()
    if a.worker:
        worker(a.seed, a.start)
        return
    counts: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    problems: list[dict[str, object]] = []
    end = time.monotonic() + a.seconds
    i = 0
    while time.monotonic() < end:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--seed", str(a.seed), "--start", str(i)],
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert proc.stdout is not None
        current, last = None, time.monotonic()
        while time.monotonic() < end:
            ready, _, _ = select.select([proc.stdout], [], [], 1.0)
            if ready:
                line = proc.stdout.readline()
                if not line:  # the worker died
                    if current is not None:
                        counts["crash"] += 1
                        problems.append(
                            {"case": current, "status": "crash", "detail": f"exit {proc.wait()}"}
                        )
                        i = current + 1
                    break
                msg = json.loads(line)
                last = time.monotonic()
                if "start" in msg:
                    current = msg["start"]
                    continue
                counts[msg["status"]] += 1
                by_kind[(msg["kind"], msg["status"])] += 1
                if msg["status"] not in ("ok", "clean"):
                    problems.append(msg)
                i, current = msg["done"] + 1, None
            elif current is not None and time.monotonic() - last > a.timeout:
                counts["hang"] += 1
                problems.append({"case": current, "status": "hang", "detail": f"> {a.timeout} s"})
                i = current + 1
                break
        proc.kill()
        proc.wait()
    tried = sum(counts.values())
    print(f"inputs tried: {tried}")
    print(f"  exit 0: {counts['ok']}, clean errors: {counts['clean']}")
    for status in ("traceback", "hang", "crash", "left", "badexit"):
        print(f"  {status}: {counts[status]}")
    for (kind, status), n in sorted(by_kind.items()):
        print(f"    {kind:15} {status:10} {n}")
    for p in problems[:40]:
        print("PROBLEM", {k: v for k, v in p.items() if k != "input"})
    if a.keep is not None:
        a.keep.mkdir(parents=True, exist_ok=True)
        for p in problems:
            if p.get("input"):
                case = p.get("done", p.get("case"))
                (a.keep / f"{case}-{p['kind']}.in").write_bytes(str(p["input"]).encode("latin-1"))


if __name__ == "__main__":
    main()
