"""The RDF of an actor and its posts: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyoxigraph import NamedNode

from ...errors import RDFError
from ...model import (
    Actor,
    ActorKind,
    Position,
)
from .._dates import date_field
from .._out import PLAIN, Out, evidence, seq, wikidata
from .._read import Reader, curie, order_key, show
from .._text import quoted
from .._turtle import END, Direct, grouped
from ..terms import (
    ACTOR_CLASS,
    ID,
    LABEL,
    SAME_AS,
    A,
    DG_aliasOrder,
    DG_country,
    DG_endDate,
    DG_endEdtf,
    DG_startDate,
    DG_startEdtf,
    FOAF_Agent,
    Obj,
    ORG_holds,
    ORG_memberOf,
    ORG_Organization,
    ORG_Post,
    ORG_postIn,
    SCHEMA_description,
    SCHEMA_endDate,
    SCHEMA_startDate,
    SEM_Actor,
    SKOS_altLabel,
    Term,
)
from ..vocab import WIKIDATA

__all__ = ["read", "turtle", "write"]


def write(out: Out, r: Actor) -> str:
    s = out.node("actor", r.id)
    out.add(s, A, SEM_Actor)
    out.add(s, A, ACTOR_CLASS[r.kind])
    out.add(s, A, FOAF_Agent)
    if r.kind != ActorKind.PERSON:
        out.add(s, A, ORG_Organization)
    out.add(s, ID, (r.id, PLAIN))
    out.add(s, LABEL, (r.name, PLAIN))
    aliases: list[Obj] = [(a, PLAIN) for a in r.aliases]
    for alias in aliases:
        out.once(s, SKOS_altLabel, alias)
    seq(out, s, DG_aliasOrder, "aliases", aliases)
    wikidata(out, s, r.wikidata)
    if r.country is not None:
        out.add(s, DG_country, out.node("actor", r.country))
    out.text(s, SCHEMA_description, r.description)
    for i, _ in enumerate(r.positions, 1):
        out.add(s, ORG_holds, f"{s}#position-{i}")
    for pos in r.positions:
        if pos.organization is not None:
            out.once(s, ORG_memberOf, out.node("actor", pos.organization))
    evidence(out, s, r.evidence)
    for i, pos in enumerate(r.positions, 1):
        position(out, f"{s}#position-{i}", pos, i)
    return s


def position(out: Out, p: str, pos: Position, i: int) -> None:
    later = out.later
    later.append((p, A, ORG_Post))
    later.append((p, LABEL, (pos.post, PLAIN)))
    if pos.organization is not None:
        later.append((p, ORG_postIn, out.node("actor", pos.organization)))
    date_field(out, p, DG_startDate, DG_startEdtf, pos.start, later)
    date_field(out, p, DG_endDate, DG_endEdtf, pos.end, later)
    evidence(out, p, pos.evidence, prefix=f"position-{i}-", where=later)


def turtle(d: Direct) -> Callable[[Actor], str]:
    """A function writing an actor's Turtle straight from the record: what ``d.text.turtle``
    makes of :func:`write`'s triples, byte for byte (the tests hold the two equal)."""
    p, ref, own, name, base = d.p, d.ref, d.own, d.name, d.base
    a = d.text.verb(A)
    heads = {
        kind: f" {a} {name(SEM_Actor)} , {name(iri)} , {name(FOAF_Agent)}"
        + ("" if kind == ActorKind.PERSON else f" , {name(ORG_Organization)}")
        + p(ID)
        for kind, iri in ACTOR_CLASS.items()
    }
    label = p(LABEL)

    def write(r: Actor) -> str:
        rid = r.id
        me, s = ref("actor", rid), f"{base}actor/{rid}"
        line, later = d.texts(me, s, SKOS_altLabel, DG_aliasOrder, "aliases", r.aliases)
        parts = [f"{me}{heads[r.kind]}{quoted(rid)}{label}{quoted(r.name)}{line}"]
        if r.wikidata is not None:
            parts.append(f"{p(SAME_AS)}{name(f'{WIKIDATA}{r.wikidata}')}")
        if r.country is not None:
            parts.append(f"{p(DG_country)}{ref('actor', r.country)}")
        if r.description is not None:
            parts.append(f"{p(SCHEMA_description)}{quoted(r.description)}")
        posts = [own(me, s, f"position-{i}") for i in range(1, len(r.positions) + 1)]
        if posts:
            parts.append(f"{p(ORG_holds)}{' , '.join(posts)}")
            orgs = [ref("actor", x.organization) for x in r.positions if x.organization]
            if orgs:
                parts.append(f"{p(ORG_memberOf)}{' , '.join(dict.fromkeys(orgs))}")
        link, nodes = d.evidence(me, s, r.evidence)
        parts += (link, END, later)
        for i, (post, pos) in enumerate(zip(posts, r.positions, strict=True), 1):
            parts.append(_position(d, me, s, post, pos, i, nodes))
        parts.append(grouped(nodes))
        return "".join(parts)

    return write


def _position(
    d: Direct, me: str, s: str, post: str, pos: Position, i: int, nodes: list[tuple[str, str]]
) -> str:
    """A post's statement; its evidence nodes join ``nodes``."""
    text = f"{post} {d.text.verb(A)} {d.name(ORG_Post)}{d.p(LABEL)}{quoted(pos.post)}"
    if pos.organization is not None:
        text += f"{d.p(ORG_postIn)}{d.ref('actor', pos.organization)}"
    text += d.date_field(DG_startDate, DG_startEdtf, pos.start)
    text += d.date_field(DG_endDate, DG_endEdtf, pos.end)
    link, mine = d.evidence(me, s, pos.evidence, f"position-{i}-")
    nodes += mine
    return f"{text}{link}{END}"


def read(rd: Reader, s: Term) -> Actor:
    ix = rd.ix
    types = set(ix.all(s, A))
    kinds = [k for k, c in ACTOR_CLASS.items() if NamedNode(c) in types]
    if len(kinds) != 1:
        allowed = ", ".join(curie(c) for c in ACTOR_CLASS.values())
        raise RDFError(
            f"{show(s)}: an actor must have exactly one type of {allowed} (got {len(kinds)})"
        )
    positions = []
    for p in sorted(ix.all(s, ORG_holds), key=order_key):
        positions.append(
            rd.build(
                Position,
                p,
                {
                    "post": ix.text(p, LABEL, required="the post's name"),
                    "organization": rd.ref(p, ix.one(p, ORG_postIn), ORG_postIn),
                    "start": rd.date_field(p, DG_startDate, DG_startEdtf)
                    or rd.date_field(p, SCHEMA_startDate, DG_startEdtf),
                    "end": rd.date_field(p, DG_endDate, DG_endEdtf)
                    or rd.date_field(p, SCHEMA_endDate, DG_endEdtf),
                    "evidence": rd.evidence(p),
                },
            )
        )
    fields: dict[str, Any] = {
        "id": rd.ids[s],
        "kind": kinds[0],
        "name": ix.text(s, LABEL, required="the actor's name"),
        "aliases": rd.texts(s, SKOS_altLabel, DG_aliasOrder),
        "wikidata": rd.wikidata(s),
        "country": rd.ref(s, ix.one(s, DG_country), DG_country),
        "positions": tuple(positions),
        "description": ix.text(s, SCHEMA_description),
        "evidence": rd.evidence(s),
    }
    return rd.build(Actor, s, fields)  # type: ignore[no-any-return]
