"""Query plans: the busiest-actor questions explained on Oxigraph and timed on Virtuoso 7.

The questions of ``query_latency.py`` (``events --actor A --actor B --from
2010 --to 2014``, ``meetings A B``, ``statements --by A``, for the busiest,
a middle and a rare pair of actors) are asked through the public functions of
``diplograph.query``, and every SPARQL text they send is kept (``Recorder``).
Then, question by question:

- **Oxigraph**: the question's time in the on-disk store, each query's time
  in pyoxigraph, and the plan of each query from the ``oxigraph`` CLI of the
  venv (``oxigraph query --explain --stats``): the strategy of every join,
  the quad patterns in evaluation order with their result counts, and the
  operators that take the time. The CLI opens a store as its primary, so it
  only ever runs on a store this script built (or a copy: ``--existing``).
- **Virtuoso Open Source 7** (Debian's ``virtuoso-opensource``, started on
  free loopback ports by ``tests/_virtuoso.py``): the same triples, written
  as N-Triples, bulk-loaded with ``ld_dir``/``rdf_loader_run`` into a named
  graph; the same questions through diplograph's remote store (the
  ``--endpoint`` path, ``default-graph-uri`` naming the graph) and the same
  query texts; Virtuoso's own profile (``profile('SPARQL ...')`` in isql) of
  its slowest query. The server is stopped at the end and on error.

Each question prints both engines' time and rows, whether their answers
agree (row counts, and the rows themselves), and each query's plan summary.
The figures are medians of ``--repeat`` runs after a warm-up; Oxigraph's plan
durations come from an instrumented run, so they are larger than the timed
runs and only their proportions count.

    .venv/bin/python benchmarks/query_plans.py --events 100000
    flock /work/wt/bench.lock .venv/bin/python benchmarks/query_plans.py \\
        --existing --store /tmp/diplograph-bench/qplans/m1-copy --events 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from query_latency import Recorder, disk_store, pairs, questions

from diplograph.query.templates import template, template_names
from diplograph.rdf.store import EmbeddedStore, RemoteStore, Store

GRAPH = "urn:x-diplograph-bench:synthetic"
OXIGRAPH = Path(sys.executable).with_name("oxigraph")  # the CLI of the venv (pip oxigraph)
PREFIXES = {
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:",
    "https://w3id.org/diplograph/ontology#": "dg:",
    "https://w3id.org/diplograph/id/": "id:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "https://schema.org/": "schema:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/oa#": "oa:",
    "https://w3id.org/diplograph/concept/": "c:",
}

# -- Oxigraph's plans ------------------------------------------------------------------------


@dataclass
class PlanNode:
    """One operator of an Oxigraph plan: its name, result count, duration and inputs."""

    name: str
    results: int | None = None
    seconds: float | None = None
    children: list[PlanNode] = field(default_factory=list)

    @property
    def operator(self) -> str:
        """The operator's kind: ``Join``, ``QuadPattern``, ``ForLoopLeftJoin``, ..."""
        return self.name.split("(", 1)[0]

    @property
    def self_seconds(self) -> float:
        """Time spent in this operator itself (its duration less its inputs')."""
        inner = sum(c.seconds or 0.0 for c in self.children)
        return max((self.seconds or 0.0) - inner, 0.0)

    def walk(self) -> Iterator[PlanNode]:
        """This node and every node under it, in the order the plan lists them."""
        yield self
        for child in self.children:
            yield from child.walk()


_NODE = re.compile(r"^(?P<indent> *)(?:tree: )?Node \{$")
_NAME = re.compile(r'^ *name: "(?P<name>(?:[^"\\]|\\.)*)",$')
_RESULTS = re.compile(r"^ *number of results: (?P<n>\d+),$")
_SECONDS = re.compile(r"^ *duration in seconds: (?P<s>[0-9.eE+-]+),$")


def parse_explain(text: str) -> PlanNode:
    """The plan tree of ``oxigraph query --explain --stats`` output (Rust's debug layout).

    Each ``Node {`` opens an operator that its closing brace at the same
    indentation ends; its name, result count and duration are on lines of
    their own.
    """
    stack: list[tuple[int, PlanNode]] = []
    root: PlanNode | None = None
    for line in text.splitlines():
        if m := _NODE.match(line):
            node = PlanNode("")
            if stack:
                stack[-1][1].children.append(node)
            elif root is None:
                root = node
            stack.append((len(m["indent"]), node))
        elif not stack:
            continue
        elif m := _NAME.match(line):
            stack[-1][1].name = json.loads(f'"{m["name"]}"')
        elif m := _RESULTS.match(line):
            stack[-1][1].results = int(m["n"])
        elif m := _SECONDS.match(line):
            stack[-1][1].seconds = float(m["s"])
        elif line.strip() in {"}", "},"} and len(line) - len(line.lstrip()) == stack[-1][0]:
            stack.pop()
    if root is None:
        raise ValueError(f"no plan tree in the explanation (got {text[:200]!r})")
    return root


def short(name: str) -> str:
    """An operator's name with IRIs written as prefixed names and long lists cut."""
    for iri, prefix in PREFIXES.items():
        name = re.sub(rf"<{re.escape(iri)}([^>]*)>", rf"{prefix}\1", name)
    name = re.sub(r"\^\^xsd:\w+", "", name)
    name = re.sub(r"\?[0-9a-f]{32}", "?_", name)  # the engine's own variables
    name = name.replace('(expression = "true")', "")
    return name if len(name) <= 110 else name[:107] + "..."


def _count(node: PlanNode) -> str:
    return "?" if node.results is None else f"{node.results:,}"


def summarize(root: PlanNode, top: int = 3) -> list[str]:
    """The plan in a few lines: joins, quad patterns in order, and where the time goes.

    A join reads ``strategy: left x right -> out`` (result counts of its
    inputs and its own); a quad pattern ``pattern = results (seconds)``; the
    time is the plan's total and the operators with the most time of their
    own (their duration less their inputs').
    """
    nodes = list(root.walk())
    joins: dict[str, int] = {}
    for n in nodes:
        if "Join" in n.operator or n.operator == "Lateral":
            inputs = " x ".join(_count(c) for c in n.children)
            key = f"{short(n.name)} {inputs} -> {_count(n)}"
            joins[key] = joins.get(key, 0) + 1
    patterns = [
        f"{short(n.name)[len('QuadPattern(') : -1]} = {_count(n)} ({n.seconds or 0:.3f} s)"
        for n in nodes
        if n.operator == "QuadPattern"
    ]
    heavy = sorted(nodes, key=lambda n: n.self_seconds, reverse=True)[:top]
    total = root.seconds or 0.0
    where = ", ".join(
        f"{short(n.name)[:60]} {n.self_seconds:.3f} s ({n.self_seconds / total:.0%})"
        for n in heavy
        if total > 0
    )
    return [
        "joins: "
        + ("; ".join(f"{k}{f' (x{n})' if n > 1 else ''}" for k, n in joins.items()) or "none"),
        "quad patterns in evaluation order: " + "; ".join(patterns),
        f"time: {total:.3f} s instrumented, {_count(root)} results; most of it in: {where}",
    ]


def explain(location: Path, sparql: str) -> tuple[PlanNode, float]:
    """The plan of ``sparql`` from the ``oxigraph`` CLI on ``location``, and the CLI's wall time."""
    binary = OXIGRAPH if OXIGRAPH.is_file() else Path(shutil.which("oxigraph") or OXIGRAPH)
    with tempfile.TemporaryDirectory() as tmp:
        query = Path(tmp) / "query.rq"
        query.write_text(sparql, encoding="utf-8")
        t0 = time.perf_counter()
        done = subprocess.run(
            [
                str(binary),
                "query",
                "--location",
                str(location),
                "--query-file",
                str(query),
                "--results-file",
                str(Path(tmp) / "results.tsv"),
                "--explain",
                "--stats",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"oxigraph query failed ({done.returncode}): {done.stderr[-2000:]}")
    return parse_explain(done.stderr), wall


# -- which query is which --------------------------------------------------------------------


def template_of(text: str) -> str:
    """The shipped template a query text was bound from (its lines but the VALUES blocks)."""
    body = [ln for ln in text.splitlines() if not ln.lstrip().startswith("VALUES ")]
    for name in template_names():
        lines = template(name).splitlines()
        if [ln for ln in lines if not ln.lstrip().startswith("#@values")] == body:
            return name
    return "?"


_MARKER = re.compile(r"^(?P<indent>[ \t]*)#@values(?P<vars>(?:[ \t]+\?\w+)+)[ \t]*$", re.M)
_BOUND = re.compile(r"^[ \t]*VALUES (?P<vars>\?\w+|\((?:\?\w+ ?)+\)) \{.*$", re.M)


def rebind(text: str, other: str) -> str:
    """The template ``other`` bound with the VALUES blocks of ``text`` (matched by variables).

    So an earlier version of a shipped template runs with exactly the values a
    question bound today, for a baseline in the same run.
    """
    values = {tuple(re.findall(r"\?\w+", m["vars"])): m[0].strip() for m in _BOUND.finditer(text)}

    def fill(m: re.Match[str]) -> str:
        return m["indent"] + values[tuple(m["vars"].split())]

    return _MARKER.sub(fill, other)


def before_text(text: str, rev: str) -> str | None:
    """The query ``text`` as the shipped template of git revision ``rev`` wrote it (if changed)."""
    name = template_of(text)
    if name == "?":
        return None
    done = subprocess.run(
        ["git", "show", f"{rev}:queries/{name}.rq"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or done.stdout == template(name):
        return None
    return rebind(text, done.stdout)


def median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median time of ``fn`` in ms over ``repeat`` runs after a warm-up, and its last answer."""
    answer = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        answer = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), answer


# -- Virtuoso --------------------------------------------------------------------------------


def _tuned(config: str, buffers: int) -> str:
    """A Virtuoso configuration with room for the data and no cap on a result's rows.

    The packaged file keeps 10,000 buffers (80 MB) and cuts every SPARQL
    result at 10,000 rows (``ResultSetMaxRows``), which would shorten the
    statements query's answer without a word.
    """
    values = {
        "NumberOfBuffers": str(buffers),
        "MaxDirtyBuffers": str(buffers * 3 // 4),
        "ResultSetMaxRows": "10000000",
        "MaxQueryExecutionTime": "600",
        "MaxQueryCostEstimationTime": "600",
    }
    out = []
    for line in config.splitlines():
        m = re.match(r"\s*([A-Za-z_]+)\s*=", line)
        if m and m.group(1) in values:
            line = f"{m.group(1)} = {values[m.group(1)]}"
        out.append(line)
    return "\n".join(out) + "\n"


def start_virtuoso(folder: Path, buffers: int) -> Any:
    """A Virtuoso server with its database in ``folder`` (tests/_virtuoso.py), more buffers."""
    import _virtuoso

    packaged = _virtuoso.configure

    def configure(template: str, folder: Path, sql_port: int, http_port: int) -> str:
        return _tuned(packaged(template, folder, sql_port, http_port), buffers)

    _virtuoso.configure = configure
    try:
        return _virtuoso.start(folder, wait=300)
    finally:
        _virtuoso.configure = packaged


def isql(server: Any, script: str, timeout: float = 3600) -> str:
    """Run an SQL script as dba through isql-vt (with a longer timeout than the tests')."""
    import _virtuoso

    done = subprocess.run(
        [_virtuoso.ISQL, str(server.sql_port), "dba", _virtuoso.DBA_PASSWORD, "VERBOSE=OFF"],
        input=script.encode(),
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    text = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    if done.returncode != 0 or "*** Error" in text:
        raise RuntimeError(f"isql failed ({done.returncode}): {text[-3000:]}")
    return text


def load_virtuoso(server: Any, ntriples: Path, quads: int) -> str:
    """Bulk-load ``ntriples`` into :data:`GRAPH` (ld_dir, rdf_loader_run) unless already there."""
    remote = RemoteStore(f"{server.sparql}?default-graph-uri={GRAPH}", timeout=600)
    have = len(remote)
    if have == quads:
        return f"reused the graph in {server.folder} ({have:,} triples)"
    inside = server.folder / "data.nt"
    if inside.exists():
        inside.unlink()
    os.link(ntriples, inside)
    t0 = time.perf_counter()
    isql(
        server,
        f"SPARQL CLEAR GRAPH <{GRAPH}>;\n"
        f"ld_dir('{server.folder}', 'data.nt', '{GRAPH}');\n"
        "rdf_loader_run();\ncheckpoint;\n",
    )
    seconds = time.perf_counter() - t0
    inside.unlink()
    errors = isql(
        server, "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;"
    )
    have = len(remote)
    if have != quads:
        raise RuntimeError(f"Virtuoso holds {have:,} triples, not {quads:,}: {errors}")
    return f"bulk-loaded {have:,} triples into <{GRAPH}> in {seconds:.0f} s"


def virtuoso_profile(server: Any, sparql: str) -> str:
    """Virtuoso's profile of ``sparql`` on :data:`GRAPH` (``profile('SPARQL ...')`` in isql)."""
    lines = [ln for ln in sparql.splitlines() if not ln.lstrip().startswith("#")]
    text = f"define input:default-graph-uri <{GRAPH}>\n" + "\n".join(lines)
    script = "SET BLOBS ON;\nprofile('SPARQL " + text.replace("'", "''") + "');\n"
    return isql(server, script, timeout=900)


def profile_summary(report: str, keep: int = 40) -> list[str]:
    """The lines of a Virtuoso profile that say where the time went and which index was read."""
    wanted = re.compile(
        r"time +[0-9.e+-]+% fanout|RDF_QUAD|Subquery|hash|Hash|Distinct|Sort|msec|Compilation"
    )
    out = [ln.rstrip() for ln in report.splitlines() if wanted.search(ln)]
    return out[:keep] + ([f"... ({len(out) - keep} more lines)"] if len(out) > keep else [])


# -- the run ---------------------------------------------------------------------------------


@dataclass
class Asked:
    """One question on one engine: its time and answer, and each query it sent."""

    ms: float
    answer: Any
    texts: list[str]
    queries: list[tuple[float, list[tuple[str, ...]]]]
    before: list[tuple[float, list[tuple[str, ...]]] | None] = field(default_factory=list)


def _cells(rows: Any) -> list[tuple[str, ...]]:
    """Solutions as tuples of texts, blank nodes made alike (their labels differ by engine)."""
    out = []
    for row in rows:
        out.append(tuple("_:b" if isinstance(t, ox.BlankNode) else str(t) for t in row))
    return out


def ask(
    store: Store,
    fn: Callable[[Store], Any],
    run_text: Callable[[str], Any],
    repeat: int,
    rev: str | None,
) -> Asked:
    """Time a question and, one by one, the queries it sends (``run_text`` runs one raw).

    With a git revision ``rev``, a query whose template was written otherwise
    there is also timed as it was, interleaved with today's text.
    """
    ms, answer = median_ms(lambda: fn(store), repeat)
    rec = Recorder(store)
    fn(rec)
    out = Asked(ms, answer, rec.texts, [])
    for text in rec.texts:
        old = before_text(text, rev) if rev else None
        runs: list[tuple[float, list[tuple[str, ...]]]] = []
        for _ in range(1 if old is None else 3):  # today's, then the old text, then today's
            t = old if old is not None and len(runs) == 1 else text
            runs.append(median_ms(lambda t=t: _cells(run_text(t)), repeat))
        if old is None:
            out.queries.append(runs[0])
            out.before.append(None)
        else:
            out.queries.append(min(runs[0], runs[2], key=lambda r: r[0]))
            out.before.append(runs[1])
    return out


def on_oxigraph(
    store: EmbeddedStore,
    asked: list[tuple[str, Callable[[Store], Any]]],
    repeat: int,
    rev: str | None,
) -> list[Asked]:
    """Each question on the on-disk store, and its queries in pyoxigraph itself."""
    native = store.native
    out = []
    for name, fn in asked:
        print(f"  oxigraph: {name}", file=sys.stderr, flush=True)
        out.append(ask(store, fn, lambda t: native.query(t), repeat, rev))
    return out


def on_virtuoso(
    server: Any, asked: list[tuple[str, Callable[[Store], Any]]], repeat: int, rev: str | None
) -> list[Asked]:
    """Each question through the remote store on Virtuoso, and its queries through HTTP."""
    remote = RemoteStore(f"{server.sparql}?default-graph-uri={GRAPH}", timeout=900)
    out = []
    for name, fn in asked:
        print(f"  virtuoso: {name}", file=sys.stderr, flush=True)
        out.append(ask(remote, fn, lambda t: remote.query(t).rows, repeat, rev))
    return out


def agreement(a: Any, b: Any) -> str:
    """Whether two answers of a question are the same rows, or how they differ."""
    if a == b:
        return "same rows"
    if not isinstance(a, list) or not isinstance(b, list):
        return "ANSWERS DIFFER"
    differ = sum(x != y for x, y in zip(a, b, strict=False))
    return f"ANSWERS DIFFER: {len(a)} against {len(b)} rows, {differ} rows unlike"


def _same_solutions(a: list[tuple[str, ...]], b: list[tuple[str, ...]]) -> str:
    if len(a) != len(b):
        return f"ROW COUNTS DIFFER ({len(a)} against {len(b)})"
    return "same rows" if sorted(a) == sorted(b) else "SAME COUNT, OTHER ROWS"


def _before_line(o: Asked, v: Asked | None, j: int) -> str:
    """How the query's text at ``--before`` did on each engine, beside today's."""
    parts = []
    for engine, a in (("oxigraph", o), ("virtuoso", v)):
        if a is None or j >= len(a.before) or a.before[j] is None:
            continue
        old_ms, old_rows = a.before[j]  # type: ignore[misc]
        new_ms, new_rows = a.queries[j]
        same = _same_solutions(new_rows, old_rows)
        parts.append(f"{engine} {old_ms:.1f} ms ({old_ms / new_ms:.2f}x today's), {same}")
    return "      before: " + "; ".join(parts) if parts else ""


def report(
    asked: list[tuple[str, Callable[[Store], Any]]],
    oxi: list[Asked],
    plans: dict[str, list[str]],
    virt: list[Asked] | None,
) -> None:
    """Per question: each engine's time and rows, whether they agree, each query's plan."""
    for i, (name, _) in enumerate(asked):
        o = oxi[i]
        print(f"\n== {name}")
        print(f"  oxigraph  {o.ms:9.1f} ms  {len(o.answer):>6} rows  ({len(o.texts)} queries)")
        v = virt[i] if virt is not None else None
        if v is not None:
            same = agreement(o.answer, v.answer)
            print(f"  virtuoso  {v.ms:9.1f} ms  {len(v.answer):>6} rows  {same}")
            if v.texts != o.texts:
                print("  (the two engines were sent different query texts)")
        for j, text in enumerate(o.texts):
            q_ms, rows = o.queries[j]
            line = f"  [{j + 1}] {template_of(text)}: oxigraph {q_ms:.1f} ms, {len(rows)} rows"
            if v is not None and j < len(v.queries):
                v_ms, v_rows = v.queries[j]
                line += (
                    f"; virtuoso {v_ms:.1f} ms, {len(v_rows)} rows, {_same_solutions(rows, v_rows)}"
                )
            print(line)
            line = _before_line(o, v, j)
            if line:
                print(line)
            for summary in plans.get(text, []):
                print(f"        {summary}")


def plans_of(location: Path, oxi: list[Asked]) -> dict[str, list[str]]:
    """The summary of Oxigraph's plan of every distinct query text the questions sent."""
    out: dict[str, list[str]] = {}
    for a in oxi:
        for text in a.texts:
            if text not in out:
                plan, _ = explain(location, text)
                out[text] = summarize(plan)
    return out


def ntriples_of(folder: Path, events: int) -> Path:
    """The store's default graph as N-Triples beside it (written once), for Virtuoso's loader."""
    path = folder.with_name(f"{folder.name}.virtuoso.nt")
    if not path.is_file():
        store = ox.Store.read_only(str(folder))
        part = path.with_suffix(".part")
        store.dump(output=str(part), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        del store
        part.rename(path)
    return path


def virtuoso_part(
    args: argparse.Namespace,
    asked: list[tuple[str, Callable[[Store], Any]]],
    quads: int,
) -> list[Asked]:
    """Load the same triples into Virtuoso, ask the questions, profile the slowest query."""
    folder = args.virtuoso_folder or args.store.with_name(f"{args.store.name}.virtuoso")
    folder.mkdir(parents=True, exist_ok=True)
    nt = ntriples_of(args.store, args.events)
    server = start_virtuoso(folder, args.buffers)
    try:
        print(f"virtuoso: {load_virtuoso(server, nt, quads)}")
        virt = on_virtuoso(server, asked, args.repeat, args.before)
        slowest = max(
            ((ms, text) for a in virt for (ms, _), text in zip(a.queries, a.texts, strict=True)),
            key=lambda t: t[0],
        )
        print(
            f"\nVirtuoso's slowest query: {template_of(slowest[1])}, {slowest[0]:.1f} ms; "
            "its profile (isql profile(), the lines with time and fanout):"
        )
        for line in profile_summary(virtuoso_profile(server, slowest[1])):
            print(f"    {line}")
    finally:
        # the next start grants the role again, which fails on a database that has it
        try:
            isql(server, 'REVOKE SPARQL_UPDATE FROM "SPARQL";\ncheckpoint;\n', timeout=120)
        finally:
            server.stop()
    return virt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the graph")
    parser.add_argument("--store", type=Path, default=None, help="folder of the on-disk store")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="use --store as it is (a COPY: the oxigraph CLI opens it as its primary)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument(
        "--before",
        default=None,
        metavar="REV",
        help="also time each query whose template differs at this git revision, as it was there",
    )
    parser.add_argument("--only", default="", help="only the questions whose name has this text")
    parser.add_argument("--no-virtuoso", action="store_true", help="Oxigraph only")
    parser.add_argument("--virtuoso-folder", type=Path, default=None, help="its database")
    parser.add_argument(
        "--buffers", type=int, default=170_000, help="Virtuoso's 8 KB buffers (170,000: 1.3 GB)"
    )
    args = parser.parse_args()
    if args.store is None:
        args.store = Path(f"/tmp/diplograph-bench/qplans/store-{args.events}")
    print(f"diplograph query plans; pyoxigraph {ox.__version__}; median of {args.repeat} runs")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.existing:
        store, note = EmbeddedStore(args.store, read_only=True), f"existing store {args.store}"
    else:
        store, note = disk_store(args.events, args.store, rebuild=False)
    quads = len(store)
    print(f"on-disk store: {note}, {quads:,} quads")
    asked = [(n, f) for n, f in questions(pairs(store, args.events)) if args.only in n]
    oxi = on_oxigraph(store, asked, args.repeat, args.before)
    store.close()
    del store
    plans = plans_of(args.store, oxi)
    virt = None if args.no_virtuoso else virtuoso_part(args, asked, quads)
    report(asked, oxi, plans, virt)
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
