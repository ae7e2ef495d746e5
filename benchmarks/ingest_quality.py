"""Ingest quality: precision, recall and F1 of the pipeline against a hand-annotated set.

Reads ``tests/ingest_eval/`` (the format is in its RULES.md and in the project's
evaluation-set format: ``articles/NN-slug.txt`` and ``gold/NN-slug.yaml``), runs
the pipeline on every article against the shipped dataset (or ``--data``) and
prints, per article and overall (micro-averaged), precision, recall and F1 for

- quote text: a predicted statement matches a gold one when their spans overlap
  by at least half of their union (one-to-one, best overlap first), after both
  spans are trimmed of trivial boundary differences (quote marks, white space,
  a comma or full stop closing the quotation, a leading "that");
- quote + speaker: the same, and the speaker is the same actor (canonical name);
- actor resolution: the set of actors named, each as its graph id or, for new
  ones, its folded name;
- event linking: the issue's "accuracy of the existing event each mention
  refers to", counted per gold mention: a gold mention is right when the
  pipeline found a mention on its head noun and linked it to the same event of
  the graph, or when gold says no existing event (``link: null``) and the
  pipeline did not link those words to one. Recall is that accuracy; precision
  is the share of the pipeline's links to graph events that are right (a link
  on words gold has no mention for is wrong);
- date resolution: a temporal expression matches by overlap and is right when it
  resolves to the same EDTF value.

Gold items carry only their text; a text that occurs several times is placed at
its next occurrence after the end of the previous item (gold lists follow the
excerpt's order), not always at the first; an item found only earlier keeps the old
placement (its next occurrence after the previous item with the same text).

    .venv/bin/python benchmarks/ingest_quality.py [EVAL_DIR] [--data FOLDER]
        [--split dev|test|fresh|late|held|unseen|blind|last|final|all]

``--split dev`` scores the odd-numbered excerpts of 01-22 (01, 03, ...);
``--split test`` the even-numbered ones of 01-22; ``--split fresh`` the
excerpts 23-34, annotated by hand after the rules of that time were written;
``late`` the excerpts 35-40 and ``held`` the excerpts 41-46, both annotated by
hand after the rules fitted to 01-34; ``unseen`` the excerpts 47-52, annotated by hand
while the rules were fitted to 01-46 and never run through the pipeline before being
scored; ``blind`` the excerpts 53-64, annotated the same way while the rules were fitted
to 01-52; ``last`` the excerpts 65-76, annotated while the rules were fitted to 01-64;
``final`` those from 77 on, annotated while the rules were fitted to 01-76; ``all``
(the default) every excerpt. Each split was held out once, scored once, and then used
to develop rules, so the figure to trust is the one measured when a split was still
unseen (the README records them).
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
    #: right predictions when they differ from right gold items (event linking), else None
    tp_predicted: int | None = None

    def add(self, other: Counts) -> None:
        if self.tp_predicted is not None or other.tp_predicted is not None:
            mine = self.tp if self.tp_predicted is None else self.tp_predicted
            theirs = other.tp if other.tp_predicted is None else other.tp_predicted
            self.tp_predicted = mine + theirs
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        if self.tp_predicted is not None and not self.predicted:
            return 1.0  # no link claimed, none wrong
        tp = self.tp if self.tp_predicted is None else self.tp_predicted
        return tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

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
    """Spans of items: their own offsets, else their text's next unused occurrence."""
    spans: list[Span] = []
    last: dict[str, int] = {}
    previous = 0  # where the item before ends: gold lists follow the excerpt's order
    for item in items:
        if "start" in item:
            spans.append((int(item["start"]), int(item["end"])))
            continue
        words = str(item["text"])
        after = last[words] + 1 if words in last else 0
        # "Thursday next week" then "Thursday": the second is not inside the first
        at = text.find(words, max(after, previous))
        found = (at, at + len(words)) if at >= 0 else locate(text, words, after)
        if found is not None:
            last[words], previous = found
        spans.append(found if found is not None else (-2, -1))
    return spans


_TRIM = " \t\n\"'“”‘’,.;:"


def trim(text: str, span: Span) -> Span:
    """``span`` without trivial boundary characters and a leading "that".

    >>> t = '“that we agree,” he said'
    >>> trim(t, (0, 16))
    (6, 14)
    """
    a, b = span
    if a < 0:
        return span
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    if text[a : a + 5].lower() == "that " and b - a > 5:
        a += 5
    return (a, b)


def _head(text: str, span: Span) -> Span:
    """The last word of a gold event mention (its head noun)."""
    at = text.rfind(" ", span[0], span[1])
    return (span[0] if at < 0 else at + 1, span[1])


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def score_events(gold: list[dict[str, Any]], pred: list[dict[str, Any]], text: str) -> Counts:
    """Event linking per gold mention (see the module's docstring)."""
    gs, ps = _spans(text, gold), _spans(text, pred)
    heads = [_head(text, g) for g in gs]
    cands = sorted(
        (overlap(g, p), gi, pi)
        for gi, g in enumerate(gs)
        for pi, p in enumerate(ps)
        if _inside(heads[gi], p) or overlap(g, p) >= 0.3
    )
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in reversed(cands):
        if gi not in match and pi not in used:
            match[gi] = pi
            used.add(pi)
    right = 0
    for gi, g in enumerate(gold):
        link = pred[match[gi]].get("link") if gi in match else None
        right += link == g.get("link")
    linked = [pi for pi, p in enumerate(pred) if p.get("link")]
    inv = {pi: gi for gi, pi in match.items()}
    good = sum(pi in inv and gold[inv[pi]].get("link") == pred[pi].get("link") for pi in linked)
    return Counts(right, len(linked), len(gold), tp_predicted=good)


def _folded(value: Any) -> str | None:
    return None if value is None else normalize_name(str(value))


def score_article(gold: dict[str, Any], predicted: dict[str, Any], text: str) -> Scores:
    """Score one article's predictions (in the gold format, with spans) against its gold."""
    scores = Scores()
    c = scores.counts
    gq, pq = gold.get("quotes") or [], predicted.get("quotes") or []
    pairs = pair(
        [trim(text, s) for s in _spans(text, gq)], [trim(text, s) for s in _spans(text, pq)]
    )
    c["quote text"] = Counts(len(pairs), len(pq), len(gq))
    right = sum(_folded(gq[g]["speaker"]) == _folded(pq[p]["speaker"]) for g, p in pairs)
    c["quote+speaker"] = Counts(right, len(pq), len(gq))

    def actor_keys(actors: Iterable[dict[str, Any]]) -> set[str]:
        return {str(a["id"]) if a.get("id") else f"new:{_folded(a['name'])}" for a in actors}

    ga, pa = actor_keys(gold.get("actors") or []), actor_keys(predicted.get("actors") or [])
    c["actor resolution"] = Counts(len(ga & pa), len(pa), len(ga))
    c["event linking"] = score_events(gold.get("events") or [], predicted.get("events") or [], text)
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


FRESH_FROM = 23
"""Excerpts numbered from here on were annotated after the pipeline's rules were written."""

SPLITS = {
    "fresh": (23, 34),
    "late": (35, 40),
    "held": (41, 46),
    "unseen": (47, 52),
    "blind": (53, 64),
    "last": (65, 76),
    "final": (77, 99),
}
"""The later splits by excerpt number, first and last included."""


def in_split(name: str, split: str) -> bool:
    """Whether the excerpt ``NN-slug`` belongs to ``split``.

    dev: odd NN below 23; test: even NN below 23; fresh: 23-34; late: 35-40;
    held: 41-46; unseen: 47-52; blind: 53-64; last: 65-76; final: from 77 on;
    all: every one.

    >>> in_split("03-x.yaml", "dev"), in_split("04-x.yaml", "dev"), in_split("04-x.yaml", "all")
    (True, False, True)
    >>> in_split("23-x.yaml", "dev"), in_split("24-x.yaml", "test"), in_split("23-x.yaml", "fresh")
    (False, False, True)
    >>> in_split("22-x.yaml", "fresh"), in_split("34-x.yaml", "all")
    (False, True)
    >>> in_split("35-x.yaml", "fresh"), in_split("35-x.yaml", "late"), in_split("41-x.yaml", "held")
    (False, True, True)
    >>> in_split("46-x.yaml", "held"), in_split("47-x.yaml", "held")
    (True, False)
    >>> in_split("46-x.yaml", "unseen"), in_split("47-x.yaml", "unseen")
    (False, True)
    >>> in_split("52-x.yaml", "unseen"), in_split("53-x.yaml", "unseen")
    (True, False)
    >>> in_split("52-x.yaml", "blind"), in_split("53-x.yaml", "blind")
    (False, True)
    >>> in_split("64-x.yaml", "blind"), in_split("65-x.yaml", "blind")
    (True, False)
    >>> in_split("64-x.yaml", "last"), in_split("65-x.yaml", "last")
    (False, True)
    >>> in_split("76-x.yaml", "last"), in_split("77-x.yaml", "last"), in_split("77-x.yaml", "final")
    (True, False, True)
    """
    if split == "all":
        return True
    number = int(name.split("-", 1)[0])
    if split in SPLITS:
        first, last = SPLITS[split]
        return first <= number <= last
    if number >= FRESH_FROM:
        return False
    odd = number % 2 == 1
    return odd if split == "dev" else not odd


def evaluate(folder: Path, kg: KnowledgeGraph, split: str = "all") -> list[tuple[str, Scores]]:
    """Scores of every gold article of ``split`` in ``folder`` (``articles/`` and ``gold/``)."""
    results = []
    for gold_path in sorted((folder / "gold").glob("*.yaml")):
        if not in_split(gold_path.name, split):
            continue
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
    parser.add_argument("--split", choices=("dev", "test", *SPLITS, "all"), default="all")
    args = parser.parse_args(argv)
    if not (args.folder / "gold").is_dir():
        print(f"no gold/ folder in {args.folder}", file=sys.stderr)
        return 1
    kg = load(args.data or bundled_data())
    print(f"split: {args.split}")
    print(report(evaluate(args.folder, kg, args.split)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
