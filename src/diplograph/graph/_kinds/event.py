"""An event in the graph view: its node, its edges (``cites`` aside), and back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Event, Participant, Role
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
    ordered,
    set_attrs,
    split_key,
)
from .._window import date_attrs

__all__ = ["edges", "node", "record"]


def node(e: Event) -> dict[str, Any]:
    attrs = {"kind": NodeKind.EVENT.value, "label": e.label, "event_type": e.type.value}
    attrs.update(date_attrs(e.time))
    return set_attrs(attrs, outcome=e.outcome, description=e.description, wikidata=e.wikidata)


def edges(e: Event, u: str) -> Iterator[Edge]:
    for i, part in enumerate(e.participants):
        actor = node_key(NodeKind.ACTOR, part.actor)
        yield actor, u, Relation.PARTICIPATED, "participated", {"role": part.role, "order": i}
    if e.place is not None:
        yield u, node_key(NodeKind.PLACE, e.place), Relation.LOCATED_AT, "located_at", {}
    if e.part_of is not None:
        yield u, node_key(NodeKind.EVENT, e.part_of), Relation.SUB_EVENT_OF, "sub_event_of", {}
    for i, t in enumerate(e.follows):
        yield u, node_key(NodeKind.EVENT, t), Relation.FOLLOWS, f"follows:{i}", {"order": i}
    for i, t in enumerate(e.leads_to):
        yield u, node_key(NodeKind.EVENT, t), Relation.LEADS_TO, f"leads_to:{i}", {"order": i}


def record(rid: str, a: dict[str, Any], out: Edges, into: Edges) -> Event:
    node = node_key(NodeKind.EVENT, rid)
    return Event(
        id=rid,
        label=a["label"],
        type=a["event_type"],
        time=a["date"],
        place=one(node, out, Relation.LOCATED_AT),
        participants=tuple(
            Participant(actor=split_key(u)[1], role=d.get("role", Role.ATTENDEE.value))
            for u, d in ordered(into[Relation.PARTICIPATED.value])
        ),
        part_of=one(node, out, Relation.SUB_EVENT_OF),
        follows=ids(out[Relation.FOLLOWS.value]),
        leads_to=ids(out[Relation.LEADS_TO.value]),
        evidence=cited(out),
        **opt(a, "outcome", "description", "wikidata"),
    )
