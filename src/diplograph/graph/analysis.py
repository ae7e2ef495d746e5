"""The analyses SPARQL does badly: shortest connections, ego networks, co-participation, centrality.

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

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from itertools import chain, combinations
from typing import Any

import networkx as nx

from ..dates import When
from ..errors import AmbiguousNameError, QueryError, UnknownNameError
from ..kg import KnowledgeGraph
from ..model import Role
from .view import NodeKind, Relation, date_window, node_key, split_key, to_networkx

__all__ = [
    "CENTRALITY_MEASURES",
    "DEFAULT_THROUGH",
    "Rank",
    "Step",
    "centrality",
    "co_participation",
    "ego",
    "path",
    "resolve_node",
]

DEFAULT_THROUGH = frozenset({NodeKind.ACTOR, NodeKind.EVENT, NodeKind.STATEMENT})
"""Node kinds a path or an ego network goes through by default.

Places and sources are left out: nearly every record cites the same article,
so through sources every two records would be two steps apart.
"""

CENTRALITY_MEASURES = ("degree", "betweenness", "closeness", "eigenvector")
"""The measures :func:`centrality` knows."""


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


# -- walking edges both ways ----------------------------------------------------------------


def _kinds(through: Iterable[NodeKind | str]) -> frozenset[NodeKind]:
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


def _neighbours(G: nx.MultiDiGraph, kinds: frozenset[NodeKind]) -> Neighbours:
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


def _ball(nbrs: Neighbours, source: str, radius: int) -> dict[str, int]:
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


def _meet(nbrs: Neighbours, src: str, dst: str) -> tuple[int, dict[str, int], dict[str, int]]:
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


def _simple(G: nx.MultiDiGraph, kinds: frozenset[NodeKind]) -> nx.Graph:
    """A simple undirected copy on the nodes of ``kinds``, for whole-graph measures."""
    wanted = {k.value for k in kinds}
    S = nx.Graph()
    S.add_nodes_from(n for n, k in G.nodes(data="kind") if k in wanted)
    S.add_edges_from((u, v) for u, v in G.edges() if u != v and u in S and v in S)
    return S


def _check_node(G: nx.MultiDiGraph, node: str, name: str, kinds: frozenset[NodeKind]) -> None:
    if node not in G:
        raise QueryError(f"{name!r} ({node}) is not in this graph; is it outside the date window?")
    if G.nodes[node].get("kind") not in {k.value for k in kinds}:
        raise QueryError(
            f"{name!r} is a node of kind {G.nodes[node].get('kind')}, and the walk goes "
            f"through {_kinds_text(kinds)} only"
        )


def _kinds_text(kinds: Iterable[NodeKind]) -> str:
    names = sorted(k.value for k in kinds)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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
    length, from_src, from_dst = _meet(nbrs, src, dst)
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
    kinds = _kinds(through)
    src, dst = resolve_node(kg, a), resolve_node(kg, b)
    _check_node(G, src, a, kinds)
    _check_node(G, dst, b, kinds)
    try:
        steps = _preferred_shortest(_neighbours(G, kinds), src, dst)
    except nx.NetworkXNoPath:
        raise QueryError(
            f"no connection between {G.nodes[src]['label']} and {G.nodes[dst]['label']} "
            f"through {_kinds_text(kinds)} nodes"
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
    kinds = _kinds(through)
    center = resolve_node(kg, name)
    _check_node(G, center, name, kinds)
    dist = _ball(_neighbours(G, kinds), center, radius)
    sub = G.subgraph(dist).copy()
    nx.set_node_attributes(sub, dist, "distance")
    sub.graph.update(center=center, radius=radius)
    return sub


# -- co-participation ----------------------------------------------------------------------


def co_participation(
    kg: KnowledgeGraph,
    *,
    start: date | str | When | None = None,
    end: date | str | When | None = None,
    roles: Iterable[Role | str] | None = None,
) -> nx.Graph:
    """The network of actors who took part in the same events, weighted by how many.

    Parameters
    ----------
    kg
        The records.
    start, end
        An optional date window at any precision (see :func:`date_window`).
        An event counts when its dates may overlap the window; the ``within``
        count says how many of those certainly lie inside it, so an event of
        "February 2019" counts for a window from 15 February but not as sure.
    roles
        Count only participants in these roles (e.g.
        :data:`~diplograph.model.PRINCIPAL_ROLES`); default any role.

    Returns
    -------
    networkx.Graph
        Actor nodes (keyed as in :func:`to_networkx`, with ``kind``,
        ``label``, ``actor_kind`` and ``events``, the number of events counted
        for the actor); an edge between every two actors with an event in
        common, with ``weight`` (shared events), ``within`` (of which
        certainly inside the window) and ``events`` (their ids, in date
        order).

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> C = co_participation(kg)
    >>> C.edges["actor:donald-trump", "actor:kim-jong-un"]["weight"]
    5
    >>> C = co_participation(kg, start="2019-02-28")
    >>> edge = C.edges["actor:donald-trump", "actor:kim-jong-un"]
    >>> edge["weight"], edge["within"]
    (3, 2)
    """
    lo, hi = date_window(start, end)
    wanted = None if roles is None else {Role(r) for r in roles}
    C = nx.Graph()
    if start is not None:
        C.graph["start"] = str(start)
    if end is not None:
        C.graph["end"] = str(end)
    shared: dict[tuple[str, str], list[tuple[str, bool]]] = defaultdict(list)
    for e in kg.events_in_order():
        if not e.time.may_overlap(lo, hi):
            continue
        sure = e.time.within(lo, hi)
        actors = sorted({p.actor for p in e.participants if wanted is None or p.role in wanted})
        for actor_id in actors:
            n = node_key(NodeKind.ACTOR, actor_id)
            if n not in C:
                actor = kg.actors[actor_id]
                C.add_node(
                    n,
                    kind=NodeKind.ACTOR.value,
                    label=actor.name,
                    actor_kind=actor.kind.value,
                    events=0,
                )
            C.nodes[n]["events"] += 1
        for x, y in combinations(actors, 2):
            shared[(x, y)].append((e.id, sure))
    for (x, y), events in shared.items():
        C.add_edge(
            node_key(NodeKind.ACTOR, x),
            node_key(NodeKind.ACTOR, y),
            weight=len(events),
            within=sum(sure for _, sure in events),
            events=tuple(eid for eid, _ in events),
        )
    return C


# -- centrality ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rank:
    """A node's place in a centrality ranking."""

    rank: int
    node: str
    kind: str
    id: str
    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """The rank as a JSON-ready dict."""
        return asdict(self)


def centrality(
    kg: KnowledgeGraph,
    *,
    measure: str = "degree",
    kinds: Iterable[NodeKind | str] = (NodeKind.ACTOR,),
    start: date | str | When | None = None,
    end: date | str | When | None = None,
    graph: nx.MultiDiGraph | None = None,
    through: Iterable[NodeKind | str] = DEFAULT_THROUGH,
    top: int | None = None,
) -> list[Rank]:
    """Rank actors (or events, statements) by their centrality in the graph.

    Computed on an undirected copy of the graph restricted to the ``through``
    kinds (actors, events and statements by default), so an actor's links are
    the events it took part in, what it said, what was said about it and the
    posts it held.

    Parameters
    ----------
    kg
        The records.
    measure
        ``degree`` (the number of distinct nodes linked to it, a count you
        can check), ``betweenness`` (the share of shortest connections that
        pass through it, normalized), ``closeness`` or ``eigenvector``.
    kinds
        Which nodes to rank (default actors).
    start, end
        An optional date window: events and statements that may overlap it
        are kept (see :func:`to_networkx`).
    graph
        ``to_networkx(kg)``, when already built; not together with a window.
    through
        Node kinds of the graph the measure is computed on.
    top
        Keep the first ``top`` ranks only.

    Returns
    -------
    list of Rank
        Highest score first; ties share a rank and are listed by label.

    Raises
    ------
    QueryError
        For an unknown measure, or ``graph`` together with a window.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> for r in centrality(kg, top=3):
    ...     print(r.rank, r.label, r.score)
    1 Kim Jong Un 12.0
    2 North Korea 11.0
    3 Donald Trump 8.0
    """
    if measure not in CENTRALITY_MEASURES:
        raise QueryError(f"measure must be in {list(CENTRALITY_MEASURES)!r} (got {measure!r})")
    if graph is not None and (start is not None or end is not None):
        raise QueryError("pass either a graph or a date window, not both")
    G = graph if graph is not None else to_networkx(kg, start=start, end=end)
    wanted = {k.value for k in _kinds(kinds)}
    U = _simple(G, _kinds(through))
    scores: dict[str, float]
    if measure == "degree":
        scores = {n: float(d) for n, d in U.degree()}
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(U)
    elif measure == "closeness":
        scores = nx.closeness_centrality(U)
    else:
        try:
            scores = nx.eigenvector_centrality(U, max_iter=1000)
        except nx.PowerIterationFailedConvergence:
            raise QueryError(
                "eigenvector centrality did not converge on this graph; try another measure"
            ) from None
    ranked = sorted(
        ((score, n) for n, score in scores.items() if G.nodes[n].get("kind") in wanted),
        key=lambda p: (-p[0], G.nodes[p[1]].get("label", p[1]), p[1]),
    )
    out: list[Rank] = []
    for i, (score, n) in enumerate(ranked):
        rank = out[-1].rank if out and out[-1].score == round(score, 6) else i + 1
        kind, rid = split_key(n)
        out.append(Rank(rank, n, kind.value, rid, G.nodes[n].get("label", n), round(score, 6)))
        if top is not None and len(out) >= top:
            break
    return out
