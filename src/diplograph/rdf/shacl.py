"""SHACL validation of the RDF of a knowledge graph against ``ontology/shapes.ttl``.

pyshacl does the checking; this module builds the data graph, runs it and
turns the report into :class:`Violation` items in plain words: the focus node,
the property path and what is wrong.

Examples
--------
>>> from diplograph import load, bundled_data
>>> check_shacl(load(bundled_data()))
[]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RDFError
from ..kg import KnowledgeGraph
from ..kinds import KINDS
from ..model import Record
from ..resources import shipped
from .vocab import BASE, PREFIXES

if TYPE_CHECKING:
    import rdflib

__all__ = ["Violation", "check_shacl", "shapes_graph", "to_rdflib"]

_SH = "http://www.w3.org/ns/shacl#"
_KINDS = tuple(k.singular for k in KINDS.values())


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: what is wrong (``message``) with which node (``focus``) and where."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus}: {self.path}" if self.path else self.focus
        got = f" (got {self.value})" if self.value else ""
        return f"{where}: {self.message}{got}"


@cache
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes shipped in ``ontology/shapes.ttl``, parsed once.

    Examples
    --------
    >>> len(shapes_graph()) > 100
    True
    """
    import rdflib

    path: Path = shipped("ontology") / "shapes.ttl"
    return rdflib.Graph().parse(path, format="turtle")


def to_rdflib(records: KnowledgeGraph | Iterable[Record], *, base: str = BASE) -> rdflib.Graph:
    """The triples of ``records`` as an rdflib ``Graph`` (for pyshacl and rdflib users).

    Builds the whole graph in memory: fine for a collection, not for millions
    of events (stream those with :func:`~diplograph.rdf.io.write_rdf`).

    Examples
    --------
    >>> from diplograph import Actor
    >>> len(to_rdflib([Actor(id="kcna", kind="media", name="KCNA")]))
    6
    """
    import rdflib

    from .io import to_rdf

    graph = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    graph.parse(data=to_rdf(records, format="ntriples", base=base), format="nt")
    return graph


def _short(term: Any, base: str) -> str:
    text = str(term)
    if base and text.startswith(base):
        rest = text[len(base) :]
        if rest.split("/", 1)[0] in _KINDS:
            return rest
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>" if "://" in text else repr(text)


def _path(report: rdflib.Graph, node: Any, base: str) -> str:
    import rdflib

    if isinstance(node, rdflib.URIRef):
        return _short(node, base)
    inverse = report.value(node, rdflib.URIRef(f"{_SH}inversePath"))
    if inverse is not None:
        return f"^{_short(inverse, base)}"
    return "(a path)"


def check_shacl(
    data: KnowledgeGraph | Iterable[Record] | rdflib.Graph, *, base: str = BASE
) -> list[Violation]:
    """Validate records (or an rdflib graph of them) against the shapes; [] when they conform.

    Parameters
    ----------
    data
        A knowledge graph, records, or an rdflib ``Graph`` of their triples.
    base
        Base of instance IRIs, to write focus nodes short (``event/hanoi``).

    Returns
    -------
    list of Violation
        Sorted by focus node, path and message.

    Examples
    --------
    >>> from diplograph import Evidence, Statement
    >>> g = to_rdflib([Statement(id="s", speaker="nobody", date="2019", text="hi",
    ...     evidence=[Evidence(source="src")])])
    >>> for v in check_shacl(g):
    ...     print(v)
    statement/s: dg:speaker: a statement needs exactly one speaker, an actor in the data \
(got actor/nobody)
    statement/s#evidence-1: oa:hasSource: evidence cites exactly one source in the data \
(got source/src)
    statement/s#evidence-1: prov:wasDerivedFrom: is derived from something that is not a source \
in the data (got source/src)
    """
    import rdflib
    from pyshacl import validate

    graph = data if isinstance(data, rdflib.Graph) else to_rdflib(data, base=base)
    try:
        conforms, report, _ = validate(graph, shacl_graph=shapes_graph(), advanced=False)
    except Exception as e:  # pyshacl raises its own errors for unusable input
        raise RDFError(f"SHACL validation could not run: {e}") from e
    if conforms:
        return []
    sh = rdflib.Namespace(_SH)
    out: set[Violation] = set()
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        value = report.value(result, sh.value)
        message = report.value(result, sh.resultMessage)
        severity = report.value(result, sh.resultSeverity)
        out.add(
            Violation(
                focus=_short(focus, base),
                path="" if path is None else _path(report, path, base),
                message=str(message) if message is not None else "does not conform",
                value="" if value is None or value == focus else _short(value, base),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    return sorted(out)
