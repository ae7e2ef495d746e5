"""Where sources disagree: events whose reports differ from the graph on date, place, people, type.

For each event that reports are linked to, each aspect the reports give is
compared with the event (what the graph believes):

* **date**: a report that says the meeting itself took place (a type, or a
  CAMEO 04 "consult" code) on a day outside the event's time;
* **place**: a report placing it where neither the event's place nor the places
  that contain it are named;
* **participants**: a report naming a person the event does not list;
* **type**: a report that types it itself (not through a CAMEO code, whose
  match to the types is loose) as another kind of gathering (talks for a summit).

Each disagreement lists the graph's version and each source's, with the
source's Admiralty grade when it has one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..kg import KnowledgeGraph, normalize_name
from ..model import ActorKind, Event, EventType, Source
from .actors import ActorResolver
from .report import Report

__all__ = ["Conflict", "Version", "conflicts"]

_GATHERINGS = frozenset({EventType.SUMMIT, EventType.MEETING, EventType.TALKS, EventType.VISIT})


@dataclass(frozen=True)
class Version:
    """One source's version of an aspect of an event."""

    source: str
    value: str
    report: str | None = None
    grade: str | None = None

    def __str__(self) -> str:
        grade = f" [{self.grade}]" if self.grade else ""
        where = f" (report {self.report})" if self.report else ""
        return f"{self.source}{grade}: {self.value}{where}"


@dataclass(frozen=True)
class Conflict:
    """An aspect of an event on which reports disagree with the graph."""

    event: str
    aspect: str
    graph: str
    versions: tuple[Version, ...]

    def lines(self) -> list[str]:
        """The conflict as lines of text."""
        out = [f"{self.event}: {self.aspect} — graph: {self.graph}"]
        out += [f"  {v}" for v in self.versions]
        return out


def grade(source: Source | None) -> str | None:
    """The Admiralty grade of a source (reliability letter, credibility digit), if it has one.

    >>> grade(Source(id="s", title="t", reliability="B", credibility=2))
    'B2'
    """
    if source is None or (source.reliability is None and source.credibility is None):
        return None
    return f"{source.reliability or '?'}{source.credibility or '?'}"


def _claims_meeting(r: Report) -> bool:
    return r.type is not None or (r.cameo is not None and r.cameo.startswith("04"))


def _place_names(kg: KnowledgeGraph, event: Event) -> set[str]:
    names: set[str] = set()
    place = kg.places.get(event.place) if event.place else None
    while place is not None:
        names.add(normalize_name(place.name))
        place = kg.places.get(place.part_of) if place.part_of else None
    return names


def conflicts(
    reports: Iterable[Report],
    kg: KnowledgeGraph,
    resolver: ActorResolver | None = None,
    sources: dict[str, Source] | None = None,
) -> list[Conflict]:
    """The disagreements between linked reports and the events of ``kg`` they describe."""
    resolver = resolver if resolver is not None else ActorResolver(kg)
    known = {**kg.sources, **(sources or {})}
    by_event: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        if r.event is not None and r.event in kg.events:
            by_event[r.event].append(r)
    out: list[Conflict] = []
    for event_id in sorted(by_event):
        event = kg.events[event_id]
        rs = sorted(by_event[event_id], key=lambda r: (r.source, r.date.earliest, r.id))

        def version(r: Report, value: str) -> Version:
            return Version(r.source, value, r.id, grade(known.get(r.source)))

        e0, e1 = event.time.earliest, event.time.latest
        off = [
            version(r, str(r.date))
            for r in rs
            if _claims_meeting(r) and (r.date.latest < e0 or r.date.earliest > e1)
        ]
        if off:
            out.append(Conflict(event_id, "date", str(event.time), tuple(off)))
        names = _place_names(kg, event)
        elsewhere = [
            version(r, r.place)
            for r in rs
            if r.place and names and not any(n in normalize_name(r.place) for n in names)
        ]
        if elsewhere and event.place:
            out.append(Conflict(event_id, "place", event.place, tuple(elsewhere)))
        members = {p.actor for p in event.participants}
        extra = [
            version(r, ", ".join(sorted(set(r.principals()) - members)))
            for r in rs
            if any(
                resolver.kind_of(a) is ActorKind.PERSON and a not in members for a in r.principals()
            )
        ]
        if extra:
            out.append(Conflict(event_id, "participants", ", ".join(sorted(members)), tuple(extra)))
        kinds = [
            version(r, r.type.value)
            for r in rs
            if r.cameo is None
            and r.type in _GATHERINGS
            and event.type in _GATHERINGS
            and r.type is not event.type
        ]
        if kinds:
            out.append(Conflict(event_id, "type", event.type.value, tuple(kinds)))
    return out
