"""A small in-memory index of every event and statement, for windows, filters and counts.

A view asks for a window many times (every pan, zoom and filter). Finding the
items of a window in SPARQL scans every event, since a store has no index on
dates; here a few queries at start read, for every item, its day bounds, type,
actors, sources and words, sorted by date: a window is a bisection, and the
filters (actors, types, sources, words) are tests on what was read, the same
whether the view then shows the items or counts them. The rows shown for a
window's items come from the shipped query templates
(:func:`diplograph.query.run`), so they are the same as those of
:func:`diplograph.query.events` and ``statements``.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

import pyoxigraph as ox

from .. import query
from ..dates import parse_date
from ..rdf.store import Store, Term, term_text
from . import _facts
from ._lookup import _PREFIXES, EVENT_TYPE


@dataclass(frozen=True, slots=True)
class Item:
    """One event or statement: day bounds (``date.min``/``date.max`` when open), type, IRI."""

    earliest: date
    latest: date
    iri: str
    type: str | None  # None for a statement
    month: str = field(init=False)
    """``YYYY-MM`` of the earliest day, ``?`` when open."""

    def __post_init__(self) -> None:
        month = "?" if self.earliest == date.min else self.earliest.isoformat()[:7]
        object.__setattr__(self, "month", month)


@dataclass(frozen=True)
class Filters:
    """What a view keeps: event types, actor IRIs (rolled up), source ids and words.

    Empty means "any". An item is kept when it is of one of ``types`` (a
    statement has no type: a type filter hides statements), one of ``actors``
    took part (or spoke), one of its citations is from one of ``sources``,
    and ``needle`` (casefolded) occurs in its words (label, outcome, a
    statement's text, quotes), the name of an actor in it, its place's name
    or a cited source's title.
    """

    types: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    needle: str = ""


_SHORT = timedelta(days=62)
"""Items no longer than this are found by bisection; the longer few are scanned."""


@dataclass
class Index:
    """Every event and statement of a store, sorted by earliest day, and their facts."""

    items: list[Item]
    facts: Callable[[], _facts.Facts] = _facts.Facts
    """The actors, sources and words of the items (waits while they are read)."""
    ready: Callable[[], bool] = lambda: True
    """Whether the rows are read with the facts (until then the templates give the rows)."""
    has_facts: Callable[[], bool] = lambda: True
    """Whether the facts are read (until then a filter waits)."""
    starts: list[date] = field(default_factory=list)
    long: list[Item] = field(default_factory=list)
    by_iri: dict[str, Item] = field(default_factory=dict)
    _said: array[int] = field(default_factory=lambda: array("l"))
    """How many statements are among the first k short items, for each k."""
    _month_first: list[int] = field(default_factory=list)
    """Where each month of the short items begins (they are sorted by earliest day)."""
    _month_name: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items.sort(key=_order)
        self.by_iri = {i.iri: i for i in self.items}
        short = [i for i in self.items if not _long(i)]
        self.long = [i for i in self.items if _long(i)]
        self.items = short
        self.starts = [i.earliest for i in short]
        self._said = array("l", accumulate((i.type is None for i in short), initial=0))
        for k, i in enumerate(short):
            if not self._month_name or self._month_name[-1] != i.month:
                self._month_first.append(k)
                self._month_name.append(i.month)

    def tally(self, first: date | None, last: date | None) -> tuple[int, int, dict[str, int]]:
        """The events, the statements and the items per month of :meth:`window`, uncounted.

        The short items that start in the window are counted from where its
        months begin, without visiting them; only those that start in the
        two months before it and the long ones are looked at.
        """
        lo = 0 if first is None else bisect.bisect_left(self.starts, first)
        hi = len(self.items) if last is None else bisect.bisect_right(self.starts, last)
        hi = max(lo, hi)
        months: Counter[str] = Counter()
        said = self._said[hi] - self._said[lo]
        k = max(0, bisect.bisect_right(self._month_first, lo) - 1)
        bounds = [*self._month_first, len(self.items)]
        while lo < hi and k < len(self._month_name) and bounds[k] < hi:
            months[self._month_name[k]] += min(hi, bounds[k + 1]) - max(lo, bounds[k])
            k += 1
        edge = 0 if first is None else bisect.bisect_left(self.starts, first - _SHORT)
        fringe = [i for i in self.items[edge:lo] if first is None or i.latest >= first]
        fringe += [
            i
            for i in self.long
            if (first is None or i.latest >= first) and (last is None or i.earliest <= last)
        ]
        months.update(i.month for i in fringe)
        said += sum(i.type is None for i in fringe)
        found = hi - lo + len(fringe)
        return found - said, said, dict(months)

    def window(self, first: date | None, last: date | None) -> list[Item]:
        """The items whose day bounds may fall in the window (the long ones last)."""
        lo = 0 if first is None else bisect.bisect_left(self.starts, first - _SHORT)
        hi = len(self.items) if last is None else bisect.bisect_right(self.starts, last)
        found = self.items[lo:hi]
        if first is not None:
            found = [i for i in found if i.latest >= first]
        found += [
            i
            for i in self.long
            if (first is None or i.latest >= first) and (last is None or i.earliest <= last)
        ]
        return found

    def _span(self, first: date | None, last: date | None) -> int:
        """How many items :meth:`window` looks at (bisection only)."""
        lo = 0 if first is None else bisect.bisect_left(self.starts, first - _SHORT)
        hi = len(self.items) if last is None else bisect.bisect_right(self.starts, last)
        return hi - lo + len(self.long)

    def select(self, first: date | None, last: date | None, keep: Filters) -> list[Item]:
        """The items of the window that ``keep`` keeps.

        An actor or source filter starts from the items of those actors or
        sources (an index read with the facts) when they are fewer than the
        window's; otherwise the window's items are tested one by one.
        """
        facts = self.facts() if (keep.actors or keep.sources or keep.needle) else None
        pool = None if facts is None else _pool(facts, keep)
        if pool is not None and len(pool) < self._span(first, last):
            found = [
                i
                for i in sorted((self.by_iri[k] for k in pool if k in self.by_iri), key=_order)
                if (first is None or i.latest >= first) and (last is None or i.earliest <= last)
            ]
        else:
            found = self.window(first, last)
            if pool is not None:
                found = [i for i in found if i.iri in pool]
        if keep.types:
            found = [i for i in found if i.type in keep.types]
        if facts is None or not keep.needle:
            return found
        none: frozenset[str] = frozenset()
        n = keep.needle
        named = frozenset(k for k, name in facts.names.items() if n in name)
        return [
            i
            for i in found
            if n in facts.words.get(i.iri, "")
            or not named.isdisjoint(facts.actors.get(i.iri, none))
            or not named.isdisjoint(facts.sources.get(i.iri, none))
            or facts.places.get(i.iri) in named
        ]

    def __len__(self) -> int:
        return len(self.items) + len(self.long)

    def month_counts(self, *, statements: bool, types: Sequence[str]) -> dict[str, int]:
        """Items per month ``YYYY-MM`` of their earliest day (``?`` when open)."""
        wanted = set(types)
        return by_month(
            i
            for i in [*self.items, *self.long]
            if (i.type is None) == statements and (not wanted or i.type in wanted)
        )


def _order(item: Item) -> tuple[date, date, str]:
    return (item.earliest, item.latest, item.iri)


def _pool(facts: _facts.Facts, keep: Filters) -> frozenset[str] | None:
    """The items (IRIs) of ``keep``'s actors and of its sources; None when it names neither."""
    pool = None
    for wanted, links in ((keep.actors, facts.holders), (keep.sources, facts.citing)):
        if wanted:
            some = frozenset().union(*(links.get(k, frozenset()) for k in wanted))
            pool = some if pool is None else pool & some
    return pool


def by_month(items: Iterable[Item]) -> dict[str, int]:
    """How many of ``items`` start in each month ``YYYY-MM`` (``?`` when the start is open)."""
    return dict(Counter(i.month for i in items))


def _long(item: Item) -> bool:
    return (
        item.earliest == date.min or item.latest == date.max or item.latest - item.earliest > _SHORT
    )


def _day(term: Term | None, default: date) -> date:
    return default if term is None else date.fromisoformat(term_text(term)[:10])


def build(store: Store, *, wait: bool = True) -> Index:
    """Read the index of ``store``: one query for the events, one for the statements.

    The facts the filters test (actors, sources, words) and then the rows are
    read next, in a thread; with ``wait`` this returns once both are read.
    """
    items = []
    for shape in ("?e sem:eventType ?type .", "?e a dg:Statement ."):
        sparql = f"""{_PREFIXES}
SELECT ?e {"?type" if "type" in shape else ""} ?earliest ?latest WHERE {{
  {shape}
  OPTIONAL {{ ?e sem:hasEarliestBeginTimeStamp ?earliest }}
  OPTIONAL {{ ?e sem:hasLatestEndTimeStamp ?latest }}
}}"""
        result = store.query(sparql)
        has_type = "type" in result.variables
        for row in result:
            kind = row["type"] if has_type else None
            items.append(
                Item(
                    _day(row["earliest"], date.min),
                    _day(row["latest"], date.max),
                    term_text(row["e"]),
                    term_text(kind)[len(EVENT_TYPE) :] if kind is not None else None,
                )
            )
    iris = {i.iri for i in items}
    reading = _facts.later(store, iris, {i.iri for i in items if i.type is not None})
    if wait:
        reading.wait()
    return Index(items, reading.get, reading.ready, reading.has_facts)


def _bound(day: date) -> str | None:
    return None if day in (date.min, date.max) else day.isoformat()


def _id(term: Term | None) -> str:
    return term_text(term).rsplit("/", 1)[-1]


def _opt(term: Term | None) -> str | None:
    return None if term is None else term_text(term)


def _cites(store: Store, iris: list[ox.NamedNode]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for r in query.run(store, "citations", record=iris):
        source = _opt(r["sourceId"]) or _id(r["source"])
        ev = term_text(r["evidence"])
        out.setdefault(term_text(r["record"]), {}).setdefault(
            ev,
            {
                "source": source,
                "title": _opt(r["title"]) or source,
                "quote": _opt(r["quote"]),
                "url": _opt(r["url"]),
                "publisher": _opt(r["publisher"]),
                "start": int(start) if (start := _opt(r["start"])) is not None else None,
            },
        )
    return {k: [v[e] for e in sorted(v, key=_slot)] for k, v in out.items()}


def _slot(iri: str) -> tuple[int, str]:
    tail = iri.rsplit("-", 1)[-1]
    return (int(tail) if tail.isdigit() else 0, iri)


def _when(edtf: str, key: str) -> dict[str, Any]:
    when = parse_date(edtf)
    return {
        key: edtf,
        f"{key}_earliest": _bound(when.earliest),
        f"{key}_latest": _bound(when.latest),
    }


def event_summaries(
    store: Store, iris: Iterable[str], *, citations: bool = True
) -> list[dict[str, Any]]:
    """What the timeline shows of each event: the fields of its row, without the links.

    Without ``citations`` the rows leave out the key ``citations`` (and its query).
    """
    nodes = [ox.NamedNode(i) for i in iris]
    if not nodes:
        return []
    people: dict[str, list[tuple[tuple[int, str], dict[str, str]]]] = {}
    for r in query.run(store, "event-participants", event=nodes):
        actor = _id(r["actor"])
        people.setdefault(term_text(r["event"]), []).append(
            (
                _slot(term_text(r["node"])),
                {"actor": actor, "name": _opt(r["name"]) or actor, "role": _id(r["role"])},
            )
        )
    cites = _cites(store, nodes) if citations else None
    out, seen = [], set()
    for r in query.run(store, "event-details", event=nodes):
        key = term_text(r["event"])
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "id": term_text(r["id"]),
                "label": term_text(r["label"]),
                "type": _id(r["type"]),
                **_when(term_text(r["edtf"]), "time"),
                "place": _id(r["place"]) if r["place"] is not None else None,
                "place_name": _opt(r["placeName"]),
                "participants": [p for _, p in sorted(people.get(key, []), key=lambda t: t[0])],
                "outcome": _opt(r["outcome"]),
            }
        )
        if cites is not None:
            out[-1]["citations"] = cites.get(key, [])
    return out


def statement_summaries(
    store: Store, iris: Iterable[str], *, citations: bool = True
) -> list[dict[str, Any]]:
    """What the timeline shows of each statement: the fields of its row (``citations`` as above)."""
    nodes = [ox.NamedNode(i) for i in iris]
    if not nodes:
        return []
    about: dict[str, list[str]] = {}
    for r in query.run(store, "statement-about", statement=nodes):
        if r["aboutEvent"] is not None:
            events = about.setdefault(term_text(r["statement"]), [])
            if _id(r["aboutEvent"]) not in events:
                events.append(_id(r["aboutEvent"]))
    cites = _cites(store, nodes) if citations else None
    out, seen = [], set()
    for r in query.run(store, "statement-details", statement=nodes):
        key = term_text(r["statement"])
        if key in seen:
            continue
        seen.add(key)
        speaker = _id(r["speaker"])
        out.append(
            {
                "id": term_text(r["id"]),
                "speaker": speaker,
                "speaker_name": _opt(r["speakerName"]) or speaker,
                **_when(term_text(r["edtf"]), "date"),
                "text": term_text(r["text"]),
                "mode": _id(r["mode"]) if r["mode"] is not None else "direct_quote",
                "about_events": sorted(about.get(key, [])),
            }
        )
        if cites is not None:
            out[-1]["citations"] = cites.get(key, [])
    return out
