"""The request forms the endpoint client sends, and its timeout, on real loopback sockets.

Virtuoso 7 never answers a direct ``POST`` of ``application/sparql-query``;
every SPARQL 1.1 server answers ``GET ?query=`` and a URL-encoded ``POST``.
A small HTTP server on 127.0.0.1 records what the client sends and answers
like an endpoint; a listening socket that never answers stands for a server
that hangs.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from click.testing import CliRunner

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.errors import QueryError
from diplograph.rdf.store import RemoteStore

ANSWER = {
    "head": {"vars": ["n"]},
    "results": {"bindings": [{"n": {"type": "literal", "value": "1"}}]},
}


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str, dict[str, list[str]]]]] = []

    def _answer(self, params: dict[str, list[str]]) -> None:
        self.seen.append((self.command, self.headers.get("Content-Type", ""), params))
        if "application/sparql-query" in self.headers.get("Content-Type", ""):
            return  # as Virtuoso does: no answer at all
        body = json.dumps(ANSWER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        form = self.rfile.read(length).decode()
        self._answer(urllib.parse.parse_qs(form))

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[tuple[str, str, dict[str, list[str]]]]]]:
    """An HTTP server on a free loopback port; yields its URL and the requests it saw."""
    seen: ClassVar[list[tuple[str, str, dict[str, list[str]]]]] = []
    handler = type("Handler", (_Recorder,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def silent() -> Iterator[str]:
    """A loopback port that accepts connections and never answers; yields its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"


def test_a_short_query_is_a_get(
    recorder: tuple[str, list[tuple[str, str, dict[str, list[str]]]]],
) -> None:
    url, seen = recorder
    store = RemoteStore(url + "?default-graph-uri=urn:x-g", timeout=5)
    assert store.query("SELECT (1 AS ?n) {}").values("n")[0].value == "1"  # type: ignore[union-attr]
    assert seen == [
        ("GET", "", {"default-graph-uri": ["urn:x-g"], "query": ["SELECT (1 AS ?n) {}"]})
    ]


def test_a_long_query_is_a_url_encoded_post(
    recorder: tuple[str, list[tuple[str, str, dict[str, list[str]]]]],
) -> None:
    url, seen = recorder
    long = "SELECT (1 AS ?n) { " + " ".join(f"# é {i}\n" for i in range(400)) + "}"
    store = RemoteStore(url + "?default-graph-uri=urn:x-g", timeout=5)
    assert len(store.query(long)) == 1
    [(method, ctype, params)] = seen
    assert (method, ctype) == ("POST", "application/x-www-form-urlencoded")
    assert params == {"default-graph-uri": ["urn:x-g"], "query": [long]}


def test_the_sparql_command_sends_no_direct_post(
    recorder: tuple[str, list[tuple[str, str, dict[str, list[str]]]]],
) -> None:
    url, seen = recorder
    long = "SELECT (1 AS ?n) {" + " " * 3000 + "}"
    for query in ["SELECT (1 AS ?n) {}", long]:
        result = CliRunner().invoke(cli, ["sparql", "-e", query, "--endpoint", url])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[2] == "1"
    assert [(m, c) for m, c, _ in seen] == [
        ("GET", ""),
        ("POST", "application/x-www-form-urlencoded"),
    ]


def test_an_endpoint_that_never_answers_is_an_error_after_the_timeout(silent: str) -> None:
    with pytest.raises(QueryError, match=r"did not answer within 0\.5 s.*--timeout SECONDS"):
        RemoteStore(silent, timeout=0.5).query("ASK {}")


@pytest.mark.parametrize(
    "args",
    [
        ["sparql", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
        ["meetings", "Trump", "Kim"],
        ["load"],
    ],
    ids=["sparql", "meetings", "load"],
)
def test_the_cli_gives_up_after_its_timeout(silent: str, args: list[str]) -> None:
    result = CliRunner().invoke(
        cli, ["--data", str(bundled_data()), *args, "--endpoint", silent, "--timeout", "0.5"]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: the SPARQL endpoint {silent} did not answer within 0.5 s; is it the right URL, "
        "or is the server busy? (--timeout SECONDS waits longer)\n"
    )


def test_the_timeout_must_be_positive() -> None:
    result = CliRunner().invoke(cli, ["events", "--endpoint", "http://h/q", "--timeout", "0"])
    assert result.exit_code == 2
    assert "--timeout" in result.output and "0" in result.output


def test_the_endpoint_url_names_one_graph() -> None:
    with pytest.raises(QueryError, match="give one default-graph-uri"):
        RemoteStore("http://h/sparql?default-graph-uri=urn:a&default-graph-uri=urn:b")
    store = RemoteStore("http://h:8890/sparql?default-graph-uri=urn%3Ax-g")
    assert (store.endpoint, store.graph, store.timeout) == ("http://h:8890/sparql", "urn:x-g", 30)
