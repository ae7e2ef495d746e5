"""Dyad speed: one busy dyad over N reports in an on-disk store, against baselines in the same run.

Generates N synthetic reports (Zipf-skewed actors in 40 states of 5 members
each, dates 2010-2019 at mixed precision: 80% days, 15% months, 5% years;
CAMEO codes, Goldstein values on most rows), writes them through the reports'
RDF mapping into an on-disk store the way ``diplograph import --store`` does
(kept under /tmp/diplograph-bench/, so later runs reuse it), and times
:func:`diplograph.query.dyad.dyad` for the busiest pair of sides (``state-0``
and ``state-1`` with their members) by month and by week:

- in the store, from the dyad index written with the reports
  (``queries/dyad-index.rq``: the cells of the sides' member pairs, grouped in
  the store), and apart the chart's marks of one-sided force, from the index
  (``queries/dyad-force-index.rq``) and, in the same run, report by report
  (``queries/dyad-force.rq``, what a store indexed without them answers with),
  on a store opened read-only;
- baseline 1, in the same run: the same table counted report by report
  (``queries/dyad.rq``, what a store without the index answers with);
- baseline 2: a plain pyoxigraph ``COUNT`` of the same
  reports (doer of one side, target of the other, with their two day bounds):
  what reading the dyad's reports costs the engine at all;
- baseline 3: the Python back end over the same reports already in memory as
  records (reading them from files would add to it).

All three must give the same table; each figure is the median of
``--repeat`` runs after one warm-up.

    .venv/bin/python benchmarks/dyad_speed.py --reports 100000
    flock /work/wt/bench.lock .venv/bin/python benchmarks/dyad_speed.py --reports 1000000
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import os
import random
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from diplograph.dates import PartialDate
from diplograph.importers import Report
from diplograph.importers.store import write_store
from diplograph.model import EventType, Source
from diplograph.query import dyad_cells, dyad_store
from diplograph.query.dyad import dyad, force_marks
from diplograph.query.sides import Side
from diplograph.rdf.mapping import record_iri
from diplograph.rdf.store import EmbeddedStore

BENCH = Path("/tmp/diplograph-bench")
STATES = 40
MEMBERS = 5
TYPES = ("talks", "meeting", "visit", "missile_test", "sanctions", None, None, None)


def side(i: int) -> Side:
    return Side(f"state-{i}", f"State {i}", frozenset(actors(i)))


def actors(i: int) -> list[str]:
    return [f"state-{i}", *(f"state-{i}-member-{m}" for m in range(1, MEMBERS))]


def reports(n: int, seed: int = 0) -> Iterator[Report]:
    """``n`` synthetic reports; about a tenth between state 0 and state 1."""
    rng = random.Random(seed)
    weights = [1 / (k + 1) for k in range(STATES)]
    start = date(2010, 1, 1)
    for i in range(n):
        a, b = rng.choices(range(STATES), weights, k=2)
        if a == b:
            b = (a + 1) % STATES
        day = start + timedelta(days=rng.randrange(3652))
        p = rng.random()
        when = PartialDate.from_date(day)
        if p > 0.95:
            when = PartialDate(day.year)
        elif p > 0.8:
            when = PartialDate(day.year, day.month)
        root = rng.randint(1, 20)
        code = f"{root:02d}{rng.randint(0, 9)}"
        one_sided = rng.random() < 0.03
        yield Report.model_construct(
            id=f"r{i}",
            source=f"src-{i % 3}",
            date=when,
            type=None if (k := rng.choice(TYPES)) is None else EventType(k),
            cameo=code,
            source_actor=rng.choice(actors(a)),
            target_actor=None if one_sided else rng.choice(actors(b)),
            actors=(),
            goldstein=round(rng.uniform(-10, 10), 1) if rng.random() < 0.9 else None,
            intensity=None,
            quad_class=None,
            file="synthetic",
            row=i + 1,
        )


def store_for(n: int) -> Path:
    folder = BENCH / f"dyad-index-force-{n}"  # a store whose index holds the force quads
    if (folder / "done").is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    sources = [Source(id=f"src-{i}", title=f"Source {i}") for i in range(3)]
    with EmbeddedStore(folder) as store:
        quads = write_store(store, itertools.chain(sources, reports(n)))
    (folder / "done").write_text("ok")
    print(f"wrote {n:,} reports ({quads:,} quads) into {folder} in {time.perf_counter() - t:.1f} s")
    return folder


def import_cost(n: int) -> None:
    """What the index costs the import: the same reports written with it and without it."""
    from diplograph.rdf.io import ntriples_pieces

    sources = [Source(id=f"src-{i}", title=f"Source {i}") for i in range(3)]
    folder = BENCH / f"dyad-import-cost-{n}"
    times = {}
    for how in ("without the index", "with the index"):
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        with EmbeddedStore(folder) as store:
            records = itertools.chain(sources, reports(n))
            if how == "with the index":
                write_store(store, records)
            else:  # what add_records wrote before the index
                store.add_ntriples(ntriples_pieces(records))
            quads = len(store)
        times[how] = time.perf_counter() - t
        print(f"{n:,} reports {how}: {times[how]:.1f} s, {quads:,} quads")
    shutil.rmtree(folder, ignore_errors=True)
    ratio = times["with the index"] / times["without the index"]
    print(f"the index makes the write {ratio:.2f}x as long")


def raw_count(store: ox.Store, a: Side, b: Side) -> int:
    """Baseline: the reports from one side to the other, with their day bounds, counted."""

    def values(side: Side) -> str:
        return " ".join(f"<{record_iri('actor', m)}>" for m in sorted(side.members))

    q = f"""PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT (COUNT(*) AS ?n) WHERE {{
  {{ VALUES ?s {{ {values(a)} }} ?r dg:sourceActor ?s ; dg:targetActor ?t .
     VALUES ?t {{ {values(b)} }} }}
  UNION
  {{ VALUES ?s {{ {values(b)} }} ?r dg:sourceActor ?s ; dg:targetActor ?t .
     VALUES ?t {{ {values(a)} }} }}
  ?r sem:hasEarliestBeginTimeStamp ?e ; sem:hasLatestEndTimeStamp ?l .
}}"""
    return int(next(iter(store.query(q)))[0].value)  # type: ignore[index]


def report_marks(store: EmbeddedStore, a: Side, b: Side) -> Any:
    """Baseline: the marks found report by report, as a store indexed without them is."""
    index_force = dyad_store._index_force
    dyad_store._index_force = lambda *args: None  # type: ignore[assignment]
    try:
        return force_marks(store, a, b)
    finally:
        dyad_store._index_force = index_force


def per_report_dyad(store: EmbeddedStore, a: Side, b: Side, by: str) -> Any:
    """Baseline: the table counted report by report, as a store without the index is."""
    index_groups = dyad_cells.index_groups
    dyad_cells.index_groups = lambda *args: None  # type: ignore[assignment]
    try:
        return dyad(store, a, b, by=by, marks=False)
    finally:
        dyad_cells.index_groups = index_groups


CPU: dict[str, float] = {}
"""The median CPU seconds of the last :func:`timed` call of each name (the machine is shared)."""


def timed(f: Callable[[], Any], repeat: int, name: str = "") -> tuple[float, Any]:
    """Median wall seconds of ``repeat`` runs after a warm-up (CPU seconds in ``CPU[name]``)."""
    result = f()
    times, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = f()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU[name] = statistics.median(cpu)
    return statistics.median(times), result


def rows(t: Any) -> list[Any]:
    return [(r.period, r.counts, r.coarser, r.goldstein.n) for r in t.rows]


def same(x: Any, y: Any) -> bool:
    """The same counts in both tables, and Goldstein means equal but for rounding."""
    means = all(
        math.isclose(p.goldstein.mean, q.goldstein.mean, abs_tol=1e-9)
        for p, q in zip(x.rows, y.rows, strict=True)
        if p.goldstein.n
    )
    return rows(x) == rows(y) and means


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-python",
        action="store_true",
        help="leave out baseline 3 (the reports as records in memory: minutes and GBs at 1M)",
    )
    parser.add_argument(
        "--import-cost",
        type=int,
        metavar="N",
        help="instead: write N reports into two new stores, with the index and without it",
    )
    args = parser.parse_args()
    if args.import_cost:
        import_cost(args.import_cost)
        return
    folder = store_for(args.reports)
    print(f"{date.today()}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    a, b = side(0), side(1)
    records: list[Report] | None = None
    if not args.no_python:
        gc.disable()
        t = time.perf_counter()
        records = list(reports(args.reports))
        made = time.perf_counter() - t
        gc.enable()
        print(f"{args.reports:,} reports as records in memory: {made:.1f} s to make")
    store = EmbeddedStore(folder, read_only=True)
    r_time, n_raw = timed(lambda: raw_count(store.native, a, b), args.repeat)
    print(
        f"baseline: raw pyoxigraph COUNT of the {n_raw:,} directed reports: {r_time * 1000:,.0f} ms"
    )
    for by in ("month", "week"):
        s_time, in_store = timed(
            lambda by=by: dyad(store, a, b, by=by, marks=False), args.repeat, "index"
        )
        b_time, per_report = timed(lambda by=by: per_report_dyad(store, a, b, by), 1, "report")
        python = ""
        if records is not None:
            p_time, in_python = timed(lambda by=by: dyad(records, a, b, by=by, marks=False), 1)
            assert same(in_store, in_python), "the index and the Python back end disagree"
            python = f"; Python over records {p_time * 1000:,.0f} ms"
        assert same(in_store, per_report), "the index and the per-report query disagree"
        counted = sum(r.total() for r in in_store.rows)
        print(
            f"by {by:5}: {in_store.reports:,} reports in the dyad ({counted:,} in a bin, "
            f"{in_store.coarser:,} coarser): index {s_time * 1000:,.0f} ms "
            f"(CPU {CPU['index'] * 1000:,.0f} ms); per-report query {b_time * 1000:,.0f} ms "
            f"(CPU {CPU['report'] * 1000:,.0f} ms): the index {b_time / s_time:.1f}x faster "
            f"({CPU['report'] / CPU['index']:.1f}x in CPU); index = {s_time / r_time:.2f}x the "
            f"raw COUNT{python}"
        )
    m_time, marks = timed(lambda: force_marks(store, a, b), args.repeat, "marks")
    o_time, old_marks = timed(lambda: report_marks(store, a, b), 1, "old marks")
    assert marks == old_marks, "the marks from the index and from the reports disagree"
    print(
        f"marks: {sum(m.reports for m in marks):,} one-sided reports of force in "
        f"{len(marks):,} marks: index {m_time * 1000:,.0f} ms (CPU {CPU['marks'] * 1000:,.0f} ms); "
        f"per-report query {o_time * 1000:,.0f} ms (CPU {CPU['old marks'] * 1000:,.0f} ms): "
        f"the index {o_time / m_time:.1f}x faster"
    )
    t_time, _ = timed(lambda: dyad(store, a, b, by="month"), args.repeat)
    print(f"by month with the marks (the chart's queries): {t_time * 1000:,.0f} ms")
    print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
