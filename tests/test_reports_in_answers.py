"""Reports in the answers: how many back each event, disputed dates on the chart, place conflicts.

The reports of ``tests/data/contested`` are layered on the shipped data: two
describe the Pyongyang summit (one dated the day before it began and placed in
Kaesong, one agreeing with the graph), one the Singapore summit.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from diplograph import bundled_data, query
from diplograph.cli import cli
from diplograph.cli._conflicts import _from_store
from diplograph.kg import KnowledgeGraph
from diplograph.layers import load_layers
from diplograph.rdf.store import Store, open_store
from diplograph.rows import event_rows

CONTESTED = Path(__file__).parent / "data" / "contested"
LAYERED = ["--data", str(bundled_data()), "--data", str(CONTESTED)]
PYONGYANG = "inter-korean-summit-2018-09"


@pytest.fixture(scope="module")
def layered() -> KnowledgeGraph:
    return load_layers([bundled_data(), CONTESTED]).kg


@pytest.fixture(scope="module")
def store(layered: KnowledgeGraph) -> Store:
    s = open_store()
    s.load(layered)
    return s


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*LAYERED, *args])


def test_event_rows_count_the_reports_that_back_them(store: Store, layered: KnowledgeGraph) -> None:
    rows = query.events(store, actors=["kim-jong-un"], types=["summit"])
    counts = {r.id: r.reports for r in rows}
    assert counts[PYONGYANG] == 2
    assert counts["singapore-summit-2018"] == 1
    assert counts["hanoi-summit-2019"] == 0
    # the same counts from the records, without a store
    assert {r.id: r.reports for r in event_rows(layered) if r.id in counts} == counts
    met = query.meetings(store, "moon-jae-in", "kim-jong-un")
    assert [m.event.reports for m in met] == [0, 0, 2]


def test_events_and_meetings_show_a_reports_column_only_when_reports_back_an_event() -> None:
    table = run("meetings", "Moon", "Kim")
    assert table.exit_code == 0, table.output
    header, _, *rows = table.stdout.splitlines()
    assert header.split()[-1] == "REPORTS"
    assert [r.split()[-1] for r in rows] == ["0", "0", "2"]
    plain = CliRunner().invoke(cli, ["meetings", "Moon", "Kim"])
    assert "REPORTS" not in plain.stdout
    # a script gets the column whatever the data: CSV always has it, JSON has the field
    bare_csv = CliRunner().invoke(cli, ["events", "--actor", "Trump", "--csv"])
    assert next(csv.reader(io.StringIO(bare_csv.stdout)))[-1] == "REPORTS"
    got = list(csv.DictReader(io.StringIO(run("events", "--type", "summit", "--csv").stdout)))
    assert {r["EVENT"]: r["REPORTS"] for r in got}["Trump-Kim summit in Singapore"] == "1"
    as_json = json.loads(run("meetings", "Trump", "Kim", "--json").stdout)
    assert [m["reports"] for m in as_json] == [1, 0, 0]


def test_the_sparql_conflicts_check_places_as_the_records_do(
    store: Store, layered: KnowledgeGraph
) -> None:
    from diplograph.importers import conflicts

    found = {(c.event, c.aspect): c for c in _from_store(store)}
    assert set(found) == {(PYONGYANG, "date"), (PYONGYANG, "place")}
    place = found[(PYONGYANG, "place")]
    # "Pyongyang, DPRK" names the summit's place and "Sentosa island, Singapore" the other's
    assert [(v.report, v.value, v.grade) for v in place.versions] == [("wire-1", "Kaesong", "C3")]
    assert place.graph == "pyongyang"
    # a date span keeps its slash
    assert found[(PYONGYANG, "date")].graph == "2018-09-18/2018-09-20"
    by_records = {(c.event, c.aspect): c for c in conflicts(layered.reports.values(), layered)}
    assert set(by_records) == set(found)
    assert by_records[(PYONGYANG, "place")].versions == place.versions


def test_contested_dates_are_those_a_report_disputes(store: Store) -> None:
    ids = [PYONGYANG, "singapore-summit-2018", "hanoi-summit-2019"]
    assert query.contested_dates(store, ids) == {PYONGYANG: ("2018-09-17",)}
    assert query.contested_dates(store, []) == {}


def test_the_chart_rings_a_disputed_date_and_says_so_in_the_legend(store: Store) -> None:
    from diplograph.timeline import plot_timeline, timeline_axes

    rows = query.events(store, start="2018-04", end="2018-10")

    def drawn(contested: list[str]) -> tuple[list[tuple[float, float]], list[str]]:
        ax = plot_timeline(rows, contested=contested)
        rings = [
            tuple(xy)
            for a in timeline_axes(ax)
            for c in a.collections
            if c.get_gid() == "contested"
            for xy in c.get_offsets()
        ]
        legend = ax.get_figure().legends[0]
        return rings, [t.get_text() for t in legend.get_texts()]

    rings, legend = drawn([PYONGYANG])
    assert len(rings) == 2  # on Moon's lane and on Kim's
    summit = next(r for r in rows if r.id == PYONGYANG)
    from diplograph.timeline.frame import epoch

    day = summit.time.earliest.toordinal() - epoch()
    assert all(day <= x <= day + 3 for x, _ in rings)
    assert "date disputed by a source's report" in legend
    assert drawn([]) == ([], [t for t in legend if "disputed" not in t])


def test_the_legend_keys_a_disputed_date_with_the_dashed_ring(store: Store) -> None:
    from matplotlib.patches import Circle

    from diplograph.timeline import plot_timeline
    from diplograph.timeline.style import CONTESTED_DASH

    ax = plot_timeline(query.events(store, start="2018-04", end="2018-10"), contested=[PYONGYANG])
    fig = ax.get_figure()
    fig.canvas.draw()  # the whole chart draws with the key in it
    legend = fig.legends[0]
    keys = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles, strict=True))
    key = keys["date disputed by a source's report"]
    assert isinstance(key, Circle) and not key.get_fill()
    assert key.get_linestyle() == CONTESTED_DASH  # dashed as the ring on the chart, not solid
    assert key.get_edgecolor() == (0.0, 0.0, 0.0, 1.0)


def test_timeline_contested_marks_the_png_and_the_svg(tmp_path: Path) -> None:
    png = tmp_path / "t.png"
    result = run("timeline", "--contested", "-o", str(png), "--from", "2018-04", "--to", "2018-10")
    assert result.exit_code == 0, result.output
    assert "1 with a date a report disputes" in result.stderr
    assert png.read_bytes().startswith(b"\x89PNG")
    svg = tmp_path / "t.svg"
    assert run("timeline", "--contested", "-o", str(svg)).exit_code == 0
    text = svg.read_text()
    assert 'id="contested' in text and "date disputed by a source" in text
    plain = tmp_path / "plain.svg"
    assert run("timeline", "-o", str(plain)).exit_code == 0
    assert 'id="contested' not in plain.read_text()


def test_the_sparql_conflicts_name_a_person_the_event_does_not_list(
    layered: KnowledgeGraph,
) -> None:
    from diplograph.importers import conflicts

    wire = layered.reports["wire-3"]
    extra = wire.model_copy(update={"id": "wire-4", "actors": ("lee-sang-min", "kim-jong-un")})
    kg = KnowledgeGraph.from_records([*layered.records(), extra])
    s = open_store()
    s.load(kg)
    found = {(c.event, c.aspect): c for c in _from_store(s)}
    who = found[("singapore-summit-2018", "participants")]
    assert [(v.report, v.value) for v in who.versions] == [("wire-4", "lee-sang-min")]
    by_records = {(c.event, c.aspect): c for c in conflicts(kg.reports.values(), kg)}
    assert by_records[("singapore-summit-2018", "participants")].versions == who.versions
