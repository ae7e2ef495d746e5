"""The demo, end to end: every file it lists is written, and an independent reader opens it."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.demo import DEMO_FILES


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("demo") / "out"
    result = CliRunner().invoke(cli, ["--data", str(bundled_data()), "demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.stdout, out


def test_demo_answers_the_three_questions(demo_run: tuple[str, Path]) -> None:
    stdout, _ = demo_run
    meetings = stdout.split("1. Every meeting between Trump and Kim, in order")[1].split("2. ")[0]
    lines = [ln.split() for ln in meetings.splitlines() if ln.strip()[:3] in {"1st", "2nd", "3rd"}]
    assert [(ln[0], ln[1]) for ln in lines] == [
        ("1st", "2018-06-12"),
        ("2nd", "2019-02-27/2019-02-28"),
        ("3rd", "2019-06-30"),
    ]
    seoul = stdout.split("2. What Seoul said after the Panmunjom meeting")[1].split("3. ")[0]
    assert "Lee Sang-min (direct quote): \u201cInter-Korean relations have been at a lull" in seoul
    assert "Office of the President of South Korea (report)" in seoul
    assert "KCNA" not in seoul and "Korean Central News Agency" not in seoul
    broker = stdout.split("3. Who brokered the Singapore summit")[1]
    assert "Moon Jae-in, mediator of the Trump-Kim summit in Singapore (2018-06-12)" in broker
    assert "\u201cplayed a pivotal role in brokering the first meeting" in broker


def test_demo_lists_every_file_it_writes(demo_run: tuple[str, Path]) -> None:
    stdout, out = demo_run
    listed = stdout.split("Files written:")[1].split()
    umask = os.umask(0)
    os.umask(umask)
    for name in DEMO_FILES:
        assert str(out / name) in listed
        assert (out / name).stat().st_size > 0
        # ordinary permissions, not those of the temporary file it was written as
        assert (out / name).stat().st_mode & 0o777 == 0o666 & ~umask, name


def test_demo_rdf_parses_with_rdflib_and_agrees(demo_run: tuple[str, Path]) -> None:
    _, out = demo_run
    turtle = rdflib.Graph().parse(out / "korea.ttl", format="turtle")
    trig = rdflib.Dataset()
    trig.parse(out / "korea.trig", format="trig")
    jsonld = rdflib.Dataset()
    jsonld.parse(out / "korea.jsonld", format="json-ld")
    assert len(turtle) > 1000
    triples = set(turtle)
    assert {(s, p, o) for s, p, o, _ in trig.quads()} == triples
    assert {(s, p, o) for s, p, o, _ in jsonld.quads()} == triples


def test_demo_graphml_timeline_and_charts_open(demo_run: tuple[str, Path]) -> None:
    _, out = demo_run
    g = nx.read_graphml(out / "korea.graphml")
    assert "actor:kim-jong-un" in g and "event:hanoi-summit-2019" in g
    png = (out / "timeline.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 800 and height > 400
    svg = ElementTree.parse(out / "timeline.svg").getroot()
    assert svg.tag.endswith("svg")
    timeline = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    headlines = [e["text"]["headline"] for e in timeline["events"]]
    assert "Trump-Kim summit in Hanoi" in headlines
    assert timeline["eras"][0]["text"]["headline"] == "Hanoi to Panmunjom"


def test_demo_refuses_other_data_with_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(
        "actors:\n  - {id: a, kind: state, name: A}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "demo", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: the demo needs the shipped dataset: no actor 'donald-trump'"
    ]
