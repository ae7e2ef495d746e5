"""RDF: the vocabulary, the mapping of records to quads and back, files, stores, SHACL.

>>> from diplograph.rdf import to_triples, from_rdf
>>> from diplograph import Actor
>>> a = Actor(id="kcna", kind="media", name="KCNA")
>>> from_rdf(to_triples(a)).actors["kcna"] == a
True
"""

from .mapping import from_rdf, graph_names, quads_of, record_iri, to_quads, to_triples
from .vocab import BASE, DG

__all__ = [
    "BASE",
    "DG",
    "from_rdf",
    "graph_names",
    "quads_of",
    "record_iri",
    "to_quads",
    "to_triples",
]
