"""The RDF of a place: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...model import (
    Place,
)
from .._out import PLAIN, Out, decimal, evidence, seq, wikidata
from .._read import Reader
from .._text import quoted
from .._turtle import END, Direct, grouped
from ..terms import (
    ID,
    LABEL,
    SAME_AS,
    XSD_DECIMAL,
    A,
    DG_aliasOrder,
    DG_country,
    GEO_lat,
    GEO_long,
    Obj,
    SCHEMA_containedInPlace,
    SCHEMA_Place,
    SEM_Place,
    SKOS_altLabel,
    Term,
)
from ..vocab import WIKIDATA

__all__ = ["read", "turtle", "write"]


def write(out: Out, r: Place) -> str:
    s = out.node("place", r.id)
    out.add(s, A, SEM_Place)
    out.add(s, A, SCHEMA_Place)
    out.add(s, ID, (r.id, PLAIN))
    out.add(s, LABEL, (r.name, PLAIN))
    aliases: list[Obj] = [(a, PLAIN) for a in r.aliases]
    for alias in aliases:
        out.once(s, SKOS_altLabel, alias)
    seq(out, s, DG_aliasOrder, "aliases", aliases)
    if r.country is not None:
        out.add(s, DG_country, out.node("actor", r.country))
    if r.part_of is not None:
        out.add(s, SCHEMA_containedInPlace, out.node("place", r.part_of))
    for p, v in ((GEO_lat, r.lat), (GEO_long, r.long)):
        if v is not None:
            out.add(s, p, (decimal(v), XSD_DECIMAL))
    wikidata(out, s, r.wikidata)
    evidence(out, s, r.evidence)
    return s


def turtle(d: Direct) -> Callable[[Place], str]:
    """A function writing a place's Turtle straight from the record: what ``d.text.turtle``
    makes of :func:`write`'s triples, byte for byte (the tests hold the two equal)."""
    p, ref, name, obj, base = d.p, d.ref, d.name, d.text.obj, d.base
    head = f" {d.text.verb(A)} {name(SEM_Place)} , {name(SCHEMA_Place)}{p(ID)}"
    label = p(LABEL)

    def write(r: Place) -> str:
        rid = r.id
        me, s = ref("place", rid), f"{base}place/{rid}"
        line, later = d.texts(me, s, SKOS_altLabel, DG_aliasOrder, "aliases", r.aliases)
        parts = [f"{me}{head}{quoted(rid)}{label}{quoted(r.name)}{line}"]
        if r.country is not None:
            parts.append(f"{p(DG_country)}{ref('actor', r.country)}")
        if r.part_of is not None:
            parts.append(f"{p(SCHEMA_containedInPlace)}{ref('place', r.part_of)}")
        for pred, v in ((GEO_lat, r.lat), (GEO_long, r.long)):
            if v is not None:
                parts.append(f"{p(pred)}{obj((decimal(v), XSD_DECIMAL))}")
        if r.wikidata is not None:
            parts.append(f"{p(SAME_AS)}{name(f'{WIKIDATA}{r.wikidata}')}")
        link, nodes = d.evidence(me, s, r.evidence)
        parts += (link, END, later, grouped(nodes))
        return "".join(parts)

    return write


def read(rd: Reader, s: Term) -> Place:
    ix = rd.ix
    fields: dict[str, Any] = {
        "id": rd.ids[s],
        "name": ix.text(s, LABEL, required="the place's name"),
        "aliases": rd.texts(s, SKOS_altLabel, DG_aliasOrder),
        "country": rd.ref(s, ix.one(s, DG_country), DG_country),
        "part_of": rd.ref(s, ix.one(s, SCHEMA_containedInPlace), SCHEMA_containedInPlace),
        "lat": rd.number(s, GEO_lat),
        "long": rd.number(s, GEO_long),
        "wikidata": rd.wikidata(s),
        "evidence": rd.evidence(s),
    }
    return rd.build(Place, s, fields)  # type: ignore[no-any-return]
