"""One mapping between records and RDF, both ways.

Each record kind's triples are written and read in one module,
``rdf/_kinds/<kind>.py``, with the terms of :mod:`diplograph.rdf.terms`; this
module is the public face of them.

:func:`rows_of` gives one record's triples as plain strings (what the file
writers format), :func:`to_triples` and :func:`to_quads` as pyoxigraph triples
and quads, one record at a time, so any number of records stream to disk or a
store without a graph in memory; :func:`from_rdf` reads them back into a
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
Every record: ``dcterms:identifier "its-id"``; and ``dg:evidence <..#evidence-N>``
for each piece of evidence. The evidence node, not the record, is
``prov:wasDerivedFrom`` its source: a reasoner would make a person or a place
that is derived from something a ``prov:Entity``.

Event::

    <event/x> a sem:Event, schema:Event ;
        rdfs:label "label" ;
        sem:eventType et:summit ;                    # a skos:Concept of event-types.ttl
        dg:edtf "2019-02-27/2019-02-28" ;            # the exact EDTF text, lossless
        sem:hasBeginTimeStamp "2019-02-27"^^xsd:date ;   # typed by precision:
        sem:hasEndTimeStamp "2019-02-28"^^xsd:date ;     #   xsd:date | xsd:gYearMonth | xsd:gYear
        sem:hasEarliestBeginTimeStamp "2019-02-27"^^xsd:date ;  # outer day bounds, xsd:date,
        sem:hasLatestEndTimeStamp "2019-02-28"^^xsd:date ;      #   what date windows compare
        sem:hasPlace <place/hanoi> ;                 # ?
        sem:hasActor <actor/kim-jong-un> ;           # one per participant, plain
        dg:hasRole <event/x#role-1> ;                # one n-ary sem:Role per participant
        sem:subEventOf <event/y> ;                   # ? part_of
        dg:follows <event/w> ; dg:leadsTo <event/z> ;   # ?
        dg:outcome "..." ; schema:description "..." ; owl:sameAs wd:Q123 .   # ?
    <event/x#role-1> a sem:Role ; rdf:value <actor/kim-jong-un> ; sem:roleType role:guest .

With ``profile="owl-time"`` (``export --owl-time``), the same dates as OWL-Time
too, for tools that read it; no query needs them, so they are not written by
default::

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
        dg:channel <actor/kcna> ;                                # ?
        dcterms:language <http://id.loc.gov/vocabulary/iso639-1/en> .   # ? see Source

Actor::

    <actor/a> a sem:Actor, schema:Person, foaf:Agent ;   # | schema:Country | schema:Organization
        rdfs:label "name" ;  # | schema:GovernmentOrganization | schema:NewsMediaOrganization;
                             # all but persons are also org:Organization
        skos:altLabel "alias" ; owl:sameAs wd:Q22686 ; dg:country <actor/united-states> ;
        schema:description "..." ;
        org:holds <actor/a#position-1> ; org:memberOf <actor/org> .
    <actor/a#position-1> a org:Post ; rdfs:label "spokesman" ; org:postIn <actor/org> ;
        dg:startDate "2017-01-20"^^xsd:date ; dg:endDate "2021"^^xsd:gYear ;
        dg:evidence <actor/a#position-1-evidence-1> .

Place::

    <place/p> a sem:Place, schema:Place ; rdfs:label "name" ;
        geo:lat 38.0 ; geo:long 126.6 ;      # xsd:decimal
        dg:country <actor/c> ; schema:containedInPlace <place/q> ; owl:sameAs wd:Q1 .

Source (also the name of its named graph in TriG and N-Quads)::

    <source/s> a prov:Entity, dg:Source, schema:NewsArticle ;
        dcterms:title "title" ; dg:sourceKind kind:news_article ;
        dcterms:publisher <source/s#publisher> ; schema:url "..."^^xsd:anyURI ;
        dcterms:issued "2019-07-01"^^xsd:date ; dg:retrieved "2024-05-18"^^xsd:date ;
        dcterms:language <http://id.loc.gov/vocabulary/iso639-1/en> ;
        dg:file "..." ; dg:sha256 "..." ;
        dg:reliability "B" ; dg:credibility 2 ; rdfs:comment "note" .
    <source/s#publisher> a dcterms:Agent ; rdfs:label "Reuters" .
    # a language tag that is not a two-letter code: <source/s#language>, a
    # dcterms:LinguisticSystem with the tag as its rdfs:label

Evidence (Web Annotation)::

    <event/x#evidence-1> a dg:Evidence ;     # dg:Evidence is an oa:SpecificResource
        oa:hasSource <source/s> ; prov:wasDerivedFrom <source/s> ; rdfs:comment "note" ;
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
cites (the graph is named by the source's IRI), with the evidence citing that
source and none citing another: a source's graph holds what rests on it.
Records citing none, and the sources themselves, go to the default graph.

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
hasLatestEndTimeStamp 2019-02-28 date
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Triple

from ..errors import ModelError, RDFError
from ..kg import KnowledgeGraph
from ..kinds import KINDS, kind_of
from ..model import Record
from ._checks import check_dates, check_part_of, check_subjects
from ._kinds import READERS, WRITERS
from ._out import Out
from ._read import Reader, read
from .iri import record_iri
from .terms import A, Obj, Row, Spo
from .vocab import BASE

__all__ = [
    "PROFILES",
    "from_rdf",
    "graph_names",
    "graph_rows",
    "graph_spo",
    "quads_of",
    "record_iri",
    "rows_of",
    "spo_of",
    "term",
    "to_quads",
    "to_triples",
]


PROFILES = ("default", "owl-time")
"""What the mapping writes: ``default``, or ``owl-time`` to add dates as OWL-Time intervals."""


def _check_profile(profile: str) -> bool:
    if profile not in PROFILES:
        raise RDFError(f"profile must be one of {', '.join(PROFILES)} (got {profile!r})")
    return profile == "owl-time"


def rows_of(record: Record, *, base: str = BASE, profile: str = "default") -> Out:
    """The triples of one record as plain strings, split by the source they rest on.

    What the text serializers write from: no pyoxigraph object per term. See
    :class:`~diplograph.rdf._out.Out`.

    Examples
    --------
    >>> from diplograph.model import Actor, Evidence
    >>> out = rows_of(Actor(id="a", kind="state", name="A", evidence=[Evidence(source="s")]))
    >>> out.triples[4]
    ('https://w3id.org/diplograph/id/actor/a', 'http://purl.org/dc/terms/identifier', ('a', ''))
    >>> sorted(out.cited)
    ['s']
    """
    owl_time = _check_profile(profile)
    try:
        kind = kind_of(record)
    except ModelError:
        names = ", ".join(k.model.__name__ for k in KINDS.values())
        raise RDFError(f"not a record: expected one of {names} (got {record!r})") from None
    out = Out(base, owl_time=owl_time)
    WRITERS[kind.key](out, record)
    return out


@lru_cache(maxsize=1 << 12)
def _vocab_node(iri: str) -> NamedNode:
    return NamedNode(iri)


def term(o: Obj) -> NamedNode | Literal:
    """A written object as a pyoxigraph term.

    >>> term(("2019", "http://www.w3.org/2001/XMLSchema#gYear"))
    <Literal value=2019 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYear>>
    """
    if isinstance(o, str):
        return NamedNode(o)
    value, datatype = o
    return Literal(value, datatype=_vocab_node(datatype)) if datatype else Literal(value)


def spo(rows: Iterable[Row]) -> list[Spo]:
    """Written triples as tuples of pyoxigraph terms (predicates and types built once)."""
    node = _vocab_node
    return [(NamedNode(s), node(p), node(o) if p == A else term(o)) for s, p, o in rows]


def to_triples(record: Record, *, base: str = BASE, profile: str = "default") -> list[Triple]:
    """The RDF triples of one record, as pyoxigraph ``Triple`` objects.

    Parameters
    ----------
    record
        A source, actor, place, event or statement.
    base
        Base of instance IRIs; the record is ``{base}{kind}/{id}``.
    profile
        ``default``, or ``owl-time`` to add each date as an OWL-Time interval.

    Examples
    --------
    >>> from diplograph.model import Actor
    >>> ts = to_triples(Actor(id="kcna", kind="media", name="KCNA"))
    >>> [t.object.value for t in ts[:2]]
    ['http://semanticweb.cs.vu.nl/2009/11/sem/Actor', 'https://schema.org/NewsMediaOrganization']
    >>> ts[0].subject.value
    'https://w3id.org/diplograph/id/actor/kcna'
    """
    return [Triple(s, p, o) for s, p, o in spo_of(record, base=base, profile=profile)]


def spo_of(record: Record, *, base: str = BASE, profile: str = "default") -> list[Spo]:
    """The triples of one record as ``(subject, predicate, object)`` tuples of pyoxigraph terms.

    What :func:`to_triples` returns, without building ``Triple`` objects.

    Examples
    --------
    >>> from diplograph.model import Actor
    >>> s, p, o = spo_of(Actor(id="kcna", kind="media", name="KCNA"))[4]
    >>> p.value, o.value
    ('http://purl.org/dc/terms/identifier', 'kcna')
    """
    return spo(rows_of(record, base=base, profile=profile).rows())


def graph_names(record: Record, *, base: str = BASE) -> list[str]:
    """IRIs of the named graphs ``record`` belongs to: the sources its evidence cites.

    An empty list means the default graph.

    Examples
    --------
    >>> from diplograph.model import Actor, Evidence
    >>> graph_names(Actor(id="a", kind="state", name="A", evidence=[Evidence(source="s")]))
    ['https://w3id.org/diplograph/id/source/s']
    """
    ids = {ev.source: None for _, ev in kind_of(record).evidence_of(record)}
    segment = KINDS["sources"].singular
    return [record_iri(segment, i, base=base) for i in ids]


def graph_rows(out: Out, base: str = BASE) -> list[tuple[str | None, list[Row]]]:
    """A record's triples by named graph (``None``: the default graph).

    Each cited source's graph holds the record's own triples and the evidence
    citing that source, and no other source's evidence; a record citing
    nothing goes to the default graph.
    """
    own = out.triples + out.later
    if not out.cited:
        return [(None, own)]
    graphs: list[tuple[str | None, list[Row]]] = []
    for sid, rows in out.cited.items():
        other = {link for cited, link in out.links if cited != sid}
        mine = [r for r in own if r not in other] if other else own
        graphs.append((f"{base}source/{sid}", mine + rows))
    return graphs


def graph_spo(record: Record, graph: str | None, *, base: str = BASE) -> list[Spo]:
    """The triples of ``record`` in the named graph ``graph`` (``None``: the default graph).

    >>> from diplograph.model import Actor, Evidence
    >>> a = Actor(id="a", kind="state", name="A",
    ...           evidence=[Evidence(source="s"), Evidence(source="t")])
    >>> len(graph_spo(a, "https://w3id.org/diplograph/id/source/s")) < len(spo_of(a))
    True
    """
    for name, rows in graph_rows(rows_of(record, base=base), base):
        if name == graph:
            return spo(rows)
    return []


def to_quads(record: Record, *, base: str = BASE, profile: str = "default") -> Iterator[Quad]:
    """The quads of one record, in the named graph of each source it cites.

    A source's graph holds what rests on that source: the record's own
    triples and the evidence citing that source (not the evidence citing
    another). A record citing no source, and a source record itself, go to the
    default graph.

    Examples
    --------
    >>> from diplograph.model import Actor, Evidence
    >>> qs = list(to_quads(Actor(id="a", kind="state", name="A",
    ...                          evidence=[Evidence(source="s"), Evidence(source="t")])))
    >>> sorted({q.graph_name.value.rsplit("/", 1)[1] for q in qs})
    ['s', 't']
    """
    out = rows_of(record, base=base, profile=profile)
    for name, rows in graph_rows(out, base):
        graph: NamedNode | DefaultGraph = DefaultGraph() if name is None else NamedNode(name)
        for s, p, o in spo(rows):
            yield Quad(s, p, o, graph)


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
    return read(data, READERS, check=_check_shape)


def _check_shape(reader: Reader, kg: KnowledgeGraph) -> None:
    """Refuse RDF that is not diplograph-shaped rather than rewrite it silently."""
    base = check_subjects(reader.records, reader.ids)
    check_dates(reader.ix.by_subject, kg, base, to_triples)
    check_part_of(kg, base)


def quads_of(
    records: Iterable[Record], *, base: str = BASE, profile: str = "default"
) -> Iterator[Quad]:
    """Quads of many records, one record at a time (see :func:`to_quads`).

    Examples
    --------
    >>> from diplograph.model import Actor
    >>> len(list(quads_of([Actor(id="a", kind="state", name="A")])))
    6
    """
    for record in records:
        yield from to_quads(record, base=base, profile=profile)
