"""The dyad counted in a SPARQL store: one aggregation query, a few hundred groups back.

``queries/dyad.rq`` groups the reports between two sides by source, the
periods of their first and last possible day, direction and class, and sums
the Goldstein values and intensities and their squares; nothing per report
leaves the store. The periods come back as the Python bins name them
(:func:`~diplograph.query.bins.period`), except ISO weeks, which the query
numbers by their Monday (``7 * n + 1`` is the Monday's proleptic Gregorian
ordinal), so the same table follows from either back end.

Examples
--------
>>> week_period("105302").key
'2019-W09'
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pyoxigraph as ox

from ..rdf.store import Store, Term, term_text
from .bins import Period, period
from .groups import QUADS, UNCLASSIFIED, Group, Key, Spread
from .sides import Side

__all__ = ["store_force", "store_groups", "week_period"]


def week_period(number: str) -> Period:
    """The ISO week that ``queries/dyad.rq`` numbers ``number`` (its Monday: ordinal 7n + 1)."""
    return period(date.fromordinal(7 * int(number) + 1), "week")


def _period(key: str, by: str) -> Period:
    if by == "week":
        if "W" in key:  # the index's key, 2019-W09
            return period(date.fromisocalendar(int(key[:4]), int(key[6:]), 1), by)
        return week_period(key)
    if by == "day":
        return period(date.fromisoformat(key), by)
    year = int(key[:4])
    if by == "month":
        return period(date(year, int(key[5:7]), 1), by)
    if by == "quarter":
        return period(date(year, 3 * int(key[-1]) - 2, 1), by)
    return period(date(year, 1, 1), by)


def _class(split: str, cls: Term | None, root: Term | None) -> str:
    if split == "root":
        return "none" if root is None else f"{int(term_text(root)):02d}"
    n = 0 if cls is None else int(term_text(cls))
    return QUADS[n - 1] if 1 <= n <= 4 else UNCLASSIFIED


def _spread(n: Term | None, total: Term | None, squares: Term | None) -> Spread:
    count = 0 if n is None else int(term_text(n))
    if not count:
        return Spread()
    return Spread(count, float(term_text(total)), float(term_text(squares)))


def store_groups(
    store: Store,
    a: Side,
    b: Side,
    by: str,
    split: str,
    lo: date | None,
    hi: date | None,
    *,
    joint_only: bool = False,
) -> dict[Key, Group]:
    """The groups of :func:`~diplograph.query.dyad.dyad_groups`, counted by ``queries/dyad.rq``.

    ``joint_only``: the joint reports alone (the directed ones come from the index).
    """
    from .rows import day_literal, id_of, iri_of
    from .templates import run

    side_a = [iri_of("actor", m) for m in sorted(a.members)]
    side_b = [iri_of("actor", m) for m in sorted(b.members)]
    directed_a: list[ox.NamedNode] = [] if joint_only else side_a
    directed_b: list[ox.NamedNode] = [] if joint_only else side_b
    answer = run(
        store,
        "dyad",
        **dict.fromkeys(("sa", "ta"), directed_a),
        **dict.fromkeys(("sb", "tb"), directed_b),
        **dict.fromkeys(("ja", "ja2", "xa", "ya"), side_a),
        **dict.fromkeys(("jb", "jb2", "xb", "yb"), side_b),
        lo=day_literal(lo or date(1, 1, 1)),
        hi=day_literal(hi or date(9999, 12, 31)),
        by=ox.Literal(by),
        split=ox.Literal(split),
    )
    periods: dict[str, Period] = {}
    groups: dict[Key, Group] = {}
    for s in answer:
        p0, p1 = term_text(s["p0"]), term_text(s["p1"])
        for p in (p0, p1):
            if p not in periods:
                periods[p] = _period(p, by)
        key: Key = (
            id_of(s["src"]),
            periods[p0],
            periods[p1],
            term_text(s["dir"]),
            _class(split, s.get("cls"), s.get("root")),
        )
        g = Group(
            int(term_text(s["n"])),
            date.fromisoformat(term_text(s["first"])),
            date.fromisoformat(term_text(s["last"])),
            _spread(s.get("gn"), s.get("gs"), s.get("gq")),
            _spread(s.get("in"), s.get("is"), s.get("iq")),
        )
        if key in groups:  # by root, rows of different quad classes share a key
            _merge(groups[key], g)
        else:
            groups[key] = g
    return groups


def _merge(into: Group, g: Group) -> None:
    into.n += g.n
    into.first, into.last = min(into.first, g.first), max(into.last, g.last)
    into.goldstein.add(g.goldstein.n, g.goldstein.total, g.goldstein.squares)
    into.intensity.add(g.intensity.n, g.intensity.total, g.intensity.squares)


def store_force(
    store: Store, owner: dict[str, str], types: list[str], lo: date | None, hi: date | None
) -> Iterator[tuple[tuple[str, str, str, date, date], int]]:
    """The one-sided reports of force by ``owner``'s actors, grouped by type, source and days.

    From the store's dyad index (``queries/dyad-force-index.rq``) when it
    holds the reports of force, else report by report
    (``queries/dyad-force.rq``); the same groups either way.
    """
    found = _index_force(store, owner, types, lo, hi)
    if found is not None:
        yield from found
        return
    yield from _report_force(store, owner, types, lo, hi)


def _index_force(
    store: Store, owner: dict[str, str], types: list[str], lo: date | None, hi: date | None
) -> list[tuple[tuple[str, str, str, date, date], int]] | None:
    """The groups of :func:`store_force` from the index, or ``None`` when it does not hold them."""
    from ..rdf.dyad_index import FORCE
    from .templates import run

    answer = run(store, "dyad-force-index", g=[ox.NamedNode(f"{FORCE}{m}") for m in sorted(owner)])
    wanted = set(types)
    out: list[tuple[tuple[str, str, str, date, date], int]] = []
    complete = False
    for s in answer:
        key = term_text(s["key"])
        if key == "index":
            complete = True
            continue
        kind, rest = key[len(FORCE) :].split("/", 1)
        source, day = rest.rsplit("/", 1)
        if kind not in wanted:
            continue
        first = date.fromisoformat(day)
        last = date.fromisoformat(term_text(s["latest"]))
        if (lo is not None and last < lo) or (hi is not None and first > hi):
            continue
        doer = term_text(s["g"])[len(FORCE) :]
        out.append(((owner[doer], kind, source, first, last), int(term_text(s["n"]))))
    return out if complete else None


def _report_force(
    store: Store, owner: dict[str, str], types: list[str], lo: date | None, hi: date | None
) -> Iterator[tuple[tuple[str, str, str, date, date], int]]:
    """The groups of :func:`store_force`, report by report (``queries/dyad-force.rq``)."""
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
