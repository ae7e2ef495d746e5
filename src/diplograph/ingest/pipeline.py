"""One article through every stage: entities and actors, dates, statements, events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..kg import KnowledgeGraph
from ._common import ActorDraft, DateMention, EventDraft, IngestError, QuoteDraft
from .actors import ActorResolver
from .events import find_events
from .html import Article
from .nlp import parse
from .quotes import find_quotes
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
            if ent.label_ == "PERSON" and "-" in ent.text:  # "Trump-Kim": two people
                for token in ent:
                    one = actors.resolve_name(token.text) if token.text != "-" else None
                    if one is not None:
                        ent_actor[token.i] = one
            continue
        for token in ent:
            ent_actor[token.i] = draft
        actors.position(draft, text, ent.start_char, ent.start_char + len(ent.text.rstrip()))
    dates = find_dates(text, doc, article)
    quotes = find_quotes(text, doc, actors, ent_actor)
    events = find_events(text, doc, article, kg, ent_actor, dates)
    _date_quotes(doc, quotes, dates, article)
    _link_quotes(quotes, events)
    return Analysis(article, list(actors.found.values()), quotes, dates, events)


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


def _link_quotes(quotes: list[QuoteDraft], events: list[EventDraft]) -> None:
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
