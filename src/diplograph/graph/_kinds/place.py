"""A place in the graph view: its node, its edges (``cites`` aside), and back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ...model import Place
from .._base import (
    Edge,
    Edges,
    NodeKind,
    cited,
    opt,
    set_attrs,
)

__all__ = ["edges", "node", "record"]


def node(p: Place) -> dict[str, Any]:
    return set_attrs(
        {"kind": NodeKind.PLACE.value, "label": p.name},
        aliases=json.dumps(list(p.aliases), ensure_ascii=False) if p.aliases else None,
        country=p.country,
        part_of=p.part_of,
        lat=p.lat,
        long=p.long,
        wikidata=p.wikidata,
    )


def edges(r: Any, u: str) -> Iterator[Edge]:
    return iter(())


def record(rid: str, a: dict[str, Any], out: Edges, into: Edges) -> Place:
    return Place(
        id=rid,
        name=a["label"],
        aliases=tuple(json.loads(a.get("aliases", "[]"))),
        evidence=cited(out),
        **opt(a, "country", "part_of", "lat", "long", "wikidata"),
    )
