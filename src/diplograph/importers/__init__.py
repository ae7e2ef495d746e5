"""Importers for the event data analysts hold, and their reconciliation with the graph.

Each importer streams a file row by row into :class:`Report` records (one
source's account of an event), resolving the actors it names through an
:class:`ActorResolver`; bad rows are counted in :class:`Totals`, never raised.
:func:`reconcile` clusters reports into events and links them to curated ones;
:func:`conflicts` lists where reports disagree with the graph. :func:`import_rdf`
reads RDF written by ``diplograph export`` (or any RDF that fits the mapping)
into a data folder.
"""

from .actors import ActorResolver, Match
from .conflicts import Conflict, Version, conflicts
from .csv_mapped import Mapping, MappingError, load_mapping, read_table
from .gdelt import read_gdelt, read_mentions
from .icews import read_icews, read_icews_quads
from .output import read_reports, write_import
from .plover import read_plover
from .rdf import import_rdf, read_rdf_records
from .reconcile import Proposal, Reconciliation, reconcile
from .report import Report, Totals

__all__ = [
    "ActorResolver",
    "Conflict",
    "Mapping",
    "MappingError",
    "Match",
    "Proposal",
    "Reconciliation",
    "Report",
    "Totals",
    "Version",
    "conflicts",
    "import_rdf",
    "load_mapping",
    "read_gdelt",
    "read_icews",
    "read_icews_quads",
    "read_mentions",
    "read_plover",
    "read_rdf_records",
    "read_reports",
    "read_table",
    "reconcile",
    "write_import",
]
