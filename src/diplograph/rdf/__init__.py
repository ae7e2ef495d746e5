"""RDF: the vocabulary, the mapping of records to quads and back, files, stores, SHACL.

>>> from diplograph.rdf import to_triples, from_rdf
>>> from diplograph import Actor
>>> a = Actor(id="kcna", kind="media", name="KCNA")
>>> from_rdf(to_triples(a)).actors["kcna"] == a
True
"""

from .io import FORMATS, parse_rdf, read_rdf, serialize_rdf, to_rdf, write_rdf
from .mapping import from_rdf, graph_names, quads_of, record_iri, to_quads, to_triples
from .shacl import Violation, check_shacl, to_rdflib
from .vocab import BASE, DG

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
