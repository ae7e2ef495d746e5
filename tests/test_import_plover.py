"""PLOVER / POLECAT JSON records."""

from __future__ import annotations

from pathlib import Path

from diplograph.importers import ActorResolver, Totals, read_plover
from diplograph.kg import KnowledgeGraph

DATA = Path(__file__).parent / "data" / "import"


def test_gold_standard_records_import(shared: Path, korea: KnowledgeGraph) -> None:
    totals = Totals("plover")
    path = shared / "data" / "plover" / "PLOVER_GSR_CAMEO.json.txt"
    reports = list(read_plover(path, resolver=ActorResolver(korea), totals=totals))
    assert totals.rows == 323 and totals.imported == 321
    # the documentation record has no date; one record gives its target as a word
    assert totals.skipped == {"no date": 1, "bad actors": 1}
    assert str(totals.problems[0]).startswith(f"{path}:2: record PLOVER-GSR01-DOCUMENT-0001")
    assert str(totals.problems[1]) == (
        f"{path}:116: actors must be a list of objects (got 'diplomatic')"
    )
    first = reports[0]
    assert first.id == "plover-gsr01-agree-0001" and first.plover == "AGREE"
    assert (first.source_actor, first.actors) == ("hungary", ("romania",))
    assert first.evidence[0].quote == first.text


def test_malformed_records(korea: KnowledgeGraph) -> None:
    path = DATA / "plover_malformed.json"
    totals = Totals(str(path))
    reports = list(read_plover(path, resolver=ActorResolver(korea), totals=totals))
    assert [(r.id, r.source_actor, r.target_actor) for r in reports] == [
        ("ex-1", "donald-trump", "kim-jong-un")
    ]
    assert totals.skipped == {"bad date": 1, "unknown PLOVER category": 1, "no date": 1}
    assert [p.line for p in totals.problems] == [6, 7, 8]


def test_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a", "date": "2018-06", "event": "CONSULT"}\n{"id": "b", "date": \n')
    totals = Totals(str(path))
    reports = list(read_plover(path, resolver=ActorResolver(KnowledgeGraph()), totals=totals))
    assert [(r.id, str(r.date)) for r in reports] == [("a", "2018-06")]
    assert totals.skipped == {"not JSON": 1} and totals.problems[0].line == 2
