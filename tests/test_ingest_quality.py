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
