"""The graph's events indexed once for linking: by type family and year, and by the
event they are part of. Ingest against a large imported layer then looks at the few events a
mention's family and date allow, not at every event of the graph for every mention."""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from ..kg import KnowledgeGraph
from ..model import Event

__all__ = ["EventIndex", "event_index"]

_LONG_YEARS = 3  # an event longer than this is looked at for every period


class EventIndex:
    """Events of one graph by family, by family and year, and by the event they are in."""

    def __init__(self, kg: KnowledgeGraph, families: dict[str, str]) -> None:
        self.families = families
        self._family: dict[str, list[Event]] = defaultdict(list)
        self._year: dict[tuple[str, int], list[Event]] = defaultdict(list)
        self._long: dict[str, list[Event]] = defaultdict(list)
        self._parts: dict[str, list[Event]] = defaultdict(list)
        for ev in kg.events.values():
            if ev.part_of is not None:
                self._parts[ev.part_of].append(ev)
            family = families.get(ev.type.value)
            if family is None:
                continue
            self._family[family].append(ev)
            first, last = ev.time.earliest.year, ev.time.latest.year
            if last - first > _LONG_YEARS:
                self._long[family].append(ev)
                continue
            for year in range(first, last + 1):
                self._year[(family, year)].append(ev)

    def of_family(self, family: str) -> list[Event]:
        """Every event of ``family``, in the graph's order."""
        return self._family.get(family, [])

    def parts(self, event_id: str) -> list[Event]:
        """The events recorded as part of ``event_id``."""
        return self._parts.get(event_id, [])

    def between(self, family: str, earliest: date, latest: date) -> Iterator[Event]:
        """The events of ``family`` whose dates may fall in ``earliest``..``latest``, each once,
        in the graph's order within a year."""
        seen: set[str] = set()
        for year in range(earliest.year, latest.year + 1):
            for ev in self._year.get((family, year), []):
                if ev.id not in seen and ev.time.earliest <= latest and earliest <= ev.time.latest:
                    seen.add(ev.id)
                    yield ev
        for ev in self._long.get(family, []):
            if ev.time.earliest <= latest and earliest <= ev.time.latest:
                yield ev


_CACHE: dict[int, tuple[weakref.ref[KnowledgeGraph], int, EventIndex]] = {}


def event_index(kg: KnowledgeGraph, families: dict[str, str]) -> EventIndex:
    """The index of ``kg``'s events, made once per graph (again if its events change in number)."""
    held = _CACHE.get(id(kg))
    if held is not None and held[0]() is kg and held[1] == len(kg.events):
        return held[2]
    index = EventIndex(kg, families)
    for key in [k for k, (ref, _, _) in _CACHE.items() if ref() is None]:
        del _CACHE[key]
    _CACHE[id(kg)] = (weakref.ref(kg), len(kg.events), index)
    return index
