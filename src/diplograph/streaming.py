"""A valid data folder's records one at a time, for a writer or a store larger than memory.

:func:`load` holds every record in a knowledge graph. A writer or a store
needs them one at a time only, and the checks that span records (ids that
are unique and named, ``part_of`` chains that end, names that point to one
actor) need only an index of ids, references and names, not the records.

- :func:`stream` reads the folder twice: first to check it on the index, then
  for the records, so nothing is given from a folder with a problem;
- :func:`checked` reads it once, giving each record as it is made and
  raising at the end if the folder has a problem: for a writer that throws
  its output away on an error (an atomic file write).

Either raises :class:`~diplograph.errors.LoadError` with exactly the problems
:func:`~diplograph.load.load` lists: when the index finds something wrong,
the folder is checked again the way :func:`~diplograph.load.check_folder`
does, for the messages and lines.

Examples
--------
>>> from diplograph import bundled_data, load
>>> kg = load(bundled_data())
>>> sum(1 for _ in stream(bundled_data())) == len(kg)
True
>>> from diplograph.kg import KnowledgeGraph
>>> KnowledgeGraph.from_records(checked(bundled_data())) == kg
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ._yamlfile import Located
from .errors import LoadError, Problem
from .kg import normalize_name, part_of_cycles
from .kinds import KINDS
from .load import _records, _refuse_unreadable, check_folder, collector_paused
from .model import Actor, Record

__all__ = ["checked", "stream"]


def stream(folder: Path | str) -> Iterator[Record]:
    """The records of a valid data folder one at a time, file by file, never all held.

    The folder is read twice: first, before this returns, for the index the
    integrity checks need, then for the records themselves as they are taken,
    so no record is given from a folder with a problem. Raises
    :class:`LoadError` (with the problems :func:`load` lists) when there is one.
    """
    root = Path(folder)
    _refuse_unreadable(root)
    with collector_paused():
        index = _Index()
        for loc in _records(root, index.problems, held=False):
            index.add(loc)
        _raise_unsound(root, index)
    return _given(root)


def checked(folder: Path | str) -> Iterator[Record]:
    """The records of a data folder one at a time as they are read, checked when all are given.

    The folder is read once. When it has a problem, :class:`LoadError` is
    raised after the last record (with the problems :func:`load` lists), so a
    consumer must be able to drop what it made of the records, as an atomic
    file write does. A folder that cannot be read is refused at once.
    """
    root = Path(folder)
    _refuse_unreadable(root)
    return _checked(root)


def _checked(root: Path) -> Iterator[Record]:
    index = _Index()
    with collector_paused():
        for loc in _records(root, index.problems, held=False):
            index.add(loc)
            yield loc.record
        _raise_unsound(root, index)


def _given(root: Path) -> Iterator[Record]:
    """The records of a folder already checked, read again and not held."""
    problems: list[Problem] = []
    with collector_paused():
        for loc in _records(root, problems, held=False):
            yield loc.record
    if problems:  # the folder changed since it was checked
        raise LoadError(problems)


def _raise_unsound(root: Path, index: _Index) -> None:
    """Raise LoadError with the problems :func:`load` lists when the index finds any."""
    if index.is_sound():
        return
    _, problems = check_folder(root)
    raise LoadError(problems or [Problem(str(root), 0, "the data folder changed while read")])


@dataclass
class _Index:
    """What the integrity checks need of every record: ids, references, part_of, names."""

    problems: list[Problem] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})
    wanted: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})
    """Ids named before a record with the id was read."""
    part_of: dict[str, dict[str, _Parent]] = field(
        default_factory=lambda: {"events": {}, "places": {}}
    )
    names: dict[str, str] = field(default_factory=dict)
    """Each folded name or alias, and the actor answering to it."""
    clash: bool = False

    def add(self, loc: Located) -> None:
        """Index one record."""
        record, key = loc.record, loc.kind
        kind = KINDS[key]
        ids = self.ids[key]
        if record.id in ids:
            self.clash = True
            return
        ids.add(record.id)
        for path, target_kind in _refs(key):
            known = self.ids[target_kind]
            for target in _values(path)(record):
                if target not in known:
                    self.wanted[target_kind].add(target)
        sources = self.ids["sources"]
        for path in kind.evidence:
            for ev in _values(path)(record):
                if ev.source not in sources:
                    self.wanted["sources"].add(ev.source)
        if key in self.part_of:
            parent = getattr(record, "part_of", None)
            if parent is not None:
                self.part_of[key][record.id] = _Parent(parent)
        if isinstance(record, Actor):
            for name in (record.name, *record.aliases):
                if self.names.setdefault(normalize_name(name), record.id) != record.id:
                    self.clash = True

    def is_sound(self) -> bool:
        """Whether every check passes: no problem read, no id twice or missing, no loop."""
        if self.problems or self.clash:
            return False
        if any(not wanted <= self.ids[key] for key, wanted in self.wanted.items()):
            return False
        return not any(part_of_cycles(links) for links in self.part_of.values())


@cache
def _refs(key: str) -> tuple[tuple[str, str], ...]:
    """``(path, target kind)`` of every reference a record of the kind ``key`` may make."""
    return tuple((ref.path, ref.target) for ref in KINDS[key].refs)


@cache
def _values(path: str) -> Callable[[Any], list[Any]]:
    """The values at ``path`` in a record, as :func:`~diplograph.kinds.walker` finds them,
    without the name of the field each is in (only a problem needs it, and the index has none).
    """
    parts = [(p.removesuffix("[]"), p.endswith("[]")) for p in path.split(".")]

    def values(record: Any) -> list[Any]:
        found = [record]
        for name, many in parts:
            step: list[Any] = []
            for value in found:
                inner = getattr(value, name)
                if many:
                    step.extend(inner)
                elif inner is not None:
                    step.append(inner)
            found = step
        return found

    return values


@dataclass(frozen=True, slots=True)
class _Parent:
    """A record reduced to the link the loop check follows."""

    part_of: str
