"""TimelineJS3 export: the JSON, and the real TimelineJS3 library rendering it in Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.dates import parse_date
from diplograph.errors import ModelError
from diplograph.export.timelinejs import to_timelinejs, write_timelinejs
from diplograph.kg import KnowledgeGraph
from diplograph.rows import Citation, EventRow, StatementRow, event_rows, statement_rows

JS = Path(__file__).resolve().parent / "js"
DIST = JS / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
ERA = "Hanoi to Panmunjom:2019-02-28/2019-06-30"


@pytest.fixture(scope="module")
def data(korea: KnowledgeGraph) -> dict[str, Any]:
    return to_timelinejs(
        event_rows(korea), statements=statement_rows(korea), eras=[ERA], title="Korea"
    )


def _slide(data: dict[str, Any], uid: str) -> dict[str, Any]:
    return next(e for e in data["events"] if e["unique_id"] == uid)


def test_dates_keep_their_precision(data: dict[str, Any]) -> None:
    assert _slide(data, "singapore-summit-2018")["start_date"] == {
        "year": "2018",
        "month": "6",
        "day": "12",
    }
    month = _slide(data, "missile-tests-2019-05")
    assert month["start_date"] == {"year": "2019", "month": "5"}  # no day invented
    assert "end_date" not in month
    hanoi = _slide(data, "hanoi-summit-2019")
    assert hanoi["end_date"] == {"year": "2019", "month": "2", "day": "28"}
    assert hanoi["display_date"] == "27–28 Feb 2019"
    year = to_timelinejs([EventRow("y", "Y", "visit", parse_date("2017?"))])["events"][0]
    assert year["start_date"] == {"year": "2017"} and year["display_date"] == "2017?"
    open_start = to_timelinejs([EventRow("o", "O", "talks", parse_date("../2019-06"))])
    assert open_start["events"][0]["display_date"] == "until Jun 2019"


def test_groups_follow_the_chart_lanes(data: dict[str, Any]) -> None:
    groups = {e["unique_id"]: e["group"] for e in data["events"]}
    assert groups["hanoi-summit-2019"] in {"Donald Trump", "Kim Jong Un"}
    assert groups["missile-test-2019-05-04"] == "North Korea"
    by_type = to_timelinejs(
        [
            EventRow("a", "A", "summit", parse_date("2019")),
            EventRow("b", "B", "visit", parse_date("2018")),
        ],
        lanes="type",
    )
    assert [e["group"] for e in by_type["events"]] == ["summit", "visit"]


def test_text_quotes_statements_and_links_sources(data: dict[str, Any]) -> None:
    text = _slide(data, "panmunjom-meeting-2019")["text"]["text"]
    assert "breathe new life into the nuclear negotiations" in text  # Lee Sang-min
    assert "Lee Sang-min said, in paraphrase" in text
    assert "Korean Central News Agency reported" in text
    assert (
        '<a href="https://en.wikipedia.org/wiki/2019_Koreas%E2%80%93United_States_DMZ_Summit">'
        in text
    )
    assert "Seoul hopes Trump-Kim meeting helps inter-Korean engagement" in text
    assert "Moon Jae-in (accompanying)" in text
    # a statement about no event on the timeline gets its own slide
    alone = _slide(data, "statement-evans-moratorium")
    assert alone["group"] and "support South Korean efforts" in alone["text"]["text"]
    assert len(data["events"]) == 13 + 1


def test_eras_title_and_escaping(data: dict[str, Any]) -> None:
    assert data["eras"] == [
        {
            "start_date": {"year": "2019", "month": "2", "day": "28"},
            "end_date": {"year": "2019", "month": "6", "day": "30"},
            "text": {"headline": "Hanoi to Panmunjom"},
        }
    ]
    assert data["title"]["text"]["headline"] == "Korea"
    row = EventRow(
        "x",
        "<script>alert(1)</script>",
        "talks",
        parse_date("2019"),
        citations=(Citation("s", "A & B", None, url='http://x/"y'),),
    )
    slide = to_timelinejs([row])["events"][0]
    assert "<script>" not in slide["text"]["headline"]
    assert 'href="http://x/&quot;y"' in slide["text"]["text"]
    with pytest.raises(ModelError, match="needs both ends"):
        to_timelinejs([row], eras=["Open:2019/.."])


def test_write_is_atomic_and_stable(korea: KnowledgeGraph, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    rows, sts = event_rows(korea), statement_rows(korea)
    first = write_timelinejs(rows, out, statements=sts).read_bytes()
    assert write_timelinejs(rows, out, statements=sts).read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]
    nested = write_timelinejs(rows, tmp_path / "new" / "t.json", statements=sts)
    assert nested.read_bytes() == first  # a missing folder is created


def test_cli_export_and_timeline_json(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "all.json"
    res = runner.invoke(cli, ["export", "--format", "timelinejs", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(out.read_text())["events"]) == 14
    res = runner.invoke(cli, ["export", "--format", "timelinejs"])
    assert res.exit_code == 0 and json.loads(res.stdout)["events"]
    out = tmp_path / "summits.json"
    res = runner.invoke(
        cli, ["timeline", "-o", str(out), "--type", "summit", "--era", ERA, "--title", "Summits"]
    )
    assert res.exit_code == 0, res.output
    got = json.loads(out.read_text())
    assert {e["unique_id"] for e in got["events"]} == {
        "inter-korean-summit-2018-04-27",
        "inter-korean-summit-2018-05-26",
        "singapore-summit-2018",
        "inter-korean-summit-2018-09",
        "hanoi-summit-2019",
    }
    assert got["eras"][0]["text"]["headline"] == "Hanoi to Panmunjom"


# -- the real TimelineJS3 in headless Chromium ---------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=20000",
]


# CI runs beside the shared folder (see the shared fixture in conftest.py); a user's clone
# has none, and there a missing browser skips instead of failing
IN_CI = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    missing = None
    if exe is None:
        missing = "chromium is not installed (.ci/setup-system installs Debian's chromium)"
    elif not (DIST / "js" / "timeline.js").is_file():
        missing = "tests/js/node_modules is missing: run 'npm ci --prefix tests/js'"
    if missing is not None:
        if os.environ.get("CI") or IN_CI.is_dir():
            pytest.fail(f"{missing}; CI must run the browser tests")
        pytest.skip(missing)
    assert exe is not None
    return exe


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A loopback web server over a folder holding the harness page and the library."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "lib").symlink_to(DIST, target_is_directory=True)
    shutil.copy(JS / "harness.html", root / "harness.html")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/harness.html", root
    finally:
        server.shutdown()
        server.server_close()


def _render(chromium: str, url: str, profile: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    start = proc.stdout.find('<pre id="result">')
    end = proc.stdout.find("</pre>", start)
    assert start >= 0, proc.stdout[-2000:]
    import html

    result: dict[str, Any] = json.loads(html.unescape(proc.stdout[start + 17 : end]))
    return result


def test_timelinejs_renders_one_slide_per_event(
    chromium: str, site: tuple[str, Path], korea: KnowledgeGraph, tmp_path: Path
) -> None:
    url, root = site
    rows, sts = event_rows(korea), statement_rows(korea)
    written = write_timelinejs(
        rows, root / "timeline.json", statements=sts, eras=[ERA], title="Korea 2018-2019"
    )
    slides = json.loads(written.read_text())["events"]
    got = _render(chromium, url, tmp_path / "profile")
    assert got["state"] == "loaded", got
    assert got["errors"] == []
    assert got["message"] == ""
    assert got["slides"] == len(slides) == 14
    assert got["title_slides"] == 1
    assert got["markers"] == len(slides)
    assert got["eras"] == 1
    assert "Trump-Kim summit in Hanoi" in got["headlines"]
    # the dates TimelineJS wrote on the slides, at their precision
    assert got["dates"]["Trump-Kim summit in Hanoi"] == "27–28 Feb 2019"
    assert got["dates"]["Inter-Korean summit in Pyongyang"] == "18–20 Sep 2018"
    assert got["dates"]["North Korean short-range missile tests"] == "May 2019"
    assert got["dates"]["Trump-Kim summit in Singapore"] == "June 12, 2018"
    assert {"Donald Trump", "Kim Jong Un", "North Korea"} <= set(got["groups"])


def test_timelinejs_reports_broken_input(
    chromium: str, site: tuple[str, Path], tmp_path: Path
) -> None:
    # the harness really reports what TimelineJS says: an event without a date is refused
    url, root = site
    (root / "timeline.json").write_text(json.dumps({"events": [{"text": {"headline": "x"}}]}))
    got = _render(chromium, url, tmp_path / "profile")
    assert got["slides"] == 0 and got["state"] == "timeout"
    assert "no events" in got["message"]


def test_timelinejs_renders_month_precision_and_statements_alone(
    chromium: str, site: tuple[str, Path], tmp_path: Path
) -> None:
    url, root = site
    rows = [
        EventRow("m", "Missile tests", "missile_test", parse_date("2019-05")),
        EventRow("y", "A year", "visit", parse_date("2017")),
        EventRow("s", "Span", "talks", parse_date("2019-02-27/2019-02-28")),
    ]
    st = StatementRow("q", "a", "A", parse_date("2019-07-01"), "Words", "direct_quote")
    write_timelinejs(rows, root / "timeline.json", statements=[st])
    got = _render(chromium, url, tmp_path / "profile")
    assert got["errors"] == [] and got["slides"] == 4 and got["title_slides"] == 0
    assert got["dates"]["Missile tests"] == "May 2019"  # no day invented
    assert got["dates"]["A year"] == "2017"
    assert got["dates"]["Span"] == "27–28 Feb 2019"
