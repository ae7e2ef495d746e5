"""Connections between records: the shortest path between two of them, and ego networks.

Each takes the knowledge graph (names are resolved against it, see
:func:`resolve_node`) and, optionally, the graph :func:`~diplograph.graph.to_networkx`
made of it, so a notebook that asks many questions builds it once.

Examples
--------
>>> from diplograph import load, bundled_data
>>> from diplograph.graph import to_networkx
>>> kg = load(bundled_data())
>>> G = to_networkx(kg)
>>> [step.id for step in path(kg, "Moon", "Trump", graph=G)]
['moon-jae-in', 'panmunjom-meeting-2019', 'donald-trump']
>>> len(ego(kg, "Moon", radius=1, graph=G))  # Moon, 5 events, 1 statement about him, his post
8
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from ..errors import AmbiguousNameError, QueryError, UnknownNameError
from ..kg import KnowledgeGraph
from .view import NodeKind, Relation, node_key, split_key, to_networkx
from .walk import (
    DEFAULT_THROUGH,
    Neighbours,
    ball,
    check_node,
    kinds_text,
    meet,
    neighbours,
    node_kinds,
)

__all__ = ["Step", "ego", "path", "resolve_node"]


# -- names ---------------------------------------------------------------------------------


def resolve_node(kg: KnowledgeGraph, name: str) -> str:
    """The node key of the one actor or event that ``name`` names.

    ``name`` is a node key (``event:hanoi-summit-2019``), a record id, an
    actor's name or alias (see
    :meth:`~diplograph.kg.KnowledgeGraph.resolve_actor`) or words of an event's
    label (see :meth:`~diplograph.kg.KnowledgeGraph.resolve_event`). Actors are
    tried first.

    Raises
    ------
    UnknownNameError
        When nothing answers to ``name`` (with near matches).
    AmbiguousNameError
        When several actors, or several events, answer to it.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> resolve_node(kg, "Kim Jong-un"), resolve_node(kg, "Hanoi")
    ('actor:kim-jong-un', 'event:hanoi-summit-2019')
    >>> resolve_node(kg, "Atlantis")
    Traceback (most recent call last):
    ...
    diplograph.errors.UnknownNameError: no actor or event is called 'Atlantis'
    """
    kind, sep, rid = name.partition(":")
    if sep and kind in NodeKind.__members__.values():
        table = getattr(kg, f"{kind}s")
        if rid in table:
            return node_key(kind, rid)
        raise UnknownNameError(name, what=kind)
    try:
        return node_key(NodeKind.ACTOR, kg.resolve_actor(name).id)
    except UnknownNameError as no_actor:
        try:
            return node_key(NodeKind.EVENT, kg.resolve_event(name).id)
        except UnknownNameError as no_event:
            near = [*no_actor.candidates, *no_event.candidates]
            raise UnknownNameError(name, near, what="actor or event") from None
        except AmbiguousNameError:
            raise


# -- path ----------------------------------------------------------------------------------

# When two nodes are joined by several edges, the step names the first relation here.
_RELATION_ORDER = [
    Relation.PARTICIPATED,
    Relation.SAID,
    Relation.ABOUT,
    Relation.SUB_EVENT_OF,
    Relation.LEADS_TO,
    Relation.FOLLOWS,
    Relation.HOLDS_POSITION,
    Relation.CHANNEL,
    Relation.SAID_AT,
    Relation.LOCATED_AT,
    Relation.CITES,
]


# Among equally short connections, go through events, then statements, then actors.
_PATH_PREFERENCE = {
    NodeKind.EVENT: 0,
    NodeKind.STATEMENT: 1,
    NodeKind.ACTOR: 2,
    NodeKind.PLACE: 3,
    NodeKind.SOURCE: 4,
}


@dataclass(frozen=True, slots=True)
class Step:
    """One node of a connection, and the edge that leads to it from the step before.

    ``relation``, ``role`` and ``forward`` describe that edge and are None for
    the first step; ``forward`` is True when the edge points from the previous
    step to this one (``Lee Sang-min --said--> statement``) and False when it
    points back (``event <--participated-- Kim Jong Un``).
    """

    node: str
    kind: str
    id: str
    label: str
    type: str | None
    date: str | None
    sources: tuple[str, ...]
    relation: str | None = None
    role: str | None = None
    forward: bool | None = None

    def arrow(self) -> str:
        """The edge into this step as text, e.g. ``--said-->`` or ``<--participated (host)--``.

        >>> Step("a:x", "actor", "x", "X", None, None, (), "said", None, True).arrow()
        '--said-->'
        """
        if self.relation is None:
            return ""
        what = self.relation + (f" ({self.role})" if self.role else "")
        return f"--{what}-->" if self.forward else f"<--{what}--"

    def to_dict(self) -> dict[str, Any]:
        """The step as a JSON-ready dict."""
        d = asdict(self)
        d["sources"] = list(self.sources)
        return d


_TYPE_ATTR = {
    "actor": "actor_kind",
    "event": "event_type",
    "statement": "mode",
    "place": None,
    "source": "source_kind",
}


def _step(G: nx.MultiDiGraph, node: str, prev: str | None) -> Step:
    attrs = G.nodes[node]
    kind = attrs.get("kind", "")
    type_attr = _TYPE_ATTR.get(kind)
    sources = []
    for _, v, d in G.out_edges(node, data=True):
        if d.get("relation") == Relation.CITES.value and v not in sources:
            sources.append(v)
    relation = role = forward = None
    if prev is not None:
        found: list[tuple[int, str, str | None, bool]] = []
        for u, v, fwd in ((prev, node, True), (node, prev, False)):
            for d in (G.get_edge_data(u, v) or {}).values():
                rel = Relation(d["relation"])
                found.append((_RELATION_ORDER.index(rel), rel.value, d.get("role"), fwd))
        _, relation, role, forward = min(found)
    return Step(
        node=node,
        kind=kind,
        id=split_key(node)[1],
        label=attrs.get("text", attrs.get("label", node)),
        type=attrs.get(type_attr) if type_attr else None,
        date=attrs.get("date"),
        sources=tuple(split_key(s)[1] for s in sources),
        relation=relation,
        role=role,
        forward=forward,
    )


def _preferred(nodes: Iterable[str]) -> str:
    return min(nodes, key=lambda v: (_PATH_PREFERENCE[split_key(v)[0]], v))


def _preferred_shortest(nbrs: Neighbours, src: str, dst: str) -> list[str]:
    """The preferred shortest path between two nodes (see :func:`path`)."""
    length, from_src, from_dst = meet(nbrs, src, dst)
    half = max(from_src.values())
    # Nodes on some shortest path, layer by layer from src up to the middle layer.
    layers: list[set[str]] = [set() for _ in range(half + 1)]
    layers[half] = {
        v for v, d in from_src.items() if d == half and from_dst.get(v) == length - half
    }
    for k in range(half - 1, -1, -1):
        layers[k] = {
            v for v, d in from_src.items() if d == k and any(w in layers[k + 1] for w in nbrs(v))
        }
    walk = [src]
    for k in range(1, half + 1):
        walk.append(_preferred(w for w in nbrs(walk[-1]) if w in layers[k]))
    while walk[-1] != dst:
        here = from_dst[walk[-1]]
        walk.append(_preferred(w for w in nbrs(walk[-1]) if from_dst.get(w) == here - 1))
    return walk


def path(
    kg: KnowledgeGraph,
    a: str,
    b: str,
    *,
    graph: nx.MultiDiGraph | None = None,
    through: Iterable[NodeKind | str] = DEFAULT_THROUGH,
) -> list[Step]:
    """The shortest connection between two actors or events, with what lies along it.

    Edges are walked in both directions. Among several shortest connections,
    the one returned goes, step by step from ``a``, through events first,
    then statements, then actors, and among nodes of one kind through the
    first id in alphabetical order; so the answer shows the events and
    statements that link the two and does not depend on the order the
    records were loaded in.

    Parameters
    ----------
    kg
        The records; ``a`` and ``b`` are resolved with :func:`resolve_node`.
    a, b
        Names of actors or events (names, aliases, ids or label words).
    graph
        ``to_networkx(kg)``, when already built.
    through
        Node kinds the connection may pass through (default actors, events
        and statements; see :data:`DEFAULT_THROUGH`).

    Returns
    -------
    list of Step
        From ``a`` to ``b``; each step names the record and the edge that
        leads to it.

    Raises
    ------
    UnknownNameError, AmbiguousNameError
        When a name does not name exactly one actor or event.
    QueryError
        When there is no connection.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> for step in path(kg, "Lee Sang-min", "Kim Jong Un"):
    ...     print(step.arrow(), step.kind, step.label)
     actor Lee Sang-min
    --said--> statement Inter-Korean relations have been at a lull since the Hanoi summit
    --about--> event Trump-Kim summit in Hanoi
    <--participated (attendee)-- actor Kim Jong Un
    """
    G = graph if graph is not None else to_networkx(kg)
    kinds = node_kinds(through)
    src, dst = resolve_node(kg, a), resolve_node(kg, b)
    check_node(G, src, a, kinds)
    check_node(G, dst, b, kinds)
    try:
        steps = _preferred_shortest(neighbours(G, kinds), src, dst)
    except nx.NetworkXNoPath:
        raise QueryError(
            f"no connection between {G.nodes[src]['label']} and {G.nodes[dst]['label']} "
            f"through {kinds_text(kinds)} nodes"
        ) from None
    return [_step(G, n, steps[i - 1] if i else None) for i, n in enumerate(steps)]


# -- ego -----------------------------------------------------------------------------------


def ego(
    kg: KnowledgeGraph,
    name: str,
    *,
    radius: int = 1,
    graph: nx.MultiDiGraph | None = None,
    through: Iterable[NodeKind | str] = DEFAULT_THROUGH,
) -> nx.MultiDiGraph:
    """The ego network of an actor or event: every node within ``radius`` steps of it.

    Steps go along edges in either direction and through nodes of the kinds in
    ``through`` only. The search reads only the nodes it reaches and copies only the
    ego network, so it costs what the ego network costs, however big the
    graph.

    Parameters
    ----------
    kg
        The records; ``name`` is resolved with :func:`resolve_node`.
    name
        An actor or event.
    radius
        How many steps out, 0 or more.
    graph
        ``to_networkx(kg)``, when already built.
    through
        Node kinds to include and walk through (see :data:`DEFAULT_THROUGH`).

    Returns
    -------
    networkx.MultiDiGraph
        The subgraph induced on those nodes (a copy), each node with a
        ``distance`` attribute; ``graph["center"]`` is the centre's key and
        ``graph["radius"]`` the radius.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> E = ego(kg, "Lee Sang-min", radius=1)
    >>> sorted(n for n, d in E.nodes(data="distance") if d == 1)  # doctest: +NORMALIZE_WHITESPACE
    ['actor:unification-ministry', 'event:unification-ministry-briefing-2019-07-01',
     'statement:lee-lull-since-hanoi', 'statement:lee-new-life', 'statement:lee-virtuous-cycle']
    """
    if radius < 0:
        raise QueryError(f"the radius must be 0 or more (got {radius})")
    G = graph if graph is not None else to_networkx(kg)
    kinds = node_kinds(through)
    center = resolve_node(kg, name)
    check_node(G, center, name, kinds)
    dist = ball(neighbours(G, kinds), center, radius)
    sub = G.subgraph(dist).copy()
    nx.set_node_attributes(sub, dist, "distance")
    sub.graph.update(center=center, radius=radius)
    return sub
