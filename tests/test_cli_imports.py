"""A query on a store imports only what it uses: no record models, rdflib, YAML or charts.

Each command runs in a fresh interpreter, as a person runs it, with a data
folder that does not exist; the modules it imported are then read from
``sys.modules``. A command that loads YAML (``validate``) is run the same way
to show that the check sees a heavy import when there is one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph import KnowledgeGraph
from diplograph.rdf.store import open_store

SRC = Path(__file__).resolve().parent.parent / "src"

HEAVY = (
    "pydantic",
    "rdflib",
    "yaml",
    "matplotlib",
    "networkx",
    "spacy",
    "httpx",
    "starlette",
    "rich",
    "owlrl",
    "diplograph.model",
    "diplograph.kg",
    "diplograph.load",
    "diplograph.kinds",
    "diplograph.importers",
    "diplograph.ingest",
    "diplograph.rdf.mapping",
    "diplograph.rdf.vocab",
    "diplograph.graph",
    "diplograph.timeline",
    "diplograph.web",
    "diplograph.export",
)
"""What a query on a store has no use for: the records' models and loader, rdflib (the
mapping's vocabulary), charts, graphs, the web view, the language model, the importers."""

_RUN = """
import json, os, sys
from diplograph.cli import main
sys.argv = ["diplograph", *sys.argv[1:]]
try:
    main()
except SystemExit as e:
    code = e.code
else:
    code = 0
with open(os.environ["MODULES_OUT"], "w") as fh:
    json.dump({"code": code, "modules": sorted(sys.modules)}, fh)
"""


def _imported(tmp_path: Path, *args: str) -> tuple[str, set[str]]:
    """Run the CLI with ``args`` in a new interpreter: its output and the modules it imported."""
    out = tmp_path / "modules.json"
    env = dict(os.environ, PYTHONPATH=str(SRC), MODULES_OUT=str(out))
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    answer = json.loads(out.read_text(encoding="utf-8"))
    assert answer["code"] in (0, None), done.stderr
    return done.stdout, set(answer["modules"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture(scope="module")
def store(korea: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("imports") / "db"
    with open_store(path) as s:
        s.load(korea)
    return str(path)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["events", "--actor", "Donald Trump", "--type", "summit"], "Singapore"),
        (["meetings", "Trump", "Kim Jong Un"], "Hanoi"),
        (["statements", "--by", "Alison Evans"], "negotiations"),
        (["actor", "Kim Jong Un"], "Kim Jong Un"),
    ],
)
def test_a_query_on_a_store_imports_nothing_heavy(
    store: str, tmp_path: Path, command: list[str], expected: str
) -> None:
    stdout, modules = _imported(
        tmp_path, "--data", "/nonexistent", command[0], "--store", store, *command[1:]
    )
    assert expected in stdout
    assert "pyoxigraph" in modules and "diplograph.names" in modules
    assert _heavy(modules) == []


def test_the_version_and_the_help_import_nothing_heavy(tmp_path: Path) -> None:
    for args in (["--version"], ["--help"], ["events", "--help"]):
        stdout, modules = _imported(tmp_path, *args)
        assert stdout.strip()
        assert _heavy(modules) == [], args


def test_the_check_sees_a_heavy_import(tmp_path: Path) -> None:
    """``validate`` reads YAML into the models: the same check lists them."""
    stdout, modules = _imported(tmp_path, "validate")
    assert stdout.startswith("valid:")
    assert {"pydantic", "yaml", "diplograph.model", "diplograph.load"} <= set(_heavy(modules))
