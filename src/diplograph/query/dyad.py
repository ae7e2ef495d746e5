"""The dyad view: how relations between two actors moved, period by period.

For every period (day, ISO week, month, quarter or year) :func:`dyad` counts
the reports between two sides in each direction (``a_to_b``: the doer is of
side A and the target of side B; ``b_to_a``; ``joint``: both sides take part
otherwise, as in a table row naming "US, DPRK"), split by CAMEO quad class or
CAMEO root, with the mean and spread of the Goldstein values and ICEWS
intensities where the source gives them.

Two back ends give the same table: in a SPARQL store, where one aggregation
query (``queries/dyad.rq``) groups the reports by their day bounds, direction
and class, so only those few groups leave the store; and in Python over an
iterable of :class:`~diplograph.importers.Report` records (files before they
are loaded, and the independent check of the store).

**Precision-honest bins.** A report is counted in a bin only when every day it
may fall on lies inside the bin. One known only coarser (a month-dated row
with ``by="day"``, a year with ``by="month"``, a span across two weeks) is
never put in one of those bins: it is counted in the ``coarser`` column of
every bin its possible days overlap. A coarser count is therefore "this many
reports may fall here", and the coarser counts of a table do not add up to its
reports.

**Quad class.** From the CAMEO root when the report has a code (01-05 verbal
cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20
material conflict), else the source's own quad class, else from the event
type (talks, visits, agreements: verbal cooperation; missile tests,
exercises, sanctions, armed conflict: material conflict), else
``unclassified``.

Examples
--------
>>> from diplograph.importers import Report
>>> rows = [Report(id=f"r{i}", source="s", date=d, cameo=c, source_actor=x,
...     target_actor=y, goldstein=g, file="f", row=i + 1) for i, (d, c, x, y, g) in
...     enumerate([("2019-02-27", "042", "a", "b", 1.9), ("2019-02-28", "112", "b", "a", -2.0),
...                ("2019-02", "190", "a", "b", -10.0)])]
>>> t = dyad(rows, "a", "b", by="week")
>>> [(r.period, r.total("a_to_b"), r.total("b_to_a"), r.total_coarser()) for r in t.rows]
[('2019-W09', 1, 1, 1)]
>>> t.rows[0].counts["b_to_a"]["verbal_conflict"], round(t.rows[0].goldstein.mean, 2)
(1, -0.05)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..dates import DateSpan, PartialDate, parse_date
from ..errors import QueryError
from ..importers.report import Report
from ..rdf.store import Store, term_text
from .bins import BINS, Period, period, periods
from .sides import Side

__all__ = [
    "CLASSES",
    "DIRECTIONS",
    "QUADS",
    "DyadRow",
    "DyadTable",
    "ForceMark",
    "Spread",
    "dyad",
    "dyad_groups",
    "force_marks",
    "quad_of",
]

DIRECTIONS = ("a_to_b", "b_to_a", "joint")
"""The directions of a report between sides A and B."""

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
"""The CAMEO quad classes, in the order of their numbers 1 to 4."""

UNCLASSIFIED = "unclassified"

CLASSES = {"quad": (*QUADS, UNCLASSIFIED), "root": (*(f"{r:02d}" for r in range(1, 21)), "none")}
"""The classes of each split: ``quad`` (quad classes) or ``root`` (CAMEO roots 01 to 20)."""

_TYPE_QUAD = {
    **dict.fromkeys(
        ("summit", "meeting", "talks", "visit", "agreement", "declaration", "mediation"), 1
    ),
    **dict.fromkeys(("missile_test", "military_exercise", "sanctions", "armed_conflict"), 4),
}

Key = tuple[str, date, date, str, int | None, int | None, str | None]
"""A group of reports: source, earliest and latest day, direction, CAMEO root, quad, type."""


def quad_of(root: int | None, quad: int | None = None, kind: str | None = None) -> str:
    """The quad class of a report from its CAMEO root, else its own quad class, else its type.

    >>> quad_of(14), quad_of(None, 2), quad_of(None, None, "missile_test"), quad_of(None)
    ('material_conflict', 'material_cooperation', 'material_conflict', 'unclassified')
    """
    if root is not None and 1 <= root <= 20:
        return QUADS[0 if root <= 5 else 1 if root <= 8 else 2 if root <= 13 else 3]
    if quad is not None and 1 <= quad <= 4:
        return QUADS[quad - 1]
    if kind is not None and kind in _TYPE_QUAD:
        return QUADS[_TYPE_QUAD[kind] - 1]
    return UNCLASSIFIED


@dataclass
class Spread:
    """Count, sum and sum of squares of some values; their mean and (population) spread."""

    n: int = 0
    total: float = 0.0
    squares: float = 0.0

    def add(self, n: int, total: float, squares: float) -> None:
        self.n += n
        self.total += total
        self.squares += squares

    @property
    def mean(self) -> float:
        return self.total / self.n if self.n else math.nan

    @property
    def sd(self) -> float:
        """The standard deviation, ``sqrt(E[x²] - E[x]²)``.

        >>> Spread(2, 2.0, 10.0).sd
        2.0
        """
        if not self.n:
            return math.nan
        return math.sqrt(max(self.squares / self.n - self.mean**2, 0.0))


@dataclass
class DyadRow:
    """One period: counts by direction and class, coarser counts, Goldstein and intensity."""

    period: str
    start: date
    end: date
    counts: dict[str, dict[str, int]]
    coarser: dict[str, dict[str, int]]
    goldstein: Spread = field(default_factory=Spread)
    intensity: Spread = field(default_factory=Spread)

    def total(self, direction: str | None = None) -> int:
        """Reports counted in this period, in one direction or in all."""
        dirs = DIRECTIONS if direction is None else (direction,)
        return sum(sum(self.counts[d].values()) for d in dirs)

    def by_class(self, cls: str) -> int:
        """Reports of class ``cls`` counted in this period, all directions."""
        return sum(self.counts[d][cls] for d in DIRECTIONS)

    def total_coarser(self, direction: str | None = None) -> int:
        """Reports known only coarser than the period that may fall in it."""
        dirs = DIRECTIONS if direction is None else (direction,)
        return sum(sum(self.coarser[d].values()) for d in dirs)


@dataclass
class Coverage:
    """One source's share of the dyad: its reports and the days they span."""

    source: str
    reports: int
    first: date
    last: date


@dataclass(frozen=True)
class ForceMark:
    """One-sided reports of force by one side (a missile test): shown on the chart, not counted."""

    side: str
    type: str
    source: str
    first: date
    last: date
    reports: int


@dataclass
class DyadTable:
    """The answer of :func:`dyad`: the periods in order, and what the counts rest on."""

    a: Side
    b: Side
    by: str
    split: str
    rows: list[DyadRow]
    sources: list[Coverage]
    reports: int
    coarser: int
    reason: str | None = None
    force: list[ForceMark] = field(default_factory=list)

    @property
    def classes(self) -> tuple[str, ...]:
        return CLASSES[self.split]


def _empty(classes: tuple[str, ...]) -> dict[str, dict[str, int]]:
    return {d: dict.fromkeys(classes, 0) for d in DIRECTIONS}


def _direction(r: Report, a: frozenset[str], b: frozenset[str]) -> str | None:
    src, tgt = r.source_actor, r.target_actor
    if src in a and tgt in b:
        return "a_to_b"
    if src in b and tgt in a:
        return "b_to_a"
    named = set(r.principals())
    return "joint" if named & a and named & b else None


def _report_groups(
    reports: Iterable[Report], a: Side, b: Side, lo: date | None, hi: date | None
) -> dict[Key, list[float]]:
    groups: dict[Key, list[float]] = {}
    for r in reports:
        d = _direction(r, a.members, b.members)
        if d is None:
            continue
        first, last = r.date.earliest, r.date.latest
        if (lo is not None and last < lo) or (hi is not None and first > hi):
            continue
        root = int(r.cameo[:2]) if r.cameo else None
        kind = None if r.type is None else r.type.value
        key = (r.source, first, last, d, root, r.quad_class, kind)
        agg = groups.get(key)
        if agg is None:
            agg = groups[key] = [0, 0, 0.0, 0.0, 0, 0.0, 0.0]
        agg[0] += 1
        for i, v in ((1, r.goldstein), (4, r.intensity)):
            if v is not None:
                agg[i] += 1
                agg[i + 1] += v
                agg[i + 2] += v * v
    return groups


def _number(term: Any) -> float:
    return 0.0 if term is None else float(term_text(term))


def _store_groups(
    store: Store, a: Side, b: Side, lo: date | None, hi: date | None
) -> dict[Key, list[float]]:
    from .rows import day_literal, id_of, iri_of
    from .templates import run

    side_a = [iri_of("actor", m) for m in sorted(a.members)]
    side_b = [iri_of("actor", m) for m in sorted(b.members)]
    answer = run(
        store,
        "dyad",
        **dict.fromkeys(("sa", "ta", "ja", "ja2", "xa", "ya"), side_a),
        **dict.fromkeys(("sb", "tb", "jb", "jb2", "xb", "yb"), side_b),
        lo=day_literal(lo or date(1, 1, 1)),
        hi=day_literal(hi or date(9999, 12, 31)),
    )
    groups: dict[Key, list[float]] = {}
    for s in answer:
        root, quad, kind = s.get("root"), s.get("quad"), s.get("type")
        key: Key = (
            id_of(s["src"]),
            date.fromisoformat(term_text(s["earliest"])),
            date.fromisoformat(term_text(s["latest"])),
            term_text(s["dir"]),
            None if root is None else int(term_text(root)),
            None if quad is None else int(term_text(quad)),
            None if kind is None else id_of(kind).rsplit("#", 1)[-1],
        )
        groups[key] = [_number(s.get(v)) for v in ("n", "gn", "gs", "gq", "in", "is", "iq")]
    return groups


def dyad_groups(
    source: Store | Iterable[Report],
    a: Side,
    b: Side,
    *,
    start: date | None = None,
    end: date | None = None,
) -> dict[Key, list[float]]:
    """The reports between ``a`` and ``b`` grouped by source, day bounds, direction and class.

    Each group holds ``[n, goldstein n, sum, sum of squares, intensity n, sum,
    sum of squares]``. This is what the store computes (``queries/dyad.rq``);
    the Python back end computes the same from records.
    """
    if isinstance(source, Store):
        return _store_groups(source, a, b, start, end)
    return _report_groups(source, a, b, start, end)


def _bound(value: date | str | PartialDate | DateSpan | None, last: bool) -> date | None:
    if value is None or isinstance(value, date):
        return value
    when = parse_date(value) if isinstance(value, str) else value
    return when.latest if last else when.earliest


def _class_of(key: Key, split: str) -> str:
    root = key[4]
    if split == "root":
        return "none" if root is None else f"{root:02d}"
    return quad_of(root, key[5], key[6])


def _periods_of(first: date, last: date, by: str) -> tuple[Period, Period]:
    return period(first, by), period(last, by)


def dyad(
    source: Store | Iterable[Report],
    a: str | Side,
    b: str | Side,
    *,
    by: str = "month",
    start: date | str | PartialDate | DateSpan | None = None,
    end: date | str | PartialDate | DateSpan | None = None,
    split: str = "quad",
    side: bool = True,
    actors: object = None,
) -> DyadTable:
    """The reports between ``a`` and ``b``, period by period, by direction and class.

    Parameters
    ----------
    source
        A :class:`~diplograph.rdf.store.Store` holding reports (the query runs
        there), or an iterable of :class:`~diplograph.importers.Report`.
    a, b
        The two ends: a :class:`~diplograph.query.sides.Side` (see
        :func:`~diplograph.query.sides.side`), or an actor id.
    by
        The bin: ``day``, ``week`` (ISO, from Monday), ``month``, ``quarter`` or ``year``.
    start, end
        A window (a day, or an EDTF date whose first or last day bounds it):
        reports whose possible days overlap it are counted, and the periods
        run over it.
    split
        ``quad`` (CAMEO quad classes) or ``root`` (CAMEO roots).
    side
        An actor given by id counts with everyone acting for it (its side),
        read from the store, or from ``actors`` (a knowledge graph) for
        records; ``False``: the actor alone.
    actors
        With records: the knowledge graph whose actors make the sides.

    Returns
    -------
    DyadTable
        Every period from the first to the last holding a report (or over the
        window), with zero rows between; no rows, and ``reason`` saying why,
        when no report fits a bin.

    Raises
    ------
    QueryError
        The same actor twice, sides that share an actor, an unknown bin or split.
    """
    a = _resolve(source, a, side, actors)
    b = _resolve(source, b, side, actors)
    _check(a, b, by, split)
    lo, hi = _bound(start, False), _bound(end, True)
    if not isinstance(source, Store | list | tuple):
        source = list(source)  # read twice: the counts and the marks
    groups = dyad_groups(source, a, b, start=lo, end=hi)
    table = _table(groups, a, b, by, split, lo, hi)
    table.force = force_marks(source, a, b, start=lo, end=hi)
    return table


def _resolve(source: object, who: str | Side, wanted: bool, actors: object) -> Side:
    from .sides import side, side_in_store

    if isinstance(who, Side):
        return who
    if not wanted:
        return Side.alone(who)
    if isinstance(source, Store):
        from ..names import Names

        return side_in_store(source, who, Names(source).actor(who).name)
    return side(actors, who) if actors is not None else Side.alone(who)


def _check(a: Side, b: Side, by: str, split: str) -> None:
    if a.id == b.id:
        raise QueryError(f"a dyad needs two different actors (got {a.name!r} twice)")
    shared = sorted(a.members & b.members)
    if shared:
        raise QueryError(
            f"{a.name} and {b.name} share actors, so a report between them has no direction "
            f"(got {', '.join(shared[:3])} on both sides)"
        )
    if by not in BINS:
        raise QueryError(f"the bin must be one of {', '.join(BINS)} (got {by!r})")
    if split not in CLASSES:
        raise QueryError(f"the split must be one of {', '.join(CLASSES)} (got {split!r})")


def _coverage(groups: dict[Key, list[float]]) -> list[Coverage]:
    out: dict[str, Coverage] = {}
    for key, agg in groups.items():
        c = out.get(key[0])
        if c is None:
            out[key[0]] = Coverage(key[0], int(agg[0]), key[1], key[2])
        else:
            c.reports += int(agg[0])
            c.first, c.last = min(c.first, key[1]), max(c.last, key[2])
    return sorted(out.values(), key=lambda c: (-c.reports, c.source))


def _table(
    groups: dict[Key, list[float]],
    a: Side,
    b: Side,
    by: str,
    split: str,
    lo: date | None,
    hi: date | None,
) -> DyadTable:
    classes = CLASSES[split]
    exact: dict[str, list[tuple[Key, list[float]]]] = defaultdict(list)
    coarse: list[tuple[Key, list[float], Period, Period]] = []
    for key, agg in groups.items():
        p0, p1 = _periods_of(key[1], key[2], by)
        if p0.key == p1.key:
            exact[p0.key].append((key, agg))
        else:
            coarse.append((key, agg, p0, p1))
    total = int(sum(agg[0] for agg in groups.values()))
    n_coarse = int(sum(c[1][0] for c in coarse))
    table = DyadTable(a, b, by, split, [], _coverage(groups), total, n_coarse)
    if not groups:
        table.reason = f"no reports between {a.name} and {b.name}" + _window_text(lo, hi)
        return table
    if not exact:
        table.reason = (
            f"every one of the {total} reports between {a.name} and {b.name} is known only "
            f"coarser than a {by}; none can be counted in a {by} bin (try a larger --by)"
        )
        return table
    days = [k[1] for group in exact.values() for k, _ in group]
    first = lo or min(days)
    last = hi or max(k[2] for group in exact.values() for k, _ in group)
    table.rows = list(_rows(exact, coarse, classes, split, first, last, by))
    return table


def _window_text(lo: date | None, hi: date | None) -> str:
    if lo is None and hi is None:
        return ""
    return f" from {lo or 'the start'} to {hi or 'the end'}"


def _rows(
    exact: dict[str, list[tuple[Key, list[float]]]],
    coarse: list[tuple[Key, list[float], Period, Period]],
    classes: tuple[str, ...],
    split: str,
    first: date,
    last: date,
    by: str,
) -> Iterator[DyadRow]:
    for p in periods(first, last, by):
        row = DyadRow(p.key, p.start, p.end, _empty(classes), _empty(classes))
        for key, agg in exact.get(p.key, ()):
            row.counts[key[3]][_class_of(key, split)] += int(agg[0])
            row.goldstein.add(int(agg[1]), agg[2], agg[3])
            row.intensity.add(int(agg[4]), agg[5], agg[6])
        for key, agg, p0, p1 in coarse:
            if p0.start <= p.start and p.end <= p1.end:
                row.coarser[key[3]][_class_of(key, split)] += int(agg[0])
        yield row


def force_marks(
    source: Store | Iterable[Report],
    a: Side,
    b: Side,
    *,
    start: date | None = None,
    end: date | None = None,
) -> list[ForceMark]:
    """The one-sided reports of force (:data:`~diplograph.query.sides.FORCE_TYPES`) by either side.

    A report with a doer of side A or B, no target and a type of force (a
    missile test) is between no one, so :func:`dyad` does not count it; the
    chart marks it. In a store, ``queries/dyad-force.rq``.
    """
    from .sides import FORCE_TYPES

    owner = {m: a.id for m in a.members} | {m: b.id for m in b.members}
    marks: dict[tuple[str, str, str, date, date], int] = defaultdict(int)
    if isinstance(source, Store):
        for key, n in _store_force(source, owner, sorted(FORCE_TYPES), start, end):
            marks[key] += n
    else:
        for r in source:
            if r.target_actor is not None or r.source_actor not in owner or r.type is None:
                continue
            first, last = r.date.earliest, r.date.latest
            if r.type.value not in FORCE_TYPES:
                continue
            if (start is not None and last < start) or (end is not None and first > end):
                continue
            marks[(owner[r.source_actor], r.type.value, r.source, first, last)] += 1
    return [ForceMark(*k, n) for k, n in sorted(marks.items())]


def _store_force(
    store: Store, owner: dict[str, str], types: list[str], lo: date | None, hi: date | None
) -> Iterator[tuple[tuple[str, str, str, date, date], int]]:
    import pyoxigraph as ox

    from ..rdf.vocab import EVENT_TYPE
    from .rows import day_literal, id_of, iri_of
    from .templates import run

    answer = run(
        store,
        "dyad-force",
        actor=[iri_of("actor", m) for m in sorted(owner)],
        type=[ox.NamedNode(f"{EVENT_TYPE}{t}") for t in types],
        lo=None if lo is None else day_literal(lo),
        hi=None if hi is None else day_literal(hi),
    )
    for s in answer:
        kind = term_text(s["type"])[len(str(EVENT_TYPE)) :]
        yield (
            (
                owner[id_of(s["actor"])],
                kind,
                id_of(s["src"]),
                date.fromisoformat(term_text(s["earliest"])),
                date.fromisoformat(term_text(s["latest"])),
            ),
            int(term_text(s["n"])),
        )
