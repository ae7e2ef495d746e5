"""The graph commands: path, ego, co-participation, centrality, network, export to GraphML."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from diplograph.cli import cli
from diplograph.graph import DEFAULT_THROUGH, NodeKind, from_networkx
from diplograph.kg import KnowledgeGraph

XSD = Path(__file__).parent / "data" / "graphml" / "graphml-structure-subset.xsd"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_path_prints_the_chain() -> None:
    code, out, _ = run("path", "Lee Sang-min", "Kim Jong Un")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Lee Sang-min to Kim Jong Un: 3 links"
    assert lines[1].startswith("actor") and lines[1].endswith("Lee Sang-min [lee-sang-min]")
    assert lines[2].strip() == "--said-->"
    assert '"Inter-Korean relations have been at a lull since the Hanoi summit"' in lines[3]
    assert "2019-07-01" in lines[3]
    assert lines[4].strip() == "--about-->"
    assert lines[5].startswith("summit") and "2019-02-27/2019-02-28" in lines[5]
    assert lines[6].strip() == "<--participated (attendee)--"
    assert lines[7].endswith("Kim Jong Un [kim-jong-un]")
    assert lines[8] == "sources: seoul-hopes-2019-07-01, wikipedia-hanoi-summit"


def test_path_json() -> None:
    code, out, _ = run("path", "Lee Sang-min", "Kim Jong Un", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["from"], data["to"], data["links"]) == (
        "actor:lee-sang-min",
        "actor:kim-jong-un",
        3,
    )
    assert [s["id"] for s in data["steps"]] == [
        "lee-sang-min",
        "lee-lull-since-hanoi",
        "hanoi-summit-2019",
        "kim-jong-un",
    ]
    assert data["steps"][3]["role"] == "attendee"
    assert data["steps"][3]["forward"] is False


def test_path_through_other_kinds() -> None:
    code, out, err = run("path", "Lee Sang-min", "Kim Jong Un", "--through", "source")
    assert code == 1
    assert err.startswith("Error: 'Lee Sang-min' is a node of kind actor")
    args = ["path", "Lee Sang-min", "Kim Jong Un", "--through", "actor", "--through", "source"]
    code, out, _ = run(*args, "--json")
    assert code == 0
    assert [s["kind"] for s in json.loads(out)["steps"]] == ["actor", "source", "actor"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["path", "Nobody", "Kim"], "Error: no actor or event is called 'Nobody'"),
        (["path", "Kim Jong Um", "Trump"], "Error: no actor or event is called 'Kim Jong Um'"),
        (["path", "Panmunjom", "Kim"], "Error: 'Panmunjom' names more than one event"),
        (["path", "China", "Lee Sang-min", "--through", "actor"], "Error: no connection"),
        (["ego", "Nobody"], "Error: no actor or event is called 'Nobody'"),
        (["ego", "Kim", "--radius", "-1"], "Error: the radius must be 0 or more (got -1)"),
        (["co-participation", "--from", "2019-13"], "Error: impossible date"),
        (["co-participation", "--from", "2019-06", "--to", "2019-05"], "Error: the date window"),
        (["centrality", "--from", "June"], "Error: not a date"),
        (["network", "-o", "x.graphml", "--principal"], "Error: --principal goes with"),
    ],
)
def test_bad_input_is_one_error_line(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert list(tmp_path.iterdir()) == []  # nothing written
    assert lines[0].startswith(message), lines[0]
    assert "Traceback" not in result.output


def test_ego_table_and_json() -> None:
    code, out, _ = run("ego", "Lee Sang-min", "--radius", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Lee Sang-min, radius 2: 11 nodes, 16 edges"
    assert lines[1].split() == ["STEPS", "KIND", "DATE", "NAME", "ID"]
    assert lines[3].split()[0] == "0" and lines[3].endswith("lee-sang-min")
    assert sum(1 for line in lines[3:] if line.startswith("2 ")) == 5
    code, out, _ = run("ego", "Lee Sang-min", "--radius", "1", "--json")
    data = json.loads(out)
    assert data["center"] == "actor:lee-sang-min"
    assert {n["node"] for n in data["nodes"] if n["distance"] == 1} == {
        "actor:unification-ministry",
        "event:unification-ministry-briefing-2019-07-01",
        "statement:lee-lull-since-hanoi",
        "statement:lee-new-life",
        "statement:lee-virtuous-cycle",
    }
    assert {
        "source": "actor:lee-sang-min",
        "target": "statement:lee-new-life",
        "relation": "said",
        "role": None,
    } in data["edges"]


def test_co_participation_table() -> None:
    code, out, _ = run("co-participation")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ACTOR", "ACTOR", "EVENTS", "EVENT", "IDS"]
    assert lines[2].split()[:5] == ["Donald", "Trump", "Kim", "Jong", "Un"]
    assert lines[2].split()[5] == "5"
    code, out, _ = run("co-participation", "--from", "2019-02-28")
    lines = out.splitlines()
    assert "WITHIN" in lines[0]
    assert lines[2].split()[5:7] == ["3", "2"]


def test_co_participation_json_principal_and_min_weight() -> None:
    code, out, _ = run("co-participation", "--principal", "--json")
    assert code == 0
    pairs = {(p["a"], p["b"]): p for p in json.loads(out)}
    assert pairs[("kim-jong-un", "moon-jae-in")]["weight"] == 3
    assert ("donald-trump", "moon-jae-in") not in pairs
    code, out, _ = run("co-participation", "--min-weight", "2", "--json")
    assert {(p["a"], p["b"]) for p in json.loads(out)} == {
        ("donald-trump", "kim-jong-un"),
        ("kim-jong-un", "moon-jae-in"),
        ("donald-trump", "moon-jae-in"),
    }
    code, out, err = run("co-participation", "--from", "2030")
    assert (code, out, err) == (0, "", "(no pairs)\n")


def test_centrality() -> None:
    code, out, _ = run("centrality", "--top", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["RANK", "DEGREE", "KIND", "NAME", "ID"]
    assert [line.split()[1] for line in lines[2:]] == ["12", "11", "8"]
    assert lines[2].endswith("kim-jong-un")
    code, out, _ = run("centrality", "--measure", "betweenness", "--kind", "event", "--json")
    ranks = json.loads(out)
    assert ranks[0]["id"] == "panmunjom-meeting-2019"
    assert {r["kind"] for r in ranks} == {"event"}
    code, out, _ = run("centrality", "--from", "2019", "--to", "2019", "--json")
    assert {r["id"]: r["score"] for r in json.loads(out)}["moon-jae-in"] == 3.0


def test_network_writes_valid_graphml_and_gexf(korea: KnowledgeGraph, tmp_path: Path) -> None:
    target = tmp_path / "out" / "korea.graphml"
    code, out, err = run("network", "--format", "graphml", "-o", str(target))
    assert code == 0
    assert (out, err) == ("", f"wrote {target}: 55 nodes, 158 edges\n")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.parse(str(target))), schema.error_log
    assert from_networkx(nx.read_graphml(target)) == korea
    co = tmp_path / "co.gexf"
    code, out, _ = run("network", "--co-participation", "--format", "gexf", "-o", str(co))
    assert code == 0
    G = nx.read_gexf(co)
    assert G.edges["actor:donald-trump", "actor:kim-jong-un"]["weight"] == 5


def test_export_knows_graphml_and_gexf(korea: KnowledgeGraph, tmp_path: Path) -> None:
    target = tmp_path / "out" / "korea.graphml"
    code, _, _ = run("export", "--format", "graphml", "-o", str(target))
    assert code == 0
    assert from_networkx(nx.read_graphml(target)) == korea
    code, out, _ = run("export", "--format", "gexf")
    assert code == 0
    (tmp_path / "korea.gexf").write_text(out)
    assert from_networkx(nx.read_gexf(tmp_path / "korea.gexf")) == korea


def test_the_cli_lists_the_kinds_the_library_knows() -> None:
    from diplograph.cli import _graph as cli_module

    assert [k.value for k in NodeKind] == cli_module._NODE_KINDS
    assert set(cli_module._DEFAULT_THROUGH) == {k.value for k in DEFAULT_THROUGH}
