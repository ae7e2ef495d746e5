"""The query commands: load, events, meetings, statements, actor, sparql."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from diplograph import bundled_data
from diplograph.cli import cli

DATA = ["--data", str(bundled_data())]


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [*DATA, *args], input=input)


def _lines(result: Result) -> list[str]:
    return result.stdout.splitlines()[2:]  # after the header and the rule


def test_meetings_trump_kim_table() -> None:
    result = run("meetings", "Trump", "Kim Jong Un")
    assert result.exit_code == 0, result.output
    rows = _lines(result)
    assert [r.split()[:2] for r in rows] == [
        ["1st", "2018-06-12"],
        ["2nd", "2019-02-27/2019-02-28"],
        ["3rd", "2019-06-30"],
    ]
    assert "Singapore" in rows[0] and "Hanoi" in rows[1] and "Panmunjom" in rows[2]


def test_meetings_moon_kim_json_and_any_role() -> None:
    result = run("meetings", "Moon", "Kim", "--json")
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert [(m["ordinal_text"], m["id"]) for m in got] == [
        ("1st", "inter-korean-summit-2018-04-27"),
        ("2nd", "inter-korean-summit-2018-05-26"),
        ("3rd", "inter-korean-summit-2018-09"),
    ]
    assert got[2]["time"] == "2018-09-18/2018-09-20"
    assert got[2]["time_earliest"] == "2018-09-18"
    assert "accompanying" not in result.stdout
    any_role = run("meetings", "Moon", "Kim", "--any-role")
    assert any_role.exit_code == 0
    june = [r for r in _lines(any_role) if "2019-06-30" in r]
    assert len(june) == 1 and june[0].startswith("-") and "Moon Jae-in: accompanying" in june[0]


def test_statements_about_hanoi() -> None:
    result = run("statements", "--about", "Hanoi")
    assert result.exit_code == 0, result.output
    assert "Lee Sang-min" in result.stdout
    assert "“Inter-Korean relations have been at a lull since the Hanoi summit”" in result.stdout
    assert "Seoul hopes Trump-Kim meeting helps inter-Korean engagement" in result.stdout
    as_json = json.loads(run("statements", "--about", "Hanoi", "--json").stdout)
    assert {s["speaker"] for s in as_json} == {"lee-sang-min", "united-states"}


def test_events_filters_and_fit_column() -> None:
    result = run("events", "--actor", "Trump", "--actor", "Kim", "--from", "2019-02-28")
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header[:3] == ["DATE", "FIT", "TYPE"]
    rows = _lines(result)
    assert rows[0].split()[:2] == ["2019-02-27/2019-02-28", "overlaps"]
    assert all(r.split()[1] == "within" for r in rows[1:])
    got = json.loads(run("events", "--type", "missile_test", "--to", "2019-05-04", "--json").stdout)
    assert [(e["id"], e["fit"]) for e in got] == [
        ("missile-tests-2019-05", "overlaps"),
    ]
    assert [(e["id"], e["fit"]) for e in got[0]["parts"]] == [("missile-test-2019-05-04", "within")]


def test_actor_dossier() -> None:
    result = run("actor", "Lee Sang-min")
    assert result.exit_code == 0, result.output
    assert "Spokesman, Ministry of Unification" in result.stdout
    assert "Inter-Korean relations have been at a lull since the Hanoi summit" in result.stdout
    got = json.loads(run("actor", "Kim", "--json").stdout)
    assert got["id"] == "kim-jong-un"
    assert {c["actor"] for c in got["counterparts"][:2]} == {"donald-trump", "moon-jae-in"}
    assert [e["id"] for e in got["events_by_role"]["guest"]] == ["inter-korean-summit-2018-04-27"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["meetings", "Trump", "Kimm"], "Error: no actor is called 'Kimm'; did you mean Kim?"),
        (
            ["events", "--actor", 'Nobody" } UNION { ?s ?p ?o } #'],
            "Error: no actor is called 'Nobody\" } UNION { ?s ?p ?o } #'",
        ),
        (
            ["statements", "--about", "Atlantis"],
            "Error: no actor, place or event is called 'Atlantis'",
        ),
        (["events", "--type", "picnic"], "Error: event type must be one of summit,"),
        (["events", "--from", "2019-13"], "Error: impossible date: month must be 01 to 12"),
        (["events", "--place", "Atlantis"], "Error: no place is called 'Atlantis'"),
        (["load"], "Error: say where to load the data: --store PATH or --endpoint URL"),
        (
            ["load", "--store", "/tmp/x", "--graph-store", "http://h/store"],
            "Error: --graph-store goes with --endpoint (got 'http://h/store' without it)",
        ),
        (["sparql"], "Error: give the query as FILE or -e QUERY, one of the two (got neither)"),
        (["sparql", "-e", "SELECT ?x WHERE {"], "Error: invalid SPARQL:"),
        (["meetings", "Moon", "Kim", "--store", "/nonexistent/db"], "Error: no store at /nonexist"),
        (["statements", "--about", "Trump-Kim"], "Error: 'Trump-Kim' names more than one event:"),
    ],
)
def test_errors_are_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.output


def test_punctuation_in_a_name_cannot_change_the_query() -> None:
    # names match with punctuation folded away, so this is Kim Jong Un, and nothing more
    nasty = run("events", "--actor", 'Kim" } . #', "--json", "--parts")
    plain = run("events", "--actor", "Kim Jong Un", "--json", "--parts")
    assert nasty.exit_code == 0, nasty.output
    assert json.loads(nasty.stdout) == json.loads(plain.stdout)
    assert len(json.loads(plain.stdout)) == 8


def test_sparql_formats(tmp_path: Path) -> None:
    q = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?id ?label WHERE { ?e <http://purl.org/dc/terms/identifier> ?id ; "
        "rdfs:label ?label ; <http://semanticweb.cs.vu.nl/2009/11/sem/eventType> ?t } "
        "ORDER BY ?id LIMIT 2"
    )
    table = run("sparql", "-e", q)
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[0].split() == ["id", "label"]
    assert "armistice-1953" in table.stdout
    rows = list(csv.reader(io.StringIO(run("sparql", "-e", q, "--format", "csv").stdout)))
    assert rows[0] == ["id", "label"] and rows[1][0] == "armistice-1953"
    tsv = run("sparql", "-e", q, "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "?id\t?label" and tsv[1].startswith('"armistice-1953"\t')
    doc = json.loads(run("sparql", "-e", q, "--format", "json").stdout)
    assert doc["head"]["vars"] == ["id", "label"]
    assert doc["results"]["bindings"][0]["id"] == {"type": "literal", "value": "armistice-1953"}
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert run("sparql", str(path)).stdout == "true\n"
    assert run("sparql", "-", input="ASK { <x:a> <x:b> <x:c> }").stdout == "false\n"


def test_shipped_template_runs_from_the_command_line() -> None:
    from diplograph.resources import shipped

    result = run("sparql", str(shipped("queries") / "meetings.rq"), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "event,edtf,earliest,latest,roleA,roleB"


def test_load_store_twice_then_query_it(tmp_path: Path) -> None:
    db = tmp_path / "db"
    first = run("load", "--store", str(db))
    assert first.exit_code == 0, first.output
    assert " 0 new quads" not in first.stdout
    second = run("load", "--store", str(db))
    assert second.exit_code == 0
    assert ": 0 new quads" in second.stdout
    total = first.stdout.rsplit(",", 1)[1]
    assert second.stdout.rsplit(",", 1)[1] == total
    on_disk = run("meetings", "Trump", "Kim", "--store", str(db), "--json")
    in_memory = run("meetings", "Trump", "Kim", "--json")
    assert on_disk.exit_code == 0, on_disk.output
    assert json.loads(on_disk.stdout) == json.loads(in_memory.stdout)


def test_load_endpoint_then_query_it(oxigraph_server: str) -> None:
    req = urllib.request.Request(
        oxigraph_server + "/update",
        data=b"CLEAR ALL",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    urllib.request.urlopen(req, timeout=10).close()
    first = run("load", "--endpoint", oxigraph_server)
    assert first.exit_code == 0, first.output
    second = run(
        "load",
        "--endpoint",
        oxigraph_server + "/query",
        "--graph-store",
        oxigraph_server + "/store",
    )
    assert ": 0 new quads" in second.stdout
    remote = run("statements", "--about", "Hanoi", "--endpoint", oxigraph_server, "--json")
    local = run("statements", "--about", "Hanoi", "--json")
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout)
