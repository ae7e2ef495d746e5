"""RDF files: every format read by independent parsers, stable Turtle, atomic writes, the CLI."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from diplograph import Actor, load
from diplograph.cli import cli
from diplograph.errors import RDFError
from diplograph.export import formats
from diplograph.kg import KnowledgeGraph
from diplograph.load import dumps_kind
from diplograph.model import RECORD_KINDS, Record
from diplograph.rdf.io import (
    CONTEXT_URL,
    FORMATS,
    context,
    parse_rdf,
    read_rdf,
    to_rdf,
    write_rdf,
)
from diplograph.rdf.mapping import graph_names, to_triples
from diplograph.resources import bundled_data, shipped

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

HERE = Path(__file__).resolve().parent
SMALL = HERE / "data" / "rdf" / "small"
GOLDEN = HERE / "data" / "golden" / "small.ttl"

RDFLIB_FORMAT = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "rdfxml": "xml",
}
QUAD_FORMATS = ("nquads", "trig", "jsonld")


def _rdflib_term(term: object) -> rdflib.term.Node:
    """A pyoxigraph term as an rdflib term, built field by field (no serializer involved)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    dt = term.datatype.value
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt))


HAS_SOURCE = "http://www.w3.org/ns/oa#hasSource"


def expected_graph(records: list[Record], source: str | None = None) -> rdflib.Graph:
    """The mapping's triples, straight from ``to_triples``, as an rdflib graph.

    With ``source``, the graph of that source: each record's triples without
    the evidence nodes (their selectors, and the links to them) that cite
    another source.
    """
    g = rdflib.Graph()
    for record in records:
        triples = to_triples(record)
        other = {
            t.subject.value
            for t in triples
            if source is not None and t.predicate.value == HAS_SOURCE and t.object.value != source
        }

        def foreign(node: object, other: set[str] = other) -> bool:
            value = getattr(node, "value", "")
            return any(value == e or value.startswith(f"{e}-") for e in other)

        for t in triples:
            if foreign(t.subject) or foreign(t.object):
                continue
            g.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))
    return g


def expected_graphs(kg: KnowledgeGraph) -> dict[str | None, rdflib.Graph]:
    """Named graph IRI (None: default graph) -> the triples that belong in it."""
    members: dict[str | None, list[Record]] = {}
    for record in kg.records():
        for name in graph_names(record) or [None]:
            members.setdefault(name, []).append(record)
    return {name: expected_graph(records, name) for name, records in members.items()}


def assert_isomorphic(got: rdflib.Graph, want: rdflib.Graph, what: str) -> None:
    if isomorphic(got, want):
        return
    _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
    extra = sorted(only_got.serialize(format="nt").splitlines())[:5]
    missing = sorted(only_want.serialize(format="nt").splitlines())[:5]
    pytest.fail(f"{what}: not isomorphic\nextra: {extra}\nmissing: {missing}")


def rdflib_graphs(text: str, fmt: str) -> dict[str | None, rdflib.Graph]:
    """Parse with rdflib; graphs by name (None: the default graph)."""
    out: dict[str | None, rdflib.Graph] = {}
    if fmt not in QUAD_FORMATS:
        out[None] = rdflib.Graph().parse(data=text, format=RDFLIB_FORMAT[fmt])
        return out
    ds = rdflib.Dataset()
    ds.parse(data=text, format=RDFLIB_FORMAT[fmt])
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = None if g is None or g == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(g)
        out.setdefault(name, rdflib.Graph()).add((s, p, o))
    return out


def pyoxigraph_graphs(text: str, fmt: str) -> dict[str | None, rdflib.Graph]:
    out: dict[str | None, rdflib.Graph] = {}
    for q in ox.parse(text.encode("utf-8"), FORMATS[fmt]):
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.setdefault(name, rdflib.Graph()).add(
            (_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object))
        )
    return out


@pytest.fixture(scope="module")
def exports(korea: KnowledgeGraph) -> dict[str, str]:
    return {fmt: to_rdf(korea, format=fmt) for fmt in FORMATS}


# -- independent parsers -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdflib_reads_every_export_as_the_mapping_says(
    fmt: str, korea: KnowledgeGraph, exports: dict[str, str]
) -> None:
    got = rdflib_graphs(exports[fmt], fmt)
    if fmt in QUAD_FORMATS:
        want = expected_graphs(korea)
        assert set(got) == set(want)
        for name in want:
            assert_isomorphic(got[name], want[name], f"{fmt} graph {name}")
    else:
        assert_isomorphic(got[None], expected_graph(list(korea.records())), fmt)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_pyoxigraph_reads_every_export_as_the_mapping_says(
    fmt: str, korea: KnowledgeGraph, exports: dict[str, str]
) -> None:
    got = pyoxigraph_graphs(exports[fmt], fmt)
    want = (
        expected_graphs(korea)
        if fmt in QUAD_FORMATS
        else {None: expected_graph(list(korea.records()))}
    )
    assert set(got) == set(want)
    for name in want:
        assert_isomorphic(got[name], want[name], f"{fmt} graph {name}")


def test_one_named_graph_per_cited_source(korea: KnowledgeGraph, exports: dict[str, str]) -> None:
    graphs = rdflib_graphs(exports["trig"], "trig")
    cited = {ev.source for _, ev in korea.evidence()}
    base = "https://w3id.org/diplograph/id/source/"
    assert {name for name in graphs if name is not None} == {base + s for s in cited}
    # what a source says: the Panmunjom meeting is in the seed article's graph
    article = graphs[base + "seoul-hopes-2019-07-01"]
    event = rdflib.URIRef("https://w3id.org/diplograph/id/event/panmunjom-meeting-2019")
    assert (
        event,
        rdflib.RDF.type,
        rdflib.URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"),
    ) in article


def test_a_source_graph_holds_only_that_sources_evidence(exports: dict[str, str]) -> None:
    """In the Korea TriG, every evidence node, quote and link in a source's graph cites it."""
    graphs = rdflib_graphs(exports["trig"], "trig")
    oa = rdflib.Namespace("http://www.w3.org/ns/oa#")
    dg = rdflib.Namespace("https://w3id.org/diplograph/ontology#")
    hanoi = rdflib.URIRef("https://w3id.org/diplograph/id/event/hanoi-summit-2019")
    wiki = "https://w3id.org/diplograph/id/source/wikipedia-hanoi-summit"
    seoul = "https://w3id.org/diplograph/id/source/seoul-hopes-2019-07-01"
    # the summit rests on both sources, with its quotes from each in that source's graph only
    for name in (wiki, seoul):
        assert (hanoi, rdflib.RDF.type, None) in graphs[name]
    quotes = {name: set(graphs[name].objects(None, oa.exact)) for name in (wiki, seoul)}
    assert quotes[seoul] and not quotes[seoul] & quotes[wiki]
    checked = 0
    for name, g in graphs.items():
        if name is None:
            assert not list(g.subjects(rdflib.RDF.type, dg.Evidence))
            continue
        for _record, node in g.subject_objects(dg.evidence):
            assert list(g.objects(node, oa.hasSource)) == [rdflib.URIRef(name)], (name, node)
            checked += 1
        for node in g.subjects(rdflib.RDF.type, dg.Evidence):
            assert (None, dg.evidence, node) in g
            for selector in g.objects(node, oa.hasSelector):
                assert (selector, rdflib.RDF.type, None) in g
        for selector in g.subjects(oa.exact, None):
            assert (None, oa.hasSelector, selector) in g, (name, selector)
    assert checked > 50


@pytest.fixture(scope="module")
def rapper() -> str:
    found = shutil.which("rapper")
    if found is None:
        pytest.skip("rapper is absent: apt-get install raptor2-utils (.ci/setup-system does)")
    return found


@pytest.mark.parametrize(
    ("fmt", "rapper_in", "rapper_out"),
    [
        ("turtle", "turtle", "ntriples"),
        ("ntriples", "ntriples", "ntriples"),
        ("trig", "trig", "nquads"),
        ("nquads", "nquads", "nquads"),
        ("rdfxml", "rdfxml", "ntriples"),
    ],
)
def test_rapper_reads_the_exports_as_the_mapping_says(
    rapper: str,
    tmp_path: Path,
    fmt: str,
    rapper_in: str,
    rapper_out: str,
    korea: KnowledgeGraph,
    exports: dict[str, str],
) -> None:
    path = tmp_path / f"korea.{fmt}"
    path.write_text(exports[fmt], encoding="utf-8")
    done = subprocess.run(
        [rapper, "-q", "-i", rapper_in, "-o", rapper_out, str(path)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    got = rdflib_graphs(
        done.stdout.decode("utf-8"), "nquads" if rapper_out == "nquads" else "ntriples"
    )
    if fmt in QUAD_FORMATS:
        want = expected_graphs(korea)
        assert set(got) == set(want)
        for name in want:
            assert_isomorphic(got[name], want[name], f"rapper {fmt} graph {name}")
    else:
        assert_isomorphic(got[None], expected_graph(list(korea.records())), f"rapper {fmt}")


def test_rdf_written_by_rdflib_reads_back(korea: KnowledgeGraph) -> None:
    g = expected_graph(list(korea.records()))
    for fmt, rdflib_fmt in (("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")):
        text = g.serialize(format=rdflib_fmt)
        assert parse_rdf(text, format=fmt) == korea, fmt


# -- stable, readable Turtle ---------------------------------------------------------------


def test_turtle_is_byte_stable_and_groups_subjects(korea: KnowledgeGraph) -> None:
    text = to_rdf(korea, format="turtle")
    assert to_rdf(KnowledgeGraph.from_records(reversed(list(korea.records())))) == text
    lines = text.splitlines()
    prefixes = [line for line in lines if line.startswith("@prefix ")]
    assert prefixes[0] == "@prefix dg: <https://w3id.org/diplograph/ontology#> ."
    for name in ("sem", "schema", "prov", "oa", "org", "event", "actor"):
        assert any(line.startswith(f"@prefix {name}: ") for line in prefixes), name
    subjects = [
        line.split(" ", 1)[0]
        for line in lines
        if line and not line[0].isspace() and not line.startswith("@")
    ]
    assert len(subjects) == len(set(subjects)), "a subject is written in two places"
    assert "event:hanoi-summit-2019" in subjects
    # every statement is followed by a blank line, except the last
    assert "\n\nevent:hanoi-summit-2019 a sem:Event , schema:Event ;\n" in text
    assert not text.endswith("\n\n")


def test_golden_turtle_of_a_small_dataset(update_goldens: bool) -> None:
    text = to_rdf(load(SMALL), format="turtle")
    if update_goldens:
        GOLDEN.write_text(text, encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            want.splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=str(GOLDEN),
            tofile="to_rdf(small)",
        )
    )
    assert text == want, (
        f"the Turtle differs from the golden file (pytest --update-goldens):\n{diff}"
    )


def test_turtle_written_by_0_1_reads_back_the_same_records() -> None:
    """0.1's golden Turtle (string publisher and language, schema:startDate on posts,
    derivation on records, OWL-Time) still reads back as the records it was written from."""
    old = Path(__file__).parent / "data" / "rdf" / "small-0.1.ttl"
    assert "schema:startDate" in old.read_text(encoding="utf-8")
    assert read_rdf(old) == load(SMALL)


# -- JSON-LD -------------------------------------------------------------------------------


def test_jsonld_is_compact_with_the_shipped_context(exports: dict[str, str]) -> None:
    doc = json.loads(exports["jsonld"])
    shipped_context = json.loads((shipped("ontology") / "context.jsonld").read_text())["@context"]
    assert doc["@context"] == shipped_context == context()

    def keys(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for k, v in node.items():
                yield k
                yield from keys(v)
        elif isinstance(node, list):
            for item in node:
                yield from keys(item)

    used = set(keys(doc["@graph"]))
    full_iris = sorted(k for k in used if "://" in k)
    assert not full_iris, f"predicates written as full IRIs: {full_iris}"
    assert {"label", "eventType", "hasActor", "hasRole", "begin", "edtf"} <= used
    nodes = [n for top in doc["@graph"] for n in top.get("@graph", [top])]
    event = next(n for n in nodes if n["@id"] == "event:hanoi-summit-2019")
    assert event["eventType"] == "et:summit"
    assert event["earliestBegin"] == "2019-02-27"


def test_jsonld_naming_the_published_context_reads_the_shipped_copy(korea: KnowledgeGraph) -> None:
    doc = json.loads(to_rdf(korea, format="jsonld"))
    doc["@context"] = CONTEXT_URL
    assert parse_rdf(json.dumps(doc), format="jsonld") == korea


def test_jsonld_never_fetches_a_remote_context() -> None:
    doc = {"@context": "http://127.0.0.1:9/context.jsonld", "@id": "x:a", "x:b": "c"}
    with pytest.raises(RDFError, match="remote @context, which is never fetched"):
        parse_rdf(json.dumps(doc), format="jsonld")
    nested = {"@context": {"x": "http://x/"}, "@graph": [{"@context": ["http://a/b.jsonld"]}]}
    with pytest.raises(RDFError, match="never fetched"):
        parse_rdf(json.dumps(nested), format="jsonld")
    imported = {"@context": {"@version": 1.1, "@import": "http://127.0.0.1:9/c.jsonld"}}
    with pytest.raises(RDFError, match="imports a remote context, which is never fetched"):
        parse_rdf(json.dumps(imported), format="jsonld")


# -- files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_write_then_read_every_format(tmp_path: Path, fmt: str, korea: KnowledgeGraph) -> None:
    ext = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld"}
    ext["rdfxml"] = "rdf"
    path = write_rdf(korea, tmp_path / f"korea.{ext[fmt]}")
    assert read_rdf(path) == korea
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.ttl"
    path.write_text("old", encoding="utf-8")

    def records() -> Iterator[Record]:
        yield Actor(id="a", kind="state", name="A")
        raise RuntimeError("the source of records failed")

    with pytest.raises(RuntimeError):
        write_rdf(records(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_a_stream_of_records_is_written_as_it_comes(tmp_path: Path, korea: KnowledgeGraph) -> None:
    path = write_rdf(iter(list(korea.records())), tmp_path / "korea.trig")
    assert read_rdf(path) == korea


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("<a:b> <a:c> .", "turtle", ":1: not valid turtle: "),
        ('<x:a> <x:b> "c" .', "ntriples", ": no diplograph records found"),
        ("{not json", "jsonld", ": not JSON: "),
    ],
)
def test_unreadable_rdf_names_the_file(tmp_path: Path, text: str, fmt: str, message: str) -> None:
    path = tmp_path / "korea.ttl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RDFError) as info:
        read_rdf(path, format=fmt)
    assert str(info.value).startswith(f"{path}{message}")


def test_an_unknown_extension_asks_for_the_format() -> None:
    with pytest.raises(RDFError, match=r"cannot tell the RDF format of 'korea\.xml'"):
        read_rdf("korea.xml")
    with pytest.raises(RDFError, match=r"format must be one of turtle, .* \(got 'xml'\)"):
        to_rdf([], format="xml")


# -- CLI -----------------------------------------------------------------------------------


def test_export_lists_the_rdf_formats_first() -> None:
    assert formats()[:6] == list(FORMATS)
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    assert "[turtle|ntriples|nquads|trig|jsonld" in result.output


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_cli_export_writes_each_format(tmp_path: Path, fmt: str, korea: KnowledgeGraph) -> None:
    out = tmp_path / "korea.out"
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert parse_rdf(out.read_bytes(), format=fmt) == korea


def test_cli_export_to_stdout(korea: KnowledgeGraph) -> None:
    result = CliRunner().invoke(cli, ["export", "-f", "ntriples", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes == to_rdf(korea, format="ntriples").encode("utf-8")


def test_the_owl_time_profile_adds_intervals_and_still_reads_back(
    tmp_path: Path, korea: KnowledgeGraph
) -> None:
    time = "http://www.w3.org/2006/time#"
    plain = to_rdf(korea, format="trig")
    assert time + "Interval" not in plain and "time:Interval" not in plain
    text = to_rdf(korea, format="trig", profile="owl-time")
    g = rdflib.Dataset(default_union=True)
    g.parse(data=text, format="trig")
    hanoi = rdflib.URIRef("https://w3id.org/diplograph/id/event/hanoi-summit-2019")
    (interval,) = set(g.objects(hanoi, rdflib.URIRef(time + "hasTime")))
    (begin,) = set(g.objects(interval, rdflib.URIRef(time + "hasBeginning")))
    days = set(g.objects(begin, rdflib.URIRef(time + "inXSDDate")))
    assert days == {rdflib.Literal("2019-02-27", datatype=rdflib.XSD.date)}
    assert parse_rdf(text, format="trig") == korea
    out = tmp_path / "korea.ttl"
    result = CliRunner().invoke(cli, ["export", "--owl-time", "-f", "turtle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "time:Interval" in out.read_text() and parse_rdf(out.read_bytes()) == korea
    result = CliRunner().invoke(cli, ["export", "--owl-time", "-f", "jsonld", "-o", "-"])
    assert result.exit_code == 1
    assert "--owl-time needs --format turtle" in result.output
    with pytest.raises(RDFError, match="profile must be one of default, owl-time"):
        to_rdf(korea, profile="owl")


def test_cli_import_gives_back_the_yaml_folder(tmp_path: Path, korea: KnowledgeGraph) -> None:
    rdf = write_rdf(korea, tmp_path / "korea.jsonld")
    result = CliRunner().invoke(cli, ["import", "rdf", str(rdf), "-o", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote 5 file(s) to {tmp_path / 'data'}: 11 sources")
    for kind in RECORD_KINDS:
        if kind == "reports":  # the curated dataset has none, and none are written
            assert not (tmp_path / "data" / "reports.yaml").exists()
            continue
        original = (bundled_data() / f"{kind}.yaml").read_text(encoding="utf-8")
        assert (tmp_path / "data" / f"{kind}.yaml").read_text(encoding="utf-8") == original
        assert dumps_kind(korea, kind) == original


def _invoke_import(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", "rdf", *args])
    return result.exit_code, result.stderr


def test_cli_import_errors_are_one_line(tmp_path: Path, korea: KnowledgeGraph) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a:b> <a:c> .\n", encoding="utf-8")
    code, err = _invoke_import([str(bad), "-o", str(tmp_path / "d")])
    assert code == 1
    assert err.startswith(f"Error: {bad}:1: not valid turtle: ")

    # a record that names one the file does not hold
    partial = tmp_path / "partial.nt"
    events = [korea.events["hanoi-summit-2019"]]
    partial.write_text(to_rdf(events, format="ntriples"), encoding="utf-8")
    code, err = _invoke_import([str(partial), "-o", str(tmp_path / "d")])
    assert code == 1
    assert err == (
        f"Error: {partial}: a record names one that is not in the file: place: no place has id "
        "'hanoi' (named by event 'hanoi-summit-2019') (and 7 more)\n"
    )

    # a folder that already holds records is not overwritten by accident
    folder = tmp_path / "full"
    folder.mkdir()
    (folder / "events.yaml").write_text("events: []\n", encoding="utf-8")
    good = write_rdf(korea, tmp_path / "korea.ttl")
    code, err = _invoke_import([str(good), "-o", str(folder)])
    assert (code, err) == (
        1,
        f"Error: {folder} already holds YAML files; choose an empty folder or pass --force\n",
    )
    code, _ = _invoke_import([str(good), "-o", str(folder), "--force"])
    assert code == 0
    assert load(folder) == korea

    code, err = _invoke_import([str(tmp_path / "missing.ttl"), "-o", str(folder)])
    assert code == 1
    assert err.startswith("Error: No such file or directory")


def test_cli_import_reads_stdin_with_a_format(tmp_path: Path, korea: KnowledgeGraph) -> None:
    text = to_rdf(korea, format="nquads")
    out = tmp_path / "data"
    result = CliRunner().invoke(
        cli, ["import", "rdf", "-", "-f", "nquads", "-o", str(out)], input=text
    )
    assert result.exit_code == 0, result.output
    assert load(out) == korea
    result = CliRunner().invoke(cli, ["import", "rdf", "-", "-o", str(out)], input=text)
    assert result.exit_code == 1
    assert result.stderr == "Error: reading RDF from stdin needs --format\n"
