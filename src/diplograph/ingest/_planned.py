"""Events an article speaks of before they happen: "plans for a summit between Trump and Kim",
"their expected summit", "Kim and Trump will have follow-up talks", "heading over to Vietnam
for my meeting with Kim Jong Un". Such a mention names the next event of its participants
after the report, not the latest one before it; a bare one ("a two-day summit" the leaders
are scheduled to begin) is the planned event the article named already.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from ..dates import PartialDate
from ..kg import KnowledgeGraph
from ..model import PRINCIPAL_ROLES, Event
from ._common import ActorDraft, EventDraft
from ._event_index import event_index
from ._linking import FAMILIES, sides
from ._under_way import hypothetical

__all__ = ["next_event", "other_side", "planned", "planned_event", "told_as_past"]

_AHEAD = {"expected", "planned", "upcoming", "proposed", "forthcoming", "scheduled", "coming"}
#: words above an event noun that put it in the future: "plans for", "prepare for", "is
#: scheduled to begin", "heading over to Vietnam for", "looking forward to"
_TOWARDS = {"plan", "prepare", "preparation", "schedule", "slate", "expect", "arrange", "due"}
#: "in the run-up to the Trump-Kim summit", "ahead of his summit": ahead of the clause's time,
#: which is the report's unless the clause is in the past
_BEFORE = re.compile(r"\b(?:ahead of|run-up to|lead-up to|eve of)\s+$", re.IGNORECASE)
#: going to an event puts it ahead only in the present ("heading over to Vietnam for my
#: meeting"); "arrived … ahead of his summit" in a report written after it does not
_GOING = {"head", "travel", "fly", "arrive", "leave", "depart"}
_FUTURE = {"will", "'ll", "shall"}
_HALF_YEAR = 183  # days: how far ahead of the report a planned event is looked for
_SUBJECTS = ("nsubj", "nsubjpass")


_BEHIND = {"latest", "last", "recent", "previous"}


def told_as_past(token: Any) -> bool:
    """Whether the clause of the event noun ``token`` is in the past tense ("the village where
    the summit was held"): it names an event held already, not one still to come."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.tag_ == "VBD":
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(c.tag_ == "VBD" for c in aux)


def planned(token: Any) -> bool:
    """Whether the event noun ``token`` names an event still to come when the report was
    written (not a wish nor a possibility: see :func:`._under_way.hypothetical`)."""
    if token.pos_ not in ("NOUN", "PROPN") or hypothetical(token):
        return False
    if any(c.lower_ in _BEHIND for c in token.lefts):
        return False  # "the latest summit will turn a new page": the one just held
    if any(c.lower_ in _AHEAD for c in token.lefts):
        return True
    doc = token.doc
    if _BEFORE.search(doc[max(0, token.left_edge.i - 4) : token.left_edge.i].text_with_ws):
        verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return verb is not None and verb.tag_ != "VBD"
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        lemma = "slate" if node.lower_ == "slated" else node.lemma_.lower()  # the model's "slat"
        if lemma in _TOWARDS or any(c.lower_ == "forward" for c in node.children):
            return True
        if node.lemma_.lower() in _GOING and node.tag_ not in ("VBD", "VBN"):
            return True
        if node.pos_ in ("VERB", "AUX") and node.tag_ == "VBD":
            return False  # "will visit …, after the talks fizzled": its own clause is past
        if node.pos_ in ("VERB", "AUX") and any(c.lower_ in _FUTURE for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "advcl", "conj"):
            return False
    return False


def other_side(token: Any, ent_actor: dict[int, ActorDraft]) -> set[str]:
    """The side of "hold a meeting with Kim Jong Un" that the "with" phrase leaves out: the
    subject of the verb the event noun hangs on, through "plans to", "is scheduled to" and a
    "he" that is the subject of the speech verb reporting it ("Trump has said he plans to hold
    a second meeting with Kim Jong Un": Trump)."""
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return set()
    if any(c.dep_ == "poss" for c in token.children):
        return set()  # "briefed about Pompeo's meeting with Kim": the owner is the other side
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                return _actors(subject, ent_actor)
            if node.dep_ not in ("xcomp", "conj", "advcl"):
                return set()
        if node.head.i == node.i:
            return set()
        node = node.head
    return set()


def _actors(subject: Any, ent_actor: dict[int, ActorDraft]) -> set[str]:
    if subject.lower_ in ("he", "she") and subject.head.dep_ == "ccomp":
        speaker = next((c for c in subject.head.head.children if c.dep_ in _SUBJECTS), None)
        if speaker is not None and speaker.i != subject.i:
            return _actors(speaker, ent_actor)
    return {
        ent_actor[t.i].id
        for t in subject.subtree
        if t.i in ent_actor and ent_actor[t.i].kind in ("person", "state")
    }


def next_event(
    kg: KnowledgeGraph, draft: EventDraft, published: PartialDate | None
) -> Event | None:
    """The first event of the mention's family and participants (two of them, or its only
    one) to begin after the report and within half a year of it, at the mention's place if
    it names one."""
    if published is None or not draft.participants or draft.date is not None:
        return None  # a dated mention is linked by its date
    theirs = sides(kg, draft.participants)  # Kim and North Korea are one side, not two
    until = published.latest + timedelta(days=_HALF_YEAR)
    found = []
    for ev in event_index(kg, FAMILIES).between(draft.family, published.earliest, until):
        if ev.part_of is not None or ev.time.earliest <= published.earliest:
            continue
        if draft.place is not None and ev.place is not None and ev.place != draft.place:
            continue
        principals = sides(kg, {p.actor for p in ev.participants if p.role in PRINCIPAL_ROLES})
        if len(principals & theirs) >= min(2, len(theirs)):
            found.append(ev)
    return min(found, key=lambda ev: ev.time.earliest, default=None)


def planned_event(
    drafts: list[EventDraft], draft: EventDraft, kg: KnowledgeGraph, published: PartialDate | None
) -> EventDraft | None:
    """The draft of the planned event of ``draft``'s family the article named last, if any:
    the event a bare planned mention ("a two-day summit") names."""
    if published is None:
        return None
    for target in reversed(drafts):
        if target.family != draft.family or target.link is None:
            continue
        ev = kg.events.get(target.link)
        return target if ev is not None and ev.time.earliest > published.earliest else None
    return None
