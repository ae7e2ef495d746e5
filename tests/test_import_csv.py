"""Spreadsheets through a YAML mapping: the shipped CSIS mappings and bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.dates import Precision
from diplograph.importers import (
    ActorResolver,
    MappingError,
    Totals,
    load_mapping,
    read_table,
    reconcile,
)
from diplograph.kg import KnowledgeGraph
from diplograph.resources import shipped

DATA = Path(__file__).parent / "data" / "import"
MAPPINGS = shipped("data") / "mappings"


def _read(path: Path, mapping: str, kg: KnowledgeGraph) -> tuple[list, Totals, ActorResolver]:
    resolver, totals = ActorResolver(kg), Totals(path.name)
    m = load_mapping(MAPPINGS / mapping if "/" not in mapping else Path(mapping))
    return list(read_table(path, m, resolver=resolver, totals=totals)), totals, resolver


def test_negotiations_keep_month_precision_and_june_2018_is_the_singapore_summit(
    shared: Path, korea: KnowledgeGraph
) -> None:
    path = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    reports, totals, resolver = _read(path, "csis-negotiations.yml", korea)
    assert (totals.rows, totals.imported, sum(totals.skipped.values())) == (214, 214, 0)
    assert all(r.date.precision is Precision.MONTH for r in reports)
    june = [r for r in reports if str(r.date) == "2018-06"]
    assert len(june) == 2
    # the row cites its own cell, word for word, with its line
    summit = next(r for r in june if "Singapore to discuss" in (r.text or ""))
    assert summit.row == 6 and summit.evidence[0].quote == summit.text
    assert {"donald-trump", "kim-jong-un", "united-states", "north-korea"} <= set(summit.actors)
    rec = reconcile(reports, korea, resolver)
    linked = {r.id: r.event for r in rec.apply(reports)}
    assert rec.links == {summit.id: "singapore-summit-2018"}
    assert linked[summit.id] == "singapore-summit-2018"
    # the other June row (envoys meeting on the eve) is not the summit
    other = next(r for r in june if r.id != summit.id)
    assert linked[other.id] is None
    assert any(other.id in p.reports for p in rec.proposals)


def test_provocation_tables_import(shared: Path, korea: KnowledgeGraph) -> None:
    folder = shared / "data" / "diplomatic"
    old, t_old, _ = _read(
        folder / "csis_dprk_provocations_1990_2017.csv", "csis-provocations.yml", korea
    )
    new, t_new, resolver = _read(
        folder / "csis_north_korea_provocations_1958_present.csv",
        "csis-provocations-1958.yml",
        korea,
    )
    assert (t_old.rows, t_old.imported) == (176, 176)
    assert (t_new.rows, t_new.imported) == (493, 493)
    assert {r.date.precision for r in old} == {Precision.MONTH}
    assert {r.date.precision for r in new} == {Precision.DAY}
    assert all(r.source_actor == "north-korea" for r in new)
    rec = reconcile(new, korea, resolver)
    assert set(rec.links.values()) == {"missile-test-2019-05-09"}


def test_bad_rows_are_located_counted_and_skipped() -> None:
    path = DATA / "table_malformed.csv"
    reports, totals, resolver = _read(path, str(DATA / "table_malformed.yml"), KnowledgeGraph())
    assert [r.row for r in reports] == [2]
    assert totals.rows == 4 and totals.imported == 1
    assert totals.skipped == {"bad date": 1, "unknown type": 1, "wrong number of columns": 1}
    text = [str(p) for p in totals.problems]
    assert text[0].startswith(f"{path}:3: bad date") and "'Junember'" in text[0]
    assert text[1] == f"{path}:4: unknown 'Kind' value (got 'Picnic')"
    assert text[2] == f"{path}:5: wrong number of columns (got 3 cells, the header has 5)"
    # mapped actors the graph lacks become actors of their own
    assert set(resolver.new) == {"united-states", "north-korea"}


def test_xlsx_reads_like_csv(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Month", "Year", "Kind", "Who", "What"])
    sheet.append(["Jun", 2018, "Summit", "US, DPRK", "Leaders met."])
    sheet.append(["Jun", "two thousand", "Summit", "US", "Bad year."])
    path = tmp_path / "t.xlsx"
    book.save(path)
    reports, totals, _ = _read(path, str(DATA / "table_malformed.yml"), KnowledgeGraph())
    assert [(str(r.date), r.type, r.actors, r.row) for r in reports] == [
        ("2018-06", "summit", ("united-states", "north-korea"), 2)
    ]
    assert totals.skipped == {"bad date": 1}
    assert str(totals.problems[0]).startswith(f"{path}:3: bad date")


def test_a_bad_mapping_says_where(tmp_path: Path) -> None:
    path = tmp_path / "m.yml"
    path.write_text("source: x\ndate: {year: Y}\ntype: {column: T, values: {a: picnic}}\n")
    with pytest.raises(MappingError, match=r"m\.yml: type\.values\.a: .*'picnic'"):
        load_mapping(path)


def test_a_mapping_that_is_not_yaml_says_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "m.yml"
    path.write_text("source: x\ndate: [unclosed\n")
    with pytest.raises(MappingError) as err:
        load_mapping(path)
    assert str(err.value) == (
        f"{path}:3: invalid YAML: expected ',' or ']', but got '<stream end>' (column 1) "
        "(while parsing a flow sequence on line 2)"
    )
    path.write_text("date: {year: Y}\n")
    with pytest.raises(MappingError, match=r"m\.yml: source: missing required field$"):
        load_mapping(path)
