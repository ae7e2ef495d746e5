"""A statement in the graph view: its node, its edges (``cites`` aside), and back."""

from __future__ import annotations

import json
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
    topics = [t.value for t in st.about_topics]
    return set_attrs(
        attrs,
        language=st.language,
        topics=json.dumps(topics) if topics else None,
        # who of several joint speakers is the one named first
        speaker=st.speaker if st.speakers and st.speaker != st.speakers[0] else None,
    )


def edges(st: Statement, u: str) -> Iterator[Edge]:
    if st.speakers:
        for i, t in enumerate(st.speakers):
            yield node_key(NodeKind.ACTOR, t), u, Relation.SAID, f"said:{i}", {"order": i}
    else:
        yield node_key(NodeKind.ACTOR, st.speaker), u, Relation.SAID, "said", {}
    for i, t in enumerate(st.about_events):
        yield u, node_key(NodeKind.EVENT, t), Relation.ABOUT, f"about:event:{i}", {"order": i}
    for i, t in enumerate(st.about_actors):
        yield u, node_key(NodeKind.ACTOR, t), Relation.ABOUT, f"about:actor:{i}", {"order": i}
    for i, t in enumerate(st.about_places):
        yield u, node_key(NodeKind.PLACE, t), Relation.ABOUT, f"about:place:{i}", {"order": i}
    if st.channel is not None:
        yield u, node_key(NodeKind.ACTOR, st.channel), Relation.CHANNEL, "channel", {}
    if st.said_at is not None:
        yield u, node_key(NodeKind.EVENT, st.said_at), Relation.SAID_AT, "said_at", {}


def record(rid: str, a: dict[str, Any], out: Edges, into: Edges) -> Statement:
    node = node_key(NodeKind.STATEMENT, rid)
    speakers = ids(into[Relation.SAID.value], NodeKind.ACTOR)
    if not speakers:
        raise ModelError(f"statement node {node!r} has no 'said' edge from its speaker")
    about = out[Relation.ABOUT.value]
    return Statement(
        id=rid,
        speaker=a.get("speaker", speakers[0]),
        speakers=speakers if len(speakers) > 1 else (),
        about_places=ids(about, NodeKind.PLACE),
        about_topics=tuple(json.loads(a.get("topics", "[]"))),
        said_at=one(node, out, Relation.SAID_AT),
        date=a["date"],
        text=a["text"],
        mode=a["mode"],
        about_events=ids(about, NodeKind.EVENT),
        about_actors=ids(about, NodeKind.ACTOR),
        channel=one(node, out, Relation.CHANNEL),
        evidence=cited(out),
        **opt(a, "language"),
    )
