"""GDELT 1.0 and 2.0 events, the 2.0 mentions table, and malformed rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.importers import ActorResolver, Totals, read_gdelt, read_mentions
from diplograph.importers.gdelt import V1_COLUMNS, V2_COLUMNS
from diplograph.kg import KnowledgeGraph
from diplograph.model import EventType

DATA = Path(__file__).parent / "data" / "import"


def _run(path: Path, kg: KnowledgeGraph, **kw: object) -> tuple[list, Totals, ActorResolver]:
    resolver, totals = ActorResolver(kg), Totals(str(path))
    return list(read_gdelt(path, resolver=resolver, totals=totals, **kw)), totals, resolver


def test_our_column_lists_match_gdelts_header_files(shared: Path) -> None:
    folder = shared / "data" / "gdelt"
    v2 = (folder / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv").read_text()
    assert [line.split(",")[0] for line in v2.splitlines()] == list(V2_COLUMNS)
    v1 = (folder / "v1_events_column_names.tsv").read_text().split("\t")
    ours = [c.casefold() for c in V1_COLUMNS]
    # the 1.0 header file calls SQLDATE "day"; every other name is the same
    assert [c.strip() for c in v1] == [*ours[:1], "day", *ours[2:]]


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("v1_sample_1979_events.tsv", 100),
        ("v1_sample_20160728_events.tsv", 710),
        ("v2_20180326044500.export.CSV", 1540),
        ("v2_20191024143000.export.CSV", 2111),
        ("v2_sample_20150218_events.tsv", 100),
        ("v2_sample_20150218_events_translingual.tsv", 100),
    ],
)
def test_samples_import_whole(shared: Path, korea: KnowledgeGraph, name: str, rows: int) -> None:
    reports, totals, _ = _run(shared / "data" / "gdelt" / name, korea)
    assert (totals.rows, totals.imported, sum(totals.skipped.values())) == (rows, rows, 0)
    assert len({r.id for r in reports}) == rows
    assert all(r.cameo is not None and r.date.precision.name == "DAY" for r in reports)


def test_codes_resolve_to_actors_and_urls_to_sources(shared: Path, korea: KnowledgeGraph) -> None:
    path = shared / "data" / "gdelt" / "v2_20191024143000.export.CSV"
    reports, _, resolver = _run(path, korea)
    visit = [r for r in reports if r.cameo == "043" and r.target_actor == "north-korea"]
    assert visit, "the USAGOV hosting North Korea row"
    r = visit[0]
    assert r.source_actor == "united-states-government"
    assert resolver.new["united-states-government"].country == "united-states"
    assert r.type is EventType.VISIT
    src = resolver.sources[r.source]
    assert src.url is not None and src.url.startswith("http")
    # the row is cited verbatim
    line = path.read_text(encoding="utf-8").splitlines()[r.row - 1]
    assert r.evidence[0].quote == line


def test_the_sample_mentions_are_each_events_own_article(
    shared: Path, korea: KnowledgeGraph
) -> None:
    folder = shared / "data" / "gdelt"
    table = read_mentions(folder / "v2_sample_20150218_mentions.tsv")
    assert sum(len(v) for v in table.values()) == 100
    reports, totals, _ = _run(folder / "v2_sample_20150218_events.tsv", korea, mentions=table)
    # every mention in the sample is the article the event row already cites
    assert len(reports) == 100 and not totals.notes


def test_a_mention_in_another_article_is_another_report(tmp_path: Path) -> None:
    mentions = tmp_path / "mentions.tsv"
    cells = ["900000001", "20180612000000", "20180612001500", "1", "example.net"]
    cells += ["https://example.net/story", "4", "-1", "-1", "10", "1", "80", "900", "-2.5", "", ""]
    mentions.write_text("\t".join(cells) + "\n" + "900000001\tshort\n")
    totals = Totals("m")
    table = read_mentions(mentions, totals)
    assert totals.skipped == {"mentions: wrong number of columns": 1}
    reports, _, resolver = _run(DATA / "gdelt_malformed.tsv", KnowledgeGraph(), mentions=table)
    extra = [r for r in reports if r.id.startswith("gdelt-900000001-")]
    assert len(extra) == 1 and len(reports) == 3
    mention = extra[0]
    assert resolver.sources[mention.source].url == "https://example.net/story"
    assert resolver.sources[mention.source].publisher == "example.net"
    assert mention.date == reports[0].date and mention.cameo == "043"
    assert "mentions file line 1, sentence 4" in (mention.evidence[0].note or "")
    # the id comes from the article, so reading it again gives the same report
    again, _, _ = _run(DATA / "gdelt_malformed.tsv", KnowledgeGraph(), mentions=table)
    assert [r.id for r in again] == [r.id for r in reports]


def test_malformed_rows_are_reported_with_their_line() -> None:
    path = DATA / "gdelt_malformed.tsv"
    reports, totals, _ = _run(path, KnowledgeGraph())
    assert [r.id for r in reports] == ["gdelt-900000001", "gdelt-900000005"]
    assert (reports[1].source_actor, reports[1].target_actor) == ("south-korea", "north-korea")
    assert totals.skipped == {
        "wrong number of columns": 1,
        "bad date": 1,
        "unknown CAMEO code": 1,
    }
    assert [str(p) for p in totals.problems] == [
        f"{path}:2: wrong number of columns: expected 57, 58 or 61 (got 5)",
        f"{path}:3: bad date: impossible date: month must be 01 to 12 (got '2018-13-12')",
        f"{path}:4: unknown CAMEO code (got '999')",
    ]
    assert reports[1].cameo == "036" and reports[1].type is None  # kept as a CAMEO code
