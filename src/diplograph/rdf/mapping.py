"""One mapping between records and RDF, both ways.

:func:`to_triples` and :func:`to_quads` turn one record at a time into
pyoxigraph triples and quads, so any number of records stream to disk without
a graph in memory; :func:`from_rdf` reads them back into a
:class:`~diplograph.kg.KnowledgeGraph` with equal records.

IRIs
----
Instances are ``{base}{kind}/{id}`` with ``base`` by default
``https://w3id.org/diplograph/id/`` and ``kind`` one of ``source``, ``actor``,
``place``, ``event``, ``statement``: ``<https://w3id.org/diplograph/id/event/hanoi-summit-2019>``.
Nodes that belong to one record hang off its IRI with a fragment:
``#role-1``, ``#evidence-2``, ``#evidence-2-quote``, ``#evidence-2-position``,
``#position-1``, ``#position-1-evidence-1``, ``#aliases``, ``#follows``, ...
(the number is the 1-based place in the record's list). No blank nodes are
written. Ontology terms are ``dg:`` = ``https://w3id.org/diplograph/ontology#``;
the controlled values are SKOS concepts: ``et:summit``
(``https://w3id.org/diplograph/event-type/``), ``role:host``, ``mode:paraphrase``,
``kind:news_article``.

The main triples, by record kind (``?`` marks optional ones)
------------------------------------------------------------
Every record: ``dcterms:identifier "its-id"``; and for each source its evidence
cites, ``prov:wasDerivedFrom <source/..>`` plus ``dg:evidence <..#evidence-N>``.

Event::

    <event/x> a sem:Event, schema:Event ;
        rdfs:label "label" ;
        sem:eventType et:summit ;                    # a skos:Concept of event-types.ttl
        dg:edtf "2019-02-27/2019-02-28" ;            # the exact EDTF text, lossless
        sem:hasBeginTimeStamp "2019-02-27"^^xsd:date ;   # typed by precision:
        sem:hasEndTimeStamp "2019-02-28"^^xsd:date ;     #   xsd:date | xsd:gYearMonth | xsd:gYear
        sem:hasEarliestBeginTimeStamp "2019-02-27"^^xsd:date ;  # day bounds, always xsd:date
        sem:hasLatestBeginTimeStamp "2019-02-27"^^xsd:date ;
        sem:hasEarliestEndTimeStamp "2019-02-28"^^xsd:date ;
        sem:hasLatestEndTimeStamp "2019-02-28"^^xsd:date ;
        sem:hasPlace <place/hanoi> ;                 # ?
        sem:hasActor <actor/kim-jong-un> ;           # one per participant, plain
        dg:hasRole <event/x#role-1> ;                # one n-ary sem:Role per participant
        sem:subEventOf <event/y> ;                   # ? part_of
        dg:follows <event/w> ; dg:leadsTo <event/z> ;   # ?
        dg:outcome "..." ; schema:description "..." ; owl:sameAs wd:Q123 .   # ?
    <event/x#role-1> a sem:Role ; rdf:value <actor/kim-jong-un> ; sem:roleType role:guest .

The same dates as OWL-Time, for tools that read it::

    <event/x> time:hasTime <event/x#time> .
    <event/x#time> a time:Interval ;
        time:hasBeginning <event/x#time-begin> ; time:hasEnd <event/x#time-end> .
    <event/x#time-begin> a time:Instant ; time:inXSDDate "2019-02-27"^^xsd:date .
    # time:inXSDgYearMonth / time:inXSDgYear for month and year precision

A point date ("2019-06") has begin = end. An interval open at the start
(``../2019-06``, "before July 2019") has no begin stamps at all; one open at the
end (``2019-06/..``) has no end stamps.

Statement (``dg:Statement`` is a ``sem:Event``, with the same date triples)::

    <statement/s> a dg:Statement ;
        dg:speaker <actor/kcna> ; dg:text "the words" ; dg:mode mode:direct_quote ;
        dg:edtf "2019-07-01" ; sem:hasBeginTimeStamp ... (as for events) ;
        dg:aboutEvent <event/x> ; dg:aboutActor <actor/y> ;   # ?
        dg:channel <actor/kcna> ; dcterms:language "en" .      # ?

Actor::

    <actor/a> a sem:Actor, schema:Person ;   # | schema:Country | schema:Organization |
        rdfs:label "name" ;      # | schema:GovernmentOrganization | schema:NewsMediaOrganization
        skos:altLabel "alias" ; owl:sameAs wd:Q22686 ; dg:country <actor/united-states> ;
        schema:description "..." ;
        org:holds <actor/a#position-1> ; org:memberOf <actor/org> .
    <actor/a#position-1> a org:Post ; rdfs:label "spokesman" ; org:postIn <actor/org> ;
        schema:startDate "2017-01-20"^^xsd:date ; schema:endDate "2021"^^xsd:gYear ;
        prov:wasDerivedFrom <source/s> ; dg:evidence <actor/a#position-1-evidence-1> .

Place::

    <place/p> a sem:Place, schema:Place ; rdfs:label "name" ;
        geo:lat 38.0 ; geo:long 126.6 ;      # xsd:decimal
        dg:country <actor/c> ; schema:containedInPlace <place/q> ; owl:sameAs wd:Q1 .

Source (also the name of its named graph in TriG and N-Quads)::

    <source/s> a prov:Entity, dg:Source, schema:NewsArticle ;
        dcterms:title "title" ; dg:sourceKind kind:news_article ;
        dcterms:publisher "..." ; schema:url "..."^^xsd:anyURI ;
        dcterms:issued "2019-07-01"^^xsd:date ; dg:retrieved "2024-05-18"^^xsd:date ;
        dcterms:language "en" ; dg:file "..." ; dg:sha256 "..." ;
        dg:reliability "B" ; dg:credibility 2 ; rdfs:comment "note" .

Evidence (Web Annotation)::

    <event/x#evidence-1> a dg:Evidence ;     # dg:Evidence is an oa:SpecificResource
        oa:hasSource <source/s> ; rdfs:comment "note" ;
        oa:hasSelector <event/x#evidence-1-quote>, <event/x#evidence-1-position> .
    <event/x#evidence-1-quote> a oa:TextQuoteSelector ;
        oa:exact "quoted words" ; oa:prefix "before " ; oa:suffix " after" .
    <event/x#evidence-1-position> a oa:TextPositionSelector ; oa:start 120 ; oa:end 132 .

Order
-----
RDF values are sets. To give back lists in their order, role, position and
evidence nodes carry their place in the IRI, and a list of two values or more
(aliases, follows, leads_to, about_events, about_actors) is also written as an
``rdf:Seq`` node (``dg:aliasOrder <actor/a#aliases>``; ``rdf:_1 "Kim"``, ...).
A date that an xsd type cannot hold exactly (uncertain, approximate, an
interval) is kept as EDTF text: always in ``dg:edtf`` for events and
statements, and in ``dg:issuedEdtf``, ``dg:retrievedEdtf``, ``dg:startEdtf``,
``dg:endEdtf`` where needed.

Named graphs
------------
:func:`to_quads` puts a record in the named graph of each source its evidence
cites (the graph is named by the source's IRI), and records citing none, and
the sources themselves, in the default graph.

Examples
--------
>>> from diplograph.model import Event
>>> ev = Event(id="hanoi", label="Hanoi summit", type="summit", time="2019-02")
>>> for t in to_triples(ev):
...     if "TimeStamp" in t.predicate.value:
...         p, o = t.predicate.value.rsplit("/", 1)[1], t.object
...         print(p, o.value, o.datatype.value.split("#")[1])
hasBeginTimeStamp 2019-02 gYearMonth
hasEndTimeStamp 2019-02 gYearMonth
hasEarliestBeginTimeStamp 2019-02-01 date
hasLatestBeginTimeStamp 2019-02-28 date
hasEarliestEndTimeStamp 2019-02-01 date
hasLatestEndTimeStamp 2019-02-28 date
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    Triple,
)

from ..dates import PartialDate, Precision, When
from ..errors import RDFError
from ..kg import KnowledgeGraph
from ..model import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Evidence,
    Place,
    Position,
    Record,
    Role,
    Source,
    SourceKind,
    Statement,
    StatementMode,
)
from .vocab import (
    BASE,
    DCTERMS,
    DG,
    EVENT_TYPE,
    GEO,
    MODE,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    ROLE,
    SCHEMA,
    SEM,
    SKOS,
    SOURCE_KIND,
    TIME,
    WIKIDATA,
    XSD,
)

__all__ = [
    "from_rdf",
    "graph_names",
    "record_iri",
    "spo_of",
    "to_quads",
    "to_triples",
]

Term = NamedNode | BlankNode | Literal
Spo = tuple[NamedNode, NamedNode, Term]
"""A triple as a plain tuple: cheaper to build than a pyoxigraph ``Triple`` (about 4 us each)."""


def _n(iri: str) -> NamedNode:
    return NamedNode(str(iri))


# Terms as pyoxigraph nodes, built once.
A = _n(RDF.type)
_ID = _n(DCTERMS.identifier)
_LABEL = _n(RDFS.label)
_COMMENT = _n(RDFS.comment)
_VALUE = _n(RDF.value)
_SEQ = _n(RDF.Seq)
_SAME_AS = _n(OWL.sameAs)
_DERIVED = _n(PROV.wasDerivedFrom)
_EVIDENCE = _n(DG.evidence)

_XSD_DATE = _n(XSD.date)
_XSD_BY_PRECISION = {
    Precision.DAY: _XSD_DATE,
    Precision.MONTH: _n(XSD.gYearMonth),
    Precision.YEAR: _n(XSD.gYear),
}
_XSD_INT = _n(XSD.integer)
_XSD_NNI = _n(XSD.nonNegativeInteger)
_XSD_DECIMAL = _n(XSD.decimal)
_XSD_ANYURI = _n(XSD.anyURI)

_ACTOR_CLASS = {
    ActorKind.PERSON: _n(SCHEMA.Person),
    ActorKind.STATE: _n(SCHEMA.Country),
    ActorKind.ORGANIZATION: _n(SCHEMA.Organization),
    ActorKind.GOVERNMENT_BODY: _n(SCHEMA.GovernmentOrganization),
    ActorKind.MEDIA: _n(SCHEMA.NewsMediaOrganization),
}
_SOURCE_CLASS = {
    SourceKind.NEWS_ARTICLE: _n(SCHEMA.NewsArticle),
    SourceKind.REPORT: _n(SCHEMA.Report),
    SourceKind.DATASET: _n(SCHEMA.Dataset),
    SourceKind.REFERENCE: _n(SCHEMA.Article),
}
_CREATIVE_WORK = _n(SCHEMA.CreativeWork)

# OWL-Time: the same dates as a time:Interval with instants typed by precision.
_OT_HAS_TIME = _n(TIME.hasTime)
_OT_INTERVAL = _n(TIME.Interval)
_OT_INSTANT = _n(TIME.Instant)
_OT_BEGINNING = _n(TIME.hasBeginning)
_OT_END = _n(TIME.hasEnd)
_OT_IN_XSD = {
    Precision.DAY: _n(TIME.inXSDDate),
    Precision.MONTH: _n(TIME.inXSDgYearMonth),
    Precision.YEAR: _n(TIME.inXSDgYear),
}

_TIME = {
    "begin": _n(SEM.hasBeginTimeStamp),
    "end": _n(SEM.hasEndTimeStamp),
    "earliest_begin": _n(SEM.hasEarliestBeginTimeStamp),
    "latest_begin": _n(SEM.hasLatestBeginTimeStamp),
    "earliest_end": _n(SEM.hasEarliestEndTimeStamp),
    "latest_end": _n(SEM.hasLatestEndTimeStamp),
}


# Every other term the mapping writes, as pyoxigraph nodes built once (a namespace
# attribute costs more than the triple it goes into).
_DCTERMS_issued = _n(DCTERMS.issued)
_DCTERMS_language = _n(DCTERMS.language)
_DCTERMS_publisher = _n(DCTERMS.publisher)
_DCTERMS_title = _n(DCTERMS.title)
_DG_Evidence = _n(DG.Evidence)
_DG_Source = _n(DG.Source)
_DG_Statement = _n(DG.Statement)
_DG_aboutActor = _n(DG.aboutActor)
_DG_aboutActorOrder = _n(DG.aboutActorOrder)
_DG_aboutEvent = _n(DG.aboutEvent)
_DG_aboutEventOrder = _n(DG.aboutEventOrder)
_DG_aliasOrder = _n(DG.aliasOrder)
_DG_channel = _n(DG.channel)
_DG_country = _n(DG.country)
_DG_credibility = _n(DG.credibility)
_DG_edtf = _n(DG.edtf)
_DG_endEdtf = _n(DG.endEdtf)
_DG_file = _n(DG.file)
_DG_follows = _n(DG.follows)
_DG_followsOrder = _n(DG.followsOrder)
_DG_hasRole = _n(DG.hasRole)
_DG_issuedEdtf = _n(DG.issuedEdtf)
_DG_leadsTo = _n(DG.leadsTo)
_DG_leadsToOrder = _n(DG.leadsToOrder)
_DG_mode = _n(DG.mode)
_DG_outcome = _n(DG.outcome)
_DG_reliability = _n(DG.reliability)
_DG_retrieved = _n(DG.retrieved)
_DG_retrievedEdtf = _n(DG.retrievedEdtf)
_DG_sourceKind = _n(DG.sourceKind)
_DG_speaker = _n(DG.speaker)
_DG_startEdtf = _n(DG.startEdtf)
_DG_text = _n(DG.text)
_OA_TextPositionSelector = _n(OA.TextPositionSelector)
_OA_TextQuoteSelector = _n(OA.TextQuoteSelector)
_OA_end = _n(OA.end)
_OA_hasSelector = _n(OA.hasSelector)
_OA_hasSource = _n(OA.hasSource)
_OA_start = _n(OA.start)
_ORG_Post = _n(ORG.Post)
_ORG_holds = _n(ORG.holds)
_ORG_memberOf = _n(ORG.memberOf)
_ORG_postIn = _n(ORG.postIn)
_PROV_Entity = _n(PROV.Entity)
_SCHEMA_Event = _n(SCHEMA.Event)
_SCHEMA_Place = _n(SCHEMA.Place)
_SCHEMA_containedInPlace = _n(SCHEMA.containedInPlace)
_SCHEMA_description = _n(SCHEMA.description)
_SCHEMA_endDate = _n(SCHEMA.endDate)
_SCHEMA_startDate = _n(SCHEMA.startDate)
_SCHEMA_url = _n(SCHEMA.url)
_SEM_Actor = _n(SEM.Actor)
_SEM_Event = _n(SEM.Event)
_SEM_Place = _n(SEM.Place)
_SEM_Role = _n(SEM.Role)
_SEM_eventType = _n(SEM.eventType)
_SEM_hasActor = _n(SEM.hasActor)
_SEM_hasPlace = _n(SEM.hasPlace)
_SEM_roleType = _n(SEM.roleType)
_SEM_subEventOf = _n(SEM.subEventOf)
_SKOS_altLabel = _n(SKOS.altLabel)


def record_iri(kind: str, rid: str, *, base: str = BASE) -> str:
    """The IRI of the record of ``kind`` (``event``, ``actor``, ...) with id ``rid``.

    Examples
    --------
    >>> record_iri("event", "hanoi-summit-2019")
    'https://w3id.org/diplograph/id/event/hanoi-summit-2019'
    """
    return f"{base}{kind}/{rid}"


# -- records -> triples -------------------------------------------------------------------


_DG_sha256 = _n(DG.sha256)
_OA_exact = _n(OA.exact)
_OA_prefix = _n(OA.prefix)
_OA_suffix = _n(OA.suffix)
# The SKOS concept of each controlled value. One dict per enum: the enums are StrEnums, so
# "report" the event type, the statement mode and the source kind are equal keys.
_EVENT_TYPES = {v: _n(f"{EVENT_TYPE}{v.value}") for v in EventType}
_ROLES = {v: _n(f"{ROLE}{v.value}") for v in Role}
_MODES = {v: _n(f"{MODE}{v.value}") for v in StatementMode}
_SOURCE_KINDS = {v: _n(f"{SOURCE_KIND}{v.value}") for v in SourceKind}


@lru_cache(maxsize=64)
def _member(i: int) -> NamedNode:
    """``rdf:_i``, the i-th member of an rdf:Seq."""
    return NamedNode(f"{RDF}_{i}")


@lru_cache(maxsize=1 << 16)
def _node(base: str, kind: str, rid: str) -> NamedNode:
    """A record's IRI node; cached, as actors, places and sources are named again and again."""
    return NamedNode(f"{base}{kind}/{rid}")


class _Out:
    """The triples of one record, subject by subject."""

    __slots__ = ("base", "later", "seen", "triples")

    def __init__(self, base: str) -> None:
        self.base = base
        self.triples: list[Spo] = []
        self.later: list[Spo] = []
        self.seen: set[tuple[NamedNode, NamedNode, Term]] = set()

    def node(self, kind: str, rid: str) -> NamedNode:
        return _node(self.base, kind, rid)

    def add(self, s: NamedNode, p: NamedNode, o: Term) -> None:
        self.triples.append((s, p, o))

    def once(self, s: NamedNode, p: NamedNode, o: Term) -> None:
        if (s, p, o) not in self.seen:
            self.seen.add((s, p, o))
            self.triples.append((s, p, o))

    def text(self, s: NamedNode, p: NamedNode, value: str | None) -> None:
        if value is not None:
            self.triples.append((s, p, Literal(value)))


def _typed(d: PartialDate) -> Literal:
    """A partial date as an xsd literal of its precision (a qualifier is dropped)."""
    text = f"{d.year:04d}"
    if d.month is not None:
        text += f"-{d.month:02d}"
        if d.day is not None:
            text += f"-{d.day:02d}"
    return Literal(text, datatype=_XSD_BY_PRECISION[d.precision])


def _day(d: Any) -> Literal:
    return Literal(d.isoformat(), datatype=_XSD_DATE)


def _exact(d: When) -> bool:
    """True when an xsd literal holds ``d`` without loss."""
    return isinstance(d, PartialDate) and not (d.uncertain or d.approximate)


def _when(out: _Out, s: NamedNode, when: When) -> None:
    out.add(s, _DG_edtf, Literal(str(when)))
    start, end = when.start, when.end
    if start is not None:
        out.add(s, _TIME["begin"], _typed(start))
    if end is not None:
        out.add(s, _TIME["end"], _typed(end))
    if start is not None:
        out.add(s, _TIME["earliest_begin"], _day(start.earliest))
        out.add(s, _TIME["latest_begin"], _day(start.latest))
    if end is not None:
        out.add(s, _TIME["earliest_end"], _day(end.earliest))
        out.add(s, _TIME["latest_end"], _day(end.latest))
    interval = NamedNode(f"{s.value}#time")
    out.add(s, _OT_HAS_TIME, interval)
    later = out.later  # the interval and its instants follow the record's own triples
    later.append((interval, A, _OT_INTERVAL))
    ends = [
        (NamedNode(f"{s.value}#time-{name}"), link, point)
        for name, link, point in (("begin", _OT_BEGINNING, start), ("end", _OT_END, end))
        if point is not None
    ]
    later.extend((interval, link, instant) for instant, link, _ in ends)
    for instant, _, point in ends:
        later.append((instant, A, _OT_INSTANT))
        later.append((instant, _OT_IN_XSD[point.precision], _typed(point)))


def _date_field(out: _Out, s: NamedNode, p: NamedNode, edtf: NamedNode, d: When | None) -> None:
    if d is None:
        return
    if isinstance(d, PartialDate):
        out.add(s, p, _typed(d))
    if not _exact(d):
        out.add(s, edtf, Literal(str(d)))


def _seq(out: _Out, s: NamedNode, p: NamedNode, name: str, values: list[Term]) -> None:
    if len(values) < 2:
        return
    seq = NamedNode(f"{s.value}#{name}")
    out.add(s, p, seq)
    out.later.append((seq, A, _SEQ))
    for i, v in enumerate(values, 1):
        out.later.append((seq, _member(i), v))


def _evidence(out: _Out, s: NamedNode, evidence: tuple[Evidence, ...], prefix: str = "") -> None:
    """Link ``s`` to its sources and evidence nodes; the nodes go to ``out.later``."""
    for ev in evidence:
        out.once(s, _DERIVED, out.node("source", ev.source))
    for i, ev in enumerate(evidence, 1):
        node = NamedNode(f"{s.value.split('#', 1)[0]}#{prefix}evidence-{i}")
        out.add(s, _EVIDENCE, node)
        later = out.later
        later.append((node, A, _DG_Evidence))
        later.append((node, _OA_hasSource, out.node("source", ev.source)))
        has_quote = ev.quote is not None or ev.prefix is not None or ev.suffix is not None
        quote = NamedNode(f"{node.value}-quote")
        position = NamedNode(f"{node.value}-position")
        if has_quote:
            later.append((node, _OA_hasSelector, quote))
        if ev.start is not None:
            later.append((node, _OA_hasSelector, position))
        if ev.note is not None:
            later.append((node, _COMMENT, Literal(ev.note)))
        if has_quote:
            later.append((quote, A, _OA_TextQuoteSelector))
            for p, v in ((_OA_exact, ev.quote), (_OA_prefix, ev.prefix), (_OA_suffix, ev.suffix)):
                if v is not None:
                    later.append((quote, p, Literal(v)))
        if ev.start is not None and ev.end is not None:
            later.append((position, A, _OA_TextPositionSelector))
            later.append((position, _OA_start, Literal(str(ev.start), datatype=_XSD_NNI)))
            later.append((position, _OA_end, Literal(str(ev.end), datatype=_XSD_NNI)))


def _wikidata(out: _Out, s: NamedNode, qid: str | None) -> None:
    if qid is not None:
        out.add(s, _SAME_AS, NamedNode(f"{WIKIDATA}{qid}"))


def _source(out: _Out, r: Source) -> NamedNode:
    s = out.node("source", r.id)
    out.add(s, A, _PROV_Entity)
    out.add(s, A, _DG_Source)
    out.add(s, A, _SOURCE_CLASS.get(r.kind, _CREATIVE_WORK))
    out.add(s, _ID, Literal(r.id))
    out.add(s, _DCTERMS_title, Literal(r.title))
    out.add(s, _DG_sourceKind, _SOURCE_KINDS[r.kind])
    out.text(s, _DCTERMS_publisher, r.publisher)
    if r.url is not None:
        out.add(s, _SCHEMA_url, Literal(r.url, datatype=_XSD_ANYURI))
    _date_field(out, s, _DCTERMS_issued, _DG_issuedEdtf, r.published)
    _date_field(out, s, _DG_retrieved, _DG_retrievedEdtf, r.retrieved)
    out.text(s, _DCTERMS_language, r.language)
    out.text(s, _DG_file, r.file)
    out.text(s, _DG_sha256, r.sha256)
    out.text(s, _DG_reliability, r.reliability)
    if r.credibility is not None:
        out.add(s, _DG_credibility, Literal(str(r.credibility), datatype=_XSD_INT))
    out.text(s, _COMMENT, r.note)
    return s


def _actor(out: _Out, r: Actor) -> NamedNode:
    s = out.node("actor", r.id)
    out.add(s, A, _SEM_Actor)
    out.add(s, A, _ACTOR_CLASS[r.kind])
    out.add(s, _ID, Literal(r.id))
    out.add(s, _LABEL, Literal(r.name))
    aliases: list[Term] = [Literal(a) for a in r.aliases]
    for alias in aliases:
        out.once(s, _SKOS_altLabel, alias)
    _seq(out, s, _DG_aliasOrder, "aliases", aliases)
    _wikidata(out, s, r.wikidata)
    if r.country is not None:
        out.add(s, _DG_country, out.node("actor", r.country))
    out.text(s, _SCHEMA_description, r.description)
    for i, _ in enumerate(r.positions, 1):
        out.add(s, _ORG_holds, NamedNode(f"{s.value}#position-{i}"))
    for pos in r.positions:
        if pos.organization is not None:
            out.once(s, _ORG_memberOf, out.node("actor", pos.organization))
    _evidence(out, s, r.evidence)
    for i, pos in enumerate(r.positions, 1):
        _position(out, NamedNode(f"{s.value}#position-{i}"), pos, i)
    return s


def _position(out: _Out, p: NamedNode, pos: Position, i: int) -> None:
    out.later.append((p, A, _ORG_Post))
    out.later.append((p, _LABEL, Literal(pos.post)))
    if pos.organization is not None:
        out.later.append((p, _ORG_postIn, out.node("actor", pos.organization)))
    sub = _Out(out.base)
    _date_field(sub, p, _SCHEMA_startDate, _DG_startEdtf, pos.start)
    _date_field(sub, p, _SCHEMA_endDate, _DG_endEdtf, pos.end)
    _evidence(sub, p, pos.evidence, prefix=f"position-{i}-")
    out.later.extend(sub.triples)
    out.later.extend(sub.later)


def _place(out: _Out, r: Place) -> NamedNode:
    s = out.node("place", r.id)
    out.add(s, A, _SEM_Place)
    out.add(s, A, _SCHEMA_Place)
    out.add(s, _ID, Literal(r.id))
    out.add(s, _LABEL, Literal(r.name))
    if r.country is not None:
        out.add(s, _DG_country, out.node("actor", r.country))
    if r.part_of is not None:
        out.add(s, _SCHEMA_containedInPlace, out.node("place", r.part_of))
    for p, v in ((GEO.lat, r.lat), (GEO.long, r.long)):
        if v is not None:
            out.add(s, _n(p), Literal(_decimal(v), datatype=_XSD_DECIMAL))
    _wikidata(out, s, r.wikidata)
    _evidence(out, s, r.evidence)
    return s


def _decimal(value: float) -> str:
    """The shortest decimal text that reads back as ``value``."""
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else f"{text}.0"


def _event(out: _Out, r: Event) -> NamedNode:
    s = out.node("event", r.id)
    out.add(s, A, _SEM_Event)
    out.add(s, A, _SCHEMA_Event)
    out.add(s, _ID, Literal(r.id))
    out.add(s, _LABEL, Literal(r.label))
    out.add(s, _SEM_eventType, _EVENT_TYPES[r.type])
    _when(out, s, r.time)
    if r.place is not None:
        out.add(s, _SEM_hasPlace, out.node("place", r.place))
    for part in r.participants:
        out.add(s, _SEM_hasActor, out.node("actor", part.actor))
    for i, part in enumerate(r.participants, 1):
        role = NamedNode(f"{s.value}#role-{i}")
        out.add(s, _DG_hasRole, role)
        out.later.append((role, A, _SEM_Role))
        out.later.append((role, _VALUE, out.node("actor", part.actor)))
        out.later.append((role, _SEM_roleType, _ROLES[part.role]))
    if r.part_of is not None:
        out.add(s, _SEM_subEventOf, out.node("event", r.part_of))
    _links(out, s, _DG_follows, _DG_followsOrder, "follows", "event", r.follows)
    _links(out, s, _DG_leadsTo, _DG_leadsToOrder, "leads_to", "event", r.leads_to)
    out.text(s, _DG_outcome, r.outcome)
    out.text(s, _SCHEMA_description, r.description)
    _wikidata(out, s, r.wikidata)
    _evidence(out, s, r.evidence)
    return s


def _links(
    out: _Out,
    s: NamedNode,
    p: NamedNode,
    order: NamedNode,
    name: str,
    kind: str,
    ids: tuple[str, ...],
) -> None:
    nodes: list[Term] = [out.node(kind, i) for i in ids]
    for node in nodes:
        out.once(s, p, node)
    _seq(out, s, order, name, nodes)


def _statement(out: _Out, r: Statement) -> NamedNode:
    s = out.node("statement", r.id)
    out.add(s, A, _DG_Statement)
    out.add(s, _ID, Literal(r.id))
    out.add(s, _DG_speaker, out.node("actor", r.speaker))
    _when(out, s, r.date)
    out.add(s, _DG_text, Literal(r.text))
    out.add(s, _DG_mode, _MODES[r.mode])
    _links(out, s, _DG_aboutEvent, _DG_aboutEventOrder, "about_events", "event", r.about_events)
    _links(out, s, _DG_aboutActor, _DG_aboutActorOrder, "about_actors", "actor", r.about_actors)
    if r.channel is not None:
        out.add(s, _DG_channel, out.node("actor", r.channel))
    out.text(s, _DCTERMS_language, r.language)
    _evidence(out, s, r.evidence)
    return s


_WRITERS: dict[type[Any], Any] = {
    Source: _source,
    Actor: _actor,
    Place: _place,
    Event: _event,
    Statement: _statement,
}


def to_triples(record: Record, *, base: str = BASE) -> list[Triple]:
    """The RDF triples of one record, grouped by subject (the record's own first).

    Parameters
    ----------
    record
        A source, actor, place, event or statement.
    base
        Base of instance IRIs; the record is ``{base}{kind}/{id}``.

    Examples
    --------
    >>> from diplograph.model import Actor
    >>> ts = to_triples(Actor(id="kcna", kind="media", name="KCNA"))
    >>> [t.object.value for t in ts[:2]]
    ['http://semanticweb.cs.vu.nl/2009/11/sem/Actor', 'https://schema.org/NewsMediaOrganization']
    >>> ts[0].subject.value
    'https://w3id.org/diplograph/id/actor/kcna'
    """
    return [Triple(s, p, o) for s, p, o in spo_of(record, base=base)]


def spo_of(record: Record, *, base: str = BASE) -> list[Spo]:
    """The triples of one record as ``(subject, predicate, object)`` tuples of pyoxigraph terms.

    What :func:`to_triples` returns, without building ``Triple`` objects: the
    writers use it to make quads or JSON-LD straight from the terms.

    Examples
    --------
    >>> from diplograph.model import Actor
    >>> s, p, o = spo_of(Actor(id="kcna", kind="media", name="KCNA"))[2]
    >>> p.value, o.value
    ('http://purl.org/dc/terms/identifier', 'kcna')
    """
    writer = _WRITERS.get(type(record))
    if writer is None:
        raise RDFError(
            f"not a record: expected a Source, Actor, Place, Event or Statement (got {record!r})"
        )
    out = _Out(base)
    writer(out, record)
    return out.triples + out.later


def graph_names(record: Record, *, base: str = BASE) -> list[str]:
    """IRIs of the named graphs ``record`` belongs to: the sources its evidence cites.

    An empty list means the default graph.

    Examples
    --------
    >>> from diplograph.model import Actor, Evidence
    >>> graph_names(Actor(id="a", kind="state", name="A", evidence=[Evidence(source="s")]))
    ['https://w3id.org/diplograph/id/source/s']
    """
    if isinstance(record, Source):
        return []
    ids: dict[str, None] = {}
    for ev in getattr(record, "evidence", ()):
        ids[ev.source] = None
    if isinstance(record, Actor):
        for pos in record.positions:
            for ev in pos.evidence:
                ids[ev.source] = None
    return [record_iri("source", i, base=base) for i in ids]


def to_quads(record: Record, *, base: str = BASE) -> Iterator[Quad]:
    """The quads of one record: its triples in the named graph of each source it cites.

    A record citing no source, and a source record itself, go to the default graph.

    Examples
    --------
    >>> from diplograph.model import Actor, Evidence
    >>> qs = list(to_quads(Actor(id="a", kind="state", name="A",
    ...                          evidence=[Evidence(source="s"), Evidence(source="t")])))
    >>> sorted({q.graph_name.value.rsplit("/", 1)[1] for q in qs})
    ['s', 't']
    """
    triples = spo_of(record, base=base)
    names = graph_names(record, base=base)
    graphs: list[NamedNode | DefaultGraph] = (
        [NamedNode(n) for n in names] if names else [DefaultGraph()]
    )
    for g in graphs:
        for s, p, o in triples:
            yield Quad(s, p, o, g)


def from_rdf(data: Any) -> KnowledgeGraph:
    """Read records back from RDF written by :func:`to_triples` / :func:`to_quads`.

    Parameters
    ----------
    data
        Triples or quads: an iterable of pyoxigraph ``Triple``/``Quad`` (a
        parser, a ``Store``), or an rdflib ``Graph``/``Dataset``. Named graphs
        are merged. Records are found by type (``dg:Source``, ``sem:Actor``,
        ``sem:Place``, ``sem:Event``, ``dg:Statement``) and their ids read from
        ``dcterms:identifier`` (else the last segment of the IRI).

    Returns
    -------
    KnowledgeGraph
        Records of each kind sorted by id.

    Raises
    ------
    RDFError
        When a record lacks a required property, has two values for a
        single-valued one, or a value the data model refuses; the message
        names the subject IRI and the property.

    Examples
    --------
    >>> from diplograph.model import Event
    >>> ev = Event(id="hanoi", label="Hanoi summit", type="summit", time="2019-02-27/2019-02-28")
    >>> from_rdf(to_triples(ev)).events["hanoi"] == ev
    True
    """
    from ._reader import read

    return read(data)


def quads_of(records: Iterable[Record], *, base: str = BASE) -> Iterator[Quad]:
    """Quads of many records, one record at a time (see :func:`to_quads`).

    Examples
    --------
    >>> from diplograph.model import Actor
    >>> len(list(quads_of([Actor(id="a", kind="state", name="A")])))
    4
    """
    for record in records:
        yield from to_quads(record, base=base)
