"""Partial dates that keep their precision.

A diplomatic record rarely knows every date to the day: "February 2019", "2019",
"around June 2019", "27-28 February 2019". This module reads and writes the
subset of EDTF (the Library of Congress Extended Date/Time Format) that such
records need:

===================  ====================================================
``2019``             year precision
``2019-02``          month precision
``2019-02-27``       day precision
``2019-06?``         uncertain (``?``), approximate (``~``) or both (``%``)
``2019-02-27/2019-02-28``   an interval; either end may be any of the above
``../2019-06``       an interval open at the start ("before July 2019")
``2019-06/..``       an interval open at the end
===================  ====================================================

Other EDTF forms (seasons, unspecified digits ...) are refused by name. A date
never gains precision: ``2019-02`` stays a month, never 1 February; every date
has day bounds, :attr:`earliest` and :attr:`latest`, and sorts by them.

Examples
--------
>>> d = parse_date("2019-02")
>>> d.precision.name, str(d.earliest), str(d.latest)
('MONTH', '2019-02-01', '2019-02-28')
>>> sorted([parse_date("2019-02-27"), parse_date("2019"), parse_date("2019-02")])
[PartialDate('2019'), PartialDate('2019-02'), PartialDate('2019-02-27')]
>>> span = parse_date("2019-02-27/2019-02-28")
>>> span.days
2
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, Union

from ._edtf import SUPPORTED, refused_form
from .errors import DateError

__all__ = [
    "DateSpan",
    "PartialDate",
    "Precision",
    "When",
    "parse_date",
]


class Precision(IntEnum):
    """How much of a date is known: the year, the month or the day."""

    YEAR = 1
    MONTH = 2
    DAY = 3


_POINT = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<qual>[?~%])?$")

_QUALIFIERS = {"": (False, False), "?": (True, False), "~": (False, True), "%": (True, True)}


class _Ordered:
    """Total order on the day bounds, shared by points and spans."""

    def sort_key(self) -> tuple[date, date, str]:
        """The key dates sort by: earliest day, then latest day, then the EDTF text."""
        return (self.earliest, self.latest, str(self))

    @property
    def earliest(self) -> date:  # pragma: no cover - overridden
        raise NotImplementedError

    @property
    def latest(self) -> date:  # pragma: no cover - overridden
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, _Ordered):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, _Ordered):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, _Ordered):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, _Ordered):
            return NotImplemented
        return self.sort_key() >= other.sort_key()

    @property
    def days(self) -> int:
        """Number of days between the bounds, both included."""
        return (self.latest - self.earliest).days + 1

    def may_overlap(self, start: date | None, end: date | None) -> bool:
        """True if some day of this date may fall inside ``[start, end]`` (open ends allowed).

        >>> parse_date("2019-02").may_overlap(date(2019, 2, 15), None)
        True
        """
        if start is not None and self.latest < start:
            return False
        return not (end is not None and self.earliest > end)

    def within(self, start: date | None, end: date | None) -> bool:
        """True if every possible day of this date lies inside ``[start, end]``.

        >>> parse_date("2019-02").within(date(2019, 2, 15), None)
        False
        """
        if start is not None and self.earliest < start:
            return False
        return not (end is not None and self.latest > end)


@dataclass(frozen=True, eq=True, order=False, slots=True)
class PartialDate(_Ordered):
    """A calendar date known to the year, the month or the day.

    Parameters
    ----------
    year, month, day
        ``month`` and ``day`` are ``None`` when not known. A day without a
        month is not a date.
    uncertain
        The source is not sure of it (EDTF ``?``).
    approximate
        The date is given "about" (EDTF ``~``).

    Examples
    --------
    >>> PartialDate(2019, 6, uncertain=True)
    PartialDate('2019-06?')
    >>> PartialDate(2019, 2, 30)
    Traceback (most recent call last):
    ...
    diplograph.errors.DateError: impossible date: February 2019 has 28 days (got '2019-02-30')
    """

    year: int
    month: int | None = None
    day: int | None = None
    uncertain: bool = False
    approximate: bool = False

    def __post_init__(self) -> None:
        text = self._text()
        if not 1 <= self.year <= 9999:
            raise DateError(f"year must be between 0001 and 9999 (got {text!r})", text)
        if self.day is not None and self.month is None:
            raise DateError(f"a day needs a month (got {text!r})", text)
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"impossible date: month must be 01 to 12 (got {text!r})", text)
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                month_name = calendar.month_name[self.month]
                raise DateError(
                    f"impossible date: {month_name} {self.year} has {last} days (got {text!r})",
                    text,
                )

    def _text(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        if self.uncertain and self.approximate:
            text += "%"
        elif self.uncertain:
            text += "?"
        elif self.approximate:
            text += "~"
        return text

    def __str__(self) -> str:
        return self._text()

    def __repr__(self) -> str:
        return f"PartialDate({self._text()!r})"

    @property
    def precision(self) -> Precision:
        """The finest unit known: year, month or day."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> date:
        """The first day this date may be."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day this date may be."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)

    @property
    def is_exact_day(self) -> bool:
        """True for a certain, day-precision date."""
        return self.precision is Precision.DAY and not (self.uncertain or self.approximate)

    @property
    def start(self) -> PartialDate:
        """A point is its own start."""
        return self

    @property
    def end(self) -> PartialDate:
        """A point is its own end."""
        return self

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read one EDTF date (``2019``, ``2019-06``, ``2019-06-30``, with ``?``/``~``/``%``).

        >>> PartialDate.parse("2019-06?").uncertain
        True
        """
        m = _POINT.match(text.strip())
        if m is None or (m["month"] and int(m["month"]) > 12):
            form = refused_form(text)
            if form is not None or m is None:
                what = f"{form}: not supported" if form else "not a date"
                raise DateError(f"{what}: expected {SUPPORTED} (got {text!r})", text)
        uncertain, approximate = _QUALIFIERS[m["qual"] or ""]
        return cls(
            int(m["year"]),
            int(m["month"]) if m["month"] else None,
            int(m["day"]) if m["day"] else None,
            uncertain=uncertain,
            approximate=approximate,
        )

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """A day-precision date from a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True, eq=True, order=False, slots=True)
class DateSpan(_Ordered):
    """An interval between two partial dates; ``None`` marks an open end (EDTF ``..``).

    Examples
    --------
    >>> DateSpan.parse("2018-09-18/2018-09-20").days
    3
    >>> str(DateSpan(None, PartialDate(2019, 6)))
    '../2019-06'
    >>> DateSpan.parse("2019-03/2019-02")
    Traceback (most recent call last):
    ...
    diplograph.errors.DateError: end before start (got '2019-03/2019-02')
    """

    start: PartialDate | None
    end: PartialDate | None

    def __post_init__(self) -> None:
        text = str(self)
        if self.start is None and self.end is None:
            raise DateError(f"an interval needs at least one end (got {text!r})", text)
        if (
            self.start is not None
            and self.end is not None
            and self.end.latest < self.start.earliest
        ):
            raise DateError(f"end before start (got {text!r})", text)

    def __str__(self) -> str:
        a = ".." if self.start is None else str(self.start)
        b = ".." if self.end is None else str(self.end)
        return f"{a}/{b}"

    def __repr__(self) -> str:
        return f"DateSpan({str(self)!r})"

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two known ends."""
        ends = [p.precision for p in (self.start, self.end) if p is not None]
        return min(ends)

    @property
    def uncertain(self) -> bool:
        """True if either end is uncertain."""
        return any(p.uncertain for p in (self.start, self.end) if p is not None)

    @property
    def approximate(self) -> bool:
        """True if either end is approximate."""
        return any(p.approximate for p in (self.start, self.end) if p is not None)

    @property
    def earliest(self) -> date:
        """The first day the interval may begin (``date.min`` when open)."""
        return date.min if self.start is None else self.start.earliest

    @property
    def latest(self) -> date:
        """The last day the interval may end (``date.max`` when open)."""
        return date.max if self.end is None else self.end.latest

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Read an EDTF interval ``A/B``; ``..`` for an open end."""
        parts = text.strip().split("/")
        if len(parts) != 2:
            raise DateError(f"an interval is two dates joined by '/' (got {text!r})", text)
        a, b = (p.strip() for p in parts)
        start = None if a == ".." else PartialDate.parse(a)
        end = None if b == ".." else PartialDate.parse(b)
        return cls(start, end)


When = Union[PartialDate, DateSpan]  # noqa: UP007 - used at run time by pydantic


def parse_date(value: Any) -> When:
    """Read an EDTF string (or a :class:`datetime.date`, or an ``int`` year) into a date.

    Raises :class:`~diplograph.errors.DateError` with the offending text.

    >>> parse_date("2019-06-30")
    PartialDate('2019-06-30')
    >>> parse_date("../2019-07")
    DateSpan('../2019-07')
    >>> parse_date("2019-13-01")
    Traceback (most recent call last):
    ...
    diplograph.errors.DateError: impossible date: month must be 01 to 12 (got '2019-13-01')
    """
    if isinstance(value, PartialDate | DateSpan):
        return value
    if isinstance(value, date):
        return PartialDate.from_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if not isinstance(value, str):
        raise DateError(f"a date must be an EDTF string such as 2019-06-30 (got {value!r})", value)
    if "/" in value:
        return DateSpan.parse(value)
    return PartialDate.parse(value)
