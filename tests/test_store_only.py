"""Every read command works from a store alone: ``--store DIR`` or ``--endpoint URL``, no data.

A store is loaded once from the shipped dataset; then each command runs with
``--data`` pointing at a folder that does not exist, so a name or a record can
only come from the store. Its answer must be the one the same command gives
from the data folder in memory (which the other CLI tests check by hand).
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from diplograph import bundled_data
from diplograph.cli import cli

NOWHERE = "/nonexistent-folder"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def on_disk(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    db = tmp_path_factory.mktemp("store-only") / "db"
    loaded = _run("--data", str(bundled_data()), "load", "--store", str(db))
    assert loaded.exit_code == 0, loaded.output
    return ["--store", str(db)]


@pytest.fixture(scope="module")
def endpoint(oxigraph_server: str) -> list[str]:
    clear = urllib.request.Request(
        oxigraph_server + "/update",
        data=b"CLEAR ALL",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    urllib.request.urlopen(clear, timeout=10).close()
    loaded = _run("--data", str(bundled_data()), "load", "--endpoint", oxigraph_server)
    assert loaded.exit_code == 0, loaded.output
    return ["--endpoint", oxigraph_server]


@pytest.fixture(params=["store", "endpoint"])
def where(request: pytest.FixtureRequest) -> list[str]:
    fixture = "on_disk" if request.param == "store" else "endpoint"
    value: list[str] = request.getfixturevalue(fixture)
    return value


def _graph(path: Path) -> tuple[set[Any], set[Any]]:
    """A GraphML file's nodes and edges with their data, whatever order they were written in."""
    G = nx.read_graphml(path)
    nodes = {(n, tuple(sorted(d.items()))) for n, d in G.nodes(data=True)}
    edges = {(u, v, tuple(sorted(d.items()))) for u, v, d in G.edges(data=True)}
    return nodes, edges


def _text(result: Result, out: Path) -> Any:
    return result.stdout


def _file(result: Result, out: Path) -> Any:
    return out.read_bytes()


def _graphml(result: Result, out: Path) -> Any:
    return _graph(out)


# (command line, file it writes or None, what to compare)
COMMANDS: list[tuple[list[str], str | None, Callable[[Result, Path], Any]]] = [
    (["events", "--actor", "Trump", "--type", "summit"], None, _text),
    (["events", "--place", "Panmunjom", "--from", "2019-02", "--json"], None, _text),
    (["meetings", "Trump", "Kim"], None, _text),
    (["meetings", "Moon", "Kim", "--any-role", "--json"], None, _text),
    (["statements", "--by", "Lee Sang-min"], None, _text),
    (["statements", "--about", "Hanoi", "--json"], None, _text),
    (["actor", "Moon Jae-in", "--json"], None, _text),
    (["path", "Trump", "Moon", "--json"], None, _text),
    (["ego", "Hanoi summit", "--radius", "2"], None, _text),
    (["co-participation", "--principal", "--json"], None, _text),
    (["centrality", "--measure", "betweenness", "--top", "5"], None, _text),
    (["network", "-o", "{out}"], "net.graphml", _graphml),
    (["network", "--co-participation", "-o", "{out}"], "co.graphml", _graphml),
    (["timeline", "--actor", "Kim", "-o", "{out}"], "kim.json", _file),
    (["export", "-f", "turtle", "-o", "{out}"], "korea.ttl", _file),
    (["export", "-f", "nquads"], None, _text),
    (["export", "-f", "graphml", "-o", "{out}"], "korea.graphml", _graphml),
    (["stats", "--json"], None, _text),
    (
        [
            "sparql",
            "-e",
            "SELECT ?id WHERE { ?e <http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id",
        ],
        None,
        _text,
    ),
]


@pytest.mark.parametrize(
    ("args", "writes", "answer"), COMMANDS, ids=[" ".join(c[0][:2]) for c in COMMANDS]
)
def test_read_command_needs_no_data_folder(
    where: list[str],
    tmp_path: Path,
    args: list[str],
    writes: str | None,
    answer: Callable[[Result, Path], Any],
) -> None:
    out = {"store": tmp_path / f"store-{writes}", "data": tmp_path / f"data-{writes}"}
    cmd = {k: [a.replace("{out}", str(v)) for a in args] for k, v in out.items()}
    from_store = _run("--data", NOWHERE, *cmd["store"], *where)
    assert from_store.exit_code == 0, from_store.output
    from_data = _run("--data", str(bundled_data()), *cmd["data"])
    assert from_data.exit_code == 0, from_data.output
    assert answer(from_store, out["store"]) == answer(from_data, out["data"])
    if writes is None:
        assert from_store.stdout.strip(), "the command printed nothing"


def test_meetings_by_name_from_the_store_alone(where: list[str]) -> None:
    result = _run("--data", NOWHERE, "meetings", *where, "Trump", "Kim", "--json")
    assert result.exit_code == 0, result.output
    meetings = json.loads(result.stdout)
    assert [(m["ordinal_text"], m["id"]) for m in meetings] == [
        ("1st", "singapore-summit-2018"),
        ("2nd", "hanoi-summit-2019"),
        ("3rd", "panmunjom-meeting-2019"),
    ]


def test_names_are_those_of_the_store_not_of_the_shipped_data(tmp_path: Path) -> None:
    """A store holding other records answers with its own names, and knows no others."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "records.yaml").write_text(
        "actors:\n"
        "- {id: ada, kind: person, name: Ada Example, aliases: [Ada]}\n"
        "- {id: bo, kind: person, name: Bo Example}\n"
        "events:\n"
        "- id: talks-1\n  label: Ada-Bo talks\n  type: talks\n  time: 2020-03\n"
        "  participants:\n  - {actor: ada, role: host}\n  - {actor: bo, role: guest}\n",
        encoding="utf-8",
    )
    db = tmp_path / "db"
    loaded = _run("--data", str(data), "load", "--store", str(db))
    assert loaded.exit_code == 0, loaded.output
    found = _run("--data", NOWHERE, "meetings", "--store", str(db), "ada", "Bo Example", "--json")
    assert found.exit_code == 0, found.output
    assert [m["id"] for m in json.loads(found.stdout)] == ["talks-1"]
    unknown = _run("meetings", "--store", str(db), "Trump", "Ada")
    assert unknown.exit_code == 1
    assert unknown.stderr == "Error: no actor is called 'Trump'\n"
    near = _run("actor", "--store", str(db), "Ada Exampel")
    assert (
        near.stderr
        == "Error: no actor is called 'Ada Exampel'; did you mean Ada Example, Bo Example?\n"
    )
