"""The analysts' questions on the Korea dataset, on every backend, and safe parameter binding."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph import query
from diplograph.errors import QueryError
from diplograph.kg import KnowledgeGraph
from diplograph.rdf.store import EmbeddedStore, RemoteStore, Solutions, Store
from diplograph.rows import event_rows, statement_rows

BACKENDS = ["memory", "disk", "server"]


def _clear(url: str) -> None:
    req = urllib.request.Request(
        url + "/update",
        data=b"CLEAR ALL",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    urllib.request.urlopen(req, timeout=10).close()


@pytest.fixture(scope="module")
def stores(
    korea: KnowledgeGraph,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> Iterator[dict[str, Store]]:
    """The Korea dataset loaded into memory, into a folder on disk and into an Oxigraph server."""
    memory = EmbeddedStore()
    disk = EmbeddedStore(tmp_path_factory.mktemp("store") / "db")
    url = request.getfixturevalue("oxigraph_server")
    _clear(url)
    server = RemoteStore(url)
    for store in (memory, disk, server):
        assert store.load(korea) > 0
    yield {"memory": memory, "disk": disk, "server": server}
    disk.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, stores: dict[str, Store]) -> Store:
    return stores[request.param]


# -- done when ---------------------------------------------------------------------------------


def test_trump_and_kim_met_three_times_in_order(store: Store) -> None:
    rows = query.meetings(store, "donald-trump", "kim-jong-un")
    got = [(m.ordinal_text, m.event.place_name, str(m.event.time)) for m in rows]
    assert got == [
        ("1st", "Singapore", "2018-06-12"),
        ("2nd", "Hanoi", "2019-02-27/2019-02-28"),
        ("3rd", "Panmunjom", "2019-06-30"),
    ]


def test_moon_and_kim_met_in_the_three_2018_summits_only(store: Store) -> None:
    rows = query.meetings(store, "moon-jae-in", "kim-jong-un")
    assert [m.event.id for m in rows] == [
        "inter-korean-summit-2018-04-27",
        "inter-korean-summit-2018-05-26",
        "inter-korean-summit-2018-09",
    ]
    assert [m.ordinal for m in rows] == [1, 2, 3]
    assert all(m.event.type == "summit" and str(m.event.time).startswith("2018") for m in rows)


def test_moon_accompanying_in_june_2019_shows_only_with_any_role(store: Store) -> None:
    principal = {m.event.id for m in query.meetings(store, "moon-jae-in", "kim-jong-un")}
    assert "panmunjom-meeting-2019" not in principal
    rows = query.meetings(store, "moon-jae-in", "kim-jong-un", any_role=True)
    june = [m for m in rows if m.event.id == "panmunjom-meeting-2019"]
    assert len(june) == 1
    assert (june[0].role_a, june[0].ordinal) == ("accompanying", None)
    # the real meetings keep their numbers
    assert [m.ordinal for m in rows if m.ordinal is not None] == [1, 2, 3]


def test_statements_about_hanoi_list_the_unification_ministry_quote(store: Store) -> None:
    rows = query.statements(store, about_event="hanoi-summit-2019")
    lee = [r for r in rows if r.speaker == "lee-sang-min"]
    assert len(lee) == 1
    assert lee[0].speaker_name == "Lee Sang-min"
    assert lee[0].text == "Inter-Korean relations have been at a lull since the Hanoi summit"
    assert lee[0].mode == "direct_quote"
    assert str(lee[0].date) == "2019-07-01"
    (citation,) = lee[0].citations
    assert citation.source == "seoul-hopes-2019-07-01"
    assert citation.quote == lee[0].text


# -- the same answers everywhere, and the same as the records ---------------------------------


def _answers(store: Store) -> dict[str, object]:
    return {
        "events": query.events(store),
        "events-actors": query.events(store, actors=["donald-trump", "kim-jong-un"]),
        "events-window": query.events(store, start="2019-02-15", end="2019-06"),
        "events-type-place": query.events(store, types=["summit", "meeting"], place="panmunjom"),
        "meetings": query.meetings(store, "moon-jae-in", "kim-jong-un", any_role=True),
        "statements": query.statements(store),
        "statements-by": query.statements(store, by="kcna", start="2019-07"),
        "statements-about-actor": query.statements(store, about_actor="north-korea"),
        "dossier": query.actor_dossier(store, "kim-jong-un"),
    }


def test_every_canned_query_answers_the_same_on_every_backend(stores: dict[str, Store]) -> None:
    memory = _answers(stores["memory"])
    assert all(memory[k] for k in memory), "a canned query found nothing"
    for name in ("disk", "server"):
        other = _answers(stores[name])
        for key in memory:
            assert other[key] == memory[key], f"{key} differs on {name}"


def test_query_rows_equal_the_rows_built_from_the_records(
    store: Store, korea: KnowledgeGraph
) -> None:
    assert query.events(store, flat=True) == event_rows(korea)
    assert query.statements(store) == statement_rows(korea)


def test_a_question_over_more_items_than_one_query_holds_is_asked_in_batches(
    store: Store, korea: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A whole store of 100,000 events once made a query of 5 million characters, refused by
    # the length limit; the per-event lookups now go BATCH events at a time. Three at a time
    # here, so the 13 events take five batches and the rows must still come out whole.
    from diplograph.query import templates

    monkeypatch.setattr(templates, "BATCH", 3)
    assert query.events(store, flat=True) == event_rows(korea)
    assert query.statements(store) == statement_rows(korea)


# -- filters -------------------------------------------------------------------------------------


def test_several_actors_means_all_of_them(store: Store) -> None:
    both = query.events(store, actors=["donald-trump", "moon-jae-in"])
    assert [r.id for r in both] == ["singapore-summit-2018", "panmunjom-meeting-2019"]
    three = query.events(store, actors=["donald-trump", "moon-jae-in", "north-korea"])
    assert three == []


def test_date_window_respects_precision(store: Store) -> None:
    # "2019-05" (month precision) may fall after 5 May; 4 May cannot, 9 May surely does
    rows = query.events(store, types=["missile_test"], start="2019-05-05", flat=True)
    assert [(r.id, r.fit) for r in rows] == [
        ("missile-tests-2019-05", "overlaps"),
        ("missile-test-2019-05-09", "within"),
    ]
    # --to 2019-05 runs to the last day of May: the month-precision event is within
    rows = query.events(store, types=["missile_test"], start="2019-05", end="2019-05", flat=True)
    assert {r.fit for r in rows} == {"within"}
    assert len(rows) == 3
    # a window of one day inside the month: only "may be"
    rows = query.events(store, types=["missile_test"], start="2019-05-20", end="2019-05-20")
    assert [(r.id, r.fit) for r in rows] == [("missile-tests-2019-05", "overlaps")]


def test_interval_event_overlaps_a_window_cutting_it(store: Store) -> None:
    rows = query.events(store, actors=["donald-trump"], start=date(2019, 2, 28), end="2019-03")
    assert [(r.id, r.fit) for r in rows] == [("hanoi-summit-2019", "overlaps")]


def test_no_window_no_fit(store: Store) -> None:
    assert {r.fit for r in query.events(store)} == {None}


def test_place_and_type_filters(store: Store) -> None:
    rows = query.events(store, place="panmunjom", types=["summit"])
    assert [r.id for r in rows] == [
        "inter-korean-summit-2018-04-27",
        "inter-korean-summit-2018-05-26",
    ]


def test_statements_by_with_window(store: Store) -> None:
    rows = query.statements(store, by="kcna", start="2019-07-01")
    assert {r.speaker for r in rows} == {"kcna"}
    assert {r.fit for r in rows} == {"overlaps"}  # dated 2019-06-30/2019-07-01
    assert len(rows) == 3


class _Counting(Store):
    """A store that answers through another and counts the queries it was sent."""

    def __init__(self, inner: Store) -> None:
        self.inner, self.sent = inner, 0

    def query(self, sparql: str, *, union: bool = False) -> Solutions:
        self.sent += 1
        return self.inner.query(sparql, union=union)

    def add(self, quads: Iterable[ox.Quad]) -> int:
        return self.inner.add(quads)

    def __len__(self) -> int:
        return len(self.inner)


def test_statements_are_one_query_whatever_the_number_of_rows(stores: dict[str, Store]) -> None:
    """No follow-up query over the rows: the words, speakers, topics and citations come along."""
    counting = _Counting(stores["memory"])
    everything = query.statements(counting)
    assert len(everything) > 10 and counting.sent == 1
    counting.sent = 0
    assert query.statements(counting, by="kcna", start="2019-07-01") and counting.sent == 1


def test_bad_filters_are_query_errors(store: Store) -> None:
    with pytest.raises(QueryError, match=r"event type must be one of .* \(got 'picnic'\)"):
        query.events(store, types=["picnic"])
    with pytest.raises(QueryError, match="--to is before --from"):
        query.events(store, start="2019-03", end="2019-02")
    with pytest.raises(QueryError, match="two different actors"):
        query.meetings(store, "kim-jong-un", "kim-jong-un")


def test_dossier(store: Store) -> None:
    d = query.actor_dossier(store, "lee-sang-min")
    assert d.name == "Lee Sang-min" and d.kind == "person"
    assert [(p.post, p.organization) for p in d.positions] == [
        ("Spokesman", "unification-ministry")
    ]
    assert [e.id for e in d.events_by_role["agent"]] == ["unification-ministry-briefing-2019-07-01"]
    assert len(d.statements) == 3
    kim = query.actor_dossier(store, "kim-jong-un")
    top = {c.actor: c.shared for c in kim.counterparts[:2]}
    assert top == {"donald-trump": 5, "moon-jae-in": 5}
    assert kim.aliases == ("Kim", "Kim Jong-un", "Kim Jong Eun")


# -- safe binding ---------------------------------------------------------------------------

NASTY = [
    'Kim "Rocket" } UNION { ?s ?p ?o } #',
    "a } ; DROP ALL ; #",
    "line\nbreak \\ backslash \t tab > <http://evil/> '''",
    "#@values ?x",
]


@pytest.mark.parametrize("nasty", NASTY)
def test_a_bound_value_cannot_change_the_query(store: Store, nasty: str) -> None:
    template = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?name ?actor WHERE {\n"
        "  #@values ?name\n"
        "  OPTIONAL { ?actor rdfs:label ?name }\n"
        "}\n"
    )
    text = query.bind(template, name=ox.Literal(nasty))
    result = store.query(text)
    # one solution: the value itself, unchanged, matching no actor
    assert [(r["name"].value if r["name"] else None, r["actor"]) for r in result] == [(nasty, None)]


def test_a_real_name_binds_and_matches(store: Store) -> None:
    template = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?actor WHERE {\n  #@values ?name\n  ?actor rdfs:label ?name\n}\n"
    )
    result = store.query(query.bind(template, name=ox.Literal("Kim Jong Un")))
    assert [r["actor"].value for r in result if r["actor"]] == [
        "https://w3id.org/diplograph/id/actor/kim-jong-un"
    ]


def test_bind_refuses_text_and_checks_parameters() -> None:
    with pytest.raises(QueryError, match="must be bound to an RDF term"):
        query.bind("SELECT * WHERE {\n#@values ?x\n}", x='"} #')  # type: ignore[arg-type]
    with pytest.raises(QueryError, match=r"needs a value for \?x"):
        query.bind("SELECT * WHERE {\n#@values ?x\n}")
    with pytest.raises(QueryError, match=r"no marker for \?y"):
        query.bind("SELECT * WHERE {\n#@values ?x\n}", x=None, y=None)


def test_every_shipped_template_runs_unbound(stores: dict[str, Store]) -> None:
    names = query.template_names()
    assert {"events", "meetings", "statements", "actor", "counterparts"} <= set(names)
    for name in names:
        result = stores["memory"].query(query.template(name))
        assert result.kind == "select", name


def test_unknown_template() -> None:
    with pytest.raises(QueryError, match="no query template 'nope'"):
        query.template("nope")


def test_resolvers(korea: KnowledgeGraph) -> None:
    assert query.resolve_about(korea, "Hanoi summit") == ("event", "hanoi-summit-2019")
    assert query.resolve_about(korea, "Hanoi") == ("place", "hanoi")
    assert query.resolve_about(korea, "Moon") == ("actor", "moon-jae-in")
    assert query.resolve_place(korea, "Panmunjom") == "panmunjom"
    with pytest.raises(Exception, match="no place is called 'Atlantis'"):
        query.resolve_place(korea, "Atlantis")


def test_an_unreachable_endpoint_is_a_query_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(QueryError, match="cannot reach the SPARQL endpoint"):
        query.meetings(RemoteStore(f"http://127.0.0.1:{port}"), "a", "b")
