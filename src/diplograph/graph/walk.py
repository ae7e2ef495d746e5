"""Walking the networkx view: which node kinds a walk goes through, neighbours both ways.

The searches behind :func:`~diplograph.graph.path`, :func:`~diplograph.graph.ego`
and :func:`~diplograph.graph.centrality` read the successor and predecessor
lists of the nodes they reach and nothing else, so they cost what their
answer costs, however big the graph.

>>> sorted(k.value for k in DEFAULT_THROUGH)
['actor', 'event', 'statement']
>>> kinds_text(node_kinds(["actor", "event"]))
'actor and event'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain

import networkx as nx

from ..errors import QueryError
from .view import NodeKind

__all__ = [
    "DEFAULT_THROUGH",
    "Neighbours",
    "ball",
    "check_node",
    "kinds_text",
    "meet",
    "neighbours",
    "node_kinds",
    "simple_graph",
]

DEFAULT_THROUGH = frozenset({NodeKind.ACTOR, NodeKind.EVENT, NodeKind.STATEMENT})
"""Node kinds a path or an ego network goes through by default.

Places and sources are left out: nearly every record cites the same article,
so through sources every two records would be two steps apart.
"""


def node_kinds(through: Iterable[NodeKind | str]) -> frozenset[NodeKind]:
    kinds = []
    for k in through:
        try:
            kinds.append(NodeKind(k))
        except ValueError:
            raise QueryError(
                f"node kinds must be in {[k.value for k in NodeKind]!r} (got {k!r})"
            ) from None
    if not kinds:
        raise QueryError("give at least one node kind to go through (got none)")
    return frozenset(kinds)


Neighbours = Callable[[str], Iterator[str]]
"""The neighbours of a node, as :func:`neighbours` gives them."""


def neighbours(G: nx.MultiDiGraph, kinds: frozenset[NodeKind]) -> Neighbours:
    """The neighbours of a node along edges in either direction, of the given kinds only.

    Nothing is copied and nothing is built: ``nx.ego_graph(G, undirected=True)``
    copies the whole graph on every call, and even networkx's undirected *view*
    of a MultiDiGraph costs a pass over every node; this reads the successor
    and predecessor lists of the nodes a search reaches, and nothing else.
    """
    wanted = {k.value for k in kinds}
    # The plain dicts behind G.succ, G.pred and G.nodes: their views cost more than the walk.
    succ, pred, attrs = G._succ, G._pred, G._node

    def neighbours(v: str) -> Iterator[str]:
        for w in chain(succ[v], pred[v]):
            if w != v and attrs[w].get("kind") in wanted:
                yield w

    return neighbours


def ball(nbrs: Neighbours, source: str, radius: int) -> dict[str, int]:
    """Distances from ``source`` to every node within ``radius`` steps (breadth first)."""
    dist = {source: 0}
    frontier = [source]
    for level in range(1, radius + 1):
        reached = []
        for v in frontier:
            for w in nbrs(v):
                if w not in dist:
                    dist[w] = level
                    reached.append(w)
        if not reached:
            break
        frontier = reached
    return dist


def meet(nbrs: Neighbours, src: str, dst: str) -> tuple[int, dict[str, int], dict[str, int]]:
    """The distance between two nodes, searching from both ends, and the two searches.

    Returns ``(length, from_src, from_dst)`` where ``from_src`` holds every node
    within some radius ``r`` of ``src`` and ``from_dst`` every node within
    ``length - r`` of ``dst``. Raises ``nx.NetworkXNoPath``.
    """
    sides = ({src: 0}, {dst: 0})
    frontiers = ([src], [dst])
    radius = [0, 0]
    if src == dst:
        return 0, *sides
    while frontiers[0] and frontiers[1]:
        i = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine, other = sides[i], sides[1 - i]
        radius[i] += 1
        reached, met = [], False
        for v in frontiers[i]:
            for w in nbrs(v):
                if w not in mine:
                    mine[w] = radius[i]
                    reached.append(w)
                    met = met or w in other
        if met:
            # No path is shorter than the two radii, or the searches would have met before.
            return radius[0] + radius[1], *sides
        frontiers = (reached, frontiers[1]) if i == 0 else (frontiers[0], reached)
    raise nx.NetworkXNoPath


def simple_graph(G: nx.MultiDiGraph, kinds: frozenset[NodeKind]) -> nx.Graph:
    """A simple undirected copy on the nodes of ``kinds``, for whole-graph measures."""
    wanted = {k.value for k in kinds}
    S = nx.Graph()
    S.add_nodes_from(n for n, k in G.nodes(data="kind") if k in wanted)
    S.add_edges_from((u, v) for u, v in G.edges() if u != v and u in S and v in S)
    return S


def check_node(G: nx.MultiDiGraph, node: str, name: str, kinds: frozenset[NodeKind]) -> None:
    """A :class:`QueryError` unless ``node`` is in ``G`` and of one of ``kinds``."""
    if node not in G:
        raise QueryError(f"{name!r} ({node}) is not in this graph; is it outside the date window?")
    if G.nodes[node].get("kind") not in {k.value for k in kinds}:
        raise QueryError(
            f"{name!r} is a node of kind {G.nodes[node].get('kind')}, and the walk goes "
            f"through {kinds_text(kinds)} only"
        )


def kinds_text(kinds: Iterable[NodeKind]) -> str:
    """Node kinds as words: ``actor, event and statement``."""
    names = sorted(k.value for k in kinds)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
