"""Sides: a state together with the people and bodies that act for it.

A dyad between the United States and North Korea counts what Trump said to
Kim, so each end of it is a *side*: the actor itself, every actor whose
``country`` is it, every actor holding a post in it or in a body whose
``country`` is it, and every actor whose name carries it as a qualifier the
way event data writes sectors ("Military (North Korea)"). A side of a person
or a body is usually the actor alone.

Examples
--------
>>> from diplograph import load, bundled_data
>>> kg = load(bundled_data())
>>> us = side(kg, "united-states")
>>> us.name, "donald-trump" in us.members, "kim-jong-un" in us.members
('United States', True, False)
>>> side(kg, "kim-jong-un").members
frozenset({'kim-jong-un'})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..kg import normalize_name
from ..model import Actor
from ..rdf.dyad_index import FORCE_TYPES
from ..rdf.store import Store, term_text
from ..rows import EventRow
from .templates import run

__all__ = ["FORCE_TYPES", "Side", "pair_events", "side", "side_in_store"]


@dataclass(frozen=True)
class Side:
    """One end of a dyad: the actor asked for and the ids of every actor counted with it."""

    id: str
    name: str
    members: frozenset[str]

    @classmethod
    def alone(cls, actor_id: str, name: str | None = None) -> Side:
        """The actor on its own, no one acting for it.

        >>> Side.alone("north-korea").members
        frozenset({'north-korea'})
        """
        return cls(actor_id, name or actor_id, frozenset({actor_id}))


def _qualified(name: str, names: Iterable[str]) -> bool:
    """True when ``name`` ends with one of ``names`` in parentheses: "Police (South Korea)"."""
    if not name.endswith(")") or "(" not in name:
        return False
    inner = normalize_name(name[name.rindex("(") + 1 : -1])
    return inner in names


def side(kg: object, actor_id: str) -> Side:
    """The side of ``actor_id`` among the actors of ``kg`` (a knowledge graph or an id map).

    Parameters
    ----------
    kg
        A :class:`~diplograph.kg.KnowledgeGraph` or a mapping of ids to
        :class:`~diplograph.model.Actor`.
    actor_id
        The state (or body, or person) at the end of the dyad.
    """
    actors: Mapping[str, Actor] = getattr(kg, "actors", kg)  # type: ignore[arg-type]
    head = actors.get(actor_id)
    if head is None:
        return Side.alone(actor_id)
    names = {normalize_name(n) for n in (head.name, *head.aliases)}
    bodies = {actor_id} | {a.id for a in actors.values() if a.country == actor_id}
    members = {actor_id}
    for a in actors.values():
        if (
            a.country == actor_id
            or _qualified(a.name, names)
            or any(p.organization in bodies for p in a.positions)
        ):
            members.add(a.id)
    return Side(actor_id, head.name, frozenset(members))


def side_in_store(store: Store, actor_id: str, name: str) -> Side:
    """The side of ``actor_id`` read from a store (``queries/dyad-side.rq``), as :func:`side`.

    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> sorted(side_in_store(store, "north-korea", "North Korea").members)
    ['kcna', 'kim-jong-un', 'north-korea']
    """
    import pyoxigraph as ox

    answer = run(store, "dyad-side", state=ox.Literal(actor_id))
    members = {actor_id}
    wanted = {normalize_name(name)}
    for row in answer:
        member = term_text(row.get("member"))
        label = term_text(row.get("label"))
        by_name = row.get("how") is not None and term_text(row["how"]) == "name"
        if by_name and not _qualified(label, wanted):
            continue
        members.add(member)
    return Side(actor_id, name, frozenset(members))


def pair_events(rows: Iterable[EventRow], a: Side, b: Side) -> list[EventRow]:
    """The curated events of a pair: those both sides take part in, and either side's tests.

    >>> from diplograph import load, bundled_data
    >>> from diplograph.rows import event_rows
    >>> kg = load(bundled_data())
    >>> us, nk = side(kg, "united-states"), side(kg, "north-korea")
    >>> [e.id for e in pair_events(event_rows(kg), us, nk)][2:4]
    ['hanoi-summit-2019', 'missile-tests-2019-05']
    """
    out = []
    for row in rows:
        named = set(row.actors())
        both = bool(named & a.members and named & b.members)
        if both or (row.type in FORCE_TYPES and named & (a.members | b.members)):
            out.append(row)
    return sorted(out, key=lambda r: (r.time.earliest, r.id))
