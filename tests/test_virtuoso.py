"""A second real SPARQL engine: Virtuoso Open Source 7 answers as the embedded store does.

A Virtuoso server (Debian's ``virtuoso-opensource``) is started once on free
loopback ports (tests/_virtuoso.py). The data goes in with ``diplograph load
--endpoint``, through Virtuoso's Graph Store endpoint, into one named graph
that the endpoint URL names as its ``default-graph-uri``; then every analyst
question gives, byte for byte, the output of the embedded store.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import _virtuoso
import pytest
from click.testing import CliRunner, Result

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.rdf.store import RemoteStore

GRAPH = "urn:x-diplograph:korea"
# CI runs beside the shared folder (see the shared fixture); a user's clone has none
IN_CI = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", str(bundled_data()), *args])


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_virtuoso.Virtuoso]:
    """A running Virtuoso 7 with SPARQL_UPDATE granted to the SPARQL user; stopped after."""
    reason = _virtuoso.missing()
    if reason is not None:
        if os.environ.get("CI") or IN_CI.is_dir():
            pytest.fail(f"{reason}; CI must run the Virtuoso tests")
        pytest.skip(reason)
    server = _virtuoso.start(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def loaded(virtuoso: _virtuoso.Virtuoso) -> tuple[str, list[Result]]:
    """The endpoint URL of the loaded graph, and the results of loading it twice."""
    endpoint = f"{virtuoso.sparql}?default-graph-uri={GRAPH}"
    crud = f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud"
    loads = [run("load", "--endpoint", endpoint, "--graph-store", crud) for _ in range(2)]
    return endpoint, loads


def test_load_fills_the_graph_once(loaded: tuple[str, list[Result]]) -> None:
    endpoint, (first, second) = loaded
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    new = int(first.stdout.split(": ")[1].split(" new")[0].replace(",", ""))
    assert new > 1000
    assert f": {new:,} new quads, {new:,} in all" in first.stdout
    assert f": 0 new quads, {new:,} in all" in second.stdout
    assert len(RemoteStore(endpoint)) == new


QUESTIONS = [
    ["events"],
    ["events", "--json"],
    ["events", "--from", "2019-02-15", "--to", "2019-06"],
    ["events", "--from", "2018-06", "--to", "2019-02", "--json"],
    ["events", "--actor", "Trump", "--type", "summit", "--json"],
    ["events", "--place", "Hanoi"],
    ["events", "--limit", "3"],
    ["meetings", "Trump", "Kim"],
    ["meetings", "Moon", "Kim", "--any-role", "--json"],
    ["statements"],
    ["statements", "--about", "Hanoi", "--json"],
    ["statements", "--by", "Lee Sang-min", "--from", "2019-07"],
    ["actor", "Trump"],
    ["actor", "Kim Jong Un", "--json"],
    ["sparql", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
    ["sparql", "-e", "ASK { ?s ?p ?o }"],
]


@pytest.mark.parametrize("question", QUESTIONS, ids=[" ".join(q) for q in QUESTIONS])
def test_every_question_answers_as_the_embedded_store(
    loaded: tuple[str, list[Result]], question: list[str]
) -> None:
    endpoint, _ = loaded
    embedded = run(*question)
    remote = run(*question, "--endpoint", endpoint)
    assert embedded.exit_code == 0, embedded.output
    assert remote.exit_code == 0, remote.output
    assert len(embedded.stdout.splitlines()) >= 3 or embedded.stdout == "true\n", embedded.stdout
    assert remote.stdout == embedded.stdout


def test_the_count_is_the_number_of_triples_loaded(loaded: tuple[str, list[Result]]) -> None:
    endpoint, (first, _) = loaded
    result = run(
        "sparql", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--endpoint", endpoint
    )
    assert result.stdout.splitlines()[2] == first.stdout.split(": ")[1].split(" new")[0].replace(
        ",", ""
    )


def test_construct_gives_triples(loaded: tuple[str, list[Result]]) -> None:
    # Virtuoso answers a CONSTRUCT with a table of ?s ?p ?o unless only N-Triples is acceptable
    endpoint, _ = loaded
    query = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }"
    embedded = run("sparql", "-e", query)
    remote = run("sparql", "-e", query, "--endpoint", endpoint)
    assert remote.exit_code == 0, remote.output
    lines = remote.stdout.splitlines()
    assert lines and all(line.startswith("<") and line.endswith(" .") for line in lines)
    assert sorted(lines) == sorted(embedded.stdout.splitlines())


def test_without_default_graph_uri_virtuoso_queries_every_graph(
    loaded: tuple[str, list[Result]], virtuoso: _virtuoso.Virtuoso
) -> None:
    # why the endpoint URL names the graph: Virtuoso's default graph is the union of all of
    # its graphs, its own system graphs included
    endpoint, _ = loaded
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    ours = run("sparql", "-e", count, "--endpoint", endpoint).stdout.splitlines()[2]
    everything = run("sparql", "-e", count, "--endpoint", virtuoso.sparql).stdout.splitlines()[2]
    assert int(everything) > int(ours)


def test_loading_needs_the_graph_store_url(virtuoso: _virtuoso.Virtuoso) -> None:
    endpoint = f"{virtuoso.sparql}?default-graph-uri=urn:x-diplograph:other"
    result = run("load", "--endpoint", endpoint)
    assert result.exit_code == 1
    assert "/store said 404" in result.output
    assert "--graph-store" in result.output and "sparql-graph-crud" in result.output
    assert "Traceback" not in result.output


def test_loading_needs_a_named_graph(virtuoso: _virtuoso.Virtuoso) -> None:
    # Virtuoso's Graph Store endpoint refuses the default graph: name one in the endpoint URL
    crud = f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud"
    result = run("load", "--endpoint", virtuoso.sparql, "--graph-store", crud)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "default-graph-uri=IRI" in result.output


def test_an_invalid_query_is_a_clear_error(loaded: tuple[str, list[Result]]) -> None:
    endpoint, _ = loaded
    result = run("sparql", "-e", "SELECT ?x WHERE {", "--endpoint", endpoint)
    assert result.exit_code == 1
    assert result.output.startswith("Error: invalid SPARQL: Virtuoso 37000 Error")
    assert "query=" not in result.output
