"""Where sources disagree with the graph (the ICEWS18 case is in test_import_icews.py)."""

from __future__ import annotations

from pathlib import Path

from diplograph.importers import (
    ActorResolver,
    conflicts,
    load_mapping,
    read_table,
    reconcile,
)
from diplograph.importers.conflicts import grade
from diplograph.importers.report import Report
from diplograph.kg import KnowledgeGraph
from diplograph.model import Source
from diplograph.resources import shipped


def test_csis_calls_the_singapore_summit_talks(shared: Path, korea: KnowledgeGraph) -> None:
    path = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    resolver = ActorResolver(korea)
    mapping = load_mapping(shipped("data") / "mappings" / "csis-negotiations.yml")
    reports = list(read_table(path, mapping, resolver=resolver))
    rec = reconcile(reports, korea, resolver)
    found = conflicts(rec.apply(reports), korea, resolver)
    assert [(c.event, c.aspect, c.graph) for c in found] == [
        ("singapore-summit-2018", "type", "summit")
    ]
    (version,) = found[0].versions
    assert (version.source, version.value) == ("csis-us-dprk-negotiations", "talks")


def test_each_version_carries_its_sources_admiralty_grade(korea: KnowledgeGraph) -> None:
    graded = Source(id="wire", title="A wire", reliability="B", credibility=3)
    report = Report.model_validate(
        {
            "id": "r1",
            "source": "wire",
            "event": "hanoi-summit-2019",
            "date": "2019-03-02",
            "type": "talks",
            "place": "Da Nang",
            "actors": ["donald-trump", "lee-sang-min"],
            "file": "f.csv",
            "row": 2,
        }
    )
    found = {c.aspect: c for c in conflicts([report], korea, sources={"wire": graded})}
    assert set(found) == {"date", "place", "participants", "type"}
    assert str(found["date"].versions[0]) == "wire [B3]: 2019-03-02 (report r1)"
    assert found["place"].versions[0].value == "Da Nang"
    assert found["participants"].versions[0].value == "lee-sang-min"
    assert grade(Source(id="s", title="t")) is None
