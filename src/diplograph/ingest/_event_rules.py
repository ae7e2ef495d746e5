"""Rules that say whether an event noun names one real-world event, and which.

:mod:`.events` finds the trigger words; these rules read their grammatical
context: "the collapse of talks" and "five hours of talks" name one occurrence
where "momentum for talks" names none; "signed a statement" is a statement that
was signed; "the incident" is the event named just before; a first "the summit"
in a report names the summit of the principals the report names, held in the
weeks before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from ..dates import PartialDate
from ..kg import KnowledgeGraph
from ..model import PRINCIPAL_ROLES, Event
from ._event_index import event_index

__all__ = [
    "GENERIC",
    "date_is_its_own",
    "hyphen_part",
    "measure",
    "named_event",
    "nth_event",
    "ordinal",
    "pair_participants",
    "place_modifier",
    "recent_event",
    "specific",
    "subject_takes_part",
    "verb_place_span",
]

#: nouns whose "of" names one occurrence of the event after it ("the collapse of talks")
_PHASES = {
    "aftermath",
    "breakdown",
    "collapse",
    "conclusion",
    "end",
    "eve",
    "failure",
    "opening",
    "outcome",
    "result",
    "sidelines",
    "start",
    "success",
    "wake",
}
#: measure nouns: "five hours of talks", "a fresh round of talks", "two days of negotiations"
_MEASURES = {"hour", "day", "round", "minute", "session", "week", "series"}
#: nouns that stand for whatever event was named before them ("the incident", "Sunday's event")
GENERIC = {"event", "incident", "occasion", "episode", "gathering"}
#: verbs whose subject is no participant of the event in their object ("Pompeo played down the
#: test", "Trump canceled a visit by Pompeo")
_REMARKS = {
    "add",
    "announce",
    "claim",
    "comment",
    "insist",
    "note",
    "remark",
    "report",
    "say",
    "speak",
    "tell",
    "tweet",
    "warn",
    "write",
    "brush",
    "call",
    "cancel",
    "condemn",
    "criticize",
    "criticise",
    "deny",
    "describe",
    "discuss",
    "dismiss",
    "downplay",
    "hail",
    "play",
    "postpone",
    "praise",
    "propose",
    "reject",
    "seek",
    "suggest",
    "urge",
    "want",
    "welcome",
}
_TRAVEL = {"visit", "trip", "journey", "tour"}
#: adjectives that name both sides of the event they modify
_PAIRS = {"inter-korean": ("north-korea", "south-korea")}


def specific(token: Any) -> bool:
    """True when the grammar says ``token`` names one occurrence though it has no article:
    "the collapse of talks", "nearly five hours of talks", "followed by an extended
    bilateral summit", "They then signed a statement"."""
    head = token.head
    if token.i >= 3 and token.doc[token.i - 2].text in ("-", "–"):
        names = (token.doc[token.i - 3], token.doc[token.i - 1])
        if all(n.pos_ == "PROPN" and n.text.istitle() for n in names):
            return True  # "a successful Trump-Kim summit": the meeting of those two
    if token.dep_ == "pobj" and head.lower_ == "of":
        noun = head.head
        return noun.lemma_.lower() in _PHASES or noun.lemma_.lower() in _MEASURES
    if token.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return True
    return bool(token.dep_ == "dobj" and head.tag_ == "VBD")


def measure(token: Any) -> Any:
    """The measure noun of "nearly five hours of talks" ("hours"), else None."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _MEASURES:
        return head.head
    return None


def subject_takes_part(verb: Any) -> bool:
    """False for verbs of comment ("played down the test"): their subject is not a participant."""
    return verb.lemma_.lower() not in _REMARKS


def place_modifier(trigger: Any, token: Any) -> bool:
    """True for a country named as the place of an event its participants own: "their Vietnam
    meeting" is held in Vietnam, not with it."""
    if token.ent_type_ not in ("GPE", "LOC") or token.head.i != trigger.i:
        return False
    if token.dep_ != "compound":
        return False
    return any(t.lower_ in ("their", "his", "her", "its") or t.tag_ == "POS" for t in trigger.lefts)


def pair_participants(trigger: Any, kg: KnowledgeGraph) -> set[str]:
    """The two sides an adjective names ("the inter-Korean summit"), when the graph has them."""
    out: set[str] = set()
    words = trigger.doc[trigger.left_edge.i : trigger.i].text.lower().replace(" ", "")
    for key, ids in _PAIRS.items():
        if key in words and all(i in kg.actors for i in ids):
            out.update(ids)
    return out


def verb_place_span(trigger: Any) -> tuple[int, int] | None:
    """The characters of the place the verb of "hold a meeting at Panmunjom" gives its object,
    or of the destination of "Moon's first visit to Pyongyang"."""
    for prep in trigger.rights:
        if prep.dep_ == "prep" and prep.lower_ == "to" and trigger.lemma_.lower() in _TRAVEL:
            right = prep.right_edge
            return prep.idx, right.idx + len(right)
    if trigger.dep_ != "dobj":
        return None
    for prep in trigger.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in") and prep.i > trigger.i:
            right = prep.right_edge
            return prep.idx, right.idx + len(right)
    return None


def date_is_its_own(path: list[Any], date_tokens: set[int]) -> bool:
    """Whether the date reached the verb directly (``path`` runs from the date's root to the
    verb's child): "held talks on Sunday" dates the talks, "played down the test in an interview
    Sunday" dates the interview."""
    child = path[-1]
    if child.i in date_tokens:
        return True
    if child.dep_ == "prep":
        return all(c.i in date_tokens for c in child.children if c.dep_ == "pobj")
    return False


def _sides(kg: KnowledgeGraph, ids: set[str]) -> set[str]:
    """The states the actors stand for (a person for the state of their country)."""
    out = set()
    for aid in ids:
        actor = kg.actors.get(aid)
        out.add(actor.country if actor is not None and actor.country else aid)
    return out


def recent_event(
    kg: KnowledgeGraph,
    family: str,
    families: dict[str, str],
    published: PartialDate | None,
    named: set[str],
    days: int = 31,
) -> Event | None:
    """The latest event of ``family`` whose principals the article names (two, or the only
    one) and which was going on, or ended, in the ``days`` before publication: a report's first
    "the summit", "the launch"."""
    if published is None:
        return None
    sides = _sides(kg, named)
    found = []
    since = published.earliest - timedelta(days=days)
    for ev in event_index(kg, families).between(family, since, published.latest):
        principals = _sides(kg, {p.actor for p in ev.participants if p.role in PRINCIPAL_ROLES})
        if len(principals & sides) < min(2, len(principals)) or not principals:
            continue
        if (
            ev.time.earliest <= published.latest
            and (published.earliest - ev.time.latest).days <= days
        ):
            found.append(ev)
    # the latest to begin; of two that begin together, the shorter
    return max(found, key=lambda ev: (ev.time.earliest, -ev.time.days), default=None)


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z]+", text.lower()) if w}


def named_event(
    kg: KnowledgeGraph,
    trigger: Any,
    family: str,
    families: dict[str, str],
    triggers: dict[str, str],
) -> Event | None:
    """The event of the graph a capitalized name names: "the Armistice Agreement" is the
    armistice (its modifier is a word of the same family in the event's label), "the Singapore
    statement" the Singapore joint statement (every modifier and the head are in the label)."""
    mods = [
        t.lower_
        for t in trigger.doc[trigger.left_edge.i : trigger.i]
        if t.text[:1].isupper()
        and t.pos_ == "PROPN"
        and t.ent_type_ not in ("PERSON", "NORP")
        and t.dep_ != "poss"  # "Kim's meeting" is no name of a meeting
    ]
    if not mods:
        return None
    head = trigger.lemma_.lower()
    found = []
    for ev in event_index(kg, families).of_family(family):
        label = _words(ev.label)
        same_kind = any(families.get(triggers.get(m, "")) == family and m in label for m in mods)
        if same_kind or (
            all(m in label for m in mods) and (head in label or trigger.lower_ in label)
        ):
            found.append(ev)
    return found[0] if len(found) == 1 else None


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def ordinal(trigger: Any) -> int | None:
    """N of "their second summit", "the third meeting this year"; None for "the first meeting
    since the Hanoi summit" (an order counted from another event) and for no ordinal."""
    n = next((_ORDINALS[c.lower_] for c in trigger.lefts if c.lower_ in _ORDINALS), None)
    if n is None or any(t.lower_ in ("since", "after") for t in trigger.subtree):
        return None
    return n


def nth_event(
    kg: KnowledgeGraph,
    n: int,
    family: str,
    families: dict[str, str],
    pair: set[str],
    within: tuple[date, date] | None,
    widen: Callable[[set[str]], set[str]],
) -> Event | None:
    """The ``n``-th event of ``family`` between the actors of ``pair`` (two or more), counted in
    the period ``within`` if given, else from the first."""
    if len(pair) < 2:
        return None
    found = sorted(
        (
            ev
            for ev in event_index(kg, families).of_family(family)
            if ev.part_of is None
            and pair <= widen({p.actor for p in ev.participants if p.role in PRINCIPAL_ROLES})
            and (within is None or within[0] <= ev.time.earliest <= within[1])
        ),
        key=lambda ev: ev.time.earliest,
    )
    return found[n - 1] if len(found) >= n else None


def hyphen_part(token: Any) -> bool:
    """True for a word inside a hyphenated modifier ("end-of-summit news conference")."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return bool((before and token.lower_ != "together") or after)
