"""The dyad counted from the store's dyad index: cells, not reports.

A store written by :meth:`~diplograph.rdf.store.Store.add_records` keeps,
beside every report with a doer and a target, its cell in the week and month
bins with its class, days and scores (:mod:`diplograph.rdf.dyad_index`).
``queries/dyad-index.rq`` scans the index graphs of the sides' member pairs
and groups them by cell in the store; here the cells become the groups of
:func:`~diplograph.query.dyad.dyad_groups`, with quarters and years made from
month cells. The joint reports (both sides among the other actors) are few
and still counted report by report (``queries/dyad.rq``, its joint branch).

The table is the one the report-by-report query gives. Only the parts of a
group the table reads are filled: a cell's first and last day and its scores
are those of all its reports (the scores kept on one of its groups), which
gives the same periods, coverage and means. :func:`index_groups` returns
``None`` (count report by report) when the store's index is not complete, for
day bins (which the index does not hold), and for a window whose ends are not
ends of the bin's periods (a cell cannot say which of its reports fall before
a day inside its period).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from ..rdf.dyad_index import INDEX, PARTS, cell_parts, graph
from ..rdf.store import EmbeddedStore, Store, term_text
from .bins import Period, period
from .groups import QUADS, UNCLASSIFIED, Group, Key, Spread
from .rows import id_of
from .sides import Side

__all__ = ["index_groups"]


@dataclass
class _Cell:
    first: date | None = None
    last: date | None = None
    goldstein: Spread = field(default_factory=Spread)
    intensity: Spread = field(default_factory=Spread)
    counts: list[tuple[str, str, int]] = field(default_factory=list)


def _aligned(lo: date | None, hi: date | None, bin: str) -> bool:
    return (lo is None or period(lo, bin).start == lo) and (hi is None or period(hi, bin).end == hi)


def _pairs(store: EmbeddedStore, a: Side, b: Side) -> dict[str, list[tuple[str, str]]] | None:
    """The member pairs with reports in the index, per direction (``None``: no complete index)."""
    from .templates import run

    def doers(side: Side) -> list[ox.NamedNode]:
        return [ox.NamedNode(f"{INDEX}doer/{m}") for m in sorted(side.members)]

    def targets(side: Side) -> list[ox.Literal]:
        return [ox.Literal(m) for m in sorted(side.members)]

    answer = run(store, "dyad-pairs", da=doers(a), db=doers(b), ta=targets(a), tb=targets(b))
    found: dict[str, list[tuple[str, str]]] = {"a_to_b": [], "b_to_a": []}
    complete = False
    for s in answer.rows:
        direction = term_text(s[0])
        if direction == "index":
            complete = True
        else:
            found[direction].append((id_of(s[1]), term_text(s[2])))
    return found if complete else None


def _graphs(pairs: list[tuple[str, str]], bin: str, part: str) -> list[ox.NamedNode]:
    return [ox.NamedNode(graph(bin, part, d, t)) for d, t in pairs]


def _label(split: str, value: str) -> str:
    if split == "root":
        return value
    n = int(value)
    return QUADS[n - 1] if 1 <= n <= 4 else UNCLASSIFIED


def _cells(store: EmbeddedStore, a: Side, b: Side, bin: str, split: str) -> dict[str, _Cell] | None:
    from .templates import bind, template

    pairs = _pairs(store, a, b)
    if pairs is None:
        return None
    if not pairs["a_to_b"] and not pairs["b_to_a"]:
        return {}
    both = pairs["a_to_b"] + pairs["b_to_a"]
    class_part = "quad" if split == "quad" else "root"
    text = bind(
        template("dyad-index"),
        ab=_graphs(pairs["a_to_b"], bin, class_part),
        ba=_graphs(pairs["b_to_a"], bin, class_part),
        **{p: _graphs(both, bin, p) for p in PARTS[2:]},
    )
    cells: dict[str, _Cell] = {}
    # the template's own text, on the store it was made for: its terms read straight
    for s in store.native.query(text):  # type: ignore[union-attr]
        part = s["part"].value
        iri = s["cell"].value
        if part == "class":
            iri, cls = iri.rsplit("/", 1)
        cell = cells.get(iri)
        if cell is None:
            cell = cells[iri] = _Cell()
        if part == "class" or part == "last":
            top = date.fromisoformat(s["top"].value)
            cell.last = top if cell.last is None else max(cell.last, top)
        if part == "class":
            first = date.fromisoformat(s["day"].value)
            cell.first = first if cell.first is None else min(cell.first, first)
            cell.counts.append((s["dir"].value, _label(split, cls), int(s["n"].value)))
        elif part == "goldstein" or part == "intensity":
            sums = Spread(int(s["n"].value), float(s["sum"].value), float(s["squares"].value))
            setattr(cell, part, sums)
    return cells


def index_groups(
    store: Store, a: Side, b: Side, by: str, split: str, lo: date | None, hi: date | None
) -> dict[Key, Group] | None:
    """The groups of the dyad from the index, or ``None`` when it cannot give them."""
    from .dyad_store import _period, store_groups

    stored = "week" if by == "week" else "month"
    if by == "day" or not _aligned(lo, hi, stored):
        return None
    if not isinstance(store, EmbeddedStore):  # only an embedded store keeps the index
        return None
    cells = _cells(store, a, b, stored, split)
    if cells is None:
        return None
    periods: dict[str, Period] = {}
    groups: dict[Key, Group] = {}
    for iri, cell in cells.items():
        source, k0, k1 = cell_parts(iri)
        for k in (k0, k1):
            if k not in periods:
                periods[k] = _period(k, stored)
        p0, p1 = periods[k0], periods[k1]
        if (lo is not None and p1.end < lo) or (hi is not None and p0.start > hi):
            continue
        if stored != by:
            p0, p1 = period(p0.start, by), period(p1.start, by)
        assert cell.first is not None and cell.last is not None
        scored = False
        for direction, label, n in cell.counts:
            key: Key = (source, p0, p1, direction, label)
            g = groups.get(key)
            if g is None:
                g = groups[key] = Group(0, cell.first, cell.last)
            g.n += n
            g.first, g.last = min(g.first, cell.first), max(g.last, cell.last)
            if not scored:  # a cell's scores, once, on one of its groups
                for mine, theirs in ((g.goldstein, cell.goldstein), (g.intensity, cell.intensity)):
                    mine.add(theirs.n, theirs.total, theirs.squares)
                scored = True
    return groups | store_groups(store, a, b, by, split, lo, hi, joint_only=True)
