"""Dates as RDF: typed by precision, day bounds, OWL-Time, and EDTF where xsd falls short."""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal, NamedNode

from ..dates import PartialDate, When
from ._out import Out
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
)


def typed(d: PartialDate) -> Literal:
    """A partial date as an xsd literal of its precision (a qualifier is dropped)."""
    text = f"{d.year:04d}"
    if d.month is not None:
        text += f"-{d.month:02d}"
        if d.day is not None:
            text += f"-{d.day:02d}"
    return Literal(text, datatype=XSD_BY_PRECISION[d.precision])


def day(d: Any) -> Literal:
    return Literal(d.isoformat(), datatype=XSD_DATE)


def exact(d: When) -> bool:
    """True when an xsd literal holds ``d`` without loss."""
    return isinstance(d, PartialDate) and not (d.uncertain or d.approximate)


def when(out: Out, s: NamedNode, when: When) -> None:
    out.add(s, DG_edtf, Literal(str(when)))
    start, end = when.start, when.end
    if start is not None:
        out.add(s, STAMPS["begin"], typed(start))
    if end is not None:
        out.add(s, STAMPS["end"], typed(end))
    if start is not None:
        out.add(s, STAMPS["earliest_begin"], day(start.earliest))
        out.add(s, STAMPS["latest_begin"], day(start.latest))
    if end is not None:
        out.add(s, STAMPS["earliest_end"], day(end.earliest))
        out.add(s, STAMPS["latest_end"], day(end.latest))
    interval = NamedNode(f"{s.value}#time")
    out.add(s, OT_HAS_TIME, interval)
    later = out.later  # the interval and its instants follow the record's own triples
    later.append((interval, A, OT_INTERVAL))
    ends = [
        (NamedNode(f"{s.value}#time-{name}"), link, point)
        for name, link, point in (("begin", OT_BEGINNING, start), ("end", OT_END, end))
        if point is not None
    ]
    later.extend((interval, link, instant) for instant, link, _ in ends)
    for instant, _, point in ends:
        later.append((instant, A, OT_INSTANT))
        later.append((instant, OT_IN_XSD[point.precision], typed(point)))


def date_field(out: Out, s: NamedNode, p: NamedNode, edtf: NamedNode, d: When | None) -> None:
    if d is None:
        return
    if isinstance(d, PartialDate):
        out.add(s, p, typed(d))
    if not exact(d):
        out.add(s, edtf, Literal(str(d)))
