"""Reading RDF back into records: the index of triples and what every kind's reader shares.

Each record kind's own reader lives beside its writer in ``rdf/_kinds/``;
:func:`read` finds the records of every kind and hands each to its reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ..dates import DateSpan, When, parse_date
from ..errors import DateError, RDFError
from ..kg import KnowledgeGraph
from ..kinds import KINDS
from ..model import (
    Evidence,
    Record,
)
from .terms import (
    COMMENT,
    EVIDENCE,
    ID,
    KIND_CLASSES,
    LABEL,
    SAME_AS,
    STAMPS,
    A,
    DCTERMS_language,
    DG_confidence,
    DG_draft,
    DG_edtf,
    OA_end,
    OA_exact,
    OA_hasSelector,
    OA_hasSource,
    OA_prefix,
    OA_start,
    OA_suffix,
    OA_TextPositionSelector,
    OA_TextQuoteSelector,
    Term,
)
from .vocab import (
    DCTERMS,
    DG,
    GEO,
    LANGUAGE,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    WIKIDATA,
)

__all__ = ["Index", "Reader", "curie", "labelled", "order_key", "read", "read_language", "show"]


_TYPES = KIND_CLASSES
_QUOTE = NamedNode(OA_TextQuoteSelector)
_POSITION = NamedNode(OA_TextPositionSelector)
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


def curie(iri: str) -> str:
    for ns, prefix in _CURIES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def show(node: Term) -> str:
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


def _key(p: Any) -> str:
    """The IRI of a predicate given as a pyoxigraph node or as text (a namespace term)."""
    return p.value if isinstance(p, NamedNode) else str(p)


class Index:
    """Subject -> predicate IRI -> objects (an ordered set)."""

    def __init__(self, data: Any) -> None:
        self.by_subject: dict[Term, dict[str, dict[Term, None]]] = {}
        for s, p, o in _statements(data):
            self.by_subject.setdefault(s, {}).setdefault(p.value, {})[o] = None

    def all(self, s: Term, p: Any) -> list[Term]:
        return list(self.by_subject.get(s, {}).get(_key(p), {}))

    def one(self, s: Term, p: Any, *, required: str | None = None) -> Term | None:
        values = self.all(s, p)
        if len(values) > 1:
            shown = ", ".join(sorted(show(v) for v in values))
            raise RDFError(
                f"{show(s)}: {curie(_key(p))} must have one value (got {len(values)}: {shown})"
            )
        if not values:
            if required is not None:
                raise RDFError(f"{show(s)}: missing {curie(_key(p))} ({required})")
            return None
        return values[0]

    def text(self, s: Term, p: Any, *, required: str | None = None) -> str | None:
        v = self.one(s, p, required=required)
        if v is None:
            return None
        if not isinstance(v, Literal):
            raise RDFError(f"{show(s)}: {curie(_key(p))} must be a literal (got {show(v)})")
        return v.value

    def typed(self, cls: NamedNode) -> list[Term]:
        return [subj for subj, props in self.by_subject.items() if cls in props.get(A, {})]


def order_key(node: Term) -> tuple[int, str]:
    value = node.value if isinstance(node, NamedNode | BlankNode) else str(node)
    m = _INDEX.search(value.rsplit("#", 1)[-1])
    return (int(m.group(1)) if m else 1 << 30, value)


class Reader:
    def __init__(self, index: Index) -> None:
        self.ix = index
        self.ids: dict[Term, str] = {}
        self.records: dict[str, list[Term]] = {}
        narrower = {k.rdf_within: k.key for k in KINDS.values() if k.rdf_within is not None}
        for kind, cls in _TYPES.items():
            nodes = index.typed(cls)
            if kind in narrower:  # statements are events too; leave them to their own kind
                nodes = [n for n in nodes if not self._is(n, narrower[kind])]
            self.records[kind] = nodes
            for node in nodes:
                self.ids[node] = self._id(node)

    def _is(self, node: Term, kind: str) -> bool:
        return _TYPES[kind] in self.ix.by_subject.get(node, {}).get(A, {})

    def _id(self, node: Term) -> str:
        rid = self.ix.text(node, ID)
        if rid is not None:
            return rid
        if isinstance(node, NamedNode):
            return node.value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        raise RDFError(f"{show(node)}: missing dcterms:identifier (the record id)")

    def ref(self, s: Term, node: Term | None, p: Any) -> str | None:
        if node is None:
            return None
        if node in self.ids:
            return self.ids[node]
        if isinstance(node, NamedNode):
            return node.value.rstrip("/").rsplit("/", 1)[-1]
        raise RDFError(f"{show(s)}: {curie(_key(p))} must name a record by IRI (got {show(node)})")

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
                raise RDFError(f"{show(s)}: {curie(_key(p))} must be a literal (got {show(v)})")
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
        got = "nothing" if node is None else show(node)
        raise RDFError(f"{show(s)}: {curie(_key(p))} must be one of {allowed} (got {got})")

    def wikidata(self, s: Term) -> str | None:
        for node in self.ix.all(s, SAME_AS):
            if isinstance(node, NamedNode) and node.value.startswith(str(WIKIDATA)):
                return node.value[len(str(WIKIDATA)) :]
        return None

    def when(self, s: Term, what: str) -> When:
        edtf = self.ix.text(s, DG_edtf)
        if edtf is not None:
            return self.parse(s, DG_edtf, edtf)
        begin = self.ix.text(s, STAMPS["begin"])
        end = self.ix.text(s, STAMPS["end"])
        if begin is None and end is None:
            raise RDFError(f"{show(s)}: missing dg:edtf or sem:hasBeginTimeStamp ({what})")
        a = None if begin is None else self.parse(s, STAMPS["begin"], begin)
        b = None if end is None else self.parse(s, STAMPS["end"], end)
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
            raise RDFError(f"{show(s)}: {curie(_key(p))}: {e}") from e

    def integer(self, s: Term, p: Any) -> int | None:
        text = self.ix.text(s, p)
        if text is None:
            return None
        try:
            return int(text)
        except ValueError:
            raise RDFError(
                f"{show(s)}: {curie(_key(p))} must be an integer (got {text!r})"
            ) from None

    def number(self, s: Term, p: Any) -> float | None:
        text = self.ix.text(s, p)
        if text is None:
            return None
        try:
            return float(text)
        except ValueError:
            raise RDFError(f"{show(s)}: {curie(_key(p))} must be a number (got {text!r})") from None

    def boolean(self, s: Term, p: Any) -> bool | None:
        text = self.ix.text(s, p)
        if text is None or text in ("false", "0"):
            return None
        if text in ("true", "1"):
            return True
        raise RDFError(f"{show(s)}: {curie(_key(p))} must be true or false (got {text!r})")

    def evidence(self, s: Term) -> tuple[Evidence, ...]:
        out = []
        for node in sorted(self.ix.all(s, EVIDENCE), key=order_key):
            src = self.ref(
                node, self.ix.one(node, OA_hasSource, required="the source cited"), OA_hasSource
            )
            fields: dict[str, Any] = {
                "source": src,
                "note": self.ix.text(node, COMMENT),
                "confidence": self.number(node, DG_confidence),
                "draft": self.boolean(node, DG_draft),
            }
            for sel in self.ix.all(node, OA_hasSelector):
                types = self.ix.all(sel, A)
                if _QUOTE in types:
                    fields["quote"] = self.ix.text(sel, OA_exact)
                    fields["prefix"] = self.ix.text(sel, OA_prefix)
                    fields["suffix"] = self.ix.text(sel, OA_suffix)
                if _POSITION in types:
                    fields["start"] = self.integer(sel, OA_start)
                    fields["end"] = self.integer(sel, OA_end)
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
                f"{show(node)}: {cls.__name__.lower()} {loc}: {err['msg']}{more}"
            ) from None


def labelled(rd: Reader, s: Term, p: Any) -> str | None:
    """The text of a property whose object is a node with an ``rdfs:label`` (or, in older
    files, the literal itself)."""
    node = rd.ix.one(s, p)
    if node is None or isinstance(node, Literal):
        return None if node is None else node.value
    return rd.ix.text(node, LABEL, required=f"the text of {curie(_key(p))}")


def read_language(rd: Reader, s: Term) -> str | None:
    """A record's language tag back from its ``dcterms:language`` resource."""
    node = rd.ix.one(s, DCTERMS_language)
    if isinstance(node, NamedNode) and node.value.startswith(LANGUAGE):
        return node.value[len(LANGUAGE) :]
    return labelled(rd, s, DCTERMS_language)


def read(
    data: Any,
    readers: Mapping[str, Callable[[Reader, Term], Record]],
    check: Callable[[Reader, KnowledgeGraph], None] | None = None,
) -> KnowledgeGraph:
    """The records in ``data``, each built by the reader of its kind (see ``from_rdf``).

    ``check``, when given, sees the reader and the records before they are returned
    and raises :class:`RDFError` for what the records alone cannot show.

    >>> from diplograph.rdf._kinds import READERS
    >>> read([], READERS).counts()["events"]
    0
    """
    reader = Reader(Index(data))
    kg = KnowledgeGraph()
    for kind, nodes in reader.records.items():
        build = readers[kind]
        records = [build(reader, n) for n in nodes]
        for record in sorted(records, key=lambda r: r.id):
            try:
                kg.add(record)
            except Exception as e:  # a duplicate id
                raise RDFError(f"{kind}: {e}") from None
    if check is not None:
        check(reader, kg)
    return kg
