"""Dates as RDF: the EDTF text, typed SEM stamps, day bounds, and OWL-Time on request.

An event or statement gets, by default:

* ``dg:edtf``, the recorded date exactly (what the reader reads back);
* ``sem:hasBeginTimeStamp`` / ``sem:hasEndTimeStamp`` typed by precision
  (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``);
* ``sem:hasEarliestBeginTimeStamp`` / ``sem:hasLatestEndTimeStamp``, the day
  bounds of the whole date as ``xsd:date``, which the date windows of the
  queries compare.

The two inner bounds (latest begin, earliest end) and the OWL-Time interval
are not read by any query; the OWL-Time interval is written with the
``owl-time`` profile only.
"""

from __future__ import annotations

from functools import lru_cache

from ..dates import PartialDate, When
from ._out import PLAIN, Out
from .terms import (
    OT_BEGINNING,
    OT_END,
    OT_HAS_TIME,
    OT_IN_XSD,
    OT_INSTANT,
    OT_INTERVAL,
    STAMPS,
    XSD_BY_PRECISION,
    XSD_DATE,
    A,
    DG_edtf,
    Lit,
    Row,
)

_BEGIN, _END = STAMPS["begin"], STAMPS["end"]
_EARLIEST, _LATEST = STAMPS["earliest_begin"], STAMPS["latest_end"]


def typed(d: PartialDate) -> Lit:
    """A partial date as an xsd literal of its precision (a qualifier is dropped)."""
    text = f"{d.year:04d}"
    if d.month is not None:
        text += f"-{d.month:02d}"
        if d.day is not None:
            text += f"-{d.day:02d}"
    return (text, XSD_BY_PRECISION[d.precision])


def exact(d: When) -> bool:
    """True when an xsd literal holds ``d`` without loss."""
    return isinstance(d, PartialDate) and not (d.uncertain or d.approximate)


@lru_cache(maxsize=1 << 14)
def stamps(when: When) -> tuple[tuple[str, Lit], ...]:
    """The (predicate, literal) pairs of a date, computed once per distinct date."""
    out: list[tuple[str, Lit]] = [(DG_edtf, (str(when), PLAIN))]
    start, end = when.start, when.end
    if start is not None:
        out.append((_BEGIN, typed(start)))
    if end is not None:
        out.append((_END, typed(end)))
    if start is not None:
        out.append((_EARLIEST, (start.earliest.isoformat(), XSD_DATE)))
    if end is not None:
        out.append((_LATEST, (end.latest.isoformat(), XSD_DATE)))
    return tuple(out)


def when(out: Out, s: str, when: When) -> None:
    triples = out.triples
    for p, o in stamps(when):
        triples.append((s, p, o))
    if out.owl_time:
        rows = owl_time(out, s, when)
        triples.append(rows[0])  # time:hasTime, beside the subject's other triples
        out.later.extend(rows[1:])


def owl_time(out: Out, s: str, when: When) -> list[Row]:
    """The date as an OWL-Time interval with instants typed by precision (``owl-time`` profile)."""
    interval = f"{s}#time"
    rows: list[Row] = [(s, OT_HAS_TIME, interval), (interval, A, OT_INTERVAL)]
    ends = [
        (f"{s}#time-{name}", link, point)
        for name, link, point in (("begin", OT_BEGINNING, when.start), ("end", OT_END, when.end))
        if point is not None
    ]
    rows.extend((interval, link, instant) for instant, link, _ in ends)
    for instant, _, point in ends:
        rows.append((instant, A, OT_INSTANT))
        rows.append((instant, OT_IN_XSD[point.precision], typed(point)))
    return rows


def date_field(out: Out, s: str, p: str, edtf: str, d: When | None, rows: list[Row]) -> None:
    """A single date: typed when it is a single date, and its EDTF when a type cannot hold it."""
    if d is None:
        return
    if isinstance(d, PartialDate):
        rows.append((s, p, typed(d)))
    if not exact(d):
        rows.append((s, edtf, (str(d), PLAIN)))
