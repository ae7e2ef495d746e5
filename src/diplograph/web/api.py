"""The answers behind the web view's JSON endpoints, as plain functions over a store.

Each function takes a :class:`~diplograph.rdf.store.Store` and the request's
values as strings, calls :mod:`diplograph.query` (``events``, ``statements``,
``row_dict``) and returns JSON-ready data, so a notebook gets the same answers
as the page. Bad values raise :class:`ApiError` with a status (400 or 404) and
a message; the server turns it into a JSON error.

>>> from diplograph import load, bundled_data
>>> from diplograph.rdf.store import open_store
>>> store = open_store()
>>> _ = store.load(load(bundled_data()))
>>> view = window(store, start="2019-02-01", end="2019-03-31", types=["summit"])
>>> view["mode"], [e["label"] for e in view["events"]]
('items', ['Trump-Kim summit in Hanoi'])
>>> window(store, start="2019-02-30")
Traceback (most recent call last):
...
diplograph.web.api.ApiError: from: impossible date: February 2019 has 28 days (got '2019-02-30')
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import query
from ..dates import parse_date
from ..errors import DiplographError
from ..model import EventType
from ..rdf.store import Store
from . import _index, _lookup

__all__ = [
    "MAX_ITEMS",
    "MAX_YEARS",
    "ApiError",
    "Texts",
    "actors",
    "event_detail",
    "facets",
    "forget",
    "statement_detail",
    "window",
]

MAX_ITEMS = 300
"""Most events plus statements a view gets one by one; beyond it, counts per month or year."""

MAX_YEARS = 200
"""The longest window a request may ask for, in years."""


class ApiError(ValueError):
    """A request the view cannot answer: ``status`` 400 (bad value) or 404 (unknown id)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Texts:
    """Source texts at hand (``--texts``): by file name and by SHA-256."""

    by_name: Mapping[str, str]
    by_hash: Mapping[str, str]

    def find(self, name: object, sha256: object) -> str | None:
        if isinstance(sha256, str) and sha256 in self.by_hash:
            return self.by_hash[sha256]
        if isinstance(name, str):
            return self.by_name.get(name)
        return None


NO_TEXTS = Texts({}, {})


def _day(value: str | None, what: str, *, end: bool) -> date | None:
    if value is None or value == "":
        return None
    try:
        when = parse_date(value)
    except (DiplographError, ValueError) as e:
        raise ApiError(f"{what}: {e}") from None
    day = when.latest if end else when.earliest
    if day in (date.min, date.max):
        raise ApiError(f"{what}: the date must have a known day bound (got {value!r})")
    return day


def _window(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    first, last = _day(start, "from", end=False), _day(end, "to", end=True)
    if first is not None and last is not None:
        if last < first:
            raise ApiError(f"to is before from (got {first} and {last})")
        years = (last - first).days / 365.25
        if years > MAX_YEARS:
            raise ApiError(f"the window spans {years:.0f} years; at most {MAX_YEARS} (narrow it)")
    return first, last


def _types(types: Sequence[str]) -> list[str]:
    known = {t.value for t in EventType}
    for t in types:
        if t not in known:
            raise ApiError(f"type must be one of {', '.join(sorted(known))} (got {t!r})")
    return list(dict.fromkeys(types))


def _actor_set(store: Store, ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """The actor ids asked for, and those with their members rolled up (ids, IRIs)."""
    ids = list(dict.fromkeys(ids))
    iris = _lookup.actor_iris(store, ids)
    unknown = [a for a in ids if a not in iris]
    if unknown:
        raise ApiError(f"unknown actor id {unknown[0]!r}", 404)
    rolled = list(dict.fromkeys([*iris.values(), *_lookup.members(store, list(iris.values()))]))
    return [_lookup.record_id(i) for i in rolled], rolled


def _matches(row: Mapping[str, Any], needle: str, sources: set[str]) -> bool:
    cites = row.get("citations") or []
    if sources and not any(c["source"] in sources for c in cites):
        return False
    if not needle:
        return True
    hay = [row.get(k) for k in ("label", "place_name", "outcome", "text", "speaker_name")]
    hay += [p["name"] for p in row.get("participants") or []]
    hay += [c.get("quote") for c in cites] + [c.get("title") for c in cites]
    return any(needle in h.casefold() for h in hay if isinstance(h, str))


@dataclass
class _Memo:
    """What is read once per store: the index of dates, and counts per set of filters."""

    index: _index.Index
    counts: dict[tuple[bool, tuple[str, ...], tuple[str, ...]], dict[str, int]] = field(
        default_factory=dict
    )


_MEMO: weakref.WeakKeyDictionary[Store, _Memo] = weakref.WeakKeyDictionary()
_COUNTS_KEPT = 256


def _memo(store: Store) -> _Memo:
    if store not in _MEMO:
        _MEMO[store] = _Memo(_index.build(store))
    return _MEMO[store]


def index(store: Store) -> _index.Index:
    """The day bounds of every item of ``store``, read at the first call (a view is read-only)."""
    return _memo(store).index


def forget(store: Store) -> None:
    """Drop what was read of ``store``: call it after adding to a store a view has seen."""
    _MEMO.pop(store, None)


def month_counts(
    store: Store, *, statements: bool, actors: Sequence[str], types: Sequence[str]
) -> dict[str, int]:
    """Events (or statements) per month of their earliest day over all time, remembered per store.

    A view is read-only, so the counts of one set of filters never change; a
    window then only picks months, and panning costs no query.
    """
    memo = _memo(store)
    if not actors:
        return memo.index.month_counts(statements=statements, types=types)
    key = (statements, tuple(sorted(actors)), tuple(sorted(types)))
    if key not in memo.counts:
        if len(memo.counts) >= _COUNTS_KEPT:
            memo.counts.pop(next(iter(memo.counts)))
        memo.counts[key] = _lookup.month_counts(
            store, statements=statements, actors=actors, types=types, start=None, end=None
        )
    return memo.counts[key]


def _by_month(items: Iterable[_index.Item]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in items:
        key = "?" if i.earliest == date.min else i.earliest.isoformat()[:7]
        out[key] = out.get(key, 0) + 1
    return out


def _in_window(months: Mapping[str, int], first: date | None, last: date | None) -> dict[str, int]:
    low = first.isoformat()[:7] if first else ""
    high = last.isoformat()[:7] if last else "~"
    return {m: n for m, n in months.items() if m == "?" or low <= m <= high}


def _buckets(
    months: Mapping[str, int], start: date | None, end: date | None
) -> list[dict[str, Any]]:
    known = sorted(m for m in months if m != "?")
    by_year = len(known) > 1 and int(known[-1][:4]) - int(known[0][:4]) > 6
    out: dict[str, int] = {}
    for m in known:
        key = m[:4] if by_year else m
        out[key] = out.get(key, 0) + months[m]
    rows = []
    for key, n in sorted(out.items()):
        y = int(key[:4])
        if by_year:
            first, nxt = date(y, 1, 1), date(y + 1, 1, 1)
        else:
            mo = int(key[5:7])
            first = date(y, mo, 1)
            nxt = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
        rows.append({"start": first.isoformat(), "end": nxt.isoformat(), "count": n})
    return rows


def _count(
    store: Store,
    actor_iris: Sequence[str],
    kinds: Sequence[str],
    first: date | None,
    last: date | None,
) -> tuple[dict[str, dict[str, int]], dict[str, int], list[_index.Item]]:
    """Counts per month of a window's events and statements, their totals, and the items found.

    Without actors the index finds the items, exactly; with actors the counts
    come from the store (by each item's earliest month) and no item is found.
    """
    found: list[_index.Item] = []
    if actor_iris:
        counts = {
            kind: _in_window(
                month_counts(
                    store, statements=kind == "statements", actors=actor_iris, types=kinds
                ),
                first,
                last,
            )
            for kind in ("events", "statements")
        }
        totals = {kind: sum(c.values()) for kind, c in counts.items()}
    else:  # the index counts exactly what overlaps the window
        found = [
            i
            for i in index(store).window(first, last)
            if (not kinds and i.type is None)
            or (i.type is not None and (not kinds or i.type in kinds))
        ]
        counts = {"events": _by_month(i for i in found if i.type is not None)}
        counts["statements"] = _by_month(i for i in found if i.type is None)
        totals = {kind: sum(c.values()) for kind, c in counts.items()}
    return counts, totals, found


def window(
    store: Store,
    *,
    start: str | None = None,
    end: str | None = None,
    actors: Sequence[str] = (),
    types: Sequence[str] = (),
    sources: Sequence[str] = (),
    q: str | None = None,
    max_items: int = MAX_ITEMS,
) -> dict[str, Any]:
    """What a view of the timeline shows: its events and statements, or counts when too many.

    The buckets count each item in the month of its earliest day. With
    actors, ``total`` counts that way too, so an item that starts before the
    window and runs into it shows among the items but not in ``total``.

    An event is kept when one of ``actors`` (or an actor that belongs to one,
    such as a state's leader) took part, its type is one of ``types``, its day
    bounds may fall in the window, one of its citations is from one of
    ``sources``, and ``q`` occurs in its words (all when empty). Statements
    are kept by their speaker. When more than ``max_items`` match, ``mode``
    is ``"buckets"``: counts per month or year, without ``sources`` and
    ``q``, which apply to items only.
    """
    first, last = _window(start, end)
    kinds = _types(types)
    actor_ids, actor_iris = _actor_set(store, actors) if actors else ([], [])
    counts, totals, found = _count(store, actor_iris, kinds, first, last)
    head: dict[str, Any] = {
        "from": first.isoformat() if first else None,
        "to": last.isoformat() if last else None,
        "actors": actor_ids,
        "total": totals,
    }
    if totals["events"] + totals["statements"] > max_items:
        merged = dict(counts["events"])
        for m, n in counts["statements"].items():
            merged[m] = merged.get(m, 0) + n
        note = "too many to show one by one: zoom in or filter"
        if q or sources:
            note += "; text and source filters apply once items show"
        return {**head, "mode": "buckets", "buckets": _buckets(merged, first, last), "note": note}
    if actor_ids:
        evs, sts = _by_actors(store, actor_ids, kinds, first, last)
    else:
        evs = _index.event_summaries(store, (i.iri for i in found if i.type is not None))
        sts = _index.statement_summaries(store, (i.iri for i in found if i.type is None))
    needle, wanted = (q or "").strip().casefold(), set(sources)
    evs = [d for d in evs if _matches(d, needle, wanted)]
    evs.sort(key=lambda d: (d["time_earliest"] or "", d["time_latest"] or "9999", d["id"]))
    sts = [d for d in sts if _matches(d, needle, wanted)]
    sts.sort(key=lambda d: (d["date_earliest"] or "", d["date_latest"] or "9999", d["id"]))
    return {**head, "mode": "items", "events": evs, "statements": sts}


def _by_actors(
    store: Store,
    actor_ids: Sequence[str],
    kinds: Sequence[str],
    first: date | None,
    last: date | None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of the events any of the actors took part in, and of the statements they made."""
    events: dict[str, Any] = {}
    for a in actor_ids:
        for row in query.events(store, actors=[a], types=kinds, start=first, end=last, flat=True):
            events.setdefault(row.id, row)
    statements: list[Any] = []
    if not kinds:  # statements have no event type: a type filter alone hides them
        for a in actor_ids:
            statements += query.statements(store, by=a, start=first, end=last)
    return [_mapping(r) for r in events.values()], [_mapping(r) for r in statements]


def _evidence(store: Store, iri: str, texts: Texts) -> list[dict[str, object]]:
    out = []
    for ev in _lookup.evidence(store, iri):
        text = texts.find(ev.get("file"), ev.get("sha256"))
        mark = None
        if text is not None:
            quote, s, e = ev.get("quote"), ev.get("start"), ev.get("end")
            if (
                isinstance(s, int)
                and isinstance(e, int)
                and quote is not None
                and text[s:e] == quote
            ):
                mark = [s, e]
            elif isinstance(quote, str) and quote in text:
                i = text.index(quote)
                mark = [i, i + len(quote)]
        out.append({**ev, "text": text, "mark": mark})
    return out


def _one(store: Store, kind: str, record_id: str) -> tuple[_lookup.Record, Any]:
    found = _lookup.find(store, kind, record_id)
    if found is None:
        raise ApiError(f"no {kind} with id {record_id!r}", 404)
    when = parse_date(found.edtf)
    actor = [_lookup.record_id(found.actor)] if found.actor else []
    if kind == "statement":
        rows: Sequence[Any] = query.statements(
            store, by=actor[0] if actor else None, start=when.earliest, end=when.latest
        )
    else:
        rows = query.events(
            store,
            actors=actor,
            types=[found.type] if found.type else [],
            start=when.earliest if when.earliest != date.min else None,
            end=when.latest if when.latest != date.max else None,
            flat=True,
        )
    for row in rows:
        if row.id == record_id:
            return found, row
    raise ApiError(f"no {kind} with id {record_id!r}", 404)  # pragma: no cover - store changed


def event_detail(store: Store, event_id: str, texts: Texts = NO_TEXTS) -> dict[str, Any]:
    """One event: its row (participants and roles), the statements about it, and its evidence."""
    found, row = _one(store, "event", event_id)
    about = query.statements(store, about_event=event_id)
    return {
        "kind": "event",
        "event": query.row_dict(row),
        "statements": [
            {
                **_mapping(s),
                "evidence": _evidence(store, _sibling(found.iri, "statement", s.id), texts),
            }
            for s in about
        ],
        "evidence": _evidence(store, found.iri, texts),
    }


def _mapping(row: object) -> dict[str, Any]:
    out = query.row_dict(row)
    assert isinstance(out, dict)
    return out


def _sibling(iri: str, kind: str, record_id: str) -> str:
    """The IRI of another record under the same base as ``iri``."""
    base = iri.rsplit("/", 2)[0]
    return f"{base}/{kind}/{record_id}"


def statement_detail(store: Store, statement_id: str, texts: Texts = NO_TEXTS) -> dict[str, Any]:
    """One statement: its row, the events it is about (rows), and its evidence."""
    found, row = _one(store, "statement", statement_id)
    about = []
    for event_id in row.about_events:
        try:
            about.append(query.row_dict(_one(store, "event", event_id)[1]))
        except ApiError:
            continue
    return {
        "kind": "statement",
        "statement": query.row_dict(row),
        "events": about,
        "evidence": _evidence(store, found.iri, texts),
    }


def actors(store: Store) -> list[dict[str, object]]:
    """Every actor (id, name, kind, the state it belongs to), by name."""
    return _lookup.actors(store)


def facets(store: Store) -> dict[str, Any]:
    """What the filters offer: actors, event types, sources with grades, and the data's extent."""
    months = month_counts(store, statements=False, actors=[], types=[])
    known = sorted(m for m in months if m != "?")
    return {
        "actors": _lookup.actors(store),
        "types": [t.value for t in EventType],
        "sources": _lookup.sources(store),
        "extent": [f"{known[0]}-01", f"{known[-1]}-28"] if known else None,
        "focus": _focus(months, known),
        "max_items": MAX_ITEMS,
    }


def _focus(months: Mapping[str, int], known: Sequence[str]) -> list[str] | None:
    """The months a first view shows: from where a tenth of the events lie before, to the last.

    A few old events (an armistice in 1953) then do not shrink the recent years to a sliver.
    """
    if not known:
        return None
    total, seen = sum(months[m] for m in known), 0
    for m in known:
        seen += months[m]
        if seen * 10 >= total:
            return [f"{m}-01", f"{known[-1]}-28"]
    return None  # pragma: no cover - the loop always reaches the total
