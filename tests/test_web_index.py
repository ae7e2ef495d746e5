"""The web view's in-memory index: its shortcuts give what a plain scan of the items gives.

The index answers a window without a filter by counting from where each month
begins, and an actor or source filter from the items of those actors or
sources. Both are checked here against the definition (every item tested one
by one) on a few thousand made-up items: days, spans of up to a year, items
open at one end, events and statements, each with actors and sources.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from diplograph.web import _facts, _index

FIRST = date(1990, 1, 1)
TYPES = ["summit", "talks", "visit"]


def _items(n: int, seed: int = 0) -> tuple[list[_index.Item], _facts.Facts]:
    rng = random.Random(seed)
    items, actors, sources = [], {}, {}
    for k in range(n):
        start = FIRST + timedelta(days=rng.randrange(12_000))
        length = rng.choice([0, 0, 0, 1, 2, 29, 30, 61, 62, 63, 90, 364])
        end = start + timedelta(days=length)
        if k % 97 == 0:
            start = date.min  # open before
        elif k % 89 == 0:
            end = date.max  # open after
        iri = f"https://example.org/item/{k}"
        items.append(_index.Item(start, end, iri, rng.choice([*TYPES, None])))
        actors[iri] = frozenset(f"actor-{rng.randrange(40)}" for _ in range(rng.randrange(4)))
        sources[iri] = frozenset(f"source-{rng.randrange(15)}" for _ in range(rng.randrange(3)))
    facts = _facts.Facts(
        actors=actors,
        sources=sources,
        holders=_facts._inverse({k: set(v) for k, v in actors.items()}),
        citing=_facts._inverse({k: set(v) for k, v in sources.items()}),
    )
    return items, facts


@pytest.fixture(scope="module")
def index() -> _index.Index:
    items, facts = _items(5000)
    return _index.Index(items, lambda: facts)


def _in(item: _index.Item, first: date | None, last: date | None) -> bool:
    return (first is None or item.latest >= first) and (last is None or item.earliest <= last)


WINDOWS = [
    (None, None),
    (date(2000, 1, 1), None),
    (None, date(2000, 1, 1)),
    (date(2000, 3, 15), date(2000, 3, 15)),  # one day
    (date(2000, 3, 1), date(2000, 3, 7)),
    (date(2000, 3, 1), date(2000, 4, 30)),
    (date(1995, 6, 17), date(2011, 2, 3)),
    (date(1980, 1, 1), date(1989, 12, 31)),  # before every day: only the open items
    (date(2030, 1, 1), date(2040, 1, 1)),
]


@pytest.mark.parametrize(("first", "last"), WINDOWS)
def test_counting_a_window_gives_what_listing_it_gives(
    index: _index.Index, first: date | None, last: date | None
) -> None:
    every = [*index.items, *index.long]
    kept = [i for i in every if _in(i, first, last)]
    assert sorted(i.iri for i in index.window(first, last)) == sorted(i.iri for i in kept)
    events, statements, months = index.tally(first, last)
    assert events == sum(i.type is not None for i in kept)
    assert statements == sum(i.type is None for i in kept)
    assert months == _index.by_month(kept)
    assert sum(months.values()) == len(kept) > 0 or (first, last) == WINDOWS[-1]


@pytest.mark.parametrize(("first", "last"), WINDOWS)
@pytest.mark.parametrize(
    "keep",
    [
        _index.Filters(actors=frozenset({"actor-3"})),  # a few of the items
        _index.Filters(actors=frozenset({"actor-3", "actor-7", "no-such-actor"})),
        _index.Filters(sources=frozenset({"source-1"})),
        _index.Filters(actors=frozenset({"actor-3"}), sources=frozenset({"source-1", "source-2"})),
        _index.Filters(actors=frozenset({"actor-5"}), types=frozenset({"summit"})),
        _index.Filters(actors=frozenset(f"actor-{k}" for k in range(30))),  # most of them
    ],
    ids=["one actor", "three actors", "a source", "actor and sources", "actor and type", "most"],
)
def test_actor_and_source_filters_keep_what_a_scan_keeps(
    index: _index.Index, first: date | None, last: date | None, keep: _index.Filters
) -> None:
    facts = index.facts()
    none: frozenset[str] = frozenset()
    expected = [
        i.iri
        for i in [*index.items, *index.long]
        if _in(i, first, last)
        and (not keep.types or i.type in keep.types)
        and (not keep.actors or not keep.actors.isdisjoint(facts.actors.get(i.iri, none)))
        and (not keep.sources or not keep.sources.isdisjoint(facts.sources.get(i.iri, none)))
    ]
    got = [i.iri for i in index.select(first, last, keep)]
    assert sorted(got) == sorted(expected)
    assert len(got) == len(set(got))


# -- the rows held in memory are the query templates' rows ----------------------------------


def _layered_store() -> Any:
    from diplograph import bundled_data
    from diplograph.layers import load_layers
    from diplograph.rdf.store import open_store

    here = Path(__file__).parent / "data"
    store = open_store()
    store.load(load_layers([bundled_data(), here / "web-reports", here / "contested"]).kg)
    return store


def test_the_rows_in_memory_are_those_of_the_templates() -> None:
    from diplograph.web import api

    store = _layered_store()
    index = _index.build(store)  # waits for the facts
    rows = index.facts().rows
    every = [*index.items, *index.long]
    events = [(i.iri, i.type or "") for i in every if i.type is not None]
    statements = [i.iri for i in every if i.type is None]
    assert len(events) >= 13 and len(statements) >= 11
    expected = _index.event_summaries(store, [e for e, _ in events], citations=False)
    assert _by_id(rows.events(events)) == _by_id(expected)
    expected = _index.statement_summaries(store, statements, citations=False)
    assert _by_id(rows.statements(statements)) == _by_id(expected)
    # and a window asked without citations answers from them, with the same rows
    assert index.ready()
    api._MEMO[store] = api._Memo(index)
    from_memory = api.window(store, citations=False)
    with_citations = api.window(store)
    for kind in ("events", "statements"):
        for row in with_citations[kind]:
            del row["citations"]
        assert from_memory[kind] == with_citations[kind]


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {r["id"]: r for r in rows}
    assert len(out) == len(rows)
    return out
