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
said            actor -> statement      order (of joint speakers)
about           statement -> event      order (within about_events / about_actors /
                statement -> actor      about_places)
                statement -> place
channel         statement -> actor      (the medium that carried it)
said_at         statement -> event      (where the words were said)
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
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import networkx as nx
from pydantic import ValidationError

from ..dates import When
from ..errors import ModelError
from ..kg import KnowledgeGraph
from ..kinds import KINDS
from ..model import (
    Evidence,
    Record,
)
from ._base import Edges, NodeKind, Relation, node_key, relation_label, set_attrs, split_key
from ._kinds import EDGES, NODES, RECORDS
from ._window import date_window, in_window

__all__ = [
    "NodeKind",
    "Relation",
    "date_window",
    "from_networkx",
    "node_key",
    "split_key",
    "to_networkx",
]


# -- records -> graph ----------------------------------------------------------------------


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
            G.add_node(node_key(kind.singular, r.id), **NODES[key](r))
            kept.append((key, r))
    # Edges, once every node that stays is in.
    for key, r in kept:
        u = node_key(KINDS[key].singular, r.id)
        for a, b, relation, edge, extra in EDGES[key](r, u):
            if a in G and b in G:
                attrs = {
                    "relation": relation.value,
                    "label": relation_label(relation, extra.get("role")),
                }
                G.add_edge(a, b, edge, **set_attrs(attrs, **extra))
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
        attrs = set_attrs(
            {"relation": Relation.CITES.value, "label": "cites", "order": i},
            quote=ev.quote,
            quote_start=ev.start,
            quote_end=ev.end,
            prefix=ev.prefix,
            suffix=ev.suffix,
            note=ev.note,
            confidence=ev.confidence,
            draft=ev.draft,
        )
        G.add_edge(record_node, node_key(NodeKind.SOURCE, ev.source), f"cites:{i}", **attrs)


# -- graph -> records ----------------------------------------------------------------------


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
    out: dict[str, Edges] = defaultdict(lambda: defaultdict(list))
    into: dict[str, Edges] = defaultdict(lambda: defaultdict(list))
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
            kg.add(RECORDS[by_singular[kind.value]](rid, attrs, out[n], into[n]))
    return kg
