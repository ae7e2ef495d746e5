"""A report in the graph view: its node, its edges (``cites`` aside), and back.

A report points to the source it is according to, to the event it describes
once linked, and to the actors it names (``about`` edges whose ``as`` says
``source``, ``target`` or ``other``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...errors import ModelError
from ...model import Report
from .._base import (
    Edge,
    Edges,
    NodeKind,
    Relation,
    cited,
    node_key,
    one,
    opt,
    ordered,
    set_attrs,
    shorten,
    split_key,
)
from .._window import date_attrs

__all__ = ["edges", "node", "record"]

_PLAIN = (
    "cameo",
    "plover",
    "source_name",
    "target_name",
    "place",
    "lat",
    "long",
    "goldstein",
    "intensity",
    "quad_class",
    "text",
)


def node(r: Report) -> dict[str, Any]:
    label = r.text or " ".join(x for x in (r.source_name, r.cameo, r.target_name) if x) or r.id
    attrs: dict[str, Any] = {
        "kind": NodeKind.REPORT.value,
        "label": shorten(label),
        "file": r.file,
        "row": r.row,
    }
    attrs.update(date_attrs(r.date))
    return set_attrs(
        attrs,
        report_type=None if r.type is None else r.type.value,
        **{name: getattr(r, name) for name in _PLAIN},
    )


def edges(r: Report, u: str) -> Iterator[Edge]:
    yield u, node_key(NodeKind.SOURCE, r.source), Relation.ACCORDING_TO, "according_to", {}
    if r.event is not None:
        yield u, node_key(NodeKind.EVENT, r.event), Relation.REPORT_OF, "report_of", {}
    named = [("source", r.source_actor), ("target", r.target_actor)]
    named += [("other", a) for a in r.actors]
    for i, (role, actor) in enumerate(named):
        if actor is not None:
            key = f"about:actor:{i}"
            yield u, node_key(NodeKind.ACTOR, actor), Relation.ABOUT, key, {"order": i, "as": role}


def record(rid: str, a: dict[str, Any], out: Edges, into: Edges) -> Report:
    node_ = node_key(NodeKind.REPORT, rid)
    source = one(node_, out, Relation.ACCORDING_TO)
    if source is None:
        raise ModelError(f"report node {node_!r} has no 'according_to' edge to its source")
    named: dict[str, list[str]] = {"source": [], "target": [], "other": []}
    for n, d in ordered(out[Relation.ABOUT.value]):
        named[str(d.get("as", "other"))].append(split_key(n)[1])
    fields = opt(a, *_PLAIN)
    if a.get("report_type") is not None:
        fields["type"] = a["report_type"]
    return Report(
        id=rid,
        source=source,
        event=one(node_, out, Relation.REPORT_OF),
        date=a["date"],
        source_actor=next(iter(named["source"]), None),
        target_actor=next(iter(named["target"]), None),
        actors=tuple(named["other"]),
        file=a["file"],
        row=a["row"],
        evidence=cited(out),
        **fields,
    )
