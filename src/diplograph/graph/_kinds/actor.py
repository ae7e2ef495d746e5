"""An actor in the graph view: its node, its edges (``cites`` aside), and back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ...model import Actor, Position
from .._base import (
    Edge,
    Edges,
    NodeKind,
    Relation,
    cited,
    node_key,
    opt,
    set_attrs,
)

__all__ = ["edges", "node", "record"]


def node(a: Actor) -> dict[str, Any]:
    return set_attrs(
        {"kind": NodeKind.ACTOR.value, "label": a.name, "actor_kind": a.kind.value},
        aliases=json.dumps(list(a.aliases), ensure_ascii=False) if a.aliases else None,
        wikidata=a.wikidata,
        country=a.country,
        description=a.description,
        positions=(
            json.dumps([p.model_dump(mode="json", exclude_defaults=True) for p in a.positions])
            if a.positions
            else None
        ),
    )


def edges(a: Actor, u: str) -> Iterator[Edge]:
    for i, pos in enumerate(a.positions):
        if pos.organization is not None:
            attrs = {
                "post": pos.post,
                "post_start": str(pos.start) if pos.start is not None else None,
                "post_end": str(pos.end) if pos.end is not None else None,
                "order": i,
            }
            org = node_key(NodeKind.ACTOR, pos.organization)
            yield u, org, Relation.HOLDS_POSITION, f"holds_position:{i}", attrs


def record(rid: str, a: dict[str, Any], out: Edges, into: Edges) -> Actor:
    return Actor(
        id=rid,
        kind=a["actor_kind"],
        name=a["label"],
        aliases=tuple(json.loads(a.get("aliases", "[]"))),
        positions=tuple(Position.model_validate(p) for p in json.loads(a.get("positions", "[]"))),
        evidence=cited(out),
        **opt(a, "wikidata", "country", "description"),
    )
