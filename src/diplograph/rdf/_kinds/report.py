"""The RDF of a report: written by :func:`write`, read back by :func:`read`.

A report follows SEM's view pattern: a ``dg:Report`` is a ``sem:View``
``sem:accordingTo`` its source, linked to the event it describes by
``dg:reportOf`` (which narrows ``dcterms:subject``). Its date is written as an
event's is (the EDTF literal, typed SEM stamps and day bounds), its type as
``sem:eventType``, its actors with ``sem:hasActor`` (the doer and target through ``dg:sourceActor``
and ``dg:targetActor``, which narrow it), its place as written with
``schema:location``, its coordinates with WGS84 ``geo:lat``/``geo:long``, the
row it comes from with ``dg:rowFile`` and ``dg:row``. Source codes and scores
(CAMEO, PLOVER, Goldstein, intensity, quad class) have no standard term and are
``dg:`` literals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...model import EventType, Report
from .._dates import when
from .._out import PLAIN, Out, decimal, evidence, links
from .._read import Reader
from .._text import quoted
from .._turtle import END, Direct, grouped
from ..terms import (
    EVENT_TYPES,
    ID,
    XSD_DECIMAL,
    XSD_INT,
    A,
    GEO_lat,
    GEO_long,
    PROV_Entity,
    SEM_eventType,
    SEM_hasActor,
    Term,
    iri_node,
)
from ..vocab import DG, EVENT_TYPE, SCHEMA, SEM

__all__ = ["read", "turtle", "write"]

DG_Report = iri_node(DG.Report)
DG_reportOf = iri_node(DG.reportOf)
DG_sourceActor = iri_node(DG.sourceActor)
DG_targetActor = iri_node(DG.targetActor)
DG_actorOrder = iri_node(DG.actorOrder)
DG_sourceName = iri_node(DG.sourceName)
DG_targetName = iri_node(DG.targetName)
DG_cameoCode = iri_node(DG.cameoCode)
DG_ploverCode = iri_node(DG.ploverCode)
DG_goldstein = iri_node(DG.goldstein)
DG_intensity = iri_node(DG.intensity)
DG_quadClass = iri_node(DG.quadClass)
DG_row = iri_node(DG.row)
DG_rowFile = iri_node(DG.rowFile)
SCHEMA_description = iri_node(SCHEMA.description)
SEM_View = iri_node(SEM.View)
SEM_accordingTo = iri_node(SEM.accordingTo)
SCHEMA_location = iri_node(SCHEMA.location)

_NUMBERS = (
    (GEO_lat, "lat"),
    (GEO_long, "long"),
    (DG_goldstein, "goldstein"),
    (DG_intensity, "intensity"),
)


def write(out: Out, r: Report) -> str:
    s = out.node("report", r.id)
    out.add(s, A, DG_Report)
    out.add(s, A, SEM_View)
    out.add(s, A, PROV_Entity)
    out.add(s, ID, (r.id, PLAIN))
    out.add(s, SEM_accordingTo, out.node("source", r.source))
    if r.event is not None:
        out.add(s, DG_reportOf, out.node("event", r.event))
    when(out, s, r.date)
    if r.type is not None:
        out.add(s, SEM_eventType, EVENT_TYPES[r.type])
    out.text(s, DG_cameoCode, r.cameo)
    out.text(s, DG_ploverCode, r.plover)
    for p, actor in ((DG_sourceActor, r.source_actor), (DG_targetActor, r.target_actor)):
        if actor is not None:
            out.add(s, p, out.node("actor", actor))
    links(out, s, SEM_hasActor, DG_actorOrder, "actors", "actor", r.actors)
    out.text(s, DG_sourceName, r.source_name)
    out.text(s, DG_targetName, r.target_name)
    out.text(s, SCHEMA_location, r.place)
    for p, name in _NUMBERS:
        value = getattr(r, name)
        if value is not None:
            out.add(s, p, (decimal(value), XSD_DECIMAL))
    if r.quad_class is not None:
        out.add(s, DG_quadClass, (str(r.quad_class), XSD_INT))
    out.text(s, SCHEMA_description, r.text)
    out.text(s, DG_rowFile, r.file)
    out.add(s, DG_row, (str(r.row), XSD_INT))
    evidence(out, s, r.evidence)
    return s


def turtle(d: Direct) -> Callable[[Report], str]:
    """A function writing a report's Turtle straight from the record: what ``d.text.turtle``
    makes of :func:`write`'s triples, byte for byte (the tests hold the two equal)."""
    p, ref, name, obj, dates, base = d.p, d.ref, d.name, d.text.obj, d.dates, d.base
    a = d.text.verb(A)
    head = f" {a} {name(DG_Report)} , {name(SEM_View)} , {name(PROV_Entity)}{p(ID)}"
    types = {k: f"{p(SEM_eventType)}{name(iri)}" for k, iri in EVENT_TYPES.items()}
    texts_after = ((DG_sourceName, "source_name"), (DG_targetName, "target_name"))

    def write(r: Report) -> str:
        rid = r.id
        me, s = ref("report", rid), f"{base}report/{rid}"
        parts = [f"{me}{head}{quoted(rid)}{p(SEM_accordingTo)}{ref('source', r.source)}"]
        add = parts.append
        if r.event is not None:
            add(f"{p(DG_reportOf)}{ref('event', r.event)}")
        add(dates(r.date))
        if r.type is not None:
            add(types[r.type])
        for pred, value in ((DG_cameoCode, r.cameo), (DG_ploverCode, r.plover)):
            if value is not None:
                add(f"{p(pred)}{quoted(value)}")
        for pred, actor in ((DG_sourceActor, r.source_actor), (DG_targetActor, r.target_actor)):
            if actor is not None:
                add(f"{p(pred)}{ref('actor', actor)}")
        actors = [ref("actor", x) for x in r.actors]
        line, later = d.links(me, s, SEM_hasActor, DG_actorOrder, "actors", actors)
        add(line)
        for pred, field in (*texts_after, (SCHEMA_location, "place")):
            value = getattr(r, field)
            if value is not None:
                add(f"{p(pred)}{quoted(value)}")
        for pred, field in _NUMBERS:
            value = getattr(r, field)
            if value is not None:
                add(f"{p(pred)}{obj((decimal(value), XSD_DECIMAL))}")
        if r.quad_class is not None:
            add(f"{p(DG_quadClass)}{obj((str(r.quad_class), XSD_INT))}")
        if r.text is not None:
            add(f"{p(SCHEMA_description)}{quoted(r.text)}")
        add(f"{p(DG_rowFile)}{quoted(r.file)}{p(DG_row)}{obj((str(r.row), XSD_INT))}")
        link, nodes = d.evidence(me, s, r.evidence)
        parts += (link, END, later, grouped(nodes))
        return "".join(parts)

    return write


def read(rd: Reader, s: Term) -> Report:
    ix = rd.ix
    fields: dict[str, Any] = {
        "id": rd.ids[s],
        "source": rd.ref(s, ix.one(s, SEM_accordingTo, required="its source"), SEM_accordingTo),
        "event": rd.ref(s, ix.one(s, DG_reportOf), DG_reportOf),
        "date": rd.when(s, "the report's date"),
        "type": None
        if ix.one(s, SEM_eventType) is None
        else rd.concept(s, SEM_eventType, EVENT_TYPE, EventType, "the event type"),
        "cameo": ix.text(s, DG_cameoCode),
        "plover": ix.text(s, DG_ploverCode),
        "source_actor": rd.ref(s, ix.one(s, DG_sourceActor), DG_sourceActor),
        "target_actor": rd.ref(s, ix.one(s, DG_targetActor), DG_targetActor),
        "actors": rd.refs(s, SEM_hasActor, DG_actorOrder),
        "source_name": ix.text(s, DG_sourceName),
        "target_name": ix.text(s, DG_targetName),
        "place": ix.text(s, SCHEMA_location),
        "quad_class": rd.integer(s, DG_quadClass),
        "text": ix.text(s, SCHEMA_description),
        "file": ix.text(s, DG_rowFile, required="the file it was read from"),
        "row": rd.integer(s, DG_row),
        "evidence": rd.evidence(s),
    }
    fields.update({name: rd.number(s, p) for p, name in _NUMBERS})
    return rd.build(Report, s, fields)  # type: ignore[no-any-return]
