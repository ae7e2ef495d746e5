"""Periods for the dyad view: day, ISO week, month, quarter and year bins of the calendar.

A report is counted in a bin only when every day it may fall on lies in that
bin; otherwise it is *coarser than the bin* and is counted, apart, in every
bin its possible days overlap (see :mod:`diplograph.query.dyad`).

Examples
--------
>>> from datetime import date
>>> period(date(2019, 2, 28), "week")
Period(key='2019-W09', start=datetime.date(2019, 2, 25), end=datetime.date(2019, 3, 3))
>>> [p.key for p in periods(date(2018, 11, 5), date(2019, 2, 1), "quarter")]
['2018-Q4', '2019-Q1']
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from ..errors import QueryError

__all__ = ["BINS", "Period", "period", "periods"]

BINS = ("day", "week", "month", "quarter", "year")
"""The bin sizes, finest first."""


class Period(NamedTuple):
    """One bin: its key (``2019-02``, ``2019-W09``, ``2019-Q1``) and its first and last day."""

    key: str
    start: date
    end: date


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period(d: date, by: str) -> Period:
    """The bin of size ``by`` that holds the day ``d``.

    >>> period(date(2019, 6, 30), "quarter").key, period(date(2019, 6, 30), "day").key
    ('2019-Q2', '2019-06-30')
    """
    if by == "day":
        return Period(d.isoformat(), d, d)
    if by == "week":
        iso = d.isocalendar()
        start = d - timedelta(days=d.weekday())
        return Period(f"{iso.year}-W{iso.week:02d}", start, start + timedelta(days=6))
    if by == "month":
        return Period(f"{d.year}-{d.month:02d}", d.replace(day=1), _month_end(d.year, d.month))
    if by == "quarter":
        q = (d.month - 1) // 3
        return Period(
            f"{d.year}-Q{q + 1}", date(d.year, 3 * q + 1, 1), _month_end(d.year, 3 * q + 3)
        )
    if by == "year":
        return Period(str(d.year), date(d.year, 1, 1), date(d.year, 12, 31))
    raise QueryError(f"the bin must be one of {', '.join(BINS)} (got {by!r})")


def periods(first: date, last: date, by: str) -> Iterator[Period]:
    """Every bin from the one holding ``first`` to the one holding ``last``, in order."""
    p = period(first, by)
    while p.start <= last:
        yield p
        if p.end >= date.max - timedelta(days=1):
            return
        p = period(p.end + timedelta(days=1), by)
