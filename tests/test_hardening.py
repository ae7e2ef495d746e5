"""Hostile input through the CLI: one line and a clean exit status, no crash, no outbound call.

Every case runs the command as a user would and checks the exit status, that
stderr is one ``Error:`` line (or ``file:line`` lines then one), that no
traceback reaches the user, and that nothing was written or the old output is
intact.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner, Result

from diplograph import bundled_data
from diplograph.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def one_error(result: Result, code: int = 1) -> str:
    """The single Error: line of a failed command (and no traceback)."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: "), lines[0]
    return lines[0]


def data_copy(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    shutil.copytree(bundled_data(), d)
    return d


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# -- queries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
        "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    ],
    ids=["braces", "parentheses"],
)
def test_a_deeply_nested_query_is_refused_in_one_line(tmp_path: Path, query: str) -> None:
    path = tmp_path / "q.rq"
    path.write_text(query, encoding="utf-8")
    # a subprocess: were the engine reached, it would die of a stack overflow (SIGSEGV)
    proc = subprocess.run(
        [sys.executable, "-m", "diplograph", "sparql", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == "Error: line 1: the query nests brackets more than 128 deep\n"


def test_a_huge_query_is_refused() -> None:
    line = one_error(run("sparql", "-e", "ASK {}" + " " * 1_000_001))
    assert "the query is too long: at most 1,000,000 characters (got 1,000,007)" in line


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def _answer(self) -> None:
        type(self).hits.append(self.command)
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b'{"head": {"vars": []}, "results": {"bindings": [{}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on a free loopback port that records every request it gets."""
    _Counter.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", _Counter.hits
    finally:
        server.shutdown()
        server.server_close()


def test_service_is_refused_and_nothing_is_sent(
    tmp_path: Path, listener: tuple[str, list[str]]
) -> None:
    url, hits = listener
    store = tmp_path / "s"
    assert run("load", "--store", str(store)).exit_code == 0
    for where in ([], ["--store", str(store)]):
        for query in (
            f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
            f"PREFIX e: <{url.rsplit('/', 1)[0]}/>\nSELECT * WHERE {{ service e:sparql {{ }} }}",
            f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ }} }}",
        ):
            line = one_error(run("sparql", *where, "-e", query))
            assert f"SERVICE <{url}> would query another server" in line
            assert "--allow-service URL" in line
        line = one_error(run("sparql", *where, "-e", "SELECT * WHERE { SERVICE ?v { ?s ?p ?o } }"))
        assert "SERVICE ?v would query another server" in line
    assert hits == []
    # the word in a string, an IRI or a comment is no SERVICE clause
    ok = run("sparql", "-e", f"ASK {{ ?s <{url}#SERVICE> 'SERVICE <{url}>' }} # SERVICE <{url}>")
    assert (ok.exit_code, ok.stdout) == (0, "false\n")
    # the opt-in: the named endpoint is called, and only that one
    allowed = run("sparql", "--allow-service", url, "-e", f"ASK {{ SERVICE <{url}> {{ }} }}")
    assert allowed.exit_code == 0, allowed.output
    assert hits
    other = run("sparql", "--allow-service", url, "-e", "ASK { SERVICE <http://127.0.0.1:9/q> {} }")
    assert "SERVICE <http://127.0.0.1:9/q> would query" in one_error(other)


def test_select_star_over_nothing_prints_no_columns() -> None:
    result = run("sparql", "-e", "SELECT * WHERE {}")
    assert result.exit_code == 0, result.output
    assert result.stderr == "(1 solution(s), no variables)\n"


def test_a_query_that_is_not_utf8_is_one_line() -> None:
    line = one_error(run("sparql", "-", input=b"SELECT * WHERE {}\n# \xff\n"))
    assert line == (
        "Error: stdin:2: the query is not UTF-8 text: byte 0xff cannot be decoded; save it as UTF-8"
    )


def test_a_damaged_store_is_one_line(tmp_path: Path) -> None:
    store = tmp_path / "s"
    assert run("load", "--store", str(store)).exit_code == 0
    (store / "CURRENT").write_text("junk\n")
    for args in (
        ["sparql", "--store", str(store), "-e", "ASK {}"],
        ["load", "--store", str(store)],
    ):
        line = one_error(run(*args))
        assert line.startswith(f"Error: cannot open the store at {store}: ")
        assert "damaged or not a store" in line


def test_an_unexpected_error_is_one_line_and_debug_shows_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import diplograph.cli._query as q

    def broken(text: str, **_: object) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(q, "check_query", broken)
    line = one_error(run("sparql", "-e", "ASK {}"))
    assert line == (
        "Error: unexpected KeyError: 'bug'; this is a bug in diplograph: rerun with --debug "
        "for the traceback and report it"
    )
    with pytest.raises(KeyError):
        CliRunner().invoke(cli, ["--debug", "sparql", "-e", "ASK {}"], catch_exceptions=False)


# -- data files ----------------------------------------------------------------------------


def _bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    lines.append("events: *i")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (_bomb(), 1, "YAML aliases are not allowed in data files"),
        ("events: " + "[" * 500 + "]" * 500 + "\n", 1, "lists and mappings nest more than 64 deep"),
        (
            "events:\n  - " + "{a: " * 500 + "1" + "}" * 500 + "\n",
            2,
            "lists and mappings nest more than 64 deep",
        ),
    ],
    ids=["alias-bomb", "deep-lists", "deep-mappings"],
)
def test_hostile_yaml_is_a_located_problem(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    d = data_copy(tmp_path)
    (d / "evil.yaml").write_text(text, encoding="utf-8")
    result = run("--data", str(d), "validate")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"{d / 'evil.yaml'}:{line}: {words}" in result.output


def test_a_control_character_is_reported_at_its_own_line_and_column(tmp_path: Path) -> None:
    d = data_copy(tmp_path)
    lines = (d / "sources.yaml").read_text(encoding="utf-8").split("\n")
    lines[13] = lines[13][:4] + "\x01" + lines[13][4:]
    (d / "sources.yaml").write_text("\n".join(lines), encoding="utf-8")
    result = run("--data", str(d), "validate")
    assert result.exit_code == 1
    assert f"{d / 'sources.yaml'}:14: invalid YAML: control character 0x01 is not allowed " in (
        result.output
    )
    assert "(column 5)" in result.output
    assert "<unicode string>" not in result.output and ", position " not in result.output


def _unreadable(d: Path, kind: str) -> Path:
    bad = d / "x.yaml"
    if kind == "dangling link":
        bad.symlink_to(d / "gone.yaml")
    elif kind == "link loop":
        bad.symlink_to(d / "x.yaml")
    elif kind == "fifo":
        os.mkfifo(bad)
    elif kind == "folder":
        bad.mkdir()
    return bad


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("dangling link", "cannot be read: a symbolic link to nothing (its target does not exist)"),
        ("link loop", "cannot be read: a symbolic link that loops back on itself"),
        ("fifo", "cannot be read: not a regular file: a FIFO (named pipe)"),
        ("folder", "cannot be read: a folder, not a file"),
    ],
)
def test_an_unreadable_yaml_file_is_an_error_not_skipped(
    tmp_path: Path, kind: str, message: str
) -> None:
    d = data_copy(tmp_path)
    bad = _unreadable(d, kind)
    result = run("--data", str(d), "validate")
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {bad}: {message}\n"


def test_an_unlistable_sub_folder_is_an_error() -> None:
    """chmod 000 stops only other users: as root, the command runs as 'nobody'.

    The folder is made directly under the system's temporary folder, which every
    user can reach (pytest's own temporary folders are private to root).
    """
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp)
        top.chmod(0o755)
        d = data_copy(top)
        (d / "sub").mkdir()
        shutil.move(d / "places.yaml", d / "sub" / "places.yaml")
        command = [sys.executable, "-m", "diplograph", "--data", str(d), "validate"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        if os.geteuid() == 0:
            system = shutil.which("python3", path="/usr/bin")
            setpriv = shutil.which("setpriv")
            site = next(Path(sys.prefix).glob("lib/python3*/site-packages"), None)
            if system is None or setpriv is None or site is None:
                pytest.skip("as root, needs setpriv and /usr/bin/python3 to drop privileges")
            drop = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", system]
            command = [*drop, *command[1:]]
            env["PYTHONPATH"] += os.pathsep + str(site)
        (d / "sub").chmod(0)
        try:
            proc = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
        finally:
            (d / "sub").chmod(0o755)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr == f"Error: {d / 'sub'}: folder cannot be read: Permission denied\n"


# -- outputs onto inputs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["export", "-o", "events.yaml"], ["network", "-o", "actors.yaml"]],
    ids=["export", "network"],
)
def test_an_output_into_the_data_folder_is_refused(tmp_path: Path, args: list[str]) -> None:
    d = data_copy(tmp_path)
    before = snapshot(d)
    target = d / args[-1]
    line = one_error(run("--data", str(d), *args[:-1], str(target)))
    assert line == (
        f"Error: {target} is inside the data folder {d} that this command reads; writing there "
        "would change the data: choose another path, or pass --force"
    )
    assert snapshot(d) == before
    forced = run("--data", str(d), *args[:-1], str(d / "out" / "x.yaml"), "--force")
    assert forced.exit_code == 0, forced.output


# -- import rdf --------------------------------------------------------------------------------


def test_import_rdf_from_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "in.ttl"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [sys.executable, "-m", "diplograph", "import", "rdf", str(fifo), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert proc.returncode == 1
    assert (
        proc.stderr == f"Error: {fifo}: cannot be read: not a regular file: a FIFO (named pipe)\n"
    )
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("deep", '{"@graph": ' + "[" * 3000 + "]" * 3000 + "}", "nests arrays and objects"),
        ("long-int", '{"@id": "x:a", "x:b": ' + "7" * 5000 + "}", "a JSON number has 5,000 digits"),
    ],
)
def test_hostile_jsonld_is_one_line(tmp_path: Path, name: str, text: str, words: str) -> None:
    src = tmp_path / f"{name}.jsonld"
    src.write_text(text, encoding="utf-8")
    line = one_error(run("import", "rdf", str(src), "-o", str(tmp_path / "o")))
    assert line.startswith(f"Error: {src}: ") and words in line
    assert not (tmp_path / "o").exists()


@pytest.fixture(scope="module")
def turtle(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("ttl") / "korea.ttl"
    assert run("export", "-o", str(out)).exit_code == 0
    return out.read_text(encoding="utf-8")


ID = "https://w3id.org/diplograph/id/"
HANOI = "event:hanoi-summit-2019"


def _edit(ttl: str, old: str, new: str) -> str:
    assert old in ttl, old
    return ttl.replace(old, new, 1)


HOSTILE_RDF = [
    (
        "blank-node event",
        lambda t: (
            t
            + '\n[] a sem:Event ; dcterms:identifier "ghost" ; rdfs:label "G" ; sem:eventType '
            + 'et:summit ; dg:edtf "2019" .\n'
        ),
        "rdf:type: a event record must be named by an IRI (got a blank node)",
    ),
    (
        "javascript IRI",
        lambda t: t.replace(f"{HANOI} ", "<javascript:alert(1)> ", 1),
        "<javascript:alert(1)>: rdf:type: a record's IRI is an http(s) IRI",
    ),
    (
        "outside the namespace",
        lambda t: t.replace(f"{HANOI} ", "<http://evil.example/event/hanoi-summit-2019> ", 1),
        "records are named under more than one base IRI",
    ),
    (
        "identifier disagrees",
        lambda t: _edit(t, '"hanoi-summit-2019"', '"singapore-summit-2019"'),
        f"<{ID}event/hanoi-summit-2019>: dcterms:identifier: the identifier "
        "'singapore-summit-2019' disagrees with the IRI",
    ),
    (
        "two begin dates",
        lambda t: _edit(
            t,
            'sem:hasBeginTimeStamp "2019-02-27"^^xsd:date',
            'sem:hasBeginTimeStamp "2019-02-27"^^xsd:date , "2019-03-01"^^xsd:date',
        ),
        f"<{ID}event/hanoi-summit-2019>: sem:hasBeginTimeStamp: disagrees with the record's date",
    ),
    (
        "soon",
        lambda t: _edit(
            t,
            'sem:hasBeginTimeStamp "2019-02-27"^^xsd:date',
            'sem:hasBeginTimeStamp "soon"^^xsd:date',
        ),
        'sem:hasBeginTimeStamp: disagrees with the record\'s date (expected "2019-02-27"',
    ),
    (
        "30 February",
        lambda t: _edit(
            t,
            'sem:hasBeginTimeStamp "2019-02-27"^^xsd:date',
            'sem:hasBeginTimeStamp "2019-02-30"^^xsd:date',
        ),
        'got "2019-02-30"^^<http://www.w3.org/2001/XMLSchema#date>',
    ),
    (
        "place cycle",
        lambda t: (
            t
            + "\nplace:hanoi schema:containedInPlace place:singapore .\n"
            + "place:singapore schema:containedInPlace place:hanoi .\n"
        ),
        "schema:containedInPlace: the chain of part_of loops back",
    ),
]


@pytest.mark.parametrize(("case", "change", "words"), HOSTILE_RDF, ids=[c[0] for c in HOSTILE_RDF])
def test_rdf_that_is_not_diplograph_shaped_is_refused(
    tmp_path: Path, turtle: str, case: str, change: object, words: str
) -> None:
    src = tmp_path / "in.ttl"
    src.write_text(change(turtle), encoding="utf-8")  # type: ignore[operator]
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.txt").write_text("old")
    line = one_error(run("import", "rdf", str(src), "-o", str(out), "--force"))
    assert line.startswith(f"Error: {src}: "), line
    assert words in line, line
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.ttl", "o"]


def test_validate_finds_a_place_cycle(tmp_path: Path) -> None:
    d = data_copy(tmp_path)
    (d / "more.yaml").write_text(
        "places:\n  - id: a\n    name: A\n    part_of: b\n  - id: b\n    name: B\n    part_of: a\n",
        encoding="utf-8",
    )
    result = run("--data", str(d), "validate")
    assert result.exit_code == 1
    assert f"{d / 'more.yaml'}:4: place 'a': part_of: the chain loops back" in result.output
    assert f"{d / 'more.yaml'}:7: place 'b': part_of: the chain loops back" in result.output


# -- timeline at the ends of the calendar ------------------------------------------------------


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_timeline_reaches_the_first_and_last_days(tmp_path: Path, suffix: str) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "x.yaml").write_text(
        "events:\n"
        "  - {id: first, label: First, type: summit, time: 0001-01-01}\n"
        "  - {id: last, label: Last, type: summit, time: 9999-12-31}\n"
        "  - {id: year, label: Year, type: summit, time: '9999'}\n",
        encoding="utf-8",
    )
    out = tmp_path / f"t{suffix}"
    result = run("--data", str(d), "timeline", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_the_store_itself_refuses_service_and_the_shipped_queries_pass() -> None:
    from diplograph.errors import QueryError
    from diplograph.rdf.store import open_store
    from diplograph.safety import check_query

    with pytest.raises(QueryError, match=r"SERVICE <http://127\.0\.0\.1:9/q> would query"):
        open_store().query("ASK { SERVICE <http://127.0.0.1:9/q> {} }")
    queries = sorted((ROOT / "queries").glob("*.rq"))
    assert queries
    for path in queries:
        check_query(path.read_text(encoding="utf-8"))
