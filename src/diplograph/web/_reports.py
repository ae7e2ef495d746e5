"""The reports behind one event, and where they disagree with it, for the evidence panel.

Reports are the sources' own accounts of an event (imported tables: CSIS,
ICEWS, GDELT, PLOVER), each read from one row of a file. The rows come from
the ``event-reports`` query template, the disagreements from
``report-conflicts`` (the query ``diplograph conflicts --store`` runs), so the
page shows what the command line says.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pyoxigraph as ox

from ..dates import DateSpan, parse_date
from ..query.templates import run
from ..rdf.store import Store, Term, term_text
from ._lookup import _PREFIXES, EVENT_TYPE, grade, record_id


def _opt(term: Term | None) -> str | None:
    return None if term is None else term_text(term)


def precision(edtf: str) -> str:
    """How precisely a source gives a date, in words.

    >>> precision("2019-02"), precision("2019-02-27/2019-02-28"), precision("2019")
    ('month', 'span of days', 'year')
    """
    when = parse_date(edtf)
    unit = when.precision.name.lower()
    return f"span of {unit}s" if isinstance(when, DateSpan) else unit


def _cells(store: Store, reports: list[str]) -> dict[str, list[dict[str, str | None]]]:
    """The evidence of each report: the cell's words and where they are (file, line, column)."""
    if not reports:
        return {}
    values = " ".join(f"<{r}>" for r in reports)
    sparql = f"""{_PREFIXES}
SELECT ?r ?ev ?quote ?note WHERE {{ VALUES ?r {{ {values} }}
  ?r dg:evidence ?ev .
  OPTIONAL {{ ?ev oa:hasSelector ?q . ?q oa:exact ?quote }}
  OPTIONAL {{ ?ev rdfs:comment ?note }}
}} ORDER BY ?r ?ev"""
    out: dict[str, dict[str, dict[str, str | None]]] = {}
    for row in store.query(sparql):
        cell = {"quote": _opt(row["quote"]), "note": _opt(row["note"])}
        out.setdefault(term_text(row["r"]), {}).setdefault(term_text(row["ev"]), cell)
    return {r: list(cells.values()) for r, cells in out.items()}


def _report(row: Any) -> dict[str, Any]:
    edtf = term_text(row["edtf"])
    when = parse_date(edtf)
    kind = _opt(row["type"])
    line = _opt(row["row"])
    return {
        "id": term_text(row["id"]),
        "source": _opt(row["sourceId"]) or record_id(term_text(row["source"])),
        "title": _opt(row["title"]),
        "grade": grade(_opt(row["reliability"]), _opt(row["credibility"])),
        "date": edtf,
        "date_earliest": None if when.earliest == date.min else when.earliest.isoformat(),
        "date_latest": None if when.latest == date.max else when.latest.isoformat(),
        "precision": precision(edtf),
        "type": kind[len(EVENT_TYPE) :] if kind and kind.startswith(EVENT_TYPE) else kind,
        "cameo": _opt(row["cameo"]),
        "plover": _opt(row["plover"]),
        "place": _opt(row["place"]),
        "text": _opt(row["text"]),
        "file": _opt(row["file"]),
        "row": int(line) if line is not None else None,
    }


def reports(store: Store, event_iri: str, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` reports of an event (by source, date, id), and how many there are."""
    rows: dict[str, dict[str, Any]] = {}
    for row in run(store, "event-reports", event=[ox.NamedNode(event_iri)]):
        rows.setdefault(term_text(row["report"]), _report(row))
    shown = dict(list(rows.items())[:limit])
    cells = _cells(store, list(shown))
    return [{**r, "evidence": cells.get(iri, [])} for iri, r in shown.items()], len(rows)


def conflicts(store: Store, event_iri: str, titles: dict[str, str | None]) -> list[dict[str, Any]]:
    """Where the event's reports disagree with it: each aspect, the graph's value, each version."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in run(store, "report-conflicts", event=[ox.NamedNode(event_iri)]):
        aspect, graph = term_text(row["aspect"]), term_text(row["graph"])
        source = record_id(term_text(row["source"]))
        entry = out.setdefault((aspect, graph), {"aspect": aspect, "graph": graph, "versions": []})
        entry["versions"].append(
            {
                "source": source,
                "title": titles.get(source),
                "grade": grade(_opt(row["reliability"]), _opt(row["credibility"])),
                "value": term_text(row["reported"]),
                "report": record_id(term_text(row["report"])),
            }
        )
    return list(out.values())
