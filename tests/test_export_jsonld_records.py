"""The JSON-LD records variant: plain JSON for web pages, the same triples as the RDF export."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from pyld import jsonld

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.export import format_for, serialize, write
from diplograph.kg import KnowledgeGraph
from diplograph.rdf import to_rdf

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("decimal", "double", "integer", "nonNegativeInteger")}


def _triples(nquads: str) -> set[tuple[str, str, str]]:
    """The triples of N-Quads text, graphs dropped, numbers compared by value."""
    out = set()
    for q in ox.parse(nquads.encode(), ox.RdfFormat.N_QUADS):
        o = q.object
        if isinstance(o, ox.Literal) and o.datatype.value in _NUMERIC:
            text = f"{Decimal(o.value).normalize()}^^{o.datatype.value}"
        else:
            text = str(o)
        out.add((str(q.subject), str(q.predicate), text))
    return out


@pytest.fixture(scope="module")
def records_doc(korea: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("jl") / "korea.records.jsonld"
    assert format_for(path) == "jsonld-records"
    return json.loads(write(korea, path).read_text(encoding="utf-8"))


def test_expansion_gives_the_triples_of_the_graph_faithful_export(
    korea: KnowledgeGraph, records_doc: dict
) -> None:
    expanded = jsonld.to_rdf(records_doc, {"format": "application/n-quads"})
    faithful = _triples(to_rdf(korea, format="nquads"))
    assert _triples(expanded) == faithful
    # a second processor, pyoxigraph's, reads the same triples
    text = json.dumps(records_doc).encode()
    quads = ox.serialize(ox.parse(text, ox.RdfFormat.JSON_LD), format=ox.RdfFormat.N_QUADS)
    assert _triples(quads.decode()) == faithful
    # and the graph-faithful JSON-LD, expanded by the same independent processor, agrees
    compact = json.loads(to_rdf(korea, format="jsonld"))
    assert _triples(jsonld.to_rdf(compact, {"format": "application/n-quads"})) == faithful


def test_one_plain_object_per_record(korea: KnowledgeGraph, records_doc: dict) -> None:
    ctx = records_doc["@context"]
    assert ctx["id"] == "@id" and ctx["type"]["@id"] == "@type"
    ids = [r["id"] for r in records_doc["@graph"]]
    assert len(ids) == len(set(ids)) == len(korea)  # no copy per source graph
    by_id = {r["id"]: r for r in records_doc["@graph"]}
    hanoi = by_id["event:hanoi-summit-2019"]
    # participants and evidence nested, with their actors and selectors
    assert [r["value"] for r in hanoi["hasRole"]] == ["actor:donald-trump", "actor:kim-jong-un"]
    assert all(r["roleType"] == "role:attendee" for r in hanoi["hasRole"])
    position = hanoi["evidence"][0]["hasSelector"][1]
    assert position["type"] == ["oa:TextPositionSelector"]
    assert (
        isinstance(position["startOffset"], int) and position["startOffset"] < position["endOffset"]
    )
    # numbers as numbers
    assert by_id["place:kusong"]["lat"] == pytest.approx(39.98)
    # dates: plain strings, each at its precision under its own name, never a value object
    assert (hanoi["begin"], hanoi["end"], hanoi["edtf"]) == (
        "2019-02-27",
        "2019-02-28",
        "2019-02-27/2019-02-28",
    )
    month = by_id["event:missile-tests-2019-05"]
    assert (month["beginMonth"], month["endMonth"], month["earliestBegin"]) == (
        "2019-05",
        "2019-05",
        "2019-05-01",
    )
    assert "begin" not in month

    def values(node: object) -> list[object]:
        if isinstance(node, dict):
            return [node, *(v for x in node.values() for v in values(x))]
        if isinstance(node, list):
            return [v for x in node for v in values(x)]
        return [node]

    assert not [v for v in values(records_doc["@graph"]) if isinstance(v, dict) and "@value" in v]
    # nested nodes are not repeated at the top
    assert not [i for i in ids if "#" in i]


def test_cli_writes_records_to_stdout_and_file(tmp_path: Path) -> None:
    runner = CliRunner()
    data = ["--data", str(bundled_data())]
    result = runner.invoke(cli, [*data, "export", "--format", "jsonld-records"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["@graph"][0]["id"].startswith("source:")
    out = tmp_path / "web.records.jsonld"
    result = runner.invoke(cli, [*data, "export", "-f", "jsonld-records", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == doc


def test_records_honour_the_base(korea: KnowledgeGraph) -> None:
    import io

    buf = io.BytesIO()
    serialize(korea, buf, format="jsonld-records", base="https://example.org/kb/")
    doc = json.loads(buf.getvalue())
    assert doc["@graph"][0]["id"] == "https://example.org/kb/source/csis-dprk-provocations"
