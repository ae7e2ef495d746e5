"""Date windows at any precision, and the date attributes of graph nodes."""

from __future__ import annotations

from datetime import date

from ..dates import When, parse_date
from ..errors import QueryError

__all__ = ["date_attrs", "date_window", "in_window"]


def date_attrs(when: When) -> dict[str, str]:
    return {
        "date": str(when),
        "earliest": when.earliest.isoformat(),
        "latest": when.latest.isoformat(),
        "precision": when.precision.name.lower(),
    }


def _bound(value: date | str | When | None, *, end: bool) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value
    when = parse_date(value)
    return when.latest if end else when.earliest


def date_window(
    start: date | str | When | None = None, end: date | str | When | None = None
) -> tuple[date | None, date | None]:
    """Day bounds of a date window given at any precision; ``None`` leaves that side open.

    A window never gains precision: ``start="2019-02"`` opens on the first day
    of February and ``end="2019-02"`` closes on its last day.

    Raises :class:`~diplograph.errors.DateError` for a bad date and
    :class:`~diplograph.errors.QueryError` when the window ends before it
    starts.

    Examples
    --------
    >>> date_window("2019-02", "2019-02")
    (datetime.date(2019, 2, 1), datetime.date(2019, 2, 28))
    >>> date_window(None, "2019")
    (None, datetime.date(2019, 12, 31))
    """
    lo, hi = _bound(start, end=False), _bound(end, end=True)
    if lo is not None and hi is not None and hi < lo:
        raise QueryError(f"the date window ends before it starts (got from {start} to {end})")
    return lo, hi


def in_window(when: When, lo: date | None, hi: date | None, sure: bool) -> bool:
    return when.within(lo, hi) if sure else when.may_overlap(lo, hi)
