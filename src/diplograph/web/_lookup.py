"""The few SPARQL lookups the web view needs beside :mod:`diplograph.query`.

Record ids to IRIs, the actors and sources for the filters, and the evidence
of one record with its selectors and its source's grade. Values enter the
queries as RDF terms serialized by pyoxigraph, never as raw text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from ..rdf.store import Store, Term, term_text

EVENT_TYPE = "https://w3id.org/diplograph/event-type/"
"""Namespace of the event-type concepts (``et:summit``)."""

_PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def _lit(value: str) -> str:
    return str(ox.Literal(value))


def _values(var: str, terms: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(terms)} }}"


def _opt(term: Term | None) -> str | None:
    return None if term is None else term_text(term)


@dataclass(frozen=True, slots=True)
class Record:
    """What a lookup by id finds: the IRI, the EDTF date and one actor (participant or speaker)."""

    iri: str
    edtf: str
    actor: str | None
    type: str | None


def find(store: Store, kind: str, record_id: str) -> Record | None:
    """The event (``kind="event"``) or statement with this id, or None."""
    if kind == "statement":
        shape = "?r a dg:Statement ; dg:speaker ?actor ."
        typ = ""
    else:
        shape = (
            "?r a sem:Event ; sem:eventType ?type . FILTER NOT EXISTS { ?r a dg:Statement } "
            "OPTIONAL { ?r sem:hasActor ?actor }"
        )
        typ = "?type"
    sparql = (
        f"{_PREFIXES} SELECT ?r ?edtf ?actor {typ} WHERE {{ "
        f"?r dcterms:identifier {_lit(record_id)} ; dg:edtf ?edtf . {shape} }} LIMIT 1"
    )
    for row in store.query(sparql):
        kind_iri = _opt(row["type"]) if typ else None
        return Record(
            iri=term_text(row["r"]),
            edtf=term_text(row["edtf"]),
            actor=_opt(row["actor"]),
            type=kind_iri[len(EVENT_TYPE) :] if kind_iri else None,
        )
    return None


def record_id(iri: str) -> str:
    """The id at the end of an instance IRI."""
    return iri.rsplit("/", 1)[-1]


def actors(store: Store) -> list[dict[str, object]]:
    """Every actor: id, name, kind (by class) and the state or body it belongs to."""
    sparql = f"""{_PREFIXES}
SELECT ?a ?id ?name (SAMPLE(?c) AS ?class) (SAMPLE(?country) AS ?of) WHERE {{
  ?a a sem:Actor ; dcterms:identifier ?id ; rdfs:label ?name .
  OPTIONAL {{ ?a a ?c . FILTER(STRSTARTS(STR(?c), "https://schema.org/")) }}
  OPTIONAL {{ ?a dg:country ?country }}
}} GROUP BY ?a ?id ?name ORDER BY ?name"""
    out: list[dict[str, object]] = []
    for row in store.query(sparql):
        cls = _opt(row["class"])
        of = _opt(row["of"])
        out.append(
            {
                "id": term_text(row["id"]),
                "name": term_text(row["name"]),
                "kind": cls.rsplit("/", 1)[-1] if cls else None,
                "country": record_id(of) if of else None,
            }
        )
    return out


def sources(store: Store) -> list[dict[str, object]]:
    """Every source: id, title, publisher, kind and Admiralty grade."""
    sparql = f"""{_PREFIXES}
SELECT ?id ?title ?publisher ?rel ?cred WHERE {{
  ?s a dg:Source ; dcterms:identifier ?id .
  OPTIONAL {{ ?s dcterms:title ?title }}
  OPTIONAL {{ ?s dcterms:publisher/rdfs:label ?publisher }}
  OPTIONAL {{ ?s dg:reliability ?rel }}
  OPTIONAL {{ ?s dg:credibility ?cred }}
}} ORDER BY ?id"""
    return [
        {
            "id": term_text(row["id"]),
            "title": _opt(row["title"]),
            "publisher": _opt(row["publisher"]),
            "grade": grade(_opt(row["rel"]), _opt(row["cred"])),
        }
        for row in store.query(sparql)
    ]


def grade(reliability: str | None, credibility: str | None) -> str | None:
    """The Admiralty grade as analysts write it: ``B2``, ``B`` or ``2`` alone, or None.

    >>> grade("B", "2"), grade(None, "3"), grade(None, None)
    ('B2', '3', None)
    """
    text = f"{reliability or ''}{credibility or ''}"
    return text or None


def members(store: Store, actor_iris: Sequence[str]) -> list[str]:
    """The actors that belong to these (people and bodies of a state, members of a body)."""
    if not actor_iris:
        return []
    values = _values("parent", (f"<{i}>" for i in actor_iris))
    sparql = f"""{_PREFIXES}
SELECT DISTINCT ?a WHERE {{ {values}
  {{ ?a dg:country ?parent }} UNION {{ ?a org:memberOf ?parent }}
  ?a a sem:Actor .
}}"""
    return [term_text(row["a"]) for row in store.query(sparql)]


def actor_iris(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Actor id -> IRI for the ids that name an actor."""
    if not ids:
        return {}
    values = _values("id", (_lit(i) for i in ids))
    sparql = (
        f"{_PREFIXES} SELECT ?a ?id WHERE {{ {values} ?a a sem:Actor ; dcterms:identifier ?id }}"
    )
    return {term_text(row["id"]): term_text(row["a"]) for row in store.query(sparql)}


def evidence(store: Store, iri: str) -> list[dict[str, object]]:
    """The evidence of one record, in its order: source, grade, quote, context and offsets."""
    sparql = f"""{_PREFIXES}
SELECT ?ev ?sid ?title ?publisher ?url ?file ?sha ?rel ?cred ?quote ?prefix ?suffix ?start ?end
       ?note WHERE {{
  <{iri}> dg:evidence ?ev . ?ev oa:hasSource ?s . ?s dcterms:identifier ?sid .
  OPTIONAL {{ ?s dcterms:title ?title }}
  OPTIONAL {{ ?s dcterms:publisher/rdfs:label ?publisher }}
  OPTIONAL {{ ?s schema:url ?url }}
  OPTIONAL {{ ?s dg:file ?file }}
  OPTIONAL {{ ?s dg:sha256 ?sha }}
  OPTIONAL {{ ?s dg:reliability ?rel }}
  OPTIONAL {{ ?s dg:credibility ?cred }}
  OPTIONAL {{ ?ev oa:hasSelector ?q . ?q a oa:TextQuoteSelector .
             OPTIONAL {{ ?q oa:exact ?quote }} OPTIONAL {{ ?q oa:prefix ?prefix }}
             OPTIONAL {{ ?q oa:suffix ?suffix }} }}
  OPTIONAL {{ ?ev oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?start ;
             oa:end ?end }}
  OPTIONAL {{ ?ev rdfs:comment ?note }}
}}"""
    rows: list[tuple[int, dict[str, object]]] = []
    for row in store.query(sparql):
        node = term_text(row["ev"])
        number = node.rsplit("-", 1)[-1]
        start, end = _opt(row["start"]), _opt(row["end"])
        rows.append(
            (
                int(number) if number.isdigit() else 0,
                {
                    "source": term_text(row["sid"]),
                    "title": _opt(row["title"]),
                    "publisher": _opt(row["publisher"]),
                    "url": _opt(row["url"]),
                    "file": _opt(row["file"]),
                    "sha256": _opt(row["sha"]),
                    "grade": grade(_opt(row["rel"]), _opt(row["cred"])),
                    "quote": _opt(row["quote"]),
                    "prefix": _opt(row["prefix"]),
                    "suffix": _opt(row["suffix"]),
                    "start": int(start) if start is not None else None,
                    "end": int(end) if end is not None else None,
                    "note": _opt(row["note"]),
                },
            )
        )
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows]
