"""Name resolution on a store: what a query command pays to turn "Actor 17" into an id.

In 0.1 a query command on a store loaded the whole YAML folder just to resolve
its names; now :class:`diplograph.names.Names` asks the store. This script
builds a synthetic collection (``synthetic.py``), writes it as a YAML folder
and bulk-loads it into an on-disk store (``query_latency.disk_store``), then
times, as medians of ``--repeat`` runs with a fresh :class:`Names` each time
(one command's worth):

- an actor by id (one selective query),
- an actor by name and by a misspelled name (every actor's names are read),
- an event by its label (every event's label is read),
- a place by part of its name,

against the baseline measured in the same run: the 0.1 way, loading the YAML
folder and calling ``kg.resolve_actor``.

    .venv/bin/python benchmarks/name_resolution.py --events 20000
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_latency import disk_store
from synthetic import generate

import diplograph
from diplograph.errors import UnknownNameError
from diplograph.names import Names
from diplograph.rdf.store import Store


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def misspelled(store: Store) -> None:
    with contextlib.suppress(UnknownNameError):
        Names(store).actor("Actr 17")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, help="Where to keep the store (default: temporary).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.folder or Path(tmp)
        store, note = disk_store(args.events, base / f"names-{args.events}", rebuild=False)
        print(f"{args.events:,} events: {note}")
        kg = generate(args.events)
        data = base / f"yaml-{args.events}"
        if not data.exists():
            diplograph.dump(kg, data)
        place = next(iter(kg.places.values())).name
        rows = [
            ("actor by id", lambda: Names(store).actor("actor-17")),
            ("actor by name", lambda: Names(store).actor("actor 17")),
            ("actor, misspelled (near matches)", lambda: misspelled(store)),
            ("event by its label ('event 17')", lambda: Names(store).event("event 17")),
            ("place by name", lambda: Names(store).place(place)),
        ]
        baseline = median_ms(
            lambda: diplograph.load(data).resolve_actor("actor 17"), max(1, args.repeat // 2)
        )
        print(f"baseline, 0.1: load the YAML folder + kg.resolve_actor: {baseline:,.1f} ms")
        for label, fn in rows:
            ms = median_ms(fn, args.repeat)
            print(f"{label:<40} {ms:>10,.2f} ms   {baseline / ms:>8,.0f}x faster than the baseline")
        store.close()


if __name__ == "__main__":
    main()
