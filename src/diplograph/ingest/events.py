"""Event mentions: a trigger word, its date, place and participants; linked or proposed.

A mention is linked to an event of the graph when the type family agrees, its
date (at its precision) may be the event's, and its place or participants
agree; a mention without a date looks for the latest such event before the
article. A bare "the meeting" or "their talks" names the last event of its
family the article spoke of. Mentions of one event share one draft.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from ..dates import PartialDate
from ..kg import KnowledgeGraph, normalize_name
from ..model import PRINCIPAL_ROLES, Event
from ._common import ActorDraft, DateMention, EventDraft, sentence, slug
from .html import Article

__all__ = ["FAMILIES", "TRIGGERS", "find_events"]

TRIGGERS = {
    "summit": "summit",
    "meeting": "meeting",
    "get-together": "meeting",
    "encounter": "meeting",
    "talks": "talks",
    "visit": "visit",
    "trip": "visit",
    "crossing": "border_crossing",
    "declaration": "declaration",
    "statement": "declaration",
    "agreement": "agreement",
    "accord": "agreement",
    "treaty": "agreement",
    "armistice": "agreement",
    "deal": "agreement",
    "test": "missile_test",
    "launch": "missile_test",
    "sanction": "sanctions",
    "sanctions": "sanctions",
    "briefing": "press_conference",
    "conference": "press_conference",
    "exercise": "military_exercise",
    "drill": "military_exercise",
    "ceremony": "meeting",
    "lunch": "meeting",
    "dinner": "meeting",
    "banquet": "meeting",
    "document": "declaration",
}
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
_VERBS = {"meet": "meeting", "visit": "visit", "sanction": "sanctions"}
_DEFINITE = {"the", "their", "its", "his", "her", "this", "that", "such"}
_PARTS = {"ceremony", "lunch", "dinner", "banquet", "document"}  # only of an event named before
_CROSS_VERBS = {"cross", "enter", "step"}
_NEEDS = {  # triggers that count only beside one of these words
    "test": {"missile", "missiles", "nuclear", "weapons", "rocket", "rockets", "ballistic"},
    "launch": {"missile", "missiles", "rocket", "rockets", "satellite"},
    "statement": {"joint", "issue", "issued", "sign", "signed"},
    "conference": {"press", "news"},
    "exercise": {"military", "joint", "naval", "drills"},
    "deal": {"sign", "signed", "reach", "reached", "the"},
    "document": {"sign", "signed", "signing", "joint"},
    "ceremony": {"signing", "welcome", "welcoming", "opening"},
}
_NOT_ITS_DATE = {"since", "until", "till", "before", "after"}  # "the first launch since 2017"


def _trigger(token: Any) -> str | None:
    low = token.lower_
    lemma = token.lemma_.lower()
    if lemma in _VERBS and token.pos_ == "VERB":
        return _VERBS[lemma]
    if lemma == "test" and token.pos_ == "VERB":
        return "missile_test" if token.head.lower_.startswith("missile") else None
    if low == "together" and token.i >= 2 and token.nbor(-1).text == "-":
        return "meeting" if token.nbor(-2).lower_ == "get" else None
    word = low if low in TRIGGERS else lemma if lemma in TRIGGERS else None
    if word is None:
        if lemma in _CROSS_VERBS and token.pos_ == "VERB":
            objs = [c for c in token.children if c.dep_ in ("dobj", "prep")]
            if any(c.ent_type_ == "GPE" or c.lower_ == "border" for o in objs for c in o.subtree):
                return "border_crossing"
        if lemma == "test" and token.pos_ == "VERB" and token.head.lower_.startswith("missile"):
            return "missile_test"
        return None
    if token.pos_ not in ("NOUN", "PROPN") and low != "together":
        return None
    needs = _NEEDS.get(lemma)
    if needs is not None:
        sent = sentence(token)
        near = {t.lower_ for t in sent if abs(t.i - token.i) <= 6} | {token.head.lower_}
        if not near & needs:
            return None
    return TRIGGERS[word]


def _extent(token: Any) -> tuple[int, int]:
    left, right = token.left_edge, token
    for child in token.rights:
        if (
            child.dep_ in ("prep", "npadvmod", "appos", "amod", "compound")
            and child.lower_
            in (
                "between",
                "in",
                "at",
                "with",
                "of",
                "on",
            )
        ) or child.dep_ == "npadvmod":
            right = child.right_edge
    if token.pos_ == "VERB":
        left = token
        right = max(
            (c.right_edge for c in token.children if c.dep_ in ("dobj", "prep")),
            default=token,
            key=lambda t: t.i,
        )
    end = right.idx + len(right)
    comma = next((t.idx for t in token.doc[token.i : right.i + 1] if t.text == ","), -1)
    return left.idx, comma if comma > 0 else end


def _participants(token: Any, a: int, b: int, ent_actor: dict[int, ActorDraft]) -> set[str]:
    doc = token.doc  # the tokens starting in a:b, found by their offsets read once per document
    starts = doc.user_data.get("diplograph_idx") or doc.user_data.setdefault(
        "diplograph_idx", [t.idx for t in doc]
    )
    ids = {
        d.id
        for i in range(bisect_left(starts, a), bisect_left(starts, b))
        if (d := ent_actor.get(i)) is not None and d.kind in ("person", "state")
    }
    for t in token.subtree:  # "the statement signed by X and Y", "talks between X and Y"
        actor = ent_actor.get(t.i) if t.i > token.i else None
        if (
            actor is not None
            and actor.kind in ("person", "state")
            and (t.head.dep_ in ("agent", "prep") or t.dep_ in ("pobj", "conj", "compound"))
        ):
            ids.add(actor.id)
    verb = token
    while (
        verb.pos_ not in ("VERB", "AUX")
        and verb.head.i != verb.i
        and verb.dep_
        in (
            "pobj",
            "prep",
            "dobj",
            "attr",
        )
    ):
        verb = verb.head  # "hold talks with", "met at their meeting": the verb's subject
    if verb.pos_ in ("VERB", "AUX") and not ids:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                ids |= {
                    ent_actor[t.i].id
                    for t in child.subtree
                    if t.i in ent_actor and ent_actor[t.i].kind in ("person", "state")
                }
    return ids


def _place(
    kg: KnowledgeGraph, doc: Any, a: int, b: int, ent_actor: dict[int, ActorDraft]
) -> str | None:
    cache = doc.user_data  # read once per document, not once per mention
    if "diplograph_places" not in cache:
        cache["diplograph_places"] = {
            normalize_name(p.name.split(",")[0]): p.id for p in kg.places.values()
        }
        cache["diplograph_ents"] = list(doc.ents)
    names: dict[str, str] = cache["diplograph_places"]
    for ent in cache["diplograph_ents"]:
        if not a <= ent.start_char < b:
            continue
        government = ent.start in ent_actor and ent_actor[ent.start].kind != "person"
        if government and not _after_place_word(ent):
            continue  # "talks with Pyongyang": the government, not the city
        if a <= ent.start_char < b and ent.label_ in ("GPE", "LOC", "FAC", "PERSON"):
            pid = names.get(normalize_name(ent.text.replace("’s", "")))
            if pid is not None:
                return pid
    return None


def _widen(kg: KnowledgeGraph, ids: set[str]) -> set[str]:
    """Actors and the states they belong to: "the leaders of the United States" meet as states."""
    out = set(ids)
    for aid in ids:
        actor = kg.actors.get(aid)
        if actor is not None and actor.country is not None:
            out.add(actor.country)
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
    elif published is not None and draft.place is None and _years_before(ev, published) > 2:
        return None  # an undated "the deal" is not an event years before the article
    if draft.place is not None:
        if ev.place is not None and ev.place != draft.place:
            return None
        score += 2 * (ev.place == draft.place)
    actors = _widen(kg, {p.actor for p in ev.participants if p.role in PRINCIPAL_ROLES})
    if draft.participants:
        shared = len(actors & _widen(kg, draft.participants))
        if shared < min(2, len(draft.participants)):
            return None  # "the deal" of Iran and the US is none of the US and North Korea
        score += shared
    elif (
        draft.place is None
        and draft.family == "meeting"
        and (draft.date is None or draft.date.days > 7 or len(actors & _widen(kg, named)) < 2)
    ):
        # "the summit from Sep 18 to 20": a date of a few days says which only when the
        # article names two of its principals; "their meeting on Friday" of others does not
        return None
    return score


def _years_before(ev: Event, published: PartialDate) -> float:
    return (published.earliest - ev.time.latest).days / 365.25


def _link(
    kg: KnowledgeGraph, draft: EventDraft, published: PartialDate | None, named: set[str]
) -> Event | None:
    scored = [
        (s, ev)
        for ev in kg.events.values()
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
        return None
    return max(top, key=lambda ev: ev.time.latest)


def _mention(
    token: Any,
    etype: str,
    text: str,
    kg: KnowledgeGraph,
    ent_actor: dict[int, ActorDraft],
    dates: list[DateMention],
) -> EventDraft:
    """One mention of an event at ``token``: its words, date, place and participants."""
    doc = token.doc
    a, b = _extent(token)
    sent = sentence(token)
    in_sent = [
        d
        for d in dates
        if sent.start_char <= d.start < sent.end_char
        and "\n" not in text[min(d.start, token.idx) : max(d.end, token.idx)]
    ]
    in_sent = [d for d in in_sent if _preposition(text, d.start) not in _NOT_ITS_DATE]
    own = [d for d in in_sent if a <= d.start < b] or [d for d in in_sent if _owns(doc, d, token)]
    return EventDraft(
        etype,
        FAMILIES[etype],
        [(a, b)],
        own[0].value if own else None,
        _place(kg, doc, a, b, ent_actor),
        _participants(token, a, b, ent_actor),
        None,
        "",
        0.0,
        label=text[a:b],
        date_note=own[0].resolved.note if own else None,
    )


def _preposition(text: str, start: int) -> str:
    """The word just before ``start``, lower case."""
    words = text[max(0, start - 12) : start].split()
    return words[-1].lower() if words else ""


def _place_new(drafts: list[EventDraft], draft: EventDraft) -> None:
    """Join a same-family, same-date new event already drafted, or draft a new one."""
    target = next(
        (
            d
            for d in drafts
            if d.link is None and d.family == draft.family and str(d.date) == str(draft.date)
        ),
        None,
    )
    if target is not None:
        _join(target, draft)
        return
    names = "-".join(sorted(draft.participants))[:40]
    draft.id = slug(f"{draft.type}-{draft.date}-{names}")
    draft.rule, draft.confidence = "new: no event of the graph agrees", 0.4
    drafts.append(draft)


def find_events(
    text: str,
    doc: Any,
    article: Article,
    kg: KnowledgeGraph,
    ent_actor: dict[int, ActorDraft],
    dates: list[DateMention],
) -> list[EventDraft]:
    """One draft per real-world event the article names, each with all its mentions."""
    drafts: list[EventDraft] = []
    named = {d.id for d in ent_actor.values() if d.kind in ("person", "state")}
    for token in doc:
        etype = _trigger(token) or _named_before(token, drafts)
        if etype is None:
            continue
        if token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in token.children):
            continue  # "three summits": several events, none named
        draft = _mention(token, etype, text, kg, ent_actor, dates)
        left = doc[token.left_edge.i : token.i]
        definite = any(t.lower_ in _DEFINITE or t.tag_ == "POS" for t in left)
        latest = any(c.lower_ in ("latest", "last", "recent") for c in token.children)
        bare = draft.date is None and draft.place is None and not draft.participants
        if token.lemma_.lower() in _PARTS:
            bare = True  # a dinner or a document belongs to the event named before it
        part = token.lemma_.lower() in _PARTS
        if draft.date is None and not (
            definite or latest or part or token.dep_ in ("dobj", "nsubjpass")
        ):
            continue  # "momentum for talks": no event in particular
        if bare and not latest:
            same = [d for d in drafts if d.family == draft.family]
            if (definite or part) and same:
                # "the meeting": the latest event of its family named so far
                _join(max(same, key=lambda d: max(m[0] for m in d.mentions)), draft)
            elif (definite or part) and draft.family == "agreement":
                _sign_at(kg, drafts, draft)
            continue
        linked = _link(kg, draft, article.published, named)
        if linked is not None:
            target = next((d for d in drafts if d.link == linked.id), None) or next(
                (  # the article pinned a part of that event already: the part is meant
                    d
                    for d in drafts
                    if d.link
                    and kg.events[d.link].part_of == linked.id
                    and d.family == draft.family
                ),
                None,
            )
            if target is not None:
                _join(target, draft)
                continue
            draft.link, draft.id = linked.id, linked.id
            draft.rule = "linked: type family, date, place and participants agree"
            draft.confidence = 0.8 if draft.date is not None or draft.place else 0.6
            draft.label = linked.label
            drafts.append(draft)
        elif draft.date is not None and (definite or draft.participants):
            _place_new(drafts, draft)
    return drafts


def _named_before(token: Any, drafts: list[EventDraft]) -> str | None:
    """ "The test", "such a launch" without a missile word nearby: a trigger when an event of
    its family was named before in the article."""
    word = token.lemma_.lower()
    if word not in _NEEDS or word not in TRIGGERS or token.pos_ != "NOUN":
        return None
    if not any(t.lower_ in _DEFINITE for t in token.lefts):
        return None
    etype = TRIGGERS[word]
    return etype if any(d.family == FAMILIES[etype] for d in drafts) else None


def _sign_at(kg: KnowledgeGraph, drafts: list[EventDraft], draft: EventDraft) -> None:
    """ "The document", "the joint declaration" with no agreement named yet: the one the
    graph records as signed at the last meeting the article linked, if there is one."""
    meetings = [d for d in drafts if d.family == "meeting" and d.link is not None]
    if not meetings:
        return
    host = meetings[-1].link
    signed = [
        ev
        for ev in kg.events.values()
        if ev.part_of == host and FAMILIES.get(ev.type.value) == "agreement"
    ]
    if len(signed) == 1:
        draft.link = draft.id = signed[0].id
        draft.rule, draft.confidence = "the agreement signed at the meeting named before", 0.6
        draft.label = signed[0].label
        drafts.append(draft)


def _join(target: EventDraft, other: EventDraft) -> None:
    target.mentions += other.mentions
    target.participants |= other.participants


def _owns(doc: Any, d: DateMention, trigger: Any) -> bool:
    """True if the date's words depend on the trigger, or on the verb the trigger is subject
    or object of ("an armistice was signed 66 years ago")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(8):
        if t.i == trigger.i:
            return True
        if t.pos_ in ("VERB", "AUX"):
            if t.dep_ in ("relcl", "acl") and t.head.i == trigger.i:
                return True  # "the statement signed yesterday"
            args = ("nsubj", "nsubjpass", "dobj")
            return any(c.i == trigger.i and c.dep_ in args for c in t.children)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _after_place_word(ent: Any) -> bool:
    """True for "in Hanoi", "at Panmunjom", "the Hanoi summit": a city as a place."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before in ("in", "at", "to", "from", "near") or ent.root.dep_ == "compound"
