"""The quality benchmark's scorer, on a small invented article annotated by hand."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from diplograph.kg import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "data" / "ingest_eval_fixture"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ingest_quality", ROOT / "benchmarks" / "ingest_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return yaml.safe_load((FIXTURE / "gold" / "01-invented.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def text() -> str:
    return (FIXTURE / "articles" / "01-invented.txt").read_text(encoding="utf-8")


def f1s(scores: Any) -> dict[str, float]:
    return {m: round(c.f1, 3) for m, c in scores.counts.items()}


def test_the_gold_itself_scores_one(bench: ModuleType, gold: dict[str, Any], text: str) -> None:
    assert set(f1s(bench.score_article(gold, gold, text)).values()) == {1.0}


def test_a_wrong_speaker_counts_for_text_not_for_speaker(
    bench: ModuleType, gold: dict[str, Any], text: str
) -> None:
    pred = yaml.safe_load(yaml.safe_dump(gold))
    pred["quotes"][1]["speaker"] = "Kim Jong Un"
    c = bench.score_article(gold, pred, text).counts
    assert (c["quote text"].tp, c["quote+speaker"].tp) == (2, 1)
    assert c["quote+speaker"].precision == 0.5 and c["quote+speaker"].recall == 0.5


def test_spans_match_by_overlap_and_extra_items_cost_precision(
    bench: ModuleType, gold: dict[str, Any], text: str
) -> None:
    pred = yaml.safe_load(yaml.safe_dump(gold))
    pred["quotes"][0]["text"] = "it hopes the talks will resume"  # most of the gold span
    pred["dates"].append({"text": "soon", "value": "2019"})
    pred["events"][0]["link"] = None
    c = bench.score_article(gold, pred, text).counts
    assert c["quote text"].tp == 2
    assert (c["date resolution"].precision, c["date resolution"].recall) == (2 / 3, 1.0)
    assert c["event linking"].tp == 0 and c["event linking"].f1 == 0.0


def test_overlap_pairs_one_to_one(bench: ModuleType) -> None:
    assert bench.overlap((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert bench.pair([(0, 10)], [(0, 10), (1, 10)]) == [(0, 0)]


def test_the_pipeline_on_the_fixture(bench: ModuleType, korea: KnowledgeGraph) -> None:
    results = bench.evaluate(FIXTURE, korea)
    table = bench.report(results)
    assert "01-invented.txt" in table and "overall (1)" in table
    ((_, scores),) = results
    assert scores.counts["quote+speaker"].recall == 1.0
    assert scores.counts["date resolution"].f1 == 1.0
    assert scores.counts["event linking"].recall == 1.0


def test_quote_boundaries_that_differ_trivially_still_match(bench: ModuleType) -> None:
    text = "Moon said that we are ready, and “we will talk.” Then he left."
    gold = {"quotes": [{"text": "we are ready", "speaker": "Moon Jae-in"}]}
    pred = {"quotes": [{"start": 10, "end": 27, "speaker": "Moon Jae-in"}]}  # "that we are ready,"
    assert bench.score_article(gold, pred, text).counts["quote+speaker"].tp == 1
    other = {"quotes": [{"start": 34, "end": 47, "speaker": "Moon Jae-in"}]}  # another quote
    assert bench.score_article(gold, other, text).counts["quote text"].tp == 0


def test_event_linking_counts_each_gold_mention(bench: ModuleType) -> None:
    text = (
        "After the Hanoi summit, the summit was praised; the summit was over and a deal was near."
    )
    gold = {
        "events": [
            {"text": "the Hanoi summit", "link": "hanoi"},
            {"text": "the summit", "link": "hanoi"},
            {"text": "the summit", "link": "hanoi"},
            {"text": "a deal", "link": None},
        ]
    }
    # the pipeline links the first two mentions, misses the third, says nothing of the deal
    pred = {
        "events": [
            {"start": 6, "end": 22, "link": "hanoi"},
            {"start": 24, "end": 34, "link": "hanoi"},
        ]
    }
    c = bench.score_article(gold, pred, text).counts["event linking"]
    assert (c.tp, c.gold) == (3, 4)  # two links right, the unlinked deal right, the third missed
    assert c.precision == 1.0 and c.recall == 0.75
    wrong = {"events": [*pred["events"], {"start": 71, "end": 77, "link": "singapore"}]}
    c = bench.score_article(gold, wrong, text).counts["event linking"]
    assert (c.tp, c.recall, c.precision) == (2, 0.5, 2 / 3)


def test_repeated_gold_texts_take_their_next_occurrence(bench: ModuleType) -> None:
    text = "the talks, then the talks"
    assert bench._spans(text, [{"text": "the talks"}, {"text": "the talks"}]) == [(0, 9), (16, 25)]


def test_the_split_is_by_the_excerpts_number(bench: ModuleType) -> None:
    names = ["01-a.yaml", "02-b.yaml", "11-c.yaml", "22-d.yaml"]
    assert [n for n in names if bench.in_split(n, "dev")] == ["01-a.yaml", "11-c.yaml"]
    assert [n for n in names if bench.in_split(n, "test")] == ["02-b.yaml", "22-d.yaml"]
