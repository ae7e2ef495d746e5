"""Writing one record's triples: the collector and the helpers every record kind shares.

The writers make triples of plain strings (:data:`~diplograph.rdf.terms.Row`):
IRIs are ``str`` and literals ``(text, datatype)`` tuples, so a record costs no
pyoxigraph object per term. The text serializers of :mod:`diplograph.rdf._text`
write them as they are; :func:`diplograph.rdf.mapping.to_quads` turns them into
pyoxigraph terms for a store.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Evidence
from .terms import (
    COMMENT,
    DERIVED,
    EVIDENCE,
    LABEL,
    SAME_AS,
    SEQ,
    XSD_BOOLEAN,
    XSD_DECIMAL,
    XSD_NNI,
    A,
    DCTERMS_language,
    DCTERMS_LinguisticSystem,
    DG_confidence,
    DG_draft,
    DG_Evidence,
    Lit,
    OA_end,
    OA_exact,
    OA_hasSelector,
    OA_hasSource,
    OA_prefix,
    OA_start,
    OA_suffix,
    OA_TextPositionSelector,
    OA_TextQuoteSelector,
    Obj,
    Row,
    member,
)
from .vocab import LANGUAGE, WIKIDATA

PLAIN = ""
"""The datatype slot of an xsd:string literal."""


class Out:
    """The triples of one record: what rests on all its evidence, and what rests on one source.

    ``triples`` hold the record's own subject and ``later`` its nodes (roles,
    posts, lists), each subject's triples together; they belong in the graph
    of every source the record cites, except the links to evidence nodes,
    which are also listed in ``links`` by the source they cite. ``cited`` maps
    a source id to the triples of the evidence nodes citing it. Evidence and
    the links to it belong in that source's graph only.
    """

    __slots__ = ("base", "cited", "later", "links", "owl_time", "seen", "triples")

    def __init__(self, base: str, *, owl_time: bool = False) -> None:
        self.base = base
        self.owl_time = owl_time
        self.triples: list[Row] = []
        self.later: list[Row] = []
        self.cited: dict[str, list[Row]] = {}
        self.links: list[tuple[str, Row]] = []
        self.seen: set[Row] = set()

    def node(self, kind: str, rid: str) -> str:
        return f"{self.base}{kind}/{rid}"

    def add(self, s: str, p: str, o: Obj) -> None:
        self.triples.append((s, p, o))

    def once(self, s: str, p: str, o: Obj) -> None:
        if (s, p, o) not in self.seen:
            self.seen.add((s, p, o))
            self.triples.append((s, p, o))

    def text(self, s: str, p: str, value: str | None) -> None:
        if value is not None:
            self.triples.append((s, p, (value, PLAIN)))

    def rows(self) -> list[Row]:
        """Every triple of the record, for a format without graphs."""
        out = self.triples + self.later
        for rows in self.cited.values():
            out += rows
        return out


def seq(out: Out, s: str, p: str, name: str, values: list[Obj]) -> None:
    if len(values) < 2:
        return
    order = f"{s}#{name}"
    out.add(s, p, order)
    out.later.append((order, A, SEQ))
    for i, v in enumerate(values, 1):
        out.later.append((order, member(i), v))


def evidence(
    out: Out, s: str, items: tuple[Evidence, ...], prefix: str = "", where: list[Row] | None = None
) -> None:
    """Link ``s`` to its evidence nodes, each in the part of ``out`` of the source it cites.

    The evidence node, not ``s``, is what PROV derives from the source: ``s``
    may be a person or a place, which ``prov:wasDerivedFrom`` would make a
    ``prov:Entity``. The links go to ``where`` (``out.triples`` by default),
    beside the other triples of ``s``.
    """
    root = s.split("#", 1)[0]
    where = out.triples if where is None else where
    for i, ev in enumerate(items, 1):
        node = f"{root}#{prefix}evidence-{i}"
        source = out.node("source", ev.source)
        link = (s, EVIDENCE, node)
        where.append(link)
        out.links.append((ev.source, link))
        rows = out.cited.setdefault(ev.source, [])
        rows.append((node, A, DG_Evidence))
        rows.append((node, OA_hasSource, source))
        rows.append((node, DERIVED, source))
        has_quote = ev.quote is not None or ev.prefix is not None or ev.suffix is not None
        quote = f"{node}-quote"
        position = f"{node}-position"
        if has_quote:
            rows.append((node, OA_hasSelector, quote))
        if ev.start is not None:
            rows.append((node, OA_hasSelector, position))
        if ev.note is not None:
            rows.append((node, COMMENT, (ev.note, PLAIN)))
        if ev.confidence is not None:
            rows.append((node, DG_confidence, (decimal(ev.confidence), XSD_DECIMAL)))
        if ev.draft:
            rows.append((node, DG_draft, ("true", XSD_BOOLEAN)))
        if has_quote:
            rows.append((quote, A, OA_TextQuoteSelector))
            for p, v in ((OA_exact, ev.quote), (OA_prefix, ev.prefix), (OA_suffix, ev.suffix)):
                if v is not None:
                    rows.append((quote, p, (v, PLAIN)))
        if ev.start is not None and ev.end is not None:
            rows.append((position, A, OA_TextPositionSelector))
            rows.append((position, OA_start, (str(ev.start), XSD_NNI)))
            rows.append((position, OA_end, (str(ev.end), XSD_NNI)))


def wikidata(out: Out, s: str, qid: str | None) -> None:
    if qid is not None:
        out.add(s, SAME_AS, f"{WIKIDATA}{qid}")


def decimal(value: float) -> str:
    """The shortest decimal text that reads back as ``value``."""
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else f"{text}.0"


def language(out: Out, s: str, tag: str | None) -> None:
    """``dcterms:language`` as a resource: the ISO 639-1 IRI of a two-letter code, else a node
    of the record labelled with the tag."""
    if tag is None:
        return
    if iso639(tag):
        out.add(s, DCTERMS_language, f"{LANGUAGE}{tag}")
        return
    node = f"{s}#language"
    out.add(s, DCTERMS_language, node)
    out.later.append((node, A, DCTERMS_LinguisticSystem))
    out.later.append((node, LABEL, (tag, PLAIN)))


def iso639(tag: str) -> bool:
    """Whether a language tag is a two-letter ISO 639-1 code, written as its IRI."""
    return len(tag) == 2 and tag.isascii() and tag.isalpha() and tag.islower()


def lit(value: str, datatype: str = PLAIN) -> Lit:
    return (value, datatype)


def links(
    out: Out,
    s: str,
    p: str,
    order: str,
    name: str,
    kind: str,
    ids: tuple[str, ...],
) -> None:
    nodes: list[Obj] = [out.node(kind, i) for i in ids]
    for node in nodes:
        out.once(s, p, node)
    seq(out, s, order, name, nodes)
