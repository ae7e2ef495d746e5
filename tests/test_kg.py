"""The knowledge graph: names, integrity, merge; and what the shipped dataset holds."""

from __future__ import annotations

import pytest

from diplograph import AmbiguousNameError, KnowledgeGraph, ModelError, UnknownNameError
from diplograph.dates import Precision
from diplograph.model import Actor, Event, Role, StatementMode


@pytest.mark.parametrize(
    "name", ["Kim", "Kim Jong-un", "Kim Jong Un", "kim jong un", "kim-jong-un"]
)
def test_kim_by_any_name(korea: KnowledgeGraph, name: str) -> None:
    assert korea.resolve_actor(name).id == "kim-jong-un"


def test_ambiguous_and_unknown_names_list_candidates() -> None:
    kg = KnowledgeGraph.from_records(
        [
            Actor(id="kim-jong-un", kind="person", name="Kim Jong Un", aliases=("Kim",)),
            Actor(id="kim-yo-jong", kind="person", name="Kim Yo Jong", aliases=("Kim",)),
        ]
    )
    with pytest.raises(AmbiguousNameError) as info:
        kg.resolve_actor("Kim")
    assert info.value.candidates == ["kim-jong-un (Kim Jong Un)", "kim-yo-jong (Kim Yo Jong)"]
    assert "use one of these ids" in str(info.value)
    with pytest.raises(UnknownNameError) as unknown:
        kg.resolve_actor("Kim Jong Um")
    assert "Kim Jong Un" in unknown.value.candidates


def test_events_resolve_by_label_words(korea: KnowledgeGraph) -> None:
    assert korea.resolve_event("Hanoi").id == "hanoi-summit-2019"
    with pytest.raises(AmbiguousNameError):
        korea.resolve_event("Panmunjom")


def test_duplicate_ids_and_merge() -> None:
    a = Actor(id="a", kind="state", name="A")
    kg = KnowledgeGraph.from_records([a])
    with pytest.raises(ModelError, match="duplicate id 'a'"):
        kg.add(a)
    other = KnowledgeGraph.from_records([a, Actor(id="b", kind="state", name="B")])
    assert kg.merge(other).counts()["actors"] == 2
    clash = KnowledgeGraph.from_records([Actor(id="a", kind="state", name="Not A")])
    with pytest.raises(ModelError, match="differs"):
        kg.merge(clash)


def test_records_are_frozen_and_hashable() -> None:
    ev = Event(id="x", label="X", type="talks", time="2019")
    assert hash(ev) == hash(Event(id="x", label="X", type="talks", time="2019"))
    with pytest.raises(ValueError, match="frozen"):
        ev.label = "Y"  # type: ignore[misc]


def test_participant_listed_twice_is_an_error() -> None:
    with pytest.raises(ValueError, match="listed twice"):
        Event(
            id="x",
            label="X",
            type="talks",
            time="2019",
            participants=[{"actor": "a"}, {"actor": "a", "role": "host"}],
        )


# -- the shipped dataset holds what the seed article names -------------------------------------


def test_dataset_size(korea: KnowledgeGraph) -> None:
    counts = korea.counts()
    assert counts["events"] >= 12 and counts["actors"] >= 12 and counts["statements"] >= 8
    for st in korea.statements.values():
        assert st.evidence and all(ev.quote for ev in st.evidence)


def test_dataset_dates(korea: KnowledgeGraph) -> None:
    def when(eid: str) -> str:
        return str(korea.events[eid].time)

    assert when("singapore-summit-2018") == "2018-06-12"
    assert when("hanoi-summit-2019") == "2019-02-27/2019-02-28"
    assert when("panmunjom-meeting-2019") == "2019-06-30"
    assert when("armistice-1953") == "1953-07-27"
    assert when("inter-korean-summit-2018-09") == "2018-09-18/2018-09-20"
    tests = korea.events["missile-tests-2019-05"]
    assert tests.time.precision is Precision.MONTH
    days = [e for e in korea.events.values() if e.part_of == tests.id]
    assert sorted(str(e.time) for e in days) == ["2019-05-04", "2019-05-09"]


def test_moon_accompanies_at_panmunjom_and_brokers_singapore(korea: KnowledgeGraph) -> None:
    roles = {p.actor: p.role for p in korea.events["panmunjom-meeting-2019"].participants}
    assert roles == {
        "donald-trump": Role.ATTENDEE,
        "kim-jong-un": Role.ATTENDEE,
        "moon-jae-in": Role.ACCOMPANYING,
    }
    singapore = {p.actor: p.role for p in korea.events["singapore-summit-2018"].participants}
    assert singapore["moon-jae-in"] is Role.MEDIATOR


def test_unification_ministry_statements(korea: KnowledgeGraph) -> None:
    lee = korea.resolve_actor("Lee Sang-min")
    assert lee.positions[0].organization == "unification-ministry"
    quotes = [
        s
        for s in korea.statements.values()
        if s.speaker == lee.id and s.mode is StatementMode.DIRECT_QUOTE
    ]
    assert len(quotes) == 2
    assert all(str(s.date) == "2019-07-01" for s in quotes)
    assert any("Hanoi summit" in s.text for s in quotes)


def test_capture_date_is_not_the_publication_date(korea: KnowledgeGraph) -> None:
    article = korea.sources["seoul-hopes-2019-07-01"]
    assert str(article.published) == "2019-07-01"
    assert str(article.retrieved) == "2024-05-18"
    assert article.note is not None and "captured" in article.note
