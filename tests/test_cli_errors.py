"""A new user's mistakes: every command, given wrong arguments, says what is wrong in one line.

Each case runs the command as a user would type it and checks the exit status
(1 for a mistake in what was asked, 2 for a malformed command line or an
unreadable folder), that the last line says what is wrong, and that no
traceback reaches the user.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import bundled_data
from diplograph.cli import cli

BROKEN = Path(__file__).parent / "data" / "broken"

CASES: list[tuple[str, list[str], int, str]] = [
    # (what the user did, arguments, exit status, words the error line holds)
    ("unknown actor", ["events", "--actor", "Kim Jong Um"], 1, "no actor is called 'Kim Jong Um'"),
    (
        "month 13",
        ["events", "--from", "2019-13-01"],
        1,
        "month must be 01 to 12 (got '2019-13-01')",
    ),
    ("30 February", ["statements", "--to", "2019-02-30"], 1, "February 2019 has 28 days"),
    ("unknown type", ["events", "--type", "picnic"], 1, "(got 'picnic')"),
    ("unknown event", ["statements", "--about", "Geneva"], 1, "is called 'Geneva'"),
    ("ambiguous event", ["statements", "--about", "Trump-Kim"], 1, "names more than one event"),
    ("one actor short", ["meetings", "Trump"], 2, "Missing argument 'B'"),
    ("unknown actor in meetings", ["meetings", "Trump", "Putin"], 1, "is called 'Putin'"),
    ("unknown actor dossier", ["actor", "Nobody"], 1, "no actor is called 'Nobody'"),
    ("bad SPARQL", ["sparql", "-e", "SELEC ?x"], 1, "SPARQL"),
    ("missing query file", ["sparql", "missing.rq"], 2, "'missing.rq'"),
    ("wrong export format", ["export", "--format", "xml", "-o", "x.xml"], 2, "'xml' is not one of"),
    ("missing RDF file", ["import", "rdf", "missing.ttl", "-o", "out"], 1, "missing.ttl"),
    ("wrong chart suffix", ["timeline", "-o", "chart.bmp"], 1, "(got 'chart.bmp')"),
    ("bad era", ["timeline", "-o", "c.png", "--era", "Hanoi"], 1, "Hanoi"),
    ("dyad without reports", ["dyad", "Trump", "Kim"], 1, "no reports to count"),
    ("dyad with itself", ["dyad", "Kim", "kim-jong-un"], 1, "two different actors"),
    ("path to nobody", ["path", "Lee", "Nobody"], 1, "is called 'Nobody'"),
    ("ego of nobody", ["ego", "Nobody"], 1, "is called 'Nobody'"),
    ("negative radius", ["ego", "Lee", "--radius", "-1"], 1, "(got -1)"),
    ("bad window", ["co-participation", "--from", "2019-13"], 1, "month must be 01 to 12"),
    ("unknown measure", ["centrality", "--measure", "fame"], 2, "'fame' is not one of"),
    ("network format", ["network", "--format", "dot", "-o", "x.dot"], 2, "'dot' is not one of"),
    (
        "store and endpoint",
        ["load", "--store", "s", "--endpoint", "http://127.0.0.1:9"],
        1,
        "not both",
    ),
    ("no store there", ["events", "--store", "no-such-store"], 1, "no-such-store"),
    ("server not running", ["events", "--endpoint", "http://127.0.0.1:9/query"], 1, "127.0.0.1:9"),
    ("missing data folder", ["--data", "no-such-folder", "stats"], 2, "no such folder"),
    (
        "serve two stores",
        ["serve", "--store", ".", "--endpoint", "http://127.0.0.1:9"],
        1,
        "not both",
    ),
    ("evidence without texts", ["evidence", "seoul-hopes-2019-07-01", "Kim"], 1, "--texts DIR"),
    ("evidence of no source", ["evidence", "seoul-hopes", "Kim"], 1, "did you mean"),
    ("dump of a missing layer", ["--data", "no-such-folder", "dump", "out"], 2, "no such folder"),
    (
        "report of a dead server",
        ["report", "-o", "web", "--endpoint", "http://127.0.0.1:9/query"],
        1,
        "127.0.0.1:9",
    ),
    ("missing article", ["ingest", "gone.txt", "-o", "d", "--published", "2019-07-01"], 1, "gone"),
    ("missing drafts", ["ingest-merge", "no-drafts", "--into", "x"], 1, "no-drafts"),
    ("search for nothing", ["search", "?!"], 1, "give words to search for (got '?!')"),
    ("no words to search", ["search"], 2, "Missing argument 'WORDS...'"),
    ("unknown side", ["statements", "--side", "Atlantis"], 1, "no actor is called 'Atlantis'"),
    ("global option after", ["validate", "--texts", "t"], 2, "goes before the command"),
    ("quiet after", ["validate", "--quiet"], 2, "'diplograph --quiet validate ...'"),
    ("debug after", ["events", "--debug"], 2, "'diplograph --debug events ...'"),
    ("conflicts in no store", ["conflicts", "--store", "no-such-store"], 1, "no-such-store"),
]


@pytest.mark.parametrize(("what", "args", "status", "words"), CASES, ids=[c[0] for c in CASES])
def test_mistake_gives_one_clear_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
    args: list[str],
    status: int,
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if args[0] != "--data":
        args = ["--data", str(bundled_data()), *args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == status, (what, result.output)
    assert isinstance(result.exception, SystemExit), (what, result.exception)
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: "), (what, result.stderr)
    assert words in last, (what, last)
    assert "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == []  # nothing half-written


def test_every_command_is_covered() -> None:
    covered = {
        args[args.index("--data") + 2] if "--data" in args else args[0] for _, args, _, _ in CASES
    }
    covered |= {"stats"}
    missing = set(cli.commands) - covered - {"validate", "demo"}  # both tested elsewhere
    assert not missing, missing


@pytest.mark.parametrize(
    "command", [["stats"], ["events"], ["timeline", "-o", "c.png"], ["export", "-o", "x.ttl"]]
)
def test_data_folder_with_one_broken_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(bundled_data(), data)
    shutil.copy(BROKEN / "impossible_date.yaml", data)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--data", str(data), *command])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == (
        f"{data / 'impossible_date.yaml'}:5: event 'feb-30': time: impossible date: "
        "February 2019 has 28 days (got '2019-02-30')"
    )
    assert lines[-1] == "Error: 1 problem(s) in the data; run 'diplograph validate' to list them"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_validate_texts_names_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "good.txt").write_text("Seoul hopes the talks go on.", encoding="utf-8")
    (texts / "latin1.txt").write_bytes("Séoul".encode("latin-1"))  # é is 0xe9 at offset 1
    result = CliRunner().invoke(
        cli, ["--data", str(bundled_data()), "--texts", str(texts), "validate"]
    )
    assert result.exit_code == 1, result.output
    assert f"{texts / 'latin1.txt'}: not UTF-8 text (byte 0xe9 at offset 1)" in result.stderr
    assert "Traceback" not in result.output


def test_validate_names_what_a_yaml_value_is_in_plain_words(tmp_path: Path) -> None:
    (tmp_path / "list.yaml").write_text("- just a list\n", encoding="utf-8")
    (tmp_path / "events.yaml").write_text(
        "events:\n  - id: e\n    label: E\n    type: summit\n    time: 2019-02-27\n"
        "    participants: donald-trump\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "validate"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[:2] == [
        f"{tmp_path / 'events.yaml'}:6: event 'e': participants: input should be a list "
        "(got 'donald-trump')",
        f"{tmp_path / 'list.yaml'}:1: expected a mapping of record kinds (sources, actors, "
        "places, events, statements, reports) to lists of records (got a list)",
    ]


def test_a_bad_evidence_item_is_reported_once(tmp_path: Path) -> None:
    """The item's own problem, not also 'tuple should have at least 1 item after validation'."""
    (tmp_path / "statements.yaml").write_text(
        "statements:\n- id: st\n  speaker: a\n  date: '2019-02-01'\n  text: hi\n  evidence:\n"
        "  - {source: s, quote: hi, start: 5, end: 2}\n- id: none\n  speaker: a\n"
        "  date: '2019-02-01'\n  text: hi\n  evidence: []\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "validate"])
    assert result.exit_code == 1, result.output
    path = tmp_path / "statements.yaml"
    assert result.stdout.splitlines() == [
        f"{path}:7: statement 'st': evidence[0]: end must be after start (got start=5, end=2)",
        f"{path}:12: statement 'none': evidence: give at least one item (got [])",
    ]


def test_ingest_without_the_ingest_extra_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain 'pip install diplograph' has no spaCy: one line saying which extra, no
    'unexpected ModuleNotFoundError ... this is a bug'."""
    monkeypatch.setitem(sys.modules, "spacy", None)  # what Python does for a module not found
    article = tmp_path / "a.txt"
    article.write_text("Seoul said on Monday it hopes the talks resume.\n", encoding="utf-8")
    out = tmp_path / "drafts"
    result = CliRunner().invoke(
        cli, ["ingest", str(article), "-o", str(out), "--published", "2019-07-01"]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        "Error: ingest needs the ingest extra, which is not installed here (got no spacy): "
        "pip install 'diplograph[ingest]'"
    ]
    assert not out.exists()


def test_a_broken_dot_data_read_by_default_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any folder with a data/ of other YAML is read when no --data is given: say so."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "config.yaml").write_text("debug: true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["events"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (
        "Error: 1 problem(s) in the data (./data, read as no --data was given; --data shipped "
        "reads the shipped dataset); run 'diplograph validate' to list them"
    )
