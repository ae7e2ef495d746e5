"""The geometry of a timeline, without drawing it: lanes, date extents, axis breaks, eras.

This module knows nothing of matplotlib, so the chart (:mod:`diplograph.timeline.plot`)
and the TimelineJS export (:mod:`diplograph.export.timelinejs`) share one
answer to "which lane does this event go on" and "how is this date shown".

Positions along the time axis are day numbers (proleptic Gregorian ordinals,
``date.toordinal()``); an interval ``[x0, x1)`` covers the days from ``x0`` up
to but excluding ``x1``, so a single day is one unit wide and "May 2019" is
``[1 May, 1 June)``.

Examples
--------
>>> from diplograph.dates import parse_date
>>> format_when(parse_date("2019-02-27/2019-02-28"))
'27–28 Feb 2019'
>>> format_when(parse_date("2019-05"))
'May 2019'
>>> parse_era("Hanoi to Panmunjom:2019-02-28/2019-06-30").label
'Hanoi to Panmunjom'
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..dates import DateSpan, PartialDate, Precision, When, parse_date
from ..errors import DateError, ModelError
from ..model import PRINCIPAL_ROLES, EventType
from ..rows import EventRow, StatementRow

__all__ = [
    "LANE_MODES",
    "OTHER_LANE",
    "Era",
    "Extent",
    "LaneAssignment",
    "assign_lanes",
    "extent",
    "find_segments",
    "format_when",
    "importance",
    "parse_era",
    "statement_extent",
    "type_label",
]

LANE_MODES = ("actor", "type", "none")
"""The ways to split a timeline into lanes."""

OTHER_LANE = "Others"
"""Name of the lane that gathers actors without a lane of their own."""

_PRINCIPAL = frozenset(r.value for r in PRINCIPAL_ROLES)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# How much an event type matters when only some events can carry a label.
_TYPE_WEIGHT = {
    EventType.SUMMIT: 10,
    EventType.AGREEMENT: 9,
    EventType.MEETING: 8,
    EventType.ARMED_CONFLICT: 8,
    EventType.DECLARATION: 7,
    EventType.TALKS: 7,
    EventType.BORDER_CROSSING: 6,
    EventType.MISSILE_TEST: 6,
    EventType.SANCTIONS: 6,
    EventType.MEDIATION: 5,
    EventType.VISIT: 5,
    EventType.MILITARY_EXERCISE: 4,
    EventType.PRESS_CONFERENCE: 3,
    EventType.STATEMENT: 2,
    EventType.REPORT: 2,
}


def type_label(event_type: str) -> str:
    """The event type as words for a legend: ``missile_test`` -> ``missile test``.

    >>> type_label("border_crossing")
    'border crossing'
    """
    return event_type.replace("_", " ")


def importance(row: EventRow) -> float:
    """How much an event deserves a label: its type, its participants, its links.

    Sub-events (``part_of``) rank below the event they belong to.

    >>> from diplograph.rows import EventRow
    >>> from diplograph.dates import parse_date
    >>> summit = EventRow("s", "Summit", "summit", parse_date("2018-06-12"))
    >>> report = EventRow("r", "Report", "report", parse_date("2018-06-12"))
    >>> importance(summit) > importance(report)
    True
    """
    try:
        weight = float(_TYPE_WEIGHT[EventType(row.type)])
    except ValueError:
        weight = 1.0
    score = weight * 10
    score += min(len(row.participants), 5)
    score += 2 * min(len(row.leads_to) + len(row.follows), 4)
    if row.part_of is not None:
        score -= 15
    return score


# -- dates ------------------------------------------------------------------------------


def _day_text(d: date, *, year: bool = True, month: bool = True) -> str:
    text = str(d.day)
    if month:
        text += f" {_MONTHS[d.month - 1]}"
    if year:
        text += f" {d.year}"
    return text


def _point_text(p: PartialDate) -> str:
    if p.precision is Precision.DAY:
        text = _day_text(p.earliest)
    elif p.precision is Precision.MONTH:
        text = f"{_MONTHS[p.earliest.month - 1]} {p.year}"
    else:
        text = str(p.year)
    if p.approximate:
        text = "c. " + text
    if p.uncertain:
        text += "?"
    return text


def format_when(when: When) -> str:
    """A date as a reader writes it, at its true precision.

    Examples
    --------
    >>> format_when(parse_date("2018-06-12"))
    '12 Jun 2018'
    >>> format_when(parse_date("2019"))
    '2019'
    >>> format_when(parse_date("2019-06-30/2019-07-01"))
    '30 Jun – 1 Jul 2019'
    >>> format_when(parse_date("2019-06?"))
    'Jun 2019?'
    >>> format_when(parse_date("../2019-07"))
    'until Jul 2019'
    """
    if isinstance(when, PartialDate):
        return _point_text(when)
    a, b = when.start, when.end
    if a is None and b is not None:
        return f"until {_point_text(b)}"
    if b is None and a is not None:
        return f"from {_point_text(a)}"
    assert a is not None and b is not None
    if a.is_exact_day and b.is_exact_day:
        x, y = a.earliest, b.earliest
        if x == y:
            return _day_text(x)
        if x.year == y.year and x.month == y.month:
            return f"{x.day}–{_day_text(y)}"
        if x.year == y.year:
            return f"{_day_text(x, year=False)} – {_day_text(y)}"
    return f"{_point_text(a)} – {_point_text(b)}"


@dataclass(frozen=True, slots=True)
class Extent:
    """Where a date sits on the time axis, as day numbers (``date.toordinal()``).

    ``lo``/``hi`` bound every day the date may cover (``hi`` excluded); either
    is ``None`` for an open end. ``core`` is the part known for sure, for a
    span between exact days (a bar), else ``None``. ``exact`` is True for a
    certain single day (a marker).
    """

    lo: float | None
    hi: float | None
    core: tuple[float, float] | None
    exact: bool
    uncertain: bool

    @property
    def known(self) -> tuple[float, float]:
        """The bounds with an open end replaced by one day beside the known end."""
        lo = self.lo if self.lo is not None else (self.hi or 1.0) - 1
        hi = self.hi if self.hi is not None else lo + 1
        return lo, hi

    @property
    def mid(self) -> float:
        """The middle of the known bounds (where a label or connector attaches)."""
        lo, hi = self.known
        return lo if self.exact else (lo + hi) / 2


def extent(when: When) -> Extent:
    """The day-number extent of a date.

    An exact day is a point at the start of that day; "May 2019" is
    ``[1 May, 1 June)``; "27-28 Feb 2019" has a core ``[27 Feb, 1 Mar)``.

    >>> e = extent(parse_date("2019-05"))
    >>> date.fromordinal(int(e.lo)), date.fromordinal(int(e.hi)), e.exact
    (datetime.date(2019, 5, 1), datetime.date(2019, 6, 1), False)
    >>> extent(parse_date("2019-02-27/2019-02-28")).core == (
    ...     date(2019, 2, 27).toordinal(), date(2019, 3, 1).toordinal())
    True
    """
    if isinstance(when, PartialDate):
        first = float(when.earliest.toordinal())
        last = float(when.latest.toordinal() + 1)
        exact = when.precision is Precision.DAY
        return Extent(first, last, None, exact, when.uncertain or when.approximate)
    a, b = when.start, when.end
    lo = float(a.earliest.toordinal()) if a is not None else None
    hi = float(b.latest.toordinal() + 1) if b is not None else None
    core = None
    days = a is not None and b is not None and a.precision == b.precision == Precision.DAY
    if days:
        core = (lo or 0.0, hi or 0.0)
    return Extent(lo, hi, core, False, when.uncertain or when.approximate)


def statement_extent(when: When) -> Extent:
    """Like :func:`extent`, but a statement is said on one day: a range means "some day in it".

    >>> statement_extent(parse_date("2019-06-30/2019-07-01")).core is None
    True
    """
    e = extent(when)
    return Extent(e.lo, e.hi, None, e.exact, e.uncertain)


# -- eras -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Era:
    """A shaded period of a timeline, e.g. "Hanoi to Panmunjom"."""

    label: str
    time: DateSpan

    @property
    def lo(self) -> float:
        """First day of the era as a day number."""
        return float(self.time.earliest.toordinal()) if self.time.start else float("-inf")

    @property
    def hi(self) -> float:
        """Day after the era's last day as a day number."""
        return float(self.time.latest.toordinal() + 1) if self.time.end else float("inf")


def parse_era(text: str | Era) -> Era:
    """Read ``LABEL:FROM/TO`` (EDTF dates) into an :class:`Era`.

    Raises :class:`~diplograph.errors.ModelError` naming what is wrong.

    >>> parse_era("Talks:2018-06/2019-02").time
    DateSpan('2018-06/2019-02')
    >>> parse_era("no dates")
    Traceback (most recent call last):
    ...
    diplograph.errors.ModelError: an era is LABEL:FROM/TO, e.g. ... (got 'no dates')
    """
    if isinstance(text, Era):
        return text
    label, sep, when = text.rpartition(":")
    example = "'Hanoi to Panmunjom:2019-02-28/2019-06-30'"
    if not sep or not label.strip() or "/" not in when:
        raise ModelError(f"an era is LABEL:FROM/TO, e.g. {example} (got {text!r})")
    try:
        span = parse_date(when.strip())
    except DateError as e:
        raise ModelError(f"bad dates in era {text!r}: {e}") from e
    assert isinstance(span, DateSpan)
    return Era(label.strip(), span)


# -- lanes ------------------------------------------------------------------------------


@dataclass
class LaneAssignment:
    """Which lanes there are and which lane(s) each event and statement goes on.

    ``names[i]`` is the title of lane ``i`` (top to bottom); ``events[id]``
    lists the lanes of an event (several when several principal participants
    have lanes); ``statements[id]`` is the speaker's lane.
    """

    names: list[str]
    keys: list[str]
    events: dict[str, tuple[int, ...]] = field(default_factory=dict)
    statements: dict[str, int] = field(default_factory=dict)

    def lane_of_event(self, event_id: str) -> int:
        """The first (topmost) lane of an event."""
        return self.events[event_id][0]


def _event_actors(row: EventRow) -> list[tuple[str, str]]:
    principal = [(p.actor, p.name) for p in row.participants if p.role in _PRINCIPAL]
    if principal:
        return principal
    return [(p.actor, p.name) for p in row.participants]


def _best_order(keys: list[str], pairs: Counter[tuple[str, str]]) -> list[str]:
    """Order lanes so that actors who appear together sit close; ``keys`` is by rank."""
    if len(keys) <= 2 or not pairs:
        return keys
    index = {k: i for i, k in enumerate(keys)}
    weights = [(index[a], index[b], w) for (a, b), w in pairs.items() if a in index and b in index]
    if not weights:
        return keys
    if len(keys) > 7:
        return keys
    best: tuple[float, tuple[int, ...]] | None = None
    for perm in itertools.permutations(range(len(keys))):
        pos = [0] * len(keys)
        for p, k in enumerate(perm):
            pos[k] = p
        cost = float(sum(w * abs(pos[a] - pos[b]) for a, b, w in weights))
        cand = (cost, perm)
        if best is None or cand < best:
            best = cand
    assert best is not None
    return [keys[k] for k in best[1]]


def assign_lanes(
    rows: Sequence[EventRow],
    statements: Sequence[StatementRow] = (),
    *,
    lanes: str | Sequence[str] = "actor",
    max_lanes: int = 7,
) -> LaneAssignment:
    """Decide the lanes of a timeline.

    ``lanes="actor"``: the actors who take part in the most events (as host,
    guest, attendee, signatory or agent; an event counts twice, a statement
    once) get a lane each, at most ``max_lanes`` lanes in all; everyone else
    shares the last lane, "Others". An event with several such participants
    sits on each of their lanes. Lanes are ordered so that actors who often
    appear together are neighbours. ``lanes="type"``: one lane per event type
    (statements on a "statement" lane). ``lanes="none"``: one lane. A list of
    actor ids gives those actors lanes in that order.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rows import event_rows
    >>> la = assign_lanes(event_rows(load(bundled_data())), lanes="actor", max_lanes=4)
    >>> sorted(la.names)
    ['Donald Trump', 'Kim Jong Un', 'North Korea', 'Others']
    >>> [la.names[i] for i in la.events["hanoi-summit-2019"]]  # doctest: +SKIP
    ['Donald Trump', 'Kim Jong Un']
    """
    if isinstance(lanes, str) and lanes not in LANE_MODES:
        raise ModelError(f"lanes must be one of {', '.join(LANE_MODES)} (got {lanes!r})")
    if max_lanes < 1:
        raise ModelError(f"max_lanes must be at least 1 (got {max_lanes})")
    if lanes == "none":
        la = LaneAssignment(["All events"], ["*"])
        la.events = {r.id: (0,) for r in rows}
        la.statements = {s.id: 0 for s in statements}
        return la
    if lanes == "type":
        order = {t.value: i for i, t in enumerate(EventType)}
        types = sorted({r.type for r in rows}, key=lambda t: (order.get(t, 99), t))
        if statements and "statement" not in types:
            types.append("statement")
        la = LaneAssignment([type_label(t) for t in types], types)
        idx = {t: i for i, t in enumerate(types)}
        la.events = {r.id: (idx[r.type],) for r in rows}
        la.statements = {s.id: idx["statement"] for s in statements}
        return la
    return _actor_lanes(rows, statements, lanes, max_lanes)


def _actor_lanes(
    rows: Sequence[EventRow],
    statements: Sequence[StatementRow],
    lanes: str | Sequence[str],
    max_lanes: int,
) -> LaneAssignment:
    """Lanes by actor: the most active actors (or the listed ones), then "Others"."""
    names: dict[str, str] = {}
    score: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for r in rows:
        actors = _event_actors(r)
        for actor, name in actors:
            names.setdefault(actor, name)
            score[actor] += 2
    for s in statements:
        names.setdefault(s.speaker, s.speaker_name)
        score[s.speaker] += 1
    if isinstance(lanes, str):
        ranked = sorted(score, key=lambda a: (-score[a], names[a].casefold(), a))
        chosen = ranked[: max_lanes - 1] if len(ranked) > max_lanes else ranked
        own = set(chosen)
        for r in rows:
            ids = sorted({a for a, _ in _event_actors(r) if a in own})
            for a, b in itertools.combinations(ids, 2):
                pairs[(a, b)] += 1
        chosen = _best_order(chosen, pairs)
    else:
        chosen = list(dict.fromkeys(lanes))
        for a in chosen:
            names.setdefault(a, a)
    own = set(chosen)
    keys = list(chosen)
    titles = [names[a] for a in chosen]
    others = any(a not in own for a in score) or any(not _event_actors(r) for r in rows)
    if others:
        keys.append("*")
        titles.append(OTHER_LANE)
    idx = {k: i for i, k in enumerate(keys)}
    la = LaneAssignment(titles, keys)
    for r in rows:
        lane_ids = {idx.get(a, idx.get("*", 0)) for a, _ in _event_actors(r)}
        la.events[r.id] = tuple(sorted(lane_ids)) if lane_ids else (idx.get("*", 0),)
    for s in statements:
        la.statements[s.id] = idx.get(s.speaker, idx.get("*", 0))
    return la


# -- axis breaks ------------------------------------------------------------------------


def find_segments(
    intervals: Iterable[tuple[float, float]],
    *,
    gap_days: float = 3 * 365,
    max_segments: int = 3,
) -> list[tuple[float, float]]:
    """Split the time axis where the data leaves a long empty gap.

    A gap breaks the axis when it is longer than ``gap_days`` and longer than
    the data on either side of it put together, so a cluster is not squeezed
    into a sliver. At most ``max_segments`` pieces; the longest gaps win.

    Examples
    --------
    >>> a = date(1953, 7, 27).toordinal()
    >>> b, c = date(2018, 4, 27).toordinal(), date(2019, 7, 1).toordinal()
    >>> len(find_segments([(a, a + 1), (b, b + 1), (c, c + 1)]))
    2
    >>> len(find_segments([(b, b + 1), (c, c + 1)]))
    1
    """
    spans = sorted(intervals)
    if not spans:
        return []
    merged: list[list[float]] = [list(spans[0])]
    for lo, hi in spans[1:]:
        if lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    gaps = [(merged[i + 1][0] - merged[i][1], i) for i in range(len(merged) - 1)]
    total = merged[-1][1] - merged[0][0]
    cuts: list[int] = []
    for size, i in sorted(gaps, reverse=True):
        if len(cuts) + 1 >= max_segments:
            break
        if size <= gap_days or size < 0.5 * total:
            continue
        cuts.append(i)
        total -= size
    cuts.sort()
    out: list[tuple[float, float]] = []
    start = merged[0][0]
    for i in cuts:
        out.append((start, merged[i][1]))
        start = merged[i + 1][0]
    out.append((start, merged[-1][1]))
    return out


def day(x: float) -> date:
    """The date of a day number.

    >>> day(date(2019, 5, 1).toordinal())
    datetime.date(2019, 5, 1)
    """
    return date.fromordinal(int(x)) + timedelta(days=0)
