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
  by Enter, and the same search typed (this one includes the page's 150 ms pause
  after the last key stroke)

The server is measured once it has read what the filters and rows need (the
times are printed: a filter asked for before then waits for it, and rows come
from the query templates).
Each figure runs until the page has settled: the view drawn, the frames after
it run (vis-timeline redraws on the next frame) and the work the page put off
(the link chart) done. Beside it: the page's request to ``/api/events`` (from
the browser's resource timing: the server's answer and the transfer), the
answer's size, how many timeline elements the page drew (a day's event is three:
box, line and dot) and the page's own account of the time (``data``: until the
answer was in; ``timeline``: handing the view to vis-timeline; ``chart``: the
link chart; the rest is the browser's layout and painting). The median of the
runs is printed, and beside it the slowest.

The baseline is the same page and the same steps on the shipped Korea
dataset (13 events), served the same way in the same run: the floor the page
costs whatever the data. ``--root`` measures other checkouts in the same run
(an earlier commit, exported with ``git archive``) for a before/after.

    .venv/bin/python benchmarks/web_view.py --events 100000 --repeat 3
    .venv/bin/python benchmarks/web_view.py --events 10000 --repeat 3     # a quick run
    git archive HEAD~3 | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/
    .venv/bin/python benchmarks/web_view.py --root /tmp/before --root .
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
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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
def serve(root: Path, *args: str) -> Iterator[str]:
    """``diplograph serve`` of the checkout ``root`` on a free port; prints how long it took."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    cmd = [sys.executable, "-m", "diplograph", "serve", "--port", "0", *args]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=root)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if " on http://" not in line:
            raise SystemExit(f"serve did not start: {line!r}")
        url = line.split(" on ", 1)[1].split()[0]
        _wait(url)
        print(f"  server of {root} ready in {time.perf_counter() - t0:.1f} s", flush=True)
        # a text search needs all the server reads (actors, sources, words, rows): the page is
        # measured once it has answered, as an analyst's session runs after the first minutes
        with urllib.request.urlopen(url + "api/events?q=a", timeout=1800) as answer:
            answer.read()
        print(f"  filters ready (a search answered) {time.perf_counter() - t0:.1f} s after start")
        if _rows_read(url):
            print(f"  rows read {time.perf_counter() - t0:.1f} s after start")
        yield url
        print(f"  the server's peak memory: {_peak_mb(proc.pid):,.0f} MB")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _rows_read(url: str) -> bool:
    """Wait until the server has read its rows; False for a server that does not say."""
    while True:
        try:
            with urllib.request.urlopen(url + "api/status", timeout=60) as answer:
                if json.loads(answer.read())["rows"]:
                    return True
        except urllib.error.HTTPError:  # an earlier server, without /api/status
            return False
        time.sleep(0.5)


def _peak_mb(pid: int) -> float:
    """The peak resident memory of process ``pid`` (Linux), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _wait(url: str) -> None:
    """Until the server answers (it prints its address before it listens)."""
    for _ in range(600):
        try:
            with urllib.request.urlopen(url + "api", timeout=5):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"{url} did not answer")


DRAWN = "document.getElementById('status').textContent"


def first_view(browser: Any, url: str) -> Step:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_function(f"{DRAWN}.includes('events')", timeout=60_000)
    ms = page.evaluate(SETTLED)
    request_ms, size = page.evaluate(LAST_REQUEST)
    drawn = page.evaluate("document.querySelectorAll('.vis-item').length")
    step = Step(float(ms), float(request_ms), size / 1024, int(drawn), page.inner_text("#status"))
    step.parts = page.evaluate(PARTS)
    page.close()
    return step


SETTLED = """() => new Promise(done => requestAnimationFrame(() => setTimeout(() =>
    requestAnimationFrame(() => setTimeout(() => done(performance.now()))))))"""
"""Resolves once the frames after the new view have run: the timeline's redraw, which
vis-timeline schedules for the next frame, and the work the page put off (the link chart)."""

PARTS = """() => {
  const t = window.diplograph && window.diplograph.timings ? window.diplograph.timings() : {};
  return Object.keys(t).map(k => k + ' ' + t[k]).join(', ');
}"""
"""The page's own account of the last view (none in a page that keeps none)."""

LAST_REQUEST = """() => {
  const r = performance.getEntriesByType('resource').filter(e => e.name.includes('api/events'));
  const last = r[r.length - 1];
  return last ? [last.duration, last.encodedBodySize] : [0, 0];
}"""


@dataclass
class Step:
    """One measured view change: ms until settled, the API request's part, its bytes, the items."""

    ms: float
    request_ms: float
    kb: float
    drawn: int
    status: str
    parts: str = ""
    slowest: float = 0.0


def change(page: Any, action: str) -> Step | None:
    """Run ``action`` (JS) in the page; time until the next view is drawn and the page settled.

    None when the page draws nothing new within 20 s (an earlier page without that control).
    """
    before = page.evaluate("Number(document.body.dataset.drawn)")
    page.evaluate("window.__t0 = performance.now()")
    page.evaluate(action)
    try:
        page.wait_for_function(f"Number(document.body.dataset.drawn) > {before}", timeout=20_000)
    except PlaywrightTimeout:
        return None
    ms = page.evaluate(SETTLED) - page.evaluate("window.__t0")
    request_ms, size = page.evaluate(LAST_REQUEST)
    drawn = page.evaluate("document.querySelectorAll('.vis-item').length")
    step = Step(float(ms), float(request_ms), size / 1024, int(drawn), page.inner_text("#status"))
    step.parts = page.evaluate(PARTS)
    return step


def select_actor(actor: str) -> str:
    return (
        "(() => { const s = document.getElementById('actor');"
        f" for (const o of s.options) o.selected = o.value === {json.dumps(actor)};"
        " s.dispatchEvent(new Event('change')); })()"
    )


def set_inputs(*, typed: bool = False, **values: str) -> str:
    """Set the inputs; then "change" on the last (Enter, or leaving a date), or "input" (typed)."""
    sets = "".join(
        f"document.getElementById({json.dumps(k)}).value = {json.dumps(v)};"
        for k, v in values.items()
    )
    last = list(values)[-1]
    event = "input" if typed else "change"
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
        (f"text search {word!r} in it (Enter)", set_inputs(q=word)),
        ("the same typed (with the 150 ms pause)", set_inputs(typed=True, q=word)),
    ]


def _median(steps: list[Step | None]) -> Step | None:
    done = [st for st in steps if st is not None]
    if not done:
        return None
    mid = sorted(done, key=lambda st: st.ms)[len(done) // 2]
    return Step(
        statistics.median(st.ms for st in done),
        statistics.median(st.request_ms for st in done),
        mid.kb,
        mid.drawn,
        mid.status,
        mid.parts,
        max(st.ms for st in done),
    )


def measure(
    browser: Any, url: str, plan: list[tuple[str, str]], repeat: int
) -> dict[str, Step | None]:
    out = {"first view": _median([first_view(browser, url) for _ in range(repeat)])}
    runs: dict[str, list[Step | None]] = {name: [] for name, _ in plan}
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        page.wait_for_function(f"{DRAWN}.includes('events')", timeout=60_000)
        page.evaluate(SETTLED)
        for name, action in plan:
            runs[name].append(change(page, action))
        page.close()
    for name, got in runs.items():
        out[name] = _median(got)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--store",
        type=Path,
        default=Path(tempfile.gettempdir()) / "diplograph-bench" / "web",
        help="Folder of the on-disk store (kept and reused).",
    )
    parser.add_argument(
        "--root",
        type=Path,
        action="append",
        help="A checkout whose server and page to measure (repeatable; default: this one), "
        "e.g. 'git archive' of an earlier commit beside this one to compare before and after.",
    )
    args = parser.parse_args()
    roots = args.root or [ROOT]
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
            for root in roots:
                print(f"\n{title}", flush=True)
                with serve(root, *store_args) as url:
                    got = measure(browser, url, plan, args.repeat)
                print(
                    f"  median (slowest) of {args.repeat}: ms until the page settled; the request;"
                    " the page's account"
                )
                for name, st in got.items():
                    if st is None:
                        print(f"  {name:<44} not drawn (the page has no such control)")
                        continue
                    print(
                        f"  {name:<44} {st.ms:5.0f} ms ({st.slowest:5.0f})  request "
                        f"{st.request_ms:4.0f} ms {st.kb:6.1f} kB  {st.drawn:4d} drawn  "
                        f"[{st.parts}]  {st.status}",
                        flush=True,
                    )
        browser.close()


if __name__ == "__main__":
    main()
