"""The hand-annotated ingest evaluation set in tests/ingest_eval/ is well formed.

The set is the gold standard the ingest pipeline is measured against, so a broken gold file
would silently distort every figure: each check here fails on a real annotation mistake (a
quote that is not in its excerpt, a date that does not parse, an event link to an id the
dataset does not have, a speaker who is not among the file's actors).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import diplograph
from diplograph.dates import parse_date

EVAL = Path(__file__).resolve().parent / "ingest_eval"
ARTICLES = EVAL / "articles"
GOLD = EVAL / "gold"

ACTOR_KINDS = {"person", "state", "organization", "government_body", "media"}
MODES = {"direct_quote", "paraphrase", "fragment"}
EVENT_TYPES = {
    "summit",
    "meeting",
    "talks",
    "visit",
    "border_crossing",
    "agreement",
    "declaration",
    "mediation",
    "missile_test",
    "military_exercise",
    "sanctions",
    "press_conference",
    "armed_conflict",
}
GOLD_KEYS = {"article", "url", "title", "publisher", "published", "topic", "actors", "quotes"}
GOLD_KEYS |= {"dates", "events"}


def _dataset_ids(name: str, key: str) -> dict[str, dict[str, Any]]:
    with (diplograph.bundled_data() / name).open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    return {item["id"]: item for item in doc[key]}


ACTORS = _dataset_ids("actors.yaml", "actors")
EVENTS = _dataset_ids("events.yaml", "events")
GOLD_FILES = sorted(GOLD.glob("*.yaml"))


@cache
def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    assert isinstance(doc, dict), f"{path.name}: not a mapping"
    return doc


def _excerpt(doc: dict[str, Any]) -> str:
    return (ARTICLES / doc["article"]).read_text(encoding="utf-8")


def test_the_set_has_enough_articles_and_topics() -> None:
    docs = [_load(p) for p in GOLD_FILES]
    topics = [d["topic"] for d in docs]
    assert len(docs) >= 12
    assert topics.count("korea") >= 8
    assert len(set(topics) - {"korea"}) >= 3


def test_every_article_has_one_gold_file_and_a_source_line() -> None:
    articles = {p.name for p in ARTICLES.glob("*.txt")}
    golds = {_load(p)["article"] for p in GOLD_FILES}
    assert articles == golds
    assert {p.stem for p in GOLD_FILES} == {Path(a).stem for a in articles}
    sources = (EVAL / "SOURCES.md").read_text(encoding="utf-8")
    for path in GOLD_FILES:
        doc = _load(path)
        line = next((ln for ln in sources.splitlines() if doc["article"] in ln), None)
        assert line is not None, f"{doc['article']} is not in SOURCES.md"
        assert doc["url"] in line, f"{doc['article']}: SOURCES.md gives another URL"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_excerpt_is_short_plain_paragraphs(path: Path) -> None:
    raw = (ARTICLES / _load(path)["article"]).read_bytes()
    text = raw.decode("utf-8")
    assert len(text.split()) <= 350
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text
    assert "\r" not in text
    for para in text.rstrip("\n").split("\n\n"):
        assert para.strip() == para and para, f"{path.stem}: blank or padded paragraph"
        assert "\n" not in para


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_shape(path: Path) -> None:
    doc = _load(path)
    assert set(doc) == GOLD_KEYS, f"{path.name}: keys {sorted(set(doc) ^ GOLD_KEYS)}"
    assert doc["article"] == f"{path.stem}.txt"
    assert re.match(r"https?://", doc["url"])
    assert doc["title"] and doc["publisher"]
    parse_date(doc["published"])
    for actor in doc["actors"]:
        assert set(actor) == {"name", "kind", "id", "mentions"}, actor
        assert actor["kind"] in ACTOR_KINDS, actor
    for quote in doc["quotes"]:
        assert set(quote) == {"text", "speaker", "mode", "channel"}, quote
        assert quote["mode"] in MODES, quote
    for when in doc["dates"]:
        assert set(when) == {"text", "value"}, when
    for event in doc["events"]:
        assert set(event) == {"text", "type", "date", "link", "cluster"}, event
        assert event["type"] in EVENT_TYPES, event
        assert isinstance(event["cluster"], str) and event["cluster"], event


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_annotated_string_is_verbatim_in_its_excerpt(path: Path) -> None:
    doc = _load(path)
    excerpt = _excerpt(doc)
    strings = [m for a in doc["actors"] for m in a["mentions"]]
    strings += [q["text"] for q in doc["quotes"]]
    strings += [d["text"] for d in doc["dates"]]
    strings += [e["text"] for e in doc["events"]]
    missing = [s for s in strings if not isinstance(s, str) or s not in excerpt]
    assert not missing, f"{path.name}: not in the excerpt: {missing}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_dates_parse_and_ids_exist(path: Path) -> None:
    doc = _load(path)
    for when in doc["dates"]:
        parse_date(when["value"])
    for event in doc["events"]:
        if event["date"] is not None:
            parse_date(event["date"])
        if event["link"] is not None:
            assert event["link"] in EVENTS, f"{path.name}: no event {event['link']!r}"
            assert EVENTS[event["link"]]["type"] == event["type"], event
    for actor in doc["actors"]:
        if actor["id"] is not None:
            assert actor["id"] in ACTORS, f"{path.name}: no actor {actor['id']!r}"
            assert ACTORS[actor["id"]]["name"] == actor["name"], actor
            assert ACTORS[actor["id"]]["kind"] == actor["kind"], actor


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_speakers_and_channels_are_actors_of_the_file(path: Path) -> None:
    doc = _load(path)
    names = [a["name"] for a in doc["actors"]]
    assert len(names) == len(set(names)), f"{path.name}: an actor is listed twice"
    for quote in doc["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in names, quote
        assert quote["channel"] is None or quote["channel"] in names, quote
        if quote["channel"] is not None:
            kind = next(a["kind"] for a in doc["actors"] if a["name"] == quote["channel"])
            assert kind == "media", quote


def test_dataset_actors_named_in_an_excerpt_carry_their_id() -> None:
    """An actor of the dataset must not be annotated as new (id null) under its own name."""
    known = {a["name"]: i for i, a in ACTORS.items()}
    for path in GOLD_FILES:
        for actor in _load(path)["actors"]:
            if actor["name"] in known:
                assert actor["id"] == known[actor["name"]], (path.name, actor)
