"""Records -> RDF (every format) -> records gives back equal records."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import knowledge_graphs

from diplograph.kg import KnowledgeGraph
from diplograph.rdf.io import FORMATS, parse_rdf, to_rdf
from diplograph.rdf.mapping import from_rdf, to_triples

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", list(FORMATS))
@SETTINGS
@given(kg=knowledge_graphs())
def test_every_format_round_trips(fmt: str, kg: KnowledgeGraph) -> None:
    text = to_rdf(kg, format=fmt)
    assert parse_rdf(text, format=fmt) == kg


@SETTINGS
@given(kg=knowledge_graphs())
def test_triples_round_trip_without_a_file(kg: KnowledgeGraph) -> None:
    triples = [t for r in kg.records() for t in to_triples(r)]
    assert from_rdf(triples) == kg


@SETTINGS
@given(kg=knowledge_graphs())
def test_output_is_byte_stable_whatever_the_insertion_order(kg: KnowledgeGraph) -> None:
    reversed_kg = KnowledgeGraph.from_records(reversed(list(kg.records())))
    for fmt in ("turtle", "trig", "jsonld"):
        assert to_rdf(reversed_kg, format=fmt) == to_rdf(kg, format=fmt)


@SETTINGS
@given(kg=knowledge_graphs())
def test_a_different_base_round_trips(kg: KnowledgeGraph) -> None:
    base = "http://example.org/kg/"
    text = to_rdf(kg, format="trig", base=base)
    assert "https://w3id.org/diplograph/id/" not in text
    assert parse_rdf(text, format="trig") == kg


def _direct_equals_rows(records: list[object]) -> int:
    """Each event's direct Turtle equals the Turtle of its mapped triples, byte for byte."""
    from diplograph.model import Event
    from diplograph.rdf._kinds import TURTLE
    from diplograph.rdf._text import Text
    from diplograph.rdf.io import _KIND_SEGMENTS, _prefixes
    from diplograph.rdf.mapping import rows_of
    from diplograph.rdf.vocab import BASE

    text = Text(_prefixes(BASE), BASE, _KIND_SEGMENTS)
    events = [r for r in records if isinstance(r, Event)]
    for ev in events:
        assert TURTLE[Event](text, ev, BASE) == text.turtle(rows_of(ev).rows()), ev.id
    return len(events)


@SETTINGS
@given(kg=knowledge_graphs())
def test_events_formatted_straight_from_the_record_equal_their_triples(
    kg: KnowledgeGraph,
) -> None:
    # each event's direct text is compared with its triples' inside; all of them are
    assert _direct_equals_rows(list(kg.records())) == len(kg.events)


def test_direct_event_turtle_on_the_shipped_and_synthetic_events() -> None:
    import sys
    from pathlib import Path

    from diplograph import bundled_data, load

    assert _direct_equals_rows(list(load(bundled_data()).records())) > 10
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        from synthetic import generate
    finally:
        sys.path.pop(0)
    assert _direct_equals_rows(list(generate(300, seed=3).records())) == 300
