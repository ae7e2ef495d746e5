"""Errors keep their parts (path, line, column, value, expected) as attributes, not only as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import KnowledgeGraph, load
from diplograph.dates import parse_date
from diplograph.errors import (
    DateError,
    DiplographError,
    LoadError,
    ModelError,
    RDFError,
    UnknownNameError,
)
from diplograph.graph.view import to_networkx
from diplograph.model import Event
from diplograph.rdf import parse_rdf

LIBRARY = Path(__file__).resolve().parent.parent / "src" / "diplograph"


def test_every_error_has_the_attributes_unset_by_default() -> None:
    e = DiplographError("plain")
    assert (e.path, e.line, e.column, e.value, e.expected) == (None, None, None, None, None)
    assert str(e) == "plain"


def test_the_rdf_parsers_line_is_an_attribute() -> None:
    bad = "@prefix dg: <https://w3id.org/diplograph/ontology#> .\n\ndg:a dg:b dg:c dg:d .\n"
    with pytest.raises(RDFError) as info:
        parse_rdf(bad, format="turtle", where="bad.ttl")
    e = info.value
    assert (e.path, e.line, e.expected) == ("bad.ttl", 3, "turtle")
    assert e.column is not None and e.column >= 1
    assert str(e).startswith("bad.ttl:3: not valid turtle: ")


def test_a_load_error_points_at_its_first_problem(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").write_text("events:\n  - id: x\n    label: X\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load(tmp_path)
    assert info.value.path == str(tmp_path / "events.yaml")
    assert info.value.line == 2


def test_a_date_error_keeps_the_value() -> None:
    with pytest.raises(DateError) as info:
        parse_date("2019-13")
    assert info.value.value == "2019-13"


def test_names_and_dangling_ids_keep_what_was_asked() -> None:
    e = UnknownNameError("Kimm", ["Kim"])
    assert (e.value, e.expected) == ("Kimm", "actor")
    kg = KnowledgeGraph.from_records(
        [Event(id="e", label="E", type="meeting", time="2019", place="nowhere")]
    )
    with pytest.raises(ModelError) as info:
        to_networkx(kg)
    assert info.value.value == "nowhere"
    assert "dangling()" in str(info.value)


def test_library_messages_name_no_cli_commands() -> None:
    """Command advice ('run diplograph validate') belongs to the CLI, not the library."""
    offenders = []
    for path in LIBRARY.rglob("*.py"):
        # rdf/store.py (the store's own advice) moves to the CLI with the store rework.
        if "cli" in path.relative_to(LIBRARY).parts or path.name == "store.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "run 'diplograph" in text or '"diplograph validate' in text:
            offenders.append(path.name)
    assert offenders == []
