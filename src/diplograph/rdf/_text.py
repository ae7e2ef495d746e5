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
from typing import Any

from ..dates import When
from ._dates import stamps
from .terms import Obj, Row
from .vocab import RDF

__all__ = ["Text", "quoted"]

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


def quoted(value: str) -> str:
    """A Turtle or N-Triples string literal of ``value``."""
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
        self.verbs: dict[str, str] = {}
        self.typed: dict[tuple[str, str], str] = {}
        self.date_text: dict[When, str] = {}
        self.memo: dict[str, dict[Any, str]] = {}

    # -- Turtle and TriG ------------------------------------------------------------------

    def name(self, iri: str) -> str:
        """An IRI as a prefixed name where Turtle can spell it, else ``<iri>``."""
        short = self.cache.get(iri)
        if short is not None:
            return short
        base = self.base
        if iri.startswith(base):
            # an instance: ids are [a-z0-9][a-z0-9._-]* (the model checks them) and fragments
            # are the mapping's own, so only a final "." keeps a local name from being spelt
            kind, sep, local = iri[len(base) :].partition("/")
            if not (sep and kind in self.kinds and local and not local.endswith(".")):
                return f"<{iri}>"
            if "#" in local:  # a record's own node: named once, not worth keeping
                return f"{kind}:{local.replace('#', _HASH)}"
            short = f"{kind}:{local}"
        else:
            short = self._vocabulary(iri)
        if len(self.cache) > 1 << 17:  # records are millions: keep the cache bounded
            self.cache.clear()
        self.cache[iri] = short
        return short

    def _vocabulary(self, iri: str) -> str:
        for ns, prefix in self.namespaces:
            if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :].replace('#', _HASH)}"
        return f"<{iri}>"

    def obj(self, o: Obj) -> str:
        if isinstance(o, str):
            return self.name(o)
        value, datatype = o
        if not datatype or datatype == _STRING:
            return quoted(value)
        bare = _BARE.get(datatype)
        if bare is not None and bare.fullmatch(value):
            return value
        text = f"{quoted(value)}^^{self.name(datatype)}"
        if len(self.typed) > 1 << 16:  # typed literals are mostly dates, which repeat
            self.typed.clear()
        self.typed[o] = text
        return text

    def turtle(self, rows: Iterable[Row], indent: str = "") -> str:
        """Turtle statements of ``rows``, one per subject, each followed by a blank line.

        The mapping writes each subject's triples together; a subject that came
        back later would be written as a second statement, which is still valid.
        """
        name, obj, cache = self.name, self.obj, self.cache
        verbs, typed = self.verbs, self.typed
        cont = f" ;\n{indent}\t"
        parts: list[str] = []
        add = parts.append
        last_s = last_p = ""
        for s, p, o in rows:
            if isinstance(o, str):
                text = cache.get(o) or name(o)
            elif o[1]:
                text = typed.get(o) or obj(o)
            else:
                text = quoted(o[0])
            if s == last_s:
                if p == last_p:
                    add(f" , {text}")
                else:
                    add(f"{cont}{verbs.get(p) or self.verb(p)} {text}")
            else:
                if last_s:
                    add(" .\n\n")
                add(f"{indent}{cache.get(s) or name(s)} {verbs.get(p) or self.verb(p)} {text}")
            last_s, last_p = s, p
        if last_s:
            add(" .\n\n")
        return "".join(parts)

    def more(self, s: str, rows: list[Row]) -> str:
        """More predicates of a statement about ``s`` already begun: rows whose subject is ``s``."""
        if not rows:
            return ""
        text = self.turtle(rows)
        return f" ;\n\t{text[len(self.name(s)) + 1 : -4]}"

    def dates(self, when: When) -> str:
        """Predicate-object lines of a date's stamps (each after a ``;``), made once per date."""
        text = self.date_text.get(when)
        if text is None:
            if len(self.date_text) > 1 << 15:
                self.date_text.clear()
            text = "".join(f" ;\n\t{self.verb(p)} {self.obj(o)}" for p, o in stamps(when))
            self.date_text[when] = text
        return text

    def verb(self, p: str) -> str:
        short = self.verbs[p] = "a" if p == _TYPE else self.name(p)
        return short

    def trig(self, graph: str | None, rows: Iterable[Row]) -> str:
        """A TriG block: ``rows`` in the named graph ``graph`` (``None``: the default graph)."""
        if graph is None:
            return self.turtle(rows)
        body = self.turtle(rows, "\t").rstrip("\n")
        return f"{self.name(graph)} {{\n{body}\n}}\n\n"

    # -- N-Triples and N-Quads ------------------------------------------------------------

    def ntriples(self, rows: Iterable[Row], graph: str | None = None) -> str:
        """N-Triples lines of ``rows``, or N-Quads lines in ``graph`` when one is given."""
        end = " .\n" if graph is None else f" <{graph}> .\n"
        lines: list[str] = []
        add = lines.append
        for s, p, o in rows:
            if isinstance(o, str):
                add(f"<{s}> <{p}> <{o}>{end}")
                continue
            value, datatype = o
            if '"' in value or "\\" in value or "\n" in value or "\r" in value:
                value = value.translate(_ESCAPES)
            if datatype and datatype != _STRING:
                add(f'<{s}> <{p}> "{value}"^^<{datatype}>{end}')
            else:
                add(f'<{s}> <{p}> "{value}"{end}')
        return "".join(lines)
