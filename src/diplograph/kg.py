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

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import AmbiguousNameError, ModelError, UnknownNameError
from .model import (
    RECORD_KINDS,
    Actor,
    Event,
    Evidence,
    Place,
    Record,
    Source,
    Statement,
)

__all__ = ["Dangling", "KnowledgeGraph", "normalize_name", "part_of_cycles"]


def normalize_name(name: str) -> str:
    """Fold a name for matching: case, accents, spaces, hyphens and punctuation do not count.

    >>> normalize_name("Kim Jong-un") == normalize_name("KIM JONG UN")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", stripped.casefold())


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
            f"(named by {self.kind[:-1]} {self.record!r})"
        )


def _kind_of(record: Record) -> str:
    for kind, cls in RECORD_KINDS.items():
        if isinstance(record, cls):
            return kind
    raise ModelError(f"not a record: {record!r}")


@dataclass
class KnowledgeGraph:
    """Records by kind, each kind a dict from id to record, in insertion order."""

    sources: dict[str, Source] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)

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
                        f"cannot merge: {_kind_of(record)[:-1]} {record.id!r} differs in the two "
                        "graphs"
                    )
                continue
            table[record.id] = record
        return merged

    # -- reading ------------------------------------------------------------------
    def records(self) -> Iterator[Record]:
        """Every record, kind by kind in dependency order (sources first)."""
        for kind in RECORD_KINDS:
            yield from getattr(self, kind).values()

    def __len__(self) -> int:
        return sum(len(getattr(self, kind)) for kind in RECORD_KINDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in RECORD_KINDS)

    def counts(self) -> dict[str, int]:
        """Number of records of each kind.

        >>> KnowledgeGraph().counts()
        {'sources': 0, 'actors': 0, 'places': 0, 'events': 0, 'statements': 0}
        """
        return {kind: len(getattr(self, kind)) for kind in RECORD_KINDS}

    def events_in_order(self) -> list[Event]:
        """Events sorted by date (day bounds, then precision), then id."""
        return sorted(self.events.values(), key=lambda e: (e.time.sort_key(), e.id))

    def statements_in_order(self) -> list[Statement]:
        """Statements sorted by date, then id."""
        return sorted(self.statements.values(), key=lambda s: (s.date.sort_key(), s.id))

    def evidence(self) -> Iterator[tuple[Record, Evidence]]:
        """Every piece of evidence, with the record that carries it."""
        for record in self.records():
            for ev in getattr(record, "evidence", ()):
                yield record, ev
            if isinstance(record, Actor):
                for position in record.positions:
                    for ev in position.evidence:
                        yield record, ev

    def to_rdflib(self) -> Any:
        """The graph's triples as an ``rdflib.Graph``, for users of rdflib and pyshacl.

        The whole graph is built in memory; to write a large collection, stream
        it with :func:`diplograph.rdf.io.write_rdf` instead.

        >>> from diplograph import load, bundled_data
        >>> g = load(bundled_data()).to_rdflib()
        >>> len(g) > 1000
        True
        """
        from .rdf.shacl import to_rdflib

        return to_rdflib(self)

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

        def check(kind: str, rid: str, fld: str, target: str | None, table: str) -> None:
            if target is not None and target not in getattr(self, table):
                out.append(Dangling(kind, rid, fld, target, table[:-1]))

        def check_evidence(kind: str, rid: str, prefix: str, evs: Iterable[Evidence]) -> None:
            for i, ev in enumerate(evs):
                check(kind, rid, f"{prefix}evidence[{i}].source", ev.source, "sources")

        for a in self.actors.values():
            check("actors", a.id, "country", a.country, "actors")
            for i, pos in enumerate(a.positions):
                check("actors", a.id, f"positions[{i}].organization", pos.organization, "actors")
                check_evidence("actors", a.id, f"positions[{i}].", pos.evidence)
            check_evidence("actors", a.id, "", a.evidence)
        for p in self.places.values():
            check("places", p.id, "country", p.country, "actors")
            check("places", p.id, "part_of", p.part_of, "places")
            check_evidence("places", p.id, "", p.evidence)
        for e in self.events.values():
            check("events", e.id, "place", e.place, "places")
            for i, part in enumerate(e.participants):
                check("events", e.id, f"participants[{i}].actor", part.actor, "actors")
            check("events", e.id, "part_of", e.part_of, "events")
            for i, t in enumerate(e.follows):
                check("events", e.id, f"follows[{i}]", t, "events")
            for i, t in enumerate(e.leads_to):
                check("events", e.id, f"leads_to[{i}]", t, "events")
            check_evidence("events", e.id, "", e.evidence)
        for s in self.statements.values():
            check("statements", s.id, "speaker", s.speaker, "actors")
            for i, t in enumerate(s.about_events):
                check("statements", s.id, f"about_events[{i}]", t, "events")
            for i, t in enumerate(s.about_actors):
                check("statements", s.id, f"about_actors[{i}]", t, "actors")
            check("statements", s.id, "channel", s.channel, "actors")
            check_evidence("statements", s.id, "", s.evidence)
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
        or :class:`~diplograph.errors.AmbiguousNameError` (with the candidates).
        """
        if name in self.actors:
            return self.actors[name]
        key = normalize_name(name)
        ids = self._name_index().get(key, [])
        if len(ids) == 1:
            return self.actors[ids[0]]
        if len(ids) > 1:
            raise AmbiguousNameError(name, [f"{i} ({self.actors[i].name})" for i in sorted(ids)])
        names = sorted({n for a in self.actors.values() for n in (a.name, *a.aliases)})
        near = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        raise UnknownNameError(name, near)

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
        if name in self.events:
            return self.events[name]
        key = normalize_name(name)
        words = {normalize_name(w) for w in re.split(r"[\s\-–]+", name)} - {""}

        def matches(label: str) -> bool:
            if key and key in normalize_name(label):
                return True
            label_words = {normalize_name(w) for w in re.split(r"[\s\-–]+", label)}
            return bool(words) and words <= label_words

        hits = [e for e in self.events.values() if matches(e.label)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            exact = [e for e in hits if normalize_name(e.label) == key]
            if len(exact) == 1:
                return exact[0]
            raise AmbiguousNameError(
                name,
                [f"{e.id} ({e.label})" for e in sorted(hits, key=lambda e: e.id)],
                what="event",
            )
        labels = sorted(e.label for e in self.events.values())
        near = difflib.get_close_matches(name, labels, n=3, cutoff=0.5)
        raise UnknownNameError(name, near, what="event")


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
