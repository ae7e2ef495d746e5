"""Each record kind in the graph view: ``graph/_kinds/<singular>.py``.

The module of a kind is named by its singular (:attr:`diplograph.kinds.Kind.singular`)
and holds ``node(record)`` (the node's attributes), ``edges(record, key)`` (the
edges it starts or ends, ``cites`` aside) and ``record(id, attributes, out, into)``
(the record back from its node and edges); the tables below are built from
:data:`diplograph.kinds.KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Any

from ...kinds import KINDS
from ...model import Record
from .._base import Edge, Edges

__all__ = ["EDGES", "NODES", "RECORDS"]

_MODULES = {key: import_module(f"{__name__}.{kind.singular}") for key, kind in KINDS.items()}

NODES: dict[str, Callable[[Any], dict[str, Any]]] = {k: m.node for k, m in _MODULES.items()}
"""The node attributes of each record kind, by kind key."""

EDGES: dict[str, Callable[[Any, str], Iterator[Edge]]] = {k: m.edges for k, m in _MODULES.items()}
"""The edges (``cites`` aside) each record kind starts or ends, by kind key."""

RECORDS: dict[str, Callable[[str, dict[str, Any], Edges, Edges], Record]] = {
    k: m.record for k, m in _MODULES.items()
}
"""The record each kind of node makes back, by kind key."""
