"""The web view's JSON API on a real server: answers, counts when zoomed out, 4xx on errors."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webview import ROOT, serve

from diplograph import bundled_data, load
from diplograph.errors import DiplographError
from diplograph.rdf.store import Store, open_store
from diplograph.web import api
from diplograph.web.assets import vendor_files


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.fixture(scope="module")
def store() -> Store:
    s = open_store()
    s.load(load(bundled_data()))
    return s


def _get(url: str, method: str = "GET") -> tuple[int, Any]:
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_events_in_a_window(server: str) -> None:
    status, body = _get(server + "api/events?from=2019-02-01&to=2019-03-31&type=summit")
    assert status == 200 and body["mode"] == "items"
    assert [e["id"] for e in body["events"]] == ["hanoi-summit-2019"]
    hanoi = body["events"][0]
    assert hanoi["time"] == "2019-02-27/2019-02-28" and hanoi["time_earliest"] == "2019-02-27"


def test_the_page_asks_for_rows_without_citations(server: str) -> None:
    status, body = _get(server + "api/events?from=2019-02-01&to=2019-03-31&type=summit")
    assert body["events"][0]["citations"]
    status, lean = _get(server + "api/events?from=2019-02-01&to=2019-03-31&type=summit&citations=0")
    assert status == 200 and "citations" not in lean["events"][0]
    assert lean["events"][0] == {k: v for k, v in body["events"][0].items() if k != "citations"}


def test_the_status_says_what_the_server_has_read(server: str) -> None:
    import time

    _get(server + "api/events?q=hanoi")  # a filter waits for the facts
    status, body = _get(server + "api/status")
    assert status == 200 and body["facts"] is True
    for _ in range(600):  # the rows come next in the same thread
        if body["rows"]:
            break
        time.sleep(0.05)
        body = _get(server + "api/status")[1]
    assert body == {"facts": True, "rows": True}
    _, lean = _get(server + "api/events?from=2019-02-01&to=2019-03-31&type=summit&citations=0")
    assert [e["id"] for e in lean["events"]] == ["hanoi-summit-2019"]
    assert "citations" not in lean["events"][0]


def test_an_actor_rolls_up_its_people(server: str) -> None:
    status, body = _get(server + "api/events?actor=north-korea&from=2019-06-01&to=2019-07-31")
    assert status == 200
    assert "kim-jong-un" in body["actors"]
    assert "panmunjom-meeting-2019" in [e["id"] for e in body["events"]]  # Kim was there


def test_event_detail_has_roles_statements_and_sources(server: str) -> None:
    status, body = _get(server + "api/event/hanoi-summit-2019")
    assert status == 200
    assert {(p["name"], p["role"]) for p in body["event"]["participants"]} == {
        ("Donald Trump", "attendee"),
        ("Kim Jong Un", "attendee"),
    }
    lee = [s for s in body["statements"] if s["speaker"] == "lee-sang-min"]
    assert lee and lee[0]["evidence"][0]["source"] == "seoul-hopes-2019-07-01"
    assert {e["source"] for e in body["evidence"]} >= {"wikipedia-hanoi-summit"}


def test_statement_detail(server: str) -> None:
    status, body = _get(server + "api/statement/lee-lull-since-hanoi")
    assert status == 200
    assert [e["id"] for e in body["events"]] == ["hanoi-summit-2019"]
    assert body["evidence"][0]["start"] == 1225 and body["evidence"][0]["text"] is None


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("api/event/no-such-event", 404, "no event with id 'no-such-event'"),
        ("api/statement/hanoi-summit-2019", 404, "no statement"),
        ("api/events?from=2019-02-30", 400, "February 2019 has 28 days"),
        ("api/events?from=yesterday", 400, "from:"),
        ("api/events?from=2019-05-01&to=2019-01-01", 400, "to is before from"),
        ("api/events?from=1000&to=2999", 400, "at most 200"),
        ("api/events?type=picnic", 400, "type must be one of"),
        ("api/events?actor=nobody", 404, "unknown actor id 'nobody'"),
        ("api/events?frm=2019", 400, "unknown parameter 'frm'"),
        ("api/events?citations=maybe", 400, "citations must be 1 or 0 (got 'maybe')"),
        ("api/event/no-such-event/reports", 404, "no event with id 'no-such-event'"),
        ("api/event/lee-lull-since-hanoi/reports", 404, "no event with id"),
        ("api/nothing", 404, "/api/nothing"),
        ("vendor/secret.js", 404, "no such library file"),
    ],
)
def test_bad_requests_get_a_json_4xx(server: str, path: str, status: int, words: str) -> None:
    got, body = _get(server + path)
    assert got == status
    assert words in body["error"]


def test_the_server_is_read_only(server: str) -> None:
    got, body = _get(server + "api/events", method="POST")
    assert got == 405 and "error" in body


def test_too_many_items_give_counts(store: Store) -> None:
    every = api.window(store, start="2018-01-01", end="2019-12-31")
    shown = len(every["events"]) + len(every["statements"])
    counts = api.window(store, start="2018-01-01", end="2019-12-31", max_items=5)
    assert counts["mode"] == "buckets"
    assert sum(b["count"] for b in counts["buckets"]) == shown
    months = {b["start"][:7] for b in counts["buckets"]}
    assert "2019-02" in months and "2019-06" in months  # Hanoi, Panmunjom


def test_text_and_source_filters(store: Store) -> None:
    got = api.window(store, q="yongbyon")
    assert [e["id"] for e in got["events"]] == ["hanoi-summit-2019"]
    got = api.window(store, sources=["wikipedia-dmz-summit"])
    assert {e["id"] for e in got["events"]} >= {"panmunjom-meeting-2019"}
    assert all(
        any(c["source"] == "wikipedia-dmz-summit" for c in e["citations"]) for e in got["events"]
    )


def _said(row: dict[str, Any], needle: str) -> bool:
    """Whether ``needle`` occurs in what the page shows of a row (the words a reader searches)."""
    cites = row["citations"]
    hay = [row.get(k) for k in ("label", "place_name", "outcome", "text", "speaker_name")]
    hay += [p["name"] for p in row.get("participants", [])]
    hay += [c["quote"] for c in cites] + [c["title"] for c in cites]
    return any(needle in h.casefold() for h in hay if isinstance(h, str))


FILTERS = [
    {"q": "hanoi"},
    {"q": "Kim Jong"},  # a participant's name, not in the label
    {"q": "Singapore"},  # a place's name
    {"q": "yongbyon"},  # an outcome and a quote
    {"q": "beyond parallel"},  # a source's title
    {"sources": ["wikipedia-dmz-summit", "seoul-hopes-2019-07-01"]},
    {"q": "summit", "sources": ["seoul-hopes-2019-07-01"]},
    {"q": "trump", "actors": ["north-korea"]},
    {"q": "summit", "types": ["summit"], "start": "2019-01-01", "end": "2019-12-31"},
]


@pytest.mark.parametrize("how", FILTERS, ids=[str(f) for f in FILTERS])
def test_counts_agree_with_the_items_for_the_same_filters(store: Store, how: Any) -> None:
    items = api.window(store, max_items=10**6, **how)
    counts = api.window(store, max_items=0, **how)
    shown = len(items["events"]) + len(items["statements"])
    assert counts["mode"] == "buckets" and items["mode"] == "items"
    assert shown > 0
    assert sum(b["count"] for b in counts["buckets"]) == shown
    assert (
        counts["total"]
        == items["total"]
        == {
            "events": len(items["events"]),
            "statements": len(items["statements"]),
        }
    )
    # what the filters keep, found again row by row over the whole unfiltered view
    window = {k: how[k] for k in ("start", "end", "actors", "types") if k in how}
    every = api.window(store, max_items=10**6, **window)
    needle, sources = how.get("q", "").casefold(), set(how.get("sources", []))
    for kind in ("events", "statements"):
        expected = [
            r["id"]
            for r in every[kind]
            if (not sources or sources & {c["source"] for c in r["citations"]})
            and (not needle or _said(r, needle))
        ]
        assert [r["id"] for r in items[kind]] == expected, kind


def test_missing_libraries_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DiplographError, match="npm ci --ignore-scripts"):
        vendor_files(tmp_path / "node_modules")


def test_report_refuses_a_bad_data_folder(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "diplograph",
            "--data",
            str(tmp_path / "none"),
            "report",
            "-o",
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0 and "Error:" in run.stderr and "Traceback" not in run.stderr


def test_the_window_rows_are_those_of_the_query_functions(store: Store) -> None:
    from diplograph import query

    shown = api.window(store, max_items=10**6)
    rows = {r.id: query.row_dict(r) for r in query.events(store, flat=True)}
    assert len(shown["events"]) == len(rows) == 13
    for e in shown["events"]:
        full = rows[e["id"]]
        assert isinstance(full, dict)
        assert e == {k: full[k] for k in e}, e["id"]
    said = {s.id: query.row_dict(s) for s in query.statements(store)}
    assert len(shown["statements"]) == len(said)
    for s in shown["statements"]:
        full = said[s["id"]]
        assert isinstance(full, dict)
        assert s == {k: full[k] for k in s}, s["id"]


def test_serve_on_a_busy_port_is_a_clear_error() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "diplograph", "serve", "--port", str(port)],
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 1
    assert f"Error: cannot listen on 127.0.0.1:{port}" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_changed_store_is_read_again_after_forget() -> None:
    s = open_store()
    assert api.window(s)["events"] == []
    s.load(load(bundled_data()))
    assert api.window(s)["events"] == []  # read once: a view is read-only
    api.forget(s)
    assert len(api.window(s)["events"]) == 13


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("1953-07-27", "1953-07-27"),
        ("2018-09-19", "2018-09-19"),  # inside a three-day summit
        ("2019-05-15", "2019-05-20"),  # inside a month-precision event only
        ("2019-02-28", "2019-07-01"),
        ("2019-07-02", "2030-01-01"),
        (None, "2018-06-12"),
    ],
)
def test_the_index_finds_what_the_query_functions_find(
    store: Store, start: str | None, end: str | None
) -> None:
    from diplograph import query

    got = api.window(store, start=start, end=end, max_items=10**6)
    # the same events, parts included; the page places them by date, so order within a day
    # (which the query functions take from the events' links) does not matter here
    assert sorted(e["id"] for e in got["events"]) == sorted(
        r.id for r in query.events(store, start=start, end=end, flat=True)
    )
    assert sorted(s["id"] for s in got["statements"]) == sorted(
        s.id for s in query.statements(store, start=start, end=end)
    )
    assert got["total"]["events"] == len(got["events"])


LAYER = ROOT / "tests" / "data" / "web-reports"


@pytest.fixture(scope="module")
def layered_server() -> Iterator[str]:
    with serve("--data", "shipped", "--data", str(LAYER)) as url:
        yield url


def test_the_reports_of_an_event_and_their_conflicts(layered_server: str) -> None:
    status, body = _get(layered_server + "api/event/hanoi-summit-2019/reports")
    assert status == 200 and body["total"] == 4
    by_id = {r["id"]: r for r in body["reports"]}
    month = by_id["coded-hanoi-2"]
    assert (month["date"], month["precision"], month["date_earliest"], month["date_latest"]) == (
        "2019-02",
        "month",
        "2019-02-01",
        "2019-02-28",
    )
    assert (month["source"], month["grade"], month["type"]) == (
        "example-coded-table",
        "C4",
        "talks",
    )
    assert (month["file"], month["row"]) == ("coded.tsv", 41)
    assert by_id["coded-hanoi-3"]["cameo"] == "043" and by_id["coded-hanoi-3"]["type"] is None
    wire = by_id["wire-hanoi-1"]
    assert wire["grade"] == "B2" and wire["precision"] == "span of days"
    assert wire["evidence"] == [
        {
            "quote": "Trump and Kim meet in Hanoi for their second summit.",
            "note": "wire.csv line 12, column 'Description'",
        }
    ]
    conflicts = {c["aspect"]: c for c in body["conflicts"]}
    assert conflicts["date"]["graph"] == "2019-02-27/2019-02-28"
    assert [(v["report"], v["value"], v["grade"]) for v in conflicts["date"]["versions"]] == [
        ("coded-hanoi-1", "2019-03-01", "C4")
    ]
    assert [(v["report"], v["value"]) for v in conflicts["type"]["versions"]] == [
        ("coded-hanoi-2", "talks")
    ]
    # an event no report backs has none, and no conflicts
    status, body = _get(layered_server + "api/event/singapore-summit-2018/reports")
    assert (status, body["total"], body["reports"], body["conflicts"]) == (200, 0, [], [])
    status, body = _get(layered_server + "api")
    assert "/api/event/{id}/reports" in body["endpoints"]


def test_the_csis_table_calls_the_singapore_summit_talks(shared: Path, tmp_path: Path) -> None:
    from diplograph.layers import load_layers

    table = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    mapping = ROOT / "data" / "mappings" / "csis-negotiations.yml"
    subprocess.run(
        [sys.executable, "-m", "diplograph", "import", "csv", str(table), "-m", str(mapping),
         "-o", str(tmp_path / "csis")],
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
    )  # fmt: skip
    s = open_store()
    s.load(load_layers([bundled_data(), tmp_path / "csis"]).kg)
    got = api.event_reports(s, "singapore-summit-2018")
    (report,) = got["reports"]
    assert (report["date"], report["precision"], report["type"]) == ("2018-06", "month", "talks")
    assert (report["file"], report["row"]) == ("csis_us_dprk_negotiations.csv", 6)
    assert "meet in Singapore" in report["text"]
    assert [(c["aspect"], c["graph"]) for c in got["conflicts"]] == [("type", "summit")]
    assert [v["value"] for v in got["conflicts"][0]["versions"]] == ["talks"]
