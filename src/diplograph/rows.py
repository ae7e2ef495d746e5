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

from dataclasses import dataclass

from .dates import DateSpan, PartialDate
from .kg import KnowledgeGraph
from .model import Event, Evidence, Statement

__all__ = [
    "Citation",
    "EventRow",
    "ParticipantRow",
    "StatementRow",
    "event_row",
    "event_rows",
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
            )
        )
    return tuple(out)


def event_row(kg: KnowledgeGraph, event: Event) -> EventRow:
    """The row of one event of ``kg``."""
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
    )


def event_rows(kg: KnowledgeGraph) -> list[EventRow]:
    """Every event of ``kg`` as a row, in date order."""
    return [event_row(kg, e) for e in kg.events_in_order()]


def statement_row(kg: KnowledgeGraph, st: Statement) -> StatementRow:
    """The row of one statement of ``kg``."""
    speaker = kg.actors.get(st.speaker)
    channel = kg.actors.get(st.channel) if st.channel else None
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
    )


def statement_rows(kg: KnowledgeGraph) -> list[StatementRow]:
    """Every statement of ``kg`` as a row, in date order."""
    return [statement_row(kg, s) for s in kg.statements_in_order()]
