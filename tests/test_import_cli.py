"""``diplograph import csv|icews|gdelt|plover``: totals, files written, re-import adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

import diplograph
from diplograph.cli import cli
from diplograph.kg import KnowledgeGraph
from diplograph.model import Actor, Source
from diplograph.resources import bundled_data, shipped

DATA = Path(__file__).parent / "data" / "import"


def _import(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(bundled_data()), "import", *args])
    return result.exit_code, result.stdout, result.stderr


def test_csis_import_twice_adds_nothing_the_second_time(shared: Path, tmp_path: Path) -> None:
    table = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    mapping = shipped("data") / "mappings" / "csis-negotiations.yml"
    args = ("csv", str(table), "--mapping", str(mapping), "-o", str(tmp_path))
    code, out, err = _import(*args)
    assert code == 0, err
    # one row of the table repeats another word for word: same id, kept once
    assert f"{table}: 214 rows read, 214 imported, 0 skipped, 1 already known or repeated" in out
    assert "1 reports linked to existing events" in out
    assert "rows/s" not in err  # no progress line outside a terminal
    reports = yaml.safe_load((tmp_path / "reports.yaml").read_text())["reports"]
    assert len(reports) == 213
    june = [r for r in reports if r.get("event") == "singapore-summit-2018"]
    assert [(r["date"], r["row"]) for r in june] == [("2018-06", 6)]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, _ = _import(*args)
    assert code == 0
    assert "214 imported, 0 skipped, 214 already known or repeated" in out
    assert (tmp_path / "reports.yaml").read_bytes() == before["reports.yaml"]
    assert (tmp_path / "actors.yaml").read_bytes() == before["actors.yaml"]
    # the new actors layer on the shipped dataset, and every id a report names exists
    kg = diplograph.load(bundled_data())
    extra = yaml.safe_load((tmp_path / "actors.yaml").read_text())["actors"]
    kg = kg.merge(KnowledgeGraph.from_records(Actor.model_validate(a) for a in extra))
    for r in reports:
        assert r["source"] in kg.sources
        assert all(a in kg.actors for a in r.get("actors", []))
        assert r.get("event") is None or r["event"] in kg.events
    review = json.loads((tmp_path / "import-review.json").read_text())
    assert review["last_import"]["linked"] == 1
    assert len(review["proposed_events"]) == review["last_import"]["proposed"]


def test_gdelt_malformed_rows_are_listed_and_counted(tmp_path: Path) -> None:
    path = DATA / "gdelt_malformed.tsv"
    code, out, err = _import("gdelt", str(path), "-o", str(tmp_path))
    assert code == 0
    assert f"{path}:2: wrong number of columns: expected 57, 58 or 61 (got 5)" in err
    assert f"{path}: 5 rows read, 2 imported, 3 skipped" in out
    assert "  skipped 1: unknown CAMEO code" in out
    sources = yaml.safe_load((tmp_path / "sources.yaml").read_text())["sources"]
    urls = {Source.model_validate(s).url for s in sources}
    assert {"https://example.org/a", "https://example.org/d"} <= urls
    reports = yaml.safe_load((tmp_path / "reports.yaml").read_text())["reports"]
    # Trump hosting Kim in Singapore on 12 June 2018 is a report of the Singapore summit;
    # the KOR-PRK row of the next day names no one the summit needs and is proposed
    events = {r["id"]: r.get("event") for r in reports}
    assert events == {"gdelt-900000001": "singapore-summit-2018", "gdelt-900000005": None}
    first = next(r for r in reports if r["id"] == "gdelt-900000001")
    assert (first["source_actor"], first["target_actor"]) == ("donald-trump", "kim-jong-un")


def test_icews_and_plover_commands(shared: Path, tmp_path: Path) -> None:
    code, out, _ = _import("icews", str(DATA / "icews_malformed.tab"), "-o", str(tmp_path))
    assert code == 0 and "4 rows read, 1 imported, 3 skipped" in out
    code, out, _ = _import("plover", str(DATA / "plover_malformed.json"), "-o", str(tmp_path))
    assert code == 0 and "4 rows read, 1 imported, 3 skipped" in out
    reports = yaml.safe_load((tmp_path / "reports.yaml").read_text())["reports"]
    assert {r["id"] for r in reports} == {"icews-1", "ex-1"}


def test_a_bad_mapping_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "m.yml"
    bad.write_text("source: NOT AN ID\ndate: {year: Y}\n")
    code, _, err = _import("csv", str(DATA / "table_malformed.csv"), "-m", str(bad), "-o", "x")
    assert code == 1
    assert err.startswith(f"Error: {bad}: source: string should match pattern")
    assert "Traceback" not in err


def test_a_file_of_which_no_row_imports_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    wrong = tmp_path / "notes.tsv"  # a file that is no GDELT export: every row is skipped
    wrong.write_text("meeting notes\nTrump\tKim\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = _import("gdelt", str(wrong), "-o", str(out))
    assert code == 1 and stdout == ""
    assert err.splitlines() == [
        f"{wrong}:1: wrong number of columns: expected 57, 58 or 61 (got 1)",
        f"{wrong}:2: wrong number of columns: expected 57, 58 or 61 (got 2)",
        f"Error: {wrong}: no row could be imported, nothing written (2 row(s) read, all "
        "skipped: 2 wrong number of columns); is it a file for 'import gdelt'?",
    ]
    assert not out.exists()


def test_a_repeated_row_is_counted_alike_into_a_folder_and_into_a_store(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    row = 'Jun,2018,Summit,"US, DPRK",Leaders met in Singapore.\n'
    table.write_text("Month,Year,Kind,Who,What\n" + row + row, encoding="utf-8")
    mapping = str(DATA / "table_malformed.yml")
    totals = f"{table}: 2 rows read, 2 imported, 0 skipped, 1 already known or repeated"
    for where in (["-o", str(tmp_path / "folder")], ["--store", str(tmp_path / "store")]):
        code, out, err = _import("csv", str(table), "-m", mapping, *where)
        assert code == 0, err
        assert out.splitlines()[0] == totals, where
