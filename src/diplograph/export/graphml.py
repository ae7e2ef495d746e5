"""GraphML and GEXF files for Gephi, yEd and Cytoscape, written atomically.

Values are made legal for both formats on the way out: None is left out,
sequences are joined with ``"; "``, dates become ISO or EDTF text, enums their
value, and characters XML 1.0 forbids become U+FFFD. Edge ids are made unique
in the file (``e0``, ``e1``, ...), as GraphML requires of a multigraph's edges.

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
    the GEXF label and ``weight`` the edge weight.

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
    return _write_atomic(path, nx.write_gexf, _exportable(kg_or_graph))


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
    nx.write_gexf(_exportable(kg_or_graph), out)
