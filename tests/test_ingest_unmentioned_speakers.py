"""A speaker ingest names only as the speaker of a statement, with no mention of its own
recorded (a medium named by a lower-case description), still gets its actor record: the
statement must not name an actor the drafts lack."""

from __future__ import annotations

import pytest

from diplograph.dates import parse_date
from diplograph.ingest.drafts import build_drafts
from diplograph.ingest.html import Article
from diplograph.ingest.pipeline import analyze
from diplograph.kg import KnowledgeGraph

pytest.importorskip("spacy")

# from excerpt 30 of the evaluation set
TEXT = (
    "Abiy is expected to be part of the reopening of Ethiopia’s embassy in Asmara, "
    "state-run Fana broadcasting corporate reported.\n"
)


def test_a_medium_named_only_as_speaker_gets_its_record(korea: KnowledgeGraph) -> None:
    article = Article(
        body=TEXT,
        data=TEXT.encode(),
        file="fana.txt",
        title="t",
        published=parse_date("2019-07-01"),
        url=None,
        publisher=None,
    )
    analysis = analyze(article, korea)
    speakers = {q.speaker.id for q in analysis.quotes if q.speaker is not None}
    assert "fana-broadcasting-corporate" in speakers
    drafts = build_drafts([analysis], korea)  # raised "names …, which is unknown"
    actor = drafts.kg.actors["fana-broadcasting-corporate"]
    assert actor.kind.value == "media"
    said = [s for s in drafts.kg.statements.values() if s.speaker == actor.id]
    assert said and "Abiy is expected" in said[0].text
