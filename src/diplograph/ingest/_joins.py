"""Joining an event's mentions: to a graph event, to the agreement signed at a meeting, to
the event a copula names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..kg import KnowledgeGraph
from ..model import Event
from ._common import EventDraft
from ._event_index import event_index
from ._linking import FAMILIES


def add_linked(
    kg: KnowledgeGraph, drafts: list[EventDraft], draft: EventDraft, linked: Event
) -> None:
    """Add ``draft`` as a mention of the graph's event ``linked`` (to its draft if it has one)."""
    target = next((d for d in drafts if d.link == linked.id), None) or next(
        (  # the article pinned a part of that event already: the part is meant
            d
            for d in drafts
            if d.link and kg.events[d.link].part_of == linked.id and d.family == draft.family
        ),
        None,
    )
    if target is not None:
        join(target, draft)
        return
    draft.link, draft.id = linked.id, linked.id
    draft.rule = "linked: type family, date, place and participants agree"
    draft.confidence = 0.8 if draft.date is not None or draft.place else 0.6
    draft.label = linked.label
    drafts.append(draft)


def sign_at(kg: KnowledgeGraph, drafts: list[EventDraft], draft: EventDraft) -> bool:
    """ "The document", "the joint declaration" with no agreement named yet: the one the
    graph records as signed at the meeting the article named last before it, if there is one."""
    at = min(m[0] for m in draft.mentions)  # only a meeting named before the mention
    before = {
        id(d): max((m[0] for m in d.mentions if m[0] < at), default=-1)
        for d in drafts
        if d.family == "meeting" and d.link is not None
    }
    meetings = [d for d in drafts if before.get(id(d), -1) >= 0]
    if not meetings:
        return False
    host = max(meetings, key=lambda d: before[id(d)]).link
    parts = event_index(kg, FAMILIES).parts(host or "")
    signed = [ev for ev in parts if FAMILIES.get(ev.type.value) == "agreement"]
    if len(signed) != 1 or not names_fit(kg, draft.label, [kg.events[host or ""], signed[0]]):
        return False
    target = next((d for d in drafts if d.link == signed[0].id), None)
    if target is not None:
        join(target, draft)
        return True
    draft.type, draft.family = signed[0].type.value, "agreement"
    draft.link = draft.id = signed[0].id
    draft.rule, draft.confidence = "the agreement signed at the meeting named before", 0.6
    draft.label = signed[0].label
    drafts.append(draft)
    return True


_COMMON = {"the", "a", "an", "joint", "declaration", "statement", "agreement", "accord", "accords"}
_COMMON |= {"document", "communique", "communiqué", "deal", "treaty", "pact", "of", "on"}


def names_fit(kg: KnowledgeGraph, label: str, events: list[Event]) -> bool:
    """Whether every proper name in a mention ("Panmunjeom" of "The Panmunjeom Declaration")
    is in the label or place of one of ``events``: a document named for another place is
    not the one signed at this meeting."""
    words = [w.strip(".,;:’'\"“”()") for w in label.split()]
    names = [w for w in words if w[:1].isupper() and w.lower() not in _COMMON]
    if not names:
        return True
    known = " ".join(
        f"{ev.label} {kg.places[ev.place].name if ev.place in kg.places else ''}" for ev in events
    ).lower()
    return all(n.lower() in known for n in names)


def last_named(drafts: list[EventDraft], family: str) -> int:
    """Where the last mention of a linked event of ``family`` ("": any) starts, or -1."""
    return max(
        (m[0] for d in drafts if d.link and family in ("", d.family) for m in d.mentions),
        default=-1,
    )


def named_later(drafts: list[EventDraft], draft: EventDraft, at: int) -> bool:
    """Join ``draft`` to the event drafted with a mention at character ``at``, if any."""
    for target in drafts:
        if target.family == draft.family and any(a <= at < b for a, b in target.mentions):
            join(target, draft)
            return True
    return False


def join(target: EventDraft, other: EventDraft) -> None:
    """Make ``other``'s mentions and participants ``target``'s."""
    target.mentions += other.mentions
    target.participants |= other.participants


_INCLUDE = {"include", "feature", "involve"}


def included(token: Any, is_event: Callable[[Any], object]) -> bool:
    """Whether a mention stands in a relative clause of "include" on an event's noun: "a
    three-day visit that will include at least two rounds of summit talks with Kim" (the talks
    are a part of the visit, not an event of their own)."""
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _INCLUDE and node.dep_ == "relcl":
            return bool(is_event(node.head))
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False
