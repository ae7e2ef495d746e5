"""An analyst's folder on top of the shipped dataset: nested events, same-day order,
statements about a place, sides, events between two events, global options.

The folder ``tests/data/hanoi-parts`` adds the Hanoi dinner, one-on-one and
expanded talks as parts of the summit, Trump's press conference words and Ri
Yong Ho's account of the Yongbyon offer. It is copied with the shipped
dataset into one temporary folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import diplograph
from diplograph import query
from diplograph.cli import cli
from diplograph.dates import parse_date
from diplograph.errors import AmbiguousNameError, QueryError
from diplograph.names import Names
from diplograph.rdf.store import Store, open_store
from diplograph.rows import Citation, EventRow, StatementRow, in_order

HERE = Path(__file__).parent
HANOI = ["hanoi-dinner-2019", "hanoi-one-on-one-2019", "hanoi-expanded-talks-2019"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("layered")
    for f in diplograph.bundled_data().glob("*.yaml"):
        shutil.copy(f, out / f.name)
    shutil.copy(HERE / "data" / "hanoi-parts" / "hanoi.yaml", out / "hanoi.yaml")
    return out


@pytest.fixture(scope="module")
def store(folder: Path) -> Store:
    s = open_store()
    s.load(diplograph.load(folder))
    return s


def run(folder: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", str(folder), *args])


def _rows(result: Result) -> list[str]:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[2:]


# -- 1. sub-events are not meetings of their own -------------------------------------------


def test_meetings_count_the_outermost_events_with_parts_beneath(store: Store) -> None:
    got = query.meetings(store, "donald-trump", "kim-jong-un")
    assert [(m.ordinal_text, m.event.id) for m in got] == [
        ("1st", "singapore-summit-2018"),
        ("2nd", "hanoi-summit-2019"),
        ("3rd", "panmunjom-meeting-2019"),
    ]
    assert [(p.ordinal, p.event.id) for p in got[1].parts] == [(None, i) for i in HANOI]
    flat = query.meetings(store, "donald-trump", "kim-jong-un", flat=True)
    assert [m.ordinal_text for m in flat] == ["1st", "2nd", "-", "-", "-", "3rd"]
    assert [m.event.id for m in flat][2:5] == HANOI


def test_meetings_command_nests_and_flattens(folder: Path) -> None:
    rows = _rows(run(folder, "meetings", "Trump", "Kim"))
    assert [r.split()[0] for r in rows if not r.startswith(" ")] == ["1st", "2nd", "3rd"]
    parts = [r for r in rows if r.startswith(" ")]
    assert len(parts) == 3 and all("└ " in r for r in parts)
    assert "dinner at the Metropole" in parts[0] and "one-on-one" in parts[1]
    flat = _rows(run(folder, "meetings", "Trump", "Kim", "--parts"))
    assert [r.split()[0] for r in flat] == ["1st", "2nd", "-", "-", "-", "3rd"]
    got = json.loads(run(folder, "meetings", "Trump", "Kim", "--json").stdout)
    assert [m["ordinal_text"] for m in got] == ["1st", "2nd", "3rd"]
    assert [p["id"] for p in got[1]["parts"]] == HANOI
    assert got[1]["parts"][0]["ordinal"] is None and got[1]["parts"][0]["role_a"] == "attendee"


def test_events_nest_the_month_of_tests_and_the_summit(folder: Path, store: Store) -> None:
    rows = query.events(store, start="2019-02", end="2019-05")
    assert [r.id for r in rows] == ["hanoi-summit-2019", "missile-tests-2019-05"]
    assert [p.id for p in rows[0].parts] == HANOI
    assert [p.id for p in rows[1].parts] == ["missile-test-2019-05-04", "missile-test-2019-05-09"]
    assert len(query.events(store, start="2019-02", end="2019-05", flat=True)) == 7
    got = json.loads(run(folder, "events", "--type", "missile_test", "--json").stdout)
    assert [e["id"] for e in got] == ["missile-tests-2019-05"]
    assert len(got[0]["parts"]) == 2
    flat = _rows(run(folder, "events", "--type", "missile_test", "--parts"))
    assert len(flat) == 3 and not any("└" in r for r in flat)


def test_a_part_whose_whole_is_not_in_the_answer_stands_alone(store: Store) -> None:
    rows = query.events(store, types=["talks"])
    assert [(r.id, r.parts) for r in rows] == [("hanoi-expanded-talks-2019", ())]


def test_the_demo_answer_counts_three_meetings(folder: Path, tmp_path: Path) -> None:
    result = run(folder, "demo", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    answer = result.stdout.split("1. ", 1)[1].split("2. ", 1)[0]
    assert "3rd" in answer and "4th" not in answer
    assert "dinner at the Metropole" in answer


# -- 2. same-day order ---------------------------------------------------------------------


def test_same_day_events_follow_their_links(store: Store) -> None:
    flat = [r.id for r in query.events(store, start="2019-02-27", end="2019-02-28", flat=True)]
    # the summit is the whole (first); the one-on-one leads to the talks, though "e" < "o"
    assert flat == ["hanoi-summit-2019", *HANOI]


def test_same_day_rows_go_by_their_place_in_the_source_then_id() -> None:
    day = parse_date("2019-07-01")

    def said(sid: str, start: int | None) -> StatementRow:
        cite = Citation("s", "S", "q", start=start)
        return StatementRow(sid, "x", "X", day, "words", "direct_quote", citations=(cite,))

    rows = [said("a", 900), said("b", 100), said("c", None), said("d", 500)]
    assert [r.id for r in in_order(rows)] == ["b", "d", "a", "c"]
    meet = EventRow("z", "Meet", "meeting", day, leads_to=("a",))
    talk = EventRow("a", "Talk", "talks", day)
    assert [r.id for r in in_order([talk, meet])] == ["z", "a"]
    cycle = [
        EventRow("p", "P", "talks", day, follows=("q",)),
        EventRow("q", "Q", "talks", day, follows=("p",)),
    ]
    assert [r.id for r in in_order(cycle)] == ["p", "q"]


def test_statements_of_one_day_go_by_the_source_text(folder: Path) -> None:
    rows = _rows(run(folder, "statements", "--by", "Lee Sang-min"))
    # 'new life' comes first in the article, 'at a lull' later
    assert "new life" in rows[0] and "lull" in rows[1]


# -- 3. --about a place or an event with its parts ------------------------------------------


def test_about_hanoi_means_the_place(folder: Path, store: Store) -> None:
    names = Names(store)
    assert names.about("Hanoi") == ("place", "hanoi")
    assert names.event("Hanoi").id == "hanoi-summit-2019"  # its parts match too
    # the joint statement is part of the Singapore summit, so the name means the summit
    assert Names(diplograph.load(folder)).event("Singapore").id == "singapore-summit-2018"
    ids = {s.id for s in query.statements(store, about_place="hanoi")}
    assert ids == {
        "us-blames-north-korean-demands",
        "lee-lull-since-hanoi",
        "trump-sanctions-in-their-entirety",
        "trump-had-to-walk",
    }
    rows = _rows(run(folder, "statements", "--about", "Hanoi"))
    assert len(rows) == 4 and "Sometimes you have to walk" in "\n".join(rows)


def test_about_yongbyon_names_the_place(folder: Path) -> None:
    rows = _rows(run(folder, "statements", "--about", "Yongbyon"))
    assert len(rows) == 1 and rows[0].split()[1:4] == ["Ri", "Yong", "Ho"]


def test_about_an_event_takes_in_its_parts(store: Store) -> None:
    ids = [s.id for s in query.statements(store, about_event="hanoi-summit-2019")]
    assert "trump-had-to-walk" in ids and "lee-lull-since-hanoi" in ids


def test_unrelated_events_stay_ambiguous(folder: Path) -> None:
    with pytest.raises(AmbiguousNameError, match="Trump-Kim"):
        Names(diplograph.load(folder)).event("Trump-Kim")
    result = run(folder, "statements", "--about", "Trump-Kim")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 'Trump-Kim' names more than one event:")


# -- 4. sides ------------------------------------------------------------------------------


def test_a_side_takes_in_its_people_bodies_and_media(store: Store) -> None:
    assert query.side(store, "united-states") == ["donald-trump", "united-states"]
    assert set(query.side(store, "south-korea")) >= {
        "moon-jae-in",
        "lee-sang-min",  # by his post in the Ministry of Unification
        "unification-ministry",
        "presidential-office-rok",
    }
    speakers = {s.speaker for s in query.statements(store, for_side="united-states")}
    assert speakers == {"donald-trump", "united-states"}


def test_side_command_shows_who_spoke(folder: Path) -> None:
    rows = _rows(run(folder, "statements", "--side", "United States"))
    assert sum("Donald Trump" in r for r in rows) == 2
    assert sum("United States" in r.split("  ")[1] for r in rows) == 1
    north = _rows(run(folder, "statements", "--side", "North Korea"))
    assert sum("Korean Central News Agency" in r for r in north) == 3
    assert any("Ri Yong Ho" in r for r in north)
    by_trump = _rows(run(folder, "statements", "--side", "United States", "--by", "Trump"))
    assert len(by_trump) == 2


def test_events_of_a_side(folder: Path) -> None:
    rows = _rows(run(folder, "events", "--side", "United States"))
    assert rows and all("Donald Trump" in r or "United States" in r for r in rows)


# -- 6. between two events -----------------------------------------------------------------


def test_events_between_two_events(folder: Path, store: Store) -> None:
    rows = query.events(store, after="singapore-summit-2018", before="panmunjom-meeting-2019")
    ids = [r.id for r in rows]
    assert ids == ["inter-korean-summit-2018-09", "hanoi-summit-2019", "missile-tests-2019-05"]
    out = _rows(run(folder, "events", "--after", "Singapore", "--before", "Panmunjom meeting"))
    assert [r.split()[0] for r in out if "└" not in r] == [
        "2018-09-18/2018-09-20",
        "2019-02-27/2019-02-28",
        "2019-05",
    ]
    wrong = run(folder, "events", "--after", "Panmunjom meeting", "--before", "Singapore")
    assert wrong.exit_code == 1 and "no event falls between them" in wrong.stderr


def test_timeline_between_two_events(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "between.json"
    result = run(
        folder, "timeline", "-o", str(out), "--after", "Singapore", "--before", "Panmunjom meeting"
    )
    assert result.exit_code == 0, result.output
    ids = {e["unique_id"] for e in json.loads(out.read_text())["events"]}
    assert "hanoi-summit-2019" in ids and "singapore-summit-2018" not in ids


# -- 7. global options after the command ----------------------------------------------------


@pytest.mark.parametrize("option", ["--texts", "--data"])
def test_a_global_option_after_the_command_gets_a_hint(option: str) -> None:
    result = CliRunner().invoke(cli, ["validate", option, "somewhere"])
    assert result.exit_code == 2
    assert f"{option} is a global option: it goes before the command" in result.stderr
    assert f"'diplograph {option} DIR validate ...'" in result.stderr


def test_a_statements_only_timeline(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "said.svg"
    result = run(folder, "timeline", "-o", str(out), "--statements-only", "--side", "United States")
    assert result.exit_code == 0, result.output
    assert "0 events, 3 statements" in result.stderr
    svg = out.read_text(encoding="utf-8")
    assert "events:" not in svg and "statements:" in svg
    assert 'id="statement-label:trump-had-to-walk"' in svg
    none = run(folder, "timeline", "-o", str(out), "--statements-only", "--to", "1990")
    assert none.exit_code == 1 and "no statements match" in none.stderr


def test_statement_labels_give_the_words_abridged(store: Store) -> None:
    from diplograph.timeline import plot_timeline

    said = query.statements(store, for_side="united-states")
    ax = plot_timeline([], statements=said)
    labels = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("statement-")]
    assert "Donald Trump: “Sometimes you have\nto walk, and…” (+1 more)\n28 Feb 2019" in labels


def test_meetings_of_two_sides(folder: Path, store: Store) -> None:
    got = query.meetings(store, "united-states", "north-korea", sides=True)
    assert [(m.ordinal_text, m.event.id, m.who_a, m.who_b) for m in got] == [
        ("1st", "singapore-summit-2018", "Donald Trump", "Kim Jong Un"),
        ("2nd", "hanoi-summit-2019", "Donald Trump", "Kim Jong Un"),
        ("3rd", "panmunjom-meeting-2019", "Donald Trump", "Kim Jong Un"),
    ]
    assert len(got[1].parts) == 3
    rows = _rows(run(folder, "meetings", "South Korea", "North Korea", "--side", "--any-role"))
    assert [r.split()[0] for r in rows] == ["1st", "2nd", "-", "3rd", "-"]
    assert "Moon Jae-in: mediator; Kim Jong Un: attendee" in rows[2]
    as_json = json.loads(
        run(folder, "meetings", "United States", "North Korea", "--side", "--json").stdout
    )
    assert as_json[0]["who_a"] == "Donald Trump" and as_json[0]["who_b"] == "Kim Jong Un"
    with pytest.raises(QueryError, match="share speakers"):
        query.meetings(store, "north-korea", "kim-jong-un", sides=True)
