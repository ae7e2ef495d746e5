"""RDF back into records: the inverse of :mod:`diplograph.rdf.mapping` (see its ``from_rdf``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ..dates import DateSpan, When, parse_date
from ..errors import DateError, RDFError
from ..kg import KnowledgeGraph
from ..model import (
    Actor,
    Event,
    EventType,
    Evidence,
    Participant,
    Place,
    Position,
    Record,
    Role,
    Source,
    SourceKind,
    Statement,
    StatementMode,
)
from ._checks import check_dates, check_part_of, check_subjects
from .mapping import _ACTOR_CLASS, Term, _n
from .vocab import (
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
    WIKIDATA,
)

__all__ = ["read"]


_TYPES = {
    "sources": _n(DG.Source),
    "actors": _n(SEM.Actor),
    "places": _n(SEM.Place),
    "events": _n(SEM.Event),
    "statements": _n(DG.Statement),
}
_INDEX = re.compile(r"-(\d+)$")
_CURIES = {
    str(v): k
    for k, v in {
        "dg": DG._NS,
        "sem": SEM,
        "schema": SCHEMA,
        "prov": PROV,
        "oa": OA,
        "org": ORG,
        "geo": GEO,
        "dcterms": DCTERMS,
        "skos": SKOS,
        "owl": OWL,
        "rdfs": RDFS,
        "rdf": RDF,
    }.items()
}


def _curie(iri: str) -> str:
    for ns, prefix in _CURIES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def _show(node: Term) -> str:
    if isinstance(node, NamedNode):
        return f"<{node.value}>"
    return str(node)


def _from_rdflib(term: Any) -> Term:
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype is not None:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    raise RDFError(f"unsupported RDF term (got {term!r})")


def _statements(data: Any) -> Iterator[tuple[Term, NamedNode, Term]]:
    """(subject, predicate, object) of every triple or quad, graphs merged."""
    try:
        import rdflib
    except ImportError:  # pragma: no cover - rdflib is a dependency
        rdflib = None  # type: ignore[assignment]
    if rdflib is not None and isinstance(data, rdflib.graph.Dataset):
        for s, p, o, _g in data.quads((None, None, None, None)):
            yield _from_rdflib(s), _from_rdflib(p), _from_rdflib(o)  # type: ignore[misc]
        return
    if rdflib is not None and isinstance(data, rdflib.Graph):
        for s, p, o in data:
            yield _from_rdflib(s), _from_rdflib(p), _from_rdflib(o)  # type: ignore[misc]
        return
    for item in data:
        s, p, o = item.subject, item.predicate, item.object
        if isinstance(s, Triple) or isinstance(o, Triple):
            raise RDFError(f"RDF-star triples are not records (got {item})")
        yield s, p, o


class _Index:
    """Subject -> predicate IRI -> objects (an ordered set)."""

    def __init__(self, data: Any) -> None:
        self.by_subject: dict[Term, dict[str, dict[Term, None]]] = {}
        for s, p, o in _statements(data):
            self.by_subject.setdefault(s, {}).setdefault(p.value, {})[o] = None

    def all(self, s: Term, p: Any) -> list[Term]:
        return list(self.by_subject.get(s, {}).get(str(p), {}))

    def one(self, s: Term, p: Any, *, required: str | None = None) -> Term | None:
        values = self.all(s, p)
        if len(values) > 1:
            shown = ", ".join(sorted(_show(v) for v in values))
            raise RDFError(
                f"{_show(s)}: {_curie(str(p))} must have one value (got {len(values)}: {shown})"
            )
        if not values:
            if required is not None:
                raise RDFError(f"{_show(s)}: missing {_curie(str(p))} ({required})")
            return None
        return values[0]

    def text(self, s: Term, p: Any, *, required: str | None = None) -> str | None:
        v = self.one(s, p, required=required)
        if v is None:
            return None
        if not isinstance(v, Literal):
            raise RDFError(f"{_show(s)}: {_curie(str(p))} must be a literal (got {_show(v)})")
        return v.value

    def typed(self, cls: NamedNode) -> list[Term]:
        return [
            subj for subj, props in self.by_subject.items() if cls in props.get(str(RDF.type), {})
        ]


def _order_key(node: Term) -> tuple[int, str]:
    value = node.value if isinstance(node, NamedNode | BlankNode) else str(node)
    m = _INDEX.search(value.rsplit("#", 1)[-1])
    return (int(m.group(1)) if m else 1 << 30, value)


class _Reader:
    def __init__(self, index: _Index) -> None:
        self.ix = index
        self.ids: dict[Term, str] = {}
        self.records: dict[str, list[Term]] = {}
        for kind, cls in _TYPES.items():
            nodes = index.typed(cls)
            if kind == "events":  # statements are events too; leave them to their own kind
                nodes = [n for n in nodes if not self._is(n, "statements")]
            self.records[kind] = nodes
            for node in nodes:
                self.ids[node] = self._id(node)

    def _is(self, node: Term, kind: str) -> bool:
        return _TYPES[kind] in self.ix.by_subject.get(node, {}).get(str(RDF.type), {})

    def _id(self, node: Term) -> str:
        rid = self.ix.text(node, DCTERMS.identifier)
        if rid is not None:
            return rid
        if isinstance(node, NamedNode):
            return node.value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        raise RDFError(f"{_show(node)}: missing dcterms:identifier (the record id)")

    def ref(self, s: Term, node: Term | None, p: Any) -> str | None:
        if node is None:
            return None
        if node in self.ids:
            return self.ids[node]
        if isinstance(node, NamedNode):
            return node.value.rstrip("/").rsplit("/", 1)[-1]
        raise RDFError(
            f"{_show(s)}: {_curie(str(p))} must name a record by IRI (got {_show(node)})"
        )

    def refs(self, s: Term, p: Any, order: Any) -> tuple[str, ...]:
        nodes = self.ix.all(s, p)
        seq = self.seq(s, order)
        if seq is not None and set(seq) == set(nodes):
            nodes = seq
        return tuple(r for n in nodes if (r := self.ref(s, n, p)) is not None)

    def seq(self, s: Term, order: Any) -> list[Term] | None:
        node = self.ix.one(s, order)
        if node is None:
            return None
        props = self.ix.by_subject.get(node, {})
        items: list[tuple[int, Term]] = []
        for p, objs in props.items():
            if p.startswith(f"{RDF}_") and p[len(f"{RDF}_") :].isdigit():
                items.extend((int(p[len(f"{RDF}_") :]), o) for o in objs)
        return [o for _, o in sorted(items, key=lambda t: t[0])]

    def texts(self, s: Term, p: Any, order: Any) -> tuple[str, ...]:
        values = self.ix.all(s, p)
        seq = self.seq(s, order)
        if seq is not None and set(seq) == set(values):
            values = seq
        out = []
        for v in values:
            if not isinstance(v, Literal):
                raise RDFError(f"{_show(s)}: {_curie(str(p))} must be a literal (got {_show(v)})")
            out.append(v.value)
        return tuple(out)

    def concept(self, s: Term, p: Any, ns: Any, enum: Any, what: str) -> Any:
        node = self.ix.one(s, p, required=what)
        prefix = str(ns)
        if isinstance(node, NamedNode) and node.value.startswith(prefix):
            value = node.value[len(prefix) :]
            if value in {m.value for m in enum}:
                return enum(value)
        allowed = ", ".join(f"<{prefix}{m.value}>" for m in enum)
        got = "nothing" if node is None else _show(node)
        raise RDFError(f"{_show(s)}: {_curie(str(p))} must be one of {allowed} (got {got})")

    def wikidata(self, s: Term) -> str | None:
        for node in self.ix.all(s, OWL.sameAs):
            if isinstance(node, NamedNode) and node.value.startswith(str(WIKIDATA)):
                return node.value[len(str(WIKIDATA)) :]
        return None

    def when(self, s: Term, what: str) -> When:
        edtf = self.ix.text(s, DG.edtf)
        if edtf is not None:
            return self.parse(s, DG.edtf, edtf)
        begin = self.ix.text(s, SEM.hasBeginTimeStamp)
        end = self.ix.text(s, SEM.hasEndTimeStamp)
        if begin is None and end is None:
            raise RDFError(f"{_show(s)}: missing dg:edtf or sem:hasBeginTimeStamp ({what})")
        a = None if begin is None else self.parse(s, SEM.hasBeginTimeStamp, begin)
        b = None if end is None else self.parse(s, SEM.hasEndTimeStamp, end)
        if a is not None and a == b:
            return a
        return DateSpan(a, b)  # type: ignore[arg-type]

    def date_field(self, s: Term, p: Any, edtf: Any) -> When | None:
        text = self.ix.text(s, edtf)
        if text is not None:
            return self.parse(s, edtf, text)
        text = self.ix.text(s, p)
        return None if text is None else self.parse(s, p, text)

    def parse(self, s: Term, p: Any, text: str) -> When:
        try:
            return parse_date(text)
        except DateError as e:
            raise RDFError(f"{_show(s)}: {_curie(str(p))}: {e}") from e

    def integer(self, s: Term, p: Any) -> int | None:
        text = self.ix.text(s, p)
        if text is None:
            return None
        try:
            return int(text)
        except ValueError:
            raise RDFError(
                f"{_show(s)}: {_curie(str(p))} must be an integer (got {text!r})"
            ) from None

    def number(self, s: Term, p: Any) -> float | None:
        text = self.ix.text(s, p)
        if text is None:
            return None
        try:
            return float(text)
        except ValueError:
            raise RDFError(
                f"{_show(s)}: {_curie(str(p))} must be a number (got {text!r})"
            ) from None

    def evidence(self, s: Term) -> tuple[Evidence, ...]:
        out = []
        for node in sorted(self.ix.all(s, DG.evidence), key=_order_key):
            src = self.ref(
                node, self.ix.one(node, OA.hasSource, required="the source cited"), OA.hasSource
            )
            fields: dict[str, Any] = {"source": src, "note": self.ix.text(node, RDFS.comment)}
            for sel in self.ix.all(node, OA.hasSelector):
                types = self.ix.all(sel, RDF.type)
                if _n(OA.TextQuoteSelector) in types:
                    fields["quote"] = self.ix.text(sel, OA.exact)
                    fields["prefix"] = self.ix.text(sel, OA.prefix)
                    fields["suffix"] = self.ix.text(sel, OA.suffix)
                if _n(OA.TextPositionSelector) in types:
                    fields["start"] = self.integer(sel, OA.start)
                    fields["end"] = self.integer(sel, OA.end)
            out.append(self.build(Evidence, node, fields))
        return tuple(out)

    def build(self, cls: Any, node: Term, fields: dict[str, Any]) -> Any:
        clean = {k: v for k, v in fields.items() if v is not None}
        try:
            return cls.model_validate(clean)
        except ValidationError as e:
            err = e.errors()[0]
            loc = ".".join(str(x) for x in err["loc"]) or "record"
            more = f" (and {len(e.errors()) - 1} more)" if len(e.errors()) > 1 else ""
            raise RDFError(
                f"{_show(node)}: {cls.__name__.lower()} {loc}: {err['msg']}{more}"
            ) from None

    # -- kinds --------------------------------------------------------------------------
    def source(self, s: Term) -> Source:
        ix = self.ix
        kind = ix.one(s, DG.sourceKind)
        fields: dict[str, Any] = {
            "id": self.ids[s],
            "title": ix.text(s, DCTERMS.title, required="the title"),
            "kind": None
            if kind is None
            else self.concept(s, DG.sourceKind, SOURCE_KIND, SourceKind, "the source kind"),
            "publisher": ix.text(s, DCTERMS.publisher),
            "url": ix.text(s, SCHEMA.url),
            "published": self.date_field(s, DCTERMS.issued, DG.issuedEdtf),
            "retrieved": self.date_field(s, DG.retrieved, DG.retrievedEdtf),
            "language": ix.text(s, DCTERMS.language),
            "file": ix.text(s, DG.file),
            "sha256": ix.text(s, DG.sha256),
            "reliability": ix.text(s, DG.reliability),
            "credibility": self.integer(s, DG.credibility),
            "note": ix.text(s, RDFS.comment),
        }
        return self.build(Source, s, fields)  # type: ignore[no-any-return]

    def actor(self, s: Term) -> Actor:
        ix = self.ix
        types = set(ix.all(s, RDF.type))
        kinds = [k for k, c in _ACTOR_CLASS.items() if c in types]
        if len(kinds) != 1:
            allowed = ", ".join(_curie(c.value) for c in _ACTOR_CLASS.values())
            raise RDFError(
                f"{_show(s)}: an actor must have exactly one type of {allowed} (got {len(kinds)})"
            )
        positions = []
        for p in sorted(ix.all(s, ORG.holds), key=_order_key):
            positions.append(
                self.build(
                    Position,
                    p,
                    {
                        "post": ix.text(p, RDFS.label, required="the post's name"),
                        "organization": self.ref(p, ix.one(p, ORG.postIn), ORG.postIn),
                        "start": self.date_field(p, SCHEMA.startDate, DG.startEdtf),
                        "end": self.date_field(p, SCHEMA.endDate, DG.endEdtf),
                        "evidence": self.evidence(p),
                    },
                )
            )
        fields: dict[str, Any] = {
            "id": self.ids[s],
            "kind": kinds[0],
            "name": ix.text(s, RDFS.label, required="the actor's name"),
            "aliases": self.texts(s, SKOS.altLabel, DG.aliasOrder),
            "wikidata": self.wikidata(s),
            "country": self.ref(s, ix.one(s, DG.country), DG.country),
            "positions": tuple(positions),
            "description": ix.text(s, SCHEMA.description),
            "evidence": self.evidence(s),
        }
        return self.build(Actor, s, fields)  # type: ignore[no-any-return]

    def place(self, s: Term) -> Place:
        ix = self.ix
        fields: dict[str, Any] = {
            "id": self.ids[s],
            "name": ix.text(s, RDFS.label, required="the place's name"),
            "country": self.ref(s, ix.one(s, DG.country), DG.country),
            "part_of": self.ref(s, ix.one(s, SCHEMA.containedInPlace), SCHEMA.containedInPlace),
            "lat": self.number(s, GEO.lat),
            "long": self.number(s, GEO.long),
            "wikidata": self.wikidata(s),
            "evidence": self.evidence(s),
        }
        return self.build(Place, s, fields)  # type: ignore[no-any-return]

    def event(self, s: Term) -> Event:
        ix = self.ix
        participants: list[Participant] = []
        seen: set[str] = set()
        for role in sorted(ix.all(s, DG.hasRole), key=_order_key):
            actor = self.ref(role, ix.one(role, RDF.value, required="the actor"), RDF.value)
            kind = self.concept(role, SEM.roleType, ROLE, Role, "the role type")
            participants.append(self.build(Participant, role, {"actor": actor, "role": kind}))
            seen.add(str(actor))
        for node in ix.all(s, SEM.hasActor):
            actor = self.ref(s, node, SEM.hasActor)
            if actor is not None and actor not in seen:
                participants.append(Participant(actor=actor))
                seen.add(actor)
        fields: dict[str, Any] = {
            "id": self.ids[s],
            "label": ix.text(s, RDFS.label, required="the event's label"),
            "type": self.concept(s, SEM.eventType, EVENT_TYPE, EventType, "the event type"),
            "time": self.when(s, "the event's date"),
            "place": self.ref(s, ix.one(s, SEM.hasPlace), SEM.hasPlace),
            "participants": tuple(participants),
            "part_of": self.ref(s, ix.one(s, SEM.subEventOf), SEM.subEventOf),
            "follows": self.refs(s, DG.follows, DG.followsOrder),
            "leads_to": self.refs(s, DG.leadsTo, DG.leadsToOrder),
            "outcome": ix.text(s, DG.outcome),
            "description": ix.text(s, SCHEMA.description),
            "wikidata": self.wikidata(s),
            "evidence": self.evidence(s),
        }
        return self.build(Event, s, fields)  # type: ignore[no-any-return]

    def statement(self, s: Term) -> Statement:
        ix = self.ix
        fields: dict[str, Any] = {
            "id": self.ids[s],
            "speaker": self.ref(s, ix.one(s, DG.speaker, required="who spoke"), DG.speaker),
            "date": self.when(s, "the statement's date"),
            "text": ix.text(s, DG.text, required="the words"),
            "mode": None
            if ix.one(s, DG.mode) is None
            else self.concept(s, DG.mode, MODE, StatementMode, "the mode"),
            "about_events": self.refs(s, DG.aboutEvent, DG.aboutEventOrder),
            "about_actors": self.refs(s, DG.aboutActor, DG.aboutActorOrder),
            "channel": self.ref(s, ix.one(s, DG.channel), DG.channel),
            "language": ix.text(s, DCTERMS.language),
            "evidence": self.evidence(s),
        }
        return self.build(Statement, s, fields)  # type: ignore[no-any-return]


def read(data: Any) -> KnowledgeGraph:
    """The records in ``data`` (see :func:`diplograph.rdf.mapping.from_rdf`).

    >>> read([]).counts()["events"]
    0
    """
    reader = _Reader(_Index(data))
    kg = KnowledgeGraph()
    build: dict[str, Callable[[Term], Record]] = {
        "sources": reader.source,
        "actors": reader.actor,
        "places": reader.place,
        "events": reader.event,
        "statements": reader.statement,
    }
    for kind, nodes in reader.records.items():
        records = [build[kind](n) for n in nodes]
        for record in sorted(records, key=lambda r: r.id):
            try:
                kg.add(record)
            except Exception as e:  # a duplicate id
                raise RDFError(f"{kind}: {e}") from None
    base = check_subjects(reader.records, reader.ids)
    check_dates(reader.ix.by_subject, kg, base)
    check_part_of(kg, base)
    return kg
