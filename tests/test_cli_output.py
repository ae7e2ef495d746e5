"""CLI conventions: --csv/--tsv on every query command, --json on sparql, --quiet, --base,
network to stdout, load's help, and RDF/XML out and in with external entities never fetched."""

from __future__ import annotations

import csv
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.graph import from_networkx
from diplograph.kg import KnowledgeGraph
from diplograph.rdf import read_rdf

DATA = ["--data", str(bundled_data())]
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*DATA, *args])
    return result.exit_code, result.stdout, result.stderr


QUERIES = [
    (["events", "--actor", "Trump"], "DATE", "Trump-Kim summit in Hanoi"),
    (["meetings", "Trump", "Kim Jong Un"], "#", "Trump-Kim summit in Hanoi"),
    (["statements", "--about", "Hanoi"], "DATE", "Lee Sang-min"),
    (["actor", "Lee Sang-min"], "SECTION", "Inter-Korean relations have been at a lull"),
    (["sparql", "-e", f"SELECT ?l WHERE {{ ?e <{LABEL}> ?l }}"], "l", "Trump-Kim summit in Hanoi"),
    (["path", "Lee Sang-min", "Kim Jong Un"], "STEP", "Trump-Kim summit in Hanoi"),
    (["ego", "Lee", "--radius", "1"], "STEPS", "Lee Sang-min"),
    (["co-participation"], "ACTOR", "Kim Jong Un"),
    (["centrality", "--top", "3"], "RANK", "Kim Jong Un"),
    (["stats"], "KIND", "events"),
]


# sparql prints the W3C SPARQL results CSV and TSV (whose header names variables as ?l)
@pytest.mark.parametrize("mode", ["csv", "tsv"])
@pytest.mark.parametrize(("args", "first", "word"), QUERIES, ids=[q[0][0] for q in QUERIES])
def test_every_query_command_prints_csv_and_tsv(
    args: list[str], first: str, word: str, mode: str
) -> None:
    code, out, err = run(*args, f"--{mode}")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out), dialect="excel" if mode == "csv" else "excel-tab"))
    assert rows[0][0] == (f"?{first}" if args[0] == "sparql" and mode == "tsv" else first)
    assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)
    assert any(word in cell for r in rows[1:] for cell in r)
    assert "---" not in out  # no table rules


def test_csv_cells_keep_commas_and_quotes() -> None:
    code, out, _ = run("events", "--actor", "Trump", "--actor", "Kim", "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    hanoi = next(r for r in rows if r["EVENT"] == "Trump-Kim summit in Hanoi")
    assert hanoi["ACTORS"] == "Donald Trump, Kim Jong Un"
    assert hanoi["DATE"] == "2019-02-27/2019-02-28"


def test_output_flags_go_one_at_a_time() -> None:
    code, _, err = run("events", "--json", "--csv")
    assert code == 2 and "--json and --csv go one at a time" in err
    code, _, err = run("centrality", "--csv", "--tsv")
    assert code == 2 and "go one at a time" in err


def test_sparql_json_is_the_w3c_results_format() -> None:
    code, out, _ = run("sparql", "--json", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert code == 0
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["n"]
    assert int(doc["results"]["bindings"][0]["n"]["value"]) > 1000


def test_quiet_drops_the_notes_but_not_errors(tmp_path: Path) -> None:
    code, out, err = run("export", "-o", str(tmp_path / "k.ttl"))
    assert code == 0 and err.startswith("wrote ")
    code, out, err = run("--quiet", "export", "-o", str(tmp_path / "k.ttl"))
    assert (code, out, err) == (0, "", "")
    code, out, err = run("-q", "timeline", "-o", str(tmp_path / "t.svg"))
    assert (code, out, err) == (0, "", "")
    code, out, err = run("-q", "network", "-o", str(tmp_path / "n.graphml"))
    assert (code, out, err) == (0, "", "")
    code, _, err = run("-q", "meetings", "Trump", "Nobody at all")
    assert code == 1 and err.startswith("Error: ")


def test_network_to_stdout(
    korea: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [*DATA, "network", "--format", "graphml", "-o", "-"])
    assert result.exit_code == 0
    assert not (tmp_path / "-").exists()
    assert result.stderr == ""
    path = tmp_path / "k.graphml"
    path.write_bytes(result.stdout_bytes)
    assert from_networkx(nx.read_graphml(path)) == korea
    code, out, _ = run("network", "--co-participation", "--format", "gexf", "-o", "-")
    assert code == 0 and 'mode="dynamic"' in out


def test_export_base(tmp_path: Path) -> None:
    code, out, _ = run("export", "-f", "ntriples", "--base", "https://example.org/kb/")
    assert code == 0
    subjects = {t.subject.value for t in ox.parse(out.encode(), ox.RdfFormat.N_TRIPLES)}
    assert "https://example.org/kb/actor/kim-jong-un" in subjects
    assert not [s for s in subjects if s.startswith("https://w3id.org/diplograph/id/")]
    code, _, err = run("export", "-f", "gexf", "--base", "https://example.org/kb/")
    assert code == 1 and "a base IRI applies to the formats" in err and "'gexf'" in err


def test_load_help_describes_loading() -> None:
    code, out, _ = run("load", "--help")
    assert code == 0
    assert "Load into the on-disk store" in out and "Load into this SPARQL 1.1 endpoint" in out
    assert "Query the on-disk store" not in out and "Query this SPARQL" not in out


def test_rdfxml_out_and_back(korea: KnowledgeGraph, tmp_path: Path) -> None:
    out = tmp_path / "korea.rdf"
    code, _, _ = run("export", "-f", "rdfxml", "-o", str(out))
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert read_rdf(out) == korea
    code, stdout, err = run("import", "rdf", str(out), "-o", str(tmp_path / "back"))
    assert code == 0, err
    assert stdout.startswith("wrote 5 file(s)")


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on loopback that counts the requests it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"fetched")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", hits
    finally:
        server.shutdown()
        server.server_close()


def test_rdfxml_external_entities_are_never_fetched(
    counting_server: tuple[str, list[str]], tmp_path: Path
) -> None:
    url, hits = counting_server
    for decl in (
        f'<!ENTITY label SYSTEM "{url}/label">',
        f'<!ENTITY % remote SYSTEM "{url}/dtd"> %remote;',
        f'<!ENTITY label PUBLIC "-//x//y" "{url}/public">',
    ):
        doc = tmp_path / "evil.rdf"
        doc.write_text(
            '<?xml version="1.0"?>\n'
            f"<!DOCTYPE rdf:RDF [ {decl} ]>\n"
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
            '         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
            '  <rdf:Description rdf:about="https://example.org/a">\n'
            "    <rdfs:label>&label;</rdfs:label>\n"
            "  </rdf:Description>\n"
            "</rdf:RDF>\n",
            encoding="utf-8",
        )
        code, _, err = run("import", "rdf", str(doc), "-o", str(tmp_path / "out"))
        assert code == 1
        assert err.startswith(f"Error: {doc}:2: the RDF/XML declares the external entity")
        assert url in err and "never fetched" in err
        assert "Traceback" not in err
    assert hits == []
    # pyoxigraph on its own does not fetch either (the refusal above comes first)
    with pytest.raises(SyntaxError):
        list(ox.parse(doc.read_bytes(), ox.RdfFormat.RDF_XML))
    assert hits == []
