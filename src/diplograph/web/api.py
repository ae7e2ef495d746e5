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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import query
from ..dates import parse_date
from ..errors import DiplographError
from ..model import EventType
from ..rdf.store import Store
from . import _index, _lookup, _reports

__all__ = [
    "MAX_ITEMS",
    "MAX_REPORTS",
    "MAX_YEARS",
    "ApiError",
    "Texts",
    "actors",
    "event_detail",
    "event_reports",
    "facets",
    "forget",
    "index",
    "statement_detail",
    "status",
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


@dataclass
class _Memo:
    """What is read once per store: the index of dates, actors, sources and words."""

    index: _index.Index


_MEMO: weakref.WeakKeyDictionary[Store, _Memo] = weakref.WeakKeyDictionary()


def _memo(store: Store) -> _Memo:
    if store not in _MEMO:
        _MEMO[store] = _Memo(_index.build(store, wait=False))
    return _MEMO[store]


def index(store: Store) -> _index.Index:
    """The day bounds, actors, sources and words of every item of ``store``, read once.

    A view is read-only: the first call reads the day bounds and starts
    reading the rest in a thread (a filter on actors, sources or words waits
    for it); later calls reuse them.
    """
    return _memo(store).index


def status(store: Store) -> dict[str, bool]:
    """What the view has read of ``store``: ``facts`` (the filters need them), ``rows``."""
    index(store)
    return {"facts": _memo(store).index.has_facts(), "rows": _memo(store).index.ready()}


def forget(store: Store) -> None:
    """Drop what was read of ``store``: call it after adding to a store a view has seen."""
    _MEMO.pop(store, None)


def _buckets(months: Mapping[str, int]) -> list[dict[str, Any]]:
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
    citations: bool = True,
) -> dict[str, Any]:
    """What a view of the timeline shows: its events and statements, or counts when too many.

    An event is kept when one of ``actors`` (or an actor that belongs to one,
    such as a state's leader) took part, its type is one of ``types``, its day
    bounds may fall in the window, one of its citations is from one of
    ``sources``, and ``q`` occurs in its words (label, outcome, place, the
    names of those who took part, quotes and source titles; all when empty).
    Statements are kept by their speaker; a type filter hides them. ``total``
    counts what is kept. When it is over ``max_items``, ``mode`` is
    ``"buckets"``: the same items counted per month or year of their earliest
    day, so the counts always add up to ``total``. Without ``citations`` the
    rows leave out their citations (the page shows them with the detail) and,
    once the index has read every item's fields, come from memory: the same
    rows as the query templates give, without a lookup per field.
    """
    first, last = _window(start, end)
    kinds = _types(types)
    actor_ids, actor_iris = _actor_set(store, actors) if actors else ([], [])
    keep = _index.Filters(
        types=frozenset(kinds),
        actors=frozenset(actor_iris),
        sources=frozenset(s for s in sources if s),
        needle=(q or "").strip().casefold(),
    )
    head: dict[str, Any] = {
        "from": first.isoformat() if first else None,
        "to": last.isoformat() if last else None,
        "actors": actor_ids,
    }
    if keep == _index.Filters():  # the window alone: counted without listing its items
        n_events, n_statements, months = index(store).tally(first, last)
        if n_events + n_statements > max_items:
            return _counts(head, n_events, n_statements, months)
    found = index(store).select(first, last, keep)
    events = [i for i in found if i.type is not None]
    statements = [i for i in found if i.type is None]
    if len(found) > max_items:
        return _counts(head, len(events), len(statements), _index.by_month(found))
    head["total"] = {"events": len(events), "statements": len(statements)}
    if not citations and index(store).ready():  # the rows read with the facts
        rows = index(store).facts().rows
        evs = rows.events((i.iri, i.type or "") for i in events)
        sts = rows.statements(i.iri for i in statements)
    else:
        evs = _index.event_summaries(store, (i.iri for i in events), citations=citations)
        sts = _index.statement_summaries(store, (i.iri for i in statements), citations=citations)
    evs.sort(key=lambda d: (d["time_earliest"] or "", d["time_latest"] or "9999", d["id"]))
    sts.sort(key=lambda d: (d["date_earliest"] or "", d["date_latest"] or "9999", d["id"]))
    return {**head, "mode": "items", "events": evs, "statements": sts}


def _counts(
    head: dict[str, Any], events: int, statements: int, months: Mapping[str, int]
) -> dict[str, Any]:
    return {
        **head,
        "total": {"events": events, "statements": statements},
        "mode": "buckets",
        "buckets": _buckets(months),
        "note": "too many to show one by one: zoom in or filter",
    }


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


MAX_REPORTS = 200
"""Most reports of one event :func:`event_reports` lists (``total`` says how many there are)."""


def event_reports(store: Store, event_id: str, *, limit: int = MAX_REPORTS) -> dict[str, Any]:
    """The reports of one event (each source's account) and where they disagree with it.

    Each report gives its source (title and Admiralty grade), the date as the
    source gives it (EDTF at its own precision, with day bounds), its type or
    CAMEO / PLOVER code, the file and row it was read from, the row's words
    and the cells it rests on. Each conflict names the aspect (date, type,
    participants), the graph's value and each source's version with its grade.
    Raises :class:`ApiError` (404) for an unknown event.

    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> event_reports(store, "hanoi-summit-2019")
    {'event': 'hanoi-summit-2019', 'total': 0, 'reports': [], 'conflicts': []}
    """
    found = _lookup.find(store, "event", event_id)
    if found is None:
        raise ApiError(f"no event with id {event_id!r}", 404)
    rows, total = _reports.reports(store, found.iri, limit)
    titles = {r["source"]: r["title"] for r in rows}
    return {
        "event": event_id,
        "total": total,
        "reports": rows,
        "conflicts": _reports.conflicts(store, found.iri, titles) if total else [],
    }


def actors(store: Store) -> list[dict[str, object]]:
    """Every actor (id, name, kind, the state it belongs to), by name."""
    return _lookup.actors(store)


def facets(store: Store) -> dict[str, Any]:
    """What the filters offer: actors, event types, sources with grades, and the data's extent."""
    months = index(store).month_counts(statements=False, types=[])
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
