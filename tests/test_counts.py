"""``stats`` on a store counts in the store: the counts of the records it would give back."""

from __future__ import annotations

from pathlib import Path

from diplograph.layers import load_layers
from diplograph.query.counts import record_counts
from diplograph.rdf.store import open_store
from diplograph.resources import bundled_data

DATA = Path(__file__).resolve().parent / "data"


def test_counts_with_reports_are_those_of_the_records_read_back(tmp_path: Path) -> None:
    kg = load_layers([bundled_data(), DATA / "contested"]).kg
    with open_store(tmp_path / "db") as store:
        store.load(kg)
        counted = record_counts(store)
        assert counted == store.knowledge_graph().counts() == kg.counts()
    assert counted["reports"] == 3 and counted["statements"] == 11 and counted["events"] == 13


def test_an_empty_store_counts_nothing() -> None:
    assert record_counts(open_store()) == {
        "sources": 0,
        "actors": 0,
        "places": 0,
        "events": 0,
        "statements": 0,
    }
