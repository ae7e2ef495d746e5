"""Names resolve the same way against a store (SPARQL) and a graph in memory."""

from __future__ import annotations

import pytest

from diplograph import KnowledgeGraph
from diplograph.errors import AmbiguousNameError, QueryError, UnknownNameError
from diplograph.model import Actor, Event, Place
from diplograph.names import Names, normalize_name
from diplograph.rdf.store import Store, open_store


@pytest.fixture(scope="module")
def store(korea: KnowledgeGraph) -> Store:
    s = open_store()
    s.load(korea)
    return s


def test_every_name_and_alias_finds_its_actor_in_both(korea: KnowledgeGraph, store: Store) -> None:
    in_store, in_memory = Names(store), Names(korea)
    ambiguous = set(korea.ambiguous_aliases())
    for actor in korea.actors.values():
        for name in (actor.id, actor.name, *actor.aliases):
            if name != actor.id and normalize_name(name) in ambiguous:
                continue
            assert in_store.actor(name).id == actor.id, name
            assert in_memory.actor(name).id == actor.id, name


def test_events_and_places_by_words(korea: KnowledgeGraph, store: Store) -> None:
    for names in (Names(store), Names(korea)):
        assert names.event("summit in Singapore").id == "singapore-summit-2018"
        assert names.event("hanoi summit").id == "hanoi-summit-2019"
        assert names.place("hodo").id == "hodo-peninsula"
        assert names.about("Moon") == ("actor", "moon-jae-in")


def test_errors_are_the_same_from_both(korea: KnowledgeGraph, store: Store) -> None:
    for attempt in ("Kim Jong Ill", "summit", "Atlantis"):
        errors = []
        for names in (Names(store), Names(korea)):
            with pytest.raises((UnknownNameError, AmbiguousNameError)) as caught:
                names.about(attempt)
            errors.append((type(caught.value), str(caught.value)))
        assert errors[0] == errors[1], attempt
    with pytest.raises(AmbiguousNameError, match="'summit' names more than one event"):
        Names(store).event("summit")


def test_ambiguous_alias_lists_the_candidates() -> None:
    kg = KnowledgeGraph.from_records(
        [
            Actor(id="kim-jong-un", kind="person", name="Kim Jong Un", aliases=["Kim"]),
            Actor(id="kim-yo-jong", kind="person", name="Kim Yo Jong", aliases=["Kim"]),
            Place(id="p", name="Hanoi"),
            Event(id="e", label="Talks", type="talks", time="2019"),
        ]
    )
    s = open_store()
    s.load(kg)
    for names in (Names(s), Names(kg)):
        with pytest.raises(AmbiguousNameError) as caught:
            names.actor("kim")
        assert caught.value.candidates == ["kim-jong-un (Kim Jong Un)", "kim-yo-jong (Kim Yo Jong)"]


def test_a_name_with_quotes_stays_one_value(store: Store) -> None:
    with pytest.raises(UnknownNameError):
        Names(store).actor('x" } ?r ?p ?o . { "')


def test_statements_are_not_events(store: Store) -> None:
    ids = {n.id for n in Names(store).records("event")}
    assert "lee-lull-since-hanoi" not in ids
    assert "hanoi-summit-2019" in ids


def test_graph_store_needs_an_endpoint() -> None:
    with pytest.raises(QueryError, match="goes with an endpoint"):
        open_store("db", graph_store="http://127.0.0.1:3030/ds/data")
    remote = open_store(endpoint="http://127.0.0.1:1/query", graph_store="http://h/ds/data")
    assert getattr(remote, "graph_store", None) == "http://h/ds/data"


def test_event_words_narrowed_in_sparql_lose_no_match() -> None:
    """The store reads only labels that may match: accents, hyphens and case still match."""
    kg = KnowledgeGraph.from_records(
        [
            Event(id="a", label="Séoul talks", type="talks", time="2019"),
            Event(id="b", label="Hanoi Summit", type="summit", time="2019"),
            Event(id="c", label="Kim Jong-un visit", type="visit", time="2019"),
            Event(id="d", label="Talks_in_Hanoi", type="talks", time="2019"),
        ]
    )
    s = open_store()
    s.load(kg)
    for name, expected in [
        ("seoul", "a"),
        ("SEOUL TALKS", "a"),
        ("summit hanoi", "b"),
        ("jongun", "c"),
        ("kim jong un visit", "c"),
        ("talks in hanoi", "d"),
    ]:
        assert Names(s).event(name).id == expected, name
        assert Names(kg).event(name).id == expected, name
    with pytest.raises(AmbiguousNameError) as caught:
        Names(s).event("hanoi")
    assert caught.value.candidates == ["b (Hanoi Summit)", "d (Talks_in_Hanoi)"]
    with pytest.raises(UnknownNameError, match="did you mean Hanoi Summit"):
        Names(s).event("Hanoi Sumit x")


def test_a_name_given_exactly_wins_over_one_equal_only_when_folded() -> None:
    """Two actors whose names fold alike: each is found by its own spelling, in both sources."""
    kg = KnowledgeGraph.from_records(
        [
            Actor(id="kim-a", kind="person", name="Kim Jong-un", aliases=["KJU"]),
            Actor(id="kim-b", kind="person", name="Kim Jong Un", aliases=["K.J.U."]),
            Actor(id="office", kind="government_body", name="Hanoi Office", aliases=["HA NOI"]),
            Place(id="p", name="Hanoi", aliases=["Ha Noi"]),
            Place(id="q", name="Ha-noi"),
            Event(id="e", label="Talks in Hanoi", type="talks", time="2019"),
            Event(id="f", label="Talks in Ha-noi", type="talks", time="2019"),
        ]
    )
    s = open_store()
    s.load(kg)
    for names in (Names(s), Names(kg)):
        assert names.actor("Kim Jong-un").id == "kim-a"
        assert names.actor("Kim Jong Un").id == "kim-b"
        assert names.actor("K.J.U.").id == "kim-b"
        assert names.place("Ha Noi").id == "p"
        assert names.place("Ha-noi").id == "q"
        assert names.event("Talks in Ha-noi").id == "f"
        with pytest.raises(AmbiguousNameError) as caught:
            names.actor("kim jong un")  # equal to both once folded, exactly to neither
        assert caught.value.candidates == ["kim-a (Kim Jong-un)", "kim-b (Kim Jong Un)"]
        with pytest.raises(AmbiguousNameError):
            names.place("hanoi")
        assert names.about("Ha-noi") == ("place", "q")  # exact, before an actor folded alike
        assert names.about("ha noi") == ("actor", "office")  # folded: the actor comes first


class _Recorded:
    """A store that keeps the text of every query it runs."""

    def __init__(self, store: Store) -> None:
        self.store, self.queries = store, list[str]()

    def query(self, sparql: str, *, union: bool = False) -> object:
        self.queries.append(sparql)
        return self.store.query(sparql, union=union)


def test_a_name_given_exactly_is_looked_up_in_the_store_not_read_with_every_other(
    store: Store,
) -> None:
    recorded = _Recorded(store)
    names = Names(recorded)
    assert names.actor("Kim Jong Un").id == "kim-jong-un"
    assert names.actor("Trump").id == "donald-trump"
    assert names.place("Hanoi").id == "hanoi"
    assert names.event("Trump-Kim summit in Hanoi").id == "hanoi-summit-2019"
    assert names.about("Hanoi") == ("place", "hanoi")  # no actor is called so exactly
    assert len(recorded.queries) == 12  # for each name and kind: its id, then the exact literal
    for text in recorded.queries:
        assert "VALUES ?id {" in text or "VALUES ?named {" in text, text
    assert names.actor("kim jong-un").id == "kim-jong-un"  # not exact: every actor is read
    assert "VALUES" not in recorded.queries[-1]
