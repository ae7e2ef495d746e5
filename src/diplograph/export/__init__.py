"""Files for other tools: one registry of formats, one module per family of formats.

- :mod:`diplograph.export.registry`: every export format by name (RDF,
  the JSON-LD records for web pages, GraphML, GEXF, TimelineJS); :func:`write`
  writes any of them, and ``diplograph export --format`` only looks formats up there.
- :mod:`diplograph.export.graphml`: GraphML and GEXF for Gephi, yEd and Cytoscape.
- :mod:`diplograph.export.timelinejs`: TimelineJS3 JSON for the Knight Lab timeline viewer.

>>> formats()
['turtle', 'ntriples', 'nquads', 'trig', 'jsonld', 'rdfxml', 'jsonld-records', 'graphml', \
'gexf', 'timelinejs']
"""

from .registry import (
    ExportFormat,
    format_for,
    formats,
    get_format,
    register,
    serialize,
    unregister,
    write,
)

__all__ = [
    "ExportFormat",
    "format_for",
    "formats",
    "get_format",
    "register",
    "serialize",
    "unregister",
    "write",
]
