"""Export speed: ``write_rdf`` in each format on a synthetic graph, beside the bare serializers.

For each size, prints the triples the exporter writes and, for each step, triples
per second, wall time and the peak RSS of a fresh process doing only that step:

* ``mapping only``: records -> the mapping's triples (``rows_of``, plain strings);
* ``write_rdf`` in each format (mapping + text + atomic file), from a knowledge graph
  (``--formats`` picks them; Turtle always);
* ``write_rdf turtle, streamed``: the same from a record generator (no collection held;
  the time includes making the records);
* baselines on the same triples: ``pyoxigraph.serialize`` of the ready-made pyoxigraph
  triples (the serializer floor; building those triples is not counted) in Turtle and
  N-Triples, and ``write_rdf(profile="owl-time")`` (what the default mapping saves);
  above ``--baseline-max`` events, where holding every pyoxigraph triple does not fit in
  memory, the serializer is timed on chunks of 10,000 records' ready-made triples, one
  chunk held at a time (only the ``serialize`` calls are timed);
* at sizes up to ``--rdflib-max``: rdflib building a ``Graph`` and writing N-Triples;
* paired: ``write_rdf`` and ``pyoxigraph.serialize`` alternating in one process,
  timed in processor seconds, so a shared machine's load hits neither; the
  firmest ratio (both are single-threaded).

The headline is Turtle export over pyoxigraph's Turtle serializer, as a ratio of rates.
Each step runs in its own process, so a peak RSS is that step's own (data included).

    .venv/bin/python benchmarks/export_speed.py --events 10000 100000
    .venv/bin/python benchmarks/export_speed.py --events 1000000 --runs 1 --formats turtle
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXT = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld"}


def median_time(runs: int, fn: Callable[[], object]) -> float:
    """Median wall time of ``runs`` calls, in seconds (collector run before each)."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu_time(fn: Callable[[], object]) -> float:
    """The processor time of one call, in seconds: what a busy shared machine leaves firm."""
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(step: str, events: int, runs: int) -> dict[str, Any]:
    """Run one step in this (fresh) process; return seconds, peak RSS and a size."""
    import pyoxigraph as ox
    from synthetic import generate, records

    from diplograph.rdf.io import FORMATS, write_rdf
    from diplograph.rdf.mapping import rows_of, to_triples

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if step == "streamed":
            path = Path(tmp) / "out.ttl"
            out["seconds"] = median_time(
                runs, lambda: write_rdf(records(events), path, format="turtle")
            )
            out["mb"] = path.stat().st_size / 1e6
            out["peak"] = _peak_mb()
            return out
        kg = generate(events)
        out["data_peak"] = _peak_mb()
        if step == "count":
            out["triples"] = sum(len(rows_of(r).rows()) for r in kg.records())
            out["owl_time"] = sum(len(rows_of(r, profile="owl-time").rows()) for r in kg.records())
            out["records"] = len(kg)
        elif step == "mapping":
            out["seconds"] = median_time(
                runs, lambda: sum(len(rows_of(r).rows()) for r in kg.records())
            )
        elif step.startswith("write:"):
            fmt, _, profile = step[len("write:") :].partition(":")
            path = Path(tmp) / f"out.{EXT[fmt]}"
            out["seconds"] = median_time(
                runs,
                lambda: write_rdf(kg, path, format=fmt, profile=profile or "default"),
            )
            out["mb"] = path.stat().st_size / 1e6
        elif step.startswith("chunked:"):
            fmt = step[len("chunked:") :]
            out["seconds"] = _chunked(kg.records(), FORMATS[fmt])
        elif step.startswith("raw:"):
            fmt = step[len("raw:") :]
            triples = [t for r in kg.records() for t in to_triples(r)]
            del kg
            gc.collect()
            out["seconds"] = median_time(
                runs, lambda: ox.serialize(triples, io.BytesIO(), FORMATS[fmt])
            )
        elif step.startswith("paired:"):
            fmt = step[len("paired:") :]
            path = Path(tmp) / f"out.{EXT[fmt]}"
            triples = [t for r in kg.records() for t in to_triples(r)]
            gc.collect()
            ours, theirs = [], []
            for _ in range(runs):  # alternating, so a change in the machine's load hits both
                ours.append(cpu_time(lambda: write_rdf(kg, path, format=fmt)))
                theirs.append(cpu_time(lambda: ox.serialize(triples, io.BytesIO(), FORMATS[fmt])))
            out["seconds"] = statistics.median(ours)
            out["baseline"] = statistics.median(theirs)
            out["ratios"] = [b / a for a, b in zip(ours, theirs, strict=True)]
        elif step == "rdflib":
            import rdflib

            def build() -> rdflib.Graph:
                g = rdflib.Graph()
                for t in (t for r in kg.records() for t in to_triples(r)):
                    g.add(tuple(_rdflib(x) for x in (t.subject, t.predicate, t.object)))  # type: ignore[arg-type]
                return g

            start = time.perf_counter()
            g = build()
            out["build"] = time.perf_counter() - start
            start = time.perf_counter()
            g.serialize(format="nt")
            out["seconds"] = time.perf_counter() - start
    out["peak"] = _peak_mb()
    return out


def _chunked(records: Any, fmt: Any, size: int = 10_000) -> float:
    """Seconds of ``pyoxigraph.serialize`` over every record's triples, made (untimed) and
    written ``size`` records at a time into one stream."""
    import itertools

    import pyoxigraph as ox

    from diplograph.rdf.mapping import to_triples

    sink = io.BytesIO()
    total = 0.0
    it = iter(records)
    while chunk := list(itertools.islice(it, size)):
        triples = [t for r in chunk for t in to_triples(r)]
        gc.collect()
        start = time.perf_counter()
        ox.serialize(triples, sink, fmt)
        total += time.perf_counter() - start
        sink.seek(0)
        sink.truncate()
    return total


def _rdflib(term: object) -> object:
    import pyoxigraph as ox
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    assert isinstance(term, ox.Literal)
    dt = term.datatype.value
    if dt.endswith("#string"):
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt))


def run_step(step: str, events: int, runs: int) -> dict[str, Any]:
    here = Path(__file__).resolve().parent
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", step, str(events), str(runs)],
        capture_output=True,
        text=True,
        cwd=here,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--formats", nargs="+", default=list(EXT), choices=list(EXT), help="write_rdf formats"
    )
    parser.add_argument("--rdflib-max", type=int, default=10_000)
    parser.add_argument(
        "--baseline-max",
        type=int,
        default=100_000,
        help="above this size, time pyoxigraph's serializer on chunks of ready-made triples and "
        "skip the other baselines (at 1M the ready-made pyoxigraph triples alone need about 20 GB)",
    )
    parser.add_argument(
        "--paired-only", action="store_true", help="only the paired runs (the firmest ratios)"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, events, runs = args.child
        print(json.dumps(child(step, int(events), int(runs))))
        return
    for n in args.events:
        counts = run_step("count", n, 1)
        count = int(counts["triples"])
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(
            f"\n{n:,} events, {int(counts['records']):,} records: {count:,} triples written "
            f"({int(counts['owl_time']):,} with the owl-time profile); median of {args.runs}; "
            f"the data alone peaks at {counts['data_peak']:,.0f} MB; "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {load}"
        )

        def line(label: str, r: dict[str, Any], triples: int = count) -> str:
            rate = triples / r["seconds"] / 1e6
            size = f"  {r['mb']:7.1f} MB" if "mb" in r else " " * 12
            return (
                f"  {label:<38}{rate:6.2f} M triples/s ({r['seconds']:7.2f} s){size}"
                f"  peak {r['peak']:7,.0f} MB"
            )

        if args.paired_only:
            paired(n, args)
            continue
        print(line("mapping only (rows_of)", run_step("mapping", n, args.runs)))
        results = {}
        for fmt in dict.fromkeys(["turtle", *args.formats]):
            results[fmt] = run_step(f"write:{fmt}", n, args.runs)
            print(line(f"write_rdf {fmt}", results[fmt]))
        streamed = run_step("streamed", n, args.runs)
        print(line("write_rdf turtle, streamed*", streamed))
        print("  * streamed: from a record generator, making the records counted in the time")
        if n > args.baseline_max:
            raw = run_step("chunked:turtle", n, 1)
            print(line("baseline pyoxigraph.serialize turtle**", raw))
            print("  ** on 10,000 records' ready-made triples at a time (all do not fit in memory)")
            for label, r in (
                ("write_rdf turtle", results["turtle"]),
                ("streamed (making the records counted)", streamed),
            ):
                ratio = raw["seconds"] / r["seconds"]
                print(f"  => {label} at {ratio:.2f}x pyoxigraph's Turtle serializer (goal >= 0.5x)")
            print(f"  load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
            continue
        owl = run_step("write:turtle:owl-time", n, args.runs)
        print(line("baseline write_rdf turtle, owl-time", owl, int(counts["owl_time"])))
        raw = {}
        for fmt in ("turtle", "ntriples"):
            raw[fmt] = run_step(f"raw:{fmt}", n, args.runs)
            print(line(f"baseline pyoxigraph.serialize {fmt}", raw[fmt]))
        if n <= args.rdflib_max:
            r = run_step("rdflib", n, 1)
            print(
                f"  baseline rdflib Graph build        {count / r['build'] / 1e6:6.2f} M triples/s"
            )
            print(line("baseline rdflib serialize nt", r))
        ratio = raw["turtle"]["seconds"] / results["turtle"]["seconds"]
        print(f"  => Turtle export at {ratio:.2f}x pyoxigraph's Turtle serializer (goal >= 0.5x)")
        if "ntriples" in results:
            ratio = raw["ntriples"]["seconds"] / results["ntriples"]["seconds"]
            print(f"  => N-Triples export at {ratio:.2f}x pyoxigraph's N-Triples serializer")
        paired(n, args)
        print(f"  load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


def paired(n: int, args: argparse.Namespace) -> None:
    """write_rdf and pyoxigraph.serialize alternating in one process: the firmest ratio."""
    for fmt in ("turtle", "ntriples"):
        if fmt in args.formats or fmt == "turtle":
            r = run_step(f"paired:{fmt}", n, max(args.runs, 5))
            ratios = ", ".join(f"{x:.2f}" for x in r["ratios"])
            print(
                f"  => paired in one process, alternating, processor time: write_rdf {fmt} "
                f"{r['seconds']:.2f} s, pyoxigraph.serialize {r['baseline']:.2f} s "
                f"(medians of {len(r['ratios'])}): "
                f"{r['baseline'] / r['seconds']:.2f}x (each pair: {ratios})"
            )


if __name__ == "__main__":
    main()
