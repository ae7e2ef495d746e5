"""A statement in the graph view: its node, its edges (``cites`` aside), and back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...errors import ModelError
from ...model import Statement
from .._base import (
    Edge,
    Edges,
    NodeKind,
    Relation,
    cited,
    ids,
    node_key,
    one,
    opt,
    set_attrs,
    shorten,
)
from .._window import date_attrs

__all__ = ["edges", "node", "record"]


def node(st: Statement) -> dict[str, Any]:
    attrs = {
        "kind": NodeKind.STATEMENT.value,
        "label": shorten(st.text),
        "text": st.text,
        "mode": st.mode.value,
    }
    attrs.update(date_attrs(st.date))
    return set_attrs(attrs, language=st.language)


def edges(st: Statement, u: str) -> Iterator[Edge]:
    yield node_key(NodeKind.ACTOR, st.speaker), u, Relation.SAID, "said", {}
    for i, t in enumerate(st.about_events):
        yield u, node_key(NodeKind.EVENT, t), Relation.ABOUT, f"about:event:{i}", {"order": i}
    for i, t in enumerate(st.about_actors):
        yield u, node_key(NodeKind.ACTOR, t), Relation.ABOUT, f"about:actor:{i}", {"order": i}
    if st.channel is not None:
        yield u, node_key(NodeKind.ACTOR, st.channel), Relation.CHANNEL, "channel", {}


def record(rid: str, a: dict[str, Any], out: Edges, into: Edges) -> Statement:
    node = node_key(NodeKind.STATEMENT, rid)
    speaker = one(node, into, Relation.SAID)
    if speaker is None:
        raise ModelError(f"statement node {node!r} has no 'said' edge from its speaker")
    about = out[Relation.ABOUT.value]
    return Statement(
        id=rid,
        speaker=speaker,
        date=a["date"],
        text=a["text"],
        mode=a["mode"],
        about_events=ids(about, NodeKind.EVENT),
        about_actors=ids(about, NodeKind.ACTOR),
        channel=one(node, out, Relation.CHANNEL),
        evidence=cited(out),
        **opt(a, "language"),
    )
