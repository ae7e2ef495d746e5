"""The mapping's triples, the contract SPARQL queries are written against, and its inverse."""

from __future__ import annotations

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad, Triple

from diplograph.errors import RDFError
from diplograph.kg import KnowledgeGraph
from diplograph.model import Actor, Event, Evidence, Participant, Place, Source, Statement
from diplograph.rdf.mapping import from_rdf, graph_names, record_iri, to_quads, to_triples
from diplograph.rdf.vocab import DG, EVENT_TYPE, MODE, OA, ORG, PROV, RDF, ROLE, SEM, XSD

ID = "https://w3id.org/diplograph/id/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def n(iri: object) -> NamedNode:
    return NamedNode(str(iri))


def graph(record: object) -> set[tuple[str, str, object]]:
    """The record's triples as (s, p, o) with IRIs as strings and literals as (value, datatype)."""
    out: set[tuple[str, str, object]] = set()
    for t in to_triples(record):  # type: ignore[arg-type]
        o = t.object
        obj: object = (o.value, o.datatype.value) if isinstance(o, Literal) else o.value
        out.add((t.subject.value, t.predicate.value, obj))
    return out


def lit(value: str, datatype: object = XSD.string) -> tuple[str, str]:
    return (value, str(datatype))


HANOI = Event(
    id="hanoi-summit-2019",
    label="Trump-Kim summit in Hanoi",
    type="summit",
    time="2019-02-27/2019-02-28",
    place="hanoi",
    participants=[
        Participant(actor="donald-trump", role="attendee"),
        Participant(actor="kim-jong-un", role="guest"),
    ],
    part_of="nuclear-talks",
    follows=["singapore-summit-2018"],
    leads_to=["panmunjom-meeting-2019", "missile-tests-2019-05"],
    evidence=[
        Evidence(source="seoul-hopes", quote="Hanoi", start=10, end=15, prefix="in ", suffix="."),
        Evidence(source="wikipedia-hanoi"),
    ],
)
E = f"{ID}event/hanoi-summit-2019"


def test_instance_iris_follow_the_scheme() -> None:
    assert record_iri("event", "hanoi-summit-2019") == E
    assert to_triples(HANOI)[0].subject == n(E)
    assert (
        record_iri("actor", "kcna", base="http://example.org/") == "http://example.org/actor/kcna"
    )


def test_an_event_is_a_sem_and_schema_event_with_a_skos_type() -> None:
    g = graph(HANOI)
    assert (E, str(RDF.type), str(SEM.Event)) in g
    assert (E, str(RDF.type), "https://schema.org/Event") in g
    assert (E, str(SEM.eventType), f"{EVENT_TYPE}summit") in g
    assert (E, "http://www.w3.org/2000/01/rdf-schema#label", lit("Trump-Kim summit in Hanoi")) in g
    assert (E, "http://purl.org/dc/terms/identifier", lit("hanoi-summit-2019")) in g


def test_participants_get_a_plain_edge_and_an_nary_role() -> None:
    g = graph(HANOI)
    kim = f"{ID}actor/kim-jong-un"
    assert (E, str(SEM.hasActor), kim) in g
    assert (E, str(SEM.hasActor), f"{ID}actor/donald-trump") in g
    role = f"{E}#role-2"
    assert (E, str(DG.hasRole), role) in g
    assert (role, str(RDF.type), str(SEM.Role)) in g
    assert (role, str(RDF.value), kim) in g
    assert (role, str(SEM.roleType), f"{ROLE}guest") in g
    # sem:hasActor points at actors only, never at role nodes
    assert not any(p == str(SEM.hasActor) and o == role for _, p, o in g)


def test_links_between_events_and_to_the_place() -> None:
    g = graph(HANOI)
    assert (E, str(SEM.hasPlace), f"{ID}place/hanoi") in g
    assert (E, str(SEM.subEventOf), f"{ID}event/nuclear-talks") in g
    assert (E, str(DG.follows), f"{ID}event/singapore-summit-2018") in g
    assert (E, str(DG.leadsTo), f"{ID}event/panmunjom-meeting-2019") in g
    assert (E, str(DG.leadsTo), f"{ID}event/missile-tests-2019-05") in g


def test_an_interval_has_typed_stamps_and_day_bounds() -> None:
    g = graph(HANOI)
    assert (E, str(DG.edtf), lit("2019-02-27/2019-02-28")) in g
    assert (E, str(SEM.hasBeginTimeStamp), lit("2019-02-27", XSD.date)) in g
    assert (E, str(SEM.hasEndTimeStamp), lit("2019-02-28", XSD.date)) in g
    assert (E, str(SEM.hasEarliestBeginTimeStamp), lit("2019-02-27", XSD.date)) in g
    assert (E, str(SEM.hasLatestEndTimeStamp), lit("2019-02-28", XSD.date)) in g


@pytest.mark.parametrize(
    ("edtf", "begin", "end", "earliest", "latest"),
    [
        ("2019", lit("2019", XSD.gYear), lit("2019", XSD.gYear), "2019-01-01", "2019-12-31"),
        (
            "2019-02",
            lit("2019-02", XSD.gYearMonth),
            lit("2019-02", XSD.gYearMonth),
            "2019-02-01",
            "2019-02-28",
        ),
        (
            "2019-06?",
            lit("2019-06", XSD.gYearMonth),
            lit("2019-06", XSD.gYearMonth),
            "2019-06-01",
            "2019-06-30",
        ),
        ("../2019-06", None, lit("2019-06", XSD.gYearMonth), None, "2019-06-30"),
        ("2019-06~/..", lit("2019-06", XSD.gYearMonth), None, "2019-06-01", None),
    ],
)
def test_dates_keep_their_precision(
    edtf: str, begin: object, end: object, earliest: str | None, latest: str | None
) -> None:
    ev = Event(id="e", label="e", type="meeting", time=edtf)
    s = f"{ID}event/e"
    g = graph(ev)
    assert (s, str(DG.edtf), lit(edtf)) in g

    def values(p: object) -> set[object]:
        return {o for subj, pred, o in g if subj == s and pred == str(p)}

    assert values(SEM.hasBeginTimeStamp) == ({begin} if begin else set())
    assert values(SEM.hasEndTimeStamp) == ({end} if end else set())
    assert values(SEM.hasEarliestBeginTimeStamp) == (
        {lit(earliest, XSD.date)} if earliest else set()
    )
    assert values(SEM.hasLatestEndTimeStamp) == ({lit(latest, XSD.date)} if latest else set())
    assert from_rdf(to_triples(ev)).events["e"].time == ev.time


def test_evidence_is_derivation_plus_web_annotation_selectors() -> None:
    g = graph(HANOI)
    src = f"{ID}source/seoul-hopes"
    # the event is not derived from its sources (that would make it a prov:Entity): its
    # evidence nodes are
    assert not any(s == E and p == str(PROV.wasDerivedFrom) for s, p, _ in g)
    ev = f"{E}#evidence-1"
    assert (E, str(DG.evidence), ev) in g
    assert (ev, str(OA.hasSource), src) in g
    assert (ev, str(PROV.wasDerivedFrom), src) in g
    assert (f"{E}#evidence-2", str(PROV.wasDerivedFrom), f"{ID}source/wikipedia-hanoi") in g
    quote, position = f"{ev}-quote", f"{ev}-position"
    assert (ev, str(OA.hasSelector), quote) in g
    assert (quote, str(RDF.type), str(OA.TextQuoteSelector)) in g
    assert (quote, str(OA.exact), lit("Hanoi")) in g
    assert (quote, str(OA.prefix), lit("in ")) in g
    assert (position, str(RDF.type), str(OA.TextPositionSelector)) in g
    assert (position, str(OA.start), lit("10", XSD.nonNegativeInteger)) in g
    assert (position, str(OA.end), lit("15", XSD.nonNegativeInteger)) in g
    # evidence citing a whole source has no selector
    assert not any(s == f"{E}#evidence-2" and p == str(OA.hasSelector) for s, p, _ in g)


def test_statements_are_events_with_speaker_text_mode_and_about() -> None:
    st = Statement(
        id="kcna-satisfaction",
        speaker="kcna",
        date="2019-07-01",
        text='He said "great"\nand left.',
        mode="paraphrase",
        about_events=["panmunjom-meeting-2019"],
        about_actors=["kim-jong-un"],
        channel="kcna",
        evidence=[Evidence(source="seoul-hopes", quote="great")],
    )
    s = f"{ID}statement/kcna-satisfaction"
    g = graph(st)
    assert (s, str(RDF.type), str(DG.Statement)) in g
    assert (s, str(DG.speaker), f"{ID}actor/kcna") in g
    assert (s, str(DG.text), lit('He said "great"\nand left.')) in g
    assert (s, str(DG.mode), f"{MODE}paraphrase") in g
    assert (s, str(DG.aboutEvent), f"{ID}event/panmunjom-meeting-2019") in g
    assert (s, str(DG.aboutActor), f"{ID}actor/kim-jong-un") in g
    assert (s, str(DG.channel), f"{ID}actor/kcna") in g
    assert (s, str(SEM.hasBeginTimeStamp), lit("2019-07-01", XSD.date)) in g


def test_positions_use_w3c_org() -> None:
    actor = Actor(
        id="lee-sang-min",
        kind="person",
        name="Lee Sang-min",
        positions=[
            {"post": "Spokesman", "organization": "unification-ministry", "start": "2019-06?"}
        ],
    )
    a = f"{ID}actor/lee-sang-min"
    g = graph(actor)
    post = f"{a}#position-1"
    assert (a, str(RDF.type), "https://schema.org/Person") in g
    assert (a, str(ORG.holds), post) in g
    assert (a, str(ORG.memberOf), f"{ID}actor/unification-ministry") in g
    assert (post, str(RDF.type), str(ORG.Post)) in g
    assert (post, str(ORG.postIn), f"{ID}actor/unification-ministry") in g
    assert (post, str(DG.startDate), lit("2019-06", XSD.gYearMonth)) in g
    assert (post, str(DG.startEdtf), lit("2019-06?")) in g  # the uncertainty kept
    assert not any(p.startswith("https://schema.org/") for s, p, _ in g if s == post)
    # org:memberOf links an agent to an organization: both typed so
    assert (a, str(RDF.type), "http://xmlns.com/foaf/0.1/Agent") in g
    ministry = Actor(id="unification-ministry", kind="government_body", name="Ministry")
    assert (
        f"{ID}actor/unification-ministry",
        str(RDF.type),
        str(ORG.Organization),
    ) in graph(ministry)
    assert from_rdf(to_triples(actor)).actors["lee-sang-min"] == actor


def test_places_have_wgs84_coordinates_and_wikidata_identity() -> None:
    place = Place(id="panmunjom", name="Panmunjom", lat=37.956, long=126.677, wikidata="Q202009")
    p = f"{ID}place/panmunjom"
    g = graph(place)
    assert (p, str(RDF.type), str(SEM.Place)) in g
    assert (p, "http://www.w3.org/2003/01/geo/wgs84_pos#lat", lit("37.956", XSD.decimal)) in g
    assert (
        p,
        "http://www.w3.org/2002/07/owl#sameAs",
        "http://www.wikidata.org/entity/Q202009",
    ) in g


def test_no_blank_nodes_are_written(korea: KnowledgeGraph) -> None:
    for record in korea.records():
        for t in to_triples(record):
            assert isinstance(t.subject, NamedNode)
            assert isinstance(t.object, NamedNode | Literal)


def test_quads_go_to_one_named_graph_per_cited_source() -> None:
    assert graph_names(HANOI) == [f"{ID}source/seoul-hopes", f"{ID}source/wikipedia-hanoi"]
    quads = list(to_quads(HANOI))
    assert {q.graph_name.value for q in quads} == set(graph_names(HANOI))
    by_graph: dict[str, set[tuple[str, str, str]]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name.value, set()).add(
            (q.subject.value, q.predicate.value, q.object.value)
        )
    seoul, wiki = by_graph[f"{ID}source/seoul-hopes"], by_graph[f"{ID}source/wikipedia-hanoi"]
    # each graph holds the event itself, and only the evidence citing its own source
    for g in (seoul, wiki):
        assert (E, str(RDF.type), str(SEM.Event)) in g
    assert (E, str(DG.evidence), f"{E}#evidence-1") in seoul
    assert (E, str(DG.evidence), f"{E}#evidence-1") not in wiki
    assert not any(s.startswith(f"{E}#evidence-1") for s, _, _ in wiki)
    assert (E, str(DG.evidence), f"{E}#evidence-2") in wiki
    assert not any(s.startswith(f"{E}#evidence-2") for s, _, _ in seoul)
    # together they are the record's triples
    assert seoul | wiki == {
        (t.subject.value, t.predicate.value, t.object.value) for t in to_triples(HANOI)
    }
    src = Source(id="seoul-hopes", title="Seoul hopes")
    assert {str(q.graph_name) for q in to_quads(src)} == {"DEFAULT"}


def test_the_korea_dataset_round_trips(korea: KnowledgeGraph) -> None:
    quads = [q for r in korea.records() for q in to_quads(r)]
    assert from_rdf(quads) == korea


def test_from_rdf_reads_an_rdflib_graph_and_dataset(korea: KnowledgeGraph) -> None:
    from diplograph.rdf.io import to_rdf

    g = rdflib.Graph().parse(data=to_rdf(korea, format="turtle"), format="turtle")
    assert from_rdf(g) == korea
    ds = rdflib.Dataset()
    ds.parse(data=to_rdf(korea, format="trig"), format="trig")
    assert from_rdf(ds) == korea


def test_plain_sem_has_actor_without_a_role_reads_as_an_attendee() -> None:
    triples = [t for t in to_triples(HANOI) if t.predicate != n(DG.hasRole)]
    ev = from_rdf(triples).events["hanoi-summit-2019"]
    assert [p.actor for p in ev.participants] == ["donald-trump", "kim-jong-un"]
    assert {p.role.value for p in ev.participants} == {"attendee"}


def _without(triples: list[Triple], p: object) -> list[Triple]:
    return [t for t in triples if t.predicate != n(p)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda ts: _without(ts, "http://www.w3.org/2000/01/rdf-schema#label"),
            f"<{E}>: missing rdfs:label (the event's label)",
        ),
        (
            lambda ts: ([*ts, Triple(n(E), n(RDFS_LABEL), Literal("other"))]),
            f"<{E}>: rdfs:label must have one value (got 2: ",
        ),
        (
            lambda ts: [
                Triple(t.subject, t.predicate, n(f"{EVENT_TYPE}picnic"))
                if t.predicate == n(SEM.eventType)
                else t
                for t in ts
            ],
            f"<{E}>: sem:eventType must be one of <{EVENT_TYPE}summit>",
        ),
        (
            lambda ts: _without(
                _without(_without(ts, DG.edtf), SEM.hasBeginTimeStamp), SEM.hasEndTimeStamp
            ),
            f"<{E}>: missing dg:edtf or sem:hasBeginTimeStamp (the event's date)",
        ),
        (
            lambda ts: [
                Triple(t.subject, t.predicate, Literal("2019-02-30"))
                if t.predicate == n(DG.edtf)
                else t
                for t in ts
            ],
            f"<{E}>: dg:edtf: impossible date: February 2019 has 28 days (got '2019-02-30')",
        ),
        (
            lambda ts: [
                Triple(t.subject, t.predicate, Literal("Bad Id!"))
                if t.predicate == n("http://purl.org/dc/terms/identifier")
                else t
                for t in ts
            ],
            f"<{E}>: event id: String should match pattern",
        ),
    ],
    ids=["no-label", "two-labels", "unknown-type", "no-date", "impossible-date", "bad-id"],
)
def test_rdf_that_does_not_fit_gives_a_clear_error(change: object, message: str) -> None:
    triples = change(to_triples(HANOI))  # type: ignore[operator]
    with pytest.raises(RDFError) as info:
        from_rdf(triples)
    assert str(info.value).startswith(message)


def test_quads_and_triples_mix_graphs_into_one_view() -> None:
    quads = list(to_quads(HANOI))
    assert all(isinstance(q, Quad) for q in quads)
    assert from_rdf(quads).events["hanoi-summit-2019"] == HANOI
