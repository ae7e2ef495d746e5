"""Search speed: building the index and answering queries, against a scan, at 10k-1M events.

For each size a synthetic collection with made-up words in its labels,
statements and quotes (``synthetic.py``, ``words=True``: Zipf-skewed words, as
in text) is turned into index entries, the same entries ``diplograph search``
reads from a store. Then, in the same run:

- **build**: the seconds to build the FTS5 index (``SearchIndex.build``) from
  the entries; up to ``--store-events`` events, also the seconds to read the
  entries from an embedded store's triples (``pieces_from_store``), which is
  what a first search on a store pays;
- **query**: the median latency of ``SearchIndex.search`` over a fixed set of
  queries (a rare word, a common one, two words, a three-word phrase);
- **baseline**: the same queries answered by a linear scan of the entries in
  Python (fold, split, count the query words in each entry, keep the top 10),
  and, up to ``--store-events``, by a SPARQL ``FILTER(REGEX(...))`` over the
  store, the way one would search without an index.

    .venv/bin/python benchmarks/search_speed.py                  # 10k, 100k, 1M
    .venv/bin/python benchmarks/search_speed.py --sizes 10000    # a quick run
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate, vocabulary

from diplograph.rdf.store import open_store
from diplograph.search import Piece, SearchIndex, pieces_from_graph, pieces_from_store


def queries() -> list[str]:
    """The queries timed: a rare word, a common one, two words, a phrase (same every run)."""
    vocab = vocabulary()
    return [vocab[15_000], vocab[3], f"{vocab[40]} {vocab[700]}", " ".join(vocab[10:13])]


def scan(pieces: list[Piece], text: str, limit: int = 10) -> list[tuple[int, str]]:
    """The baseline: every entry read, its words counted against the query's."""
    wanted = {w.casefold() for w in re.findall(r"\w+", text)}
    scored = []
    for kind, rid, _field, words, _source in pieces:
        found = sum(1 for w in re.findall(r"\w+", words.casefold()) if w in wanted)
        if found:
            scored.append((-found, f"{kind}/{rid}"))
    scored.sort()
    return scored[:limit]


def sparql_regex(store: Any, text: str) -> int:
    """The other baseline: a SPARQL REGEX filter over every text in the store."""
    words = "|".join(re.findall(r"\w+", text))
    answer = store.query(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?r WHERE { { ?r dg:text ?t } UNION { ?r rdfs:label ?t } "
        f'FILTER (REGEX(?t, "{words}", "i")) }} LIMIT 10'
    )
    return len(answer)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def run_size(events: int, repeat: int, store_events: int) -> None:
    t = time.perf_counter()
    kg = generate(events, words=True)
    made = time.perf_counter() - t
    from_store = None
    store = None
    if events <= store_events:
        store = open_store()
        store.load(kg)
        t = time.perf_counter()
        pieces = list(pieces_from_store(store))
        from_store = time.perf_counter() - t
    else:
        pieces = list(pieces_from_graph(kg))
    del kg
    gc.collect()
    t = time.perf_counter()
    index = SearchIndex.build(pieces)
    built = time.perf_counter() - t
    read = f", read from the store's triples in {from_store:.1f} s" if from_store else ""
    print(
        f"\n{events:,} events: {len(pieces):,} entries (made in {made:.1f} s{read}); "
        f"index built in {built:.1f} s"
    )
    print(f"  {'query':<44} {'index':>10} {'scan':>11} {'SPARQL regex':>13} {'hits':>5}")
    for q in queries():
        indexed = median_ms(lambda q=q: index.search(q), repeat)
        scanned = median_ms(lambda q=q: scan(pieces, q), max(1, repeat // 5))
        regex = (
            f"{median_ms(lambda q=q: sparql_regex(store, q), max(1, repeat // 5)):>10.1f} ms"
            if store is not None
            else f"{'-':>13}"
        )
        hits = len(index.search(q))
        print(f"  {q:<44} {indexed:>7.2f} ms {scanned:>8.1f} ms {regex} {hits:>5}")
    index.close()
    if store is not None:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=11, help="Runs per query (median).")
    parser.add_argument(
        "--store-events",
        type=int,
        default=100_000,
        help="Up to this size, also read the entries from a store and time SPARQL REGEX.",
    )
    args = parser.parse_args()
    for events in args.sizes:
        run_size(events, args.repeat, args.store_events)


if __name__ == "__main__":
    main()
