"""RDF: the vocabulary, the mapping of records to quads and back, files, stores, SHACL.

>>> from diplograph.rdf import to_triples, from_rdf
>>> from diplograph import Actor
>>> a = Actor(id="kcna", kind="media", name="KCNA")
>>> from_rdf(to_triples(a)).actors["kcna"] == a
True

The names below are imported on first use, so a query on a store
(:mod:`diplograph.rdf.store`) does not import the mapping, the file formats or
rdflib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .io import FORMATS, parse_rdf, read_rdf, serialize_rdf, to_rdf, write_rdf
    from .mapping import from_rdf, graph_names, quads_of, record_iri, to_quads, to_triples
    from .shacl import Violation, check_shacl, to_rdflib
    from .vocab import BASE, DG

_HOME = {
    **dict.fromkeys(
        ("FORMATS", "parse_rdf", "read_rdf", "serialize_rdf", "to_rdf", "write_rdf"), ".io"
    ),
    **dict.fromkeys(
        ("from_rdf", "graph_names", "quads_of", "record_iri", "to_quads", "to_triples"),
        ".mapping",
    ),
    **dict.fromkeys(("Violation", "check_shacl", "to_rdflib"), ".shacl"),
    **dict.fromkeys(("BASE", "DG"), ".vocab"),
}
"""Each public name, and the module it comes from."""


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562) and keep it."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name], __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "BASE",
    "DG",
    "FORMATS",
    "Violation",
    "check_shacl",
    "from_rdf",
    "graph_names",
    "parse_rdf",
    "quads_of",
    "read_rdf",
    "record_iri",
    "serialize_rdf",
    "to_quads",
    "to_rdf",
    "to_rdflib",
    "to_triples",
    "write_rdf",
]
