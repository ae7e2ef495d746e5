"""The ingest and ingest-merge commands: bad input gets one line and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.load import load

ARTICLE = (
    "Seoul hopes for new talks\n\n"
    "South Korea said Tuesday it hopes the summit between Kim Jong Un and Moon Jae-in "
    "in September will open the way to talks with Washington.\n\n"
    "“We are ready to help,” Unification Ministry spokesman Baek Tae-hyun told reporters.\n"
)

PAGE = """<!DOCTYPE html><html><head><title>Envoys meet in Geneva</title>
<meta property="og:url" content="https://news.example.org/envoys-meet">
<meta property="article:published_time" content="2019-03-05T08:00:00Z">
</head><body><nav>Home | World</nav><article><h1>Envoys meet in Geneva</h1>
<p>Foreign Minister Kang Kyung-wha said on Monday that the two sides agreed to meet again in
April, after talks in Geneva that both described as useful and frank.</p>
<p>“The talks were constructive and we will continue them,” Kang told reporters after the
meeting, adding that a date had not yet been set for the next round.</p>
</article><footer>Contact us</footer></body></html>"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a binary file"),
        ("Séoul a dit lundi".encode("latin-1"), "not UTF-8 text"),
        (b"<html><body><nav>Home</nav></body></html>", "holds no article text"),
    ],
)
def test_bad_input_is_one_error_line_and_writes_nothing(
    tmp_path: Path, content: bytes, message: str
) -> None:
    src = tmp_path / ("page.html" if content.startswith(b"<") else "article.txt")
    src.write_bytes(content)
    out = tmp_path / "drafts"
    code, output = run("ingest", str(src), "-o", str(out), "--published", "2019-07-01")
    assert code == 1
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert not out.exists()


def test_an_unparseable_date_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    code, output = run("ingest", str(src), "-o", str(tmp_path / "d"), "--published", "1 July")
    assert code == 1
    assert output.strip() == (
        "Error: --published: not a date: expected YYYY, YYYY-MM or YYYY-MM-DD (years 0001 to "
        "9999), optionally followed by ?, ~ or %, or an interval A/B of those with an open (..) "
        "or unknown end (got '1 July')"
    )
    code, output = run("ingest", str(src), "-o", str(tmp_path / "d"), "--published", "2019-02-30")
    assert code == 1
    assert output.strip() == (
        "Error: --published: impossible date: February 2019 has 28 days (got '2019-02-30')"
    )
    assert not (tmp_path / "d").exists()


def test_no_publication_date_is_an_error_not_a_guess(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    code, output = run("ingest", str(src), "-o", str(tmp_path / "d"))
    assert code == 1
    assert "no publication date" in output and "--published" in output
    assert not (tmp_path / "d").exists()


def test_one_bad_file_among_good_ones_writes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"")
    code, _ = run(
        "ingest", str(good), str(bad), "-o", str(tmp_path / "d"), "--published", "2019-07-02"
    )
    assert code == 1
    assert not (tmp_path / "d").exists()


def test_plain_text_drafts_validate_and_merge(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "drafts"
    code, output = run("ingest", str(src), "-o", str(out), "--published", "2019-07-02")
    assert code == 0, output
    kg = load(out, texts=out)
    spokesman = kg.actors["baek-tae-hyun"]
    assert [(p.post, p.organization) for p in spokesman.positions] == [
        ("Spokesman", "unification-ministry")
    ]
    quote = next(s for s in kg.statements.values() if s.speaker == "baek-tae-hyun")
    assert quote.text == "We are ready to help" and quote.mode.value == "direct_quote"
    seoul = next(s for s in kg.statements.values() if s.speaker == "south-korea")
    assert str(seoul.date) == "2019-07-02" and seoul.mode.value == "paraphrase"
    assert "inter-korean-summit-2018-09" in kg.events

    folder = tmp_path / "analyst"
    shutil.copytree(bundled_data(), folder)
    before = load(folder)
    code, output = run("ingest-merge", str(out), "--into", str(folder))
    assert code == 0, output
    after = load(folder)
    assert "baek-tae-hyun" in after.actors and "baek-tae-hyun" not in before.actors
    for rid, event in before.events.items():  # curated events keep all they had
        assert after.events[rid].evidence[: len(event.evidence)] == event.evidence
        assert after.events[rid].model_copy(update={"evidence": event.evidence}) == event
    assert len(after.events["inter-korean-summit-2018-09"].evidence) > len(
        before.events["inter-korean-summit-2018-09"].evidence
    )
    code, output = run("ingest-merge", str(out), "--into", str(folder))  # twice changes nothing
    assert code == 0 and load(folder) == after


def test_merge_refuses_invalid_drafts_and_changes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "drafts"
    assert run("ingest", str(src), "-o", str(out), "--published", "2019-07-02")[0] == 0
    (out / "a.txt").write_text(ARTICLE.replace("ready", "keen!"), encoding="utf-8")
    folder = tmp_path / "analyst"
    shutil.copytree(bundled_data(), folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, output = run("ingest-merge", str(out), "--into", str(folder))
    assert code == 1 and output.startswith("Error: the drafts have")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_first_merge_makes_the_folder(tmp_path: Path) -> None:
    """Into a folder that does not exist yet, or holds no YAML: the drafts alone, with the
    graph's records they name, become a folder that loads; a file is refused."""
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "drafts"
    assert run("ingest", str(src), "-o", str(out), "--published", "2019-07-02")[0] == 0
    drafts = load(out, texts=out)
    for folder in (tmp_path / "new" / "mine", tmp_path / "empty"):
        (tmp_path / "empty").mkdir(exist_ok=True)
        code, output = run("ingest-merge", str(out), "--into", str(folder))
        assert code == 0, output
        merged = load(folder)
        assert set(merged.actors) == set(drafts.actors)
        assert "baek-tae-hyun" in merged.actors
        assert all(not e.draft for s in merged.statements.values() for e in s.evidence)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, output = run("ingest-merge", str(out), "--into", str(tmp_path / "file"))
    assert code == 1 and "got a file" in output
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_html_page_gives_body_title_date_and_url(tmp_path: Path) -> None:
    src = tmp_path / "envoys.html"
    src.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "drafts"
    code, output = run("ingest", str(src), "-o", str(out))
    assert code == 0, output
    kg = load(out, texts=out)
    (source,) = kg.sources.values()
    assert source.title == "Envoys meet in Geneva"
    assert source.url == "https://news.example.org/envoys-meet"
    assert str(source.published) == "2019-03-05"
    assert source.file == "envoys.txt"
    body = (out / "envoys.txt").read_text(encoding="utf-8")
    assert "Contact us" not in body and "Foreign Minister Kang Kyung-wha" in body
    kang = next(s for s in kg.statements.values() if s.mode.value == "direct_quote")
    assert kang.speaker == "kang-kyung-wha"
    assert kang.text == "The talks were constructive and we will continue them"


def test_two_articles_with_one_title_are_two_sources(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    out = tmp_path / "drafts"
    code, output = run(
        "ingest", str(first), str(second), "-o", str(out), "--published", "2019-07-02"
    )
    assert code == 0, output
    kg = load(out, texts=out)  # every quote matches the text of its own source
    mine = [s for s in kg.sources.values() if s.sha256 and s.file in ("a.txt", "b.txt")]
    assert sorted(s.file or "" for s in mine) == ["a.txt", "b.txt"]
    assert len({s.id for s in mine}) == 2


def test_articles_naming_several_kims_give_drafts_that_validate(tmp_path: Path) -> None:
    # each article calls its own Kim "Kim": as an alias of every one of them the name would be
    # ambiguous, and the drafts folder would not validate
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(
        "Kim Myong Gil, the North's chief negotiator, spoke in Stockholm.\n\n"
        "“The negotiations have broken off,” Kim told reporters.\n",
        encoding="utf-8",
    )
    two.write_text(
        "Kim Yong Chol, a senior official, arrived in New York on Wednesday.\n\n"
        "“We came in good faith,” Kim said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "drafts"
    code, output = run("ingest", str(one), str(two), "-o", str(out), "--published", "2019-10-06")
    assert code == 0, output
    code, output = run("--data", str(out), "--texts", str(out), "validate")
    assert code == 0, output
    kg = load(out, texts=out)
    speakers = {s.speaker for s in kg.statements.values()}
    assert {"kim-myong-gil", "kim-yong-chol"} <= speakers
    assert "Kim" not in kg.actors["kim-myong-gil"].aliases
    assert "Kim" not in kg.actors["kim-yong-chol"].aliases
