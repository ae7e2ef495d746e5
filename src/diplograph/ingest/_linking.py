"""Linking an event mention to an event of the graph: the type family agrees, the mention's
date (at its precision) may be the event's, and its place or participants agree."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from ..dates import PartialDate
from ..kg import KnowledgeGraph
from ..model import PRINCIPAL_ROLES, Event
from ._common import EventDraft
from ._event_index import event_index

__all__ = ["FAMILIES", "agrees", "link", "sides", "widen", "years_before"]

FAMILIES = {
    "summit": "meeting",
    "meeting": "meeting",
    "talks": "meeting",
    "visit": "visit",
    "border_crossing": "visit",
    "agreement": "agreement",
    "declaration": "agreement",
    # launches are reported as drills and drills as tests: one family of shows of force
    "missile_test": "military",
    "sanctions": "sanctions",
    "press_conference": "press_conference",
    "military_exercise": "military",
    "mediation": "mediation",
}


def widen(kg: KnowledgeGraph, ids: set[str]) -> set[str]:
    """Actors and the states they belong to: "the leaders of the United States" meet as states."""
    out = set(ids)
    for aid in ids:
        actor = kg.actors.get(aid)
        if actor is not None and actor.country is not None:
            out.add(actor.country)
    return out


def sides(kg: KnowledgeGraph, ids: set[str]) -> set[str]:
    """The sides ``ids`` stand for: a person or body of a state as that state, anyone else as
    themselves ("Kim Jong Un and North Korea" are one side, not two)."""
    out = set()
    for aid in ids:
        actor = kg.actors.get(aid)
        out.add(actor.country if actor is not None and actor.country is not None else aid)
    return out


def _score(
    kg: KnowledgeGraph,
    ev: Event,
    draft: EventDraft,
    published: PartialDate | None,
    named: set[str] = frozenset(),  # type: ignore[assignment]
) -> int | None:
    if FAMILIES.get(ev.type.value) != draft.family:
        return None
    score = 0
    if draft.date is not None:
        if not draft.date.may_overlap(ev.time.earliest, ev.time.latest):
            return None
        score += 2 + (str(draft.date) == str(ev.time))
    elif published is not None and ev.time.earliest > published.latest:
        return None
    elif published is not None and draft.place is None and years_before(ev, published) > 2:
        return None  # an undated "the deal" is not an event years before the article
    elif (
        published is not None
        and draft.place is None
        and draft.type != ev.type.value
        and (published.earliest - ev.time.latest).days > _JUST_OVER
    ):
        # "restarting the U.S.-North Korea denuclearization talks" three months after the
        # Singapore summit: another word of the family names an event only just over
        return None
    elif (
        published is not None
        and draft.family in RECURRENT
        and draft.place is None
        and (published.earliest - ev.time.latest).days > _RECENT
    ):
        return None  # undated "missile launches" are the latest ones, not May's of July
    if draft.place is not None:
        if ev.place is not None and ev.place != draft.place:
            return None
        score += 2 * (ev.place == draft.place)
    principals = {p.actor for p in ev.participants if p.role in PRINCIPAL_ROLES}
    actors = widen(kg, principals)
    if draft.participants:
        theirs = sides(kg, draft.participants)
        if len(sides(kg, principals) & theirs) < min(2, len(theirs)):
            return None  # "the deal" of Iran and the US is none of the US and North Korea
        score += len(actors & widen(kg, draft.participants))
    elif (
        draft.place is None
        and draft.family == "meeting"
        and (draft.date is None or draft.date.days > 7 or len(actors & widen(kg, named)) < 2)
    ):
        # "the summit from Sep 18 to 20": a date of a few days says which only when the
        # article names two of its principals; "their meeting on Friday" of others does not
        return None
    return score


#: families whose events recur every few weeks: an undated mention names only one just over
RECURRENT = {"military"}
_RECENT = 31  # days
_JUST_OVER = 7  # days

_TWO_YEARS = 731  # days: an undated mention is of no event more than two years before


def years_before(ev: Event, published: PartialDate) -> float:
    return (published.earliest - ev.time.latest).days / 365.25


def _candidates(
    kg: KnowledgeGraph, draft: EventDraft, published: PartialDate | None
) -> Iterable[Event]:
    """The events :func:`_score` may accept, from the index: those the mention's date allows;
    undated, those of the two years before the article (any year when a place is named)."""
    index = event_index(kg, FAMILIES)
    if draft.date is not None:
        return index.between(draft.family, draft.date.earliest, draft.date.latest)
    if published is None or draft.place is not None:
        return index.of_family(draft.family)
    since = published.earliest - timedelta(days=_TWO_YEARS)
    return index.between(draft.family, since, published.latest)


def link(
    kg: KnowledgeGraph, draft: EventDraft, published: PartialDate | None, named: set[str]
) -> Event | None:
    scored = [
        (s, ev)
        for ev in _candidates(kg, draft, published)
        if (s := _score(kg, ev, draft, published, named)) is not None
    ]
    floor = 2 if draft.family == "meeting" else 1
    scored = [(s, ev) for s, ev in scored if s >= floor]
    ids = {ev.id for _, ev in scored}
    best = max((s for s, _ in scored), default=0)
    # a mention names the enclosing event rather than one of its parts, unless it pins the part
    top = [ev for s, ev in scored if s == best and not (ev.part_of in ids and s <= best)]
    top = top or [ev for s, ev in scored if s == best]
    if not top:
        return _visit_as_meeting(kg, draft, published) if draft.family == "visit" else None
    return max(top, key=lambda ev: ev.time.latest)


def _visit_as_meeting(
    kg: KnowledgeGraph, draft: EventDraft, published: PartialDate | None
) -> Event | None:
    """ "Moon's three-day visit" when the graph has no visit of Moon's: the summit he travelled
    to, if the visitor is one of its principals and its dates (or those of the report) agree."""
    if not draft.participants or published is None:
        return None
    states = {a.id for a in kg.actors.values() if a.kind.value == "state"}
    if draft.label.lower().startswith(("a ", "an ")) and not draft.participants - states:
        return None  # "a good trip to Pyongyang": whose, the words do not say
    found = []
    index = event_index(kg, FAMILIES)
    if draft.date is not None:
        events: Iterable[Event] = index.between("meeting", draft.date.earliest, draft.date.latest)
    else:
        events = index.between("meeting", published.earliest - timedelta(days=37), published.latest)
    for ev in events:
        if ev.part_of is not None:
            continue
        principals = {p.actor for p in ev.participants if p.role in PRINCIPAL_ROLES}
        if not draft.participants <= widen(kg, principals):
            continue
        if draft.place is not None and ev.place != draft.place:
            continue
        if draft.date is not None:
            ok = draft.date.may_overlap(ev.time.earliest, ev.time.latest)
        else:  # undated: the visit under way, or just over, when the report was written
            ok = ev.time.earliest <= published.latest and years_before(ev, published) <= 0.1
        if ok:
            found.append(ev)
    return found[0] if len(found) == 1 else None


def agrees(kg: KnowledgeGraph, ev: Event, draft: EventDraft, published: PartialDate | None) -> bool:
    """Whether a mention's own date and participants, and the article's date, allow the event
    its name names."""
    if published is not None and draft.date is None and ev.time.earliest > published.latest:
        return False
    if draft.date is not None and not draft.date.may_overlap(ev.time.earliest, ev.time.latest):
        return False
    actors = widen(kg, {p.actor for p in ev.participants})
    return not draft.participants or bool(actors & widen(kg, draft.participants))
