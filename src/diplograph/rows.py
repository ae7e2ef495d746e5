"""Result rows: what queries return and what charts and exports draw from.

Rows are flat, self-contained and citable: an event row names its
participants with their roles, and both kinds of row carry the sources and the
quoted words they rest on. :func:`event_rows` and :func:`statement_rows` build
them straight from a knowledge graph; the SPARQL queries in
:mod:`diplograph.query` return the same rows from a store.

>>> from diplograph import load, bundled_data
>>> rows = event_rows(load(bundled_data()))
>>> rows[-1].time >= rows[0].time
True
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from .dates import DateSpan, PartialDate

if TYPE_CHECKING:  # only the functions that take a graph use them: rows from a store do not
    from .kg import KnowledgeGraph
    from .model import Event, Evidence, Statement

__all__ = [
    "Citation",
    "EventRow",
    "ParticipantRow",
    "StatementRow",
    "event_row",
    "event_rows",
    "in_order",
    "statement_row",
    "statement_rows",
]


@dataclass(frozen=True, slots=True)
class Citation:
    """A source and the words quoted from it."""

    source: str
    title: str
    quote: str | None
    url: str | None = None
    publisher: str | None = None
    start: int | None = None
    """Where the quote starts in the source text (code points), when the evidence says."""


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    """An actor in an event, with its role."""

    actor: str
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event, flattened for tables, charts and exports."""

    id: str
    label: str
    type: str
    time: PartialDate | DateSpan
    place: str | None = None
    place_name: str | None = None
    participants: tuple[ParticipantRow, ...] = ()
    part_of: str | None = None
    follows: tuple[str, ...] = ()
    leads_to: tuple[str, ...] = ()
    outcome: str | None = None
    citations: tuple[Citation, ...] = ()
    fit: str | None = None
    """How the date sits in a query's date window: ``within``, ``overlaps``, or None (no window)."""
    parts: tuple[EventRow, ...] = ()
    """The events of an answer that are part of this one, nested beneath it (in order)."""
    reports: int = 0
    """How many reports (sources' accounts of the event, e.g. imported rows) describe it."""

    def actors(self, *, roles: frozenset[str] | None = None) -> list[str]:
        """Ids of the participants, optionally only those in ``roles``."""
        return [p.actor for p in self.participants if roles is None or p.role in roles]


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One statement: who said what, when, about what, and where it is written."""

    id: str
    speaker: str
    speaker_name: str
    date: PartialDate | DateSpan
    text: str
    mode: str
    about_events: tuple[str, ...] = ()
    about_actors: tuple[str, ...] = ()
    channel: str | None = None
    channel_name: str | None = None
    citations: tuple[Citation, ...] = ()
    fit: str | None = None
    """How the date sits in a query's date window: ``within``, ``overlaps``, or None (no window)."""
    speakers: tuple[str, ...] = ()
    """Everyone who spoke the words, in order: a joint statement's speakers, else ``speaker``."""
    speaker_names: tuple[str, ...] = ()
    """The names of ``speakers``, in the same order."""

    @property
    def who(self) -> str:
        """The names of everyone who spoke, joined (``Moon Jae-in, Kim Jong Un`` when joint)."""
        return ", ".join(self.speaker_names) or self.speaker_name


Row = TypeVar("Row", EventRow, StatementRow)


def _when(row: EventRow | StatementRow) -> PartialDate | DateSpan:
    return row.time if isinstance(row, EventRow) else row.date


def _offset(row: EventRow | StatementRow) -> int:
    """Where the row's first quote with an offset starts in its source text (else last)."""
    return next((c.start for c in row.citations if c.start is not None), 1 << 62)


def _links(row: EventRow | StatementRow) -> list[tuple[str, str]]:
    """The ``(earlier, later)`` pairs of ids that an event's links put in order."""
    if not isinstance(row, EventRow):
        return []
    pairs = [(f, row.id) for f in row.follows] + [(row.id, n) for n in row.leads_to]
    return pairs + ([(row.part_of, row.id)] if row.part_of else [])


def in_order(rows: Sequence[Row]) -> list[Row]:
    """Rows in date order; rows that begin on the same day by their links, then text, then id.

    Dates sort by their day bounds and precision. Among rows whose earliest
    day is the same, an event that another ``follows``, that ``leads_to`` it
    or that it is ``part_of`` comes first (a topological order); rows the
    links leave unordered go by date, then by the position of their first
    quote in its source text, then by id.

    >>> from .dates import parse_date
    >>> talks = EventRow("a-talks", "Talks", "talks", parse_date("2019-02-28"), follows=("z-meet",))
    >>> meet = EventRow("z-meet", "Meeting", "meeting", parse_date("2019-02-28"))
    >>> [r.id for r in in_order([talks, meet])]
    ['z-meet', 'a-talks']
    """

    by_date = sorted(rows, key=_key)
    out: list[Row] = []
    i = 0
    while i < len(by_date):
        j = i
        while j < len(by_date) and _when(by_date[j]).earliest == _when(by_date[i]).earliest:
            j += 1
        out.extend(_linked_order(by_date[i:j]))
        i = j
    return out


def _key(r: EventRow | StatementRow) -> tuple[tuple[date, date, str], int, str]:
    return (_when(r).sort_key(), _offset(r), r.id)


def _linked_order(group: list[Row]) -> list[Row]:
    """``group`` in a topological order of its links, ties broken by :func:`_key` (Kahn)."""
    ids = {r.id: r for r in group}
    after: dict[str, set[str]] = {r.id: set() for r in group}
    waiting = dict.fromkeys(ids, 0)
    for r in group:
        for a, b in _links(r):
            if a in ids and b in ids and a != b and b not in after[a]:
                after[a].add(b)
                waiting[b] += 1
    ready = [(_key(ids[i]), i) for i, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    out: list[Row] = []
    while ready:
        _, rid = heapq.heappop(ready)
        out.append(ids[rid])
        for nxt in after[rid]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, (_key(ids[nxt]), nxt))
    placed = {r.id for r in out}  # a cycle of links: the rest by key
    return out + sorted((r for r in group if r.id not in placed), key=_key)


def _citations(kg: KnowledgeGraph, evidence: tuple[Evidence, ...]) -> tuple[Citation, ...]:
    out = []
    for ev in evidence:
        src = kg.sources.get(ev.source)
        out.append(
            Citation(
                source=ev.source,
                title=src.title if src else ev.source,
                quote=ev.quote,
                url=src.url if src else None,
                publisher=src.publisher if src else None,
                start=ev.start,
            )
        )
    return tuple(out)


def event_row(kg: KnowledgeGraph, event: Event, *, reports: int = 0) -> EventRow:
    """The row of one event of ``kg``; ``reports`` is how many reports describe it."""
    place = kg.places.get(event.place) if event.place else None
    return EventRow(
        id=event.id,
        label=event.label,
        type=event.type.value,
        time=event.time,
        place=event.place,
        place_name=place.name if place else None,
        participants=tuple(
            ParticipantRow(
                p.actor,
                kg.actors[p.actor].name if p.actor in kg.actors else p.actor,
                p.role.value,
            )
            for p in event.participants
        ),
        part_of=event.part_of,
        follows=event.follows,
        leads_to=event.leads_to,
        outcome=event.outcome,
        citations=_citations(kg, event.evidence),
        reports=reports,
    )


def event_rows(kg: KnowledgeGraph) -> list[EventRow]:
    """Every event of ``kg`` as a row in date order (:func:`in_order`), its reports counted."""
    backing = Counter(r.event for r in kg.reports.values() if r.event is not None)
    return in_order([event_row(kg, e, reports=backing[e.id]) for e in kg.events_in_order()])


def statement_row(kg: KnowledgeGraph, st: Statement) -> StatementRow:
    """The row of one statement of ``kg``."""
    speaker = kg.actors.get(st.speaker)
    channel = kg.actors.get(st.channel) if st.channel else None
    names = tuple(a.name if (a := kg.actors.get(s)) else s for s in st.said_by)
    return StatementRow(
        id=st.id,
        speaker=st.speaker,
        speaker_name=speaker.name if speaker else st.speaker,
        date=st.date,
        text=st.text,
        mode=st.mode.value,
        about_events=st.about_events,
        about_actors=st.about_actors,
        channel=st.channel,
        channel_name=channel.name if channel else None,
        citations=_citations(kg, st.evidence),
        speakers=st.said_by,
        speaker_names=names,
    )


def statement_rows(kg: KnowledgeGraph) -> list[StatementRow]:
    """Every statement of ``kg`` as a row, in date order (:func:`in_order`)."""
    return in_order([statement_row(kg, s) for s in kg.statements_in_order()])
