"""Query latency: the analysts' questions on a synthetic graph in the on-disk store, against rdflib.

Builds a synthetic collection (``synthetic.py``: real records, Zipf-skewed
actors, mixed date precision), turns it into quads with the real RDF mapping,
bulk-loads it once into an on-disk pyoxigraph store (kept, so later runs reuse
it), then times the three questions through the public functions of
``diplograph.query``, exactly as the CLI runs them:

- ``events --actor A --actor B --from --to``  (``query.events``)
- ``meetings A B``                          (``query.meetings``)
- ``statements --by A``                     (``query.statements``)

for two pairs of actors: the two busiest (tens of thousands of events each at
1M) and a pair from the middle of the distribution. Each figure is the median
of ``--repeat`` runs after one warm-up run.

The baseline is rdflib's in-memory SPARQL running the very same query texts
(through a small ``Store`` adapter defined here), on a smaller collection
(``--rdflib-events``, default 5,000): rdflib needs ~1 KB per triple, so 1M
events (~37M triples) do not fit a 24 GB machine, and its engine evaluates
these queries in seconds to tens of seconds already at a few thousand events.
The on-disk store is timed at that size too, so the ratio is measured on the
same data and the same query texts.

    .venv/bin/python benchmarks/query_latency.py --events 1000000 --rdflib-events 5000
    .venv/bin/python benchmarks/query_latency.py --events 20000      # a quick run
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import records, sizes

from diplograph import query
from diplograph.rdf.mapping import record_iri, to_triples
from diplograph.rdf.store import EmbeddedStore, Solutions, Store, term_text

SEED = 0


def quads(events: int) -> Iterable[ox.Quad]:
    """Every triple of the synthetic collection through the real mapping, in the default graph.

    This is what :meth:`Store.load` adds for a knowledge graph, without holding
    a million records in memory first.
    """
    for record in records(events, seed=SEED):
        for t in to_triples(record):
            yield ox.Quad(t.subject, t.predicate, t.object)


def disk_store(events: int, folder: Path, *, rebuild: bool) -> tuple[EmbeddedStore, str]:
    """The on-disk store of ``events`` events in ``folder``, bulk-loaded unless already there.

    The records are written as N-Triples by the real exporter (streamed, no
    collection held), then the file is bulk-loaded by pyoxigraph and removed:
    several times faster than adding Python quads one by one, the same triples.
    """
    from diplograph.rdf.io import write_rdf

    marker = folder / "diplograph-benchmark.json"
    expected = {"events": events, "seed": SEED, "graph": "default"}
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    if marker.is_file() and json.loads(marker.read_text()) == expected:
        store = EmbeddedStore(folder, read_only=True)
        return store, f"reused {folder} ({len(store):,} quads)"
    if folder.exists():
        shutil.rmtree(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    nt = folder.with_name(folder.name + ".nt")
    t0 = time.perf_counter()
    write_rdf(records(events, seed=SEED), nt, format="ntriples")
    written = time.perf_counter() - t0
    native = ox.Store(str(folder))
    native.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    native.optimize()
    added = len(native)
    del native
    gc.collect()
    nt.unlink()
    seconds = time.perf_counter() - t0
    marker.write_text(json.dumps(expected))
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    note = (
        f"bulk-loaded {added:,} quads into {folder} in {seconds:.0f} s ({written:.0f} s to "
        f"write them as N-Triples from the generated records; {size / 2**30:.1f} GiB)"
    )
    return EmbeddedStore(folder, read_only=True), note


class RdflibStore(Store):
    """rdflib's in-memory Dataset behind the same interface, for the baseline."""

    def __init__(self) -> None:
        from rdflib import Dataset

        self.ds = Dataset(default_union=True)

    @staticmethod
    def _to_rdflib(term: Any) -> Any:
        from rdflib import Literal, URIRef

        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return Literal(term.value, lang=term.language)
            return Literal(term.value, datatype=URIRef(term.datatype.value))
        raise TypeError(term)

    @staticmethod
    def _to_ox(term: Any) -> Any:
        from rdflib import Literal, URIRef

        if term is None:
            return None
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            dt = term.datatype or "http://www.w3.org/2001/XMLSchema#string"
            return ox.Literal(str(term), datatype=ox.NamedNode(str(dt)))
        return ox.BlankNode(str(term))

    def add(self, quads: Iterable[ox.Quad]) -> int:
        from rdflib import URIRef

        before = len(self)
        graphs: dict[str, Any] = {}
        for q in quads:
            g = q.graph_name
            key = "" if isinstance(g, ox.DefaultGraph) else g.value
            if key not in graphs:
                graphs[key] = self.ds.default_graph if key == "" else self.ds.graph(URIRef(key))
            graphs[key].add(
                (
                    self._to_rdflib(q.subject),
                    self._to_rdflib(q.predicate),
                    self._to_rdflib(q.object),
                )
            )
        return len(self) - before

    def __len__(self) -> int:
        return sum(len(g) for g in self.ds.graphs())

    def query(self, sparql: str) -> Solutions:
        result = self.ds.query(sparql)
        if result.type == "ASK":
            return Solutions("ask", boolean=bool(result.askAnswer))
        variables = tuple(str(v) for v in result.vars or ())
        rows = [tuple(self._to_ox(row[v]) for v in variables) for row in result]
        return Solutions("select", variables, rows)


def median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, int]:
    """Median time of ``fn`` in ms over ``repeat`` runs (after a warm-up), and its row count."""
    n = len(fn())
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), n


def pairs(store: Store, events: int) -> list[tuple[str, str, str]]:
    """Three pairs of actors who share events: the two busiest, a middle one, a rare one.

    The second actor of the middle and rare pairs is the first actor's most
    frequent counterpart among actors no busier than it, found with the
    shipped ``counterparts`` query.
    """
    n_actors = sizes(events)["actors"]
    out = [("actor-0", "actor-1", "busiest")]
    for k, what in ((n_actors // 200, "middle"), (n_actors // 10, "rare")):
        a = f"actor-{k}"
        mates = query.run(store, "counterparts", actor=ox.NamedNode(record_iri("actor", a)))
        for row in mates:
            other = term_text(row["other"]).rsplit("/", 1)[1]
            if int(other.split("-")[1]) > k:
                out.append((a, other, what))
                break
    return out


def questions(pairs: list[tuple[str, str, str]]) -> list[tuple[str, Callable[[Store], Any]]]:
    """The timed questions for each pair of actors."""
    out: list[tuple[str, Callable[[Store], Any]]] = []
    for a, b, what in pairs:
        out += [
            (
                f"events --actor {a} --actor {b} --from 2010 --to 2014 ({what})",
                lambda s, a=a, b=b: query.events(s, actors=[a, b], start="2010", end="2014"),
            ),
            (f"meetings {a} {b} ({what})", lambda s, a=a, b=b: query.meetings(s, a, b)),
            (f"statements --by {a} ({what})", lambda s, a=a: query.statements(s, by=a)),
        ]
    return out


class Recorder(Store):
    """A store that passes queries through and keeps their texts (what a question asks)."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def __len__(self) -> int:
        return len(self.inner)

    def add(self, quads: Iterable[ox.Quad]) -> int:
        return self.inner.add(quads)

    def query(self, sparql: str) -> Solutions:
        self.texts.append(sparql)
        return self.inner.query(sparql)


def run(
    label: str, store: Store, asked: list[tuple[str, str, str]], repeat: int
) -> dict[str, tuple[float, int]]:
    """Time each question; on pyoxigraph, beside the raw engine running the same query texts.

    Baselines in the same run: ``raw`` is pyoxigraph itself running every query
    the question sent (no binding, no checks, no rows built), ``raw select``
    the first query that picks the records alone (the counts of the actors'
    events left out).
    """
    print(f"\n{label}")
    native = store.native if isinstance(store, EmbeddedStore) else None
    out = {}
    for i, (name, fn) in enumerate(questions(asked)):
        ms, n = median_ms(lambda fn=fn: fn(store), repeat)
        out[f"q{i}"] = (ms, n)
        if native is None:
            print(f"  {ms:9.1f} ms  {n:>6} rows  {name}")
            continue
        rec = Recorder(store)
        fn(rec)
        texts = rec.texts
        picks = [t for t in texts if "COUNT(*) AS ?n" not in t][:1]
        raw, _ = median_ms(lambda ts=texts: [list(native.query(t)) for t in ts], repeat)
        pick, _ = median_ms(lambda ts=picks: [list(native.query(t)) for t in ts], repeat)
        print(
            f"  {ms:9.1f} ms  {n:>6} rows  {name}\n"
            f"  {'':9}     raw pyoxigraph, its {len(texts)} queries: {raw:.1f} ms "
            f"({ms / raw:.1f}x); the selecting query alone: {pick:.1f} ms"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the big graph")
    parser.add_argument(
        "--rdflib-events",
        type=int,
        default=5_000,
        help="events for the rdflib baseline (and the on-disk store at the same size); 0: none",
    )
    parser.add_argument("--store", type=Path, default=None, help="folder of the on-disk store")
    parser.add_argument("--repeat", type=int, default=11, help="timed runs per query")
    parser.add_argument(
        "--rdflib-repeat", type=int, default=1, help="timed runs per query on rdflib (slow)"
    )
    parser.add_argument("--rebuild", action="store_true", help="reload even if the store exists")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="read --store as it is (e.g. made by 'diplograph load --store'), never rebuild it",
    )
    args = parser.parse_args()

    print(f"diplograph query latency; pyoxigraph {ox.__version__}; median of {args.repeat} runs")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    folder = args.store or Path(f"/tmp/diplograph-bench-{args.events}")
    if args.existing:
        if args.store is None or not folder.is_dir():
            parser.error(f"--existing needs the folder of a store in --store (got {folder})")
        store, note = EmbeddedStore(folder, read_only=True), f"existing store {folder}"
    else:
        store, note = disk_store(args.events, folder, rebuild=args.rebuild)
    print(f"on-disk store: {note}")
    print(f"synthetic sizes at {args.events:,} events: {sizes(args.events)}")
    big_pairs = pairs(store, args.events)
    big = run(f"pyoxigraph on disk, {args.events:,} events", store, big_pairs, args.repeat)
    store.close()

    under = sum(ms < 50 for ms, _ in big.values())
    print(
        f"\nat {args.events:,} events, {under} of {len(big)} medians are under 50 ms (the target); "
        f"load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    if args.rdflib_events <= 0:
        return
    small_n = min(args.rdflib_events, args.events)
    if small_n < args.events:
        print(
            f"\nThe rdflib baseline runs at {small_n:,} events, not {args.events:,}: rdflib needs "
            "~1 KB per triple in memory, and its engine takes seconds per query already at a "
            "few thousand events. The on-disk store is timed at that size too, for the ratio."
        )
        small_store, note = disk_store(small_n, Path(f"{folder}-{small_n}"), rebuild=args.rebuild)
        print(f"on-disk store: {note}")
        small_pairs = pairs(small_store, small_n)
        small = run(
            f"pyoxigraph on disk, {small_n:,} events", small_store, small_pairs, args.repeat
        )
        small_store.close()
    else:
        small_pairs = big_pairs
        small = big
    rdf = RdflibStore()
    gc.disable()
    t0 = time.perf_counter()
    added = rdf.add(quads(small_n))
    gc.enable()
    print(f"\nrdflib Dataset: {added:,} quads built in {time.perf_counter() - t0:.0f} s")
    base = run(f"rdflib in memory, {small_n:,} events", rdf, small_pairs, args.rdflib_repeat)
    print(f"\nrdflib / pyoxigraph on disk at {small_n:,} events (same data, same query texts):")
    for (name, _), key in zip(questions(small_pairs), small, strict=True):
        ratio = base[key][0] / small[key][0]
        same = "same rows" if base[key][1] == small[key][1] else "ROW COUNTS DIFFER"
        print(f"  {ratio:7.1f}x  {same:<9}  {name}")


if __name__ == "__main__":
    main()
