"""Web view responsiveness: first view and filter changes in headless Chromium at 100k events.

Builds the synthetic collection (``synthetic.py``: real records, Zipf-skewed
actors, mixed date precision, one statement per five events) into an on-disk
pyoxigraph store (kept, so later runs reuse it), starts ``diplograph serve
--store`` on 127.0.0.1, and drives the page with Playwright in Debian's
chromium. Each figure is the median of ``--repeat`` runs, timed in the page
(``performance.now()``) from the action until the page has drawn the new view:

- first view: from navigation start to the first drawn view (the whole
  1990-2024 range, so counts per year rather than 100k items)
- filter change: one mid-ranked actor (few events: items), the busiest actor
  (too many: counts), a one-month and a one-week date window, a text search in it
  (this one includes the page's 250 ms pause after the last key stroke)

The baseline is the same page and the same steps on the shipped Korea
dataset (13 events), served the same way in the same run: the floor the page
costs whatever the data. The API's own time for each request is printed too.

    .venv/bin/python benchmarks/web_view.py --events 100000
    .venv/bin/python benchmarks/web_view.py --events 10000 --repeat 3     # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import records, sizes

from diplograph.rdf.mapping import to_triples
from diplograph.rdf.store import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
SEED = 0
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def quads(events: int) -> Iterable[ox.Quad]:
    for record in records(events, seed=SEED):
        for t in to_triples(record):
            yield ox.Quad(t.subject, t.predicate, t.object)


def build(events: int, folder: Path) -> str:
    """The on-disk store of ``events`` synthetic events in ``folder``, built unless there."""
    marker = folder / "diplograph-web-benchmark.json"
    expected = {"events": events, "seed": SEED}
    if marker.is_file() and json.loads(marker.read_text()) == expected:
        return f"reused {folder}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    store = EmbeddedStore(folder)
    t0 = time.perf_counter()
    added = store.add(quads(events))
    store.native.optimize()
    store.close()
    marker.write_text(json.dumps(expected))
    return f"bulk-loaded {added:,} quads in {time.perf_counter() - t0:.0f} s"


@contextmanager
def serve(*args: str) -> Iterator[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "diplograph", "serve", "--port", "0", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if " on http://" not in line:
            raise SystemExit(f"serve did not start: {line!r}")
        yield line.split(" on ", 1)[1].split()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=20)


DRAWN = "document.getElementById('status').textContent"


def first_view(browser: Any, url: str) -> tuple[float, str]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_function(f"{DRAWN}.includes('events')", timeout=60_000)
    ms = page.evaluate("performance.now()")
    status = page.inner_text("#status")
    page.close()
    return float(ms), status


def change(page: Any, action: str) -> tuple[float, str]:
    """Run ``action`` (JS) in the page; ms until the next view is drawn, and its status line."""
    before = page.evaluate("Number(document.body.dataset.drawn)")
    page.evaluate("window.__t0 = performance.now()")
    page.evaluate(action)
    page.wait_for_function(f"Number(document.body.dataset.drawn) > {before}", timeout=60_000)
    ms = page.evaluate("performance.now() - window.__t0")
    return float(ms), page.inner_text("#status")


def select_actor(actor: str) -> str:
    return (
        "(() => { const s = document.getElementById('actor');"
        f" for (const o of s.options) o.selected = o.value === {json.dumps(actor)};"
        " s.dispatchEvent(new Event('change')); })()"
    )


def set_inputs(**values: str) -> str:
    sets = "".join(
        f"document.getElementById({json.dumps(k)}).value = {json.dumps(v)};"
        for k, v in values.items()
    )
    last = list(values)[-1]
    event = "input" if last == "q" else "change"
    return f"(() => {{ {sets} document.getElementById({json.dumps(last)}).dispatchEvent(new Event({json.dumps(event)})); }})()"  # noqa: E501


def steps(
    busy: str, mid: str, month: tuple[str, str], week: tuple[str, str], word: str
) -> list[tuple[str, str]]:
    clear = "(() => document.getElementById('reset').click())()"
    return [
        (f"actor filter: {mid}", select_actor(mid)),
        (f"actor filter: {busy}", select_actor(busy)),
        ("clear filters", clear),
        (f"date window {month[0]}..{month[1]}", set_inputs(**{"from": month[0], "to": month[1]})),
        (f"date window {week[0]}..{week[1]}", set_inputs(**{"from": week[0], "to": week[1]})),
        (f"text search {word!r} in it", set_inputs(q=word)),
    ]


def measure(browser: Any, url: str, plan: list[tuple[str, str]], repeat: int) -> dict[str, Any]:
    firsts = [first_view(browser, url) for _ in range(repeat)]
    out: dict[str, Any] = {"first view": (statistics.median(f[0] for f in firsts), firsts[-1][1])}
    runs: dict[str, list[tuple[float, str]]] = {name: [] for name, _ in plan}
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        page.wait_for_function(f"{DRAWN}.includes('events')", timeout=60_000)
        for name, action in plan:
            runs[name].append(change(page, action))
        page.close()
    for name, got in runs.items():
        out[name] = (statistics.median(g[0] for g in got), got[-1][1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--store",
        type=Path,
        default=Path(tempfile.gettempdir()) / "diplograph-web-bench",
        help="Folder of the on-disk store (kept and reused).",
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = args.store / f"{args.events}"
    print(f"store: {build(args.events, folder)}")
    plans = {
        "Korea 2018-2019 (baseline)": (
            [],
            steps(
                "donald-trump",
                "moon-jae-in",
                ("2019-06-01", "2019-06-30"),
                ("2019-06-28", "2019-07-04"),
                "panmunjom",
            ),
        ),
        f"synthetic {args.events:,} events": (
            ["--store", str(folder)],
            steps(
                "actor-0",
                f"actor-{sizes(args.events)['actors'] // 10}",
                ("2010-03-01", "2010-03-31"),
                ("2010-03-01", "2010-03-07"),
                "talks",
            ),
        ),
    }
    exe = shutil.which("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS)
        for title, (store_args, plan) in plans.items():
            with serve(*store_args) as url:
                got = measure(browser, url, plan, args.repeat)
            print(f"\n{title} (median of {args.repeat}, ms)")
            for name, (ms, status) in got.items():
                print(f"  {name:<42} {ms:8.0f}   {status}")
        browser.close()


if __name__ == "__main__":
    main()
