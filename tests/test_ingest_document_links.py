"""A document mention ("the joint declaration") is linked to the agreement signed at a
meeting named before it, and only when its own proper names fit that meeting."""

from __future__ import annotations

from typing import Any

import pytest

from diplograph.ingest.pipeline import Analysis


def _link_of(an: Analysis, words: str) -> str | None:
    start = an.article.body.index(words)
    for ev in an.events:
        if any(a <= start < b for a, b in ev.mentions):
            return ev.link
    return None


@pytest.mark.parametrize(
    "text",
    [
        "Trump and Kim met in Singapore on June 12, 2018, and signed a joint statement. "
        "A year later, Seoul said the Panmunjom Declaration still guided its policy.",
        "Trump and Kim met in Singapore on June 12, 2018. "
        "Moon said the Pyongyang Declaration was being carried out.",
    ],
)
def test_a_document_named_for_another_place_is_not_the_meetings(
    analyse_text: Any, text: str
) -> None:
    an = analyse_text(text, "2019-06-20")
    name = "Panmunjom Declaration" if "Panmunjom" in text else "Pyongyang Declaration"
    assert _link_of(an, name) != "singapore-joint-statement-2018"
