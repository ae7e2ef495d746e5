"""Dyad speed: one busy dyad over N reports in the on-disk store, against the Python back end.

Generates N synthetic reports (Zipf-skewed actors in 40 states of 5 members
each, dates 2010-2019 at mixed precision: 80% days, 15% months, 5% years;
CAMEO codes, Goldstein values on most rows), bulk-loads them into an on-disk
pyoxigraph store (kept in the temporary folder, so later runs reuse it), and
times :func:`diplograph.query.dyad.dyad` for the busiest pair of sides
(``state-0`` and ``state-1`` with their members) by month and by week:

- in the store: one aggregation query (``queries/dyad.rq``) plus the marks
  query (``queries/dyad-force.rq``), on a store opened read-only;
- the baseline, in the same run: the Python back end over the same reports
  already in memory as records (reading them from files would add to it).

Both must give the same table; each figure is the median of ``--repeat`` runs
after one warm-up.

Until reports are a registered record kind, the quads are written by the
stand-in in ``tests/_report_rdf.py``, which writes the predicates of the
reports' RDF mapping that the query reads.

    .venv/bin/python benchmarks/dyad_speed.py --reports 1000000
    .venv/bin/python benchmarks/dyad_speed.py --reports 20000      # a quick run
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from _report_rdf import report_triples  # noqa: E402

from diplograph.dates import PartialDate  # noqa: E402
from diplograph.importers import Report  # noqa: E402
from diplograph.model import EventType  # noqa: E402
from diplograph.query.dyad import dyad  # noqa: E402
from diplograph.query.sides import Side  # noqa: E402
from diplograph.rdf.store import EmbeddedStore  # noqa: E402

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
    folder = Path(tempfile.gettempdir()) / f"diplograph-bench-dyad-{n}"
    if (folder / "done").is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    t = time.perf_counter()
    store = ox.Store(str(folder))
    store.bulk_extend(report_triples(reports(n)))
    store.flush()
    del store
    (folder / "done").write_text("ok")
    print(f"loaded {n:,} reports into {folder} in {time.perf_counter() - t:.1f} s")
    return folder


def timed(f: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = f()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def rows(t: Any) -> list[Any]:
    return [(r.period, r.counts, r.coarser, r.goldstein.n) for r in t.rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = store_for(args.reports)
    a, b = side(0), side(1)
    gc.disable()
    t = time.perf_counter()
    records = list(reports(args.reports))
    made = time.perf_counter() - t
    gc.enable()
    print(f"{args.reports:,} reports as records in memory: {made:.1f} s to make")
    store = EmbeddedStore(folder, read_only=True)
    for by in ("month", "week"):
        s_time, in_store = timed(lambda by=by: dyad(store, a, b, by=by), args.repeat)
        p_time, in_python = timed(lambda by=by: dyad(records, a, b, by=by), args.repeat)
        assert rows(in_store) == rows(in_python), "the two back ends disagree"
        counted = sum(r.total() for r in in_store.rows)
        print(
            f"by {by:5}: {in_store.reports:,} reports in the dyad ({counted:,} in a bin, "
            f"{in_store.coarser:,} coarser, {sum(m.reports for m in in_store.force):,} marks): "
            f"store {s_time * 1000:,.0f} ms, Python {p_time * 1000:,.0f} ms, "
            f"ratio {p_time / s_time:.1f}x"
        )


if __name__ == "__main__":
    main()
