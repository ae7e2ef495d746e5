"""Reports as a record kind: an import layered on the shipped dataset is a valid data folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.load import check_folder
from diplograph.rdf.io import parse_rdf, to_rdf
from diplograph.rdf.shacl import check_shacl
from diplograph.resources import bundled_data, shipped


def _layered(shared: Path, tmp_path: Path) -> Path:
    """The CSIS negotiations table imported, then copied beside the shipped dataset."""
    table = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    mapping = shipped("data") / "mappings" / "csis-negotiations.yml"
    out = tmp_path / "out"
    args = ["import", "csv", str(table), "--mapping", str(mapping), "-o", str(out)]
    result = CliRunner().invoke(cli, ["--data", str(bundled_data()), *args])
    assert result.exit_code == 0, result.stderr
    merged = tmp_path / "merged"
    merged.mkdir()
    for f in bundled_data().glob("*.yaml"):
        shutil.copy(f, merged)
    for f in out.glob("*.yaml"):
        shutil.copy(f, merged / f"import-{f.name}")
    return merged


def test_csis_import_layered_on_the_shipped_dataset_validates(shared: Path, tmp_path: Path) -> None:
    merged = _layered(shared, tmp_path)
    kg, problems = check_folder(merged)
    assert problems == []
    assert len(kg.reports) == 213
    (june,) = [r for r in kg.reports.values() if r.event == "singapore-summit-2018"]
    assert (str(june.date), june.row, june.source) == ("2018-06", 6, "csis-us-dprk-negotiations")
    assert {"donald-trump", "kim-jong-un"} <= set(june.principals())
    # the reports add no events: Trump and Kim still met three times
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(merged), "meetings", "Trump", "Kim", "--json"])
    assert result.exit_code == 0, result.stderr
    meetings = json.loads(result.stdout)
    assert [m["id"] for m in meetings] == [
        "singapore-summit-2018",
        "hanoi-summit-2019",
        "panmunjom-meeting-2019",
    ]
    result = runner.invoke(cli, ["--data", str(merged), "validate"])
    assert result.exit_code == 0
    assert "213 reports" in result.stdout
    # reports go through RDF and back unchanged, and conform to their SHACL shape
    assert parse_rdf(to_rdf(kg, format="trig"), format="trig") == kg
    assert check_shacl(kg) == []


def test_conflicts_lists_csis_calling_the_singapore_summit_talks(
    shared: Path, tmp_path: Path
) -> None:
    merged = _layered(shared, tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(merged), "conflicts", "--json"])
    assert result.exit_code == 0, result.stderr
    (conflict,) = json.loads(result.stdout)
    assert (conflict["event"], conflict["aspect"], conflict["graph"]) == (
        "singapore-summit-2018",
        "type",
        "summit",
    )
    (version,) = conflict["versions"]
    assert (version["source"], version["value"]) == ("csis-us-dprk-negotiations", "talks")
    result = runner.invoke(cli, ["--data", str(merged), "conflicts", "--csv"])
    assert result.stdout.splitlines() == [
        "EVENT,ASPECT,GRAPH,SOURCE,GRADE,REPORTED,REPORT",
        f"singapore-summit-2018,type,summit,csis-us-dprk-negotiations,,talks,{version['report']}",
    ]
    result = runner.invoke(cli, ["--data", str(merged), "conflicts", "--aspect", "date"])
    assert result.exit_code == 0 and result.stdout == ""
    # the shipped dataset alone has no reports, so nothing to disagree
    result = runner.invoke(cli, ["--data", str(bundled_data()), "conflicts", "--json"])
    assert json.loads(result.stdout) == []


def test_import_into_a_store_twice_adds_nothing_and_conflicts_run_there(
    shared: Path, tmp_path: Path
) -> None:
    table = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    mapping = shipped("data") / "mappings" / "csis-negotiations.yml"
    store = tmp_path / "store"
    runner = CliRunner()
    data = ["--data", str(bundled_data())]
    assert runner.invoke(cli, [*data, "load", "--store", str(store)]).exit_code == 0
    args = [*data, "import", "csv", str(table), "-m", str(mapping), "--store", str(store)]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.stderr
    assert "wrote 216 records to" in first.stdout  # 213 reports, 3 new actors
    added = int(first.stdout.split("new quads")[0].rsplit(": ", 1)[1].replace(",", ""))
    assert added > 213 * 10
    second = runner.invoke(cli, args)
    assert ": 0 new quads" in second.stdout
    result = runner.invoke(cli, [*data, "conflicts", "--store", str(store), "--json"])
    assert result.exit_code == 0, result.stderr
    (conflict,) = json.loads(result.stdout)
    assert (conflict["event"], conflict["aspect"], conflict["graph"]) == (
        "singapore-summit-2018",
        "type",
        "summit",
    )
    assert [v["value"] for v in conflict["versions"]] == ["talks"]
    # the store holds the reports whole: read back, they are the ones the folder import wrote
    from diplograph.rdf.store import open_store

    with open_store(store, read_only=True) as s:
        kg = s.knowledge_graph()
    assert len(kg.reports) == 213
    assert kg.reports[conflict["versions"][0]["report"]].event == "singapore-summit-2018"


def test_import_needs_somewhere_to_go(shared: Path) -> None:
    table = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    mapping = shipped("data") / "mappings" / "csis-negotiations.yml"
    result = CliRunner().invoke(cli, ["import", "csv", str(table), "-m", str(mapping)])
    assert result.exit_code == 1
    assert "-o FOLDER, --store DIR or --endpoint URL (got none)" in result.stderr
