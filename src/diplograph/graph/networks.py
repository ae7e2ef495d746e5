"""Networks of the whole graph: co-participation of actors, and centrality rankings.

Examples
--------
>>> from diplograph import load, bundled_data
>>> kg = load(bundled_data())
>>> co_participation(kg).edges["actor:donald-trump", "actor:kim-jong-un"]["weight"]
5
>>> centrality(kg, top=1)[0].label
'Kim Jong Un'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from itertools import combinations
from typing import Any

import networkx as nx

from ..dates import When
from ..errors import QueryError
from ..kg import KnowledgeGraph
from ..model import Role
from .view import NodeKind, date_window, node_key, split_key, to_networkx
from .walk import DEFAULT_THROUGH, node_kinds, simple_graph

__all__ = ["CENTRALITY_MEASURES", "Rank", "centrality", "co_participation"]

CENTRALITY_MEASURES = ("degree", "betweenness", "closeness", "eigenvector")
"""The measures :func:`centrality` knows."""


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
        certainly inside the window), ``events`` (their ids, in date order)
        and ``spans`` (their first and last possible days, ``2019-02-01/2019-02-28``).

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
    shared: dict[tuple[str, str], list[tuple[str, bool, str]]] = defaultdict(list)
    for e in kg.events_in_order():
        if not e.time.may_overlap(lo, hi):
            continue
        sure = e.time.within(lo, hi)
        actors = sorted({p.actor for p in e.participants if wanted is None or p.role in wanted})
        for actor_id in actors:
            n = node_key(NodeKind.ACTOR, actor_id)
            if n not in C:
                actor = kg.actors[actor_id]
                kind = actor.kind.value
                C.add_node(
                    n, kind=NodeKind.ACTOR.value, label=actor.name, actor_kind=kind, events=0
                )
            C.nodes[n]["events"] += 1
        span = f"{e.time.earliest.isoformat()}/{e.time.latest.isoformat()}"
        for x, y in combinations(actors, 2):
            shared[(x, y)].append((e.id, sure, span))
    for (x, y), events in shared.items():
        C.add_edge(
            node_key(NodeKind.ACTOR, x),
            node_key(NodeKind.ACTOR, y),
            weight=len(events),
            within=sum(sure for _, sure, _ in events),
            events=tuple(eid for eid, _, _ in events),
            spans=tuple(span for _, _, span in events),
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
    wanted = {k.value for k in node_kinds(kinds)}
    scores = _scores(simple_graph(G, node_kinds(through)), measure)
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


def _scores(U: nx.Graph, measure: str) -> dict[str, float]:
    """The score of every node of ``U`` by one of :data:`CENTRALITY_MEASURES`."""
    if measure == "degree":
        return {n: float(d) for n, d in U.degree()}
    if measure == "betweenness":
        return dict(nx.betweenness_centrality(U))
    if measure == "closeness":
        return dict(nx.closeness_centrality(U))
    try:
        return dict(nx.eigenvector_centrality(U, max_iter=1000))
    except nx.PowerIterationFailedConvergence:
        raise QueryError(
            "eigenvector centrality did not converge on this graph; try another measure"
        ) from None
