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
from datetime import date, timedelta
from enum import IntEnum
from typing import Any, Union

from ._edtf import SUPPORTED, refused_form
from .errors import DateError

__all__ = [
    "DATE_EXPRESSION",
    "DateSpan",
    "PartialDate",
    "Precision",
    "ResolvedDate",
    "When",
    "parse_date",
    "resolve_relative",
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


# -- relative dates: words in a text, resolved against a reference date ------------------

_MONTHS = {n.lower(): i for i in range(1, 13) for n in calendar.month_name[i : i + 1]}
_MONTHS |= {calendar.month_abbr[i].lower(): i for i in range(1, 13)} | {"sept": 9}
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_NUMBERS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six"])}
_NUMBERS |= {w: i + 7 for i, w in enumerate(["seven", "eight", "nine", "ten", "eleven", "twelve"])}
_NUMBERS.update({"a": 1, "an": 1, "a dozen": 12, "dozens of": 24})

_MONTH_RE = r"(?:{}|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)".format(
    "|".join(calendar.month_name[1:])
)
# next to a day number, a month may also be abbreviated without a full stop ("Sep 18")
_MONTH_DAY_RE = rf"(?:{_MONTH_RE}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])"
_TO_RE = r"(?:\s*[-–]\s*|\s+to\s+)"
_PART_RE = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT_RE = r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"

# a bare month or year counts after a preposition ("in May"), never alone ("May" is a verb)
_AFTER = r"(?:^|(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bearly )|(?<=\blate ))"
# a year also counts as a noun's modifier ("the 2015 deal") and after "of", "from", "after"
_YEAR_AFTER = _AFTER[:-1] + r"|(?<=\bthe )|(?<=\bof )|(?<=\bfrom )|(?<=\bafter )|(?<=\bbefore ))"
_EXPRESSIONS = [
    # 30 June 2019, 27-28 February 2019, 30 June
    rf"(?P<dmy>(?P<d1>{_DAY_RE})(?:{_TO_RE}(?P<d2>{_DAY_RE}))?\s+(?P<m1>{_MONTH_DAY_RE})"
    rf"(?:,?\s+(?P<y1>\d{{4}}))?)(?![\w-])",
    # June 30, 2019; Feb. 27-28; June 30
    rf"(?P<mdy>(?P<m2>{_MONTH_DAY_RE})\s+(?P<d3>{_DAY_RE})(?:{_TO_RE}(?P<d4>{_DAY_RE}))?"
    rf"(?:,?\s+(?P<y2>\d{{4}}))?)(?![\w-])",
    # last June, next March, this May, earlier this month, later this year
    rf"(?P<rel>(?:(?:earlier|later)\s+)?(?P<which>last|next|this|past|coming)\s+"
    rf"(?P<unit>{_MONTH_RE}|{_WEEKDAY_RE}|week|month|year|weekend))\b",
    rf"(?P<ago>(?P<n>{_COUNT_RE})\s+(?P<agounit>years?|months?|weeks?|days?)\s+ago)\b",
    rf"(?P<my>(?P<m3>{_MONTH_RE})(?:\s+of)?\s+(?P<y3>\d{{4}}))\b",
    rf"(?P<wd>{_WEEKDAY_RE}){_PART_RE}\b",
    r"(?P<word>today|yesterday|tomorrow|tonight)\b",
    rf"(?P<month>{_AFTER}(?P<m4>{_MONTH_RE}))(?![\w-])",
    rf"(?P<year>{_YEAR_AFTER}(?P<y4>1[5-9]\d\d|20\d\d))\b"
    r"(?!\s+(?:years|months|weeks|days|hours|people|kilometres|kilometers|miles|km)\b)",
]
DATE_EXPRESSION = re.compile("|".join(_EXPRESSIONS), re.IGNORECASE)
"""A regular expression for the date expressions :func:`resolve_relative` reads.

>>> [m.group() for m in DATE_EXPRESSION.finditer("He said Monday that in May, last year...")]
['Monday', 'May', 'last year']
"""


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date read from words: the value at its true precision, the words and how they were read."""

    value: When
    words: str
    rule: str

    @property
    def note(self) -> str:
        """One sentence an analyst reads: which words, which rule, which date."""
        return f"“{self.words}” read as {self.value} ({self.rule})."


def _month_index(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _count(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS[w]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _need(reference: date | None, words: str) -> date:
    if reference is None:
        say = "a relative date needs the publication date to resolve against; give it, e.g. "
        raise DateError(f"{say}--published 2019-07-01 (got {words!r})", words)
    return reference


def _day_or_span(year: int, month: int, d1: str, d2: str | None) -> When:
    first = PartialDate(year, month, int(d1))
    return first if d2 in (None, d1) else DateSpan(first, PartialDate(year, month, int(d2)))


def _dated(m: re.Match[str], ref: date | None, future: bool | None, words: str) -> ResolvedDate:
    month = _month_index(m["m1"] or m["m2"])
    d1, d2 = (m["d1"], m["d2"]) if m["dmy"] else (m["d3"], m["d4"])
    year_text = m["y1"] or m["y2"]
    if year_text:
        return ResolvedDate(_day_or_span(int(year_text), month, d1, d2), words, "explicit date")
    r = _need(ref, words)
    if future:
        year = r.year + ((month, int(d1)) < (r.month, r.day))
        rule = "date without a year: the nearest not before the reference"
    elif future is False:
        year = r.year - ((month, int(d1)) > (r.month, r.day))
        rule = "date without a year: the nearest not after the reference"
    else:  # no tense to go by: the nearest such day on either side; a tie goes to the past
        day = {y: _safe_day(y, month, int(d1)) for y in (r.year - 1, r.year, r.year + 1)}
        year = min(day, key=lambda y: (abs((day[y] - r).days), day[y] > r))
        rule = "date without a year: the nearest such day to the reference"
    return ResolvedDate(_day_or_span(year, month, d1, d2), words, rule)


def _safe_day(year: int, month: int, day: int) -> date:  # 29 February: 28 in a common year
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _weekday(name: str, r: date, future: bool, which: str | None) -> tuple[date, str]:
    target = _WEEKDAYS[name.lower()]
    if which in ("next", "coming") or (future and which != "last"):
        # "next Monday" said on a Monday is a week on; a bare "Monday" is that very day
        delta = (target - r.weekday()) % 7 or (7 if which is not None else 0)
        return r + timedelta(days=delta), "weekday: the nearest after the reference"
    back = (r.weekday() - target) % 7 or (7 if which == "last" else 0)
    return r - timedelta(days=back), "weekday: the nearest not after the reference"


def _relative(m: re.Match[str], r: date, future: bool, words: str) -> ResolvedDate:
    which, unit = m["which"].lower(), m["unit"].lower()
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
    if unit in _WEEKDAYS:
        day, rule = _weekday(unit, r, future, which)
        return ResolvedDate(PartialDate.from_date(day), words, rule)
    if unit == "year":
        return ResolvedDate(PartialDate(r.year + step), words, f"{which} year")
    if unit == "month":
        y, mo = _shift_month(r.year, r.month, step)
        return ResolvedDate(PartialDate(y, mo), words, f"{which} month")
    if unit in ("week", "weekend"):
        monday = r - timedelta(days=r.weekday()) + timedelta(weeks=step)
        first = monday + timedelta(days=5) if unit == "weekend" else monday
        early = words.lower().startswith("earlier") and step == 0 and r > monday
        last = r - timedelta(days=1) if early else monday + timedelta(6)  # "earlier": till now
        span = DateSpan(PartialDate.from_date(first), PartialDate.from_date(last))
        return ResolvedDate(span, words, f"{which} {unit}: Monday to Sunday")
    month = _month_index(unit)
    year = r.year + step if step else r.year
    return ResolvedDate(PartialDate(year, month), words, f"{which} <month>: the year {year}")


def resolve_relative(
    words: str, reference: date | PartialDate | None, *, future: bool | None = False
) -> ResolvedDate:
    """Resolve a date expression against a reference (publication) date, keeping its precision.

    ``future`` says the sentence speaks of what is to come ("will meet on
    Friday"); weekdays and dates without a year then count forward. ``None`` says
    the tense tells nothing ("the deadline is 31 October"): a date without a year is
    then the nearest such day on either side.

    Raises :class:`~diplograph.errors.DateError` for words it cannot read, and
    for relative words when there is no reference date: it never guesses.

    Examples
    --------
    >>> ref = date(2019, 7, 1)  # a Monday
    >>> resolve_relative("Monday", ref).value
    PartialDate('2019-07-01')
    >>> resolve_relative("Friday", ref).value, resolve_relative("Friday", ref, future=True).value
    (PartialDate('2019-06-28'), PartialDate('2019-07-05'))
    >>> [str(resolve_relative(w, ref).value) for w in ("last June", "February", "66 years ago")]
    ['2018-06', '2019-02', '1953']
    >>> [str(resolve_relative("July 4", ref, future=f).value) for f in (False, None)]
    ['2018-07-04', '2019-07-04']
    >>> str(resolve_relative("Feb. 27-28", ref).value)
    '2019-02-27/2019-02-28'
    >>> resolve_relative("30 June 2019", None).value
    PartialDate('2019-06-30')
    >>> resolve_relative("yesterday", None)
    Traceback (most recent call last):
    ...
    diplograph.errors.DateError: a relative date needs the publication date to resolve against; \
give it, e.g. --published 2019-07-01 (got 'yesterday')
    """
    ref: date | None
    if isinstance(reference, PartialDate):
        if reference.precision is not Precision.DAY:
            raise DateError(f"the reference date must be a day (got {str(reference)!r})", reference)
        ref = reference.earliest
    else:
        ref = reference
    text = re.sub(r"^(?:in|on|since|until|by) ", "", " ".join(words.split()), flags=re.I)
    m = DATE_EXPRESSION.fullmatch(text)
    if m is None:
        raise DateError(f"not a date expression this reader knows (got {words!r})", words)
    if m["dmy"] or m["mdy"]:
        return _dated(m, ref, future, text)
    if m["my"]:
        value = PartialDate(int(m["y3"]), _month_index(m["m3"]))
        return ResolvedDate(value, text, "month and year")
    if m["year"]:
        return ResolvedDate(PartialDate(int(m["y4"])), text, "year")
    r = _need(ref, text)
    if m["rel"]:
        return _relative(m, r, bool(future), text)
    if m["ago"]:
        return _ago(_count(m["n"]), m["agounit"].lower().rstrip("s"), r, text)
    if m["wd"]:
        day, rule = _weekday(m["wd"], r, bool(future), None)
        return ResolvedDate(PartialDate.from_date(day), text, rule)
    if m["word"]:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["word"].lower()]
        when = PartialDate.from_date(r + timedelta(days=offset))
        return ResolvedDate(when, text, f"{m['word'].lower()}: relative to the reference")
    month = _month_index(m["m4"])
    year = r.year
    if future and month < r.month:
        year += 1
    elif not future and month > r.month:
        year -= 1
    rule = "month name: the nearest " + ("not before" if future else "not after")
    return ResolvedDate(PartialDate(year, month), text, rule + " the reference")


def _ago(n: int, unit: str, r: date, text: str) -> ResolvedDate:
    """``n`` years, months, weeks or days before ``r``, at that unit's precision."""
    if unit in ("year", "month"):
        y, mo = _shift_month(r.year, r.month, -n * (12 if unit == "year" else 1))
        value = PartialDate(y) if unit == "year" else PartialDate(y, mo)
        return ResolvedDate(value, text, f"{n} {unit}s before the reference")
    day = PartialDate.from_date(r - timedelta(days=n * 7 if unit == "week" else n))
    value = PartialDate(day.year, day.month, day.day, approximate=unit == "week")
    return ResolvedDate(value, text, f"{n} {unit}s before the reference")
