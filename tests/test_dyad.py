"""The dyad view: counts per period by direction and quad class, honest bins, both back ends."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplograph
from diplograph.cli import cli
from diplograph.errors import QueryError
from diplograph.importers import Report, read_reports
from diplograph.kg import KnowledgeGraph
from diplograph.layers import load_layers
from diplograph.model import Source
from diplograph.query.dyad import dyad
from diplograph.query.sides import Side, pair_events, side
from diplograph.rdf.store import open_store
from diplograph.resources import bundled_data, shipped
from diplograph.rows import event_rows

# The CAMEO root of every ICEWS relation between the two Koreas in icews14_test.tsv,
# written out by hand from the CAMEO codebook, and the quad class of each root.
ROOTS = {
    "Accuse": 11, "Make a visit": 4, "Criticize or denounce": 11, "Demand": 10,
    "Make statement": 1, "Threaten": 13, "Reject": 12, "Host a visit": 4,
    "Make an appeal or request": 2, "Consult": 4, "Express intent to meet or negotiate": 3,
    "Express intent to engage in diplomatic cooperation (such as policy support)": 3,
    "Express intent to cooperate": 3, "Impose embargo, boycott, or sanctions": 16,
    "Reject plan, agreement to settle dispute": 12, "Yield": 8,
    "Express intent to cooperate on judicial matters": 3, "Use conventional military force": 19,
    "Abduct, hijack, or take hostage": 18, "Reject proposal to meet, discuss, or negotiate": 12,
    "Arrest, detain, or charge with legal action": 17, "Rally opposition against": 11,
    "Appeal for release of persons or property": 2, "Make optimistic comment": 1,
    "Accuse of human rights abuses": 11, "fight with small arms and light weapons": 19,
    "Sign formal agreement": 5, "Demonstrate military or police power": 15,
}  # fmt: skip
QUAD = ["verbal_cooperation"] * 5 + ["material_cooperation"] * 3
QUAD += ["verbal_conflict"] * 5 + ["material_conflict"] * 7


def _cli(*args: str, layer: Path | None = None) -> tuple[int, str, str]:
    """The CLI on the shipped data, with ``layer`` (an import's folder) laid over it."""
    over = [] if layer is None else ["--data", str(layer)]
    result = CliRunner().invoke(cli, ["--data", str(bundled_data()), *over, *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def icews(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """icews14_test.tsv imported with ``diplograph import icews`` into a folder."""
    out = tmp_path_factory.mktemp("icews")
    code, _, err = _cli("import", "icews", str(shared / "data/diplomatic/icews14_test.tsv"),
                        "-o", str(out))  # fmt: skip
    assert code == 0, err
    return out


def _raw_counts(path: Path) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Count the rows between the Koreas straight from the file: the states, the bodies the
    file qualifies with them ("Police (South Korea)"), and Kim Jong-Un for the North."""

    def north(name: str) -> bool:
        return name in ("North Korea", "Kim Jong-Un") or name.endswith("(North Korea)")

    def south(name: str) -> bool:
        return name == "South Korea" or name.endswith("(South Korea)")

    directions: Counter[tuple[str, str]] = Counter()
    quads: Counter[tuple[str, str]] = Counter()
    with path.open(newline="", encoding="utf-8") as fh:
        for head, relation, tail, day in csv.reader(fh, delimiter="\t"):
            way = "a_to_b" if north(head) and south(tail) else None
            way = way or ("b_to_a" if south(head) and north(tail) else None)
            if way:
                directions[day[:7], way] += 1
                quads[day[:7], QUAD[ROOTS[relation] - 1]] += 1
    return directions, quads


def test_the_two_koreas_month_by_month_match_the_file(shared: Path, icews: Path) -> None:
    code, out, err = _cli("dyad", "North Korea", "South Korea", "--by", "month", "--json",
                          layer=icews)  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    directions, quads = _raw_counts(shared / "data/diplomatic/icews14_test.tsv")
    months = [p["period"] for p in data["periods"]]
    assert months == [f"2014-{m:02d}" for m in range(1, 13)]
    for p in data["periods"]:
        for way in ("a_to_b", "b_to_a"):
            assert sum(p["counts"][way].values()) == directions[p["period"], way], p["period"]
        assert sum(p["counts"]["joint"].values()) == 0
        for quad in ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                     "material_conflict"):  # fmt: skip
            got = p["counts"]["a_to_b"][quad] + p["counts"]["b_to_a"][quad]
            assert got == quads[p["period"], quad], (p["period"], quad)
    assert data["reports"] == sum(directions.values()) == 78
    assert all(sum(p["coarser"]["a_to_b"].values()) == 0 for p in data["periods"])
    # the table for a terminal says the same
    code, out, _ = _cli("dyad", "North Korea", "South Korea", layer=icews)
    assert out.splitlines()[0].split()[:4] == ["PERIOD", "A→B", "B→A", "JOINT"]
    oct_row = next(line for line in out.splitlines() if line.startswith("2014-10"))
    assert oct_row.split()[1:3] == [str(directions["2014-10", "a_to_b"]),
                                    str(directions["2014-10", "b_to_a"])]  # fmt: skip
    # the old --reports option still works, as a layer, and says what to use instead
    code, old, err = _cli("dyad", "North Korea", "South Korea", "--reports", str(icews))
    assert code == 0 and old == out
    assert err.startswith("--reports is deprecated: layer the folder on the data instead")


def _icews_graph(icews: Path) -> tuple[KnowledgeGraph, list[Report]]:
    """The shipped data with the import laid over it, and the imported reports."""
    kg = load_layers([bundled_data(), icews]).kg
    return kg, list(read_reports(icews))


def test_the_python_api_and_the_store_give_the_same_table(
    shared: Path, icews: Path, tmp_path: Path
) -> None:
    kg, reports = _icews_graph(icews)
    directions, _ = _raw_counts(shared / "data/diplomatic/icews14_test.tsv")
    north, south = side(kg, "north-korea"), side(kg, "south-korea")
    assert "kim-jong-un" in north.members and "police-south-korea" in south.members
    table = dyad(reports, north, south, by="month")
    got = {(r.period, d): r.total(d) for r in table.rows for d in ("a_to_b", "b_to_a")}
    assert got == {k: directions[k] for k in got} and sum(got.values()) == 78
    # the states alone: only the rows that name the two states themselves
    alone = dyad(reports, "north-korea", "south-korea", side=False)
    rows = [line.split("\t") for line in
            (shared / "data/diplomatic/icews14_test.tsv").read_text().splitlines()]  # fmt: skip
    exact = sum({r[0], r[2]} == {"North Korea", "South Korea"} for r in rows)
    assert alone.reports == exact < 78
    # the same numbers from a store in memory and one on disk, by one aggregation query
    memory = open_store()
    memory.load(kg)
    with open_store(tmp_path / "db") as disk:
        disk.load(kg)
    disk = open_store(tmp_path / "db", read_only=True)
    for store in (memory, disk):
        for by in ("day", "week", "month", "quarter", "year"):
            in_store = dyad(store, north, south, by=by)
            in_python = dyad(reports, north, south, by=by)
            assert [(r.period, r.counts, r.coarser) for r in in_store.rows] == [
                (r.period, r.counts, r.coarser) for r in in_python.rows
            ], by
        # names and sides are read from the store too
        assert dyad(store, "north-korea", "south-korea").reports == 78
    disk.close()


def _report(i: int, day: str, src: str = "a", tgt: str = "b", **kw: object) -> Report:
    return Report.model_validate(
        {
            "id": f"r{i}",
            "source": "s",
            "date": day,
            "source_actor": src,
            "target_actor": tgt,
            "file": "f",
            "row": i + 1,
            **kw,
        }
    )


def test_a_report_known_only_coarser_is_never_counted_in_a_finer_bin() -> None:
    reports = [
        _report(1, "2019-02-27", cameo="042", goldstein=1.9),
        _report(2, "2019-02", cameo="112", goldstein=-2.0),  # a month: not in any week
        _report(3, "2019-02-27/2019-03-05", cameo="190"),  # spans two weeks
        _report(4, "2019", src="b", tgt="a"),  # a year
    ]
    weeks = dyad(reports, "a", "b", by="week")
    assert sum(r.total() for r in weeks.rows) == 1
    assert weeks.coarser == 3 and weeks.reports == 4
    w09 = next(r for r in weeks.rows if r.period == "2019-W09")
    assert w09.counts["a_to_b"]["verbal_cooperation"] == 1
    assert w09.coarser["a_to_b"] == {**dict.fromkeys(w09.coarser["a_to_b"], 0),
                                     "verbal_conflict": 1, "material_conflict": 1}  # fmt: skip
    assert w09.total_coarser("b_to_a") == 1  # the year may fall in this week
    assert w09.goldstein.n == 1  # the month's Goldstein value is not in the week's mean
    months = dyad(reports, "a", "b", by="month", start="2019-01", end="2019-03")
    counted = {r.period: r.total() for r in months.rows}
    assert counted == {"2019-01": 0, "2019-02": 2, "2019-03": 0}
    assert [r.total_coarser() for r in months.rows] == [1, 2, 2]
    feb = months.rows[1]
    assert (feb.goldstein.n, round(feb.goldstein.mean, 2), round(feb.goldstein.sd, 2)) == (
        2, -0.05, 1.95)  # fmt: skip
    assert dyad(reports, "a", "b", by="year").rows[0].total() == 4
    by_root = dyad(reports, "a", "b", by="year", split="root").rows[0]
    assert (by_root.counts["a_to_b"]["04"], by_root.counts["b_to_a"]["none"]) == (1, 1)


def test_joint_reports_and_sides() -> None:
    kg = diplograph.load(bundled_data())
    us, nk = side(kg, "united-states"), side(kg, "north-korea")
    reports = [
        _report(1, "2018-06-12", src="donald-trump", tgt="kim-jong-un", cameo="043"),
        _report(
            2, "2018-06", src=None, tgt=None, actors=("united-states", "north-korea"), type="talks"
        ),
        _report(3, "2018-06-13", src="north-korea", tgt="china", cameo="043"),
    ]
    t = dyad(reports, us, nk, by="month")
    assert [(r.total("a_to_b"), r.total("b_to_a"), r.total("joint")) for r in t.rows] == [(1, 0, 1)]
    # a CSIS talks row has no CAMEO code: its type makes it verbal cooperation
    assert t.rows[0].counts["joint"]["verbal_cooperation"] == 1
    assert dyad(reports, "donald-trump", "kim-jong-un", side=False).reports == 1
    store = open_store()
    store.load(kg.merge(KnowledgeGraph.from_records([Source(id="s", title="S"), *reports])))
    in_store = dyad(store, "united-states", "north-korea")  # sides read from the store
    assert (in_store.a.members, in_store.b.members) == (us.members, nk.members)
    assert [(r.period, r.counts) for r in in_store.rows] == [(r.period, r.counts) for r in t.rows]
    events = [e.id for e in pair_events(event_rows(kg), us, nk)]
    for must in ("singapore-summit-2018", "hanoi-summit-2019", "panmunjom-meeting-2019",
                 "missile-test-2019-05-04"):  # fmt: skip
        assert must in events
    assert "moon-kim-summit-2018-04" not in events


def test_csis_united_states_north_korea_chart(shared: Path, tmp_path: Path) -> None:
    table_dir = shared / "data/diplomatic"
    for name, mapping in (("csis_us_dprk_negotiations.csv", "csis-negotiations"),
                          ("csis_north_korea_provocations_1958_present.csv",
                           "csis-provocations-1958")):  # fmt: skip
        code, _, err = _cli("import", "csv", str(table_dir / name), "--mapping",
                            str(shipped("data") / "mappings" / f"{mapping}.yml"),
                            "-o", str(tmp_path / "csis"))  # fmt: skip
        assert code == 0, err
    png = tmp_path / "dyad.png"
    code, out, err = _cli("dyad", "United States", "North Korea", "--from", "2017",
                          "--to", "2019", "-o", str(png), "--json",
                          layer=tmp_path / "csis")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert len(data["periods"]) == 36
    june = next(p for p in data["periods"] if p["period"] == "2018-06")
    assert june["counts"]["joint"]["verbal_cooperation"] >= 1  # talks around Singapore
    assert png.read_bytes()[:4] == b"\x89PNG"
    # the chart marks the summits and the missile tests
    from diplograph.query.dyad import dyad as compute
    from diplograph.timeline.dyad import plot_dyad

    kg = diplograph.load(bundled_data())
    reports = list(read_reports(tmp_path / "csis"))
    us, nk = side(kg, "united-states"), side(kg, "north-korea")
    t = compute(reports, us, nk, start="2017", end="2019")
    tests_2017 = [m for m in t.force if m.first.year == 2017 and m.type == "missile_test"]
    assert sum(m.reports for m in tests_2017) >= 10 and {m.side for m in t.force} == {nk.id}
    ax = plot_dyad(t, pair_events(event_rows(kg), us, nk))
    labels = {a.get_text() for a in ax.texts}
    assert {"Trump-Kim summit in Singapore", "Trump-Kim summit in Hanoi",
            "Trump-Kim meeting at Panmunjom",
            "Short-range launches from the Hodo peninsula"} <= labels  # fmt: skip
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(x.startswith("missile test by North Korea") for x in legend)
    svg = tmp_path / "d.svg"
    from diplograph.timeline.plot import save_figure

    assert save_figure(ax, svg).read_bytes() == save_figure(ax, svg).read_bytes()


def test_bad_input(shared: Path, icews: Path, tmp_path: Path) -> None:
    code, _, err = _cli("dyad", "North Korea", "Atlantis", layer=icews)
    assert code == 1 and err.startswith("Error: no actor is called 'Atlantis'")
    assert len(err.strip().splitlines()) == 1
    code, _, err = _cli("dyad", "North Korea", "north-korea", layer=icews)
    assert code == 1
    assert err.strip() == ("Error: a dyad needs two different actors (got 'North Korea' twice: "
                           "'North Korea' and 'north-korea')")  # fmt: skip
    code, _, err = _cli("dyad", "North Korea", "South Korea")
    assert code == 1 and err.startswith("Error: no reports to count: layer a folder written by")
    code, out, err = _cli("dyad", "North Korea", "South Korea", "--from", "2019", layer=icews)
    assert code == 0 and "(no results)" in err
    assert "no reports between North Korea and South Korea from 2019-01-01" in err
    code, _, err = _cli("dyad", "North Korea", "South Korea", "-o", "x.jpg", layer=icews)
    assert code == 1 and "must be a .png, .svg or .pdf file (got 'x.jpg')" in err
    # a bin finer than every report: the CSIS table is dated to the month
    code, _, err = _cli("import", "csv",
                        str(shared / "data/diplomatic/csis_us_dprk_negotiations.csv"),
                        "--mapping", str(shipped("data") / "mappings/csis-negotiations.yml"),
                        "-o", str(tmp_path))  # fmt: skip
    assert code == 0, err
    code, out, err = _cli("dyad", "United States", "North Korea", "--by", "week", "--json",
                          layer=tmp_path)  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["periods"] == [] and data["reports"] == data["coarser_than_bin"] > 100
    assert "is known only coarser than a week; none can be counted in a week bin" in err
    with pytest.raises(QueryError, match="share actors"):
        dyad([], Side("a", "A", frozenset({"a", "x"})), Side("b", "B", frozenset({"b", "x"})))
    with pytest.raises(QueryError, match="the bin must be one of"):
        dyad([], "a", "b", by="fortnight")
