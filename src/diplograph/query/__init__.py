"""The analysts' questions: SPARQL templates from ``queries/*.rq``, bound with safe parameters.

Each question is a function that takes a :class:`~diplograph.rdf.store.Store`
and record ids, runs one or more shipped templates, and returns the rows of
:mod:`diplograph.rows`, so a table, a chart or an export can use the answer.
The same templates run on every backend (pyoxigraph in memory or on disk, a
SPARQL 1.1 server), so the answers are the same everywhere.

The package's parts: :mod:`~diplograph.query.templates` (the shipped
templates and their safe binding), :mod:`~diplograph.query.rows` (row types,
and rows built from solutions), :mod:`~diplograph.query.questions` (events,
meetings, statements, dossiers), :mod:`~diplograph.query.reports` (what
sources' reports dispute) and :mod:`~diplograph.query.jsonify` (rows as
JSON-ready data). Every public name is importable from here.

Dates keep their precision. A date window ``start``/``end`` keeps every event
whose day bounds may fall inside it, and each row says how sure that is:
``within`` (every possible day is inside) or ``overlaps`` (only some are).

Examples
--------
>>> from diplograph import load, bundled_data
>>> from diplograph.rdf.store import open_store
>>> store = open_store()
>>> _ = store.load(load(bundled_data()))
>>> [(m.ordinal_text, str(m.event.time)) for m in meetings(store, "donald-trump", "kim-jong-un")]
[('1st', '2018-06-12'), ('2nd', '2019-02-27/2019-02-28'), ('3rd', '2019-06-30')]
"""

from .jsonify import row_dict
from .questions import (
    actor_dossier,
    events,
    meetings,
    resolve_about,
    resolve_place,
    side,
    statements,
    timeline_statements,
)
from .reports import contested_dates
from .rows import ActorDossier, Counterpart, MeetingRow, PositionRow, fit, ordinal
from .templates import Value, bind, run, template, template_names

__all__ = [
    "ActorDossier",
    "Counterpart",
    "MeetingRow",
    "PositionRow",
    "Value",
    "actor_dossier",
    "bind",
    "contested_dates",
    "events",
    "fit",
    "meetings",
    "ordinal",
    "resolve_about",
    "resolve_place",
    "row_dict",
    "run",
    "side",
    "statements",
    "template",
    "template_names",
    "timeline_statements",
]
