"""Checks that RDF read back into records is diplograph-shaped, so nothing is silently rewritten.

The reader builds a record from the triples it understands; these checks
refuse what it would otherwise drop or repair without a word:

- a record that is a blank node, or whose IRI is not ``{base}{kind}/{id}``
  under one http(s) base shared by every record (``<javascript:alert(1)>``,
  an event outside the namespace of the others, an identifier that
  disagrees with the IRI);
- a date triple that disagrees with the record's date (a second begin date,
  ``"soon"^^xsd:date`` or ``"2019-02-30"^^xsd:date`` beside a valid EDTF
  value): the input must hold what the mapping writes for that record;
- a ``part_of`` chain of events or places that loops back.

Each error names the offending subject and predicate.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

from pyoxigraph import BlankNode, Literal

from ..errors import RDFError
from ..kg import KnowledgeGraph, part_of_cycles
from ..kinds import KINDS
from .vocab import DCTERMS, DG, SCHEMA, SEM, XSD

__all__ = ["check_dates", "check_part_of", "check_subjects"]

_SEGMENT = {k.key: k.singular for k in KINDS.values()}
_DATE_TYPES = {str(XSD.date), str(XSD.gYearMonth), str(XSD.gYear), str(XSD.dateTime)}


def check_subjects(records: dict[str, list[Any]], ids: dict[Any, str]) -> str:
    """Refuse blank-node records and IRIs not of the form ``{base}{kind}/{id}``; return the base."""
    bases: dict[str, Any] = {}
    for kind, nodes in records.items():
        for node in nodes:
            if isinstance(node, BlankNode):
                raise RDFError(
                    f"{node}: rdf:type: a {_SEGMENT[kind]} record must be named by an IRI "
                    f"(got a blank node)"
                )
            iri, rid = node.value, ids[node]
            tail = f"{_SEGMENT[kind]}/{rid}"
            parsed = urllib.parse.urlsplit(iri)
            if parsed.scheme not in {"http", "https"} or not parsed.netloc:
                raise RDFError(
                    f"<{iri}>: rdf:type: a record's IRI is an http(s) IRI ending in /{tail} "
                    f"(got a {parsed.scheme or 'relative'} IRI)"
                )
            if not iri.endswith("/" + tail):
                raise RDFError(
                    f"<{iri}>: dcterms:identifier: the identifier {rid!r} disagrees with the IRI, "
                    f"which should end in /{tail}"
                )
            bases.setdefault(iri[: -len(tail)], node)
    if len(bases) > 1:
        (first, a), (second, b) = list(bases.items())[:2]
        raise RDFError(
            f"<{b.value}>: rdf:type: records are named under more than one base IRI "
            f"(got {first} for <{a.value}> and {second}); one file holds one collection"
        )
    return next(iter(bases), "")


def check_dates(
    by_subject: dict[Any, dict[str, dict[Any, None]]],
    kg: KnowledgeGraph,
    base: str,
    to_triples: Callable[..., Iterable[Any]],
) -> None:
    """Refuse date triples that disagree with what the records' dates map to (by ``to_triples``)."""
    for record in kg.records():
        mapped: dict[tuple[Any, str], set[Any]] = {}
        for t in to_triples(record, base=base) if base else to_triples(record):
            o = t.object
            if _is_date(t.predicate.value, o):
                mapped.setdefault((t.subject, t.predicate.value), set()).add(o)
        for (s, p), expected in mapped.items():
            given = set(by_subject.get(s, {}).get(p, {}))
            if given and given != expected:
                shown = ", ".join(sorted(str(v) for v in given - expected))
                want = ", ".join(sorted(str(v) for v in expected))
                raise RDFError(
                    f"<{s.value}>: {_curie(p)}: disagrees with the record's date "
                    f"(expected {want}, got {shown or 'fewer values'})"
                )


def _is_date(predicate: str, o: Any) -> bool:
    if not isinstance(o, Literal):
        return False
    return o.datatype.value in _DATE_TYPES or predicate.lower().endswith("edtf")


def _curie(iri: str) -> str:
    for prefix, ns in (("sem", SEM), ("dg", DG._NS), ("schema", SCHEMA), ("dcterms", DCTERMS)):
        if iri.startswith(str(ns)):
            return f"{prefix}:{iri[len(str(ns)) :]}"
    return f"<{iri}>"


def check_part_of(kg: KnowledgeGraph, base: str) -> None:
    """Refuse a ``part_of`` chain of events or of places that loops back on itself."""
    for kind, predicate in (("events", "sem:subEventOf"), ("places", "schema:containedInPlace")):
        loops = part_of_cycles(getattr(kg, kind))
        if loops:
            rid = loops[0]
            iri = f"{base}{_SEGMENT[kind]}/{rid}" if base else rid
            raise RDFError(
                f"<{iri}>: {predicate}: the chain of part_of loops back to {rid!r}"
                + (f" (and {len(loops) - 1} more)" if len(loops) > 1 else "")
            )
