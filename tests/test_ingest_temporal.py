"""Date rules of the evaluation set's RULES.md (section 3), each on a sentence of the set where
the set has one, else on a sentence written for the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from diplograph._relative import DATE_EXPRESSION, resolve_relative
from diplograph.ingest import read_article
from diplograph.ingest.nlp import parse
from diplograph.ingest.temporal import find_dates

THURSDAY = date(2019, 9, 19)


@pytest.fixture
def dated(tmp_path: Path):  # type: ignore[no-untyped-def]
    def go(text: str, published: str) -> dict[str, str]:
        path = tmp_path / "a.txt"
        path.write_text(text, encoding="utf-8")
        article = read_article(path, published=published)
        return {
            text[d.start : d.end]: str(d.value)
            for d in find_dates(article.body, parse(article.body), article)
        }

    return go


def test_the_weekend_is_the_saturday_and_sunday_before(dated) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea fired several unidentified short-range weapons off the country’s east "
        "coast into the Sea of Japan over the weekend. South Korea said the projectiles were "
        "launched on May 4.\n"
    )
    assert dated(text, "2019-05-09") == {
        "the weekend": "2019-05-04/2019-05-05",
        "May 4": "2019-05-04",
    }


def test_the_weekend_said_on_a_sunday_is_that_weekend_and_ahead_in_the_future() -> None:
    sunday = date(2019, 9, 22)
    assert str(resolve_relative("the weekend", sunday).value) == "2019-09-21/2019-09-22"
    ahead = resolve_relative("the weekend", THURSDAY, future=True)
    assert str(ahead.value) == "2019-09-21/2019-09-22"
    assert "after" in ahead.rule


def test_a_weekday_of_next_week_is_one_expression(dated) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Diplomats had been pessimistic about significant progress by the end of this week, "
        "seen as a necessary precursor to a deal at the European Council summit on Thursday "
        "next week.\n"
    )
    assert dated(text, "2019-10-11") == {
        "this week": "2019-10-07/2019-10-13",
        "Thursday next week": "2019-10-17",
    }


def test_an_ordinal_day_is_the_day(dated) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NEW DELHI: “After months of preparation, on the early morning of April 27th, Wuhan "
        "welcomes PM Modi with soft breeze and twinkling stars.”\n"
    )
    assert dated(text, "2018-04-28") == {"April 27th": "2018-04-27"}


def test_tonight_is_the_day_of_publication(dated) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Trump added during a news conference tonight that Kim has before him "an opportunity '
        'like no other".\n'
    )
    assert dated(text, "2018-06-12") == {"tonight": "2018-06-12"}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("this morning", "2019-09-19"),
        ("this afternoon", "2019-09-19"),
        ("last night", "2019-09-18"),
        ("mid-August", "2019-08"),
        ("Thursday last week", "2019-09-12"),
        ("this past weekend", "2019-09-14/2019-09-15"),
    ],
)
def test_more_relative_words(words: str, expected: str) -> None:
    assert str(resolve_relative(words, THURSDAY).value) == expected


def test_the_words_are_found_whole_in_a_sentence() -> None:
    text = "He arrived in mid-August, met her this morning and left at the end of June."
    found = [m.group() for m in DATE_EXPRESSION.finditer(text)]
    assert found == ["mid-August", "this morning", "June"]


@pytest.mark.parametrize("words", ["the past year", "the last week", "the next month"])
def test_a_span_of_time_after_the_is_no_date(words: str) -> None:
    assert [m.group() for m in DATE_EXPRESSION.finditer(f"Over {words} they met often.")] == []


def test_a_planned_date_counts_forward(dated) -> None:  # type: ignore[no-untyped-def]
    assert dated("Talks are set for Oct. 5 in Stockholm.\n", "2019-09-19") == {
        "Oct. 5": "2019-10-05"
    }
    assert dated("The upcoming summit on Friday will be the third.\n", "2019-09-19") == {
        "Friday": "2019-09-20"
    }


def test_relative_words_without_a_publication_date_are_an_error() -> None:
    from diplograph.errors import DateError

    for words in ("the weekend", "Thursday next week", "last night", "mid-August"):
        with pytest.raises(DateError, match="publication date"):
            resolve_relative(words, None)


def test_a_day_or_month_followed_by_last_year_is_in_that_year(dated) -> None:  # type: ignore[no-untyped-def]
    # written for this test; "last year" stays an expression of its own
    text = "They met in June last year and again on June 12 last year.\n"
    assert dated(text, "2019-09-19") == {
        "June": "2018-06",
        "June 12": "2018-06-12",
        "last year": "2018",
    }


def test_may_the_prime_minister_is_no_month(dated) -> None:  # type: ignore[no-untyped-def]
    # written for this test
    text = "Theresa May resigned. The deal was backed by May in parliament, and signed in May.\n"
    found = dated(text, "2019-09-19")
    assert found == {"May": "2019-05"}
    assert text.count("May") == 3  # the name twice, the month once


def test_due_speaks_of_what_is_ahead(dated) -> None:  # type: ignore[no-untyped-def]
    assert dated("Trump is due in Seoul on Saturday.\n", "2019-09-19") == {"Saturday": "2019-09-21"}


@pytest.mark.parametrize(
    ("words", "reference", "expected"),
    [
        ("last June", date(2019, 7, 1), "2018-06"),  # June 2019 would be "last month"
        ("last June", date(2019, 11, 5), "2019-06"),  # the most recent June
        ("last March", date(2019, 9, 19), "2019-03"),
        ("next March", date(2019, 1, 10), "2019-03"),
        ("next February", date(2019, 1, 10), "2020-02"),  # February 2019 would be "next month"
    ],
)
def test_last_and_next_month_names(words: str, reference: date, expected: str) -> None:
    assert str(resolve_relative(words, reference).value) == expected


def test_a_date_a_participle_schedules_lies_ahead(dated) -> None:  # type: ignore[no-untyped-def]
    # written for this test
    text = "They met to prepare the ceremony scheduled for Sept. 15 at the White House.\n"
    assert dated(text, "2020-09-01") == {"Sept. 15": "2020-09-15"}
