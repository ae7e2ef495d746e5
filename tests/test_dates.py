"""Partial dates: parsing, precision that never grows, and a consistent order across precisions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.dates import DateSpan, PartialDate, Precision, When, parse_date
from diplograph.errors import DateError


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1900, 2100))
    precision = draw(st.sampled_from(Precision))
    month = draw(st.integers(1, 12)) if precision >= Precision.MONTH else None
    day = None
    if precision is Precision.DAY and month is not None:
        last = (date(year + (month == 12), month % 12 + 1, 1) - date(year, month, 1)).days
        day = draw(st.integers(1, last))
    return PartialDate(
        year, month, day, uncertain=draw(st.booleans()), approximate=draw(st.booleans())
    )


@st.composite
def spans(draw: st.DrawFn) -> DateSpan:
    a = draw(st.none() | partial_dates())
    b = draw(st.none() | partial_dates())
    if a is None and b is None:
        b = draw(partial_dates())
    if a is not None and b is not None and b.latest < a.earliest:
        a, b = b, a
    if a is not None and b is not None and b.latest < a.earliest:  # pragma: no cover
        b = a
    return DateSpan(a, b)


whens: st.SearchStrategy[When] = st.one_of(partial_dates(), spans())


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2019", Precision.YEAR, date(2019, 1, 1), date(2019, 12, 31)),
        ("2019-02", Precision.MONTH, date(2019, 2, 1), date(2019, 2, 28)),
        ("2020-02", Precision.MONTH, date(2020, 2, 1), date(2020, 2, 29)),
        ("2019-06-30", Precision.DAY, date(2019, 6, 30), date(2019, 6, 30)),
        ("2019-06?", Precision.MONTH, date(2019, 6, 1), date(2019, 6, 30)),
        ("2019-02-27/2019-02-28", Precision.DAY, date(2019, 2, 27), date(2019, 2, 28)),
        ("2018-09/2019", Precision.YEAR, date(2018, 9, 1), date(2019, 12, 31)),
        ("../2019-06", Precision.MONTH, date.min, date(2019, 6, 30)),
        ("2019-06/..", Precision.MONTH, date(2019, 6, 1), date.max),
    ],
)
def test_parse_bounds_and_precision(
    text: str, precision: Precision, earliest: date, latest: date
) -> None:
    d = parse_date(text)
    assert (d.precision, d.earliest, d.latest) == (precision, earliest, latest)
    assert str(d) == text


def test_month_never_becomes_its_first_day() -> None:
    feb = parse_date("2019-02")
    first = parse_date("2019-02-01")
    assert feb != first
    assert str(feb) == "2019-02"
    assert feb.precision is Precision.MONTH
    assert first < feb  # same first day; the month may end later, so it sorts after the day


def test_qualifiers() -> None:
    assert str(parse_date("2019-06?")) == "2019-06?"
    assert parse_date("2019~").approximate and not parse_date("2019~").uncertain
    both = parse_date("2019-06-30%")
    assert both.uncertain and both.approximate
    assert parse_date("2019-06?/2019-07").uncertain


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-02-30", "February 2019 has 28 days"),
        ("2019-13-01", "month must be 01 to 12"),
        ("2019-00", "month must be 01 to 12"),
        ("19-06-30", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("June 2019", "expected YYYY"),
        ("2019-07/2019-06", "end before start"),
        ("../..", "needs at least one end"),
        ("2019/2020/2021", "two dates joined by '/'"),
        ("0000", "year must be between 0001 and 9999"),
    ],
)
def test_bad_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message) as info:
        parse_date(text)
    assert info.value.value == text
    assert repr(text) in str(info.value)


def test_parse_accepts_yaml_scalars() -> None:
    assert parse_date(2019) == PartialDate(2019)
    assert parse_date(date(2019, 6, 30)) == PartialDate(2019, 6, 30)
    with pytest.raises(DateError):
        parse_date(True)
    with pytest.raises(DateError):
        parse_date(3.5)


def test_overlap_and_within_respect_precision() -> None:
    feb = parse_date("2019-02")
    assert feb.may_overlap(date(2019, 2, 15), None)
    assert not feb.within(date(2019, 2, 15), None)
    assert feb.within(date(2019, 2, 1), date(2019, 2, 28))
    assert not feb.may_overlap(date(2019, 3, 1), None)


@settings(max_examples=300, deadline=None)
@given(whens)
def test_text_round_trip_keeps_precision(d: When) -> None:
    again = parse_date(str(d))
    assert again == d
    assert again.precision == d.precision
    assert again.earliest <= again.latest


@settings(max_examples=200, deadline=None)
@given(whens, whens, whens)
def test_order_is_total_and_transitive(a: When, b: When, c: When) -> None:
    assert (a < b) + (a == b) + (a > b) == 1  # exactly one holds
    assert (a <= b) == (a < b or a == b)
    if a <= b and b <= c:
        assert a <= c
    ordered = sorted([a, b, c])
    assert [d.earliest for d in ordered] == sorted(d.earliest for d in ordered)


@settings(max_examples=200, deadline=None)
@given(partial_dates())
def test_bounds_contain_every_finer_date(d: PartialDate) -> None:
    """A coarser date's bounds contain the finer dates it stands for."""
    if d.precision is Precision.DAY:
        assert d.earliest == d.latest
        return
    finer = PartialDate(d.year, d.month or 1, 1 if d.month else None)
    assert d.earliest <= finer.earliest <= finer.latest <= d.latest


# -- EDTF level 1 forms: each refused by name, with what is supported -------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("2019-21", "a season"),
        ("2019-24~", "a season"),
        ("201X", "unspecified digits"),
        ("2019-XX", "unspecified digits"),
        ("2019-06-XX", "unspecified digits"),
        ("-0044", "a negative year"),
        ("Y170000", "more than four digits"),
        ("2019-06-30T10:00", "a time of day"),
        ("2019-?06", "a qualifier on part of a date"),
        ("[2019,2020]", "a set of dates"),
    ],
)
def test_an_edtf_form_not_supported_is_named(text: str, form: str) -> None:
    with pytest.raises(DateError) as e:
        parse_date(text)
    message = str(e.value)
    assert form in message and "not supported" in message
    assert "YYYY-MM-DD" in message and repr(text) in message


def test_the_edtf_forms_read_are_the_ones_promised() -> None:
    for text in ("2019", "2019-06", "2019-06-30", "2019?", "2019-06~", "2019-06-30%"):
        assert str(parse_date(text)) == text
    assert str(parse_date("../2019-07")) == "../2019-07"
    with pytest.raises(DateError, match="impossible date: month must be 01 to 12"):
        parse_date("2019-13-01")
