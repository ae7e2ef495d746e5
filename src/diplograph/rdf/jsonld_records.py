"""JSON-LD for web developers: one plain JSON object per record, framed, in a flat list.

The graph-faithful JSON-LD of :mod:`diplograph.rdf.jsonld` repeats a record in
the named graph of every source it cites and writes typed values as
``{"@value": ..., "@type": ...}`` objects. This variant (``diplograph export
--format jsonld-records``) states the same triples in the shape a script
reads without a JSON-LD library:

- ``id`` and ``type`` stand for ``@id`` and ``@type``; ``type`` and the
  properties that may repeat (participants, roles, evidence, sources,
  aliases, selectors) are always lists;
- offsets and credibility are JSON integers, coordinates JSON numbers;
- every date is a plain string: ``begin``/``end``, ``startDate``/``endDate``,
  ``issued`` and ``retrieved`` hold a day (``2019-02-27``), their ``...Month``
  and ``...Year`` twins a month or a year, so a date never claims more
  precision than it has; ``edtf`` always holds the EDTF text and
  ``earliestBegin`` .. ``latestEnd`` always a day;
- each record is one object in ``@graph``, with the nodes that belong to it
  (roles with their actors, evidence with its selectors, time intervals,
  ordered lists) nested inside it, and no copy per source.

Its expansion gives the triples of the graph-faithful export (the union of
its per-source graphs). One caveat comes from JSON-LD itself: a JSON number
with a fractional part expands to an exponent form (``3.998E1`` for the
latitude ``39.98``), the same ``xsd:decimal`` value in another spelling.

Examples
--------
>>> import io, json
>>> from diplograph import load, bundled_data
>>> buf = io.BytesIO()
>>> write_jsonld_records(load(bundled_data()), buf)
>>> doc = json.loads(buf.getvalue())
>>> hanoi = next(r for r in doc["@graph"] if r["id"] == "event:hanoi-summit-2019")
>>> hanoi["begin"], hanoi["type"], hanoi["hasRole"][0]["value"]
('2019-02-27', ['sem:Event', 'schema:Event'], 'actor:donald-trump')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import IO, Any

import pyoxigraph as ox

from ..kg import KnowledgeGraph
from ..model import Record
from .io import _ordered
from .jsonld import _compact, context
from .mapping import spo_of
from .vocab import BASE, RDF

__all__ = ["records_context", "write_jsonld_records"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "nonNegativeInteger", "positiveInteger", "int")}
_NUMBERS = {f"{_XSD}decimal", f"{_XSD}double", f"{_XSD}float"}
_BOOLEAN = f"{_XSD}boolean"
_STRING = f"{_XSD}string"
_RDF_TYPE = str(RDF.type)

# The published terms that hold dates: a day under the term, a month or a year under its twins.
_DATE_TERMS = ("begin", "end", "startDate", "endDate", "issued", "retrieved")
# Terms that may hold several values: always lists in the records variant.
_SET_TERMS = (
    "hasActor",
    "hasRole",
    "evidence",
    "derivedFrom",
    "altLabel",
    "hasSelector",
    "sameAs",
    "aboutEvent",
    "aboutActor",
    "holds",
    "memberOf",
)


@cache
def records_context() -> dict[str, Any]:
    """The ``@context`` of the records variant: the published one, with aliases and twins.

    Examples
    --------
    >>> ctx = records_context()
    >>> ctx["id"], ctx["type"]["@id"], ctx["beginMonth"]["@type"]
    ('@id', '@type', 'xsd:gYearMonth')
    """
    ctx = dict(context())
    ctx["id"] = "@id"
    ctx["type"] = {"@id": "@type", "@container": "@set"}
    for term in _DATE_TERMS:
        value = ctx[term]
        iri = value if isinstance(value, str) else value["@id"]
        ctx[term] = {"@id": iri, "@type": "xsd:date"}
        ctx[f"{term}Month"] = {"@id": iri, "@type": "xsd:gYearMonth"}
        ctx[f"{term}Year"] = {"@id": iri, "@type": "xsd:gYear"}
    for term in _SET_TERMS:
        value = ctx[term]
        entry = {"@id": value} if isinstance(value, str) else dict(value)
        entry["@container"] = "@set"
        ctx[term] = entry
    return ctx


@cache
def _lookup() -> tuple[dict[tuple[str, str], str], dict[str, str], set[str]]:
    """(predicate IRI, datatype IRI or "@id") -> term; namespace -> prefix; the set terms."""
    ctx = records_context()
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}

    def expand(value: str) -> str:
        prefix, _, rest = value.partition(":")
        return prefixes[prefix] + rest if prefix in prefixes else value

    terms: dict[tuple[str, str], str] = {}
    sets: set[str] = {"type"}
    for key, value in ctx.items():
        if key.startswith("@") or key in prefixes or key in ("id", "type"):
            continue
        entry = {"@id": value} if isinstance(value, str) else value
        coerce = entry.get("@type")
        kind = "@id" if coerce == "@id" else expand(coerce) if coerce else _STRING
        terms[(expand(entry["@id"]), kind)] = key
        if entry.get("@container") == "@set":
            sets.add(key)
    by_ns: dict[str, str] = {}
    for prefix, ns in prefixes.items():
        by_ns.setdefault(ns, prefix)
    return terms, by_ns, sets


def _literal(o: ox.Literal, coerced: bool) -> Any:
    """A literal's JSON value: a number, a boolean or a string when its term fixes the type."""
    dt = o.datatype.value
    if not coerced:
        return {"@value": o.value, "@type": _compact(dt, _lookup()[1])}
    if dt in _INTEGERS:
        return int(o.value)
    if dt in _NUMBERS:
        number = float(o.value)
        return int(number) if dt != f"{_XSD}double" and number.is_integer() else number
    if dt == _BOOLEAN:
        return o.value in ("true", "1")
    return o.value


def _objects(record: Record, base: str) -> dict[str, dict[str, Any]]:
    """The node objects of one record's triples, by subject IRI, in the order they come."""
    terms, prefixes, _ = _lookup()
    objs: dict[str, dict[str, Any]] = {}
    for subject, predicate, o in spo_of(record, base=base):
        obj = objs.setdefault(subject.value, {"id": _compact(subject.value, prefixes)})
        p = predicate.value
        if p == _RDF_TYPE and isinstance(o, ox.NamedNode):
            obj.setdefault("type", []).append(_compact(o.value, prefixes))
            continue
        value: Any
        if isinstance(o, ox.NamedNode):
            term = terms.get((p, "@id"))
            iri = _compact(o.value, prefixes)
            value = iri if term is not None else {"id": iri}
        elif isinstance(o, ox.Literal) and o.language:
            term, value = None, {"@value": o.value, "@language": o.language}
        elif isinstance(o, ox.Literal):
            term = terms.get((p, o.datatype.value))
            value = _literal(o, term is not None or o.datatype.value == _STRING)
        else:  # pragma: no cover - the mapping writes no blank nodes
            term, value = None, {"id": str(o)}
        if term is None:  # no term fits this value: the plain term of an IRI, or the prefixed name
            plain = terms.get((p, _STRING)) if isinstance(o, ox.NamedNode) else None
            term = plain or _compact(p, prefixes)
        obj.setdefault(term, []).append(value)
    return objs


def _framed(record: Record, base: str) -> dict[str, Any]:
    """One record as one object: the nodes of its own IRI (``...#role-1``) nested where named."""
    sets = _lookup()[2]
    objs = _objects(record, base)
    by_id = {obj["id"]: obj for obj in objs.values()}
    root = next(iter(objs.values()))
    placed = {root["id"]}

    def nest(obj: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, values in obj.items():
            if key == "id":
                out[key] = values
                continue
            items = []
            for v in values:
                child = by_id.get(v) if isinstance(v, str) and key != "type" else None
                if child is not None and child["id"] not in placed:
                    placed.add(child["id"])
                    items.append(nest(child))
                else:
                    items.append(v)
            out[key] = items if key in sets or len(items) > 1 else items[0]
        return out

    framed = nest(root)
    loose = [nest(o) for o in objs.values() if o["id"] not in placed]
    if loose:  # a node of the record that nothing names: keep its triples, beside the record
        framed.setdefault("@included", []).extend(loose)
    return framed


def write_jsonld_records(
    records: KnowledgeGraph | Iterable[Record], out: IO[bytes], base: str = BASE
) -> None:
    """Write the records variant of JSON-LD: the context inline, one object per record.

    Records go out kind by kind, each kind sorted by id (a knowledge graph), or
    as they come (any iterable), one at a time.

    Examples
    --------
    >>> import io, json
    >>> from diplograph import Actor
    >>> buf = io.BytesIO()
    >>> write_jsonld_records([Actor(id="kcna", kind="media", name="KCNA")], buf)
    >>> json.loads(buf.getvalue())["@graph"][0]
    {'id': 'actor:kcna', 'type': ['sem:Actor', 'schema:NewsMediaOrganization', 'foaf:Agent', \
'org:Organization'], 'identifier': 'kcna', 'label': 'KCNA'}
    """
    entries = ",\n".join(
        f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in records_context().items()
    )
    out.write(('{\n  "@context": {\n' + entries + '\n  },\n  "@graph": [').encode("utf-8"))
    mark = b"\n    "
    for record in _ordered(records):
        text = json.dumps(_framed(record, base), ensure_ascii=False, indent=2)
        out.write(mark + text.replace("\n", "\n    ").encode("utf-8"))
        mark = b",\n    "
    out.write(b"\n  ]\n}\n")
