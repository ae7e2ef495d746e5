"""Relative dates: words in a text ("last June", "Monday", "66 years ago") resolved against a
reference (publication) date, keeping their true precision and the words they rest on.

A relative date with no reference date is an error, never a guess.

>>> str(resolve_relative("last June", date(2019, 7, 1)).value)
'2018-06'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import DateSpan, PartialDate, Precision, When
from .errors import DateError

__all__ = ["DATE_EXPRESSION", "ResolvedDate", "resolve_relative"]


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
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"  # "June 12th"
_TO_RE = r"(?:\s*[-–]\s*|\s+to\s+)"
_PART_RE = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT_RE = r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"

# a bare month or year counts after a preposition ("in May"), never alone ("May" is a verb)
_AFTER = r"(?:^|(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bearly )|(?<=\blate )"
_AFTER += ")"
# a bare month also counts as the object of a part of it ("the end of June")
_MONTH_AFTER = (
    _AFTER[:-1]
    + "".join(rf"|(?<=\b{w} of )" for w in ("end", "beginning", "start", "middle", "rest", "half"))
    + r"|\bmid-|(?<=\bend-of-)"
    # a second month after one: "in September and December"
    + "".join(rf"|(?<=\b{m} and )|(?<=\b{m} or )" for m in calendar.month_name[1:])
    # and as a noun's modifier ("the November election", not "the May government")
    + rf"|(?<=\bthe )(?=(?!may\b)(?:{_MONTH_RE})(?-i:\s+[a-z])))"
)
# a year also counts as a noun's modifier ("the 2015 deal") and after "of", "from", "after"
_YEAR_AFTER = _AFTER[:-1] + r"|(?<=\bthe )|(?<=\bof )|(?<=\bfrom )|(?<=\bafter )|(?<=\bbefore )"
_YEAR_AFTER += r"|(?<=\ba )(?=\d{4}\s+[a-z])"  # "a 2015 plan": a year as a noun's modifier
_YEAR_AFTER += r"|(?<=\b[12]\d{3} and )|(?<=\b[12]\d{3} or ))"  # "in 2000 and 2007"
_EXPRESSIONS = [
    # 30 June 2019, 27-28 February 2019, 30 June
    rf"(?P<dmy>(?P<d1>{_DAY_RE})(?:{_TO_RE}(?P<d2>{_DAY_RE}))?\s+(?P<m1>{_MONTH_DAY_RE})"
    rf"(?:,?\s+(?P<y1>\d{{4}}))?)(?![\w-])",
    # June 30, 2019; Feb. 27-28; June 30
    rf"(?P<mdy>(?P<m2>{_MONTH_DAY_RE})\s+(?P<d3>{_DAY_RE})(?:{_TO_RE}(?P<d4>{_DAY_RE}))?"
    rf"(?:,?\s+(?P<y2>\d{{4}}))?)(?![\w-])",
    # Thursday next week, Monday last week: that day of that week
    rf"(?P<wdw>(?P<wd2>{_WEEKDAY_RE})\s+(?P<wwhich>last|next|this)\s+week)\b",
    # last June, next March, this May, earlier this month, later this year
    # (not "the past year", "over the last week", "in the next month": spans of time)
    r"(?<!\bthe )(?P<rel>(?:(?:earlier|later)\s+)?"
    rf"(?P<which>last|next|this\s+past|this|past|coming)\s+"
    rf"(?P<unit>{_MONTH_RE}|{_WEEKDAY_RE}|week|month|year|weekend))\b",
    # "less than two years ago": a bound, no calendar point (the lookbehinds are fixed-width)
    r"(?<!less than )(?<!more than )(?<!fewer than )(?<!over )(?<!nearly )(?<!almost )"
    rf"(?P<ago>(?P<n>{_COUNT_RE})\s+(?P<agounit>years?|months?|weeks?|days?)\s+ago)\b",
    rf"(?P<my>(?P<m3>{_MONTH_RE})(?:\s+of)?\s+(?P<y3>\d{{4}}))\b",
    rf"(?P<wd>{_WEEKDAY_RE}){_PART_RE}\b",
    r"(?P<word>today|yesterday|tomorrow|tonight|last\s+night|this\s+"
    r"(?:morning|afternoon|evening))\b",
    r"(?P<weekend>the\s+weekend)\b",
    rf"(?P<month>{_MONTH_AFTER}(?P<m4>{_MONTH_RE}))(?![\w-])",  # "mid-August": the month
    # "the 1950-53 Korean War", "in 2018-2019": a range of years
    rf"(?P<year>{_YEAR_AFTER}(?P<y4>1[5-9]\d\d|20\d\d)(?:[-–](?P<y5>\d\d(?:\d\d)?))?)\b"
    r"(?!\s+(?:years|months|weeks|days|hours|people|kilometres|kilometers|miles|km)\b)",
]
# every expression starts a word: testing that first spares trying them all at every letter
DATE_EXPRESSION = re.compile(r"(?<!\w)(?:" + "|".join(_EXPRESSIONS) + ")", re.IGNORECASE)
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
    d1, d2 = d1.rstrip("stndrh"), d2 and d2.rstrip("stndrh")  # "12th" is 12
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
    which, unit = " ".join(m["which"].lower().split()[-1:]), m["unit"].lower()
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
    # the most recent such month before the reference ("last March" said in September is this
    # year's), except the month just before, which would be "last month" ("last June" said in
    # July is a year back); "next" likewise forward
    year = r.year
    if step < 0:
        year -= month >= r.month - 1
    elif step > 0:
        year += month <= r.month + 1
    return ResolvedDate(PartialDate(year, month), words, f"{which} <month>: the year {year}")


def resolve_relative(
    words: str, reference: date | PartialDate | None, *, future: bool | None = False
) -> ResolvedDate:
    """Resolve a date expression against a reference (publication) date, keeping its precision.

    ``future`` says the sentence speaks of what is to come ("will meet on
    Friday"); weekdays and dates without a year then count forward. ``None`` says
    the tense tells nothing ("the deadline is 31 October", "the November
    election"): a date without a year, or a month, is then the nearest on either side.

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
    >>> [str(resolve_relative("November", ref, future=f).value) for f in (False, None)]
    ['2018-11', '2019-11']
    >>> str(resolve_relative("1950-53", ref).value)
    '1950/1953'
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
        return _years(m["y4"], m["y5"], text)
    r = _need(ref, text)
    if m["rel"]:
        return _relative(m, r, bool(future), text)
    if m["ago"]:
        return _ago(_count(m["n"]), m["agounit"].lower().rstrip("s"), r, text)
    if m["wd"]:
        day, rule = _weekday(m["wd"], r, bool(future), None)
        return ResolvedDate(PartialDate.from_date(day), text, rule)
    if m["word"]:
        word = " ".join(m["word"].lower().split())
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        when = PartialDate.from_date(r + timedelta(days=offset))
        return ResolvedDate(when, text, f"{word}: relative to the reference")
    if m["wdw"]:
        step = {"last": -1, "this": 0, "next": 1}[m["wwhich"].lower()]
        monday = r - timedelta(days=r.weekday()) + timedelta(weeks=step)
        day = monday + timedelta(days=_WEEKDAYS[m["wd2"].lower()])
        return ResolvedDate(PartialDate.from_date(day), text, f"that day of {m['wwhich']} week")
    if m["weekend"]:
        return _weekend(r, bool(future), text)
    return _month(_month_index(m["m4"]), r, future, text)


def _years(first: str, last: str | None, text: str) -> ResolvedDate:
    """A year, or a range of years whose end may keep only its last two digits ("1950-53")."""
    if last is None:
        return ResolvedDate(PartialDate(int(first)), text, "year")
    end = int(first[: 4 - len(last)] + last)
    if end <= int(first):
        raise DateError(f"a range of years must end after it starts (got {text!r})", text)
    span = DateSpan(PartialDate(int(first)), PartialDate(end))
    return ResolvedDate(span, text, "a range of years")


def _month(month: int, r: date, future: bool | None, text: str) -> ResolvedDate:
    """A month name: the nearest not after ``r`` (past), not before it (future), else the
    nearest on either side ("the November election")."""
    year = r.year
    if future is None and month != r.month:
        ahead = (month - r.month) % 12
        year += (month < r.month) if ahead < 6 else -(month > r.month)
        rule = "month name, no tense: the nearest"
        return ResolvedDate(PartialDate(year, month), text, rule + " to the reference")
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


def _weekend(r: date, future: bool, text: str) -> ResolvedDate:
    """ "The weekend": the Saturday and Sunday before the reference (or after it, in the future
    tense); on a Saturday or a Sunday, that very weekend."""
    if r.weekday() >= 5:
        saturday = r - timedelta(days=r.weekday() - 5)
    elif future:
        saturday = r + timedelta(days=5 - r.weekday())
    else:
        saturday = r - timedelta(days=r.weekday() + 2)
    span = DateSpan(PartialDate.from_date(saturday), PartialDate.from_date(saturday + timedelta(1)))
    rule = "the weekend " + ("after" if future and r.weekday() < 5 else "before") + " the reference"
    return ResolvedDate(span, text, rule)
