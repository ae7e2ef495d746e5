"""GEXF for Gephi's timeline: dynamic, dated at each record's precision, typed attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from click.testing import CliRunner
from lxml import etree

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.export.graphml import write_gexf
from diplograph.graph import co_participation
from diplograph.kg import KnowledgeGraph

NS = {"g": "http://www.gexf.net/1.2draft"}


def _types(root: etree._Element, cls: str) -> dict[str, str]:
    path = f"g:graph/g:attributes[@class='{cls}']/g:attribute"
    return {a.get("title"): a.get("type") for a in root.findall(path, NS)}


def test_full_graph_is_dynamic_at_each_records_precision(
    korea: KnowledgeGraph, tmp_path: Path
) -> None:
    root = etree.parse(str(write_gexf(korea, tmp_path / "k.gexf"))).getroot()
    graph = root.find("g:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    nodes = {n.get("id"): n for n in root.iterfind(".//g:node", NS)}
    hanoi = nodes["event:hanoi-summit-2019"]
    assert (hanoi.get("start"), hanoi.get("end")) == ("2019-02-27", "2019-02-28")
    month = nodes["event:missile-tests-2019-05"]  # dated "2019-05": spans its month
    assert (month.get("start"), month.get("end")) == ("2019-05-01", "2019-05-31")
    assert nodes["actor:kim-jong-un"].get("start") is None  # undated: always present
    # an actor's edge to an event lives when the event does; between two dated records,
    # from the first one's start to the last one's end
    edges = root.findall(".//g:edge", NS)
    to_hanoi = [
        e
        for e in edges
        if e.get("target") == "event:hanoi-summit-2019" and e.get("source").startswith("actor:")
    ]
    assert len(to_hanoi) == 2 and all(
        (e.get("start"), e.get("end")) == ("2019-02-27", "2019-02-28") for e in to_hanoi
    )
    follows = next(
        e
        for e in edges
        if (e.get("source"), e.get("target"))
        == ("event:panmunjom-meeting-2019", "event:hanoi-summit-2019")
    )
    assert (follows.get("start"), follows.get("end")) == ("2019-02-27", "2019-06-30")
    assert len({e.get("id") for e in edges}) == len(edges) == korea_edges(korea)
    edge_types = _types(root, "edge")
    assert "networkx_key" not in edge_types and "key" not in edge_types
    assert edge_types["quote_start"] == edge_types["order"] == "integer"
    assert _types(root, "node")["lat"] == "double"


def korea_edges(kg: KnowledgeGraph) -> int:
    from diplograph.graph import to_networkx

    return int(to_networkx(kg).number_of_edges())


def test_co_participation_edges_have_one_spell_per_shared_event(
    korea: KnowledgeGraph, tmp_path: Path
) -> None:
    path = write_gexf(co_participation(korea), tmp_path / "co.gexf")
    root = etree.parse(str(path)).getroot()
    assert _types(root, "node")["events"] == "integer"
    assert _types(root, "edge")["within"] == "integer"
    pair = next(
        e
        for e in root.iterfind(".//g:edge", NS)
        if {e.get("source"), e.get("target")} == {"actor:donald-trump", "actor:kim-jong-un"}
    )
    spells = [(s.get("start"), s.get("end")) for s in pair.iterfind("g:spells/g:spell", NS)]
    assert len(spells) == int(float(pair.get("weight"))) == 5
    assert ("2019-02-27", "2019-02-28") in spells  # Hanoi
    # networkx reads it back: typed counts, the spells, the dynamic mode
    G = nx.read_gexf(path)
    assert G.graph["mode"] == "dynamic"
    edge = G.edges["actor:donald-trump", "actor:kim-jong-un"]
    assert edge["within"] == 5 and isinstance(edge["within"], int)
    assert ("2019-02-27", "2019-02-28") in edge["spells"]
    assert G.nodes["actor:kim-jong-un"]["events"] >= 5


def test_cli_network_gexf_reads_back_with_networkx(tmp_path: Path) -> None:
    out = tmp_path / "k.gexf"
    result = CliRunner().invoke(
        cli, ["--data", str(bundled_data()), "network", "--format", "gexf", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    G = nx.read_gexf(out)
    assert G.nodes["event:missile-tests-2019-05"]["start"] == "2019-05-01"
    assert G.nodes["event:missile-tests-2019-05"]["end"] == "2019-05-31"
    assert not any("networkx_key" in d for *_, d in G.edges(data=True))
