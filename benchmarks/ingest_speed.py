"""Ingest speed and memory: articles per second on one core, and peak RSS for many articles.

Builds synthetic ~1,000-word news articles from invented sentences (quotes,
reported speech, dates, event mentions), loads the spaCy model first (its load
time is not counted), then times what ``diplograph ingest`` does (read, parse,
actors, dates, quotes, events, draft records, writing the drafts folder) stage
by stage, beside the baseline measured in the same run: spaCy's own ``nlp.pipe``
over the same texts with the model as it ships (whose annotations diplograph's
parse gives, all of them and the same). Times are CPU seconds of this
process (the machine is shared, so wall-clock time says more about the other
users than about ingest); wall-clock figures are printed beside them. The
parse is also timed component by component, for the stock pipeline and for
diplograph's. Peak RSS is read in a fresh process (one pipeline and the graph
loaded) after all ``--articles`` articles are turned into drafts and written in
one run, as ``diplograph ingest`` does with many files.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ingest_speed.py --articles 1000
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from diplograph import bundled_data, load
from diplograph.ingest import analyze, build_drafts, ingest_files, read_article, write_drafts
from diplograph.ingest.nlp import BATCH, MODEL, VECTORS, _annotate, _nlp, parse, parse_many

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


def _timed(what: str, n: int, run: Callable[[], Any], floor: float | None = None) -> float:
    """Run once; print articles/s by CPU time (and wall time); return the CPU seconds."""
    c0, w0 = time.process_time(), time.perf_counter()
    run()
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    ratio = f"  {floor / cpu:5.2f}x the baseline's speed" if floor else ""
    print(f"{what:<38} {n / cpu:6.1f} articles/s CPU ({n / wall:5.1f} wall){ratio}")
    return cpu


def _components(what: str, nlp: Any, texts: list[str]) -> None:
    """CPU milliseconds per article spent in each component of the model as ``nlp.pipe`` runs
    it (batches of 16, spaCy's default being 256 texts)."""
    c0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    spent = {"tokenizer": time.process_time() - c0}
    for name, proc in nlp.pipeline:
        c0 = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=16))
        else:
            docs = [proc(d) for d in docs]
        spent[name] = time.process_time() - c0
    _print_spent(what, spent, len(texts))


def _own_components(what: str, nlp: Any, texts: list[str]) -> None:
    """The same for diplograph's pipeline, as :func:`parse_many` runs it."""
    spent: dict[str, float] = {"tokenizer": 0.0}
    for i in range(0, len(texts), BATCH):
        c0 = time.process_time()
        docs = [nlp.make_doc(t) for t in texts[i : i + BATCH]]
        spent["tokenizer"] += time.process_time() - c0
        _annotate(nlp, docs, spent)
    _print_spent(what, spent, len(texts))
    vectors = nlp.get_pipe("ner").model.get_ref("tok2vec")
    docs = [nlp.make_doc(t) for t in texts]
    c0 = time.process_time()
    for i in range(0, len(docs), VECTORS):
        vectors.predict(docs[i : i + VECTORS])
    own = 1000 * (time.process_time() - c0) / len(texts)
    print(f"    of which the entity recognizer's own token vectors: {own:.1f} ms/article CPU")


def _print_spent(what: str, spent: dict[str, float], n: int) -> None:
    total = sum(spent.values())
    parts = ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in spent.items())
    print(f"  {what}: {1000 * total / n:.0f} ms/article CPU = {parts}")


def _peak_mib() -> float:
    """This process's peak RSS (``VmHWM``: unlike ``ru_maxrss``, not carried over from the
    process that started it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_run(folder: Path, out: Path) -> None:
    """Ingest every article of ``folder`` in one run; print the peak RSS of this process."""
    kg = load(bundled_data())
    parse("Warm-up: load the model before measuring.")
    before = _peak_mib()
    paths = sorted(folder.glob("*.txt"))
    c0 = time.process_time()
    result = ingest_files(paths, kg, published="2019-07-01")
    write_drafts(result, out)
    cpu = time.process_time() - c0
    peak = _peak_mib()
    print(
        f"{len(paths)} articles in one run: {len(result.kg)} records, "
        f"{len(paths) / cpu:.1f} articles/s CPU, peak RSS {peak:.0f} MiB "
        f"(fresh process, model and graph loaded before the first article: {before:.0f} MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles for the RSS run")
    parser.add_argument("--timed", type=int, default=50, help="articles to time")
    parser.add_argument("--rss-run", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_run:
        _rss_run(*args.rss_run)
        return
    import spacy

    rng = random.Random(7)
    kg = load(bundled_data())
    parse("Warm-up: load the model before timing.")
    stock = spacy.load(MODEL)
    stock("Warm-up.")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.articles):
            path = Path(tmp) / f"a{i:04d}.txt"
            path.write_text(article(rng), encoding="utf-8")
            paths.append(path)
        timed = paths[: args.timed]
        texts = [p.read_text(encoding="utf-8") for p in timed]
        n = len(timed)
        words = sum(len(t.split()) for t in texts) / n
        chars = sum(len(t) for t in texts) / n
        print(f"{n} articles timed, {words:.0f} words ({chars:.0f} characters) each on average")

        floor = _timed("spaCy nlp.pipe, model as shipped", n, lambda: list(stock.pipe(texts)))
        _timed("diplograph's parse (parse_many)", n, lambda: list(parse_many(texts)), floor)
        print("the parse component by component (CPU ms/article):")
        _components("spaCy, model as shipped", stock, texts)
        _own_components("diplograph's pipeline", _nlp(), texts)
        arts = [read_article(p, published="2019-07-01") for p in timed]
        docs: list[Any] = list(parse_many(a.body for a in arts))
        analyses: list[Any] = []
        cpu_an = _timed(
            "  analyse (actors, dates, quotes, events)",
            n,
            lambda: analyses.extend(analyze(a, kg, doc=d) for a, d in zip(arts, docs, strict=True)),
        )
        drafts: list[Any] = []
        cpu_b = _timed(
            "  build the draft records", n, lambda: drafts.append(build_drafts(analyses, kg))
        )
        out = Path(tmp) / "timed-drafts"
        cpu_w = _timed("  write the drafts folder", n, lambda: write_drafts(drafts[0], out))
        own = 1000 * (cpu_an + cpu_b + cpu_w) / n
        print(f"  ingest's own work after the parse: {own:.0f} ms/article CPU")

        def whole() -> None:
            write_drafts(ingest_files(timed, kg, published="2019-07-01"), Path(tmp) / "whole")

        _timed("the whole of ingest (read to written)", n, whole, floor)
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

        command = [sys.executable, __file__, "--rss-run", tmp, str(Path(tmp) / "all-drafts")]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
