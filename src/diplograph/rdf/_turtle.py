"""Turtle straight from a record's parts, equal to formatting the mapping's triples.

:mod:`diplograph.rdf._text` formats the triples the writers of
``rdf/_kinds`` make; for the parts every large graph repeats (an event's
statement and roles, evidence), these helpers write the same text without
making the triples first. ``tests/test_rdf_roundtrip.py`` holds the two
byte for byte equal.
"""

from __future__ import annotations

from ..model import Evidence
from ._out import decimal
from ._text import Text, quoted
from .terms import (
    COMMENT,
    DERIVED,
    EVIDENCE,
    XSD_BOOLEAN,
    XSD_DECIMAL,
    XSD_NNI,
    A,
    DG_confidence,
    DG_draft,
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
)

__all__ = ["evidence"]


def _words(t: Text) -> dict[str, str]:
    words = t.memo.get("evidence")
    if words is None:
        v, n = t.verb, t.name
        words = t.memo["evidence"] = {
            "link": f" ;\n\t{v(EVIDENCE)} ",
            "head": f" {v(A)} {n(DG_Evidence)} ;\n\t{v(OA_hasSource)} ",
            "derived": f" ;\n\t{v(DERIVED)} ",
            "selector": f" ;\n\t{v(OA_hasSelector)} ",
            "comment": f" ;\n\t{v(COMMENT)} ",
            "confidence": f" ;\n\t{v(DG_confidence)} ",
            "draft": f" ;\n\t{v(DG_draft)} ",
            "quote": f" {v(A)} {n(OA_TextQuoteSelector)}",
            "exact": f" ;\n\t{v(OA_exact)} ",
            "prefix": f" ;\n\t{v(OA_prefix)} ",
            "suffix": f" ;\n\t{v(OA_suffix)} ",
            "position": f" {v(A)} {n(OA_TextPositionSelector)} ;\n\t{v(OA_start)} ",
            "end": f" ;\n\t{v(OA_end)} ",
        }
    return words


def evidence(t: Text, s: str, me: str, items: tuple[Evidence, ...], base: str) -> tuple[str, str]:
    """The ``dg:evidence`` links of ``s`` (named ``me``, to follow its other predicates) and the
    evidence nodes.

    The nodes come grouped by the source they cite, in the order each source
    is first cited, as :func:`diplograph.rdf._out.evidence` lists them.
    """
    if not items:
        return "", ""
    w = _words(t)
    name = t.name
    if me[0] == "<":
        names = [
            (name(f"{s}#evidence-{i}"), name(f"{s}#evidence-{i}-quote"),
             name(f"{s}#evidence-{i}-position"))
            for i in range(1, len(items) + 1)
        ]  # fmt: skip
    else:
        names = [
            (node, f"{node}-quote", f"{node}-position")
            for node in [f"{me}\\#evidence-{i}" for i in range(1, len(items) + 1)]
        ]
    link = f"{w['link']}{' , '.join(n[0] for n in names)}"
    if len(items) == 1:
        return link, _node(t, w, names[0], items[0], base)
    by_source: dict[str, list[str]] = {}
    for node_names, ev in zip(names, items, strict=True):
        by_source.setdefault(ev.source, []).append(_node(t, w, node_names, ev, base))
    return link, "".join(text for texts in by_source.values() for text in texts)


def _node(t: Text, w: dict[str, str], names: tuple[str, str, str], ev: Evidence, base: str) -> str:
    node, quote, position = names
    source = f"{base}source/{ev.source}"
    source = t.cache.get(source) or t.name(source)
    parts = [f"{node}{w['head']}{source}{w['derived']}{source}"]
    has_quote = ev.quote is not None or ev.prefix is not None or ev.suffix is not None
    selectors = []
    if has_quote:
        selectors.append(quote)
    if ev.start is not None:
        selectors.append(position)
    if selectors:
        parts.append(f"{w['selector']}{' , '.join(selectors)}")
    if ev.note is not None:
        parts.append(f"{w['comment']}{quoted(ev.note)}")
    if ev.confidence is not None:
        parts.append(f"{w['confidence']}{t.obj((decimal(ev.confidence), XSD_DECIMAL))}")
    if ev.draft:
        parts.append(f"{w['draft']}{t.obj(('true', XSD_BOOLEAN))}")
    parts.append(" .\n\n")
    if has_quote:
        parts.append(f"{quote}{w['quote']}")
        for key, value in (("exact", ev.quote), ("prefix", ev.prefix), ("suffix", ev.suffix)):
            if value is not None:
                parts.append(f"{w[key]}{quoted(value)}")
        parts.append(" .\n\n")
    if ev.start is not None and ev.end is not None:
        start, end = t.obj((str(ev.start), XSD_NNI)), t.obj((str(ev.end), XSD_NNI))
        parts.append(f"{position}{w['position']}{start}{w['end']}{end} .\n\n")
    return "".join(parts)
