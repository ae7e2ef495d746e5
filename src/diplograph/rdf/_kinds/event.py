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
from ..terms import (
    EVENT_TYPES,
    ID,
    LABEL,
    ROLES,
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
)

__all__ = ["read", "write"]


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
