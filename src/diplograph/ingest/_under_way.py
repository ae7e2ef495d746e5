"""Mentions of a summit under way: a report written while a summit goes on calls its parts
"a one-on-one meeting", "additional talks", "his three-day trip", "a visit"; each is a part
of the summit the article links, unless its grammar makes it a wish or a denial."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from ..dates import PartialDate
from ..kg import KnowledgeGraph
from ..model import Event
from ._common import EventDraft
from ._linking import FAMILIES, widen

__all__ = ["hypothetical", "join_under_way"]

_MODALS = {"could", "would", "might", "may", "should", "can", "must"}
_NONE = {"no", "any", "another", "next", "future", "possible", "potential"}
_WISH = {"push", "urge", "propose", "consider", "discuss", "suggest"}


def hypothetical(token: Any) -> bool:
    """Whether an event noun is a wish, a denial or a possibility rather than an occurrence:
    "no Iran-US meeting", "could hold another summit", "pushed for a DMZ trip", "did not hold
    talks", "the possibility of a formal third summit".
    """
    if any(c.lower_ in _NONE for c in token.children):
        return True
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in ("possibility", "prospect"):
        return True
    node = token
    for _ in range(4):  # up to the verb the noun hangs on
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    else:
        return False
    if node.lemma_.lower() in _WISH or (node.dep_ == "pcomp" and node.head.lower_ == "without"):
        return True  # "pushed for a DMZ trip", "without reaching an agreement"
    return any(c.dep_ == "neg" or c.lower_ in _MODALS for c in node.children)


def _under_way(ev: Event, published: PartialDate) -> bool:
    """Whether ``ev`` was going on when the report was written (or ended the day before)."""
    return (
        ev.time.earliest <= published.latest
        and published.earliest - timedelta(days=1) <= ev.time.latest
    )


def join_under_way(
    kg: KnowledgeGraph,
    drafts: list[EventDraft],
    candidates: list[EventDraft],
    published: PartialDate | None,
    recent: Callable[[], Event | None],
    add: Callable[[EventDraft, Event], None],
) -> None:
    """Join each candidate (an undated meeting, talks or visit no other rule placed) to the
    summit under way when the article was published: the one the article linked, else the
    graph's (``recent``). A candidate whose place or people are not the summit's stays out."""
    if published is None or not candidates:
        return
    linked = {
        d.link
        for d in drafts
        if d.link
        and FAMILIES.get(kg.events[d.link].type.value) == "meeting"
        and kg.events[d.link].part_of is None
        and _under_way(kg.events[d.link], published)
    }
    if len(linked) > 1:
        return  # two summits at once: which one is meant is not for a rule to say
    ev = kg.events[linked.pop()] if linked else recent()
    if ev is None or not _under_way(ev, published):
        return
    people = widen(kg, {p.actor for p in ev.participants})
    for draft in candidates:
        if draft.type == "summit" and ev.type.value != "summit":
            continue  # "a summit with Trump" is no part of a meeting at the border
        if draft.place is not None and ev.place is not None and draft.place != ev.place:
            continue
        if not draft.participants <= people:
            continue  # "his previous visit to South Korea": not the summit's people
        target = next((d for d in drafts if d.link == ev.id), None)
        if target is None:
            add(draft, ev)
            draft.rule = "linked: a part of the summit under way when the report was written"
            draft.confidence = 0.5
        else:
            target.mentions += draft.mentions
            target.participants |= draft.participants
