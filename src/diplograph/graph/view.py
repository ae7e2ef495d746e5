"""Records to a networkx graph with typed nodes and typed edges, and back.

Nodes are keyed ``"<kind>:<id>"`` (``actor:kim-jong-un``,
``event:hanoi-summit-2019``), since record ids are only unique within a kind.

=========  =================================================================
node kind  attributes
=========  =================================================================
actor      label (the name), actor_kind, aliases, country, wikidata, ...
event      label, event_type, date, earliest, latest, precision, outcome, ...
statement  label (the words, shortened), text, mode, date, earliest, ...
place      label (the name), country, part_of, lat, long, wikidata
source     label (the title), source_kind, publisher, url, date, ...
=========  =================================================================

``date`` is the record's EDTF date as written (``2019-02``,
``2019-02-27/2019-02-28``); ``earliest`` and ``latest`` are its ISO day
bounds and ``precision`` is ``year``, ``month`` or ``day``, so a date keeps its
precision in every exported file. Values are strings, ints, floats and bools
only (aliases and positions held are JSON text), so the graph can be written
as GraphML or GEXF as it is.

Every edge has a ``relation`` (see :class:`Relation`) and a ``label`` for
graph editors:

==============  ======================  ==========================================
relation        direction               attributes
==============  ======================  ==========================================
participated    actor -> event          role, order
located_at      event -> place
sub_event_of    event -> event          (the event it is part of)
follows         event -> event          (an earlier event), order
leads_to        event -> event          (a later event), order
said            actor -> statement
about           statement -> event      order (within about_events / about_actors)
                statement -> actor
channel         statement -> actor      (the medium that carried it)
holds_position  actor -> actor          post, post_start, post_end, order
cites           record -> source        order, quote, quote_start, quote_end,
                                        prefix, suffix, note
==============  ======================  ==========================================

Examples
--------
>>> from diplograph import load, bundled_data
>>> kg = load(bundled_data())
>>> G = to_networkx(kg)
>>> G.nodes["event:hanoi-summit-2019"]["date"], G.nodes["event:hanoi-summit-2019"]["precision"]
('2019-02-27/2019-02-28', 'day')
>>> G.edges["actor:kim-jong-un", "event:hanoi-summit-2019", "participated"]["role"]
'attendee'
>>> from_networkx(G) == kg
True
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum, StrEnum
from typing import Any

import networkx as nx
from pydantic import ValidationError

from ..dates import When
from ..errors import ModelError
from ..kg import KnowledgeGraph
from ..kinds import KINDS
from ..model import (
    Actor,
    Event,
    Evidence,
    Participant,
    Place,
    Position,
    Record,
    Role,
    Source,
    Statement,
)
from ._window import date_attrs, date_window, in_window

__all__ = [
    "NodeKind",
    "Relation",
    "date_window",
    "from_networkx",
    "node_key",
    "split_key",
    "to_networkx",
]


class NodeKind(StrEnum):
    """The kinds of node in the networkx view, one per record kind."""

    ACTOR = "actor"
    EVENT = "event"
    STATEMENT = "statement"
    PLACE = "place"
    SOURCE = "source"


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
    HOLDS_POSITION = "holds_position"
    CITES = "cites"


_KINDS = frozenset(k.value for k in NodeKind)

_LABEL_LENGTH = 60


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
    if sep and rid and kind in _KINDS:
        return NodeKind(kind), rid
    raise ModelError(f"a node key is '<kind>:<id>' with kind in {sorted(_KINDS)!r} (got {key!r})")


# -- records -> graph ----------------------------------------------------------------------


def _set(attrs: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Add the values that are not None, enums as their plain value."""
    for name, value in values.items():
        if value is None:
            continue
        attrs[name] = value.value if isinstance(value, Enum) else value
    return attrs


def _shorten(text: str, limit: int = _LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _relation_label(relation: Relation, role: Role | None = None) -> str:
    words = relation.value.replace("_", " ")
    return f"{words} as {role.value}" if role is not None else words


def to_networkx(
    kg: KnowledgeGraph,
    *,
    start: date | str | When | None = None,
    end: date | str | When | None = None,
    sure: bool = False,
) -> nx.MultiDiGraph:
    """The knowledge graph as a ``networkx.MultiDiGraph`` with typed nodes and edges.

    Parameters
    ----------
    kg
        The records. Every id they name must exist
        (:meth:`~diplograph.kg.KnowledgeGraph.dangling` is empty).
    start, end
        An optional date window, at any precision (see :func:`date_window`):
        events and statements outside it are left out, with their edges.
        Actors, places and sources stay.
    sure
        With a window, keep only the events and statements certainly inside it
        (``within``); by default those that may overlap it are kept too.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by :func:`node_key`, attributes and edges as described in
        the module documentation. Every attribute value is a string, an int, a
        float or a bool. Edge keys are the relation, with ``:<n>`` appended
        for relations a record can have several of (``cites:0``).

    Raises
    ------
    ModelError
        When a record names an id that no record has.

    See Also
    --------
    from_networkx : the inverse.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> G = to_networkx(kg)
    >>> G.nodes["actor:lee-sang-min"]["label"]
    'Lee Sang-min'
    >>> sorted(G.successors("statement:lee-lull-since-hanoi"))[:2]
    ['actor:north-korea', 'actor:south-korea']
    >>> G19 = to_networkx(kg, start="2019", end="2019")
    >>> "event:singapore-summit-2018" in G19, "event:hanoi-summit-2019" in G19
    (False, True)
    """
    _refuse_dangling(kg)
    lo, hi = date_window(start, end)
    windowed = lo is not None or hi is not None
    G = nx.MultiDiGraph()
    kept: list[tuple[str, Record]] = []
    for key, kind in KINDS.items():
        for r in getattr(kg, key).values():
            dated = windowed and kind.date is not None
            if dated and not in_window(getattr(r, str(kind.date)), lo, hi, sure):
                continue
            G.add_node(node_key(kind.singular, r.id), **_NODES[key](r))
            kept.append((key, r))
    # Edges, once every node that stays is in.
    for key, r in kept:
        u = node_key(KINDS[key].singular, r.id)
        for a, b, relation, edge, extra in _EDGES[key](r, u):
            if a in G and b in G:
                attrs = {
                    "relation": relation.value,
                    "label": _relation_label(relation, extra.get("role")),
                }
                G.add_edge(a, b, edge, **_set(attrs, **extra))
        _cite(G, u, getattr(r, "evidence", ()))
    return G


def _refuse_dangling(kg: KnowledgeGraph) -> None:
    dangling = kg.dangling()
    if dangling:
        raise ModelError(
            f"cannot build the graph: {dangling[0]} ({len(dangling)} dangling reference(s); "
            "KnowledgeGraph.dangling() lists them)",
            value=dangling[0].target,
            expected=f"the id of a {dangling[0].expected}",
        )


def _cite(G: nx.MultiDiGraph, record_node: str, evidence: tuple[Evidence, ...]) -> None:
    for i, ev in enumerate(evidence):
        attrs = _set(
            {"relation": Relation.CITES.value, "label": "cites", "order": i},
            quote=ev.quote,
            quote_start=ev.start,
            quote_end=ev.end,
            prefix=ev.prefix,
            suffix=ev.suffix,
            note=ev.note,
        )
        G.add_edge(record_node, node_key(NodeKind.SOURCE, ev.source), f"cites:{i}", **attrs)


# Node attributes of each record kind.


def _source_node(s: Source) -> dict[str, Any]:
    attrs = _set(
        {"kind": NodeKind.SOURCE.value, "label": s.title, "source_kind": s.kind.value},
        publisher=s.publisher,
        url=s.url,
        retrieved=str(s.retrieved) if s.retrieved is not None else None,
        language=s.language,
        file=s.file,
        sha256=s.sha256,
        reliability=s.reliability,
        credibility=s.credibility,
        note=s.note,
    )
    if s.published is not None:
        attrs.update(date_attrs(s.published))
    return attrs


def _actor_node(a: Actor) -> dict[str, Any]:
    return _set(
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


def _place_node(p: Place) -> dict[str, Any]:
    return _set(
        {"kind": NodeKind.PLACE.value, "label": p.name},
        country=p.country,
        part_of=p.part_of,
        lat=p.lat,
        long=p.long,
        wikidata=p.wikidata,
    )


def _event_node(e: Event) -> dict[str, Any]:
    attrs = {"kind": NodeKind.EVENT.value, "label": e.label, "event_type": e.type.value}
    attrs.update(date_attrs(e.time))
    return _set(attrs, outcome=e.outcome, description=e.description, wikidata=e.wikidata)


def _statement_node(st: Statement) -> dict[str, Any]:
    attrs = {
        "kind": NodeKind.STATEMENT.value,
        "label": _shorten(st.text),
        "text": st.text,
        "mode": st.mode.value,
    }
    attrs.update(date_attrs(st.date))
    return _set(attrs, language=st.language)


_NODES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "sources": _source_node,
    "actors": _actor_node,
    "places": _place_node,
    "events": _event_node,
    "statements": _statement_node,
}
"""The node attributes of each record kind, by kind key."""

# Edges of each record kind other than ``cites``: (from, to, relation, key, attributes).
_Edge = tuple[str, str, Relation, str, dict[str, Any]]


def _no_edges(r: Any, u: str) -> Iterator[_Edge]:
    return iter(())


def _actor_edges(a: Actor, u: str) -> Iterator[_Edge]:
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


def _event_edges(e: Event, u: str) -> Iterator[_Edge]:
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


def _statement_edges(st: Statement, u: str) -> Iterator[_Edge]:
    yield node_key(NodeKind.ACTOR, st.speaker), u, Relation.SAID, "said", {}
    for i, t in enumerate(st.about_events):
        yield u, node_key(NodeKind.EVENT, t), Relation.ABOUT, f"about:event:{i}", {"order": i}
    for i, t in enumerate(st.about_actors):
        yield u, node_key(NodeKind.ACTOR, t), Relation.ABOUT, f"about:actor:{i}", {"order": i}
    if st.channel is not None:
        yield u, node_key(NodeKind.ACTOR, st.channel), Relation.CHANNEL, "channel", {}


_EDGES: dict[str, Callable[[Any, str], Iterator[_Edge]]] = {
    "sources": _no_edges,
    "actors": _actor_edges,
    "places": _no_edges,
    "events": _event_edges,
    "statements": _statement_edges,
}
"""The edges (``cites`` aside) each record kind starts or ends, by kind key."""


# -- graph -> records ----------------------------------------------------------------------

_Edges = dict[str, list[tuple[str, dict[str, Any]]]]


def _opt(attrs: dict[str, Any], *names: str) -> dict[str, Any]:
    return {n: attrs[n] for n in names if attrs.get(n) is not None}


def _ordered(pairs: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    return sorted(pairs, key=lambda p: (int(p[1].get("order", 0)), p[0]))


def _ids(pairs: list[tuple[str, dict[str, Any]]], kind: NodeKind | None = None) -> tuple[str, ...]:
    return tuple(
        split_key(n)[1]
        for n, _ in _ordered(pairs)
        if kind is None or n.startswith(f"{kind.value}:")
    )


def _one(node: str, edges: _Edges, relation: Relation) -> str | None:
    hits = edges[relation.value]
    if len(hits) > 1:
        raise ModelError(f"node {node!r} has {len(hits)} {relation.value!r} edges (expected one)")
    return split_key(hits[0][0])[1] if hits else None


def _evidence(out: _Edges) -> tuple[Evidence, ...]:
    evs = []
    for source, d in _ordered(out[Relation.CITES.value]):
        fields = _opt(d, "quote", "prefix", "suffix", "note")
        fields.update(
            _opt({"start": d.get("quote_start"), "end": d.get("quote_end")}, "start", "end")
        )
        evs.append(Evidence(source=split_key(source)[1], **fields))
    return tuple(evs)


def _source_record(rid: str, a: dict[str, Any], out: _Edges, into: _Edges) -> Source:
    fields = _opt(a, "publisher", "url", "retrieved", "language", "file", "sha256")
    fields.update(_opt(a, "reliability", "credibility", "note"))
    if "date" in a:
        fields["published"] = a["date"]
    return Source(id=rid, title=a["label"], kind=a["source_kind"], **fields)


def _actor_record(rid: str, a: dict[str, Any], out: _Edges, into: _Edges) -> Actor:
    return Actor(
        id=rid,
        kind=a["actor_kind"],
        name=a["label"],
        aliases=tuple(json.loads(a.get("aliases", "[]"))),
        positions=tuple(Position.model_validate(p) for p in json.loads(a.get("positions", "[]"))),
        evidence=_evidence(out),
        **_opt(a, "wikidata", "country", "description"),
    )


def _place_record(rid: str, a: dict[str, Any], out: _Edges, into: _Edges) -> Place:
    return Place(
        id=rid,
        name=a["label"],
        evidence=_evidence(out),
        **_opt(a, "country", "part_of", "lat", "long", "wikidata"),
    )


def _event_record(rid: str, a: dict[str, Any], out: _Edges, into: _Edges) -> Event:
    node = node_key(NodeKind.EVENT, rid)
    return Event(
        id=rid,
        label=a["label"],
        type=a["event_type"],
        time=a["date"],
        place=_one(node, out, Relation.LOCATED_AT),
        participants=tuple(
            Participant(actor=split_key(u)[1], role=d.get("role", Role.ATTENDEE.value))
            for u, d in _ordered(into[Relation.PARTICIPATED.value])
        ),
        part_of=_one(node, out, Relation.SUB_EVENT_OF),
        follows=_ids(out[Relation.FOLLOWS.value]),
        leads_to=_ids(out[Relation.LEADS_TO.value]),
        evidence=_evidence(out),
        **_opt(a, "outcome", "description", "wikidata"),
    )


def _statement_record(rid: str, a: dict[str, Any], out: _Edges, into: _Edges) -> Statement:
    node = node_key(NodeKind.STATEMENT, rid)
    speaker = _one(node, into, Relation.SAID)
    if speaker is None:
        raise ModelError(f"statement node {node!r} has no 'said' edge from its speaker")
    about = out[Relation.ABOUT.value]
    return Statement(
        id=rid,
        speaker=speaker,
        date=a["date"],
        text=a["text"],
        mode=a["mode"],
        about_events=_ids(about, NodeKind.EVENT),
        about_actors=_ids(about, NodeKind.ACTOR),
        channel=_one(node, out, Relation.CHANNEL),
        evidence=_evidence(out),
        **_opt(a, "language"),
    )


_RECORDS: dict[str, Callable[[str, dict[str, Any], _Edges, _Edges], Record]] = {
    "sources": _source_record,
    "actors": _actor_record,
    "places": _place_record,
    "events": _event_record,
    "statements": _statement_record,
}
"""The record each kind of node makes back, by kind key."""


@contextmanager
def _about_node(node: str) -> Iterator[None]:
    try:
        yield
    except (ValidationError, json.JSONDecodeError) as e:
        raise ModelError(f"node {node!r} does not make a valid record: {e}") from None
    except KeyError as e:
        raise ModelError(f"node {node!r} lacks the {e.args[0]!r} attribute") from None


def from_networkx(G: nx.MultiDiGraph) -> KnowledgeGraph:
    """The records of a graph made by :func:`to_networkx`, or read back from its GraphML or GEXF.

    The round trip is lossless: ``from_networkx(to_networkx(kg)) == kg``.
    Through a GraphML file it is too, except that an empty string is read
    back as no value and XML turns a carriage return into a line feed.

    Raises
    ------
    ModelError
        When a node or edge does not make a valid record, e.g. a statement
        without the actor who said it (a subgraph cut it off).

    See Also
    --------
    to_networkx : the inverse.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> back = from_networkx(to_networkx(kg))
    >>> back.counts() == kg.counts()
    True
    """
    out: dict[str, _Edges] = defaultdict(lambda: defaultdict(list))
    into: dict[str, _Edges] = defaultdict(lambda: defaultdict(list))
    for u, v, d in G.edges(data=True):
        relation = d.get("relation")
        if relation is None:
            raise ModelError(f"edge {u!r} -> {v!r} has no 'relation' attribute")
        out[u][relation].append((v, d))
        into[v][relation].append((u, d))
    order = [NodeKind(k.singular) for k in KINDS.values()]
    nodes = sorted(G.nodes(data=True), key=lambda p: order.index(split_key(p[0])[0]))
    by_singular = {k.singular: k.key for k in KINDS.values()}
    kg = KnowledgeGraph()
    for n, attrs in nodes:
        kind, rid = split_key(n)
        with _about_node(n):
            kg.add(_RECORDS[by_singular[kind.value]](rid, attrs, out[n], into[n]))
    return kg
