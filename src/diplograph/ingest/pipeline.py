"""One article through every stage: entities and actors, dates, statements, events."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..dates import When
from ..kg import KnowledgeGraph
from ._common import ActorDraft, DateMention, EventDraft, IngestError, QuoteDraft
from .actors import ActorResolver
from .events import find_events
from .html import Article
from .nlp import parse
from .quotes import find_quotes, paragraphs
from .temporal import find_dates

__all__ = ["Analysis", "analyze", "find_dates"]


@dataclass
class Analysis:
    """What the pipeline read in one article."""

    article: Article
    actors: list[ActorDraft]
    quotes: list[QuoteDraft]
    dates: list[DateMention]
    events: list[EventDraft]


def analyze(article: Article, kg: KnowledgeGraph, *, doc: Any = None) -> Analysis:
    """Run the pipeline on ``article``, resolving names and events against ``kg``.

    ``doc`` is the article's parse when already made (see :func:`.nlp.parse_many`).
    """
    text = article.body
    if doc is None:
        doc = parse(text)
    actors = ActorResolver(kg, article.published)
    ent_actor: dict[int, ActorDraft] = {}
    for ent in doc.ents:
        draft = actors.entity(ent)
        if draft is None:
            if ent.label_ in ("PERSON", "ORG", "GPE") and "-" in ent.text:
                ent_actor.update(_pair(ent, actors))
            continue
        for token in ent:
            ent_actor[token.i] = draft
        actors.position(draft, text, ent.start_char, ent.start_char + len(ent.text.rstrip()))
    dates = find_dates(text, doc, article)
    quotes = find_quotes(text, doc, actors, ent_actor)
    events = find_events(text, doc, article, kg, ent_actor, dates)
    _date_quotes(doc, quotes, dates, article)
    _link_quotes(text, quotes, events, dates, kg)
    return Analysis(article, list(actors.found.values()), quotes, dates, events)


def _pair(ent: Any, actors: ActorResolver) -> dict[int, ActorDraft]:
    """The two actors of a hyphenated entity, by token: "Trump-Kim" (two people), "U.S.-North
    Korea" (two states, "U.S.-North" one token to the model: it goes with the first)."""
    parts = re.split(r"(?<=\S)-(?=[A-Z])", ent.text)
    if len(parts) == 2:
        first, second = (actors.resolve_name(p) for p in parts)
        if first is not None and second is not None:
            cut = ent.start_char + len(parts[0])
            return {t.i: first if t.idx < cut else second for t in ent if t.text != "-"}
    found = {}
    for token in ent:
        one = actors.resolve_name(token.text) if token.text != "-" else None
        if one is not None:
            found[token.i] = one
    return found


def _date_quotes(
    doc: Any, quotes: list[QuoteDraft], dates: list[DateMention], article: Article
) -> None:
    """A statement's date: a date on its speech verb, else the article's first such date."""
    by_token: dict[int, DateMention] = {}
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                by_token[t.i] = d
    first: DateMention | None = None
    for q in quotes:
        if q.verb is None:
            continue
        verb = doc[q.verb]
        own = next(
            (
                by_token[t.i]
                for t in verb.subtree
                if (t.i in by_token and t.head.i == verb.i)
                or (t.i in by_token and t.head.head.i == verb.i and t.head.dep_ == "prep")
            ),
            None,
        )
        if own is not None:
            q.date = own.value
            q.date_note = own.resolved.note
            first = first or own
    for q in quotes:
        if q.date is None and first is not None:
            q.date = first.value
            q.date_note = (
                "Not dated in its sentence; the article's statements are dated "
                f"{first.value} (“{first.resolved.words}”)."
            )
        elif q.date is None and article.published is not None:
            q.date = article.published
            q.date_note = "Not dated in the text: the publication date."
        if q.date is None:
            raise IngestError(
                f"{article.file}: a statement has no date and the article no publication "
                "date: give --published DATE"
            )


def _link_quotes(
    text: str,
    quotes: list[QuoteDraft],
    events: list[EventDraft],
    dates: list[DateMention],
    kg: KnowledgeGraph,
) -> None:
    """What each statement is about: the events named in its sentence or its words; else the
    one event its words' date names ("the talks on Thursday were constructive"); else the one
    event its paragraph names."""
    paras = list(paragraphs(text))
    for q in quotes:
        for ev in events:
            if (
                any(
                    q.sentence[0] <= a < q.sentence[1] or q.start <= a < q.end
                    for a, _ in ev.mentions
                )
                and ev.id not in q.events
            ):
                q.events.append(ev.id)
        if q.events:
            continue
        said = [d.value for d in dates if q.start <= d.start < q.end]
        on_day = [ev for ev in events if any(_same_time(ev, when, kg) for when in said)]
        if len(on_day) == 1:
            q.events.append(on_day[0].id)
            continue
        para = next(((a, b) for a, b in paras if a <= q.start < b), None)
        near = [ev for ev in events if para and any(para[0] <= a < para[1] for a, _ in ev.mentions)]
        if len(near) == 1:
            q.events.append(near[0].id)


def _same_time(ev: EventDraft, when: When, kg: KnowledgeGraph) -> bool:
    """Whether the event's date (its own, else its graph event's) may be ``when``, at a day's
    or a few days' precision (a month says too little to pick an event by)."""
    own = ev.date or (kg.events[ev.link].time if ev.link and ev.link in kg.events else None)
    if own is None or when.days > 7:
        return False
    return when.may_overlap(own.earliest, own.latest)
