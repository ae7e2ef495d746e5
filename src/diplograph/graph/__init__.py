"""The networkx view of a knowledge graph, for what SPARQL does badly.

:func:`to_networkx` turns the records into a ``networkx.MultiDiGraph`` with
typed nodes and typed edges (:mod:`diplograph.graph.view` lists them) and
:func:`from_networkx` turns it back into records. On top of it:
the shortest connection between two actors or events (:func:`path`) and ego
networks (:func:`ego`) in :mod:`diplograph.graph.paths`; the co-participation
network of actors weighted by shared events (:func:`co_participation`) and
centrality rankings (:func:`centrality`) in :mod:`diplograph.graph.networks`;
both walk the graph with :mod:`diplograph.graph.walk`. :mod:`diplograph.export.graphml`
writes any of these graphs for Gephi.

Examples
--------
>>> from diplograph import load, bundled_data
>>> kg = load(bundled_data())
>>> [step.label for step in path(kg, "Lee Sang-min", "Kim Jong Un")][1:3]
['Inter-Korean relations have been at a lull since the Hanoi summit', 'Trump-Kim summit in Hanoi']
"""

from .networks import CENTRALITY_MEASURES, Rank, centrality, co_participation
from .paths import Step, ego, path, resolve_node
from .view import (
    NodeKind,
    Relation,
    date_window,
    from_networkx,
    node_key,
    split_key,
    to_networkx,
)
from .walk import DEFAULT_THROUGH

__all__ = [
    "CENTRALITY_MEASURES",
    "DEFAULT_THROUGH",
    "NodeKind",
    "Rank",
    "Relation",
    "Step",
    "centrality",
    "co_participation",
    "date_window",
    "ego",
    "from_networkx",
    "node_key",
    "path",
    "resolve_node",
    "split_key",
    "to_networkx",
]
