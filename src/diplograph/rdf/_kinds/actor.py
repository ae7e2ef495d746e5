"""The RDF of an actor and its posts: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal, NamedNode

from ...errors import RDFError
from ...model import (
    Actor,
    Position,
)
from .._dates import date_field
from .._out import Out, evidence, seq, wikidata
from .._read import Reader, curie, order_key, show
from ..terms import (
    ACTOR_CLASS,
    ID,
    LABEL,
    A,
    DG_aliasOrder,
    DG_country,
    DG_endEdtf,
    DG_startEdtf,
    ORG_holds,
    ORG_memberOf,
    ORG_Post,
    ORG_postIn,
    SCHEMA_description,
    SCHEMA_endDate,
    SCHEMA_startDate,
    SEM_Actor,
    SKOS_altLabel,
    Term,
)

__all__ = ["read", "write"]


def write(out: Out, r: Actor) -> NamedNode:
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
        position(out, NamedNode(f"{s.value}#position-{i}"), pos, i)
    return s


def position(out: Out, p: NamedNode, pos: Position, i: int) -> None:
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


def read(rd: Reader, s: Term) -> Actor:
    ix = rd.ix
    types = set(ix.all(s, A))
    kinds = [k for k, c in ACTOR_CLASS.items() if c in types]
    if len(kinds) != 1:
        allowed = ", ".join(curie(c.value) for c in ACTOR_CLASS.values())
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
                    "start": rd.date_field(p, SCHEMA_startDate, DG_startEdtf),
                    "end": rd.date_field(p, SCHEMA_endDate, DG_endEdtf),
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
