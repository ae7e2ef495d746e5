"""A body named with its state ("Japan's Defense Ministry", "the North Korean Foreign
Ministry") is that state's own: named by its own words, held by the state, and kept apart
from another state's body of the same name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.ingest.pipeline import Analysis
from diplograph.load import load

TEXT = (
    "Japan's Defense Ministry said the missile flew 400 kilometers.\n\n"
    "South Korea's Defense Ministry said it had tracked two launches.\n\n"
    "“We are watching closely,” the North Korean Foreign Ministry said in a statement.\n\n"
    "South Korea's Unification Ministry said talks should resume.\n"
)


@pytest.fixture
def analysis(analyse_text: Any) -> Analysis:
    return analyse_text(TEXT, "2019-08-02")  # type: ignore[no-any-return]


def _speakers(an: Analysis) -> list[str | None]:
    return [q.speaker.id if q.speaker else None for q in an.quotes]


def test_each_state_keeps_its_own_body(analysis: Analysis) -> None:
    assert _speakers(analysis) == [
        "japan-defense-ministry",
        "south-korea-defense-ministry",
        "north-korea-foreign-ministry",
        "unification-ministry",  # the graph's own, not a new one
    ]
    bodies = {a.id: a for a in analysis.actors if a.kind == "government_body"}
    assert bodies["japan-defense-ministry"].name == "Defense Ministry"
    assert bodies["japan-defense-ministry"].country == "japan"
    assert bodies["south-korea-defense-ministry"].country == "south-korea"
    assert bodies["north-korea-foreign-ministry"].name == "Foreign Ministry"
    assert "North Korean Foreign Ministry" in bodies["north-korea-foreign-ministry"].aliases
    assert bodies["unification-ministry"].existing


def test_the_drafts_hold_each_body_with_its_state(tmp_path: Path) -> None:
    article = tmp_path / "bodies.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "drafts"
    result = CliRunner().invoke(
        cli, ["ingest", str(article), "-o", str(out), "--published", "2019-08-02"]
    )
    assert result.exit_code == 0, result.output
    drafts = load(out, texts=out)  # one actor per name: each body's record names its state
    korea = drafts.actors["south-korea-defense-ministry"]
    assert (korea.name, korea.country) == ("Defense Ministry of South Korea", "south-korea")
    assert "South Korea's Defense Ministry" in korea.aliases
    japan = drafts.actors["japan-defense-ministry"]
    assert (japan.name, japan.country) == ("Defense Ministry of Japan", "japan")


@pytest.mark.parametrize(
    ("text", "body", "name"),
    [
        (
            "North Korea's foreign ministry said in a statement that “the talks are over.”",
            "north-korea-foreign-ministry",
            "Foreign Ministry",
        ),
        (
            "Sudan's ruling military council said the mediators needed to unify their efforts.",
            "sudan-military-council",
            "Military Council",
        ),
    ],
)
def test_a_state_body_in_lower_case_speaks_not_its_state(
    analyse_text: Any, text: str, body: str, name: str
) -> None:
    an = analyse_text(text, "2019-08-02")
    assert _speakers(an) == [body]
    (draft,) = [a for a in an.actors if a.id == body]
    assert draft.name == name and draft.kind == "government_body"


def test_a_spokesperson_for_a_state_body_and_the_statement_it_released(
    analyse_text: Any,
) -> None:
    """ "A spokesperson for North Korea's foreign ministry" speaks for the ministry, and
    "the statement adds", after it released one, are the ministry's words too."""
    text = (
        "A spokesperson for North Korea's foreign ministry released a statement on Tuesday, "
        'warning of a "new path" if the drills go on.\n\n'
        '"The drills are a rehearsal for war," the statement adds.\n'
    )
    an = analyse_text(text, "2019-08-06")
    said = {text[q.start : q.end]: q.speaker.id if q.speaker else None for q in an.quotes}
    assert said["new path"] == "north-korea-foreign-ministry"
    assert said["The drills are a rehearsal for war"] == "north-korea-foreign-ministry"


def test_the_statement_relayed_by_a_medium_is_still_its_issuers(analyse_text: Any) -> None:
    """ "“…,” the statement reads, according to Yonhap": the ministry that released it
    speaks, and Yonhap is the channel, not the speaker."""
    text = (
        "A spokesperson for North Korea's foreign ministry released a statement on Tuesday.\n\n"
        '"The drills are a rehearsal for war," the statement reads, according to Yonhap.\n'
    )
    an = analyse_text(text, "2019-08-06")
    (quote,) = an.quotes
    assert quote.speaker is not None and quote.speaker.id == "north-korea-foreign-ministry"
    assert quote.channel is not None and quote.channel.id == "yonhap"
