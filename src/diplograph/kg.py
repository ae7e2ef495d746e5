"""The knowledge graph: the records of one collection, indexed by id and searchable by name.

Examples
--------
>>> from diplograph.model import Actor
>>> kg = KnowledgeGraph()
>>> kg.add(Actor(id="kim-jong-un", kind="person", name="Kim Jong Un", aliases=["Kim"]))
>>> kg.resolve_actor("Kim Jong-un").id
'kim-jong-un'
>>> kg.resolve_actor("kim").id
'kim-jong-un'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import ModelError
from .kinds import KINDS, kind_of, walker
from .model import (
    Actor,
    Event,
    Evidence,
    Place,
    Record,
    Report,
    Source,
    Statement,
)
from .names import Names, normalize_name

__all__ = ["Dangling", "KnowledgeGraph", "normalize_name", "part_of_cycles"]


@dataclass(frozen=True)
class Dangling:
    """A reference to an id that does not exist: ``record`` names ``target`` in ``field``."""

    kind: str
    record: str
    field: str
    target: str
    expected: str

    def __str__(self) -> str:
        return (
            f"{self.field}: no {self.expected} has id {self.target!r} "
            f"(named by {KINDS[self.kind].singular} {self.record!r})"
        )


def _kind_of(record: Record) -> str:
    return kind_of(record).key


@dataclass
class KnowledgeGraph:
    """Records by kind, each kind a dict from id to record, in insertion order."""

    sources: dict[str, Source] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)

    # -- building -----------------------------------------------------------------
    @classmethod
    def from_records(cls, records: Iterable[Record]) -> KnowledgeGraph:
        """Build a graph from records of any kinds.

        >>> from diplograph.model import Actor
        >>> len(KnowledgeGraph.from_records([Actor(id="a", kind="state", name="A")]))
        1
        """
        kg = cls()
        for record in records:
            kg.add(record)
        return kg

    def add(self, record: Record) -> None:
        """Add one record; an id already used by a record of the same kind is an error."""
        table: dict[str, Record] = getattr(self, _kind_of(record))
        if record.id in table:
            raise ModelError(f"duplicate id {record.id!r} among the {_kind_of(record)}")
        table[record.id] = record

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """A new graph holding the records of both; an id in both must name equal records."""
        merged = KnowledgeGraph.from_records(self.records())
        for record in other.records():
            table: dict[str, Record] = getattr(merged, _kind_of(record))
            if record.id in table:
                if table[record.id] != record:
                    raise ModelError(
                        f"cannot merge: {kind_of(record).singular} {record.id!r} "
                        "differs in the two graphs"
                    )
                continue
            table[record.id] = record
        return merged

    # -- reading ------------------------------------------------------------------
    def records(self) -> Iterator[Record]:
        """Every record, kind by kind in dependency order (sources first)."""
        for kind in KINDS:
            yield from getattr(self, kind).values()

    def __len__(self) -> int:
        return sum(len(getattr(self, kind)) for kind in KINDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in KINDS)

    def counts(self) -> dict[str, int]:
        """Number of records of each kind; reports only when there are some.

        Reports come from imports, never from a curated folder, so a graph
        without any counts the curated kinds alone.

        >>> KnowledgeGraph().counts()
        {'sources': 0, 'actors': 0, 'places': 0, 'events': 0, 'statements': 0}
        """
        counts = {kind: len(getattr(self, kind)) for kind in KINDS}
        if not counts["reports"]:
            del counts["reports"]
        return counts

    def events_in_order(self) -> list[Event]:
        """Events sorted by date (day bounds, then precision), then id."""
        return sorted(self.events.values(), key=lambda e: (e.time.sort_key(), e.id))

    def statements_in_order(self) -> list[Statement]:
        """Statements sorted by date, then id."""
        return sorted(self.statements.values(), key=lambda s: (s.date.sort_key(), s.id))

    def evidence(self) -> Iterator[tuple[Record, Evidence]]:
        """Every piece of evidence, with the record that carries it."""
        for key, kind in KINDS.items():
            walks = [walker(path) for path in kind.evidence]
            for record in getattr(self, key).values():
                for walk in walks:
                    for _, ev in walk(record):
                        yield record, ev

    # -- integrity ----------------------------------------------------------------
    def dangling(self) -> list[Dangling]:
        """Every reference to an id that no record has, in record order.

        >>> from diplograph.model import Statement, Evidence
        >>> kg = KnowledgeGraph.from_records([Statement(id="s", speaker="nobody", date="2019",
        ...     text="hi", evidence=[Evidence(source="src", quote="hi")])])
        >>> for d in kg.dangling():
        ...     print(d)
        speaker: no actor has id 'nobody' (named by statement 's')
        evidence[0].source: no source has id 'src' (named by statement 's')
        """
        out: list[Dangling] = []
        for key, kind in KINDS.items():
            checks = [
                (walker(r.path), getattr(self, r.target), KINDS[r.target].singular)
                for r in kind.refs
            ]
            cited = [walker(path) for path in kind.evidence]
            for record in getattr(self, key).values():
                for walk, table, expected in checks:
                    for fld, target in walk(record):
                        if target not in table:
                            out.append(Dangling(key, record.id, fld, target, expected))
                for walk in cited:
                    for fld, ev in walk(record):
                        if ev.source not in self.sources:
                            out.append(
                                Dangling(key, record.id, f"{fld}.source", ev.source, "source")
                            )
        return out

    def cycles(self) -> list[str]:
        """Ids of events whose ``part_of`` chain loops back on itself."""
        return part_of_cycles(self.events)

    def place_cycles(self) -> list[str]:
        """Ids of places whose ``part_of`` chain loops back on itself."""
        return part_of_cycles(self.places)

    # -- names --------------------------------------------------------------------
    def _name_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for a in self.actors.values():
            keys = {normalize_name(n) for n in (a.name, *a.aliases)}
            for key in keys:
                index.setdefault(key, []).append(a.id)
        return index

    def resolve_actor(self, name: str) -> Actor:
        """The one actor whose id, name or alias is ``name`` (case, spaces, hyphens ignored).

        Raises :class:`~diplograph.errors.UnknownNameError` (with near matches)
        or :class:`~diplograph.errors.AmbiguousNameError` (with the candidates);
        the rules are those of :mod:`diplograph.names`.
        """
        return self.actors[Names(self).actor(name).id]

    def ambiguous_aliases(self) -> dict[str, list[str]]:
        """Names (folded) that several actors answer to, with their ids."""
        return {k: v for k, v in self._name_index().items() if len(set(v)) > 1}

    def resolve_event(self, name: str) -> Event:
        """The one event whose id is ``name``, or whose label holds it.

        ``name`` matches a label that contains it (case, spaces and hyphens
        ignored) or that holds each of its words, in any order.

        >>> from diplograph.model import Event
        >>> kg = KnowledgeGraph.from_records([Event(id="hanoi", label="Trump-Kim summit in Hanoi",
        ...     type="summit", time="2019-02-27/2019-02-28")])
        >>> kg.resolve_event("hanoi").id
        'hanoi'
        >>> kg.resolve_event("Hanoi summit").label
        'Trump-Kim summit in Hanoi'
        """
        return self.events[Names(self).event(name).id]


def part_of_cycles(records: dict[str, Any]) -> list[str]:
    """Ids of the records (events or places) whose ``part_of`` chain loops back on itself.

    >>> from diplograph.model import Place
    >>> part_of_cycles({"a": Place(id="a", name="A", part_of="b"),
    ...                 "b": Place(id="b", name="B", part_of="a")})
    ['a', 'b']
    """
    bad: list[str] = []
    for start in records:
        seen = {start}
        cur = records[start].part_of
        while cur is not None and cur in records:
            if cur in seen:
                bad.append(start)
                break
            seen.add(cur)
            cur = records[cur].part_of
    return bad
