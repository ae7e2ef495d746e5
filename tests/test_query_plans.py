"""The plan reader of benchmarks/query_plans.py, and the busy-actor templates' answers.

The reader turns ``oxigraph query --explain --stats`` output into a tree and a
few lines (joins, quad patterns in evaluation order, where the time goes). It
is checked on an excerpt of a real explanation (the busiest pair's events at
1M events, numbers checked by hand against the full text) and on the output
of the venv's ``oxigraph`` CLI on the Korea dataset.

The templates that join two busy actors' event lists (``*-busy*.rq``) give
the answers of the lookup templates: with the threshold at 0, every pair goes
through them, and the questions must answer as before.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from diplograph import KnowledgeGraph, query
from diplograph.query import questions
from diplograph.query.rows import iri_of
from diplograph.query.templates import bind, template
from diplograph.rdf.store import EmbeddedStore, Solutions

ROOT = Path(__file__).resolve().parent.parent

# an excerpt of `oxigraph query --explain --stats` (0.5.13) for
# events-with-busy-actors.rq, actor-0 and actor-1 at 1M events
EXCERPT = """QueryExplanation {
    planning duration in seconds: 0.000162037,
    tree: Node {
        name: "Distinct(Hash)",
        number of results: 117,
        duration in seconds: 2.1529057,
        children: [
            Node {
                name: "Join(HashBuildLeftProbeRight, keys = ?event)",
                number of results: 754,
                duration in seconds: 1.7680984,
                children: [
                    Node {
                        name: "QuadPattern(?event <SEM:hasActor> ?first)",
                        number of results: 34225,
                        duration in seconds: 0.13075653,
                    },
                    Node {
                        name: "QuadPattern(?event <SEM:hasActor> ?second)",
                        number of results: 31058,
                        duration in seconds: 0.19686812,
                    },
                ],
            },
            Node {
                name: "ForLoopLeftJoin(expression = \\"true\\"^^<http://www.w3.org/2001/XMLSchema#boolean>)",
                number of results: 754,
                duration in seconds: 0.1,
                children: [
                    Node {
                        name: "QuadPattern(?event <DG:edtf> ?edtf)",
                        number of results: 754,
                        duration in seconds: 0.020557541,
                    },
                ],
            },
        ],
    },
    ..
}
""".replace("SEM:", "http://semanticweb.cs.vu.nl/2009/11/sem/").replace(
    "DG:", "https://w3id.org/diplograph/ontology#"
)


@pytest.fixture(scope="module")
def plans() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "query_plans", ROOT / "benchmarks" / "query_plans.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_excerpt_becomes_a_tree(plans: ModuleType) -> None:
    root = plans.parse_explain(EXCERPT)
    assert (root.name, root.results, root.seconds) == ("Distinct(Hash)", 117, 2.1529057)
    join, loop = root.children
    assert join.name == "Join(HashBuildLeftProbeRight, keys = ?event)"
    assert [c.results for c in join.children] == [34225, 31058]
    assert (
        loop.name
        == 'ForLoopLeftJoin(expression = "true"^^<http://www.w3.org/2001/XMLSchema#boolean>)'
    )
    assert join.self_seconds == pytest.approx(1.7680984 - 0.13075653 - 0.19686812)
    assert root.self_seconds == pytest.approx(2.1529057 - 1.7680984 - 0.1)


def test_the_summary_names_joins_patterns_and_time(plans: ModuleType) -> None:
    joins, patterns, time = plans.summarize(plans.parse_explain(EXCERPT))
    assert joins == (
        "joins: Join(HashBuildLeftProbeRight, keys = ?event) 34,225 x 31,058 -> 754; "
        "ForLoopLeftJoin 754 -> 754"
    )
    assert patterns == (
        "quad patterns in evaluation order: ?event sem:hasActor ?first = 34,225 (0.131 s); "
        "?event sem:hasActor ?second = 31,058 (0.197 s); ?event dg:edtf ?edtf = 754 (0.021 s)"
    )
    # the join itself holds most of the time: 1.768 - 0.131 - 0.197 = 1.440 s of 2.153
    assert time.startswith("time: 2.153 s instrumented, 117 results; most of it in: Join(")
    assert "1.440 s (67%)" in time


def test_text_without_a_plan_is_an_error(plans: ModuleType) -> None:
    with pytest.raises(ValueError, match="no plan tree"):
        plans.parse_explain("error: no such file")


def test_the_cli_plan_of_a_busy_pair(
    plans: ModuleType, korea: KnowledgeGraph, tmp_path: Path
) -> None:
    """The real CLI's plan of the busy-pair template: the two lists joined by a hash join."""
    store = EmbeddedStore(tmp_path / "store")
    store.load(korea)
    store.close()
    text = bind(
        template("events-with-busy-actors"),
        first=iri_of("actor", "kim-jong-un"),
        second=iri_of("actor", "donald-trump"),
        other=[iri_of("actor", "kim-jong-un")],
        type=None,
        place=None,
        **{"from": None, "to": None},
    )
    root, _ = plans.explain(tmp_path / "store", text)
    summary = plans.summarize(root)
    expected = len(query.events(_open(tmp_path / "store"), actors=["kim-jong-un", "donald-trump"]))
    assert root.results is not None and root.results >= expected > 0
    assert "Join(HashBuildLeftProbeRight, keys = ?event)" in summary[0]
    assert summary[1].index("sem:hasActor ?first") < summary[1].index("dg:edtf ?edtf")
    assert plans.template_of(text) == "events-with-busy-actors"
    # the same values bound into a template again give the same text
    assert plans.rebind(text, template("events-with-busy-actors")) == text


def _open(path: Path) -> EmbeddedStore:
    return EmbeddedStore(path, read_only=True)


@pytest.fixture(scope="module")
def korea_store(korea: KnowledgeGraph) -> EmbeddedStore:
    store = EmbeddedStore()
    store.load(korea)
    return store


PAIRS = [
    ("kim-jong-un", "donald-trump"),
    ("moon-jae-in", "kim-jong-un"),
    ("donald-trump", "moon-jae-in"),
]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_busy_templates_answer_as_the_lookups(
    plans: ModuleType,
    korea_store: EmbeddedStore,
    monkeypatch: pytest.MonkeyPatch,
    a: str,
    b: str,
) -> None:
    asks = {
        "events": lambda: query.events(korea_store, actors=[a, b]),
        "window": lambda: query.events(korea_store, actors=[a, b], start="2019-01", end="2019-12"),
        "meetings": lambda: query.meetings(korea_store, a, b, any_role=True),
        "principal": lambda: query.meetings(korea_store, a, b),
    }
    lookups = {k: f() for k, f in asks.items()}
    monkeypatch.setattr(questions, "_BUSY", 0)
    sent: list[str] = []
    ask = korea_store.query

    def recording(sparql: str) -> Solutions:
        sent.append(sparql)
        return ask(sparql)

    monkeypatch.setattr(korea_store, "query", recording)
    joined = {k: f() for k, f in asks.items()}
    assert joined == lookups
    busy = [plans.template_of(s) for s in sent if "busy" in plans.template_of(s)]
    assert sorted(set(busy)) == ["events-with-busy-actors", "meetings-busy"]
    assert len(busy) == len(asks)
    assert lookups["events"] and lookups["meetings"]
    assert len(lookups["window"]) < len(lookups["events"])
