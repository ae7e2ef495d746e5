"""The networkx view on a synthetic collection: build, ego networks, paths, co-participation, files.

Builds a synthetic collection (``synthetic.py``: real records, Zipf-skewed
actors, mixed date precision) and times, through the public functions of
``diplograph.graph`` and ``diplograph.export.graphml``:

- ``to_networkx(kg)``: building the typed MultiDiGraph; the baseline is
  ``nx.MultiDiGraph.add_edges_from`` over the same (u, v, key, attrs) tuples
  prepared in advance, the floor for any networkx build;
- ``ego(kg, actor, radius=1)`` on a prebuilt graph (median over random
  actors); the baseline is ``nx.ego_graph(G, actor, radius=1,
  undirected=True)``, which copies the whole graph on every call;
- ``path(kg, a, b)`` between random actors (median); the baseline is
  ``nx.shortest_path`` on a simple undirected copy of the actor, event and
  statement nodes built once beforehand (its build time is printed too; it
  gives one shortest path, not the preferred one, and no steps);
- ``co_participation(kg)`` and ``centrality(kg, measure="degree")`` once;
- ``write_graphml`` against networkx's own ``write_graphml`` of the same graph
  (which writes duplicate edge ids, so is not valid GraphML, but is the floor).

    .venv/bin/python benchmarks/graph_build.py --events 10000 100000
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate

from diplograph.export.graphml import write_graphml
from diplograph.graph import (
    DEFAULT_THROUGH,
    centrality,
    co_participation,
    ego,
    path,
    to_networkx,
)
from diplograph.graph.walk import simple_graph


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def median_ms(fn: Callable[[Any], Any], args: list[Any]) -> float:
    return statistics.median(timed(lambda a=a: fn(a))[0] for a in args) * 1000


def run(events: int, *, repeat: int, seed: int) -> None:
    rng = random.Random(seed)
    gc.disable()  # the bulk build is faster without cyclic collection (PERFORMANCE.md)
    t_gen, kg = timed(lambda: generate(events, seed=seed))
    gc.enable()
    print(f"\n== {events:,} events ({len(kg):,} records; generated in {t_gen:.1f} s)")

    t_build, G = timed(lambda: to_networkx(kg))
    n, m = G.number_of_nodes(), G.number_of_edges()
    nodes = list(G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True))

    def floor() -> nx.MultiDiGraph:
        H = nx.MultiDiGraph()
        H.add_nodes_from(nodes)
        H.add_edges_from(edges)
        return H

    t_floor, _ = timed(floor)
    print(f"to_networkx            {t_build:8.2f} s   {n:,} nodes, {m:,} edges")
    print(f"  baseline add_*_from  {t_floor:8.2f} s   ratio {t_build / t_floor:.1f}x")

    actors = [f"actor:{a}" for a in kg.actors]
    sample = rng.sample(actors, min(repeat, len(actors)))
    ours = median_ms(lambda a: ego(kg, a, radius=1, graph=G), sample)
    slow = sample[: max(1, min(3, repeat // 5))]
    theirs = median_ms(lambda a: nx.ego_graph(G, a, radius=1, undirected=True), slow)
    print(f"ego radius 1 (median)  {ours:8.2f} ms")
    print(
        f"  baseline ego_graph   {theirs:8.2f} ms  (undirected=True, {len(slow)} calls) "
        f"ratio {theirs / ours:.0f}x"
    )

    pairs = [tuple(rng.sample(actors, 2)) for _ in range(repeat)]
    ours = median_ms(lambda p: path(kg, p[0], p[1], graph=G), pairs)
    t_copy, S = timed(lambda: simple_graph(G, DEFAULT_THROUGH))
    theirs = median_ms(lambda p: nx.shortest_path(S, p[0], p[1]), pairs)
    print(f"path (median)          {ours:8.2f} ms")
    print(
        f"  baseline shortest_path {theirs:6.2f} ms  on a simple copy built once in "
        f"{t_copy:.2f} s; ratio {ours / theirs:.0f}x"
    )

    t_co, C = timed(lambda: co_participation(kg))
    print(f"co_participation       {t_co:8.2f} s   {C.number_of_edges():,} weighted pairs")
    t_deg, _ = timed(lambda: centrality(kg, graph=G))
    print(f"centrality degree      {t_deg:8.2f} s")

    with tempfile.TemporaryDirectory() as d:
        ours_s, written = timed(lambda: write_graphml(G, Path(d) / "g.graphml"))
        size = written.stat().st_size / 1e6
        theirs_s, _ = timed(lambda: nx.write_graphml(G, Path(d) / "raw.graphml"))
    print(f"write_graphml          {ours_s:8.2f} s   {size:.0f} MB, {size / ours_s:.0f} MB/s")
    print(f"  baseline nx.write    {theirs_s:8.2f} s   ratio {ours_s / theirs_s:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=21, help="calls per median")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for events in args.events:
        run(events, repeat=args.repeat, seed=args.seed)


if __name__ == "__main__":
    main()
