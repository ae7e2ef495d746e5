"""Reports as quads, until reports are a registered record kind with their own RDF mapping.

It writes, for the fields the dyad queries read, the triples the reports
mapping (``rdf/_kinds/report.py``, being added beside this branch) writes: a
``dg:Report`` ``sem:accordingTo`` its source, ``dg:sourceActor``,
``dg:targetActor``, ``sem:hasActor`` for the other actors, the day bounds as
``sem:hasEarliestBeginTimeStamp`` / ``sem:hasLatestEndTimeStamp``,
``sem:eventType``, ``dg:cameoCode``, ``dg:quadClass``, ``dg:goldstein`` and
``dg:intensity``. Once that mapping is merged, ``store.load(kg)`` replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from diplograph.importers import Report
from diplograph.rdf.mapping import record_iri

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
DG = "https://w3id.org/diplograph/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
EVENT_TYPE = "https://w3id.org/diplograph/event-type/"


def _p(ns: str, name: str) -> ox.NamedNode:
    return ox.NamedNode(ns + name)


P = {
    "according": _p(SEM, "accordingTo"),
    "source": _p(DG, "sourceActor"),
    "target": _p(DG, "targetActor"),
    "actor": _p(SEM, "hasActor"),
    "earliest": _p(SEM, "hasEarliestBeginTimeStamp"),
    "latest": _p(SEM, "hasLatestEndTimeStamp"),
    "type": _p(SEM, "eventType"),
    "cameo": _p(DG, "cameoCode"),
    "quad": _p(DG, "quadClass"),
    "goldstein": _p(DG, "goldstein"),
    "intensity": _p(DG, "intensity"),
}
REPORT = _p(DG, "Report")
DATE = _p(XSD, "date")
DECIMAL = _p(XSD, "decimal")
INTEGER = _p(XSD, "integer")


def report_triples(reports: Iterable[Report]) -> Iterator[ox.Quad]:
    """The quads of ``reports`` that the dyad queries read."""
    for r in reports:
        s = ox.NamedNode(record_iri("report", r.id))
        yield ox.Quad(s, TYPE, REPORT)
        yield ox.Quad(s, P["according"], ox.NamedNode(record_iri("source", r.source)))
        yield ox.Quad(s, P["earliest"], ox.Literal(r.date.earliest.isoformat(), datatype=DATE))
        yield ox.Quad(s, P["latest"], ox.Literal(r.date.latest.isoformat(), datatype=DATE))
        for key, actor in (("source", r.source_actor), ("target", r.target_actor)):
            if actor is not None:
                yield ox.Quad(s, P[key], ox.NamedNode(record_iri("actor", actor)))
        for actor in r.actors:
            yield ox.Quad(s, P["actor"], ox.NamedNode(record_iri("actor", actor)))
        if r.type is not None:
            yield ox.Quad(s, P["type"], ox.NamedNode(EVENT_TYPE + r.type.value))
        if r.cameo is not None:
            yield ox.Quad(s, P["cameo"], ox.Literal(r.cameo))
        if r.quad_class is not None:
            yield ox.Quad(s, P["quad"], ox.Literal(str(r.quad_class), datatype=INTEGER))
        for key in ("goldstein", "intensity"):
            value = getattr(r, key)
            if value is not None:
                yield ox.Quad(s, P[key], ox.Literal(format(float(value), ".4f"), datatype=DECIMAL))
