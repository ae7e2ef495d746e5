"""Timeline charts: what is drawn where, checked on the figure's artists and rendered text boxes."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.text import Text

from diplograph.cli import cli
from diplograph.dates import parse_date
from diplograph.errors import ModelError
from diplograph.kg import KnowledgeGraph
from diplograph.resources import bundled_data
from diplograph.rows import EventRow, ParticipantRow, StatementRow, event_rows, statement_rows
from diplograph.timeline import plot_timeline, save_figure, timeline_axes
from diplograph.timeline.labels import LabelPlacer, overlaps
from diplograph.timeline.layout import assign_lanes, find_segments, format_when

D = mdates.date2num


def _x(day: date) -> float:
    return float(D(day))


@pytest.fixture(scope="module")
def chart(korea: KnowledgeGraph) -> Any:
    rows, sts = event_rows(korea), statement_rows(korea)
    ax = plot_timeline(
        rows, statements=sts, eras=["Hanoi to Panmunjom:2019-02-28/2019-06-30"], title="Korea"
    )
    fig = ax.get_figure()
    fig.canvas.draw()
    return ax, fig.canvas.get_renderer(), rows, sts


def _lanes(ax: Any) -> list[str]:
    return [t.get_text() for t in timeline_axes(ax)[0].get_yticklabels()]


def _points(ax: Any, prefix: str) -> list[tuple[int, float, float]]:
    """(panel, x, y) of every scatter point whose gid starts with ``prefix``."""
    out = []
    for k, a in enumerate(timeline_axes(ax)):
        for c in a.collections:
            if isinstance(c, PathCollection) and (c.get_gid() or "").startswith(prefix):
                out.extend((k, float(x), float(y)) for x, y in c.get_offsets())
    return out


def _polys(ax: Any, gid: str) -> list[tuple[int, float, float, float, float]]:
    """(panel, x0, x1, y0, y1) of every polygon in the collections called ``gid``."""
    out = []
    for k, a in enumerate(timeline_axes(ax)):
        for c in a.collections:
            if isinstance(c, PolyCollection) and c.get_gid() == gid:
                for p in c.get_paths():
                    v = p.vertices
                    out.append((k, v[:, 0].min(), v[:, 0].max(), v[:, 1].min(), v[:, 1].max()))
    return out


def _lane_of(ax: Any, name: str) -> int:
    return _lanes(ax).index(name)


def _labels(ax: Any, *, statements: bool = False) -> list[Text]:
    kinds = ("label:", "statement-label:") if statements else ("label:",)
    return [t for a in timeline_axes(ax) for t in a.texts if (t.get_gid() or "").startswith(kinds)]


# -- lanes and marks on the Korea dataset --------------------------------------------------


def test_principal_actors_get_lanes_and_the_rest_share_one(chart: Any) -> None:
    ax, *_ = chart
    lanes = _lanes(ax)
    assert len(lanes) == 7
    assert {"Donald Trump", "Kim Jong Un", "Moon Jae-in", "North Korea"} <= set(lanes)
    assert lanes[-1] == "Others"


def test_meetings_sit_on_each_participants_lane_at_their_dates(chart: Any) -> None:
    ax, _, rows, _ = chart
    pts = _points(ax, "events:")
    trump, kim, moon = (_lane_of(ax, n) for n in ("Donald Trump", "Kim Jong Un", "Moon Jae-in"))

    def on(lane: int, day: date) -> bool:
        return any(abs(x - _x(day)) < 1e-9 and abs(y - lane) < 0.5 for _, x, y in pts)

    for day in (date(2018, 6, 12), date(2019, 6, 30)):  # Singapore, Panmunjom
        assert on(trump, day) and on(kim, day)
    for day in (date(2018, 4, 27), date(2018, 5, 26)):  # two of the Moon-Kim summits
        assert on(moon, day) and on(kim, day)
    # every exact-day event has a marker exactly at its date
    exact = [r for r in rows if getattr(r.time, "is_exact_day", False)]
    assert len(exact) == 10
    for r in exact:
        assert any(abs(x - _x(r.time.earliest)) < 1e-9 for _, x, _ in pts), r.id


def test_hanoi_is_a_two_day_bar_and_pyongyang_a_three_day_bar(chart: Any) -> None:
    ax, *_ = chart
    bars = _polys(ax, "bars")
    hanoi = [b for b in bars if abs(b[1] - _x(date(2019, 2, 27))) < 1e-9]
    assert len(hanoi) == 2  # on Trump's and Kim's lanes
    assert all(abs(b[2] - _x(date(2019, 3, 1))) < 1e-9 for b in hanoi)  # through 28 Feb
    pyongyang = [b for b in bars if abs(b[1] - _x(date(2018, 9, 18))) < 1e-9]
    assert pyongyang and all(abs(b[2] - _x(date(2018, 9, 21))) < 1e-9 for b in pyongyang)
    # a span is not also drawn as a point
    assert not any(abs(x - _x(date(2019, 2, 27))) < 1e-9 for _, x, _ in _points(ax, "events:"))


def test_month_precision_is_a_band_over_the_whole_month_not_a_point(chart: Any) -> None:
    ax, *_ = chart
    nk = _lane_of(ax, "North Korea")
    bands = [b for b in _polys(ax, "bands") if abs((b[3] + b[4]) / 2 - nk) < 0.5]
    may = [b for b in bands if abs(b[1] - _x(date(2019, 5, 1))) < 1e-9]
    assert len(may) == 1
    assert abs(may[0][2] - _x(date(2019, 6, 1))) < 1e-9  # through 31 May
    pts = _points(ax, "events:")
    assert not any(abs(x - _x(date(2019, 5, 1))) < 1e-9 for _, x, _ in pts)
    # the two day tests sit inside the band, on the same lane
    inside = [x for _, x, y in pts if may[0][1] <= x < may[0][2] and abs(y - nk) < 0.5]
    assert sorted(inside) == [_x(date(2019, 5, 4)), _x(date(2019, 5, 9))]


def test_armistice_sits_behind_an_axis_break(chart: Any) -> None:
    ax, *_ = chart
    panels = timeline_axes(ax)
    assert len(panels) == 2
    assert panels[1] is ax  # the 2018-2019 panel is the main one
    lo, hi = panels[0].get_xlim()
    assert lo < _x(date(1953, 7, 27)) < hi < _x(date(1954, 1, 1))
    lo2, hi2 = panels[1].get_xlim()
    assert lo2 < _x(date(2018, 4, 27)) and _x(date(2019, 7, 1)) < hi2
    assert panels[1].get_position().width > 3 * panels[0].get_position().width
    marks = [line for a in panels for line in a.lines if line.get_gid() == "axis-break"]
    assert len(marks) == 2
    armistice = [p for p in _points(ax, "events:agreement") if p[0] == 0]
    assert armistice and all(abs(x - _x(date(1953, 7, 27))) < 1e-9 for _, x, _ in armistice)


def test_july_statements_are_tied_to_the_panmunjom_meeting(chart: Any) -> None:
    ax, _, _, sts = chart
    lee = _lane_of(ax, "Lee Sang-min")
    st_pts = _points(ax, "statements:")
    assert any(abs(x - _x(date(2019, 7, 1))) < 1e-9 and abs(y - lee) < 0.5 for _, x, y in st_pts)
    ends = []
    for c in ax.collections:
        if c.get_gid() == "connectors":
            for p in c.get_paths():
                ends.append((tuple(p.vertices[0]), tuple(p.vertices[-1])))
    panmunjom = _x(date(2019, 6, 30))
    trump, kim = _lane_of(ax, "Donald Trump"), _lane_of(ax, "Kim Jong Un")
    from_lee = [
        e for s, e in ends if abs(s[0] - _x(date(2019, 7, 1))) < 1e-9 and abs(s[1] - lee) < 0.5
    ]
    assert any(
        abs(e[0] - panmunjom) < 1e-9 and min(abs(e[1] - trump), abs(e[1] - kim)) < 0.5
        for e in from_lee
    )
    # every statement about an event on the chart has a connector
    about = {s.id for s in sts if s.about_events}
    assert len(ends) >= len({tuple(sorted(s.about_events)) for s in sts if s.id in about})


def test_links_between_summits_are_drawn_as_arcs(chart: Any) -> None:
    ax, *_ = chart
    arcs = [p for p in ax.patches if p.get_gid() == "links"]
    pairs = {
        (mdates.num2date(a[0]).date(), mdates.num2date(b[0]).date())
        for a, b in (p._posA_posB for p in arcs)
    }
    summits = [date(2018, 4, 27), date(2018, 5, 26), date(2018, 6, 12), date(2019, 2, 27)]
    assert pairs == {
        (summits[0], summits[1]),
        (summits[1], summits[2]),
        (summits[1], date(2018, 9, 19)),  # the middle of the three Pyongyang days
        (summits[2], date(2019, 2, 28)),  # Hanoi's middle
        (date(2019, 2, 28), date(2019, 6, 30)),
    }


def test_labels_overlap_neither_each_other_nor_markers(chart: Any) -> None:
    ax, renderer, rows, _ = chart
    labels = _labels(ax)
    assert len(labels) == len(rows)  # 13 events: every one labelled at this size
    said = [t.get_text() for t in _labels(ax, statements=True) if t not in labels]
    # a statement's label gives who spoke and the words, abridged, and how many more
    assert (
        "Korean Central News Agency: Trump\nand Kim during their meeting… (+2\nmore)\n"
        "30 Jun – 1 Jul 2019"
    ) in said
    us = "United States: excessive North\nKorean demands for sanctions…\n28 Feb – 1 Jul 2019"
    assert us in said
    _assert_no_overlaps(ax, renderer)


def _assert_no_overlaps(ax: Any, renderer: Any) -> None:
    labels = _labels(ax, statements=True)
    boxes = [t.get_window_extent(renderer) for t in labels]
    boxes_t = [(b.x0, b.y0, b.x1, b.y1) for b in boxes]
    for (i, a), (j, b) in itertools.combinations(enumerate(boxes_t), 2):
        assert not overlaps(a, b), (labels[i].get_text(), labels[j].get_text())
    fig = ax.get_figure()
    for a in timeline_axes(ax):
        for c in a.collections:
            gid = c.get_gid() or ""
            if not isinstance(c, PathCollection) or not gid.startswith(
                ("events:", "statements:", "roles")
            ):
                continue
            r = (c.get_sizes()[0] ** 0.5) / 2 * fig.dpi / 72
            for x, y in a.transData.transform(c.get_offsets()):
                marker = (x - r, y - r, x + r, y + r)
                for box, t in zip(boxes_t, labels, strict=True):
                    assert not overlaps(box, marker), (t.get_text(), c.get_gid())
    # every label stays inside its panel
    for a in timeline_axes(ax):
        frame = a.get_window_extent(renderer)
        for t in a.texts:
            if (t.get_gid() or "").startswith(("label:", "statement-label:")):
                b = t.get_window_extent(renderer)
                assert frame.x0 - 1 <= b.x0 and b.x1 <= frame.x1 + 1


def test_era_is_shaded_over_its_dates(chart: Any) -> None:
    ax, *_ = chart
    spans = [p for p in ax.patches if p.get_gid() == "era:Hanoi to Panmunjom"]
    assert len(spans) == 1
    x0, width = spans[0].get_x(), spans[0].get_width()
    assert x0 == pytest.approx(_x(date(2019, 2, 28)))
    assert x0 + width == pytest.approx(_x(date(2019, 7, 1)))  # through 30 June


def test_mediator_and_escort_are_rings_on_their_lane(chart: Any) -> None:
    ax, *_ = chart
    moon = _lane_of(ax, "Moon Jae-in")
    rings = sorted((x, y) for _, x, y in _points(ax, "roles"))
    assert rings == [(_x(date(2018, 6, 12)), moon), (_x(date(2019, 6, 30)), moon)]
    assert moon not in {round(y) for _, x, y in _points(ax, "events:meeting")}


def test_legend_and_footnote(chart: Any) -> None:
    ax, *_ = chart
    fig = ax.get_figure()
    legend = fig.legends[0]
    texts = [t.get_text() for t in legend.get_texts()]
    assert {"summit", "meeting", "missile test", "agreement"} <= set(texts)
    note = next(t for t in fig.texts if t.get_gid() == "sources").get_text()
    assert "Wikipedia" in note and "Seoul hopes Trump-Kim meeting" in note


# -- synthetic data ------------------------------------------------------------------------


def _row(i: int, when: str, actors: tuple[str, ...] = ("a",), typ: str = "summit") -> EventRow:
    return EventRow(
        f"e{i}",
        f"Event {i}",
        typ,
        parse_date(when),
        participants=tuple(ParticipantRow(a, a.upper(), "attendee") for a in actors),
    )


def test_axis_breaks_only_past_the_gap_threshold() -> None:
    rows = [_row(1, "2000-01-10"), _row(2, "2000-03-01"), _row(3, "2010-05-05")]
    assert len(timeline_axes(plot_timeline(rows))) == 2
    assert len(timeline_axes(plot_timeline(rows, break_gap_days=20 * 365))) == 1
    close = [_row(1, "2000-01-10"), _row(2, "2001-03-01")]
    assert len(timeline_axes(plot_timeline(close))) == 1
    assert find_segments([(0, 1), (5000, 5001), (5003, 5004)], gap_days=1000) == [
        (0, 1),
        (5000, 5004),
    ]


def test_year_precision_band_spans_the_whole_year_and_uncertain_dates_say_so() -> None:
    rows = [_row(1, "2017"), _row(2, "2019-06-12?"), _row(3, "2018-03-03")]
    ax = plot_timeline(rows, lanes="none")
    band = next(b for b in _polys(ax, "bands") if abs(b[1] - _x(date(2017, 1, 1))) < 1e-9)
    assert abs(band[2] - _x(date(2018, 1, 1))) < 1e-9
    hollow = _points(ax, "events:summit:hollow")
    assert [x for _, x, _ in hollow] == [_x(date(2019, 6, 12))]
    label = next(t for t in _labels(ax) if t.get_gid() == "label:e2")
    assert label.get_text().endswith("12 Jun 2019?")
    assert format_when(parse_date("2019-06~")) == "c. Jun 2019"


def test_open_ended_dates_run_to_the_edge_of_the_panel() -> None:
    rows = [_row(1, "../2019-07"), _row(2, "2019-03-01"), _row(3, "2018-05/..")]
    ax = plot_timeline(rows, lanes="none")
    lo, hi = ax.get_xlim()
    bands = _polys(ax, "bands")
    assert any(b[1] == pytest.approx(lo) and b[2] == _x(date(2019, 8, 1)) for b in bands)
    assert any(b[1] == _x(date(2018, 5, 1)) and b[2] == pytest.approx(hi) for b in bands)
    assert format_when(parse_date("2018-05/..")) == "from May 2018"


def test_uncertain_unlabelled_events_carry_a_question_mark() -> None:
    rows = [_row(1, "2019-06-12?"), _row(2, "2019-08-01")]
    ax = plot_timeline(rows, label_top=0)
    assert not _labels(ax)
    assert [t.get_text() for t in ax.texts if t.get_gid() == "uncertain"] == ["?"]


def test_lanes_by_type_and_single_lane(korea: KnowledgeGraph) -> None:
    rows, sts = event_rows(korea), statement_rows(korea)
    ax = plot_timeline(rows, statements=sts, lanes="type")
    types = {r.type.replace("_", " ") for r in rows}
    assert set(_lanes(ax)) == types | {"statement"}
    ax = plot_timeline(rows, lanes="none")
    assert _lanes(ax) == ["All events"]
    assert not _points(ax, "statements:")
    with pytest.raises(ModelError, match="lanes must be one of"):
        plot_timeline(rows, lanes="place")


def test_explicit_lanes_and_multi_participant_joins() -> None:
    rows = [_row(1, "2019-01-05", ("a", "b")), _row(2, "2019-03-05", ("c",))]
    ax = plot_timeline(rows, lanes=["b", "a"])
    assert _lanes(ax) == ["B", "A", "Others"]
    joins = [c for c in ax.collections if c.get_gid() == "joins"]
    (seg,) = joins[0].get_segments()
    assert seg[0][0] == seg[1][0] == _x(date(2019, 1, 5))
    assert sorted(y for _, y in seg) == [0.0, 1.0]


def test_lane_choice_keeps_the_busiest_actors(korea: KnowledgeGraph) -> None:
    la = assign_lanes(event_rows(korea), statement_rows(korea), max_lanes=4)
    assert set(la.names) == {"Kim Jong Un", "Donald Trump", "North Korea", "Others"}
    hanoi = {la.names[i] for i in la.events["hanoi-summit-2019"]}
    assert hanoi == {"Donald Trump", "Kim Jong Un"}
    armistice = {la.names[i] for i in la.events["armistice-1953"]}
    assert armistice == {"North Korea", "Others"}


def test_label_top_limits_labels_and_crowds_stay_unlabelled_rather_than_overlap() -> None:
    rng = random.Random(7)
    start = date(2015, 1, 1)
    rows = [
        _row(
            i,
            (start + timedelta(days=rng.randrange(0, 900))).isoformat(),
            (rng.choice("abcdef"),),
            rng.choice(["summit", "meeting", "visit", "talks"]),
        )
        for i in range(500)
    ]
    sparse = [_row(i, f"2019-{i:02d}-15") for i in range(1, 13)]
    assert len(_labels(plot_timeline(sparse, label_top=5))) == 5
    assert len(_labels(plot_timeline(sparse))) == 12
    ax = plot_timeline(rows, label_top=500)
    fig = ax.get_figure()
    fig.canvas.draw()
    n = len(_labels(ax))
    assert 40 < n < 500  # many placed, the rest left as marks
    _assert_no_overlaps(ax, fig.canvas.get_renderer())
    # so many marks: each lane is one thin strip (no sub-rows), leaving room for labels
    assert all(y == round(y) for _, _, y in _points(ax, "events:"))


def test_legend_can_be_left_out_when_drawing_into_a_shared_figure() -> None:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 8))
    top, below = fig.subplots(2, 1)
    ax = plot_timeline([_row(1, "2019-06-30"), _row(2, "2019-02")], ax=top, legend=False)
    assert ax is top and not fig.legends
    assert not [t for t in fig.texts if t.get_gid() == "sources"]
    assert plot_timeline([_row(1, "2019-06-30")], ax=below).get_figure().legends


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 300)), max_size=40),
    st.lists(
        st.tuples(st.integers(0, 400), st.integers(0, 300), st.integers(5, 80), st.integers(5, 30)),
        max_size=40,
    ),
)
def test_placer_never_overlaps(obstacles: list[Any], labels: list[Any]) -> None:
    placer = LabelPlacer(cell=16)
    marks = [(x - 3.0, y - 3.0, x + 3.0, y + 3.0) for x, y in obstacles]
    for m in marks:
        placer.add_obstacle(m)
    placed = []
    for x, y, w, h in labels:
        got = placer.place([(x, y)], (w, h), 3, (0, 0, 400, 300))
        if got is not None:
            box = got[0]
            assert box[0] >= 0 and box[2] <= 400 and box[1] >= 0 and box[3] <= 300
            placed.append(box)
    for a, b in itertools.combinations(placed, 2):
        assert not overlaps(a, b)
    for box in placed:
        assert not any(overlaps(box, m) for m in marks)


def test_nothing_to_draw_and_bad_arguments() -> None:
    with pytest.raises(ModelError, match="nothing to draw"):
        plot_timeline([])
    with pytest.raises(ModelError, match="an era is LABEL:FROM/TO"):
        plot_timeline([_row(1, "2019")], eras=["2019/2020"])
    with pytest.raises(ModelError, match="label_top"):
        plot_timeline([_row(1, "2019")], label_top=-1)


def test_statement_with_a_range_is_a_hollow_diamond_on_a_band() -> None:
    row = _row(1, "2019-06-30")
    s = StatementRow(
        "s", "a", "A", parse_date("2019-06-30/2019-07-01"), "words", "report", about_events=("e1",)
    )
    ax = plot_timeline([row], statements=[s])
    (pt,) = _points(ax, "statements:statement:hollow")
    assert pt[1] == pytest.approx((_x(date(2019, 6, 30)) + _x(date(2019, 7, 2))) / 2)
    assert any(
        abs(b[1] - _x(date(2019, 6, 30))) < 1e-9 and abs(b[2] - _x(date(2019, 7, 2))) < 1e-9
        for b in _polys(ax, "bands")
    )


# -- files ----------------------------------------------------------------------------------


def test_svg_and_pdf_are_byte_identical_across_renders(
    korea: KnowledgeGraph, tmp_path: Path
) -> None:
    rows, sts = event_rows(korea), statement_rows(korea)
    for suffix in ("svg", "pdf"):
        outs = []
        for k in range(2):
            ax = plot_timeline(rows, statements=sts, title="Korea")
            outs.append(save_figure(ax, tmp_path / f"k{k}.{suffix}").read_bytes())
        assert outs[0] == outs[1], suffix
        assert len(outs[0]) > 10_000
    assert b"CreationDate" not in outs[0]
    svg = (tmp_path / "k0.svg").read_text()
    assert "<dc:date>" not in svg and 'id="label:hanoi-summit-2019"' in svg
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k0.pdf", "k0.svg", "k1.pdf", "k1.svg"]


def test_save_figure_refuses_unknown_formats(tmp_path: Path) -> None:
    ax = plot_timeline([_row(1, "2019-06-30")])
    with pytest.raises(ModelError, match=r"use \.png, \.svg or \.pdf \(got '\.gif'\)"):
        save_figure(ax, tmp_path / "x.gif")
    assert list(tmp_path.iterdir()) == []


def test_cli_timeline_writes_png_svg_pdf_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    png = tmp_path / "korea.png"
    res = runner.invoke(
        cli,
        [
            "timeline",
            "-o",
            str(png),
            "--title",
            "Korea",
            "--era",
            "Hanoi to Panmunjom:2019-02-28/2019-06-30",
            "--dpi",
            "60",
        ],
    )
    assert res.exit_code == 0, res.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "13 events, 11 statements on 7 lanes, time axis broken into 2 panels" in res.output
    svg = tmp_path / "trump.svg"
    res = runner.invoke(
        cli,
        [
            "timeline",
            "-o",
            str(svg),
            "--actor",
            "Trump",
            "--type",
            "summit",
            "--no-statements",
            "--lanes",
            "type",
        ],
    )
    assert res.exit_code == 0, res.output
    text = svg.read_text()
    assert "events:summit" in text and "statements:" not in text
    assert "2 events, 0 statements on 1 lanes" in res.output
    pdf = tmp_path / "k.pdf"
    res = runner.invoke(cli, ["timeline", "-o", str(pdf), "--from", "2019", "--to", "2019-05"])
    assert res.exit_code == 0, res.output
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert "4 events" in res.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.jpg"], "Error: the output must end in .png, .svg, .pdf or .json (got 'x.jpg')"),
        (["-o", "x.png", "--from", "2030"], "Error: no events match the filters"),
        (["-o", "x.png", "--era", "oops"], "Error: an era is LABEL:FROM/TO"),
        (["-o", "x.png", "--actor", "Nobody"], "Error: no actor is called 'Nobody'"),
        (["-o", "x.png", "--type", "picnic"], "Error: event type must be one of"),
        (["-o", "x.png", "--from", "2019-13"], "Error: "),
        (
            ["-o", "x.png", "--height", "2"],
            "Error: a chart of 7 lanes and 2 panel(s) needs at least",
        ),
    ],
)
def test_cli_timeline_errors(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["--data", str(bundled_data()), "timeline", *args])
    assert res.exit_code == 1, res.output
    assert res.output.strip().splitlines()[-1].startswith(message)
    assert "Traceback" not in res.output
    assert not list(tmp_path.iterdir())  # nothing written, not even a temporary file


def test_svg_is_identical_across_processes_with_different_hash_seeds(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"k{seed}.svg"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "diplograph",
                "--data",
                str(bundled_data()),
                "timeline",
                "-o",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
