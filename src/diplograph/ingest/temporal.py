"""Temporal expressions of an article: found, read for their tense, resolved against the
publication date at their true precision, with the words each rests on."""

from __future__ import annotations

import re
from typing import Any

from .._relative import DATE_EXPRESSION, ResolvedDate, resolve_relative
from ..dates import DateSpan, PartialDate
from ..errors import DateError
from ._common import DateMention, IngestError
from .html import Article

__all__ = ["find_dates"]

_FUTURE = {"will", "shall", "'ll", "’ll", "would"}  # "would take place on Sunday": a plan
_AHEAD = {"upcoming", "planned", "proposed", "scheduled", "expected", "next"}
_PLANNED = {"set", "schedule", "slate", "plan", "due", "expect"}


def _told_as_past(token: Any) -> bool:
    """Whether the verb of the clause ``token`` hangs in is in a past tense."""
    for _ in range(6):
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "acl":
            aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
            return token.tag_ == "VBD" or bool(aux & {"had", "has", "have"})
        if token.head.i == token.i:
            return False
    return False


def _future(doc: Any, start: int, end: int) -> bool | None:
    """True for a future verb, False for a past one, None when the tense tells nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    if token.head.lower_ in ("by", "until", "till") and token.dep_ == "pobj":
        return None  # "withdrawn from the zone by October 10": a deadline, the nearest day
    while token.dep_ == "conj" and token.head.ent_type_ == "DATE" and token.head.i < token.i:
        token = token.head  # "on Wednesday and Thursday": the tense of the first day's verb
    nouns = 0
    for _ in range(8):
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() not in _PLANNED:
            nouns += 1  # "the agreement named … on Sept. 15": a participle gives no tense
        elif token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            if any(c.lower_ in _AHEAD for c in token.children):
                return True  # "the upcoming summit on Friday"
            if token.lemma_.lower() in _PLANNED:
                return (
                    None  # "expected plans for a June 12 summit": the plan's tense is not the day's
                )
            nouns += 1
    if _proposed(token):
        return True  # "Moscow has suggested Kiev meet for new talks on Monday"
    if nouns and token.tag_ != "VBD" and not any(c.lower_ in _FUTURE for c in token.children):
        return None  # "the summit in September": a noun's date, no tense to go by
    # "talks ground to a halt within weeks of the June 12 summit": the clause's past
    if any(c.lower_ in _FUTURE for c in token.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # "agreed to meet in April": what is planned lies ahead
    if token.lower_ in _FUTURE or any(c.lower_ == "due" for c in token.children):
        return True  # "Trump is due in Seoul on Saturday"
    if token.lemma_.lower() in _PLANNED and token.dep_ == "acl" and token.tag_ == "VBN":
        # "the ceremony scheduled for Sept. 15"; but "had pulled out of the round scheduled
        # for April 2" tells of a plan of the past: the nearest such day
        return None if _told_as_past(token) else True
    if token.lemma_.lower() in _PLANNED and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in token.children
    ):
        return True  # "talks are set for Oct. 5", "the summit is scheduled for June"
    # "proposed the event be held in mid-March": a participle after a bare "be" is no past
    bare_be = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VB" for c in token.children)
    past = token.tag_ == "VBD" or (token.tag_ == "VBN" and not bare_be)
    past = past or any(c.tag_ == "VBD" for c in token.children)
    return False if past or token.pos_ not in ("VERB", "AUX") else None


_PROPOSE = {"suggest", "propose", "demand", "insist", "urge", "recommend", "request", "ask"}


def _proposed(token: Any) -> bool:
    """A bare verb with no auxiliary, the clause of a verb of proposing ("suggested Kiev meet"):
    what is proposed lies ahead."""
    return bool(
        token.tag_ == "VB"
        and token.dep_ == "ccomp"
        and token.head.lemma_.lower() in _PROPOSE
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


def _a_title(text: str, m: re.Match[str]) -> bool:
    """A relative expression capitalized inside a sentence names a title ("on “This Week”")."""
    words = m.group().split()
    if not m["rel"] or not all(w[:1].isupper() for w in words):
        return False
    before = text[: m.start()].rstrip(" “\"‘'")
    return bool(before) and before[-1] not in ".?!\n"


_YEAR_AFTER = re.compile(r"\s+(last|this|next)\s+year\b", re.IGNORECASE)


def _in_year(text: str, m: re.Match[str], article: Article) -> ResolvedDate | None:
    """ "June 12 last year", "in June last year": the day or month in the year the next words
    name (those words are an expression of their own too)."""
    after = _YEAR_AFTER.match(text, m.end())
    if after is None or not (m["dmy"] or m["mdy"] or m["month"]) or m["y1"] or m["y2"]:
        return None
    if article.published is None:
        return None  # the year words raise the error
    year = article.published.earliest.year + {"last": -1, "this": 0, "next": 1}[after[1].lower()]
    found = resolve_relative(f"{m.group()} {year}", None)
    return ResolvedDate(found.value, f"{m.group()}{after.group()}", f"{after[1].lower()} year")


_NAMED_MONTH = re.compile(r"\b([A-Z][a-z]+)\s+(May|June|April|August)\b")
_BEFORE_MONTH = {
    "in",
    "by",
    "since",
    "until",
    "early",
    "late",
    "last",
    "next",
    "this",
    "mid",
    "of",
    "from",
    "through",
    "till",
    "before",
    "after",
    "during",
    "on",
    "and",
    "or",
    "but",
    "the",
    "to",
    "for",
    "each",
    "every",
    "at",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


def _a_name(doc: Any, text: str, m: re.Match[str]) -> bool:
    """ "May" in "backed by May" when the article names Theresa May: a person, not a month
    ("in May" stays the month)."""
    if not m["month"] or text[max(0, m.start() - 3) : m.start()].lower() in ("in ", "id-"):
        return False
    span = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
    if span is not None and span[0].ent_type_ == "PERSON":
        return True
    surnames = doc.user_data.get("diplograph_surnames")
    if surnames is None:
        surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        surnames |= {  # "Theresa May", "Mrs May": the small model often misses them
            n.group(2).lower()
            for n in _NAMED_MONTH.finditer(text)
            if n.group(1).lower() not in _BEFORE_MONTH
        }
        doc.user_data["diplograph_surnames"] = surnames
    return m.group().lower() in surnames


# a medium named "… Today" (a capitalized word before it, inside a line)
_NAMED_DAY = re.compile(r"(?<![.?!]\s)\b[A-Z][\w.]*\s+Today\b(?!’s|'s)$")
_NOT_A_DAY = ("'s world", "’s world", "'s era", "’s era", "'s society", "’s society")


def find_dates(text: str, doc: Any, article: Article) -> list[DateMention]:
    """Every temporal expression of ``text`` resolved against the publication date."""
    found: list[DateMention] = []
    for m in DATE_EXPRESSION.finditer(text):
        if _a_title(text, m):
            continue
        if doc is not None and _a_name(doc, text, m):
            continue
        if _NAMED_DAY.search(text, max(0, m.start() - 30), m.end()) is not None:
            continue  # "Norway Today", "USA Today", "today's world": no day
        if m.group().lower() == "today" and text[m.end() : m.end() + 10].startswith(_NOT_A_DAY):
            continue
        future = _future(doc, m.start(), m.end()) if doc is not None else False
        try:
            resolved = _in_year(text, m, article) or resolve_relative(
                m.group(), article.published, future=future
            )
        except DateError as e:
            if article.published is None and "publication date" in str(e):
                raise IngestError(
                    f"{article.file}: {m.group()!r} needs the publication date to resolve "
                    "against: give --published DATE"
                ) from e
            continue
        found.append(DateMention(_part_of_month(text, m), m.end(), resolved))
    return _ranges(text, found)


_RANGE = re.compile(r"\s+(?:to|through|until|till|-|–)\s+")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "from Sunday to Wednesday": one span of days, not two days (two weekdays joined by
    "to", "through" or a dash, the first after "from" or "between")."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _RANGE.fullmatch(text, prev.end, d.start)
            and text[prev.start : prev.end].lower() in _WEEKDAYS
            and text[d.start : d.end].lower() in _WEEKDAYS
            and text[max(0, prev.start - 5) : prev.start].lower() == "from "
            and isinstance(prev.value, PartialDate)
            and isinstance(d.value, PartialDate)
            and prev.value.earliest < d.value.earliest
        ):
            words = text[prev.start : d.end]
            span = DateSpan(prev.value, d.value)
            out[-1] = DateMention(prev.start, d.end, ResolvedDate(span, words, "a range of days"))
            continue
        out.append(d)
    return out


_PART = re.compile(
    r"(?i:\b(?:early|late|mid)[ -]|\bend-of-|\bthe\s+(?:first|second|latter)\s+half\s+of\s)$"
)


def _part_of_month(text: str, m: re.Match[str]) -> int:
    """Where a month's expression starts: "early June", "late November", "mid-August", "the
    second half of April" name the month with the words before it (the value stays the
    month)."""
    if not m["month"]:
        return m.start()
    part = _PART.search(text, max(0, m.start() - 24), m.start())
    return part.start() if part is not None else m.start()
