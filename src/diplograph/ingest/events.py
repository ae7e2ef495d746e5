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
from ..kg import KnowledgeGraph
from ..model import PRINCIPAL_ROLES, Event
from ._common import ActorDraft, DateMention, EventDraft, sentence, slug
from ._event_rules import (
    GENERIC,
    date_is_its_own,
    hyphen_part,
    measure,
    named_event,
    nth_event,
    ordinal,
    pair_participants,
    place_modifier,
    recent_event,
    specific,
    subject_takes_part,
)
from ._joins import add_linked as _add_linked
from ._joins import included
from ._joins import join as _join
from ._joins import last_named as _last_named
from ._joins import named_later as _named_later
from ._joins import names_fit as _names_fit
from ._joins import sign_at as _sign_at
from ._lexicon import HAPPEN, SPEECH_VERBS
from ._linking import FAMILIES, agrees, link, sides, widen
from ._places import place_in, verb_place
from ._planned import next_event, other_side, planned, planned_event, told_as_past
from ._triggers import DEFINITE, TRIGGERS, trigger_of
from ._under_way import hypothetical, join_under_way
from .html import Article

__all__ = ["FAMILIES", "TRIGGERS", "find_events"]

_PARTS = {"ceremony", "lunch", "dinner", "banquet", "document"}  # only of an event named before
_NOT_ITS_DATE = {"since", "until", "till", "before", "after"}  # "the first launch since 2017"


def _extent(token: Any) -> tuple[int, int]:
    left, right = token.left_edge, token
    unit = measure(token)
    if unit is not None:
        left = unit.left_edge  # "a fresh round of talks"
    for child in token.rights:
        if (child.dep_ == "prep" and child.lower_ in ("between", "with", "of")) or (
            child.dep_ in ("prep", "npadvmod") and _names_where_or_when(child)
        ):
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


def _names_where_or_when(child: Any) -> bool:
    """ "talks in Hanoi", "the summit on Sunday", "a summit in the border village of Panmunjom",
    not "talks … in a bid to flesh out … their Singapore accord" (a name in a clause of its own)."""
    if child.dep_ == "npadvmod":
        return True
    todo = (
        [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ in ("in", "at", "on")
        else []
    )
    while todo:
        t = todo.pop()
        if t.ent_type_ or t.pos_ == "PROPN":
            return True
        todo += [c for c in t.children if c.dep_ not in ("acl", "relcl", "xcomp", "ccomp", "advcl")]
    return False


def _participants(
    kg: KnowledgeGraph, token: Any, a: int, b: int, ent_actor: dict[int, ActorDraft]
) -> set[str]:
    places = {
        ent_actor[t.i].id for t in token.lefts if t.i in ent_actor and place_modifier(token, t)
    }
    doc = token.doc  # the tokens starting in a:b, found by their offsets read once per document
    starts = doc.user_data.get("diplograph_idx") or doc.user_data.setdefault(
        "diplograph_idx", [t.idx for t in doc]
    )
    ids = (
        {
            d.id
            for i in range(bisect_left(starts, a), bisect_left(starts, b))
            if (d := ent_actor.get(i)) is not None
            and d.kind in ("person", "state")
            and d.id not in places
        }
        | pair_participants(token, kg)
        | other_side(token, ent_actor)
        | _whose(token, ent_actor)
    )
    clauses = {  # "talks that caused both leaders to leave their Vietnam meeting": not theirs
        x.i for c in token.rights if c.dep_ in ("relcl", "advcl", "ccomp") for x in c.subtree
    }
    for t in token.subtree:  # "the statement signed by X and Y", "talks between X and Y"
        actor = ent_actor.get(t.i) if t.i > token.i and t.i not in clauses else None
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
    if verb.pos_ in ("VERB", "AUX") and not ids and subject_takes_part(verb):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                ids |= {
                    ent_actor[t.i].id
                    for t in child.subtree
                    if t.i in ent_actor and ent_actor[t.i].kind in ("person", "state")
                }
    return ids


def _whose(token: Any, ent_actor: dict[int, ActorDraft]) -> set[str]:
    """The person "his" or "her" stands for before an event's noun: the person who is the
    subject in its sentence ("After wrapping up his trip to Pyongyang, Pompeo tweeted")."""
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token.children):
        return set()
    for t in sentence(token):
        found = ent_actor.get(t.i)
        if found is not None and found.kind == "person" and t.dep_ in ("nsubj", "nsubjpass"):
            return {found.id}
    return set()


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
    in_sent = [  # "since 2017" is not the launch's date; "before Thursday's meeting" is
        d for d in in_sent if _preposition(text, d.start) not in _NOT_ITS_DATE or a <= d.start < b
    ]
    own = [d for d in in_sent if a <= d.start < b and not said_on(doc, d, token)]
    own = own or [d for d in in_sent if _owns(doc, d, token)]
    return EventDraft(
        etype,
        FAMILIES[etype],
        [(a, b)],
        own[0].value if own else None,
        place_in(kg, doc, a, b, ent_actor) or verb_place(kg, token, ent_actor),
        _participants(kg, token, a, b, ent_actor),
        None,
        "",
        0.0,
        label=text[a:b],
        date_note=own[0].resolved.note if own else None,
    )


def said_on(doc: Any, d: DateMention, trigger: Any) -> bool:
    """Whether the date is that of a speech verb of a clause inside the mention's words ("a
    surprise summit that Mr. Moon said on Sunday was …"): the day it was said, not the event's."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    t = span.root if span is not None else None
    for _ in range(4):
        if t is None or t.i == trigger.i or t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t.i != trigger.i and t.lemma_.lower() in SPEECH_VERBS
    return False


def _preposition(text: str, start: int) -> str:
    """The word just before ``start``, lower case."""
    words = text[max(0, start - 12) : start].split()
    return words[-1].lower() if words else ""


def _join_same(kg: KnowledgeGraph, drafts: list[EventDraft], draft: EventDraft) -> bool:
    """ "The summit is their third this year": a definite mention whose date the event of its
    family named last allows is that event, not a new one."""
    for target in reversed(drafts):
        if target.family != draft.family or draft.date is None:
            continue
        when = target.date or (kg.events[target.link].time if target.link else None)
        if when is not None and draft.date.may_overlap(when.earliest, when.latest):
            _join(target, draft)
            return True
        return False
    return False


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


_OBJECTS = ("dobj", "nsubjpass")
_JUST_OVER = 7  # days  # "held a summit", "a summit was held"


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
    pending: list[tuple[EventDraft, bool]] = []
    copulas: list[tuple[EventDraft, bool, int]] = []  # mentions a copula names later
    parts: list[EventDraft] = []  # undated meetings and visits: parts of a summit under way?
    for token in doc:
        etype = trigger_of(token) or _named_before(token, drafts)
        if etype is None:
            _generic(token, text, kg, ent_actor, dates, drafts)
            continue
        if _several(token) or hyphen_part(token):
            continue  # "end-of-summit news conference": a modifier of another noun
        draft = _mention(token, etype, text, kg, ent_actor, dates)
        left = doc[token.left_edge.i : token.i]
        definite = token.pos_ != "VERB" and (
            any(t.lower_ in DEFINITE or t.tag_ == "POS" for t in left)
            or specific(token)
            or (ordinal(token) is not None and not hypothetical(token))  # "a second summit"
        )
        plan = planned(token)
        draft.past = not plan and told_as_past(token)
        latest = any(c.lower_ in ("latest", "last", "recent") for c in token.children)
        bare = draft.date is None and draft.place is None and not draft.participants
        part = token.lemma_.lower() in _PARTS
        bare = bare or part  # a dinner or a document belongs to the event named before it
        unit = measure(token)  # "a series of meetings": the measure's article
        determiner = any(c.dep_ == "det" for c in (unit or token).children)
        named_one = definite or latest or part or plan
        if draft.date is None and not (named_one or (determiner and token.dep_ in _OBJECTS)):
            # "holding a one-on-one meeting" may be a part of a summit under way; "momentum
            # for talks", "reviving nuclear talks": no event in particular
            parts += [draft] if determiner and _a_part(token, draft) else []
            continue
        if definite and _by_order(kg, drafts, draft, token):
            continue
        if draft.family in ("meeting", "visit") and included(token, trigger_of):
            parts.append(draft)  # "a visit that will include two rounds of talks": a part
            continue
        name = named_event(kg, token, draft.family, FAMILIES, TRIGGERS) if definite else None
        if name is not None and agrees(kg, name, draft, article.published):
            _add_linked(kg, drafts, draft, name)
            continue
        if bare and plan and (target := planned_event(drafts, draft, kg, article.published)):
            _join(target, draft)  # "a two-day summit" the leaders are scheduled to begin
            continue
        if bare and not latest:
            attr = _is_named_by(token) if definite else None
            if attr is not None:  # "the get-together ... was their third meeting"
                copulas.append((draft, part, attr.idx))
            elif (definite or part) and not _bare(
                kg, drafts, draft, article.published, named, part
            ):
                pending.append((draft, part))  # the event it belongs to may come later
            elif not (definite or part) and _a_part(token, draft):
                parts.append(draft)
            continue
        linked = next_event(kg, draft, article.published) if plan else None  # "plans for a summit"
        linked = linked or link(kg, draft, article.published, named)
        if linked is None and definite and draft.date is None and draft.place is None:
            linked = _going_on(kg, draft, article.published, named)
        if linked is not None:
            _add_linked(kg, drafts, draft, linked)
        elif (
            draft.date is not None
            and (definite or draft.participants)
            and not (definite and _join_same(kg, drafts, draft))
        ):
            _place_new(drafts, draft)
    pending = [(d, p) for d, p, at in copulas if not _named_later(drafts, d, at)] + pending
    return _finish(kg, drafts, pending, parts, article.published, named)


def _several(token: Any) -> bool:
    """ "three summits", "met twice this year": several events, none named."""
    if token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in token.children):
        return True
    return any(
        c.lower_ == "twice" or (c.lower_ == "times" and any(n.dep_ == "nummod" for n in c.children))
        for c in token.subtree
    )


def _a_part(token: Any, draft: EventDraft) -> bool:
    """Whether an undated meeting or visit may be a part of a summit under way: not a wish,
    a denial, a possibility, nor "a third summit"."""
    family = draft.family in ("meeting", "visit")
    return family and not hypothetical(token) and ordinal(token) is None


def _going_on(
    kg: KnowledgeGraph, draft: EventDraft, published: PartialDate | None, named: set[str]
) -> Event | None:
    """ "three days of talks" of the leaders: the event under way, or just over, of the
    principals the article names; "the U.S.-North Korea talks" of those two sides only."""
    who = draft.participants if len(sides(kg, draft.participants)) >= 2 else named
    return recent_event(kg, draft.family, FAMILIES, published, who, days=3)


def _finish(
    kg: KnowledgeGraph,
    drafts: list[EventDraft],
    pending: list[tuple[EventDraft, bool]],
    parts: list[EventDraft],
    published: PartialDate | None,
    named: set[str],
) -> list[EventDraft]:
    """Place the mentions that waited for a later one, join the parts of a summit under way,
    and keep the inner one of two nested mentions of an event."""
    for draft, part in pending:
        if not _bare(kg, drafts, draft, published, named, part):
            parts += [draft] if draft.family in ("meeting", "visit") else []
    join_under_way(
        kg,
        drafts,
        parts,
        published,
        lambda: recent_event(kg, "meeting", FAMILIES, published, named, days=1),
        lambda draft, ev: _add_linked(kg, drafts, draft, ev),
    )
    for d in drafts:  # "meet Moon at a summit in Pyongyang": the noun is the mention
        d.mentions = sorted(
            m
            for m in set(d.mentions)
            if not any(o != m and m[0] <= o[0] and o[1] <= m[1] for o in d.mentions)
        )
    drafts.sort(key=lambda d: d.mentions[0])
    return drafts


def _bare(
    kg: KnowledgeGraph,
    drafts: list[EventDraft],
    draft: EventDraft,
    published: PartialDate | None,
    named: set[str],
    part: bool,
) -> bool:
    """ "The meeting", "their talks": the latest event of its family named so far; the first
    such words in a report name the recent event of the principals it names. False when
    nothing named so far fits ("signed a document at the end of their summit")."""
    if draft.label.lower().startswith("this "):  # "this visit": the one under way
        family = "meeting" if draft.family == "visit" else draft.family
        now = recent_event(kg, family, FAMILIES, published, named, days=0)
        if now is not None:
            _add_linked(kg, drafts, draft, now)
            return True
    signing = draft.family == "meeting" and "signing" in draft.label.lower()
    if signing and _sign_at(kg, drafts, draft):
        return True  # "the signing ceremony": the signing, when the graph keeps it apart
    same = [
        d
        for d in drafts
        if d.family == draft.family
        and _in_time(kg, d, draft)
        and not (draft.past and _ahead(kg, d, published))  # "where the summit was held"
    ]
    if draft.family == "agreement":  # "the Panmunjom Declaration" is not Singapore's statement
        same = [d for d in same if not d.link or _names_fit(kg, draft.label, [kg.events[d.link]])]
    after_meeting = _last_named(drafts, "meeting") > _last_named(same, "")
    if draft.family == "agreement" and after_meeting and _sign_at(kg, drafts, draft):
        return True  # "the summit in Singapore, where they issued a statement": its document
    if same:
        _join(max(same, key=lambda d: max(m[0] for m in d.mentions)), draft)
        return True
    if draft.family == "agreement":
        return _sign_at(kg, drafts, draft)
    if not part:
        recent = recent_event(kg, draft.family, FAMILIES, published, named)
        if recent is not None and recent.type.value != draft.type and published is not None:
            # "the talks" a month after a summit are other talks: another word of the family
            # names the event only while it is under way or just over
            ended = (published.earliest - recent.time.latest).days
            recent = recent if ended <= _JUST_OVER else None
        if recent is not None:
            _add_linked(kg, drafts, draft, recent)
            draft.rule = "linked: the recent event of the principals the article names"
            draft.confidence = 0.5
            return True
    return False


def _ahead(kg: KnowledgeGraph, target: EventDraft, published: PartialDate | None) -> bool:
    """Whether ``target`` is an event still to come when the article was written."""
    when = target.date or (kg.events[target.link].time if target.link else None)
    return published is not None and when is not None and when.earliest > published.latest


def _in_time(kg: KnowledgeGraph, target: EventDraft, draft: EventDraft) -> bool:
    """Whether a dated part ("a working dinner on Wednesday") may belong to ``target``."""
    when = target.date or (kg.events[target.link].time if target.link else None)
    return draft.date is None or when is None or draft.date.may_overlap(when.earliest, when.latest)


def _by_order(kg: KnowledgeGraph, drafts: list[EventDraft], draft: EventDraft, token: Any) -> bool:
    """ "Their second summit", "the third meeting this year between the two leaders": the n-th
    event of the pair (the mention's participants, else those of the event of its family named
    last), counted in the mention's period when it names one."""
    n = ordinal(token)
    if n is None:
        return False
    pair = widen(kg, draft.participants) if len(draft.participants) >= 2 else set()
    linked = [d for d in drafts if d.link and d.family == draft.family]
    if not pair and linked:
        ev = kg.events[linked[-1].link or ""]
        pair = {p.actor for p in ev.participants if p.role in PRINCIPAL_ROLES}
    when = draft.date
    within = None if when is None or when.days <= 7 else (when.earliest, when.latest)
    found = nth_event(kg, n, draft.family, FAMILIES, pair, within, lambda ids: widen(kg, ids))
    if found is None or (
        when is not None and not when.may_overlap(found.time.earliest, found.time.latest)
    ):
        return False
    _add_linked(kg, drafts, draft, found)
    draft.rule = f"linked: the event number {n} of its participants"
    return True


def _generic(
    token: Any,
    text: str,
    kg: KnowledgeGraph,
    ent_actor: dict[int, ActorDraft],
    dates: list[DateMention],
    drafts: list[EventDraft],
) -> None:
    """ "The incident", "Sunday's DMZ event": the event named last before, when its date agrees."""
    if token.lemma_.lower() not in GENERIC or token.pos_ != "NOUN" or not drafts:
        return
    lefts = list(token.lefts)
    if not any(t.lower_ in ("the", "this", "that") for t in lefts) and not any(
        t.dep_ == "poss" and t.ent_type_ in ("DATE", "TIME") for t in lefts
    ):
        return  # "the incident", "Sunday's event", not "a business leaders' event"
    draft = _mention(token, drafts[-1].type, text, kg, ent_actor, dates)
    for target in sorted(drafts, key=lambda d: max(m[0] for m in d.mentions), reverse=True):
        when = target.date or (kg.events[target.link].time if target.link else None)
        if draft.date is None or (
            when is not None and draft.date.may_overlap(when.earliest, when.latest)
        ):
            _join(target, draft)
            return


def _named_before(token: Any, drafts: list[EventDraft]) -> str | None:
    """ "The test", "such a launch" without a missile word nearby: a trigger when an event of
    its family was named before in the article."""
    word = token.lemma_.lower()
    if word not in ("test", "launch") or token.pos_ != "NOUN":
        return None
    if not any(t.lower_ in DEFINITE for t in token.lefts):
        return None
    etype = TRIGGERS[word]
    return etype if any(d.family == FAMILIES[etype] for d in drafts) else None


def _is_named_by(token: Any) -> Any:
    """The event word that a copula says ``token`` is ("the get-together ... was their third
    meeting"), or None."""
    head = token.head
    if token.dep_ != "nsubj" or head.lemma_ != "be":
        return None
    return next((c for c in head.children if c.dep_ == "attr" and trigger_of(c)), None)


def _owns(doc: Any, d: DateMention, trigger: Any) -> bool:
    """True if the date's words depend on the trigger, or on the verb the trigger is subject
    or object of ("an armistice was signed 66 years ago")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    path = [t]
    for _ in range(8):
        if t.i == trigger.i:
            return True
        if t.pos_ in ("VERB", "AUX"):
            if t.dep_ in ("relcl", "acl") and t.head.i == trigger.i:
                return True  # "the statement signed yesterday"
            if len(path) > 1 and not date_is_its_own(path[:-1], {x.i for x in span}):
                return False  # "played down the test in an interview Sunday"
            # "the summit ended Thursday" dates the summit; "the agreement reaffirmed the
            # declaration ... in April" does not date the agreement
            args = ("nsubj", "nsubjpass", "dobj") if t.lemma_ in HAPPEN else ("nsubjpass", "dobj")
            # "the summit is slated to take place on Wednesday": the subject of the verb above
            up = [*t.children, *(t.head.children if t.dep_ == "xcomp" else ())]
            return any(c.i == trigger.i and c.dep_ in args for c in up)
        if t.head.i == t.i:
            return False
        t = t.head
        path.append(t)
    return False
