"""Cluster reports into events and link each cluster to a curated event, or propose a new one.

Reports go together when they name the same principal actors (the people,
or, when a report names no person, the states), when their dates are
compatible at their own precisions (month-precision June 2018 is compatible with
2018-06-12; every report of a cluster overlaps every other), and when their
types are of one family (cooperation, verbal conflict, material conflict).
Reports dated to the day and coarser reports form separate clusters: a month
cannot say which day it means.

A cluster is linked to the curated event that fits it: its people are among the
event's participants (an event with people as participants needs a cluster that
names some), its states are among theirs, its dates fall within the event's
time widened by ``slack_days`` (a day's lag is common in news-coded data; the
difference is reported by :func:`diplograph.importers.conflicts.conflicts`),
and its family is the event's. Among several, the best fit wins: dates inside the
event's, then the same type (or another kind of gathering), then the shortest event.
Clusters that fit none become proposed events for a person to review.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..dates import Precision
from ..kg import KnowledgeGraph
from ..model import ActorKind, Event, EventType
from .actors import ActorResolver
from .codes import family_of_code, family_of_plover, family_of_type
from .report import Report

__all__ = ["Cluster", "Proposal", "Reconciliation", "edtf", "family", "reconcile"]

_GATHERINGS = frozenset({EventType.SUMMIT, EventType.MEETING, EventType.TALKS, EventType.VISIT})


def edtf(start: date, end: date) -> str:
    """The days ``start`` to ``end`` as EDTF, at the coarsest precision that says them exactly.

    >>> edtf(date(2018, 6, 1), date(2018, 6, 30)), edtf(date(2018, 6, 12), date(2018, 6, 12))
    ('2018-06', '2018-06-12')
    >>> edtf(date(2018, 1, 1), date(2018, 12, 31)), edtf(date(2018, 9, 18), date(2018, 9, 20))
    ('2018', '2018-09-18/2018-09-20')
    """
    if start == end:
        return start.isoformat()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year:04d}"
    if (
        start.day == 1
        and (start.year, start.month) == (end.year, end.month)
        and end.day == calendar.monthrange(end.year, end.month)[1]
    ):
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def family(report: Report) -> str:
    """The type family of a report: from its type, else its CAMEO code, else its PLOVER one."""
    if report.type is not None:
        return family_of_type(report.type)
    if report.cameo is not None:
        return family_of_code(report.cameo)
    if report.plover is not None:
        return family_of_plover(report.plover) or "unknown"
    return "unknown"


@dataclass
class Cluster:
    """Reports (by id) taken to describe one event, with the dates they all allow."""

    key: tuple[str, ...]
    family: str
    start: date
    end: date
    reports: list[str] = field(default_factory=list)
    types: set[EventType] = field(default_factory=set)
    event: str | None = None

    @property
    def id(self) -> str:
        """A stable id: from the smallest report id (ids are stable across imports)."""
        return "proposed-" + min(self.reports)


@dataclass(frozen=True)
class Proposal:
    """A new event a cluster of reports suggests, for a person to accept or reject."""

    id: str
    label: str
    start: date
    end: date
    family: str
    actors: tuple[str, ...]
    reports: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        """The proposal as plain data (for YAML)."""
        return {
            "id": self.id,
            "label": self.label,
            "time": edtf(self.start, self.end),
            "family": self.family,
            "actors": list(self.actors),
            "reports": list(self.reports),
        }


@dataclass
class Reconciliation:
    """The outcome: the event each linked report describes, the clusters, the proposals.

    It holds report ids, not reports, so that it stays small beside them.
    """

    links: dict[str, str]
    clusters: list[Cluster]
    proposals: list[Proposal]

    @property
    def linked(self) -> int:
        """How many reports were linked to a curated event."""
        return len(self.links)

    def apply(self, reports: Iterable[Report]) -> Iterator[Report]:
        """``reports`` with ``event`` set on those linked to a curated event."""
        for r in reports:
            event = self.links.get(r.id)
            yield r if event is None or r.event == event else r.model_copy(update={"event": event})


def _key(report: Report, resolver: ActorResolver) -> tuple[str, ...]:
    people = [a for a in report.principals() if resolver.kind_of(a) is ActorKind.PERSON]
    if people:
        return tuple(sorted(set(people)))
    return tuple(sorted({resolver.state_of(a) for a in report.principals()}))


def _cluster(reports: Iterable[Report], resolver: ActorResolver) -> list[Cluster]:
    # only a small tuple per report is kept, never the report
    keyed = []
    for r in reports:
        key = _key(r, resolver)
        lo, hi = r.date.earliest, r.date.latest
        fine = r.date.precision is Precision.DAY and lo == hi
        keyed.append(((key, family(r), fine), lo, hi, r.id, r.type))
    keyed.sort(key=lambda t: (t[0], t[1], t[3]))
    clusters: list[Cluster] = []
    current: Cluster | None = None
    last = None
    for bucket, lo, hi, rid, kind in keyed:
        if current is None or bucket != last or lo > current.end or hi < current.start:
            current = Cluster(bucket[0], bucket[1], lo, hi)
            clusters.append(current)
            last = bucket
        current.start, current.end = max(current.start, lo), min(current.end, hi)
        current.reports.append(rid)
        if kind is not None:
            current.types.add(kind)
    return clusters


def _fit(
    cluster: Cluster, event: Event, kg: KnowledgeGraph, resolver: ActorResolver, slack: timedelta
) -> tuple[int, int, int] | None:
    """How well ``cluster`` fits ``event`` (lower is better), or None when it does not."""
    e0, e1 = event.time.earliest, event.time.latest
    if cluster.end < e0 - slack or cluster.start > e1 + slack:
        return None
    if cluster.family not in ("unknown", family_of_type(event.type)):
        return None
    actors = {p.actor for p in event.participants}
    people = {a for a in actors if resolver.kind_of(a) is ActorKind.PERSON}
    states = {resolver.state_of(a) for a in actors}
    named = set(cluster.key)
    if named & people:
        if not named <= people | states:
            return None
    elif people or not named or not named <= states:
        return None
    inside = e0 <= cluster.start and cluster.end <= e1
    if event.type in cluster.types:
        kind = 0
    else:
        kind = 1 if event.type in _GATHERINGS and cluster.types & _GATHERINGS else 2
    return (0 if inside else 1, kind, (e1 - e0).days)


def reconcile(
    reports: Iterable[Report],
    kg: KnowledgeGraph,
    resolver: ActorResolver | None = None,
    *,
    slack_days: int = 1,
) -> Reconciliation:
    """Cluster ``reports``, link each cluster to the curated event of ``kg`` it fits, or propose.

    ``resolver`` knows the actors the import created (their kinds and states);
    without one only the graph's actors are known.
    """
    resolver = resolver if resolver is not None else ActorResolver(kg)
    slack = timedelta(days=slack_days)
    clusters = _cluster(reports, resolver)
    events = sorted(kg.events.values(), key=lambda e: e.time.earliest)
    links: dict[str, str] = {}
    proposals: list[Proposal] = []
    for c in clusters:
        fits = []
        for e in events:
            if e.time.earliest > c.end + slack:
                break
            score = _fit(c, e, kg, resolver, slack)
            if score is not None:
                fits.append((score, e.id))
        if fits:
            c.event = min(fits)[1]
            links.update(dict.fromkeys(c.reports, c.event))
            continue
        names = [_name(a, resolver) for a in c.key]
        label = f"{c.family}: {', '.join(names) or 'unnamed actors'}, {edtf(c.start, c.end)}"
        proposals.append(Proposal(c.id, label, c.start, c.end, c.family, c.key, tuple(c.reports)))
    return Reconciliation(links, clusters, proposals)


def _name(actor_id: str, resolver: ActorResolver) -> str:
    actor = resolver.kg.actors.get(actor_id) or resolver.new.get(actor_id)
    return actor.name if actor is not None else actor_id
