"""Turn files of other formats into records and YAML data folders.

Each importer reads one format and writes a data folder that
:func:`diplograph.load` reads back; :func:`import_rdf` reads RDF written by
``diplograph export`` (or any RDF that fits the mapping).
"""

from .rdf import import_rdf, read_rdf_records

__all__ = ["import_rdf", "read_rdf_records"]
