"""A synthetic diplomatic record collection of any size, for the benchmarks.

The records are real :mod:`diplograph.model` records (validated), so the
quads come from the real RDF mapping. Actors are drawn with a Zipf-like skew
(a few very busy actors, a long tail), dates mix day, month and year precision
and intervals, and one statement is made for every five events.

    >>> from synthetic import generate
    >>> kg = generate(100, seed=1)
    >>> kg.counts()["events"], not kg.dangling()
    (100, True)
"""

from __future__ import annotations

import gc
import random
from collections.abc import Iterator
from datetime import date, timedelta

from diplograph.kg import KnowledgeGraph
from diplograph.model import (
    Actor,
    Event,
    EventType,
    Evidence,
    Participant,
    Place,
    Record,
    Role,
    Source,
    Statement,
)

ROLES = [Role.HOST, Role.GUEST, Role.ATTENDEE, Role.ATTENDEE, Role.MEDIATOR, Role.ACCOMPANYING]
TYPES = list(EventType)
FIRST_DAY = date(1990, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST_DAY).days


def sizes(events: int) -> dict[str, int]:
    """How many records of each kind a collection of ``events`` events has."""
    return {
        "actors": max(20, min(20_000, events // 50)),
        "places": max(5, min(2_000, events // 500)),
        "sources": max(5, min(10_000, events // 100)),
        "statements": events // 5,
    }


def _date_text(rng: random.Random) -> str:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    roll = rng.random()
    if roll < 0.80:
        return day.isoformat()
    if roll < 0.90:
        return f"{day.year:04d}-{day.month:02d}"
    if roll < 0.95:
        return f"{day.year:04d}"
    last = day + timedelta(days=rng.randrange(1, 4))
    return f"{day.isoformat()}/{last.isoformat()}"


SYLLABLES = ["ka", "ri", "mo", "sen", "tu", "pa", "lo", "von", "de", "shi", "na", "gor", "ex", "ul"]


def vocabulary(size: int = 20_000, *, seed: int = 0) -> list[str]:
    """``size`` distinct made-up words of two to four syllables (the text of ``words=True``)."""
    rng = random.Random(seed)
    out: dict[str, None] = {}
    while len(out) < size:
        out["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(out)


def _phrase(rng: random.Random, vocab: list[str], weights: list[float], lo: int, hi: int) -> str:
    return " ".join(rng.choices(vocab, cum_weights=weights, k=rng.randint(lo, hi)))


def records(events: int, *, seed: int = 0, words: bool = False) -> Iterator[Record]:
    """The records of a synthetic collection, sources first, then actors, places, events.

    With ``words``, labels, statements and quotes hold made-up words drawn
    with a Zipf-like skew (as words are in text), for the search benchmark;
    without, they are short fixed texts and the collection is as before.
    """
    rng = random.Random(seed)
    vocab = vocabulary(seed=seed) if words else []
    vocab_weights: list[float] = []
    running = 0.0
    for k in range(len(vocab)):
        running += 1.0 / (k + 1)
        vocab_weights.append(running)

    def text(fixed: str, lo: int, hi: int) -> str:
        return f"{fixed} {_phrase(rng, vocab, vocab_weights, lo, hi)}" if words else fixed

    n = sizes(events)
    for i in range(n["sources"]):
        yield Source(
            id=f"source-{i}",
            title=f"Report {i}",
            publisher=f"Agency {i % 50}",
            url=f"https://news.example.org/{i}",
            published=_date_text(rng).split("/")[0],
        )
    for i in range(n["actors"]):
        yield Actor(
            id=f"actor-{i}",
            kind="person" if i % 4 else "state",
            name=f"Actor {i}",
            aliases=(f"A{i}",),
        )
    for i in range(n["places"]):
        yield Place(id=f"place-{i}", name=f"Place {i}", lat=0.0, long=0.0)
    # Zipf-like weights: actor k is drawn with weight 1 / (k + 10)
    actor_weights = [1.0 / (k + 10) for k in range(n["actors"])]
    cumulative = []
    total = 0.0
    for w in actor_weights:
        total += w
        cumulative.append(total)
    for i in range(events):
        k = rng.choice((2, 2, 2, 3, 3, 4))
        chosen = sorted(set(rng.choices(range(n["actors"]), cum_weights=cumulative, k=k)))
        yield Event(
            id=f"event-{i}",
            label=text(f"Event {i}", 2, 5),
            type=rng.choice(TYPES),
            time=_date_text(rng),
            place=f"place-{rng.randrange(n['places'])}",
            participants=tuple(
                Participant(actor=f"actor-{a}", role=rng.choice(ROLES)) for a in chosen
            ),
            evidence=(
                Evidence(
                    source=f"source-{rng.randrange(n['sources'])}", quote=text(f"q{i}", 6, 14)
                ),
            ),
        )
    for i in range(n["statements"]):
        speaker = rng.choices(range(n["actors"]), cum_weights=cumulative)[0]
        yield Statement(
            id=f"statement-{i}",
            speaker=f"actor-{speaker}",
            date=_date_text(rng),
            text=text(f"Statement {i} on the talks", 8, 20),
            about_events=(f"event-{rng.randrange(events)}",),
            evidence=(
                Evidence(
                    source=f"source-{rng.randrange(n['sources'])}", quote=text(f"s{i}", 6, 14)
                ),
            ),
        )


def generate(events: int, *, seed: int = 0, words: bool = False) -> KnowledgeGraph:
    """A synthetic knowledge graph of ``events`` events (the collector paused while building)."""
    gc.disable()
    try:
        kg = KnowledgeGraph()
        for record in records(events, seed=seed, words=words):
            kg.add(record)
        return kg
    finally:
        gc.enable()
