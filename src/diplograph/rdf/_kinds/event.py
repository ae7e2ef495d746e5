"""The RDF of an event and its participants: written by :func:`write`, read by :func:`read`."""

from __future__ import annotations

from typing import Any

from ...model import (
    Event,
    EventType,
    Participant,
    Role,
)
from .._dates import when
from .._out import PLAIN, Out, evidence, links, wikidata
from .._read import Reader, order_key
from .._text import Text, quoted
from .._turtle import evidence as evidence_turtle
from ..terms import (
    EVENT_TYPES,
    ID,
    LABEL,
    ROLES,
    SAME_AS,
    VALUE,
    A,
    DG_follows,
    DG_followsOrder,
    DG_hasRole,
    DG_leadsTo,
    DG_leadsToOrder,
    DG_outcome,
    SCHEMA_description,
    SCHEMA_Event,
    SEM_Event,
    SEM_eventType,
    SEM_hasActor,
    SEM_hasPlace,
    SEM_Role,
    SEM_roleType,
    SEM_subEventOf,
    Term,
)
from ..vocab import (
    EVENT_TYPE,
    ROLE,
    WIKIDATA,
)

__all__ = ["read", "turtle", "write"]


def write(out: Out, r: Event) -> str:
    s = out.node("event", r.id)
    out.add(s, A, SEM_Event)
    out.add(s, A, SCHEMA_Event)
    out.add(s, ID, (r.id, PLAIN))
    out.add(s, LABEL, (r.label, PLAIN))
    out.add(s, SEM_eventType, EVENT_TYPES[r.type])
    when(out, s, r.time)
    if r.place is not None:
        out.add(s, SEM_hasPlace, out.node("place", r.place))
    actors = [out.node("actor", part.actor) for part in r.participants]
    for actor in actors:
        out.add(s, SEM_hasActor, actor)
    later = out.later
    for i, (part, actor) in enumerate(zip(r.participants, actors, strict=True), 1):
        role = f"{s}#role-{i}"
        out.add(s, DG_hasRole, role)
        later.append((role, A, SEM_Role))
        later.append((role, VALUE, actor))
        later.append((role, SEM_roleType, ROLES[part.role]))
    if r.part_of is not None:
        out.add(s, SEM_subEventOf, out.node("event", r.part_of))
    links(out, s, DG_follows, DG_followsOrder, "follows", "event", r.follows)
    links(out, s, DG_leadsTo, DG_leadsToOrder, "leads_to", "event", r.leads_to)
    out.text(s, DG_outcome, r.outcome)
    out.text(s, SCHEMA_description, r.description)
    wikidata(out, s, r.wikidata)
    evidence(out, s, r.evidence)
    return s


def _words(t: Text) -> dict[str, str]:
    """The constant pieces of an event's Turtle for ``t``'s prefixes, made once per writer."""
    words = t.memo.get("event")
    if words is None:
        v, n = t.verb, t.name
        words = t.memo["event"] = {
            "head": f" a {n(SEM_Event)} , {n(SCHEMA_Event)} ;\n\t{v(ID)} ",
            "label": f" ;\n\t{v(LABEL)} ",
            "type": f" ;\n\t{v(SEM_eventType)} ",
            "place": f" ;\n\t{v(SEM_hasPlace)} ",
            "actor": f" ;\n\t{v(SEM_hasActor)} ",
            "role": f" ;\n\t{v(DG_hasRole)} ",
            "part_of": f" ;\n\t{v(SEM_subEventOf)} ",
            "role_head": f" a {n(SEM_Role)} ;\n\t{v(VALUE)} ",
            "role_type": f" ;\n\t{v(SEM_roleType)} ",
        }
    return words


def _types(t: Text) -> dict[EventType, str]:
    types: dict[EventType, str] | None = t.memo.get("event-types")
    if types is None:
        types = t.memo["event-types"] = {kind: t.name(iri) for kind, iri in EVENT_TYPES.items()}
    return types


def _roles(t: Text) -> dict[Role, str]:
    roles: dict[Role, str] | None = t.memo.get("event-roles")
    if roles is None:
        roles = t.memo["event-roles"] = {r: f"{t.name(iri)} .\n\n" for r, iri in ROLES.items()}
    return roles


def turtle(t: Text, r: Event, base: str) -> str:
    """The Turtle that ``t.turtle`` makes of :func:`write`'s triples, byte for byte, made faster.

    Events are most of a graph, so their main statement and role nodes are
    formatted straight from the record; the rarer parts (sequences, texts,
    evidence) go through :func:`write`'s helpers. The tests hold the two equal.
    """
    w = _words(t)
    name, cache = t.name, t.cache
    s = f"{base}event/{r.id}"
    me = cache.get(s) or name(s)
    parts = [
        f"{me}{w['head']}{quoted(r.id)}{w['label']}{quoted(r.label)}{w['type']}"
        f"{_types(t)[r.type]}{t.dates(r.time)}"
    ]
    add = parts.append
    if r.place is not None:
        place = f"{base}place/{r.place}"
        add(f"{w['place']}{cache.get(place) or name(place)}")
    iris = [f"{base}actor/{part.actor}" for part in r.participants]
    actors = [cache.get(a) or name(a) for a in iris]
    roles: list[str] = []
    if actors:
        add(f"{w['actor']}{' , '.join(actors)}")
        if me[0] == "<":
            ids = [name(f"{s}#role-{i}") for i in range(1, len(actors) + 1)]
        else:
            ids = [f"{me}\\#role-{i}" for i in range(1, len(actors) + 1)]
        add(f"{w['role']}{' , '.join(ids)}")
        head, kind, types = w["role_head"], w["role_type"], _roles(t)
        roles = [
            f"{role}{head}{actor}{kind}{types[part.role]}"
            for role, actor, part in zip(ids, actors, r.participants, strict=True)
        ]
    if r.part_of is not None:
        add(f"{w['part_of']}{name(f'{base}event/{r.part_of}')}")
    seqs = ""
    if r.follows or r.leads_to:
        out = Out(base)
        links(out, s, DG_follows, DG_followsOrder, "follows", "event", r.follows)
        links(out, s, DG_leadsTo, DG_leadsToOrder, "leads_to", "event", r.leads_to)
        add(t.more(s, out.triples))
        seqs = t.turtle(out.later)
    for p, text in ((DG_outcome, r.outcome), (SCHEMA_description, r.description)):
        if text is not None:
            add(f" ;\n\t{t.verb(p)} {quoted(text)}")
    if r.wikidata is not None:
        add(f" ;\n\t{t.verb(SAME_AS)} {name(f'{WIKIDATA}{r.wikidata}')}")
    links_text, nodes = evidence_turtle(t, s, me, r.evidence, base)
    add(links_text)
    add(" .\n\n")
    parts += roles
    add(seqs)
    add(nodes)
    return "".join(parts)


def read(rd: Reader, s: Term) -> Event:
    ix = rd.ix
    participants: list[Participant] = []
    seen: set[str] = set()
    for role in sorted(ix.all(s, DG_hasRole), key=order_key):
        actor = rd.ref(role, ix.one(role, VALUE, required="the actor"), VALUE)
        kind = rd.concept(role, SEM_roleType, ROLE, Role, "the role type")
        participants.append(rd.build(Participant, role, {"actor": actor, "role": kind}))
        seen.add(str(actor))
    for node in ix.all(s, SEM_hasActor):
        actor = rd.ref(s, node, SEM_hasActor)
        if actor is not None and actor not in seen:
            participants.append(Participant(actor=actor))
            seen.add(actor)
    fields: dict[str, Any] = {
        "id": rd.ids[s],
        "label": ix.text(s, LABEL, required="the event's label"),
        "type": rd.concept(s, SEM_eventType, EVENT_TYPE, EventType, "the event type"),
        "time": rd.when(s, "the event's date"),
        "place": rd.ref(s, ix.one(s, SEM_hasPlace), SEM_hasPlace),
        "participants": tuple(participants),
        "part_of": rd.ref(s, ix.one(s, SEM_subEventOf), SEM_subEventOf),
        "follows": rd.refs(s, DG_follows, DG_followsOrder),
        "leads_to": rd.refs(s, DG_leadsTo, DG_leadsToOrder),
        "outcome": ix.text(s, DG_outcome),
        "description": ix.text(s, SCHEMA_description),
        "wikidata": rd.wikidata(s),
        "evidence": rd.evidence(s),
    }
    return rd.build(Event, s, fields)  # type: ignore[no-any-return]
