"""A web view for analysts: timeline, link chart and the evidence behind every fact.

``diplograph serve`` runs :func:`~diplograph.web.app.create_app` on
127.0.0.1; ``diplograph report -o DIR`` writes the same view as static files
(:func:`~diplograph.web.report.write_report`). The page asks the server only
for what is in view.

JSON API (read-only, GET)
-------------------------
Every endpoint is a function of :mod:`diplograph.web.api` over a store, built
on :mod:`diplograph.query`, so a notebook gets the same answers::

    /api                        the list of endpoints
    /api/facets                 actors, event types, sources (with Admiralty grades), extent
    /api/actors                 every actor: id, name, kind, the state it belongs to
    /api/events?from=&to=&actor=&type=&source=&q=&citations=
                                window(): the events and statements in a date window,
                                filtered (actor, type and source repeat or take
                                commas; an actor includes its people, a state its
                                leaders; q searches words, names, quotes, titles);
                                more than api.MAX_ITEMS give counts per month or
                                year ("mode": "buckets") instead of items, with
                                the same filters applied; citations=0 leaves out
                                each row's citations (the page's timeline)
    /api/event/{id}             event_detail(): participants and roles, the statements
                                about it, each source with its grade, the quoted words
                                and, when the text is at hand (--texts), the source
                                text with the quote's offsets ("mark")
    /api/event/{id}/reports     event_reports(): the sources' reports of the event
                                (source, grade, the date as the source gives it at
                                its precision, type or CAMEO / PLOVER code, file and
                                row, the cells quoted) and the conflicts: each aspect
                                (date, type, participants) on which reports disagree
                                with the event, the graph's value and each source's
                                version with its Admiralty grade
    /api/statement/{id}         statement_detail(): the same for a statement
    /api/status                 status(): what the server has read since it started
                                ("facts": a filter waits for them; "rows": until then
                                the rows come from the query templates)

The functions read a store's dates once and remember them (the view is
read-only), then in a thread each item's actors, sources and words and the
fields of its row; after adding to a store, ``diplograph.web.api.forget(store)``.

Dates are EDTF text plus day bounds (``time``, ``time_earliest``,
``time_latest``), as :func:`diplograph.query.row_dict` writes them. A bad
request (malformed date, unknown id or type, a window over
:data:`~diplograph.web.api.MAX_YEARS` years) gets a 4xx status and
``{"error": "...", "status": N}``.
"""

from __future__ import annotations

from .api import (
    ApiError,
    Texts,
    event_detail,
    event_reports,
    facets,
    statement_detail,
    window,
)

__all__ = [
    "ApiError",
    "Texts",
    "event_detail",
    "event_reports",
    "facets",
    "statement_detail",
    "window",
]
