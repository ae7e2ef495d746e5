"""Turtle formatted straight from records writes the mapping's triples, no more, no fewer.

Every record kind has a writer that formats its Turtle without making triples
(``rdf/_kinds/<kind>.turtle``). Two checks hold it to the mapping: each
record's text equals, byte for byte, the Turtle that the generic formatter
makes of the mapping's triples (so files do not change), and the whole export
read back by two parsers (pyoxigraph and rapper) is exactly the set of triples
:func:`~diplograph.rdf.mapping.to_triples` gives, over the Korea dataset, a
synthetic set with every date form and every record kind, and random graphs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import knowledge_graphs

from diplograph.kg import KnowledgeGraph
from diplograph.kinds import KINDS
from diplograph.model import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Evidence,
    Participant,
    Place,
    Position,
    Record,
    Report,
    Role,
    Source,
    SourceKind,
    Statement,
    StatementMode,
    Topic,
)
from diplograph.rdf._kinds import TURTLE
from diplograph.rdf._text import Text
from diplograph.rdf._turtle import Direct
from diplograph.rdf.io import _KIND_SEGMENTS, _prefixes, parse_rdf, to_rdf
from diplograph.rdf.mapping import rows_of, to_triples
from diplograph.rdf.vocab import BASE

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OTHER_BASE = "http://example.org/kg/"

DATES = [
    "2019-02-27",
    "2019-02",
    "2019",
    "2019-02-27?",
    "2019-02-27~",
    "2019-02-27%",
    "2019-02?",
    "2019~",
    "2019-02-27/2019-02-28",
    "2019-02/2019-03-05",
    "2018?/2019-01~",
    "../2019-06",
    "2019-06/..",
    "0999-12-31",
]
"""Every date form: each precision, qualified, intervals closed and open at either end."""


def _evidence(i: int) -> tuple[Evidence, ...]:
    """No evidence, one bare citation, or several of two sources interleaved, with every field."""
    if i % 3 == 0:
        return ()
    if i % 3 == 1:
        return (Evidence(source="src-a"),)
    return (
        Evidence(source="src-b.", quote='said "no"\n', start=10, end=20, prefix="he ", suffix="."),
        Evidence(source="src-a", quote="words", note="read as Monday", confidence=0.25),
        Evidence(source="src-b.", prefix="before", draft=True, confidence=1.0),
        Evidence(source="src-c", quote="ok", start=0, end=2),
    )


def every_kind() -> KnowledgeGraph:
    """Records of every kind with every optional field, each date form and id ending in '.'."""
    records = [*_sources(), *_actors(), *_places()]
    for i, when in enumerate(DATES):
        records += _dated(i, when)
    return KnowledgeGraph.from_records(records)


def _sources() -> list[Record]:
    kinds = list(SourceKind)
    records: list[Record] = [
        Source(
            id="src-a", title="A \\ title", kind="report", publisher="Agency", url="https://e.org/a?b=1",
            published="2019-02?", retrieved="2024-05-18", language="en", file="a.txt",
            sha256="0" * 64, reliability="B", credibility=2, note="two\r\nlines",
        ),
        Source(id="src-b.", title="B", language="zh-Hans", published="2019-02-27/2019-03",
               retrieved="2024"),
        Source(id="src-c", title="C", kind=kinds[2]),
    ]  # fmt: skip
    return records + [Source(id=f"src-kind-{k.value}", title=k.value, kind=k) for k in kinds]


def _actors() -> list[Record]:
    records: list[Record] = []
    for i, kind in enumerate(ActorKind):
        positions = tuple(
            Position(post=f"post {j}", organization="org." if j % 2 else None, start=start,
                     end=end, evidence=_evidence(i + j))
            for j, (start, end) in enumerate(
                [("2018", "2019-02-27?"), ("2019-02-27/2019-03-01", None), (None, "2020~")][: i + 1]
            )
        )  # fmt: skip
        records.append(
            Actor(
                id=f"who-{i}",
                kind=kind,
                name=f"Actor {i}",
                aliases=("a", "b", "a2")[:i],
                wikidata="Q42" if i % 2 else None,
                country="org." if i else None,
                description="who" if i % 2 == 0 else None,
                positions=positions,
                evidence=_evidence(i),
            )
        )
    return [*records, Actor(id="org.", kind="organization", name="Org", aliases=("x",))]


def _places() -> list[Record]:
    return [
        Place(id="p1", name="P", aliases=("a", "b"), lat=38.0, long=-126.625, wikidata="Q1",
              evidence=_evidence(2)),
        Place(id="p2.", name="Q", country="org.", part_of="p1", lat=0.0, long=1e-5),
    ]  # fmt: skip


def _dated(i: int, when: str) -> list[Record]:
    """An event, a statement and a report on ``when``, their optional fields varied by ``i``."""
    roles = list(Role)
    people = ["who-0", "who-1", "org.", "who-3"][: i % 5]
    return [
        Event(
            id=f"ev-{i}" if i != 3 else "ev-3.",
            label=f'Event "{i}"',
            type=list(EventType)[i % 5],
            time=when,
            place=("p1", "p2.", None)[i % 3],
            participants=tuple(
                Participant(actor=a, role=roles[(i + k) % len(roles)]) for k, a in enumerate(people)
            ),
            part_of="ev-0" if i > 4 else None,
            follows=("ev-1", "ev-2")[: i % 3],
            leads_to=("ev-0",) if i % 4 == 1 else (),
            outcome="done" if i % 2 else None,
            description="what\nhappened" if i % 3 == 1 else None,
            wikidata="Q9" if i == 5 else None,
            evidence=_evidence(i),
        ),
        Statement(
            id=f"st-{i}" if i != 4 else "st-4.",
            speaker="who-0",
            speakers=("who-0", "who-1") if i % 4 == 2 else (),
            date=when,
            text=f"Words {i}",
            mode=list(StatementMode)[i % len(StatementMode)],
            about_events=("ev-0", "ev-1")[: i % 3],
            about_actors=("org.",) if i % 2 else (),
            about_places=("p1", "p2.")[: i % 3],
            about_topics=tuple(list(Topic)[: i % 3]),
            said_at="ev-2" if i % 5 == 1 else None,
            channel="org." if i % 3 == 2 else None,
            language=(None, "en", "ko-KP")[i % 3],
            evidence=_evidence(i) or (Evidence(source="src-c"),),
        ),
        Report(
            id=f"rep-{i}" if i != 5 else "rep-5.",
            source="src-a",
            date=when,
            file="rows.csv",
            row=i + 1,
            event="ev-0" if i % 2 else None,
            type=list(EventType)[i % 4] if i % 3 else None,
            cameo="042" if i % 2 else None,
            plover="CONSULT" if i % 3 == 0 else None,
            source_actor="who-0" if i % 2 else None,
            target_actor="org." if i % 3 else None,
            actors=("who-0", "org.", "who-1")[: i % 4],
            source_name="A" if i % 2 else None,
            target_name="B" if i % 3 == 1 else None,
            place="Seoul" if i % 2 else None,
            lat=37.5 if i % 2 else None,
            long=-127.0 if i % 2 else None,
            goldstein=-2.5 if i % 2 else None,
            intensity=3.0 if i % 3 == 0 else None,
            quad_class=(i % 4) + 1 if i % 2 else None,
            text="row text" if i % 3 else None,
            evidence=_evidence(i)[:2],
        ),
    ]


def synthetic(events: int) -> KnowledgeGraph:
    """The benchmarks' synthetic collection (``benchmarks/synthetic.py``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        from synthetic import generate
    finally:
        sys.path.pop(0)
    return generate(events, seed=3)


def assert_text_equals_the_mapping(records: Iterable[Record], base: str = BASE) -> set[type]:
    """Each record's direct Turtle equals the generic Turtle of its mapped triples, byte for
    byte; returns the kinds seen."""
    text = Text(_prefixes(base), base, _KIND_SEGMENTS)
    direct = Direct(text, base)
    writers = {model: make(direct) for model, make in TURTLE.items()}
    seen = set()
    for record in records:
        got = writers[type(record)](record)
        assert got == text.turtle(rows_of(record, base=base).rows()), record.id
        seen.add(type(record))
    return seen


def mapped(kg: KnowledgeGraph) -> set[ox.Triple]:
    """The mapping's triples of every record, built as pyoxigraph terms (no Turtle involved)."""
    return {t for r in kg.records() for t in to_triples(r)}


def parsed(text: str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(text.encode("utf-8"), fmt)}


ALL_KINDS = {kind.model for kind in KINDS.values()}


# -- the direct text is the mapping's text ---------------------------------------------------


def test_every_kind_has_a_direct_writer() -> None:
    assert set(TURTLE) == ALL_KINDS


@SETTINGS
@given(kg=knowledge_graphs())
def test_random_graphs_formatted_straight_equal_the_mapping(kg: KnowledgeGraph) -> None:
    assert assert_text_equals_the_mapping(kg.records()) == {type(r) for r in kg.records()}
    assert_text_equals_the_mapping(kg.records(), OTHER_BASE)
    # read back, the whole export; that it reads back as records is test_rdf_roundtrip's
    assert parsed(to_rdf(kg, format="turtle")) == mapped(kg)


def test_every_kind_and_date_form_and_the_shipped_and_synthetic_records(
    korea: KnowledgeGraph,
) -> None:
    assert assert_text_equals_the_mapping(every_kind().records()) == ALL_KINDS
    assert assert_text_equals_the_mapping(every_kind().records(), OTHER_BASE) == ALL_KINDS
    assert assert_text_equals_the_mapping(korea.records()) == ALL_KINDS - {Report}
    assert len(assert_text_equals_the_mapping(synthetic(300).records())) == 5


# -- read back, the export is the mapping's set of triples ------------------------------------


@pytest.fixture(scope="module")
def graphs(korea: KnowledgeGraph) -> dict[str, KnowledgeGraph]:
    both = KnowledgeGraph.from_records([*synthetic(400).records(), *every_kind().records()])
    return {"korea": korea, "synthetic and every kind": both}


@pytest.mark.parametrize("name", ["korea", "synthetic and every kind"])
def test_the_turtle_export_reads_back_as_exactly_the_mapped_triples(
    graphs: dict[str, KnowledgeGraph], name: str
) -> None:
    kg = graphs[name]
    text = to_rdf(kg, format="turtle")
    want = mapped(kg)
    assert parsed(text) == want
    assert len(want) > (10_000 if name != "korea" else 1_000)
    # N-Triples comes from the mapping's rows through another formatter: the same set
    assert parsed(to_rdf(kg, format="ntriples"), ox.RdfFormat.N_TRIPLES) == want
    assert parse_rdf(text) == kg  # lossless through `import rdf`


def test_a_stream_of_records_writes_what_the_graph_writes(
    graphs: dict[str, KnowledgeGraph],
) -> None:
    kg = graphs["synthetic and every kind"]
    in_order = [r for kind in KINDS for r in sorted(getattr(kg, kind).values(), key=lambda r: r.id)]
    assert to_rdf(iter(in_order), format="turtle") == to_rdf(kg, format="turtle")


def test_rapper_reads_the_direct_turtle_as_the_mapped_triples(
    tmp_path: Path, graphs: dict[str, KnowledgeGraph]
) -> None:
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper is absent: apt-get install raptor2-utils (.ci/setup-system does)")
    kg = graphs["synthetic and every kind"]
    path = tmp_path / "all.ttl"
    path.write_text(to_rdf(kg, format="turtle"), encoding="utf-8")
    done = subprocess.run(
        [rapper, "-q", "-i", "turtle", "-o", "ntriples", str(path)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert parsed(done.stdout.decode("utf-8"), ox.RdfFormat.N_TRIPLES) == mapped(kg)
