"""The registry of export formats, through the library and through ``diplograph export``."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.errors import DiplographError
from diplograph.export import (
    format_for,
    formats,
    get_format,
    register,
    serialize,
    unregister,
    write,
)
from diplograph.graph import co_participation, from_networkx
from diplograph.kg import KnowledgeGraph
from diplograph.rdf import read_rdf

RDF = ["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"]


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def ids_format() -> Iterator[str]:
    """A format made up for the test: one actor id a line; removed again afterwards."""

    def write_ids(kg: KnowledgeGraph, path: Path) -> Path:
        path.write_text("".join(f"{a}\n" for a in sorted(kg.actors)), encoding="utf-8")
        return path

    register("actor-ids", write_ids, suffixes=(".ids.txt",), description="actor ids")
    try:
        yield "actor-ids"
    finally:
        unregister("actor-ids")


def test_every_shipped_format_is_registered_rdf_first() -> None:
    assert formats() == [*RDF, "jsonld-records", "graphml", "gexf", "timelinejs"]
    assert [get_format(f).suffixes for f in RDF] == [
        (".ttl",),
        (".nt",),
        (".nq",),
        (".trig",),
        (".jsonld",),
        (".rdf",),
    ]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("k.ttl", "turtle"),
        ("out/K.NQ", "nquads"),
        ("k.jsonld", "jsonld"),
        ("k.json", "timelinejs"),
        ("k.gexf", "gexf"),
        ("k.graphml", "graphml"),
    ],
)
def test_the_format_follows_the_suffix(name: str, fmt: str) -> None:
    assert format_for(name) == fmt


def test_write_by_suffix_reads_back_the_same_records(korea: KnowledgeGraph, tmp_path: Path) -> None:
    for suffix in (".ttl", ".nt", ".nq", ".trig", ".jsonld"):
        assert read_rdf(write(korea, tmp_path / f"k{suffix}")) == korea
    assert from_networkx(nx.read_graphml(write(korea, tmp_path / "k.graphml"))) == korea
    assert from_networkx(nx.read_gexf(write(korea, tmp_path / "k.gexf"))) == korea
    slides = json.loads(write(korea, tmp_path / "k.json").read_text(encoding="utf-8"))["events"]
    assert set(korea.events) <= {s["unique_id"] for s in slides}


def test_graph_formats_take_a_networkx_graph(korea: KnowledgeGraph, tmp_path: Path) -> None:
    out = write(co_participation(korea), tmp_path / "co.data", format="gexf")
    G = nx.read_gexf(out)
    assert G.edges["actor:donald-trump", "actor:kim-jong-un"]["weight"] == 5.0


def test_unknown_formats_and_suffixes_are_clear_errors(
    korea: KnowledgeGraph, tmp_path: Path
) -> None:
    with pytest.raises(DiplographError, match=r"expected one of turtle, .*\(got 'png'\)"):
        write(korea, tmp_path / "k.ttl", format="png")
    with pytest.raises(DiplographError, match=r"cannot tell the export format .*\(got '\.txt'\)"):
        write(korea, tmp_path / "k.txt")
    assert not list(tmp_path.iterdir())


def test_a_name_is_registered_once(ids_format: str) -> None:
    with pytest.raises(DiplographError, match="already registered"):
        register(ids_format, lambda kg, path: path)


def test_a_registered_format_is_written_by_the_library_and_the_cli(
    korea: KnowledgeGraph, ids_format: str, tmp_path: Path
) -> None:
    assert write(korea, tmp_path / "a.ids.txt").read_text().split() == sorted(korea.actors)
    code, _, err = run("export", "--format", ids_format, "-o", str(tmp_path / "b.txt"))
    assert code == 0, err
    assert (tmp_path / "b.txt").read_text().split() == sorted(korea.actors)
    assert f"wrote {tmp_path / 'b.txt'} (actor-ids)" in err
    code, help_text, _ = run("export", "--help")
    assert b"actor-ids" in help_text
    # no stream writer: standard output is refused with the reason
    code, _, err = run("export", "--format", ids_format)
    assert code == 1
    assert "Error: the export format 'actor-ids' writes only to a file" in err
    with pytest.raises(DiplographError, match="writes only to a file"):
        serialize(korea, io.BytesIO(), format=ids_format)


def test_an_unregistered_format_is_gone_from_the_cli(tmp_path: Path) -> None:
    register("gone", lambda kg, path: path)
    unregister("gone")
    code, _, err = run("export", "--format", "gone", "-o", str(tmp_path / "x"))
    assert code == 2
    assert "'gone' is not one of 'turtle'" in err


@pytest.mark.parametrize("fmt", formats())
def test_the_cli_writes_what_the_library_writes(fmt: str, tmp_path: Path) -> None:
    from diplograph import bundled_data, load

    lib = write(load(bundled_data()), tmp_path / "lib", format=fmt).read_bytes()
    code, _, err = run("export", "--format", fmt, "-o", str(tmp_path / "cli"))
    assert code == 0, err
    assert (tmp_path / "cli").read_bytes() == lib
