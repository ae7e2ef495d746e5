"""Loading, exporting and storing a synthetic YAML folder, each beside its baseline in one run.

For each size it writes a data folder of :mod:`synthetic` records once (kept
in ``--work``), then runs every step in a fresh process, so each peak RSS is
the step's own:

- ``load``: ``diplograph.load`` of the folder against a fair floor: PyYAML's C
  loader (``CBaseLoader``) over the same files with the cyclic collector
  paused, as the loader pauses it, and nothing else; and against the same
  loader over the same text cut at its list items as the loader cuts it (the
  cutting not timed), so the floor does not hold the whole document either
  (the only floor at 1M, where the whole document takes about 15 GB);
- ``export``: ``diplograph --data D export -o x.ttl`` end to end (the CLI streams a
  large folder to the writer) against the library holding the collection:
  ``write_rdf(load(D), x.ttl)``;
- ``store``: ``diplograph --data D load --store S`` against pyoxigraph's
  ``bulk_load`` of the same quads (the store's own N-Quads dump) into a fresh store;
- ``query``: one CLI query on that store (``events --actor``), given a data
  folder that does not exist (it must read no YAML), beside the start-up of the
  CLI alone; ``--query-store S`` runs it on a store made elsewhere (``--events``
  then only labels the line), with no data folder written.

    .venv/bin/python benchmarks/issue16.py --events 10000 100000
    flock /work/wt/bench.lock .venv/bin/python benchmarks/issue16.py --events 1000000
    .venv/bin/python benchmarks/issue16.py --steps query --events 1000000 \
        --query-store /tmp/diplograph-bench/m1/store
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

_RUN = """
import gc, json, resource, sys, time
step, args = sys.argv[1], sys.argv[2:]
def cpu():
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime
t0, cpu0 = time.perf_counter(), cpu()
if step == "floor":
    import yaml
    from pathlib import Path
    gc.disable()
    for p in sorted(Path(args[0]).rglob("*.yaml")):
        yaml.load(p.read_bytes(), Loader=yaml.CBaseLoader)
    gc.enable()
elif step == "floor-chunks":
    import yaml
    from pathlib import Path
    from diplograph._chunks import plan
    texts = []
    for p in sorted(Path(args[0]).rglob("*.yaml")):
        data = p.read_bytes()
        texts += [data[a:b] for s in plan(p) for a, b, _ in s.chunks]
        del data
    gc.disable()
    t0, cpu0 = time.perf_counter(), cpu()
    for text in texts:
        yaml.load(text, Loader=yaml.CBaseLoader)
    gc.enable()
elif step == "load":
    from diplograph import load
    load(args[0])
elif step == "held-export":
    from diplograph import load
    from diplograph.rdf.io import write_rdf
    write_rdf(load(args[0]), args[1], format="turtle")
elif step == "bulk_load":
    import pyoxigraph as ox
    ox.Store(args[1]).bulk_load(path=args[0], format=ox.RdfFormat.N_QUADS)
elif step == "dump":
    import pyoxigraph as ox
    ox.Store.read_only(args[0]).dump(output=args[1], format=ox.RdfFormat.N_QUADS)
elif step == "start-up":
    from diplograph.cli import main
elif step == "click":
    import click
else:
    from diplograph.cli import main
    sys.argv = ["diplograph", *args]
    try:
        main()
    except SystemExit as e:
        if e.code:
            raise
took = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": took, "s": cpu() - cpu0, "all": cpu(), "mb": peak}))
"""


def run(step: str, *args: str) -> dict[str, float]:
    """Run one step in a fresh interpreter: its CPU and wall time after the interpreter started
    (``s``, ``wall``), the CPU and wall time of the whole process (``all``, ``process``), and its
    peak RSS (MB)."""
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _RUN, step, *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{out.stderr[-3000:]}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    result["process"] = wall  # with the interpreter's start-up
    return result


def write_folder(folder: Path, n: int) -> None:
    """A data folder of the synthetic collection of ``n`` events, one file per kind.

    Records are written as they are generated, a thousand at a time, in the
    layout :func:`diplograph.dump` writes (lists at the left margin), so a
    million events never sit in memory.
    """
    import yaml

    sys.path.insert(0, str(HERE))
    from synthetic import records

    from diplograph.kinds import kind_of
    from diplograph.load import _str_representer

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    Dumper.add_representer(str, _str_representer)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    files: dict[str, Any] = {}
    batches: dict[str, list[dict[str, Any]]] = {}

    def flush(kind: str) -> None:
        if not batches[kind]:
            return
        text = yaml.dump(
            batches[kind], Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
        )
        files[kind].write(text)
        batches[kind] = []

    gc.disable()
    for record in records(n):
        kind = kind_of(record).key
        if kind not in files:
            files[kind] = open(tmp / f"{kind}.yaml", "w", encoding="utf-8")  # noqa: SIM115
            files[kind].write(f"{kind}:\n")
            batches[kind] = []
        batches[kind].append(record.model_dump(mode="json", exclude_defaults=True))
        if len(batches[kind]) == 1000:
            flush(kind)
    gc.enable()
    for kind, fh in files.items():
        flush(kind)
        fh.close()
    tmp.rename(folder)


def folder_of(work: Path, n: int) -> Path:
    """The synthetic data folder of ``n`` events, written once and kept."""
    folder = work / f"yaml-{n}"
    if not (folder / "events.yaml").exists():
        write_folder(folder, n)
    return folder


def row(
    what: str, n: int, ours: dict[str, float], base: dict[str, float] | None, goal: str
) -> None:
    """One line: our CPU and wall time, peak and events/s (of CPU time), the baseline's, and
    the ratio of the CPU times (on a shared machine, wall time says more about the others),
    then of the wall times in brackets (where our work runs on two cores at once)."""
    speed = f"{n / ours['s']:>9,.0f}/s"
    ratio = f"{base['s'] / ours['s']:.2f}x ({base['wall'] / ours['wall']:.2f})" if base else ""
    shown = f"{base['s']:.1f} s ({base['wall']:.1f}), {base['mb']:,.0f} MB" if base else ""
    print(
        f"{what:<22} {n:>9,} {ours['s']:>7.2f} s ({ours['wall']:>6.1f}) {ours['mb']:>6,.0f} MB "
        f"{speed:>11} {shown:>27} {ratio:>13}  {goal}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/diplograph-bench/issue16"))
    parser.add_argument(
        "--steps", nargs="+", default=["load", "export", "store", "query"], help="what to run"
    )
    parser.add_argument("--prepare", action="store_true", help="only write the data folders")
    parser.add_argument(
        "--query-store", type=Path, help="the query step's store, made elsewhere (no folder)"
    )
    parser.add_argument(
        "--actor", nargs="+", default=["Actor 19"], help="the query step's actors, one run each"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.prepare:
        for n in args.events:
            folder_of(args.work, n)
        return
    print(time.strftime("measured %Y-%m-%d %H:%M UTC", time.gmtime()), f"load {os.getloadavg()}")
    print("times are CPU seconds (wall seconds in brackets); peaks are the step's peak RSS")
    print(
        f"{'what':<22} {'events':>9} {'cpu (wall)':>18} {'peak':>9} {'events/s':>11} "
        f"{'baseline':>27} {'ratio (wall)':>13}  goal"
    )
    for n in args.events:
        if args.query_store is not None:
            query_rows(n, args.query_store, args.actor)
            continue
        folder = folder_of(args.work, n)
        if "load" in args.steps:
            goal = ">= 20k events/s, >= 0.8x the floor (C parse, GC off)"
            ours = run("load", str(folder))
            if n < 1_000_000:  # the whole document as nodes: about 15 GB at 1M
                row("load", n, ours, run("floor", str(folder)), goal)
            row("load (floor by chunks)", n, ours, run("floor-chunks", str(folder)), goal)
        if "export" in args.steps or "export-alone" in args.steps:
            ttl = args.work / f"x-{n}.ttl"
            held = None  # export-alone: no baseline (holding 1M events takes about 5 GB)
            if "export" in args.steps:
                held = run("held-export", str(folder), str(ttl))
            ours = run("cli", "--data", str(folder), "export", "-o", str(ttl))
            row("CLI export -> Turtle", n, ours, held, "peak < 1.5 GB at 1M (base: held)")
            ttl.unlink()
        store = args.work / f"store-{n}"
        if "store" in args.steps:
            for p in (store, args.work / f"store-{n}-bulk"):
                shutil.rmtree(p, ignore_errors=True)
            ours = run("cli", "--data", str(folder), "load", "--store", str(store))
            nq = args.work / f"store-{n}.nq"
            run("dump", str(store), str(nq))
            bulk = run("bulk_load", str(nq), str(args.work / f"store-{n}-bulk"))
            row("load --store", n, ours, bulk, ">= 0.7x bulk_load of the same N-Quads")
            nq.unlink()
            shutil.rmtree(args.work / f"store-{n}-bulk", ignore_errors=True)
        if "query" in args.steps and store.exists():
            query_rows(n, store, args.actor)


def query_rows(n: int, store: Path, actors: list[str]) -> None:
    """``events --actor A`` on ``store``, given a data folder that does not exist (the query
    must not read YAML), for each actor, beside the start-up of the CLI alone; whole
    processes, the interpreter's start-up included."""
    start_up = run("start-up")  # the interpreter and the CLI's imports, no query
    floor = run("click")  # the interpreter and click alone
    for r in (start_up, floor):
        r["s"], r["wall"] = r["all"], r["process"]
    row("CLI start-up", n, start_up, floor, "(base: Python + click alone)")
    for actor in actors:
        ours = run("cli", "--data", "/none", "events", "--store", str(store), "--actor", actor)
        ours["s"], ours["wall"] = ours["all"], ours["process"]
        what = f"CLI query, {actor}"
        row(what, n, ours, start_up, "< 0.5 s, < 300 MB (base: start-up alone)")


if __name__ == "__main__":
    main()
