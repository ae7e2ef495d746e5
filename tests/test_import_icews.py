"""ICEWS: the Dataverse event file, ICEWS14 readable quadruples and ICEWS18 id quadruples."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from diplograph.importers import (
    ActorResolver,
    Totals,
    conflicts,
    read_icews,
    read_icews_quads,
    reconcile,
)
from diplograph.kg import KnowledgeGraph
from diplograph.model import EventType

DATA = Path(__file__).parent / "data" / "import"


@pytest.fixture(scope="module")
def icews18(shared: Path, korea: KnowledgeGraph) -> tuple[list, Totals, ActorResolver]:
    """ICEWS18's validation split, read once and linked to the shipped dataset."""
    folder = shared / "data" / "diplomatic"
    resolver, totals = ActorResolver(korea), Totals("icews18")
    reports = list(
        read_icews_quads(
            folder / "icews18_valid.tsv",
            entities=folder / "icews18_entity2id.tsv",
            relations=folder / "icews18_relation2id.tsv",
            resolver=resolver,
            totals=totals,
        )
    )
    return list(reconcile(reports, korea, resolver).apply(reports)), totals, resolver


def test_icews18_kim_moon_rows_of_18_to_20_september_are_the_pyongyang_summit(
    icews18: tuple[list, Totals, ActorResolver], korea: KnowledgeGraph
) -> None:
    linked, totals, _ = icews18
    assert (totals.rows, totals.imported) == (45995, 45995)
    # hours since 2018-01-01, whole days, at day precision
    assert str(min(r.date for r in linked)) == "2018-08-29"
    assert str(max(r.date for r in linked)) == "2018-09-27"
    pair = {"kim-jong-un", "moon-jae-in"}
    summit = [
        r
        for r in linked
        if {r.source_actor, r.target_actor} == pair and "2018-09-18" <= str(r.date) <= "2018-09-20"
    ]
    assert len(summit) == 52
    assert {r.event for r in summit} == {"inter-korean-summit-2018-09"}
    visits = Counter(r.cameo for r in summit)
    assert visits["042"] + visits["043"] > 0  # Make / Host a visit kept as CAMEO codes
    # rows between the same two men weeks earlier are not the summit
    early = [r for r in linked if {r.source_actor, r.target_actor} == pair]
    assert any(r.event is None for r in early if str(r.date) < "2018-09-10")


def test_icews18_dates_some_summit_meetings_outside_18_to_20_september(
    icews18: tuple[list, Totals, ActorResolver], korea: KnowledgeGraph
) -> None:
    linked, _, resolver = icews18
    found = {(c.event, c.aspect): c for c in conflicts(linked, korea, resolver)}
    date = found["inter-korean-summit-2018-09", "date"]
    assert date.graph == "2018-09-18/2018-09-20"
    assert {v.value for v in date.versions} == {"2018-09-17", "2018-09-21"}
    assert all(v.source == "icews18" for v in date.versions)
    # CAMEO-coded types (Consult, Make a visit) are too loose to disagree with "summit"
    assert ("inter-korean-summit-2018-09", "type") not in found


def test_icews14_north_korea_rows_import_with_cameo_types(
    shared: Path, korea: KnowledgeGraph
) -> None:
    totals = Totals("icews14")
    path = shared / "data" / "diplomatic" / "icews14_test.tsv"
    reports = list(read_icews_quads(path, resolver=ActorResolver(korea), totals=totals))
    assert (totals.rows, totals.imported) == (8963, 8963)
    rows = [
        r
        for r in reports
        if any(n in f"{r.source_name} {r.target_name}" for n in ("North Korea", "Kim Jong-Un"))
    ]
    assert len(rows) == 220
    assert all(r.cameo is not None and r.quad_class is not None for r in rows)
    assert sum(r.source_actor == "north-korea" or r.target_actor == "north-korea" for r in rows)
    assert {r.date.year for r in rows} == {2014}
    visit = next(r for r in rows if r.text == "Make a visit")
    assert (visit.cameo, visit.type, visit.quad_class) == ("042", EventType.VISIT, 1)
    assert visit.evidence[0].quote == "\t".join(
        path.read_text(encoding="utf-8").splitlines()[visit.row - 1].split("\t")[:4]
    )


def test_icews_dataverse_file(shared: Path, korea: KnowledgeGraph) -> None:
    totals = Totals("icews")
    path = shared / "data" / "diplomatic" / "icews_events_2018_sample.tab"
    reports = list(read_icews(path, resolver=ActorResolver(korea), totals=totals))
    assert (totals.rows, totals.imported) == (3705, 3705)
    first = reports[0]
    assert first.id == "icews-32889836" and str(first.date) == "2018-06-01"
    assert (first.cameo, first.intensity, first.lat) == ("040", 1.0, 21.0245)
    assert first.place == "Hanoi, Thanh Pho Ha Noi, Vietnam"
    assert len({r.id for r in reports}) == 3705


def test_malformed_icews_rows_are_counted(korea: KnowledgeGraph) -> None:
    path = DATA / "icews_malformed.tab"
    totals = Totals(str(path))
    reports = list(read_icews(path, resolver=ActorResolver(korea), totals=totals))
    assert [r.id for r in reports] == ["icews-1"]
    assert reports[0].source_actor == "donald-trump" and reports[0].target_actor == "kim-jong-un"
    assert totals.skipped == {"bad date": 1, "unknown CAMEO code": 1, "wrong number of columns": 1}
    assert [str(p).split(": ", 1)[0] for p in totals.problems] == [
        f"{path}:3",
        f"{path}:4",
        f"{path}:5",
    ]
    assert "(got 'XYZ')" in str(totals.problems[1])


def test_id_quads_need_both_maps(tmp_path: Path) -> None:
    path = tmp_path / "q.tsv"
    path.write_text("0\t0\t1\t24\t0\n")
    with pytest.raises(ValueError, match="both"):
        list(read_icews_quads(path, entities=path))
