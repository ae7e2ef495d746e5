"""Actor reconciliation: id rules in order, fuzzy matches listed, known actors never merged."""

from __future__ import annotations

from pathlib import Path

from diplograph.importers import ActorResolver
from diplograph.kg import KnowledgeGraph
from diplograph.model import Actor, ActorKind


def _kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_records(
        [
            Actor(id="kim-jong-un", kind="person", name="Kim Jong Un", aliases=("Kim",)),
            Actor(id="kim-yo-jong", kind="person", name="Kim Yo Jong", aliases=("Kim",)),
            Actor(id="nk", kind="state", name="North Korea", wikidata="Q423"),
            Actor(id="moon-jae-in", kind="person", name="Moon Jae-in"),
            Actor(id="donald-trump", kind="person", name="Donald Trump"),
        ]
    )


def test_wikidata_and_cameo_codes_find_the_state_whatever_its_id() -> None:
    r = ActorResolver(_kg())
    assert r.resolve("DPRK", wikidata="Q423") == "nk"
    assert r.resolve("NORTH KOREA", code="PRK") == "nk"
    # a state body hangs under the state it belongs to
    gov = r.resolve("NORTH KOREA", code="PRKGOV")
    assert (gov, r.new[gov].kind, r.new[gov].country) == (
        "nk-government",
        ActorKind.GOVERNMENT_BODY,
        "nk",
    )
    assert r.state_of(gov) == "nk"
    assert r.review == []


def test_fuzzy_matches_are_listed_for_review() -> None:
    r = ActorResolver(_kg())
    assert r.resolve("Donald J. Trump") == "donald-trump"
    (match,) = r.review
    assert (match.name, match.actor, match.how) == ("Donald J. Trump", "donald-trump", "fuzzy name")
    assert match.score >= 90


def test_a_name_two_known_actors_answer_to_merges_neither() -> None:
    r = ActorResolver(_kg())
    got = r.resolve("Kim")
    assert got not in ("kim-jong-un", "kim-yo-jong")
    assert got in r.new
    (match,) = r.review
    assert match.how == "ambiguous name"
    assert match.candidates == ("kim-jong-un", "kim-yo-jong")


def test_unknown_names_become_one_new_actor_each() -> None:
    r = ActorResolver(_kg())
    first = r.resolve("Kim Yong-chol")
    assert r.resolve("KIM YONG CHOL") == first == "kim-yong-chol"
    assert r.resolve("Foreign Affairs (India)") == "foreign-affairs-india"
    assert r.new["foreign-affairs-india"].kind is ActorKind.ORGANIZATION
    # names that differ only in their country are never fuzzy-matched to each other
    assert r.resolve("Foreign Affairs (Iran)") == "foreign-affairs-iran"


def test_every_iso_country_code_is_a_state_and_a_known_state_is_found_by_name() -> None:
    r = ActorResolver(_kg())
    bel = r.resolve("WATERLOO", code="BEL")
    assert (bel, r.new[bel].kind, r.new[bel].name) == ("belgium", ActorKind.STATE, "Belgium")
    body = r.resolve("BELGIAN POLICE", code="BELCOP")
    assert r.new[body].country == "belgium" and r.new[body].kind is ActorKind.GOVERNMENT_BODY
    # CAMEO's own code for Romania, and a state named with the ISO list's comma
    assert r.resolve("ROMANIA", code="ROM") == "romania"
    assert r.new[r.resolve("KINSHASA", code="COD")].name == "Democratic Republic of the Congo"
    # a state the graph holds under another id is found by its name when no Wikidata id says so
    kg = KnowledgeGraph.from_records([Actor(id="be", kind="state", name="Belgium")])
    assert ActorResolver(kg).resolve("BRUSSELS", code="BEL") == "be"


def test_a_region_code_is_no_state_and_a_country_name_is_its_state() -> None:
    from diplograph.importers._rows import actor

    r = ActorResolver(_kg())
    # ICEWS writes states by name
    assert actor(r, "Bangladesh") == "bangladesh" and r.new["bangladesh"].kind is ActorKind.STATE
    assert actor(r, "Police (Bangladesh)") == "police-bangladesh"
    assert r.new["police-bangladesh"].kind is ActorKind.ORGANIZATION
    # MEA (Middle East) is a region: the name stays as written
    mea = actor(r, "Middle East", code="MEA", kind=ActorKind.ORGANIZATION)
    assert r.new[mea].kind is ActorKind.ORGANIZATION and r.new[mea].name == "Middle East"


def test_gdelt_actors_without_a_state_are_groups_not_people(shared: Path) -> None:
    from diplograph.importers import Totals, read_gdelt

    r = ActorResolver(_kg())
    path = shared / "data" / "gdelt" / "v2_20180326044500.export.CSV"
    reports = list(read_gdelt(path, resolver=r, totals=Totals("t")))
    by_name = {a.name: a for a in r.new.values()}
    # CVL VILLAGE, MIL ARMY, CHRCTH CATHOLIC: rows of this file, none with a country code
    for name in ("Village", "Army", "Catholic"):
        assert by_name[name].kind is ActorKind.ORGANIZATION, name
    assert not [a for a in r.new.values() if a.kind is ActorKind.PERSON]
    assert any(r.source_actor == "belgium" for r in reports)
