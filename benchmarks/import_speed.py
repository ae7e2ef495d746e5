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

Then, each in a fresh child process so that its peak memory is its own:

* ``store``: the rows streamed through ``read_gdelt`` and the RDF mapping into
  an on-disk store (``write_store``: N-Triples text in batches for pyoxigraph's
  bulk loader, the next batch made while the loader writes one), as
  ``diplograph import gdelt --store`` does, without the reconciliation;
* ``bulk``: pyoxigraph's own ``bulk_load`` of the same quads from an N-Quads
  file (written beforehand, not timed): the baseline.

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


def store_child(path: Path, folder: Path) -> None:
    """Import ``path`` into an on-disk store in ``folder``; print rows/s and peak memory."""
    from diplograph.importers.store import write_store
    from diplograph.rdf.store import open_store

    kg = diplograph.load(diplograph.bundled_data())
    totals, resolver = Totals(str(path)), ActorResolver(kg)
    t0 = time.perf_counter()
    with open_store(folder) as store:
        added = write_store(store, read_gdelt(path, resolver=resolver, totals=totals))
    took = time.perf_counter() - t0
    print(
        f"import into a store  : {totals.rows / took:>10,.0f} rows/s  peak {peak_mb():,.0f} MB  "
        f"({added:,} quads in {took:.1f}s)"
    )
    print(f"RESULT {took}")


def bulk_child(nquads: Path, folder: Path, rows: int) -> None:
    """pyoxigraph's bulk load of ``nquads`` into a fresh store in ``folder``."""
    import pyoxigraph as ox

    t0 = time.perf_counter()
    store = ox.Store(str(folder))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    took = time.perf_counter() - t0
    print(
        f"pyoxigraph bulk_load : {rows / took:>10,.0f} rows/s  peak {peak_mb():,.0f} MB  "
        f"({len(store):,} quads in {took:.1f}s)"
    )
    print(f"RESULT {took}")


def write_nquads(path: Path, out: Path) -> None:
    """The quads ``write_store`` would add, as an N-Quads file (all in the default graph)."""
    from diplograph.rdf.io import ntriples_pieces

    kg = diplograph.load(diplograph.bundled_data())
    resolver = ActorResolver(kg)
    with open(out, "wb") as fh:
        for piece in ntriples_pieces(read_gdelt(path, resolver=resolver)):
            fh.write(piece)


def child(args: list[str]) -> float:
    """Run this script with ``args`` in a fresh process; print its lines, return its time."""
    import subprocess

    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    took = 0.0
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            took = float(line.split()[1])
        else:
            print(line, flush=True)
    return took


def compare_stores(path: Path, tmp: Path, rows: int) -> None:
    t0 = time.perf_counter()
    nquads = tmp / "events.nq"
    write_nquads(path, nquads)
    print(
        f"(wrote the same quads as N-Quads, {nquads.stat().st_size / 1e6:,.0f} MB, "
        f"in {time.perf_counter() - t0:.1f}s: not timed below)",
        flush=True,
    )
    ours = child(["--child", "store", str(path), str(tmp / "store-import")])
    bulk = child(["--child", "bulk", str(nquads), str(tmp / "store-bulk"), str(rows)])
    print(f"import into a store at {bulk / ours:.2f}x the speed of pyoxigraph's bulk_load")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--store-only", action="store_true", help="Only the store comparison.")
    args = parser.parse_args()
    if args.child:
        what, *rest = args.child
        if what == "store":
            store_child(Path(rest[0]), Path(rest[1]))
        else:
            bulk_child(Path(rest[0]), Path(rest[1]), int(rest[2]))
        return
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
            f"in {time.perf_counter() - t0:.1f}s",
            flush=True,
        )
        if args.store_only:
            compare_stores(path, Path(tmp), args.rows)
            return

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
            f"{len(rec.proposals):,} proposed)",
            flush=True,
        )
        compare_stores(path, Path(tmp), args.rows)


if __name__ == "__main__":
    main()
