"""The stores: embedded (memory, disk) and a real Oxigraph server behave alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.errors import QueryError
from diplograph.rdf.store import EmbeddedStore, RemoteStore, Store

EX = "http://example.org/"


def _quads() -> list[ox.Quad]:
    g1, g2 = ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2")
    p = ox.NamedNode(EX + "p")
    return [
        ox.Quad(ox.NamedNode(EX + "a"), p, ox.Literal('quote " { } # é'), g1),
        ox.Quad(
            ox.NamedNode(EX + "a"),
            p,
            ox.Literal(
                "2019-02", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")
            ),
            g2,
        ),
        ox.Quad(ox.NamedNode(EX + "b"), p, ox.NamedNode(EX + "a"), ox.DefaultGraph()),
    ]


@pytest.fixture(params=["memory", "disk", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "memory":
        yield EmbeddedStore()
    elif request.param == "disk":
        with EmbeddedStore(tmp_path / "db") as s:
            yield s
    else:
        url = request.getfixturevalue("oxigraph_server")
        remote = RemoteStore(url)
        remote._request(
            url + "/update",
            data=b"CLEAR ALL",
            method="POST",
            headers={"Content-Type": "application/sparql-update"},
        )
        yield remote


def test_add_is_idempotent(store: Store) -> None:
    assert len(store) == 0
    assert store.add(_quads()) == 3
    assert store.add(_quads()) == 0
    assert len(store) == 3


def test_query_reads_the_default_graph_unless_asked_for_the_union(store: Store) -> None:
    store.add(_quads())
    assert len(store.query(f"SELECT ?o WHERE {{ <{EX}a> ?p ?o }}")) == 0
    assert len(store.query(f"SELECT ?s WHERE {{ ?s ?p <{EX}a> }}")) == 1
    result = store.query(f"SELECT ?o WHERE {{ <{EX}a> ?p ?o }} ORDER BY STR(?o)", union=True)
    assert result.kind == "select"
    assert [o.value for o in result.values("o") if o is not None] == ["2019-02", 'quote " { } # é']
    gym = result.values("o")[0]
    assert isinstance(gym, ox.Literal) and gym.datatype.value.endswith("gYearMonth")


def test_ask_and_construct(store: Store) -> None:
    store.add(_quads())
    assert store.query(f"ASK {{ <{EX}b> ?p <{EX}a> }}").boolean is True
    graph = store.query(f"CONSTRUCT {{ ?s ?p <{EX}a> }} WHERE {{ ?s ?p <{EX}a> }}")
    assert graph.kind == "graph"
    assert [str(t) for t in graph.triples] == [f"<{EX}b> <{EX}p> <{EX}a>"]


def test_bad_sparql_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="invalid SPARQL"):
        store.query("SELECT ?x WHERE {")


def test_remote_load_in_small_batches_adds_everything_once(oxigraph_server: str) -> None:
    remote = RemoteStore(oxigraph_server)
    remote._request(
        oxigraph_server + "/update",
        data=b"CLEAR ALL",
        method="POST",
        headers={"Content-Type": "application/sparql-update"},
    )
    remote.batch = 1
    assert remote.add(_quads()) == 3
    assert remote.add(_quads()) == 0
    assert len(remote) == 3


def test_errors_name_the_fix(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="create it with 'diplograph load --store"):
        EmbeddedStore(tmp_path / "missing", read_only=True)
    with pytest.raises(QueryError, match="a SPARQL endpoint is an http"):
        RemoteStore("ftp://example.org/sparql")
    assert RemoteStore("http://127.0.0.1:7878").endpoint == "http://127.0.0.1:7878/query"
    assert RemoteStore("http://h:3030/ds/query").graph_store == "http://h:3030/ds/store"


def _korea_triples() -> tuple[list[object], set[str]]:
    from diplograph import bundled_data, load
    from diplograph.rdf.mapping import to_triples

    records = list(load(bundled_data()).records())
    reference = ox.Store()  # the triples as pyoxigraph terms, stored as a store keeps them
    reference.extend(
        ox.Quad(t.subject, t.predicate, t.object) for r in records for t in to_triples(r)
    )
    return records, {str(q.triple) for q in reference}


def test_records_go_in_as_ntriples_pieces_and_come_out_equal(store: Store) -> None:
    from diplograph.rdf.io import ntriples_pieces

    records, expected = _korea_triples()
    pieces = list(ntriples_pieces(records, size=4000))  # type: ignore[arg-type]
    assert len(pieces) > 5
    store.add_ntriples(iter(pieces))
    assert {str(t) for t in store.triples()} == expected
    assert store.add_records(records) == 0  # type: ignore[arg-type]
    assert len(store) == len(expected)


def test_a_failing_record_stream_raises_its_error_and_keeps_the_store(tmp_path: Path) -> None:
    records, _ = _korea_triples()

    def broken() -> Iterator[object]:
        yield from records[:3]
        raise QueryError("row 4 is bad")

    with EmbeddedStore(tmp_path / "db") as disk:
        with pytest.raises(QueryError, match="row 4 is bad"):
            disk.add_records(broken())  # type: ignore[arg-type]
        assert len(disk) == 0  # the batch under way when the error came is not written
        assert disk.add_records(records[:3]) > 0  # type: ignore[arg-type]
        assert disk.query("ASK { ?s ?p ?o }").boolean is True


def test_a_loader_error_stops_the_text_being_made(tmp_path: Path) -> None:
    # the text goes to the bulk loader through a pipe: when the loader stops at bad text,
    # the thread making the text must stop too, however much more there would be
    def endless() -> Iterator[bytes]:
        yield b"<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
        while True:
            yield b"not N-Triples\n" * 1000

    with EmbeddedStore(tmp_path / "db") as disk:
        with pytest.raises(SyntaxError):
            disk.add_ntriples(endless())
        assert disk.add_records([]) == 0
