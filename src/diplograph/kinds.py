"""One description per record kind, from which the rest of the package is driven.

Each :class:`Kind` says, for one kind of record: its model class, the key that
lists it in a data file (``events``), its singular name (``event``, also the
IRI segment and the node kind of the networkx view), the ids its fields
reference (so integrity checks are derived, not written out), where its
evidence lies (positions' evidence included), its RDF classes, and how its
records sort when written out.

Integrity checks and the evidence walk (:mod:`diplograph.kg`), loading,
evidence checks against texts and dumping (:mod:`diplograph.load`), the
order and named graphs of RDF files, which node finds which kind when RDF is
read back, the SHACL report's names, and the networkx view's node order all
read :data:`KINDS`.

Adding a record kind
--------------------
1. ``model.py``: the pydantic model, in the ``Record`` union and ``RECORD_KINDS``.
2. ``kinds.py``: its :class:`Kind` (references, evidence paths, RDF classes, date).
3. ``kg.py``: its typed table, one line in ``KnowledgeGraph``.
4. ``rdf/_kinds/<singular>.py``: ``write`` and ``read``, its triples both ways.
5. ``graph/_kinds/<singular>.py``: its node attributes, its edges and the
   record back from them; and its ``NodeKind`` member in ``graph/_base.py``.
6. ``ontology/``: its class and properties, its SHACL shape, its JSON-LD terms.
7. Tests: ``tests/test_kinds.py`` fails, naming the part, until each exists,
   and checks that every id field of the model is a described reference.

Examples
--------
>>> KINDS["events"].singular
'event'
>>> [k.key for k in KINDS.values()]
['sources', 'actors', 'places', 'events', 'statements', 'reports']
>>> from diplograph.model import Event, Participant
>>> ev = Event(id="x", label="x", type="summit", time="2019",
...            participants=[Participant(actor="trump")], follows=["y"])
>>> list(KINDS["events"].references(ev))
[('participants[0].actor', 'trump', 'actors'), ('follows[0]', 'y', 'events')]
>>> kind_of(ev).key
'events'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from .errors import ModelError
from .model import Actor, Event, Evidence, Place, Record, Report, Source, Statement

__all__ = ["KINDS", "Kind", "Ref", "Walker", "kind_of", "singular", "walk", "walker"]


@dataclass(frozen=True)
class Ref:
    """A field that names a record of another kind by id.

    ``path`` is dotted, with ``[]`` after a list: ``participants[].actor``
    is the ``actor`` of each participant, ``follows[]`` each id in ``follows``.
    """

    path: str
    target: str
    """The key of the kind the id belongs to (``actors``)."""


def walk(record: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every value ``path`` reaches in ``record``, with its located field name.

    Values that are ``None`` are left out.

    >>> from diplograph.model import Actor, Position
    >>> a = Actor(id="a", kind="person", name="A", positions=[Position(post="p", organization="o")])
    >>> list(walk(a, "positions[].organization"))
    [('positions[0].organization', 'o')]
    """
    return iter(walker(path)(record))


Walker = Callable[[Any], list[tuple[str, Any]]]


@cache
def walker(path: str) -> Walker:
    """A function that does what :func:`walk` does for ``path``, built once per path.

    One-step paths, nearly all of them, go straight to the field.

    >>> walker("follows[]")(Event(id="e", label="e", type="talks", time="2019", follows=["d"]))
    [('follows[0]', 'd')]
    """
    parts = [(p.removesuffix("[]"), p.endswith("[]")) for p in path.split(".")]
    if len(parts) == 1:
        name, many = parts[0]
        if many:
            return lambda r: [(f"{name}[{i}]", v) for i, v in enumerate(getattr(r, name))]
        return lambda r: [] if (v := getattr(r, name)) is None else [(name, v)]

    def walker(record: Any) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = [("", record)]
        for name, many in parts:
            step: list[tuple[str, Any]] = []
            for where, value in found:
                inner = getattr(value, name)
                here = f"{where}.{name}" if where else name
                if many:
                    step.extend((f"{here}[{i}]", v) for i, v in enumerate(inner))
                elif inner is not None:
                    step.append((here, inner))
            found = step
        return found

    return walker


@dataclass(frozen=True)
class Kind:
    """What the package needs to know about one kind of record."""

    key: str
    """The key that lists the kind in a data file, and the attribute of a knowledge graph."""
    model: type[Record]
    singular: str
    """One record of the kind: in messages, in IRIs (``{base}event/x``), as a node kind."""
    refs: tuple[Ref, ...] = ()
    evidence: tuple[str, ...] = ("evidence[]",)
    """Paths to the record's evidence items (see :func:`walk`)."""
    rdf_classes: tuple[str, ...] = ()
    """CURIEs of the classes every record of the kind is typed with; the first finds them."""
    rdf_within: str | None = None
    """The key of a kind whose class this kind's class narrows (a statement is an event)."""
    date: str | None = None
    """The field holding the record's date, if it has one: it sorts and windows by it."""

    @property
    def rdf_class(self) -> str:
        """The CURIE of the class that finds the kind's records in RDF."""
        return self.rdf_classes[0]

    def references(self, record: Any) -> Iterator[tuple[str, str, str]]:
        """``(field, id, target kind)`` for every id ``record`` names, evidence excluded."""
        for ref in self.refs:
            for where, rid in walker(ref.path)(record):
                yield where, rid, ref.target

    def evidence_of(self, record: Any) -> Iterator[tuple[str, Evidence]]:
        """``(field, evidence)`` for every piece of evidence the record carries."""
        for path in self.evidence:
            yield from walker(path)(record)

    def sort_key(self, record: Any) -> tuple[Any, ...]:
        """How records of the kind are ordered when written out: by date, then id."""
        if self.date is None:
            return (record.id,)
        return (getattr(record, self.date).sort_key(), record.id)


KINDS: dict[str, Kind] = {
    k.key: k
    for k in (
        Kind(
            key="sources",
            model=Source,
            singular="source",
            evidence=(),
            rdf_classes=("dg:Source", "prov:Entity"),
        ),
        Kind(
            key="actors",
            model=Actor,
            singular="actor",
            refs=(
                Ref("country", "actors"),
                Ref("positions[].organization", "actors"),
            ),
            evidence=("positions[].evidence[]", "evidence[]"),
            rdf_classes=("sem:Actor",),
        ),
        Kind(
            key="places",
            model=Place,
            singular="place",
            refs=(Ref("country", "actors"), Ref("part_of", "places")),
            rdf_classes=("sem:Place", "schema:Place"),
        ),
        Kind(
            key="events",
            model=Event,
            singular="event",
            refs=(
                Ref("place", "places"),
                Ref("participants[].actor", "actors"),
                Ref("part_of", "events"),
                Ref("follows[]", "events"),
                Ref("leads_to[]", "events"),
            ),
            rdf_classes=("sem:Event", "schema:Event"),
            date="time",
        ),
        Kind(
            key="statements",
            model=Statement,
            singular="statement",
            refs=(
                Ref("speaker", "actors"),
                Ref("speakers[]", "actors"),
                Ref("about_events[]", "events"),
                Ref("about_actors[]", "actors"),
                Ref("about_places[]", "places"),
                Ref("said_at", "events"),
                Ref("channel", "actors"),
            ),
            rdf_classes=("dg:Statement",),
            rdf_within="events",
            date="date",
        ),
        Kind(
            key="reports",
            model=Report,
            singular="report",
            refs=(
                Ref("source", "sources"),
                Ref("event", "events"),
                Ref("source_actor", "actors"),
                Ref("target_actor", "actors"),
                Ref("actors[]", "actors"),
            ),
            rdf_classes=("dg:Report", "sem:View", "prov:Entity"),
            date="date",
        ),
    )
}
"""Every record kind by its key, in dependency order (sources first)."""

_BY_MODEL: dict[type[Any], Kind] = {k.model: k for k in KINDS.values()}


def kind_of(record: Any) -> Kind:
    """The description of ``record``'s kind.

    >>> from diplograph.model import Actor
    >>> kind_of(Actor(id="a", kind="state", name="A")).singular
    'actor'
    """
    kind = _BY_MODEL.get(type(record))
    if kind is None:
        raise ModelError(f"not a record: {record!r}")
    return kind


def singular(key: str) -> str:
    """The singular of a kind key: ``events`` -> ``event``."""
    return KINDS[key].singular
