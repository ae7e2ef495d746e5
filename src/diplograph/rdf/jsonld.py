"""JSON-LD: the published context, and a compact writer that streams record by record.

pyoxigraph reads JSON-LD but writes only expanded JSON-LD, so diplograph
writes its own compact form: the context of ``ontology/context.jsonld``
inline, terms and prefixed names from it, one node object per subject, one
``@graph`` entry per named graph. Reading goes through pyoxigraph once
:func:`local_contexts` has put the shipped context in place of its URL.

>>> context()["dg"]
'https://w3id.org/diplograph/ontology#'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import IO, Any

import pyoxigraph as ox

from ..errors import RDFError
from ..model import Record
from ..resources import shipped
from .mapping import graph_spo
from .terms import Spo
from .vocab import BASE, RDF

__all__ = ["CONTEXT_URL", "context", "local_contexts", "write_jsonld"]

CONTEXT_URL = "https://w3id.org/diplograph/context.jsonld"
"""Where ``ontology/context.jsonld`` is published; JSON-LD naming it reads the shipped copy."""


@cache
def context() -> dict[str, Any]:
    """The published JSON-LD context (``ontology/context.jsonld``), its ``@context`` object.

    Examples
    --------
    >>> context()["dg"]
    'https://w3id.org/diplograph/ontology#'
    """
    path = shipped("ontology") / "context.jsonld"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return dict(data["@context"])


@cache
def _terms() -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """Predicate IRI -> (term, coerced type IRI or "@id"); namespace IRI -> its prefix."""
    ctx = context()
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}

    def expand(value: str) -> str:
        if value.startswith("@"):
            return value
        prefix, _, rest = value.partition(":")
        return prefixes[prefix] + rest if prefix in prefixes else value

    terms: dict[str, tuple[str, str | None]] = {}
    for key, value in ctx.items():
        if key.startswith("@") or key in prefixes:
            continue
        if isinstance(value, str):
            terms[expand(value)] = (key, None)
        else:
            coerce = value.get("@type")
            terms[expand(value["@id"])] = (key, None if coerce is None else expand(coerce))
    by_ns: dict[str, str] = {}
    for prefix, ns in prefixes.items():
        by_ns.setdefault(ns, prefix)
    return terms, by_ns


def _compact(iri: str, by_ns: dict[str, str]) -> str:
    """``prefix:local`` for the longest namespace (a key of ``by_ns``) that ``iri`` starts with."""
    end = len(iri)
    while True:  # namespaces end in '/' or '#': try each such cut, longest first
        cut = max(iri.rfind("/", 0, end), iri.rfind("#", 0, end))
        if cut < 0:
            return iri
        prefix = by_ns.get(iri[: cut + 1])
        local = iri[cut + 1 :]
        if prefix is not None and local and not local.startswith("//"):
            return f"{prefix}:{local}"
        end = cut


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = str(RDF.type)


def _node_objects(triples: list[Spo]) -> Iterator[dict[str, Any]]:
    terms, prefixes = _terms()
    objs: dict[str, dict[str, Any]] = {}
    for subject, predicate, o in triples:
        s = subject.value
        obj = objs.get(s)
        if obj is None:
            obj = objs[s] = {"@id": _compact(s, prefixes)}
        p = predicate.value
        if p == _RDF_TYPE and isinstance(o, ox.NamedNode):
            obj.setdefault("@type", []).append(_compact(o.value, prefixes))
            continue
        hit = terms.get(p)
        term, coerce = hit if hit is not None else (_compact(p, prefixes), None)
        value: Any
        if isinstance(o, ox.NamedNode):
            iri = _compact(o.value, prefixes)
            value = iri if coerce == "@id" else {"@id": iri}
        elif isinstance(o, ox.Literal):
            dt = o.datatype.value
            if o.language:
                value = {"@value": o.value, "@language": o.language}
            elif dt == (coerce or _XSD_STRING):
                value = o.value
            elif dt == _XSD_STRING:
                value = {"@value": o.value}
            else:
                value = {"@value": o.value, "@type": _compact(dt, prefixes)}
        else:  # pragma: no cover - the mapping writes no blank nodes
            value = {"@id": str(o)}
        obj.setdefault(term, []).append(value)
    for obj in objs.values():
        yield {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in obj.items()}


def _dump(obj: dict[str, Any], indent: str) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + indent)


def write_jsonld(
    graphs: Iterable[tuple[str | None, Iterable[Record]]], out: IO[bytes], base: str = BASE
) -> None:
    """Write compact JSON-LD: the context inline, a top-level ``@graph``, one entry per named graph.

    ``graphs`` gives the records of each named graph (``None`` for the
    default graph, which comes first), as :func:`diplograph.rdf.io.serialize_rdf`
    orders them; a record goes out one at a time, so a stream needs no memory.

    Examples
    --------
    >>> import io, json
    >>> from diplograph import Actor
    >>> buf = io.BytesIO()
    >>> write_jsonld([(None, [Actor(id="kcna", kind="media", name="KCNA")])], buf)
    >>> json.loads(buf.getvalue())["@graph"][0]["@id"]
    'actor:kcna'
    """
    entries = ",\n".join(
        f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in context().items()
    )
    out.write(('{\n  "@context": {\n' + entries + "\n  }").encode("utf-8"))
    out.write(b',\n  "@graph": [')
    first = True

    def sep() -> bytes:
        nonlocal first
        mark = b"\n" if first else b",\n"
        first = False
        return mark

    for name, members in graphs:
        objects = (obj for r in members for obj in _node_objects(graph_spo(r, name, base=base)))
        if name is None:
            for obj in objects:
                out.write(sep() + b"    " + _dump(obj, "    ").encode("utf-8"))
            continue
        _, prefixes = _terms()
        out.write(sep() + b'    {\n      "@id": ')
        out.write(json.dumps(_compact(name, prefixes), ensure_ascii=False).encode("utf-8"))
        out.write(b',\n      "@graph": [')
        mark = b"\n        "
        for obj in objects:  # one record at a time: a record's nodes are its own subjects
            out.write(mark + _dump(obj, "        ").encode("utf-8"))
            mark = b",\n        "
        out.write(b"\n      ]\n    }")
    out.write(b"\n  ]\n}\n")


def local_contexts(value: Any, where: str) -> Any:
    """A JSON-LD document with the published context's URL replaced by its shipped copy.

    Any other remote context is refused (nothing is fetched at run time);
    ``where`` names the input in the error.

    Examples
    --------
    >>> local_contexts({"@context": CONTEXT_URL}, "x.jsonld")["@context"]["dg"]
    'https://w3id.org/diplograph/ontology#'
    >>> local_contexts({"@context": "https://example.org/c"}, "x.jsonld")
    Traceback (most recent call last):
    ...
    diplograph.errors.RDFError: x.jsonld: the JSON-LD names a remote @context, ...
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "@context":
                out[key] = _context_value(item, where)
            else:
                out[key] = local_contexts(item, where)
        return out
    if isinstance(value, list):
        return [local_contexts(v, where) for v in value]
    return value


def _context_value(item: Any, where: str) -> Any:
    if isinstance(item, list):
        return [_context_value(i, where) for i in item]
    if isinstance(item, str):
        if item == CONTEXT_URL:
            return context()
        raise RDFError(
            f"{where}: the JSON-LD names a remote @context, which is never fetched (got {item!r}); "
            f"put the context inline, or use {CONTEXT_URL}"
        )
    if isinstance(item, dict) and "@import" in item:
        raise RDFError(
            f"{where}: the JSON-LD context imports a remote context, which is never fetched "
            f"(got {item['@import']!r}); put the context inline"
        )
    return item
