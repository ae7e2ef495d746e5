"""Import speed: GDELT-shaped rows parsed into reports, beside splitting the same lines.

Generates ``--rows`` GDELT 2.0 rows from the value distributions of the real
sample files (each actor, event and place block is drawn from a real row, so
codes, names and places keep their real coupling; ids are new), then measures
in the same run:

* the floor: reading the file and splitting each line on tabs, nothing else;
* ``read_gdelt``: parsing, actor resolution against the shipped graph, and
  building validated reports, streamed (nothing kept);
* the same stream clustered and linked by ``reconcile`` (which keeps a small
  tuple per report, not the report).

and prints rows/s and the peak resident memory after each step.

Not measured yet: writing the reports into an on-disk store beside pyoxigraph's
own bulk load of the same quads. That comparison needs the report's RDF mapping
(a report kind registered for the RDF export), which does not exist yet.

    .venv/bin/python benchmarks/import_speed.py --rows 1000000
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import diplograph
from diplograph.importers import ActorResolver, Totals, read_gdelt, reconcile
from diplograph.importers.gdelt import V2_COLUMNS

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "gdelt"
BLOCKS = [(5, 15), (15, 25), (25, 35), (35, 43), (43, 51), (51, 59), (60, 61)]
"""Column ranges drawn together: actor 1, actor 2, the event, three places, the URL."""


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def real_rows(folder: Path) -> list[list[str]]:
    rows = []
    for path in sorted(folder.glob("v2_*")):
        if "mentions" in path.name or "gkg" in path.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) == len(V2_COLUMNS):
                rows.append(cells)
    return rows


def generate(path: Path, n: int, rows: list[list[str]], seed: int = 12) -> None:
    rng = random.Random(seed)
    days = [r[1] for r in rows]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            cells = [""] * len(V2_COLUMNS)
            day = rng.choice(days)
            cells[0], cells[1], cells[2], cells[3] = str(10**9 + i), day, day[:6], day[:4]
            cells[4] = rows[0][4]
            for lo, hi in BLOCKS:
                cells[lo:hi] = rng.choice(rows)[lo:hi]
            cells[59] = day + "000000"
            fh.write("\t".join(cells) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    args = parser.parse_args()
    rows = real_rows(args.samples)
    if not rows:
        sys.exit(f"no GDELT 2.0 sample rows in {args.samples}")
    kg = diplograph.load(diplograph.bundled_data())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.tsv"
        t0 = time.perf_counter()
        generate(path, args.rows, rows)
        size = path.stat().st_size / 1e6
        print(
            f"generated {args.rows:,} rows ({size:,.0f} MB) from {len(rows):,} real rows "
            f"in {time.perf_counter() - t0:.1f}s"
        )

        t0 = time.perf_counter()
        with open(path, encoding="utf-8") as fh:
            n = sum(1 for line in fh if len(line.split("\t")) == len(V2_COLUMNS))
        floor = time.perf_counter() - t0
        print(f"split lines only     : {n / floor:>10,.0f} rows/s  peak {peak_mb():,.0f} MB")

        totals, resolver = Totals(str(path)), ActorResolver(kg)
        t0 = time.perf_counter()
        for _ in read_gdelt(path, resolver=resolver, totals=totals):
            pass
        took = time.perf_counter() - t0
        print(
            f"read_gdelt (reports): {totals.imported / took:>10,.0f} rows/s  "
            f"peak {peak_mb():,.0f} MB  ({floor / took:.2f}x the floor; "
            f"{sum(totals.skipped.values())} skipped, {len(resolver.new)} new actors, "
            f"{len(resolver.sources)} sources)"
        )

        resolver = ActorResolver(kg)
        t0 = time.perf_counter()
        rec = reconcile(read_gdelt(path, resolver=resolver), kg, resolver)
        both = time.perf_counter() - t0
        print(
            f"read_gdelt + reconcile: {totals.imported / both:>8,.0f} rows/s  "
            f"peak {peak_mb():,.0f} MB  (reconcile alone about {both - took:.1f}s for "
            f"{totals.imported:,} reports: {len(rec.clusters):,} clusters, {rec.linked} linked, "
            f"{len(rec.proposals):,} proposed)"
        )


if __name__ == "__main__":
    main()
