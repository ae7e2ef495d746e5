"""Writing one record's triples: the collector and the helpers every record kind shares."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from ..model import Evidence
from .terms import (
    COMMENT,
    DERIVED,
    EVIDENCE,
    SAME_AS,
    SEQ,
    XSD_NNI,
    A,
    DG_Evidence,
    OA_end,
    OA_exact,
    OA_hasSelector,
    OA_hasSource,
    OA_prefix,
    OA_start,
    OA_suffix,
    OA_TextPositionSelector,
    OA_TextQuoteSelector,
    Spo,
    Term,
    member,
)
from .vocab import WIKIDATA


@lru_cache(maxsize=1 << 16)
def record_node(base: str, kind: str, rid: str) -> NamedNode:
    """A record's IRI node; cached, as actors, places and sources are named again and again."""
    return NamedNode(f"{base}{kind}/{rid}")


class Out:
    """The triples of one record, subject by subject."""

    __slots__ = ("base", "later", "seen", "triples")

    def __init__(self, base: str) -> None:
        self.base = base
        self.triples: list[Spo] = []
        self.later: list[Spo] = []
        self.seen: set[tuple[NamedNode, NamedNode, Term]] = set()

    def node(self, kind: str, rid: str) -> NamedNode:
        return record_node(self.base, kind, rid)

    def add(self, s: NamedNode, p: NamedNode, o: Term) -> None:
        self.triples.append((s, p, o))

    def once(self, s: NamedNode, p: NamedNode, o: Term) -> None:
        if (s, p, o) not in self.seen:
            self.seen.add((s, p, o))
            self.triples.append((s, p, o))

    def text(self, s: NamedNode, p: NamedNode, value: str | None) -> None:
        if value is not None:
            self.triples.append((s, p, Literal(value)))


def seq(out: Out, s: NamedNode, p: NamedNode, name: str, values: list[Term]) -> None:
    if len(values) < 2:
        return
    order = NamedNode(f"{s.value}#{name}")
    out.add(s, p, order)
    out.later.append((order, A, SEQ))
    for i, v in enumerate(values, 1):
        out.later.append((order, member(i), v))


def evidence(out: Out, s: NamedNode, items: tuple[Evidence, ...], prefix: str = "") -> None:
    """Link ``s`` to its sources and evidence nodes; the nodes go to ``out.later``."""
    for ev in items:
        out.once(s, DERIVED, out.node("source", ev.source))
    for i, ev in enumerate(items, 1):
        node = NamedNode(f"{s.value.split('#', 1)[0]}#{prefix}evidence-{i}")
        out.add(s, EVIDENCE, node)
        later = out.later
        later.append((node, A, DG_Evidence))
        later.append((node, OA_hasSource, out.node("source", ev.source)))
        has_quote = ev.quote is not None or ev.prefix is not None or ev.suffix is not None
        quote = NamedNode(f"{node.value}-quote")
        position = NamedNode(f"{node.value}-position")
        if has_quote:
            later.append((node, OA_hasSelector, quote))
        if ev.start is not None:
            later.append((node, OA_hasSelector, position))
        if ev.note is not None:
            later.append((node, COMMENT, Literal(ev.note)))
        if has_quote:
            later.append((quote, A, OA_TextQuoteSelector))
            for p, v in ((OA_exact, ev.quote), (OA_prefix, ev.prefix), (OA_suffix, ev.suffix)):
                if v is not None:
                    later.append((quote, p, Literal(v)))
        if ev.start is not None and ev.end is not None:
            later.append((position, A, OA_TextPositionSelector))
            later.append((position, OA_start, Literal(str(ev.start), datatype=XSD_NNI)))
            later.append((position, OA_end, Literal(str(ev.end), datatype=XSD_NNI)))


def wikidata(out: Out, s: NamedNode, qid: str | None) -> None:
    if qid is not None:
        out.add(s, SAME_AS, NamedNode(f"{WIKIDATA}{qid}"))


def decimal(value: float) -> str:
    """The shortest decimal text that reads back as ``value``."""
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else f"{text}.0"


def links(
    out: Out,
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
    seq(out, s, order, name, nodes)
