"""The networkx view: typed nodes and edges, the round trip, paths, ego networks,
co-participation, centrality and the GraphML/GEXF files.

Expected answers come from the records themselves: either counted by hand from
data/korea-2018-2019 (the comments say how) or from ``record_links``, a few
lines that read the links straight off the records without the graph code.
"""

from __future__ import annotations

import io
import itertools
import os
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from strategies import knowledge_graphs

from diplograph.errors import AmbiguousNameError, ModelError, QueryError, UnknownNameError
from diplograph.export.graphml import (
    serialize_gexf,
    serialize_graphml,
    write_gexf,
    write_graphml,
)
from diplograph.graph import (
    NodeKind,
    Relation,
    centrality,
    co_participation,
    ego,
    from_networkx,
    path,
    resolve_node,
    split_key,
    to_networkx,
)
from diplograph.kg import KnowledgeGraph
from diplograph.model import PRINCIPAL_ROLES, Actor, Event, Participant

XSD = Path(__file__).parent / "data" / "graphml" / "graphml-structure-subset.xsd"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TRUMP_KIM = {
    # events.yaml: every event listing both donald-trump and kim-jong-un as participants
    "singapore-summit-2018",
    "singapore-joint-statement-2018",
    "hanoi-summit-2019",
    "panmunjom-meeting-2019",
    "trump-enters-north-korea-2019",
}


@pytest.fixture(scope="module")
def G(korea: KnowledgeGraph) -> nx.MultiDiGraph:
    return to_networkx(korea)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def record_links(kg: KnowledgeGraph) -> dict[str, set[str]]:
    """Undirected links between actors, events and statements, read off the records."""
    adj: dict[str, set[str]] = defaultdict(set)

    def link(a: str, b: str) -> None:
        adj[a]
        adj[b]
        if a != b:
            adj[a].add(b)
            adj[b].add(a)

    for a in kg.actors.values():
        adj[f"actor:{a.id}"]
        for pos in a.positions:
            if pos.organization:
                link(f"actor:{a.id}", f"actor:{pos.organization}")
    for e in kg.events.values():
        node = f"event:{e.id}"
        adj[node]
        for p in e.participants:
            link(f"actor:{p.actor}", node)
        for other in (*e.follows, *e.leads_to, *([e.part_of] if e.part_of else [])):
            link(node, f"event:{other}")
    for s in kg.statements.values():
        node = f"statement:{s.id}"
        for speaker in s.said_by:
            link(f"actor:{speaker}", node)
        for t in (*s.about_events, *([s.said_at] if s.said_at else [])):
            link(node, f"event:{t}")
        for t in (*s.about_actors, *([s.channel] if s.channel else [])):
            link(node, f"actor:{t}")
    return adj


def distances(adj: dict[str, set[str]], start: str) -> dict[str, int]:
    dist = {start: 0}
    todo = deque([start])
    while todo:
        here = todo.popleft()
        for nxt in adj[here]:
            if nxt not in dist:
                dist[nxt] = dist[here] + 1
                todo.append(nxt)
    return dist


# -- the view --------------------------------------------------------------------------------


def test_every_record_is_one_typed_node(korea: KnowledgeGraph, G: nx.MultiDiGraph) -> None:
    kinds = defaultdict(int)
    for node, kind in G.nodes(data="kind"):
        assert split_key(node)[0].value == kind
        kinds[kind] += 1
    assert dict(kinds) == {k[:-1]: n for k, n in korea.counts().items() if n}
    assert G.nodes["actor:moon-jae-in"]["label"] == "Moon Jae-in"
    assert G.nodes["actor:moon-jae-in"]["actor_kind"] == "person"
    assert G.nodes["place:panmunjom"]["lat"] == pytest.approx(37.9561)
    assert G.nodes["event:panmunjom-meeting-2019"]["event_type"] == "meeting"


def test_dates_keep_their_precision(G: nx.MultiDiGraph) -> None:
    month = G.nodes["event:missile-tests-2019-05"]
    assert (month["date"], month["earliest"], month["latest"], month["precision"]) == (
        "2019-05",
        "2019-05-01",
        "2019-05-31",
        "month",
    )
    hanoi = G.nodes["event:hanoi-summit-2019"]
    assert (hanoi["date"], hanoi["earliest"], hanoi["latest"]) == (
        "2019-02-27/2019-02-28",
        "2019-02-27",
        "2019-02-28",
    )
    undated = G.nodes["statement:us-blames-north-korean-demands"]
    assert (undated["earliest"], undated["latest"]) == ("2019-02-28", "2019-07-01")
    assert "date" not in G.nodes["actor:kim-jong-un"]


def test_edges_are_typed_by_the_record_that_makes_them(G: nx.MultiDiGraph) -> None:
    def relations(u: str, v: str) -> dict[str, dict[str, Any]]:
        return {d["relation"]: d for d in (G.get_edge_data(u, v) or {}).values()}

    moon_at_panmunjom = relations("actor:moon-jae-in", "event:panmunjom-meeting-2019")
    assert moon_at_panmunjom["participated"]["role"] == "accompanying"
    assert moon_at_panmunjom["participated"]["label"] == "participated as accompanying"
    assert "located_at" in relations("event:hanoi-summit-2019", "place:hanoi")
    assert "sub_event_of" in relations(
        "event:trump-enters-north-korea-2019", "event:panmunjom-meeting-2019"
    )
    assert "follows" in relations("event:hanoi-summit-2019", "event:singapore-summit-2018")
    assert "leads_to" in relations("event:hanoi-summit-2019", "event:panmunjom-meeting-2019")
    assert "said" in relations("actor:lee-sang-min", "statement:lee-lull-since-hanoi")
    assert "about" in relations("statement:lee-lull-since-hanoi", "event:hanoi-summit-2019")
    assert "about" in relations("statement:lee-lull-since-hanoi", "actor:north-korea")
    kcna = relations("statement:kcna-warm-greetings", "actor:kcna")
    assert set(kcna) == {"channel"}  # KCNA is the channel; it also said it (the other way)
    assert "said" in relations("actor:kcna", "statement:kcna-warm-greetings")
    post = relations("actor:lee-sang-min", "actor:unification-ministry")["holds_position"]
    assert (post["post"], post["post_start"], post["post_end"]) == (
        "Spokesman",
        "../2019-07-01",  # took the post on or before the day he spoke
        "2019-07-01/..",  # and held it until then or later
    )
    cites = [
        d
        for d in (
            G.get_edge_data("event:panmunjom-meeting-2019", "source:seoul-hopes-2019-07-01") or {}
        ).values()
    ]
    assert len(cites) == 3  # three quotes from the article back the Panmunjom meeting
    third = next(d for d in cites if d["quote"].startswith("was Trump and Kim"))
    assert (third["quote_start"], third["quote_end"]) == (1929, 2009)


def test_edge_count_is_what_the_records_say(korea: KnowledgeGraph, G: nx.MultiDiGraph) -> None:
    expected = 0
    for a in korea.actors.values():
        expected += len(a.evidence) + sum(p.organization is not None for p in a.positions)
    expected += sum(len(p.evidence) for p in korea.places.values())
    for e in korea.events.values():
        expected += len(e.participants) + len(e.follows) + len(e.leads_to) + len(e.evidence)
        expected += (e.place is not None) + (e.part_of is not None)
    for s in korea.statements.values():
        expected += len(s.said_by) + len(s.about_events) + len(s.about_actors)
        expected += len(s.about_places) + len(s.evidence)
        expected += (s.channel is not None) + (s.said_at is not None)
    assert G.number_of_edges() == expected
    # the shipped dataset records no place of speech (tests/data/layers/analyst has one),
    # and reports (with their two relations) come from imports
    absent = {"said_at", Relation.ACCORDING_TO.value, Relation.REPORT_OF.value}
    assert {d["relation"] for _, _, d in G.edges(data=True)} == {r.value for r in Relation} - absent


def test_every_value_is_a_graphml_type(G: nx.MultiDiGraph) -> None:
    values = [v for _, d in G.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in G.edges(data=True) for v in d.values()]
    assert values
    assert all(type(v) in (str, int, float, bool) for v in values)


def test_round_trip_is_lossless_on_the_dataset(korea: KnowledgeGraph, G: nx.MultiDiGraph) -> None:
    back = from_networkx(G)
    assert back == korea
    assert back.actors["kim-jong-un"].aliases == korea.actors["kim-jong-un"].aliases
    H = to_networkx(back)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())


@SETTINGS
@given(kg=knowledge_graphs())
def test_round_trip_keeps_records_and_counts(kg: KnowledgeGraph) -> None:
    G = to_networkx(kg)
    assert G.number_of_nodes() == len(kg)
    back = from_networkx(G)
    assert back == kg
    H = to_networkx(back)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())


def test_a_window_keeps_what_may_fall_in_it(korea: KnowledgeGraph) -> None:
    may = to_networkx(korea, start="2019-05-05", end="2019-05-31")
    assert "event:missile-tests-2019-05" in may  # "May 2019" may fall after 5 May
    assert "event:missile-test-2019-05-09" in may
    assert "event:missile-test-2019-05-04" not in may
    assert may.has_edge("event:missile-test-2019-05-09", "event:missile-tests-2019-05")
    sure = to_networkx(korea, start="2019-05-05", end="2019-05-31", sure=True)
    assert "event:missile-tests-2019-05" not in sure  # ... but is not sure to
    assert "event:missile-test-2019-05-09" in sure
    assert (
        sure.out_degree("event:missile-test-2019-05-09")
        == may.out_degree("event:missile-test-2019-05-09") - 1
    )  # its sub_event_of edge went with its parent
    assert "actor:north-korea" in sure  # actors, places and sources stay
    month_window = to_networkx(korea, start="2019-05", end="2019-05", sure=True)
    assert "event:missile-tests-2019-05" in month_window


def test_dangling_ids_are_an_error() -> None:
    kg = KnowledgeGraph.from_records(
        [Event(id="e", label="E", type="meeting", time="2019", place="nowhere")]
    )
    with pytest.raises(ModelError, match="no place has id 'nowhere'"):
        to_networkx(kg)


def test_from_networkx_says_what_is_missing(korea: KnowledgeGraph, G: nx.MultiDiGraph) -> None:
    cut = G.subgraph([n for n in G if n != "actor:lee-sang-min"]).copy()
    with pytest.raises(ModelError, match="'statement:lee-lull-since-hanoi' has no 'said' edge"):
        from_networkx(cut)
    bad = nx.MultiDiGraph()
    bad.add_node("kim", kind="actor", label="Kim")
    with pytest.raises(ModelError, match="node key is '<kind>:<id>'"):
        from_networkx(bad)
    unlabelled = nx.MultiDiGraph()
    unlabelled.add_node("place:x", kind="place")
    with pytest.raises(ModelError, match="lacks the 'label' attribute"):
        from_networkx(unlabelled)


# -- path ----------------------------------------------------------------------------------


def test_lee_sang_min_to_kim_jong_un_is_a_chain_of_real_records(korea: KnowledgeGraph) -> None:
    steps = path(korea, "Lee Sang-min", "Kim Jong Un")
    assert [s.node for s in steps] == [
        "actor:lee-sang-min",
        "statement:lee-lull-since-hanoi",
        "event:hanoi-summit-2019",
        "actor:kim-jong-un",
    ]
    # Each link is a record: Lee said it, it is about Hanoi, Kim took part in Hanoi.
    said = korea.statements["lee-lull-since-hanoi"]
    assert said.speaker == "lee-sang-min"
    assert "hanoi-summit-2019" in said.about_events
    assert "kim-jong-un" in {p.actor for p in korea.events["hanoi-summit-2019"].participants}
    assert [(s.relation, s.forward) for s in steps[1:]] == [
        ("said", True),
        ("about", True),
        ("participated", False),
    ]
    assert steps[3].role == "attendee"
    assert steps[1].label == said.text
    assert steps[2].date == "2019-02-27/2019-02-28"
    assert "wikipedia-hanoi-summit" in steps[2].sources
    assert [s.arrow() for s in steps] == [
        "",
        "--said-->",
        "--about-->",
        "<--participated (attendee)--",
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lee Sang-min", "Kim Jong Un"),
        ("Alison Evans", "China"),
        ("Moon", "Trump"),
        ("KCNA", "United Nations Command"),
        ("hanoi-summit-2019", "armistice-1953"),
        ("Unification Ministry", "missile-test-2019-05-09"),
    ],
)
def test_paths_are_shortest_and_follow_record_links(korea: KnowledgeGraph, a: str, b: str) -> None:
    adj = record_links(korea)
    steps = path(korea, a, b)
    nodes = [s.node for s in steps]
    assert nodes[0] == resolve_node(korea, a)
    assert nodes[-1] == resolve_node(korea, b)
    assert len(nodes) - 1 == distances(adj, nodes[0])[nodes[-1]]
    for x, y in itertools.pairwise(nodes):
        assert y in adj[x], (x, y)


def test_path_does_not_depend_on_record_order(korea: KnowledgeGraph) -> None:
    reverse = KnowledgeGraph.from_records(reversed(list(korea.records())))
    for a, b in [("Lee Sang-min", "Kim Jong Un"), ("Alison Evans", "China")]:
        assert [s.node for s in path(reverse, a, b)] == [s.node for s in path(korea, a, b)]


def test_path_to_itself_and_with_a_prebuilt_graph(
    korea: KnowledgeGraph, G: nx.MultiDiGraph
) -> None:
    assert [s.node for s in path(korea, "Trump", "Donald Trump", graph=G)] == ["actor:donald-trump"]


def test_sources_would_join_everything_in_two_steps(korea: KnowledgeGraph) -> None:
    steps = path(korea, "Lee Sang-min", "Kim Jong Un", through=list(NodeKind))
    assert [s.kind for s in steps] == ["actor", "source", "actor"]


def test_no_connection_is_a_query_error(korea: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="no connection between China and Lee Sang-min"):
        path(korea, "China", "Lee Sang-min", through=["actor"])
    with pytest.raises(QueryError, match="node kinds must be in"):
        path(korea, "China", "Lee Sang-min", through=["person"])
    with pytest.raises(QueryError, match="outside the date window"):
        path(korea, "Lee Sang-min", "singapore-summit-2018", graph=to_networkx(korea, start="2019"))


def test_names_resolve_like_everywhere_else(korea: KnowledgeGraph) -> None:
    assert resolve_node(korea, "Kim Jong-un") == "actor:kim-jong-un"
    assert resolve_node(korea, "Hanoi") == "event:hanoi-summit-2019"
    assert resolve_node(korea, "statement:lee-new-life") == "statement:lee-new-life"
    with pytest.raises(UnknownNameError, match="no actor or event is called 'Nobody'"):
        resolve_node(korea, "Nobody")
    with pytest.raises(UnknownNameError, match="did you mean Kim Jong Un"):
        path(korea, "Kim Jong Um", "Trump")
    with pytest.raises(AmbiguousNameError, match="inter-korean-summit-2018-04-27"):
        path(korea, "Panmunjom", "Trump")
    # the joint statement is part of the Singapore summit: the name means the summit
    assert resolve_node(korea, "Singapore") == "event:singapore-summit-2018"
    with pytest.raises(UnknownNameError):
        resolve_node(korea, "actor:nobody")


@SETTINGS
@given(kg=knowledge_graphs())
def test_paths_and_egos_agree_with_record_links_on_any_graph(kg: KnowledgeGraph) -> None:
    adj = record_links(kg)
    nodes = sorted(n for n in adj if n.startswith(("actor:", "event:")))
    reverse = KnowledgeGraph.from_records(reversed(list(kg.records())))
    G = to_networkx(kg)
    for a, b in itertools.combinations(nodes[:4], 2):
        dist = distances(adj, a)
        if b not in dist:
            with pytest.raises(QueryError, match="no connection"):
                path(kg, a, b, graph=G)
            continue
        steps = [s.node for s in path(kg, a, b, graph=G)]
        assert len(steps) - 1 == dist[b]
        assert all(y in adj[x] for x, y in itertools.pairwise(steps))
        assert [s.node for s in path(reverse, a, b)] == steps
    for center in nodes[:2]:
        ball = {n for n, d in distances(adj, center).items() if d <= 2}
        assert set(ego(kg, center, radius=2, graph=G)) == ball


# -- ego -----------------------------------------------------------------------------------


def test_ego_of_lee_sang_min_at_radius_1_and_2(korea: KnowledgeGraph, G: nx.MultiDiGraph) -> None:
    one = {
        # Lee's post, the briefing he gave, and his three statements (statements.yaml)
        "actor:unification-ministry",
        "event:unification-ministry-briefing-2019-07-01",
        "statement:lee-lull-since-hanoi",
        "statement:lee-new-life",
        "statement:lee-virtuous-cycle",
    }
    two = {
        # what those statements are about
        "event:hanoi-summit-2019",
        "event:panmunjom-meeting-2019",
        "actor:north-korea",
        "actor:south-korea",
        "actor:united-states",
    }
    E1 = ego(korea, "Lee Sang-min", radius=1, graph=G)
    assert set(E1) == {"actor:lee-sang-min", *one}
    assert {n for n, d in E1.nodes(data="distance") if d == 1} == one
    E2 = ego(korea, "Lee Sang-min", radius=2, graph=G)
    assert set(E2) == {"actor:lee-sang-min", *one, *two}
    assert {n for n, d in E2.nodes(data="distance") if d == 2} == two
    assert E2.graph == {"center": "actor:lee-sang-min", "radius": 2}
    # Induced: every edge of the whole graph between two of its nodes is there.
    inside = [(u, v, k) for u, v, k in G.edges(keys=True) if u in E2 and v in E2]
    assert sorted(E2.edges(keys=True)) == sorted(inside)
    assert E2.nodes["event:hanoi-summit-2019"]["date"] == "2019-02-27/2019-02-28"


@pytest.mark.parametrize("name", ["Moon", "Hanoi", "KCNA"])
@pytest.mark.parametrize("radius", [0, 1, 2, 3])
def test_ego_is_the_ball_of_record_links(
    korea: KnowledgeGraph, G: nx.MultiDiGraph, name: str, radius: int
) -> None:
    center = resolve_node(korea, name)
    ball = {n for n, d in distances(record_links(korea), center).items() if d <= radius}
    assert set(ego(korea, name, radius=radius, graph=G)) == ball


def test_ego_radius_must_not_be_negative(korea: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"radius must be 0 or more \(got -1\)"):
        ego(korea, "Kim", radius=-1)


def test_the_walk_sees_the_graph_as_it_is_now(korea: KnowledgeGraph) -> None:
    G = to_networkx(korea)
    assert "actor:kim-jong-un" not in ego(korea, "Lee Sang-min", graph=G)
    G.add_edge("actor:lee-sang-min", "actor:kim-jong-un", "test", relation="said")
    assert "actor:kim-jong-un" in ego(korea, "Lee Sang-min", graph=G)
    assert len(path(korea, "Lee Sang-min", "Kim Jong Un", graph=G)) == 2
    G.remove_edge("actor:lee-sang-min", "actor:kim-jong-un", "test")
    assert len(path(korea, "Lee Sang-min", "Kim Jong Un", graph=G)) == 4


# -- co-participation ------------------------------------------------------------------------


def test_trump_and_kim_share_five_events(korea: KnowledgeGraph) -> None:
    C = co_participation(korea)
    edge = C.edges["actor:donald-trump", "actor:kim-jong-un"]
    assert edge["weight"] == 5
    assert set(edge["events"]) == TRUMP_KIM
    assert edge["events"][0] in {"singapore-summit-2018", "singapore-joint-statement-2018"}
    assert edge["events"][-1] in {"panmunjom-meeting-2019", "trump-enters-north-korea-2019"}
    assert C.nodes["actor:kim-jong-un"]["events"] == 8  # events.yaml: 8 list kim-jong-un


def test_roles_decide_who_counts(korea: KnowledgeGraph) -> None:
    anyone = co_participation(korea)
    assert anyone.edges["actor:moon-jae-in", "actor:kim-jong-un"]["weight"] == 5
    assert anyone.edges["actor:donald-trump", "actor:moon-jae-in"]["weight"] == 2
    principal = co_participation(korea, roles=PRINCIPAL_ROLES)
    moon_kim = principal.edges["actor:moon-jae-in", "actor:kim-jong-un"]
    assert set(moon_kim["events"]) == {
        "inter-korean-summit-2018-04-27",
        "inter-korean-summit-2018-05-26",
        "inter-korean-summit-2018-09",
    }
    # Moon mediated in Singapore and accompanied at Panmunjom: never a principal with Trump.
    assert not principal.has_edge("actor:donald-trump", "actor:moon-jae-in")


def test_weights_are_the_events_both_took_part_in(korea: KnowledgeGraph) -> None:
    C = co_participation(korea)
    for u, v, w in C.edges(data="weight"):
        a, b = split_key(u)[1], split_key(v)[1]
        both = [e for e in korea.events.values() if {a, b} <= {p.actor for p in e.participants}]
        assert w == len(both), (a, b)
    pairs = sum(len(e.participants) * (len(e.participants) - 1) // 2 for e in korea.events.values())
    assert sum(w for _, _, w in C.edges(data="weight")) == pairs


def test_a_date_window_says_how_sure(korea: KnowledgeGraph) -> None:
    C = co_participation(korea, start="2019-02-28")
    edge = C.edges["actor:donald-trump", "actor:kim-jong-un"]
    # Hanoi (27-28 February) may fall on or after the 28th, not surely; Panmunjom twice.
    assert (edge["weight"], edge["within"]) == (3, 2)
    assert set(edge["events"]) == {
        "hanoi-summit-2019",
        "panmunjom-meeting-2019",
        "trump-enters-north-korea-2019",
    }
    C19 = co_participation(korea, start="2019", end="2019")
    assert C19.edges["actor:moon-jae-in", "actor:kim-jong-un"]["events"] == (
        "panmunjom-meeting-2019",
    )
    assert C19.graph == {"start": "2019", "end": "2019"}
    with pytest.raises(QueryError, match="ends before it starts"):
        co_participation(korea, start="2019-06", end="2019-05")


def test_month_precision_events_in_a_window() -> None:
    a, b = Participant(actor="a"), Participant(actor="b")
    kg = KnowledgeGraph.from_records(
        [
            Actor(id="a", kind="state", name="A"),
            Actor(id="b", kind="state", name="B"),
            Event(
                id="feb",
                label="Talks in February",
                type="talks",
                time="2019-02",
                participants=[a, b],
            ),
            Event(
                id="feb-20", label="Meeting", type="meeting", time="2019-02-20", participants=[a, b]
            ),
            Event(
                id="mar-05", label="Summit", type="summit", time="2019-03-05", participants=[a, b]
            ),
        ]
    )

    def counted(**window: str) -> tuple[int, int, tuple[str, ...]]:
        C = co_participation(kg, **window)
        if not C.has_edge("actor:a", "actor:b"):
            return (0, 0, ())
        d = C.edges["actor:a", "actor:b"]
        return (d["weight"], d["within"], d["events"])

    assert counted() == (3, 3, ("feb", "feb-20", "mar-05"))
    assert counted(start="2019-02-15", end="2019-02-28") == (2, 1, ("feb", "feb-20"))
    assert counted(start="2019-02", end="2019-02") == (2, 2, ("feb", "feb-20"))
    assert counted(start="2019-02-21") == (2, 1, ("feb", "mar-05"))
    assert counted(start="2019-03") == (1, 1, ("mar-05",))
    assert counted(end="2019-01") == (0, 0, ())


# -- centrality ----------------------------------------------------------------------------


def test_degree_is_the_number_of_linked_records(korea: KnowledgeGraph) -> None:
    adj = record_links(korea)
    ranks = centrality(korea)
    assert {r.node: r.score for r in ranks} == {
        n: float(len(adj[n])) for n in adj if n.startswith("actor:")
    }
    assert [r.label for r in ranks[:4]] == [
        "Kim Jong Un",
        "North Korea",
        "Donald Trump",
        "Moon Jae-in",
    ]
    assert ranks[0].score == 12.0  # 8 events, 3 KCNA statements about him, his post
    ones = [r for r in ranks if r.score == 1.0]
    assert len({r.rank for r in ones}) == 1  # ties share a rank
    assert [r.label for r in ones] == sorted(r.label for r in ones)


@pytest.mark.parametrize("measure", ["degree", "betweenness", "closeness", "eigenvector"])
def test_rankings_are_sane(korea: KnowledgeGraph, measure: str) -> None:
    ranks = centrality(korea, measure=measure)
    position = {r.id: r.rank for r in ranks}
    assert len(ranks) == len(korea.actors)
    assert min(position["kim-jong-un"], position["north-korea"]) == 1
    for leader in ("kim-jong-un", "donald-trump", "moon-jae-in"):
        for minor in ("ihs-markit", "china", "united-nations-command"):
            assert position[leader] < position[minor], (measure, leader, minor)
    assert [r.score for r in ranks] == sorted((r.score for r in ranks), reverse=True)


def test_betweenness_of_the_leaves_is_zero(korea: KnowledgeGraph) -> None:
    scores = {r.id: r.score for r in centrality(korea, measure="betweenness")}
    for leaf in ("china", "united-nations-command", "ihs-markit"):
        assert scores[leaf] == 0.0
    events = centrality(korea, measure="betweenness", kinds=["event"], top=1)
    assert [r.id for r in events] == ["panmunjom-meeting-2019"]  # 7 statements are about it


def test_centrality_in_a_window(korea: KnowledgeGraph) -> None:
    ranks = {r.id: r.score for r in centrality(korea, start="2019", end="2019")}
    # 2019: the Panmunjom meeting, KCNA's "warm greetings" about him, and his post
    assert ranks["moon-jae-in"] == 3.0
    with pytest.raises(QueryError, match="either a graph or a date window"):
        centrality(korea, start="2019", graph=to_networkx(korea))
    with pytest.raises(QueryError, match="measure must be in"):
        centrality(korea, measure="pagerank")


# -- GraphML and GEXF ----------------------------------------------------------------------


def _typed_values_match_their_keys(tree: Any) -> int:
    """Every data value parses as its key's attr.type; returns how many were checked."""
    keys = {k.get("id"): k.get("attr.type") for k in tree.iter(f"{GRAPHML_NS}key")}
    parse = {
        "boolean": lambda t: t in ("true", "false"),
        "int": int,
        "long": int,
        "float": float,
        "double": float,
        "string": str,
    }
    n = 0
    for data in tree.iter(f"{GRAPHML_NS}data"):
        assert parse[keys[data.get("key")]](data.text or "") is not False
        n += 1
    return n


def test_graphml_is_valid_and_reads_back_to_the_same_records(
    korea: KnowledgeGraph, G: nx.MultiDiGraph, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    written = write_graphml(korea, tmp_path / "out" / "korea.graphml")
    assert written == tmp_path / "out" / "korea.graphml"
    tree = etree.parse(str(written))
    assert schema.validate(tree), schema.error_log
    assert _typed_values_match_their_keys(tree) > 500
    back = nx.read_graphml(written)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        G.number_of_nodes(),
        G.number_of_edges(),
    )
    assert from_networkx(back) == korea
    assert back.nodes["event:missile-tests-2019-05"]["precision"] == "month"
    assert isinstance(back.nodes["source:csis-dprk-provocations"].get("credibility", 0), int)
    assert [p.name for p in tmp_path.joinpath("out").iterdir()] == ["korea.graphml"]


def test_the_schema_rejects_what_graphml_forbids(
    G: nx.MultiDiGraph, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    # networkx writes a multigraph's edge keys as edge ids: 'said' twice is not GraphML.
    raw = tmp_path / "raw.graphml"
    nx.write_graphml(G, raw)
    assert not schema.validate(etree.parse(str(raw)))
    assert "edge_id_unique" in str(schema.error_log)
    dangling = (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<graph edgedefault="directed"><node id="a"/><edge source="a" target="b"/></graph>'
        "</graphml>"
    )
    assert not schema.validate(etree.fromstring(dangling))
    no_edgedefault = (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"/></graph>'
        "</graphml>"
    )
    assert not schema.validate(etree.fromstring(no_edgedefault))
    ok = no_edgedefault.replace("<graph>", '<graph edgedefault="undirected">')
    assert schema.validate(etree.fromstring(ok))


def test_co_participation_graphml_joins_the_event_ids(
    korea: KnowledgeGraph, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    written = write_graphml(co_participation(korea, start="2019"), tmp_path / "co.graphml")
    assert schema.validate(etree.parse(str(written))), schema.error_log
    back = nx.read_graphml(written)
    edge = back.edges["actor:donald-trump", "actor:kim-jong-un"]
    assert edge["weight"] == 3
    assert set(edge["events"].split("; ")) == TRUMP_KIM - {
        "singapore-summit-2018",
        "singapore-joint-statement-2018",
    }
    assert back.graph["start"] == "2019"


def test_gexf_reads_back_to_the_same_records(korea: KnowledgeGraph, tmp_path: Path) -> None:
    written = write_gexf(korea, tmp_path / "korea.gexf")
    back = nx.read_gexf(written)
    assert from_networkx(back) == korea
    co = nx.read_gexf(write_gexf(co_participation(korea), tmp_path / "co.gexf"))
    assert co.edges["actor:moon-jae-in", "actor:kim-jong-un"]["weight"] == 5


def test_streams_hold_the_same_documents(korea: KnowledgeGraph, tmp_path: Path) -> None:
    buf = io.BytesIO()
    serialize_graphml(korea, buf)
    assert from_networkx(nx.parse_graphml(buf.getvalue().decode())) == korea
    buf = io.BytesIO()
    serialize_gexf(korea, buf)
    (tmp_path / "s.gexf").write_bytes(buf.getvalue())
    assert from_networkx(nx.read_gexf(tmp_path / "s.gexf")) == korea


def test_values_are_made_legal(schema: etree.XMLSchema, tmp_path: Path) -> None:
    from datetime import date

    from diplograph.dates import parse_date

    H = nx.Graph()
    H.add_node(
        "a",
        missing=None,
        pair=("x", "y"),
        kinds={"b", "a"},
        day=date(2019, 6, 30),
        when=parse_date("2019-06"),
        role=NodeKind.ACTOR,
        extra={"k": 1},
        bell="ring\x07ring",
    )
    H.add_edge("a", "b", weight=2)
    written = write_graphml(H, tmp_path / "legal.graphml")
    assert schema.validate(etree.parse(str(written))), schema.error_log
    back = nx.read_graphml(written).nodes["a"]
    assert "missing" not in back
    assert back["pair"] == "x; y"
    assert back["kinds"] == "a; b"
    assert (back["day"], back["when"], back["role"]) == ("2019-06-30", "2019-06", "actor")
    assert back["extra"] == '{"k": 1}'
    assert back["bell"] == "ring\ufffdring"
    assert H.nodes["a"]["pair"] == ("x", "y")  # the caller's graph is untouched


def test_writes_are_atomic(korea: KnowledgeGraph, tmp_path: Path) -> None:
    target = tmp_path / "korea.graphml"
    target.write_text("old")
    write_graphml(korea, target)
    assert target.read_text().startswith("<?xml")
    assert sorted(os.listdir(tmp_path)) == ["korea.graphml"]
    folder = tmp_path / "a-folder.graphml"
    folder.mkdir()
    with pytest.raises(OSError):
        write_graphml(korea, folder)  # cannot replace a folder: nothing half-written is left
    assert sorted(os.listdir(tmp_path)) == ["a-folder.graphml", "korea.graphml"]
    assert list(folder.iterdir()) == []


@SETTINGS
@given(kg=knowledge_graphs())
def test_any_graph_writes_valid_graphml_with_the_same_counts(kg: KnowledgeGraph) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    buf = io.BytesIO()
    serialize_graphml(kg, buf)
    tree = etree.fromstring(buf.getvalue())
    assert schema.validate(tree), schema.error_log
    back = nx.parse_graphml(buf.getvalue().decode())
    G = to_networkx(kg)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        G.number_of_nodes(),
        G.number_of_edges(),
    )
    assert from_networkx(back).counts() == kg.counts()
