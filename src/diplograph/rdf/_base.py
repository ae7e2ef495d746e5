"""What every store shares: the :class:`Store` interface, query :class:`Solutions` and terms.

See :mod:`diplograph.rdf.store` for the stores themselves.
"""

from __future__ import annotations

import csv
import io
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

import pyoxigraph as ox

from ..errors import QueryError

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph
    from ..model import Record

__all__ = ["Solutions", "Store", "Term", "from_pyoxigraph", "term_text"]

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]  # noqa: UP007 - runtime alias
"""An RDF term as a query returns it (pyoxigraph's term classes)."""

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = ox.NamedNode(_XSD + "string")
_RDF_LANG_STRING = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def term_text(term: Term | None) -> str:
    """The plain text of a term: an IRI, a literal's lexical form, ``""`` for none.

    >>> term_text(ox.Literal("2019-02", datatype=ox.NamedNode(_XSD + "gYearMonth")))
    '2019-02'
    >>> term_text(ox.NamedNode("http://example.org/a")), term_text(None)
    ('http://example.org/a', '')
    """
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return str(term)
    return str(term.value)


@dataclass
class Solutions:
    """The answer of a query: a table of solutions, a boolean, or triples.

    ``kind`` is ``"select"`` (``variables`` and ``rows``), ``"ask"``
    (``boolean``) or ``"graph"`` (``triples``, for CONSTRUCT and DESCRIBE).
    A cell is ``None`` where the variable is unbound.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)

    def __iter__(self) -> Iterator[dict[str, Term | None]]:
        for row in self.rows:
            yield dict(zip(self.variables, row, strict=True))

    def values(self, variable: str) -> list[Term | None]:
        """The column of ``variable``, in row order.

        >>> from diplograph.rdf.store import open_store
        >>> open_store().query("SELECT ?x WHERE { VALUES ?x { 1 2 } }").values("x")[1].value
        '2'
        """
        try:
            i = self.variables.index(variable)
        except ValueError:
            raise QueryError(
                f"the query has no variable ?{variable} (got {', '.join(self.variables)})"
            ) from None
        return [row[i] for row in self.rows]

    # -- serializations (W3C SPARQL 1.1 query results formats) ----------------------------
    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (or N-Triples lines for a graph result)."""
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": self.boolean})
        if self.kind == "graph":
            return self.to_ntriples()
        bindings = [
            {v: _json_term(t) for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]
        doc = {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, indent=2, ensure_ascii=False)

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV: plain values, a header of variable names."""
        if self.kind != "select":
            return self._not_table()
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow([term_text(t) for t in row])
        return out.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV: terms in N-Triples syntax, a header of ``?vars``."""
        if self.kind != "select":
            return self._not_table()
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in self.rows]
        return "\n".join(lines) + "\n"

    def to_ntriples(self) -> str:
        """The triples of a CONSTRUCT or DESCRIBE result as N-Triples."""
        return "".join(f"{t} .\n" for t in self.triples)

    def _not_table(self) -> str:
        if self.kind == "ask":
            return f"{'true' if self.boolean else 'false'}\n"
        return self.to_ntriples()


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def from_pyoxigraph(result: Any) -> Solutions:
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = [tuple(sol[i] for i in range(len(variables))) for sol in result]
        return Solutions("select", variables, rows)
    if isinstance(result, ox.QueryBoolean):
        return Solutions("ask", boolean=bool(result))
    return Solutions("graph", triples=list(result))


class Store(ABC):
    """A place where SPARQL runs: the interface every backend offers."""

    @abstractmethod
    def query(self, sparql: str, *, union: bool = False) -> Solutions:
        """Run a SPARQL 1.1 query over the default graph (``union``: over all graphs).

        Raises :class:`~diplograph.errors.QueryError` for a malformed query
        or a store that cannot answer.
        """

    @abstractmethod
    def add(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads; those already present are not added again. Returns how many were new."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of quads in the store."""

    def load(self, kg: KnowledgeGraph | Iterable[Record], *, base: str | None = None) -> int:
        """Add the triples of every record of ``kg`` to the default graph; returns how many are new.

        ``kg`` may also be any iterable of records, e.g. a folder's records read one
        at a time (:func:`~diplograph.streaming.stream`), so they are never all held.

        The triples come from the RDF mapping (:func:`~diplograph.rdf.mapping.to_triples`).
        Loading the same graph again returns 0: nothing is added twice.

        >>> from diplograph import load, bundled_data
        >>> from diplograph.rdf.store import open_store
        >>> store = open_store()
        >>> store.load(load(bundled_data())) > 0, store.load(load(bundled_data()))
        (True, 0)
        """
        records = kg.records() if hasattr(kg, "records") else kg
        return self.add_records(records, base=base)

    def add_records(self, records: Iterable[Record], *, base: str | None = None) -> int:
        """Add the triples of ``records`` to the default graph, streamed; returns how many are new.

        The records go through the RDF mapping one at a time and reach the
        store as N-Triples text in batches (:func:`~diplograph.rdf.io.ntriples_pieces`;
        an embedded store also gets the dyad index, :mod:`~diplograph.rdf.dyad_index`),
        so nothing but the current batch is held and no pyoxigraph term is
        built per triple.

        >>> from diplograph.model import Actor
        >>> from diplograph.rdf.store import open_store
        >>> open_store().add_records([Actor(id="a", kind="state", name="A")])
        6
        """
        from .dyad_index import store_pieces

        before = len(self)
        self.add_ntriples(store_pieces(self, records, base=base))
        return len(self) - before

    def add_ntriples(self, pieces: Iterable[bytes]) -> None:
        """Add N-Triples text, piece by piece, to the default graph.

        This default parses each piece into quads for :meth:`add`; a store that
        reads N-Triples itself takes the text as it is.
        """
        for piece in pieces:
            self.add(ox.parse(piece, ox.RdfFormat.N_TRIPLES))

    def triples(self) -> Iterable[ox.Triple]:
        """Every triple of the default graph, where :meth:`load` puts the records."""
        return self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").triples

    def knowledge_graph(self) -> KnowledgeGraph:
        """The records in the store, read back through the RDF mapping (the inverse of `load`).

        Commands that need whole records (the graph algorithms, the timeline,
        export, stats) use this to work from a store alone, with no data folder.
        Records come back sorted by id within each kind.

        >>> from diplograph import load, bundled_data
        >>> kg = load(bundled_data())
        >>> from diplograph.rdf.store import open_store
        >>> store = open_store()
        >>> _ = store.load(kg)
        >>> store.knowledge_graph() == kg
        True
        """
        from .mapping import from_rdf

        return from_rdf(self.triples())

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store (flush to disk, close connections)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
