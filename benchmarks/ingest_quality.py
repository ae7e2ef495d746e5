"""Ingest quality: precision, recall and F1 of the pipeline against a hand-annotated set.

Reads ``tests/ingest_eval/`` (the format is in its RULES.md and in the project's
evaluation-set format: ``articles/NN-slug.txt`` and ``gold/NN-slug.yaml``), runs
the pipeline on every article against the shipped dataset (or ``--data``) and
prints, per article and overall (micro-averaged), precision, recall and F1 for

- quote text: a predicted statement matches a gold one when their spans overlap
  by at least half of their union (one-to-one, best overlap first);
- quote + speaker: the same, and the speaker is the same actor (canonical name);
- actor resolution: the set of actors named, each as its graph id or, for new
  ones, its folded name;
- event linking: a predicted event mention matches a gold one by overlap, and is
  right when both link to the same event of the graph (or both to none);
- date resolution: a temporal expression matches by overlap and is right when it
  resolves to the same EDTF value.

    .venv/bin/python benchmarks/ingest_quality.py [EVAL_DIR] [--data FOLDER]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from diplograph import bundled_data, load
from diplograph.ingest import analyze, read_article
from diplograph.ingest.pipeline import Analysis
from diplograph.kg import KnowledgeGraph, normalize_name

METRICS = ("quote text", "quote+speaker", "actor resolution", "event linking", "date resolution")
Span = tuple[int, int]


@dataclass
class Counts:
    """True positives, predictions and gold items of one metric."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Counts of every metric for one article (or the sum of several)."""

    counts: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in METRICS})

    def add(self, other: Scores) -> None:
        for m in METRICS:
            self.counts[m].add(other.counts[m])


def locate(text: str, words: str, after: int = 0) -> Span | None:
    """The span of ``words`` in ``text`` (the first at or after ``after``, else the first)."""
    at = text.find(words, after)
    if at < 0:
        at = text.find(words)
    return None if at < 0 else (at, at + len(words))


def overlap(a: Span, b: Span) -> float:
    """Length of the intersection over the length of the union."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def pair(gold: Sequence[Span], predicted: Sequence[Span], least: float = 0.5) -> list[Span]:
    """One-to-one pairs ``(gold index, predicted index)`` by best overlap, at least ``least``."""
    candidates = sorted(
        (
            (overlap(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if overlap(g, p) >= least
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[Span] = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _spans(text: str, items: Iterable[dict[str, Any]]) -> list[Span]:
    spans: list[Span] = []
    for item in items:
        if "start" in item:
            spans.append((int(item["start"]), int(item["end"])))
        else:
            found = locate(text, str(item["text"]))
            spans.append(found if found is not None else (-2, -1))
    return spans


def _folded(value: Any) -> str | None:
    return None if value is None else normalize_name(str(value))


def score_article(gold: dict[str, Any], predicted: dict[str, Any], text: str) -> Scores:
    """Score one article's predictions (in the gold format, with spans) against its gold."""
    scores = Scores()
    c = scores.counts
    gq, pq = gold.get("quotes") or [], predicted.get("quotes") or []
    pairs = pair(_spans(text, gq), _spans(text, pq))
    c["quote text"] = Counts(len(pairs), len(pq), len(gq))
    right = sum(_folded(gq[g]["speaker"]) == _folded(pq[p]["speaker"]) for g, p in pairs)
    c["quote+speaker"] = Counts(right, len(pq), len(gq))

    def actor_keys(actors: Iterable[dict[str, Any]]) -> set[str]:
        return {str(a["id"]) if a.get("id") else f"new:{_folded(a['name'])}" for a in actors}

    ga, pa = actor_keys(gold.get("actors") or []), actor_keys(predicted.get("actors") or [])
    c["actor resolution"] = Counts(len(ga & pa), len(pa), len(ga))
    ge, pe = gold.get("events") or [], predicted.get("events") or []
    pairs = pair(_spans(text, ge), _spans(text, pe), least=0.3)
    right = sum(ge[g].get("link") == pe[p].get("link") for g, p in pairs)
    c["event linking"] = Counts(right, len(pe), len(ge))
    gd, pd = gold.get("dates") or [], predicted.get("dates") or []
    pairs = pair(_spans(text, gd), _spans(text, pd))
    right = sum(str(gd[g]["value"]) == str(pd[p]["value"]) for g, p in pairs)
    c["date resolution"] = Counts(right, len(pd), len(gd))
    return scores


def predictions(an: Analysis) -> dict[str, Any]:
    """What the pipeline read, in the gold format with spans."""
    body = an.article.body
    return {
        "quotes": [
            {
                "text": body[q.start : q.end],
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker.name if q.speaker else None,
                "mode": q.mode,
            }
            for q in an.quotes
        ],
        "actors": [{"name": a.name, "id": a.id if a.existing else None} for a in an.actors],
        "events": [
            {"text": body[a:b], "start": a, "end": b, "link": e.link, "cluster": e.id}
            for e in an.events
            for a, b in e.mentions
        ],
        "dates": [
            {"text": body[d.start : d.end], "start": d.start, "end": d.end, "value": str(d.value)}
            for d in an.dates
        ],
    }


def evaluate(folder: Path, kg: KnowledgeGraph) -> list[tuple[str, Scores]]:
    """Scores of every gold article in ``folder`` (``articles/`` and ``gold/``)."""
    results = []
    for gold_path in sorted((folder / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        article_path = folder / "articles" / gold["article"]
        article = read_article(article_path, published=str(gold["published"]))
        results.append(
            (gold["article"], score_article(gold, predictions(analyze(article, kg)), article.body))
        )
    return results


def report(results: list[tuple[str, Scores]]) -> str:
    """A table: per article and overall, P / R / F1 of each metric."""
    head = f"{'article':<28}" + "".join(f"{m:>24}" for m in METRICS)
    lines = [head, f"{'':<28}" + "".join(f"{'P / R / F1':>24}" for _ in METRICS)]
    total = Scores()

    def row(name: str, s: Scores) -> str:
        cells = [
            f"{s.counts[m].precision:.2f} / {s.counts[m].recall:.2f} / {s.counts[m].f1:.2f}"
            for m in METRICS
        ]
        return f"{name[:27]:<28}" + "".join(f"{cell:>24}" for cell in cells)

    for name, s in results:
        total.add(s)
        lines.append(row(name, s))
    lines.append(row(f"overall ({len(results)})", total))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(__file__).resolve().parent.parent / "tests" / "ingest_eval"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--data", type=Path, default=None, help="graph to link against")
    args = parser.parse_args(argv)
    if not (args.folder / "gold").is_dir():
        print(f"no gold/ folder in {args.folder}", file=sys.stderr)
        return 1
    kg = load(args.data or bundled_data())
    print(report(evaluate(args.folder, kg)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
