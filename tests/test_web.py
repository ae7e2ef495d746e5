"""The web view in a real browser: served by ``diplograph serve`` and as a static report.

Each test drives headless Debian chromium with Playwright. The same checks run
against the server on 127.0.0.1 and against the report opened from ``file://``
with every request that is not a file aborted.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webview import ROOT, launch, serve

SOURCE = "Seoul hopes Trump-Kim meeting helps inter-Korean engagement"
LEE = "Inter-Korean relations have been at a lull since the Hanoi summit"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report")
    subprocess.run(
        [sys.executable, "-m", "diplograph", "report", "-o", str(out)],
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
    )
    return (out / "index.html").as_uri()


@pytest.fixture(params=["server", "report"])
def site(request: pytest.FixtureRequest) -> str:
    """The page's URL: on the local server, or the static report on disk."""
    return str(request.getfixturevalue(request.param))


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    """A page with the network cut off for the report; fails the test on any console error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    attempted: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    if site.startswith("file:"):

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                attempted.append(r.request.url)
                r.abort()

        pg.route("**/*", route)
    pg.base = site  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert errors == []
    assert attempted == []


def _open(page: Any, fragment: str = "") -> None:
    page.goto(page.base + (f"#{fragment}" if fragment else ""))
    page.wait_for_selector(".vis-item")
    page.wait_for_function("document.getElementById('status').textContent.includes('events')")


def _labels(page: Any, lane: str) -> list[str]:
    return page.locator(f".vis-item.lane-{lane} .vis-item-content").all_inner_texts()


def test_summits_sit_on_the_trump_and_kim_lanes(page: Any) -> None:
    _open(page)
    for lane in ("donald-trump", "kim-jong-un"):
        labels = _labels(page, lane)
        for place in ("Singapore", "Hanoi", "Panmunjom"):
            assert any(place in label for label in labels), (lane, place, labels)
    lanes = page.locator(".vis-labelset .vis-label").all_inner_texts()
    assert "Donald Trump" in lanes and "Kim Jong Un" in lanes
    # a month-precision event is a band over its month, never a day
    band = page.locator(".vis-item.band", has_text="North Korean short-range missile tests")
    assert band.count() >= 1
    # a two-day summit is a span, a one-day meeting a point
    assert page.locator(".vis-item.span.lane-donald-trump", has_text="Hanoi").count() == 1
    assert page.locator(".vis-item.day.lane-donald-trump", has_text="Singapore").count() >= 1
    assert page.locator(".vis-item.statement").count() >= 1


def test_clicking_hanoi_shows_lee_sang_min_with_the_source(page: Any) -> None:
    _open(page)
    page.locator(".vis-item.lane-donald-trump", has_text="Hanoi").first.click()
    page.wait_for_selector("#detail h2:text('Trump-Kim summit in Hanoi')")
    detail = page.inner_text("#detail")
    assert LEE in detail
    assert "Lee Sang-min" in detail and SOURCE in detail
    assert "Donald Trump — attendee" in detail and "Kim Jong Un — attendee" in detail
    assert "sel=event%3Ahanoi-summit-2019" in page.url or "sel=event:hanoi-summit-2019" in page.url
    # the link chart holds the event, its people and the statements about it
    nodes = page.evaluate("window.diplograph.chart.nodes().map(n => n.data('label'))")
    assert "Trump-Kim summit in Hanoi" in nodes
    assert {"Donald Trump", "Kim Jong Un", "Lee Sang-min"} <= set(nodes)


def test_the_actor_filter_changes_what_is_shown(page: Any) -> None:
    _open(page)
    before = page.inner_text("#status")
    page.select_option("#actor", ["moon-jae-in"])
    page.wait_for_function(f"document.getElementById('status').textContent !== {before!r}")
    shown = page.locator(".vis-item-content").all_inner_texts()
    assert any("Inter-Korean summit at Panmunjom" in s for s in shown)
    assert not any("Hanoi" in s for s in shown)  # Moon was not at Hanoi
    assert "actor=moon-jae-in" in page.url


def test_the_date_window_changes_what_is_shown(page: Any) -> None:
    _open(page)
    page.fill("#from", "2019-01-01")
    page.fill("#to", "2019-12-31")
    page.dispatch_event("#to", "change")
    page.wait_for_function("location.hash.includes('to=2019-12-31')")
    page.wait_for_function(
        "!Array.from(document.querySelectorAll('.vis-item'))"
        ".some(e => e.textContent.includes('Singapore'))"
    )
    shown = page.locator(".vis-item-content").all_inner_texts()
    assert any("Hanoi" in s for s in shown)


def test_the_url_restores_a_shared_view(page: Any) -> None:
    _open(page, "actor=moon-jae-in&sel=statement:lee-lull-since-hanoi")
    page.wait_for_selector("#detail h2:text('Lee Sang-min')")
    assert LEE in page.inner_text("#detail")
    assert page.eval_on_selector(
        "#actor", "s => Array.from(s.selectedOptions).map(o => o.value)"
    ) == ["moon-jae-in"]


def test_the_quote_is_marked_inside_the_source_text(browser: Any, corpus: Path) -> None:
    with serve("--texts", str(corpus)) as url:
        pg = browser.new_page()
        pg.goto(url + "#sel=statement:lee-lull-since-hanoi")
        mark = pg.wait_for_selector("#detail .source-text mark")
        assert mark.inner_text() == LEE
        context = pg.inner_text("#detail .source-text")
        assert len(context) > len(LEE) + 100  # the words around it are there too
        pg.close()


# -- reports and conflicts: a layer of made-up reports of the Hanoi summit ----------------------

LAYER = ["--data", "shipped", "--data", str(ROOT / "tests" / "data" / "web-reports")]


@pytest.fixture(scope="module")
def layered_server() -> Iterator[str]:
    with serve(*LAYER) as url:
        yield url


@pytest.fixture(scope="module")
def layered_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("layered-report")
    subprocess.run(
        [sys.executable, "-m", "diplograph", *LAYER, "report", "-o", str(out)],
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
    )
    return (out / "index.html").as_uri()


@pytest.mark.parametrize("where", ["layered_server", "layered_report"])
def test_clicking_hanoi_shows_its_reports_and_conflicts(
    browser: Any, request: pytest.FixtureRequest, where: str
) -> None:
    site = str(request.getfixturevalue(where))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    if site.startswith("file:"):
        pg.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
    pg.goto(site)
    pg.wait_for_selector(".vis-item")
    pg.locator(".vis-item.lane-donald-trump", has_text="Hanoi").first.click()
    pg.wait_for_selector("#detail h3:text('Reports (4)')")
    # every report: its source and grade, the date as the source gives it, its type or code, its row
    month = pg.locator("#detail .report[data-report='coded-hanoi-2']")
    assert month.locator(".report-date").inner_text() == "2019-02"
    text = month.inner_text()
    assert "(month)" in text and "talks" in text and "coded.tsv, row 41" in text
    assert "Example machine-coded event table" in text and "Admiralty grade C4" in text
    coded = pg.inner_text("#detail .report[data-report='coded-hanoi-3']")
    assert "CAMEO 043" in coded and "(day)" in coded
    wire = pg.inner_text("#detail .report[data-report='wire-hanoi-1']")
    assert "Admiralty grade B2" in wire and "(span of days)" in wire
    assert "wire.csv line 12, column 'Description'" in wire
    # the conflicts: the graph's value beside each source's version and grade
    conflicts = pg.locator("#detail .conflict").all_inner_texts()
    date = next(c for c in conflicts if c.startswith("date"))
    assert "graph: 2019-02-27/2019-02-28" in date
    assert "Example machine-coded event table: 2019-03-01 Admiralty grade C4" in date
    kind = next(c for c in conflicts if c.startswith("type"))
    assert "graph: summit" in kind and ": talks" in kind
    # the reports that disagree are marked; the one that agrees is not
    marked = pg.eval_on_selector_all(
        "#detail .report.disagrees", "rs => rs.map(r => r.dataset.report)"
    )
    assert sorted(marked) == ["coded-hanoi-1", "coded-hanoi-2"]
    # an event no report backs shows no reports section
    pg.evaluate("location.hash = 'sel=event:singapore-summit-2018'")
    pg.wait_for_selector("#detail h2:text('Trump-Kim summit in Singapore')")
    assert "Reports (" not in pg.inner_text("#detail")
    context.close()
    assert errors == []


def test_a_search_runs_on_enter(page: Any) -> None:
    _open(page)
    page.evaluate("window.notReloaded = true")
    page.fill("#q", "yongbyon")
    page.press("#q", "Enter")
    page.wait_for_function("location.hash.includes('q=yongbyon')")
    page.wait_for_function("document.getElementById('status').textContent.startsWith('1 events')")
    assert page.evaluate("window.notReloaded === true")  # Enter submitted no form
    assert "?" not in page.url
    page.locator(".vis-item.event", has_text="Hanoi").first.wait_for()
    shown = page.locator(".vis-item.event .vis-item-content").all_inner_texts()
    assert shown and all("Hanoi" in s for s in shown)


def test_a_crowded_lane_shows_counts_until_zoomed_in(browser: Any, server: str) -> None:
    """With a cap of 3 items per lane, the Korea lanes are counted per month; a count's click
    zooms in on its month, where the lane's items are drawn one by one."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    on_lane = (
        "window.diplograph.timeline.itemsData.get()"
        ".filter(i => i.group === 'donald-trump').map(i => [i.className, i.content])"
    )
    pg.goto(server)  # uncapped first: the items on Trump's lane
    pg.wait_for_selector(".vis-item.event.lane-donald-trump")
    uncapped = pg.evaluate(on_lane)
    assert len(uncapped) >= 5 and not any("bucket" in c for c, _ in uncapped)
    pg.route(
        "**/data.js",
        lambda r: r.fulfill(
            content_type="text/javascript",
            body='window.DIPLOGRAPH = {"mode": "server", "title": "", "laneCap": 3};',
        ),
    )
    pg.reload()
    pg.wait_for_selector(".vis-item.bucket.lane-donald-trump")
    assert "counted per month on" in pg.inner_text("#status")
    assert "Donald Trump" in pg.inner_text("#status")
    assert pg.locator(".vis-item.event.lane-donald-trump").count() == 0
    capped = pg.evaluate(on_lane)
    assert all("bucket" in c for c, _ in capped)
    assert sum(int(n) for _, n in capped) == len(uncapped)  # every item counted once
    pg.locator(".vis-item.bucket.lane-donald-trump").first.click()
    pg.wait_for_selector(".vis-item.event.lane-donald-trump")
    assert pg.locator(".vis-item.bucket.lane-donald-trump").count() == 0
    assert "counted" not in pg.inner_text("#status")
    context.close()
    assert errors == []
