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
