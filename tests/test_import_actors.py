"""Actor reconciliation: id rules in order, fuzzy matches listed, known actors never merged."""

from __future__ import annotations

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
