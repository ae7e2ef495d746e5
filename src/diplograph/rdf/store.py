"""Where SPARQL runs: an embedded Oxigraph store (in memory or on disk) or a SPARQL 1.1 endpoint.

Both kinds of store answer the same :meth:`Store.query` with the same
:class:`Solutions`, so a query written once gives the same answer on a laptop
and on a server:

- :class:`EmbeddedStore` wraps a pyoxigraph store, in memory (``path=None``)
  or in a folder on disk, so a large graph is loaded once and queried many
  times. Loading into a folder uses pyoxigraph's bulk loader.
- :class:`RemoteStore` talks to any SPARQL 1.1 endpoint over HTTP: queries go
  through the SPARQL protocol, data goes in through the Graph Store protocol
  (one ``POST`` of N-Triples per named graph).

A store is a set of quads, so loading the same data twice adds nothing:
:meth:`Store.add` returns how many quads are new.

:meth:`Store.load` puts the triples of every record in the default graph,
and queries read the default graph, as every SPARQL server does without
configuration. (The per-source named graphs of the mapping are for export:
in a store, a record citing three sources would be in three graphs, and a
query over their union would see each of its triples three times; which
sources a record rests on stays in ``prov:wasDerivedFrom``.) ``union=True``
asks for the union of all graphs instead, for quads added with
:meth:`Store.add`: pyoxigraph's ``use_default_graph_as_union``, or the
``union-default-graph`` request parameter that the Oxigraph server
understands.

Examples
--------
>>> import pyoxigraph as ox
>>> store = open_store()
>>> quad = ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"),
...                ox.Literal("x"), ox.NamedNode("http://example.org/g"))
>>> store.add([quad]), store.add([quad])
(1, 0)
>>> store.query("SELECT ?o WHERE { ?s ?p ?o }", union=True).values("o")
[<Literal value=x datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>]
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import pyoxigraph as ox

from ..errors import QueryError
from ..safety import check_query

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

__all__ = [
    "EmbeddedStore",
    "RemoteStore",
    "Solutions",
    "Store",
    "Term",
    "open_store",
    "term_text",
]

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


def _from_pyoxigraph(result: Any) -> Solutions:
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

    def load(self, kg: KnowledgeGraph, *, base: str | None = None) -> int:
        """Add the triples of every record of ``kg`` to the default graph; returns how many are new.

        The triples come from the RDF mapping (:func:`~diplograph.rdf.mapping.to_triples`).
        Loading the same graph again returns 0: nothing is added twice.

        >>> from diplograph import load, bundled_data
        >>> store = open_store()
        >>> store.load(load(bundled_data())) > 0, store.load(load(bundled_data()))
        (True, 0)
        """
        from .mapping import to_triples

        def quads() -> Iterator[ox.Quad]:
            for record in kg.records():
                triples = to_triples(record) if base is None else to_triples(record, base=base)
                for t in triples:
                    yield ox.Quad(t.subject, t.predicate, t.object)

        return self.add(quads())

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


class EmbeddedStore(Store):
    """A pyoxigraph store in memory (``path=None``) or in a folder on disk.

    Parameters
    ----------
    path
        Folder of an on-disk store, created when missing. ``None`` keeps the
        store in memory.
    read_only
        Open an existing on-disk store for reading only (several processes
        may read one folder at once).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with EmbeddedStore(Path(tmp) / "db") as store:
    ...         len(store)
    0
    """

    allow_service: tuple[str, ...] = ()
    """Endpoints a query's ``SERVICE`` clauses may call (:func:`~diplograph.safety.check_query`)."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    raise QueryError(
                        f"no store at {self.path}; create it with "
                        f"'diplograph load --store {self.path}' (got {str(self.path)!r})"
                    )
                self._store = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except OSError as e:
            raise QueryError(
                f"cannot open the store at {self.path}: {e}; is another process writing to it?"
            ) from e
        except RuntimeError as e:  # RocksDB reports a damaged folder this way
            raise QueryError(
                f"cannot open the store at {self.path}: {e}; the folder is damaged or not a "
                f"store: load the data again into a new folder"
            ) from e

    @property
    def native(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._store

    def query(self, sparql: str, *, union: bool = False) -> Solutions:
        """Run a SPARQL query over the default graph (``union``: over all graphs).

        >>> EmbeddedStore().query("ASK { ?s ?p ?o }").boolean
        False
        >>> EmbeddedStore().query("SELECT ?x WHERE {")
        Traceback (most recent call last):
        ...
        diplograph.errors.QueryError: invalid SPARQL: ...
        """
        check_query(sparql, allow_service=self.allow_service)
        try:
            result = self._store.query(sparql, use_default_graph_as_union=union)
            return _from_pyoxigraph(result)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {e}") from e
        except (OSError, RuntimeError) as e:
            raise QueryError(f"the store could not answer: {e}") from e

    def triples(self) -> Iterable[ox.Triple]:
        """Every triple of the default graph, read straight from pyoxigraph."""
        return (
            q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        )

    def add(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads (the bulk loader for an on-disk store); returns how many were new."""
        before = len(self._store)
        try:
            if self.path is None:
                self._store.extend(quads)
            else:
                self._store.bulk_extend(quads)
                self._store.flush()
        except OSError as e:
            raise QueryError(f"cannot write to the store at {self.path}: {e}") from e
        return len(self._store) - before

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        """Flush an on-disk store; the folder stays and can be opened again."""
        if self.path is not None and not self.read_only:
            self._store.flush()


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint: queries over the SPARQL protocol, loads over the Graph Store protocol.

    Queries use the request forms every SPARQL 1.1 server answers: ``GET``
    with ``query=`` when the URL stays short, otherwise a URL-encoded
    ``POST`` (``application/x-www-form-urlencoded``, ``query=...``). The
    direct ``POST`` of ``application/sparql-query`` is never sent: some
    servers (Virtuoso 7) leave it unanswered.

    Parameters
    ----------
    endpoint
        The query URL (``http://host:7878/query`` on Oxigraph,
        ``http://host:3030/ds/query`` on Fuseki, ``http://host:8890/sparql``
        on Virtuoso). A URL with no path is taken as an Oxigraph server:
        queries go to ``/query``, data to ``/store``. Protocol parameters in
        the URL go with every query; ``default-graph-uri=IRI`` also names
        the graph that :meth:`load` fills, for servers whose default graph
        is the union of every graph (Virtuoso) or cannot be written.
    graph_store
        The Graph Store protocol URL. By default the sibling ``store`` of the
        query URL (``.../query`` -> ``.../store``).
    timeout
        Seconds to wait for the server before giving up with a
        :class:`~diplograph.errors.QueryError`.

    Examples
    --------
    >>> remote = RemoteStore("http://127.0.0.1:8890/sparql?default-graph-uri=urn:x-korea")
    >>> remote.endpoint, remote.graph, remote.graph_store
    ('http://127.0.0.1:8890/sparql', 'urn:x-korea', 'http://127.0.0.1:8890/store')
    """

    max_get = 2000
    """Longest URL sent as ``GET``; a longer query goes as a URL-encoded ``POST``."""

    def __init__(
        self, endpoint: str, *, graph_store: str | None = None, timeout: float = 30.0
    ) -> None:
        parsed = urllib.parse.urlsplit(endpoint)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc:
            raise QueryError(
                f"a SPARQL endpoint is an http(s) URL such as http://127.0.0.1:7878/query "
                f"(got {endpoint!r})"
            )
        if parsed.path in {"", "/"}:
            parsed = parsed._replace(path="/query")
        self.params = urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)
        graphs = [v for k, v in self.params if k == "default-graph-uri"]
        if len(graphs) > 1:
            raise QueryError(
                f"give one default-graph-uri in the endpoint URL, the graph to load and "
                f"query (got {len(graphs)}: {', '.join(graphs)})"
            )
        self.graph = graphs[0] if graphs else None
        self.endpoint = urllib.parse.urlunsplit(parsed._replace(query="", fragment=""))
        if graph_store is None:
            base = self.endpoint.rsplit("/", 1)[0]
            graph_store = f"{base}/store"
        self.graph_store = graph_store
        self.timeout = timeout
        self.batch = 100_000

    def _request(
        self, url: str, *, data: bytes | None, headers: dict[str, str], method: str
    ) -> tuple[str, bytes]:
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        where = _location(url)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace").strip()
            detail = _first_line(body) or e.reason
            if e.code == 400:
                raise QueryError(f"invalid SPARQL: {detail} ({where} said {e.code})") from e
            raise QueryError(f"the SPARQL endpoint {where} said {e.code}: {detail}") from e
        except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
            reason = getattr(e, "reason", e)
            if isinstance(reason, TimeoutError):
                raise QueryError(
                    f"the SPARQL endpoint {where} did not answer within {self.timeout:g} s; "
                    f"is it the right URL, or is the server busy? (--timeout SECONDS waits "
                    f"longer)"
                ) from e
            raise QueryError(
                f"cannot reach the SPARQL endpoint {where}: {reason}; is the server running?"
            ) from e

    def query(self, sparql: str, *, union: bool = False) -> Solutions:
        """Run a query through the SPARQL protocol (``GET``, or URL-encoded ``POST`` if long)."""
        params = [*self.params, ("query", sparql)]
        if union:
            params.append(("union-default-graph", ""))
        form = urllib.parse.urlencode(params).encode("ascii")
        # one media type per query form: some servers (Virtuoso) answer a CONSTRUCT
        # with a table of ?s ?p ?o when a results format is acceptable at all
        accept = "application/n-triples" if _is_graph_query(sparql) else _RESULTS_MEDIA
        headers = {"Accept": accept}
        if len(self.endpoint) + 1 + len(form) <= self.max_get:
            url, data, method = f"{self.endpoint}?{form.decode('ascii')}", None, "GET"
        else:
            url, data, method = self.endpoint, form, "POST"
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        ctype, body = self._request(url, data=data, headers=headers, method=method)
        media = ctype.split(";")[0].strip().lower()
        try:
            if media in {"application/sparql-results+json", "application/json"}:
                parsed = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
                return _from_pyoxigraph(parsed)
            if media in {"application/n-triples", "text/plain", "text/ntriples"}:
                triples = [q.triple for q in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
                return Solutions("graph", triples=triples)
        except SyntaxError as e:
            raise QueryError(f"the SPARQL endpoint {self.endpoint} sent a bad answer: {e}") from e
        raise QueryError(
            f"the SPARQL endpoint {self.endpoint} answered in an unexpected format (got {media!r})"
        )

    def add(self, quads: Iterable[ox.Quad]) -> int:
        """Send quads by Graph Store protocol ``POST`` (N-Triples, per graph, in batches).

        Quads of the default graph go to :attr:`graph` when the endpoint URL
        names one. Returns how many were new. Each batch holds at most
        :attr:`batch` triples, so a large load never builds one huge request.
        """
        before = len(self)
        pending: dict[str, list[ox.Triple]] = {}
        for q in quads:
            g = q.graph_name
            key = (self.graph or "") if isinstance(g, ox.DefaultGraph) else g.value
            batch = pending.setdefault(key, [])
            batch.append(q.triple)
            if len(batch) >= self.batch:
                self._post(key, batch)
                pending[key] = []
        for key, batch in pending.items():
            if batch:
                self._post(key, batch)
        return len(self) - before

    def _post(self, graph: str, triples: list[ox.Triple]) -> None:
        param = "default" if graph == "" else "graph=" + urllib.parse.quote(graph, safe="")
        url = self.graph_store + ("&" if "?" in self.graph_store else "?") + param
        try:
            self._request(
                url,
                data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                headers={"Content-Type": "application/n-triples"},
                method="POST",
            )
        except QueryError as e:
            raise QueryError(
                f"{e}; loading goes through the Graph Store protocol: give its URL with "
                f"--graph-store (Fuseki: .../ds/data, Virtuoso: .../sparql-graph-crud, with "
                f"default-graph-uri=IRI in the endpoint URL)"
            ) from e

    def __len__(self) -> int:
        # the default graph plus every named graph: the number of quads; with a
        # default-graph-uri, the triples of that graph (the server's other graphs are not ours)
        if self.graph is not None:
            sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        else:
            sparql = (
                "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
            )
        n = self.query(sparql).values("n")[0]
        return int(term_text(n))

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"


_RESULTS_MEDIA = "application/sparql-results+json"
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.I)
_GRAPH_FORM = re.compile(r"(?:CONSTRUCT|DESCRIBE)\b", re.I)


def _is_graph_query(sparql: str) -> bool:
    """Whether ``sparql`` is a CONSTRUCT or DESCRIBE query (its answer is triples).

    >>> _is_graph_query("# who\\nPREFIX s: <https://schema.org/#x>\\nconstruct {} WHERE {}")
    True
    >>> _is_graph_query("SELECT ?describe WHERE { ?s ?p ?describe }")
    False
    """
    prologue = _PROLOGUE.match(sparql)
    return _GRAPH_FORM.match(sparql, prologue.end() if prologue else 0) is not None


def _location(url: str) -> str:
    """``url`` without its query string, to name a server in a message.

    >>> _location("http://h:8890/sparql?query=ASK+%7B%7D")
    'http://h:8890/sparql'
    """
    return url.split("?", 1)[0]


def _first_line(text: str) -> str:
    """The first non-blank line of a server's error page, without HTML tags.

    >>> _first_line("<html><body>\\n<h1>Virtuoso 37000 Error</h1>")
    'Virtuoso 37000 Error'
    """
    for line in text.splitlines():
        plain = " ".join(re.sub(r"<[^>]*>", " ", line).split())
        if plain:
            return plain
    return ""


def open_store(
    path: Path | str | None = None,
    *,
    endpoint: str | None = None,
    read_only: bool = False,
    graph_store: str | None = None,
) -> Store:
    """The store to use: a SPARQL ``endpoint``, an on-disk store at ``path``, or one in memory.

    ``graph_store`` is the endpoint's Graph Store protocol URL, where loads go,
    when it is not the sibling ``store`` of the query URL (Oxigraph's layout):
    ``http://127.0.0.1:3030/ds/data`` on Fuseki. It needs an ``endpoint``.

    >>> type(open_store()).__name__
    'EmbeddedStore'
    >>> open_store("db", endpoint="http://127.0.0.1:7878")
    Traceback (most recent call last):
    ...
    diplograph.errors.QueryError: give a store folder or an endpoint, not both (got ...)
    """
    if path is not None and endpoint is not None:
        raise QueryError(
            f"give a store folder or an endpoint, not both (got {str(path)!r} and {endpoint!r})"
        )
    if graph_store is not None and endpoint is None:
        raise QueryError(f"a Graph Store URL goes with an endpoint (got {graph_store!r} alone)")
    if endpoint is not None:
        return RemoteStore(endpoint, graph_store=graph_store)
    return EmbeddedStore(path, read_only=read_only)
