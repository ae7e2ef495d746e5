"""GraphML and GEXF files for Gephi, yEd and Cytoscape, written atomically.

Values are made legal for both formats on the way out: None is left out,
sequences are joined with ``"; "``, dates become ISO or EDTF text, enums their
value, and characters XML 1.0 forbids become U+FFFD. Edge ids are made unique
in the file (``e0``, ``e1``, ...), as GraphML requires of a multigraph's edges.

The GEXF is dynamic, for Gephi's timeline: every dated node has ``start`` and
``end`` (its first and last possible day, so an event of "May 2019" spans the
month), every edge the span of its dated ends, and a co-participation edge one
spell per shared event. Counts are declared ``integer``; the time format is
``date``. GEXF 1.2 has no date type for attributes, so the EDTF ``date`` and
the ``earliest``/``latest`` days stay text beside the typed times.

Examples
--------
>>> import tempfile, networkx as nx
>>> from pathlib import Path
>>> from diplograph import load, bundled_data
>>> kg = load(bundled_data())
>>> with tempfile.TemporaryDirectory() as d:
...     G = nx.read_graphml(write_graphml(kg, Path(d) / "korea.graphml"))
...     G.nodes["event:missile-tests-2019-05"]["date"]
'2019-05'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from .._atomic import atomic_path
from ..dates import DateSpan, PartialDate
from ..graph import to_networkx
from ..kg import KnowledgeGraph

__all__ = ["serialize_gexf", "serialize_graphml", "write_gexf", "write_graphml"]


# Characters XML 1.0 forbids in text: C0 controls except tab, line feed and carriage return.
_XML_ILLEGAL = {c: "\ufffd" for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}


def _legal(value: Any) -> str | int | float | bool | None:
    """A value GraphML and GEXF can hold: None dropped, sequences joined, the rest as text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if isinstance(value, int) else float(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        value = "; ".join(str(_legal(v)) for v in items if v is not None)
    elif isinstance(value, date):
        value = value.isoformat()
    elif isinstance(value, PartialDate | DateSpan):
        value = str(value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, default=str)
    return str(value).translate(_XML_ILLEGAL)


def _legal_attrs(attrs: dict[Any, Any]) -> dict[str, Any]:
    out = {}
    for name, value in attrs.items():
        legal = _legal(value)
        if legal is not None:
            out[str(name)] = legal
    return out


def _exportable(kg_or_graph: KnowledgeGraph | nx.Graph) -> nx.Graph:
    """A copy with legal attributes and edge keys unique in the file (``e0``, ``e1``, ...)."""
    G = to_networkx(kg_or_graph) if isinstance(kg_or_graph, KnowledgeGraph) else kg_or_graph
    H = G.__class__()
    H.graph.update(_legal_attrs(G.graph))
    H.add_nodes_from((n, _legal_attrs(d)) for n, d in G.nodes(data=True))
    if G.is_multigraph():
        H.add_edges_from(
            (u, v, f"e{i}", _legal_attrs(d)) for i, (u, v, d) in enumerate(G.edges(data=True))
        )
    else:
        H.add_edges_from((u, v, _legal_attrs(d)) for u, v, d in G.edges(data=True))
    return H


def _timed(G: nx.Graph) -> nx.Graph:
    """``start``/``end`` on dated nodes and edges, spells on co-participation edges (GEXF)."""
    G.graph["mode"] = "dynamic"
    for _, d in G.nodes(data=True):
        if "earliest" in d and "latest" in d:
            d["start"], d["end"] = d["earliest"], d["latest"]
    for u, v, d in G.edges(data=True):
        spans = d.pop("spans", None)
        if isinstance(spans, str):
            d["spells"] = [tuple(s.split("/")) for s in spans.split("; ")]
            continue
        ends = [G.nodes[n] for n in (u, v) if "start" in G.nodes[n]]
        if ends:
            d["start"] = min(n["start"] for n in ends)
            d["end"] = max(n["end"] for n in ends)
    return G


class _GexfWriter(GEXFWriter):  # type: ignore[misc]
    """networkx's GEXF writer with counts declared ``integer`` and no ``networkx_key``."""

    def construct_types(self) -> None:
        super().construct_types()
        self.xml_type[int] = "integer"

    def add_attributes(self, node_or_edge: str, xml_obj: Any, data: Any, default: Any) -> Any:
        data = {k: v for k, v in data.items() if not (node_or_edge == "edge" and k == "key")}
        return super().add_attributes(node_or_edge, xml_obj, data, default)


def _gexf(kg_or_graph: KnowledgeGraph | nx.Graph, out: Any) -> None:
    G = _timed(_exportable(kg_or_graph))
    if G.is_multigraph():
        for *_, k, d in G.edges(keys=True, data=True):
            d["id"] = k
    writer = _GexfWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(G)
    writer.write(out)


def _write_atomic(path: Path | str, write: Callable[[Any, Path], None], G: nx.Graph) -> Path:
    with atomic_path(path) as tmp:
        write(G, tmp)
    return Path(path)


def write_graphml(kg_or_graph: KnowledgeGraph | nx.Graph, path: Path | str) -> Path:
    """Write a knowledge graph (or a graph from :mod:`diplograph.graph`) as GraphML, atomically.

    A :class:`~diplograph.kg.KnowledgeGraph` is converted with
    :func:`~diplograph.graph.to_networkx`. Attribute values become GraphML types: None is left
    out, sequences are joined with ``"; "``, dates become ISO or EDTF text.
    Edge ids are unique in the file, as GraphML requires. The file is written
    next to ``path`` and renamed into place; missing folders are created.

    Returns the path written. Read it back with ``networkx.read_graphml`` and
    :func:`~diplograph.graph.from_networkx`.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> from pathlib import Path
    >>> from diplograph import load, bundled_data
    >>> from diplograph.graph import from_networkx
    >>> kg = load(bundled_data())
    >>> with tempfile.TemporaryDirectory() as d:
    ...     written = write_graphml(kg, Path(d) / "korea.graphml")
    ...     from_networkx(nx.read_graphml(written)) == kg
    True
    """
    return _write_atomic(path, nx.write_graphml, _exportable(kg_or_graph))


def write_gexf(kg_or_graph: KnowledgeGraph | nx.Graph, path: Path | str) -> Path:
    """Write a knowledge graph (or a graph from :mod:`diplograph.graph`) as GEXF 1.2, atomically.

    For Gephi. Attributes are made legal as in :func:`write_graphml`; ``label`` becomes
    the GEXF label and ``weight`` the edge weight. The graph is dynamic: dated
    nodes and edges carry ``start`` and ``end`` days, co-participation edges a
    spell per shared event, so Gephi's timeline can play the network.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> from pathlib import Path
    >>> from diplograph import load, bundled_data
    >>> from diplograph.graph import co_participation
    >>> kg = load(bundled_data())
    >>> with tempfile.TemporaryDirectory() as d:
    ...     G = nx.read_gexf(write_gexf(co_participation(kg), Path(d) / "co.gexf"))
    ...     G.edges["actor:donald-trump", "actor:kim-jong-un"]["weight"]
    5.0
    """
    with atomic_path(path) as tmp:
        _gexf(kg_or_graph, tmp)
    return Path(path)


def serialize_graphml(kg_or_graph: KnowledgeGraph | nx.Graph, out: BinaryIO) -> None:
    """Write GraphML to an open binary stream (``sys.stdout.buffer``), as :func:`write_graphml`.

    Examples
    --------
    >>> import io
    >>> from diplograph import load, bundled_data
    >>> buf = io.BytesIO()
    >>> serialize_graphml(load(bundled_data()), buf)
    >>> buf.getvalue().count(b"<node ")
    55
    """
    nx.write_graphml(_exportable(kg_or_graph), out)


def serialize_gexf(kg_or_graph: KnowledgeGraph | nx.Graph, out: BinaryIO) -> None:
    """Write GEXF to an open binary stream, as :func:`write_gexf`.

    Examples
    --------
    >>> import io
    >>> from diplograph import load, bundled_data
    >>> buf = io.BytesIO()
    >>> serialize_gexf(load(bundled_data()), buf)
    >>> buf.getvalue().count(b"<edge ")
    158
    """
    _gexf(kg_or_graph, out)
