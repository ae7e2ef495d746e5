"""The RDF of a place: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from typing import Any

from ...model import (
    Place,
)
from .._out import PLAIN, Out, decimal, evidence, seq, wikidata
from .._read import Reader
from ..terms import (
    ID,
    LABEL,
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

__all__ = ["read", "write"]


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
