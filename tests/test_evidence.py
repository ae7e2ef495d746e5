"""Evidence against source texts: finding quotes, checking offsets, reading text folders."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from diplograph.errors import LoadError
from diplograph.evidence import QuoteMatch, check_evidence, find_quote, load_texts, text_of
from diplograph.model import Evidence, Source

TEXT = "On Monday Kim met Trump at Panmunjom. Kim said the meeting was good."


def test_a_quote_found_once_gives_offsets_and_context() -> None:
    m = find_quote(TEXT, "Trump at Panmunjom", context=8)
    assert m == QuoteMatch(start=18, end=36, prefix="Kim met ", suffix=". Kim sa")
    assert isinstance(m, QuoteMatch) and TEXT[m.start : m.end] == "Trump at Panmunjom"


def test_context_stops_at_the_ends_of_the_text() -> None:
    m = find_quote(TEXT, "On Monday", context=100)
    assert isinstance(m, QuoteMatch)
    assert (m.start, m.prefix) == (0, "")
    assert m.suffix == TEXT[9:]


def test_an_ambiguous_quote_gives_every_position() -> None:
    assert find_quote(TEXT, "Kim") == [10, 38]
    assert find_quote("aaa", "aa") == [0, 1]


def test_a_missing_or_empty_quote_gives_none() -> None:
    assert find_quote(TEXT, "Moon") is None
    assert find_quote(TEXT, "") is None


def test_check_evidence_accepts_what_matches() -> None:
    good = Evidence(source="s", quote="Kim met", start=10, end=17, prefix="Monday ", suffix=" Tr")
    assert check_evidence(good, TEXT) == []
    assert check_evidence(Evidence(source="s", quote="the meeting"), TEXT) == []
    assert check_evidence(Evidence(source="s"), TEXT) == []


def test_check_evidence_says_what_is_wrong() -> None:
    assert check_evidence(Evidence(source="s", quote="Moon"), TEXT) == [
        "quote not found in source 's' (got 'Moon')"
    ]
    moved = Evidence(source="s", quote="Trump", start=0, end=5)
    assert check_evidence(moved, TEXT) == [
        "offsets 0:5 do not match the quote in source 's' (expected 'Trump', the text there "
        "is 'On Mo'); the quote is at start=18, end=23"
    ]
    around = Evidence(source="s", quote="Trump", start=18, end=23, prefix="xx ", suffix=" yy")
    assert check_evidence(around, TEXT) == [
        "prefix does not match the text before the quote (got 'xx ', the text has 'et ')",
        "suffix does not match the text after the quote (got ' yy', the text has ' at')",
    ]


def test_texts_are_found_by_name_or_hash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(b"\xff\xfe\x00")
    by_name, by_hash = load_texts(tmp_path)
    assert by_name == {"a.txt": TEXT}
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert text_of(Source(id="s", title="t", sha256=digest), by_name, by_hash) == TEXT
    assert text_of(Source(id="s", title="t", file="a.txt"), by_name, by_hash) == TEXT
    assert text_of(Source(id="s", title="t", file="b.txt"), by_name, by_hash) is None


def test_a_texts_folder_that_is_not_one_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_texts([tmp_path, tmp_path / "missing"])
    assert info.value.unreadable
    assert info.value.path == str(tmp_path / "missing")
