"""The RDF of an event and its participants: written by :func:`write`, read by :func:`read`."""

from __future__ import annotations

from collections.abc import Callable
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
from .._text import quoted
from .._turtle import END, Direct, grouped
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


def turtle(d: Direct) -> Callable[[Event], str]:
    """A function writing an event's Turtle straight from the record: what ``d.text.turtle``
    makes of :func:`write`'s triples, byte for byte (the tests hold the two equal)."""
    t, p, ref, own, name, dates = d.text, d.p, d.ref, d.own, d.name, d.dates
    head = f" {t.verb(A)} {name(SEM_Event)} , {name(SCHEMA_Event)}{p(ID)}"
    label, at, actor, has_role = p(LABEL), p(SEM_hasPlace), p(SEM_hasActor), p(DG_hasRole)
    role_head = f" {t.verb(A)} {name(SEM_Role)}{p(VALUE)}"
    types = {k: f"{p(SEM_eventType)}{name(iri)}" for k, iri in EVENT_TYPES.items()}
    roles = {r: f"{p(SEM_roleType)}{name(iri)}{END}" for r, iri in ROLES.items()}
    link, ev_node, evidence, base = d.words["evidence"], d.node, d.evidence, d.base

    def write(r: Event) -> str:
        f = r.__dict__  # the fields: a model's attributes are slower to read one by one
        rid = f["id"]
        me = f"event:{rid}" if rid[-1] != "." else ref("event", rid)
        text = f"{me}{head}{quoted(rid)}{label}{quoted(f['label'])}{types[f['type']]}"
        text = f"{text}{dates(f['time'])}"
        if f["place"] is not None:
            text = f"{text}{at}{ref('place', f['place'])}"
        later = ""
        if f["participants"]:  # one loop: the actors, the role nodes' names and their statements
            actors, ids, statements = [], [], []
            plain = me[0] != "<"
            for i, part in enumerate(f["participants"], 1):
                who, role = part.__dict__["actor"], part.__dict__["role"]
                who = f"actor:{who}" if who[-1] != "." else ref("actor", who)
                node = f"{me}\\#role-{i}" if plain else own(me, f"{base}event/{rid}", f"role-{i}")
                actors.append(who)
                ids.append(node)
                statements.append(f"{node}{role_head}{who}{roles[role]}")
            text = f"{text}{actor}{' , '.join(actors)}{has_role}{' , '.join(ids)}"
            later = "".join(statements)
        if (
            f["part_of"] is not None or f["follows"] or f["leads_to"] or f["outcome"] is not None
            or f["description"] is not None or f["wikidata"] is not None
        ):  # fmt: skip
            more, nodes = _rare(d, me, r)
            text += more
            later += nodes
        items = f["evidence"]
        if len(items) == 1 and me[0] != "<":  # the common case, without lists
            node = f"{me}\\#evidence-1"
            return f"{text}{link}{node}{END}{later}{ev_node(node, items[0])}"
        links, texts = evidence(me, f"{base}event/{rid}", items)
        return f"{text}{links}{END}{later}{grouped(texts)}"

    return write


def _rare(d: Direct, me: str, r: Event) -> tuple[str, str]:
    """The predicate-object lines of an event's rarer fields, and the statements of their nodes."""
    s = f"{d.base}event/{r.id}"
    lines = ""
    if r.part_of is not None:
        lines += f"{d.p(SEM_subEventOf)}{d.ref('event', r.part_of)}"
    follows, seq_f = d.links(
        me, s, DG_follows, DG_followsOrder, "follows", [d.ref("event", e) for e in r.follows]
    )
    leads, seq_l = d.links(
        me, s, DG_leadsTo, DG_leadsToOrder, "leads_to", [d.ref("event", e) for e in r.leads_to]
    )
    lines += follows + leads
    for p, text in ((DG_outcome, r.outcome), (SCHEMA_description, r.description)):
        if text is not None:
            lines += f"{d.p(p)}{quoted(text)}"
    if r.wikidata is not None:
        lines += f"{d.p(SAME_AS)}{d.name(f'{WIKIDATA}{r.wikidata}')}"
    return lines, seq_f + seq_l


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
