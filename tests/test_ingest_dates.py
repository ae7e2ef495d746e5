"""Relative dates resolved against a publication date, keeping their precision."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplograph._relative import DATE_EXPRESSION, resolve_relative
from diplograph.dates import DateSpan, PartialDate, Precision
from diplograph.errors import DateError

MONDAY = date(2019, 7, 1)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def value(words: str, ref: date | None = MONDAY, **kw: bool) -> str:
    return str(resolve_relative(words, ref, **kw).value)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Monday", "2019-07-01"),  # the day of publication itself
        ("Sunday", "2019-06-30"),
        ("Tuesday", "2019-06-25"),
        ("last Monday", "2019-06-24"),
        ("yesterday", "2019-06-30"),
        ("today", "2019-07-01"),
        ("last June", "2018-06"),
        ("last year", "2018"),
        ("this year", "2019"),
        ("last month", "2019-06"),
        ("earlier this month", "2019-07"),
        ("66 years ago", "1953"),
        ("two months ago", "2019-05"),
        ("three days ago", "2019-06-28"),
        ("February", "2019-02"),
        ("in February", "2019-02"),
        ("in August", "2018-08"),  # the nearest August not after the reference
        ("June 30", "2019-06-30"),
        ("July 4", "2018-07-04"),
        ("30 June 2019", "2019-06-30"),
        ("June 30, 2018", "2018-06-30"),
        ("Feb. 27-28", "2019-02-27/2019-02-28"),
        ("27-28 February 2019", "2019-02-27/2019-02-28"),
        ("Sept. 18", "2018-09-18"),
        ("May 2019", "2019-05"),
        ("in 2018", "2018"),
        ("last week", "2019-06-24/2019-06-30"),
    ],
)
def test_past_expressions(words: str, expected: str) -> None:
    assert value(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Friday", "2019-07-05"),
        ("Monday", "2019-07-01"),  # "will meet Monday" said on a Monday: that very day
        ("next Monday", "2019-07-08"),
        ("next month", "2019-08"),
        ("in February", "2020-02"),
        ("July 4", "2019-07-04"),
        ("tomorrow", "2019-07-02"),
        ("next year", "2020"),
    ],
)
def test_future_tense_counts_forward(words: str, expected: str) -> None:
    assert value(words, future=True) == expected


def test_precision_is_kept() -> None:
    assert resolve_relative("last June", MONDAY).value.precision is Precision.MONTH
    assert resolve_relative("66 years ago", MONDAY).value.precision is Precision.YEAR
    assert resolve_relative("Monday", MONDAY).value.precision is Precision.DAY


def test_the_words_and_rule_are_kept() -> None:
    r = resolve_relative("last  June", MONDAY)
    assert r.words == "last June"
    assert "2018-06" in r.note and "last June" in r.note


@pytest.mark.parametrize("words", ["Monday", "last June", "yesterday", "66 years ago", "June 30"])
def test_relative_words_without_reference_are_an_error(words: str) -> None:
    with pytest.raises(DateError, match="needs the publication date"):
        resolve_relative(words, None)


def test_explicit_dates_need_no_reference() -> None:
    assert value("27 July 1953", None) == "1953-07-27"


def test_reference_must_be_a_day() -> None:
    with pytest.raises(DateError, match="must be a day"):
        resolve_relative("Monday", PartialDate(2019, 7))


@pytest.mark.parametrize("words", ["Funday", "June 31", "soon"])
def test_unknown_or_impossible_words_are_an_error(words: str) -> None:
    with pytest.raises(DateError):
        resolve_relative(words, MONDAY)


def test_expression_finder_on_a_news_sentence() -> None:
    text = (
        "The foreign minister said on Tuesday that talks held in March and last December "
        "had failed, 70 years ago the treaty was signed, and they may meet on Feb. 27-28."
    )
    found = [m.group() for m in DATE_EXPRESSION.finditer(text)]
    assert found == ["Tuesday", "March", "last December", "70 years ago", "Feb. 27-28"]


def test_may_the_verb_is_not_a_month() -> None:
    assert [m.group() for m in DATE_EXPRESSION.finditer("They may agree; in May they did.")] == [
        "May"
    ]


@given(ref=days, weekday=st.sampled_from(WEEKDAYS))
def test_weekday_is_the_nearest_not_after(ref: date, weekday: str) -> None:
    got = resolve_relative(weekday, ref).value
    assert isinstance(got, PartialDate)
    day = got.earliest
    assert 0 <= (ref - day).days <= 6
    assert day.strftime("%A") == weekday


@given(ref=days, weekday=st.sampled_from(WEEKDAYS))
def test_future_weekday_is_the_nearest_after(ref: date, weekday: str) -> None:
    day = resolve_relative(weekday, ref, future=True).value.earliest
    assert 0 <= (day - ref).days <= 6  # the publication's own weekday is that very day
    assert day.strftime("%A") == weekday


@given(ref=days, n=st.integers(min_value=1, max_value=200))
def test_years_ago(ref: date, n: int) -> None:
    assert resolve_relative(f"{n} years ago", ref).value == PartialDate(ref.year - n)


@given(ref=days, month=st.integers(min_value=1, max_value=12))
def test_month_name_is_the_nearest_not_after(ref: date, month: int) -> None:
    name = date(2000, month, 1).strftime("%B")
    got = resolve_relative(f"in {name}", ref).value
    assert isinstance(got, PartialDate) and got.precision is Precision.MONTH
    assert got.earliest <= ref < got.earliest + timedelta(days=366)
    assert got.month == month


@given(ref=days)
def test_day_spans_keep_order(ref: date) -> None:
    got = resolve_relative("Feb. 1-2", ref).value
    assert isinstance(got, DateSpan) and got.days == 2
