"""A SPARQL 1.1 endpoint as a store: queries over the SPARQL protocol, loads over Graph Store."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable

import pyoxigraph as ox

from ..errors import QueryError
from ._base import Solutions, Store, from_pyoxigraph, term_text

__all__ = ["RemoteStore"]


NT = ox.RdfFormat.N_TRIPLES


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
        import urllib.error  # with urllib.request: http.client, ssl, email (only an endpoint's)
        import urllib.request

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
                return from_pyoxigraph(parsed)
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

    def add_ntriples(self, pieces: Iterable[bytes]) -> None:
        """Send N-Triples text to the default graph (or :attr:`graph`), one ``POST`` a piece."""
        for piece in pieces:
            self._post(self.graph or "", piece)

    def _post(self, graph: str, triples: list[ox.Triple] | bytes) -> None:
        param = "default" if graph == "" else "graph=" + urllib.parse.quote(graph, safe="")
        url = self.graph_store + ("&" if "?" in self.graph_store else "?") + param
        data = triples if isinstance(triples, bytes) else ox.serialize(triples, format=NT)
        try:
            self._request(
                url,
                data=data,
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
