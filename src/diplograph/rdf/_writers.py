"""The triples of each record kind (see :mod:`diplograph.rdf.mapping` for the picture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyoxigraph import Literal, NamedNode

from ..model import Actor, Event, Place, Position, Source, Statement
from ._dates import date_field, when
from ._out import Out, decimal, evidence, links, seq, wikidata
from .terms import (
    ACTOR_CLASS,
    COMMENT,
    CREATIVE_WORK,
    EVENT_TYPES,
    ID,
    LABEL,
    MODES,
    ROLES,
    SOURCE_CLASS,
    SOURCE_KINDS,
    VALUE,
    XSD_ANYURI,
    XSD_DECIMAL,
    XSD_INT,
    A,
    DCTERMS_issued,
    DCTERMS_language,
    DCTERMS_publisher,
    DCTERMS_title,
    DG_aboutActor,
    DG_aboutActorOrder,
    DG_aboutEvent,
    DG_aboutEventOrder,
    DG_aliasOrder,
    DG_channel,
    DG_country,
    DG_credibility,
    DG_endEdtf,
    DG_file,
    DG_follows,
    DG_followsOrder,
    DG_hasRole,
    DG_issuedEdtf,
    DG_leadsTo,
    DG_leadsToOrder,
    DG_mode,
    DG_outcome,
    DG_reliability,
    DG_retrieved,
    DG_retrievedEdtf,
    DG_sha256,
    DG_Source,
    DG_sourceKind,
    DG_speaker,
    DG_startEdtf,
    DG_Statement,
    DG_text,
    GEO_lat,
    GEO_long,
    ORG_holds,
    ORG_memberOf,
    ORG_Post,
    ORG_postIn,
    PROV_Entity,
    SCHEMA_containedInPlace,
    SCHEMA_description,
    SCHEMA_endDate,
    SCHEMA_Event,
    SCHEMA_Place,
    SCHEMA_startDate,
    SCHEMA_url,
    SEM_Actor,
    SEM_Event,
    SEM_eventType,
    SEM_hasActor,
    SEM_hasPlace,
    SEM_Place,
    SEM_Role,
    SEM_roleType,
    SEM_subEventOf,
    SKOS_altLabel,
    Term,
)


def _source(out: Out, r: Source) -> NamedNode:
    s = out.node("source", r.id)
    out.add(s, A, PROV_Entity)
    out.add(s, A, DG_Source)
    out.add(s, A, SOURCE_CLASS.get(r.kind, CREATIVE_WORK))
    out.add(s, ID, Literal(r.id))
    out.add(s, DCTERMS_title, Literal(r.title))
    out.add(s, DG_sourceKind, SOURCE_KINDS[r.kind])
    out.text(s, DCTERMS_publisher, r.publisher)
    if r.url is not None:
        out.add(s, SCHEMA_url, Literal(r.url, datatype=XSD_ANYURI))
    date_field(out, s, DCTERMS_issued, DG_issuedEdtf, r.published)
    date_field(out, s, DG_retrieved, DG_retrievedEdtf, r.retrieved)
    out.text(s, DCTERMS_language, r.language)
    out.text(s, DG_file, r.file)
    out.text(s, DG_sha256, r.sha256)
    out.text(s, DG_reliability, r.reliability)
    if r.credibility is not None:
        out.add(s, DG_credibility, Literal(str(r.credibility), datatype=XSD_INT))
    out.text(s, COMMENT, r.note)
    return s


def _actor(out: Out, r: Actor) -> NamedNode:
    s = out.node("actor", r.id)
    out.add(s, A, SEM_Actor)
    out.add(s, A, ACTOR_CLASS[r.kind])
    out.add(s, ID, Literal(r.id))
    out.add(s, LABEL, Literal(r.name))
    aliases: list[Term] = [Literal(a) for a in r.aliases]
    for alias in aliases:
        out.once(s, SKOS_altLabel, alias)
    seq(out, s, DG_aliasOrder, "aliases", aliases)
    wikidata(out, s, r.wikidata)
    if r.country is not None:
        out.add(s, DG_country, out.node("actor", r.country))
    out.text(s, SCHEMA_description, r.description)
    for i, _ in enumerate(r.positions, 1):
        out.add(s, ORG_holds, NamedNode(f"{s.value}#position-{i}"))
    for pos in r.positions:
        if pos.organization is not None:
            out.once(s, ORG_memberOf, out.node("actor", pos.organization))
    evidence(out, s, r.evidence)
    for i, pos in enumerate(r.positions, 1):
        _position(out, NamedNode(f"{s.value}#position-{i}"), pos, i)
    return s


def _position(out: Out, p: NamedNode, pos: Position, i: int) -> None:
    out.later.append((p, A, ORG_Post))
    out.later.append((p, LABEL, Literal(pos.post)))
    if pos.organization is not None:
        out.later.append((p, ORG_postIn, out.node("actor", pos.organization)))
    sub = Out(out.base)
    date_field(sub, p, SCHEMA_startDate, DG_startEdtf, pos.start)
    date_field(sub, p, SCHEMA_endDate, DG_endEdtf, pos.end)
    evidence(sub, p, pos.evidence, prefix=f"position-{i}-")
    out.later.extend(sub.triples)
    out.later.extend(sub.later)


def _place(out: Out, r: Place) -> NamedNode:
    s = out.node("place", r.id)
    out.add(s, A, SEM_Place)
    out.add(s, A, SCHEMA_Place)
    out.add(s, ID, Literal(r.id))
    out.add(s, LABEL, Literal(r.name))
    if r.country is not None:
        out.add(s, DG_country, out.node("actor", r.country))
    if r.part_of is not None:
        out.add(s, SCHEMA_containedInPlace, out.node("place", r.part_of))
    for p, v in ((GEO_lat, r.lat), (GEO_long, r.long)):
        if v is not None:
            out.add(s, p, Literal(decimal(v), datatype=XSD_DECIMAL))
    wikidata(out, s, r.wikidata)
    evidence(out, s, r.evidence)
    return s


def _event(out: Out, r: Event) -> NamedNode:
    s = out.node("event", r.id)
    out.add(s, A, SEM_Event)
    out.add(s, A, SCHEMA_Event)
    out.add(s, ID, Literal(r.id))
    out.add(s, LABEL, Literal(r.label))
    out.add(s, SEM_eventType, EVENT_TYPES[r.type])
    when(out, s, r.time)
    if r.place is not None:
        out.add(s, SEM_hasPlace, out.node("place", r.place))
    for part in r.participants:
        out.add(s, SEM_hasActor, out.node("actor", part.actor))
    for i, part in enumerate(r.participants, 1):
        role = NamedNode(f"{s.value}#role-{i}")
        out.add(s, DG_hasRole, role)
        out.later.append((role, A, SEM_Role))
        out.later.append((role, VALUE, out.node("actor", part.actor)))
        out.later.append((role, SEM_roleType, ROLES[part.role]))
    if r.part_of is not None:
        out.add(s, SEM_subEventOf, out.node("event", r.part_of))
    links(out, s, DG_follows, DG_followsOrder, "follows", "event", r.follows)
    links(out, s, DG_leadsTo, DG_leadsToOrder, "leads_to", "event", r.leads_to)
    out.text(s, DG_outcome, r.outcome)
    out.text(s, SCHEMA_description, r.description)
    wikidata(out, s, r.wikidata)
    evidence(out, s, r.evidence)
    return s


def _statement(out: Out, r: Statement) -> NamedNode:
    s = out.node("statement", r.id)
    out.add(s, A, DG_Statement)
    out.add(s, ID, Literal(r.id))
    out.add(s, DG_speaker, out.node("actor", r.speaker))
    when(out, s, r.date)
    out.add(s, DG_text, Literal(r.text))
    out.add(s, DG_mode, MODES[r.mode])
    links(out, s, DG_aboutEvent, DG_aboutEventOrder, "about_events", "event", r.about_events)
    links(out, s, DG_aboutActor, DG_aboutActorOrder, "about_actors", "actor", r.about_actors)
    if r.channel is not None:
        out.add(s, DG_channel, out.node("actor", r.channel))
    out.text(s, DCTERMS_language, r.language)
    evidence(out, s, r.evidence)
    return s


WRITERS: dict[str, Callable[[Out, Any], NamedNode]] = {
    "sources": _source,
    "actors": _actor,
    "places": _place,
    "events": _event,
    "statements": _statement,
}
"""The writer of each record kind, by kind key."""
