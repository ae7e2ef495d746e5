"""What the graph view's modules share: node and edge kinds, node keys, attribute helpers."""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any

from ..errors import ModelError
from ..model import Evidence, Role

__all__ = [
    "LABEL_LENGTH",
    "NODE_KINDS",
    "Edge",
    "Edges",
    "NodeKind",
    "Relation",
    "cited",
    "ids",
    "node_key",
    "one",
    "opt",
    "ordered",
    "relation_label",
    "set_attrs",
    "shorten",
    "split_key",
]


class NodeKind(StrEnum):
    """The kinds of node in the networkx view, one per record kind."""

    ACTOR = "actor"
    EVENT = "event"
    STATEMENT = "statement"
    PLACE = "place"
    SOURCE = "source"
    REPORT = "report"


class Relation(StrEnum):
    """The kinds of edge in the networkx view (the ``relation`` edge attribute)."""

    PARTICIPATED = "participated"
    LOCATED_AT = "located_at"
    SUB_EVENT_OF = "sub_event_of"
    FOLLOWS = "follows"
    LEADS_TO = "leads_to"
    SAID = "said"
    ABOUT = "about"
    CHANNEL = "channel"
    SAID_AT = "said_at"
    HOLDS_POSITION = "holds_position"
    CITES = "cites"
    ACCORDING_TO = "according_to"
    REPORT_OF = "report_of"


NODE_KINDS = frozenset(k.value for k in NodeKind)


LABEL_LENGTH = 60


def node_key(kind: NodeKind | str, record_id: str) -> str:
    """The key of a record's node: ``"<kind>:<id>"``.

    Examples
    --------
    >>> node_key("actor", "kim-jong-un")
    'actor:kim-jong-un'
    """
    return f"{NodeKind(kind).value}:{record_id}"


def split_key(key: str) -> tuple[NodeKind, str]:
    """The kind and record id of a node key: the inverse of :func:`node_key`.

    Examples
    --------
    >>> split_key("event:hanoi-summit-2019")
    (<NodeKind.EVENT: 'event'>, 'hanoi-summit-2019')
    """
    kind, sep, rid = str(key).partition(":")
    if sep and rid and kind in NODE_KINDS:
        return NodeKind(kind), rid
    raise ModelError(
        f"a node key is '<kind>:<id>' with kind in {sorted(NODE_KINDS)!r} (got {key!r})"
    )


def set_attrs(attrs: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Add the values that are not None, enums as their plain value."""
    for name, value in values.items():
        if value is None:
            continue
        attrs[name] = value.value if isinstance(value, Enum) else value
    return attrs


def shorten(text: str, limit: int = LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def relation_label(relation: Relation, role: Role | None = None) -> str:
    words = relation.value.replace("_", " ")
    return f"{words} as {role.value}" if role is not None else words


Edge = tuple[str, str, Relation, str, dict[str, Any]]


Edges = dict[str, list[tuple[str, dict[str, Any]]]]


def opt(attrs: dict[str, Any], *names: str) -> dict[str, Any]:
    return {n: attrs[n] for n in names if attrs.get(n) is not None}


def ordered(pairs: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    return sorted(pairs, key=lambda p: (int(p[1].get("order", 0)), p[0]))


def ids(pairs: list[tuple[str, dict[str, Any]]], kind: NodeKind | None = None) -> tuple[str, ...]:
    return tuple(
        split_key(n)[1] for n, _ in ordered(pairs) if kind is None or n.startswith(f"{kind.value}:")
    )


def one(node: str, edges: Edges, relation: Relation) -> str | None:
    hits = edges[relation.value]
    if len(hits) > 1:
        raise ModelError(f"node {node!r} has {len(hits)} {relation.value!r} edges (expected one)")
    return split_key(hits[0][0])[1] if hits else None


def cited(out: Edges) -> tuple[Evidence, ...]:
    evs = []
    for source, d in ordered(out[Relation.CITES.value]):
        fields = opt(d, "quote", "prefix", "suffix", "note", "confidence", "draft")
        fields.update(
            opt({"start": d.get("quote_start"), "end": d.get("quote_end")}, "start", "end")
        )
        evs.append(Evidence(source=split_key(source)[1], **fields))
    return tuple(evs)
