"""Temporal expressions of an article: found, read for their tense, resolved against the
publication date at their true precision, with the words each rests on."""

from __future__ import annotations

import re
from typing import Any

from .._relative import DATE_EXPRESSION, resolve_relative
from ..errors import DateError
from ._common import DateMention, IngestError
from .html import Article

__all__ = ["find_dates"]

_FUTURE = {"will", "shall", "'ll", "’ll", "would"}  # "would take place on Sunday": a plan
_AHEAD = {"upcoming", "planned", "proposed", "scheduled", "expected", "next"}
_PLANNED = {"set", "schedule", "slate", "plan", "due", "expect"}


def _future(doc: Any, start: int, end: int) -> bool | None:
    """True for a future verb, False for a past one, None when the tense tells nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            if any(c.lower_ in _AHEAD for c in token.children):
                return True  # "the upcoming summit on Friday"
            return None  # "the summit in September": a noun's date, no tense to go by
    if any(c.lower_ in _FUTURE for c in token.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # "agreed to meet in April": what is planned lies ahead
    if token.lower_ in _FUTURE:
        return True
    if token.lemma_.lower() in _PLANNED and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in token.children
    ):
        return True  # "talks are set for Oct. 5", "the summit is scheduled for June"
    past = token.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in token.children)
    return False if past or token.pos_ not in ("VERB", "AUX") else None


def _a_title(text: str, m: re.Match[str]) -> bool:
    """A relative expression capitalized inside a sentence names a title ("on “This Week”")."""
    words = m.group().split()
    if not m["rel"] or not all(w[:1].isupper() for w in words):
        return False
    before = text[: m.start()].rstrip(" “\"‘'")
    return bool(before) and before[-1] not in ".?!\n"


def find_dates(text: str, doc: Any, article: Article) -> list[DateMention]:
    """Every temporal expression of ``text`` resolved against the publication date."""
    found: list[DateMention] = []
    for m in DATE_EXPRESSION.finditer(text):
        if _a_title(text, m):
            continue
        future = _future(doc, m.start(), m.end()) if doc is not None else False
        try:
            resolved = resolve_relative(m.group(), article.published, future=future)
        except DateError as e:
            if article.published is None and "publication date" in str(e):
                raise IngestError(
                    f"{article.file}: {m.group()!r} needs the publication date to resolve "
                    "against: give --published DATE"
                ) from e
            continue
        found.append(DateMention(m.start(), m.end(), resolved))
    return found
