"""Turtle, TriG, N-Triples and N-Quads text of written triples, one record at a time.

The writers make triples of plain strings (:data:`~diplograph.rdf.terms.Row`),
so the text is formatted straight from them: no pyoxigraph term, triple or
serializer per triple, and no pass over the output afterwards. The Turtle
style is pyoxigraph's: a subject's triples together, ``;`` between
predicates, ``,`` between objects, a tab before each continuation line, and a
blank line after each subject. Only ``"``, ``\\``, line feed and carriage
return are escaped in literals, which is all Turtle and N-Triples require; a
local name that Turtle cannot spell is written as a full IRI.

Examples
--------
>>> t = Text({"ex": "http://example.org/"}, "http://example.org/id/", ("event",))
>>> rows = [("http://example.org/id/event/a", "http://example.org/p", ('say "hi"', "")),
...         ("http://example.org/id/event/a", "http://example.org/p", "http://example.org/b")]
>>> print(t.turtle(rows), end="")
event:a ex:p "say \\"hi\\"" , ex:b .
<BLANKLINE>
>>> print(t.ntriples(rows[:1]), end="")
<http://example.org/id/event/a> <http://example.org/p> "say \\"hi\\"" .
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .terms import Obj, Row
from .vocab import RDF

__all__ = ["Text"]

_TYPE = str(RDF.type)
_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BARE = {
    "http://www.w3.org/2001/XMLSchema#integer": re.compile(r"[+-]?[0-9]+"),
    "http://www.w3.org/2001/XMLSchema#decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
}
"""Datatypes Turtle writes as bare numbers, when the text has the number's shape."""
_ESCAPES = str.maketrans({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"})
_HASH = "\\#"
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.#-]*[A-Za-z0-9_#-])?")
"""A local name Turtle can spell after a prefix (``#`` is written ``\\#``)."""


def _quoted(value: str) -> str:
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.translate(_ESCAPES)
    return f'"{value}"'


class Text:
    """Formats triples for one set of prefixes and one base of instance IRIs."""

    def __init__(self, prefixes: dict[str, str], base: str, kinds: Iterable[str]) -> None:
        self.base = base
        self.kinds = frozenset(kinds)
        # longest namespace first, so a namespace inside another one does not win
        self.namespaces = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda t: -len(t[0]))
        self.cache: dict[str, str] = {}

    # -- Turtle and TriG ------------------------------------------------------------------

    def name(self, iri: str) -> str:
        """An IRI as a prefixed name where Turtle can spell it, else ``<iri>``."""
        if iri.startswith(self.base):  # instances: not cached, there are millions
            kind, sep, local = iri[len(self.base) :].partition("/")
            if sep and kind in self.kinds and _LOCAL.fullmatch(local):
                return f"{kind}:{local.replace('#', _HASH)}"
            return f"<{iri}>"
        short = self.cache.get(iri)
        if short is None:
            short = f"<{iri}>"
            for ns, prefix in self.namespaces:
                if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns) :]):
                    short = f"{prefix}:{iri[len(ns) :].replace('#', _HASH)}"
                    break
            self.cache[iri] = short
        return short

    def obj(self, o: Obj) -> str:
        if isinstance(o, str):
            return self.name(o)
        value, datatype = o
        if not datatype or datatype == _STRING:
            return _quoted(value)
        bare = _BARE.get(datatype)
        if bare is not None and bare.fullmatch(value):
            return value
        return f"{_quoted(value)}^^{self.name(datatype)}"

    def turtle(self, rows: Iterable[Row], indent: str = "") -> str:
        """Turtle statements of ``rows``, one per subject, each followed by a blank line."""
        subjects: dict[str, dict[str, list[Obj]]] = {}
        for s, p, o in rows:
            props = subjects.get(s)
            if props is None:
                props = subjects[s] = {}
            objects = props.get(p)
            if objects is None:
                props[p] = [o]
            else:
                objects.append(o)
        name, obj = self.name, self.obj
        cont = f" ;\n{indent}\t"
        parts = []
        for s, props in subjects.items():
            body = cont.join(
                f"{'a' if p == _TYPE else name(p)} {' , '.join([obj(o) for o in objects])}"
                for p, objects in props.items()
            )
            parts.append(f"{indent}{name(s)} {body} .\n\n")
        return "".join(parts)

    def trig(self, graph: str | None, rows: Iterable[Row]) -> str:
        """A TriG block: ``rows`` in the named graph ``graph`` (``None``: the default graph)."""
        if graph is None:
            return self.turtle(rows)
        body = self.turtle(rows, "\t").rstrip("\n")
        return f"{self.name(graph)} {{\n{body}\n}}\n\n"

    # -- N-Triples and N-Quads ------------------------------------------------------------

    @staticmethod
    def nobj(o: Obj) -> str:
        if isinstance(o, str):
            return f"<{o}>"
        value, datatype = o
        if not datatype or datatype == _STRING:
            return _quoted(value)
        return f"{_quoted(value)}^^<{datatype}>"

    def ntriples(self, rows: Iterable[Row], graph: str | None = None) -> str:
        """N-Triples lines of ``rows``, or N-Quads lines in ``graph`` when one is given."""
        nobj = self.nobj
        end = " .\n" if graph is None else f" <{graph}> .\n"
        return "".join([f"<{s}> <{p}> {nobj(o)}{end}" for s, p, o in rows])
