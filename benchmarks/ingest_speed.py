"""Ingest speed and memory: articles per second on one core, and peak RSS for many articles.

Builds synthetic ~1,000-word news articles from invented sentences (quotes,
reported speech, dates, event mentions), loads the spaCy model first (its load
time is not counted), then times the whole pipeline (parse, actors, dates,
quotes, events, draft records) beside the floor of the spaCy parse alone,
measured in the same run. Peak RSS is read after all articles are turned into
drafts in one run, as ``diplograph ingest`` does with many files.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ingest_speed.py --articles 1000
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from diplograph import bundled_data, load
from diplograph.ingest import analyze, build_drafts, read_article
from diplograph.ingest.nlp import parse, parse_many

SPEAKERS = ["Moon Jae-in", "Kim Jong Un", "Donald Trump", "Lee Sang-min", "Alison Evans"]
NEW = ["Maria Lindqvist", "Omar Haddad", "Chen Wei", "Anna Petrova", "Jonas Berg"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "last June", "in February"]
SENTENCES = [
    "“We remain committed to dialogue and will keep the door open,” {who} said {day}.",
    "{who} said that the negotiations would continue despite the setbacks of recent weeks.",
    "Foreign Minister {new} told reporters the talks in Geneva had been frank and useful.",
    "The summit between the two leaders {day} ended without a joint statement.",
    "Officials said the sanctions would remain in place until verifiable steps were taken.",
    "{new}, an analyst at the Institute for Peace Studies, said progress was unlikely.",
    "“Nothing is agreed until everything is agreed,” she added.",
    "The meeting at the border was the third between the two sides in a year.",
    "Pyongyang and Washington exchanged letters {day}, according to state media.",
    "The agency said the leaders agreed to hold working-level talks in the coming weeks.",
    "North Korea conducted tests of short-range missiles {day}, the military said.",
    "A spokesman for the ministry declined to comment on the report.",
]


def article(rng: random.Random, words: int = 1000) -> str:
    """An invented news article of about ``words`` words, in paragraphs."""
    paragraphs: list[str] = ["Envoys weigh the next round of talks"]
    count = 0
    while count < words:
        para = " ".join(
            rng.choice(SENTENCES).format(
                who=rng.choice(SPEAKERS), new=rng.choice(NEW), day=rng.choice(DAYS)
            )
            for _ in range(rng.randint(1, 3))
        )
        paragraphs.append(para)
        count += len(para.split())
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles for the RSS run")
    parser.add_argument("--timed", type=int, default=50, help="articles to time")
    args = parser.parse_args()
    rng = random.Random(7)
    kg = load(bundled_data())
    parse("Warm-up: load the model before timing.")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.articles):
            path = Path(tmp) / f"a{i:04d}.txt"
            path.write_text(article(rng), encoding="utf-8")
            paths.append(path)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths[: args.timed])
        print(f"{args.timed} articles timed, {words / args.timed:.0f} words each on average")

        t0 = time.perf_counter()
        for p in paths[: args.timed]:
            parse(p.read_text(encoding="utf-8"))
        floor = time.perf_counter() - t0
        print(f"spaCy parse alone (floor):  {args.timed / floor:7.1f} articles/s")

        t0 = time.perf_counter()
        for p in paths[: args.timed]:
            build_drafts([analyze(read_article(p, published="2019-07-01"), kg)], kg)
        full = time.perf_counter() - t0
        print(f"ingest pipeline to drafts:  {args.timed / full:7.1f} articles/s (one by one)")

        t0 = time.perf_counter()
        timed = [read_article(p, published="2019-07-01") for p in paths[: args.timed]]
        docs = parse_many([a.body for a in timed])
        build_drafts([analyze(a, kg, doc=d) for a, d in zip(timed, docs, strict=True)], kg)
        batch = time.perf_counter() - t0
        print(f"ingest pipeline to drafts:  {args.timed / batch:7.1f} articles/s (batched parse)")
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        articles = [read_article(p, published="2019-07-01") for p in paths]
        docs = parse_many(a.body for a in articles)
        drafts = build_drafts([analyze(a, kg, doc=next(docs)) for a in articles], kg)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{args.articles} articles in one run: {len(drafts.kg)} records, "
            f"peak RSS {peak:.0f} MiB (model and graph loaded: {before:.0f} MiB)"
        )


if __name__ == "__main__":
    main()
