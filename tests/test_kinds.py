"""The record kind descriptions, and that every part driven by them covers each kind."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import rdflib
from pydantic import BaseModel

from diplograph import KnowledgeGraph
from diplograph.graph import _kinds as graph_kinds
from diplograph.graph.view import NodeKind, to_networkx
from diplograph.kinds import KINDS, Kind, Ref, kind_of, walk
from diplograph.model import (
    RECORD_KINDS,
    Actor,
    Event,
    Evidence,
    Participant,
    Place,
    Position,
    Report,
    Statement,
)
from diplograph.rdf._kinds import READERS, WRITERS
from diplograph.rdf.mapping import to_triples
from diplograph.rdf.terms import KIND_CLASSES, expand
from diplograph.resources import shipped

SRC = Path(__file__).resolve().parent.parent / "src" / "diplograph"


def test_kinds_and_models_agree() -> None:
    assert {k: v.model for k, v in KINDS.items()} == RECORD_KINDS
    assert [f.name for f in dataclasses.fields(KnowledgeGraph)] == list(KINDS)


@pytest.mark.parametrize("key", list(KINDS))
def test_every_part_driven_by_the_kinds_covers_each_kind(key: str) -> None:
    kind = KINDS[key]
    assert key in WRITERS and key in READERS, f"rdf/_kinds/{kind.singular}.py: write and read"
    for table in ("NODES", "EDGES", "RECORDS"):
        assert key in getattr(graph_kinds, table), f"graph/_kinds/{kind.singular}.py: {table}"
    assert kind.singular in {k.value for k in NodeKind}, "graph/_base.py: a NodeKind member"
    assert key in {f.name for f in dataclasses.fields(KnowledgeGraph)}, "kg.py: a typed table"
    assert KIND_CLASSES[key] == expand(kind.rdf_class)


def test_node_kinds_are_the_record_kinds() -> None:
    assert [k.value for k in NodeKind] and {k.value for k in NodeKind} == {
        k.singular for k in KINDS.values()
    }


@pytest.mark.parametrize("key", list(KINDS))
def test_reference_and_evidence_paths_name_model_fields(key: str) -> None:
    kind = KINDS[key]
    for path in [r.path for r in kind.refs] + list(kind.evidence):
        model: Any = kind.model
        for part in path.split("."):
            name = part.removesuffix("[]")
            assert name in model.model_fields, f"{key}: {path}: no field {name!r}"
            annotation = model.model_fields[name].annotation
            inner = getattr(annotation, "__args__", (annotation,))[0]
            model = inner if hasattr(inner, "model_fields") else None
            if model is None:
                break
    for ref in kind.refs:
        assert ref.target in KINDS


_SAMPLES: dict[str, Any] = {
    "reports": Report(
        id="r1",
        source="csis-dprk-provocations",
        event="singapore-summit-2018",
        date="2018-06",
        type="talks",
        file="f.csv",
        row=2,
    )
}
"""A record of each kind the shipped dataset does not carry."""


_ID_PATTERN = "^[a-z0-9][a-z0-9._-]*$"


def _id_paths(model: Any, prefix: str = "") -> list[str]:
    """Paths of every field of ``model`` (nested records included) that holds a record id."""
    out: list[str] = []
    for name, info in model.model_fields.items():
        if name == "id" and not prefix:
            continue
        ann = info.annotation
        many = getattr(ann, "__origin__", None) is tuple
        path = f"{prefix}{name}{'[]' if many else ''}"
        nested = [
            a
            for a in getattr(ann, "__args__", (ann,))
            if isinstance(a, type) and issubclass(a, BaseModel)
        ]
        if nested:
            out += _id_paths(nested[0], f"{path}.")
        elif _ID_PATTERN in repr(ann) + repr(info.metadata):
            out.append(path)
    return out


@pytest.mark.parametrize("key", list(KINDS))
def test_every_id_field_of_a_model_is_a_reference(key: str) -> None:
    """A field holding a record id is a described reference (or an evidence's source)."""
    kind = KINDS[key]
    described = {r.path for r in kind.refs} | {f"{e}.source" for e in kind.evidence}
    assert set(_id_paths(kind.model)) == described


@pytest.mark.parametrize("key", list(KINDS))
def test_every_record_is_typed_with_its_kinds_classes(korea: KnowledgeGraph, key: str) -> None:
    kind = KINDS[key]
    shipped_records = getattr(korea, key)
    # The shipped dataset carries no reports (they come from imports): build one.
    record = next(iter(shipped_records.values())) if shipped_records else _SAMPLES[key]
    types = {t.object for t in to_triples(record) if t.predicate.value.endswith("#type")}
    assert {expand(c) for c in kind.rdf_classes} <= types


def test_every_kind_class_is_in_the_ontology_or_a_standard_one() -> None:
    onto = rdflib.Graph().parse(shipped("ontology") / "diplograph.ttl", format="turtle")
    for kind in KINDS.values():
        iri = rdflib.URIRef(expand(kind.rdf_class).value)
        if iri.startswith("https://w3id.org/diplograph/"):
            assert (iri, rdflib.RDF.type, rdflib.OWL.Class) in onto


def test_references_walk_lists_and_nested_records() -> None:
    st = Statement(
        id="s",
        speaker="kim",
        date="2019",
        text="hi",
        about_events=("e1", "e2"),
        channel="kcna",
        evidence=[Evidence(source="src")],
    )
    assert list(KINDS["statements"].references(st)) == [
        ("speaker", "kim", "actors"),
        ("about_events[0]", "e1", "events"),
        ("about_events[1]", "e2", "events"),
        ("channel", "kcna", "actors"),
    ]
    a = Actor(
        id="a",
        kind="person",
        name="A",
        positions=[Position(post="p", evidence=[Evidence(source="s1")])],
        evidence=[Evidence(source="s2")],
    )
    assert [(f, e.source) for f, e in KINDS["actors"].evidence_of(a)] == [
        ("positions[0].evidence[0]", "s1"),
        ("evidence[0]", "s2"),
    ]
    assert list(walk(a, "country")) == []


def test_a_new_kind_is_checked_from_its_description_alone() -> None:
    """Integrity needs nothing but the description: a kind naming events and places."""
    visit = Kind(
        key="visits",
        model=Event,  # any model with the fields named below
        singular="visit",
        refs=(Ref("place", "places"), Ref("participants[].actor", "actors")),
    )
    ev = Event(
        id="v",
        label="v",
        type="visit",
        time="2019",
        place="hanoi",
        participants=[Participant(actor="kim")],
        evidence=[Evidence(source="s")],
    )
    assert list(visit.references(ev)) == [
        ("place", "hanoi", "places"),
        ("participants[0].actor", "kim", "actors"),
    ]
    assert [f for f, _ in visit.evidence_of(ev)] == ["evidence[0]"]


def test_dangling_positions_evidence_is_found() -> None:
    kg = KnowledgeGraph.from_records(
        [
            Actor(
                id="a",
                kind="person",
                name="A",
                positions=[Position(post="p", evidence=[Evidence(source="nowhere")])],
            )
        ]
    )
    assert [str(d) for d in kg.dangling()] == [
        "positions[0].evidence[0].source: no source has id 'nowhere' (named by actor 'a')"
    ]


def test_kind_of_and_dump_order() -> None:
    place = Place(id="p", name="P")
    assert kind_of(place) is KINDS["places"]
    late = Event(id="a", label="a", type="summit", time="2019-06")
    early = Event(id="b", label="b", type="summit", time="2018")
    assert sorted([late, early], key=KINDS["events"].sort_key) == [early, late]
    with pytest.raises(Exception, match="not a record"):
        kind_of("not a record")


def test_the_graph_view_keeps_every_kind(korea: KnowledgeGraph) -> None:
    records = [*korea.records(), _SAMPLES["reports"]]
    G = to_networkx(KnowledgeGraph.from_records(records))
    assert {d["kind"] for _, d in G.nodes(data=True)} == {k.singular for k in KINDS.values()}


def test_no_singular_is_made_by_cutting_a_letter() -> None:
    for path in SRC.rglob("*.py"):
        assert "kind[:-1]" not in path.read_text(encoding="utf-8"), path
