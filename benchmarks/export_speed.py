"""Export speed: ``write_rdf`` in each format on a synthetic graph, beside the bare serializers.

For each size, prints triples per second for:

* ``to_triples``: the mapping alone (records -> pyoxigraph triples, one record at a time);
* ``write_rdf`` in each of the five formats (mapping + serializer + atomic file);
* baselines, measured in the same run on the same triples: ``pyoxigraph.serialize`` of the
  ready-made triple list (the serializer floor) and rdflib building a ``Graph`` and
  serializing it as Turtle and N-Triples (what an rdflib-based exporter would cost).

    .venv/bin/python benchmarks/export_speed.py --events 10000 100000
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from synthetic import generate

from diplograph.rdf.io import FORMATS, write_rdf
from diplograph.rdf.mapping import to_triples

EXT = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld"}


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Median wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rdflib_term(term: object) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    assert isinstance(term, ox.Literal)
    dt = term.datatype.value
    if dt.endswith("#string"):
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--rdflib-max", type=int, default=20_000, help="skip the rdflib baseline above this size"
    )
    parser.add_argument(
        "--rdflib-turtle-max",
        type=int,
        default=2_000,
        help="skip rdflib's Turtle serializer above this size (it ran over 8 minutes at 10k)",
    )
    args = parser.parse_args()
    for n in args.events:
        kg = generate(n)
        count = sum(len(to_triples(r)) for r in kg.records())
        print(f"\n{n:,} events, {len(kg):,} records, {count:,} triples (median of {args.runs})")

        def rate(seconds: float, count: int = count) -> str:
            return f"{count / seconds / 1e6:6.2f} M triples/s  ({seconds:6.2f} s)"

        t = best_of(args.runs, lambda kg=kg: sum(len(to_triples(r)) for r in kg.records()))
        print(f"  mapping only (to_triples)           {rate(t)}")
        with tempfile.TemporaryDirectory() as tmp:
            for fmt in FORMATS:
                path = Path(tmp) / f"out.{EXT[fmt]}"
                t = best_of(
                    args.runs, lambda kg=kg, fmt=fmt, path=path: write_rdf(kg, path, format=fmt)
                )
                size = path.stat().st_size / 1e6
                print(f"  write_rdf {fmt:<9}                 {rate(t)}  {size:7.1f} MB")
        # the baselines get the triples ready-made; built only now, as holding them slows
        # everything measured while they are alive (more objects for the cyclic collector)
        triples = [t for r in kg.records() for t in to_triples(r)]
        for fmt in ("turtle", "ntriples"):
            t = best_of(
                args.runs,
                lambda fmt=fmt, triples=triples: ox.serialize(triples, io.BytesIO(), FORMATS[fmt]),
            )
            print(f"  baseline pyoxigraph.serialize {fmt:<9}{rate(t)}")
        if n <= args.rdflib_max:
            g = rdflib.Graph()

            def build(g: rdflib.Graph = g, triples: list[ox.Triple] = triples) -> None:
                g.remove((None, None, None))
                for tr in triples:
                    g.add(
                        (rdflib_term(tr.subject), rdflib_term(tr.predicate), rdflib_term(tr.object))
                    )

            t = best_of(1, build)
            print(f"  baseline rdflib Graph build         {rate(t)}")
            for fmt in ("nt", "turtle"):
                if fmt == "turtle" and n > args.rdflib_turtle_max:
                    print(f"  (rdflib Turtle skipped above {args.rdflib_turtle_max:,} events)")
                    continue
                t = best_of(1, lambda fmt=fmt, g=g: g.serialize(format=fmt))
                print(f"  baseline rdflib serialize {fmt:<9}  {rate(t)}")
        else:
            print(f"  (rdflib baseline skipped above {args.rdflib_max:,} events)")


if __name__ == "__main__":
    main()
