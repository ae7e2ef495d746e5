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

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ..dates import DateSpan, PartialDate, parse_date
from ..errors import QueryError
from ..importers.report import Report
from ..rdf.dyad_index import quad_number
from ..rdf.store import Store
from .bins import BINS, period, periods
from .groups import QUADS, UNCLASSIFIED, Group, Key, Spread
from .sides import Side

__all__ = [
    "CLASSES",
    "DIRECTIONS",
    "QUADS",
    "UNCLASSIFIED",
    "DyadRow",
    "DyadTable",
    "ForceMark",
    "Group",
    "Spread",
    "class_label",
    "dyad",
    "dyad_groups",
    "force_marks",
    "quad_of",
]

DIRECTIONS = ("a_to_b", "b_to_a", "joint")
"""The directions of a report between sides A and B."""

CLASSES = {"quad": (*QUADS, UNCLASSIFIED), "root": (*(f"{r:02d}" for r in range(1, 21)), "none")}
"""The classes of each split: ``quad`` (quad classes) or ``root`` (CAMEO roots 01 to 20)."""


def quad_of(root: int | None, quad: int | None = None, kind: str | None = None) -> str:
    """The quad class of a report from its CAMEO root, else its own quad class, else its type.

    >>> quad_of(14), quad_of(None, 2), quad_of(None, None, "missile_test"), quad_of(None)
    ('material_conflict', 'material_cooperation', 'material_conflict', 'unclassified')
    """
    n = quad_number(root, quad, kind)
    return QUADS[n - 1] if n else UNCLASSIFIED


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


def class_label(split: str, root: int | None, quad: int | None, kind: str | None) -> str:
    """The class of a report in ``split``: its quad class, or its CAMEO root (``none``).

    >>> class_label("quad", 4, None, None), class_label("root", 4, None, None)
    ('verbal_cooperation', '04')
    """
    if split == "root":
        return "none" if root is None else f"{root:02d}"
    return quad_of(root, quad, kind)


def _report_groups(
    reports: Iterable[Report],
    a: Side,
    b: Side,
    by: str,
    split: str,
    lo: date | None,
    hi: date | None,
) -> dict[Key, Group]:
    groups: dict[Key, Group] = {}
    for r in reports:
        d = _direction(r, a.members, b.members)
        if d is None:
            continue
        first, last = r.date.earliest, r.date.latest
        if (lo is not None and last < lo) or (hi is not None and first > hi):
            continue
        root = int(r.cameo[:2]) if r.cameo else None
        kind = None if r.type is None else r.type.value
        cls = class_label(split, root, r.quad_class, kind)
        key = (r.source, period(first, by), period(last, by), d, cls)
        g = groups.get(key)
        if g is None:
            g = groups[key] = Group(0, first, last)
        g.n += 1
        g.first, g.last = min(g.first, first), max(g.last, last)
        for spread, v in ((g.goldstein, r.goldstein), (g.intensity, r.intensity)):
            if v is not None:
                spread.add(1, v, v * v)
    return groups


def dyad_groups(
    source: Store | Iterable[Report],
    a: Side,
    b: Side,
    *,
    by: str = "month",
    split: str = "quad",
    start: date | None = None,
    end: date | None = None,
) -> dict[Key, Group]:
    """The reports between ``a`` and ``b`` grouped by source, periods, direction and class.

    The periods are those of the first and of the last day a report may fall
    on: the same period when the report is known to the bin or finer. This is
    what the store computes in one query (``queries/dyad.rq``, see
    :mod:`diplograph.query.dyad_store`); the Python back end computes the same
    from records.
    """
    if isinstance(source, Store):
        from .dyad_cells import index_groups
        from .dyad_store import store_groups

        groups = index_groups(source, a, b, by, split, start, end)
        if groups is not None:
            return groups
        return store_groups(source, a, b, by, split, start, end)
    return _report_groups(source, a, b, by, split, start, end)


def _bound(value: date | str | PartialDate | DateSpan | None, last: bool) -> date | None:
    if value is None or isinstance(value, date):
        return value
    when = parse_date(value) if isinstance(value, str) else value
    return when.latest if last else when.earliest


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
    marks: bool = True,
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
    marks
        Also find the one-sided reports of force to mark on the chart
        (:func:`force_marks`, a second query in a store); ``False`` leaves
        :attr:`DyadTable.force` empty.

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
    if marks and not isinstance(source, Store | list | tuple):
        source = list(source)  # read twice: the counts and the marks
    groups = dyad_groups(source, a, b, by=by, split=split, start=lo, end=hi)
    table = _table(groups, a, b, by, split, lo, hi)
    if marks:
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


def _coverage(groups: dict[Key, Group]) -> list[Coverage]:
    out: dict[str, Coverage] = {}
    for key, g in groups.items():
        c = out.get(key[0])
        if c is None:
            out[key[0]] = Coverage(key[0], g.n, g.first, g.last)
        else:
            c.reports += g.n
            c.first, c.last = min(c.first, g.first), max(c.last, g.last)
    return sorted(out.values(), key=lambda c: (-c.reports, c.source))


def _table(
    groups: dict[Key, Group],
    a: Side,
    b: Side,
    by: str,
    split: str,
    lo: date | None,
    hi: date | None,
) -> DyadTable:
    exact: dict[str, list[tuple[Key, Group]]] = defaultdict(list)
    coarse: list[tuple[Key, Group]] = []
    for key, g in groups.items():
        if key[1] == key[2]:
            exact[key[1].key].append((key, g))
        else:
            coarse.append((key, g))
    total = sum(g.n for g in groups.values())
    n_coarse = sum(g.n for _, g in coarse)
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
    first = lo or min(g.first for group in exact.values() for _, g in group)
    last = hi or max(g.last for group in exact.values() for _, g in group)
    table.rows = list(_rows(exact, coarse, CLASSES[split], first, last, by))
    return table


def _window_text(lo: date | None, hi: date | None) -> str:
    if lo is None and hi is None:
        return ""
    return f" from {lo or 'the start'} to {hi or 'the end'}"


def _rows(
    exact: dict[str, list[tuple[Key, Group]]],
    coarse: list[tuple[Key, Group]],
    classes: tuple[str, ...],
    first: date,
    last: date,
    by: str,
) -> Iterator[DyadRow]:
    may: dict[str, list[tuple[Key, Group]]] = defaultdict(list)
    spans: dict[tuple[date, date], list[str]] = {}
    for key, g in coarse:  # each in every period inside its span
        span = (key[1].start, key[2].end)
        inside = spans.get(span)
        if inside is None:
            inside = spans[span] = [
                p.key for p in periods(span[0], min(span[1], last), by) if p.end <= span[1]
            ]
        for k in inside:
            may[k].append((key, g))
    for p in periods(first, last, by):
        row = DyadRow(p.key, p.start, p.end, _empty(classes), _empty(classes))
        for key, g in exact.get(p.key, ()):
            row.counts[key[3]][key[4]] += g.n
            row.goldstein.add(g.goldstein.n, g.goldstein.total, g.goldstein.squares)
            row.intensity.add(g.intensity.n, g.intensity.total, g.intensity.squares)
        for key, g in may.get(p.key, ()):
            row.coarser[key[3]][key[4]] += g.n
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
        from .dyad_store import store_force

        for key, n in store_force(source, owner, sorted(FORCE_TYPES), start, end):
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
