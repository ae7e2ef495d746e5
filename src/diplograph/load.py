"""Reading and writing a data folder of YAML records, with every problem located as ``file:line``.

A data folder holds ``*.yaml`` files (subfolders included). Each file is a
mapping whose keys are record kinds and whose values are lists of records::

    events:
      - id: summit-2018-06-12-singapore
        label: Singapore summit
        type: summit
        time: 2018-06-12

The canonical layout, the one :func:`dump` writes, is one file per kind
(``events.yaml`` ...); but any file may hold any kinds. Source texts are not
part of a data folder: with ``texts=`` (a folder), every source whose ``file``
name or ``sha256`` matches a text there has its evidence offsets checked.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import _yaml
from ._atomic import atomic_folder
from ._files import yaml_files
from ._yamlfile import FieldLines, Located, file_records
from .errors import LoadError, ModelError, Problem
from .evidence import Texts, check_evidence, load_texts, text_of
from .kg import KnowledgeGraph, normalize_name
from .kinds import KINDS

__all__ = [
    "ADDITIONS_FILE",
    "check_folder",
    "check_records",
    "dump",
    "dumps_kind",
    "load",
    "load_texts",
    "read_records",
]


def _yaml_files(folder: Path) -> list[Path]:
    return yaml_files(folder)


ADDITIONS_FILE = "additions.yaml"
"""The file of a data folder that adds to records of earlier folders (see :mod:`.layers`)."""
_LONE_ADDITIONS = (
    "additions to records of earlier data folders: give this folder after them "
    "(--data BASE --data THIS, or diplograph.layers.load_layers)"
)


def _records(
    folder: Path,
    problems: list[Problem],
    failed: set[tuple[str, str]] | None = None,
    layered: bool = False,
    *,
    held: bool = True,
) -> Iterator[Located]:
    """The valid records of ``folder``; the ``(kind, id)`` of each invalid one go in ``failed``.

    ``additions.yaml`` is left to :mod:`.layers` when ``layered``, else it is a
    problem. ``held`` is :func:`~diplograph._yamlfile.file_records`' own.
    """
    for path in _yaml_files(folder):
        if path.name == ADDITIONS_FILE:
            if not layered:
                problems.append(Problem(str(path), 1, _LONE_ADDITIONS))
            continue
        yield from file_records(path, problems, failed, held=held)


def _path_loc(field: str) -> tuple[int | str, ...]:
    """``participants[0].actor`` -> ``("participants", 0, "actor")``."""
    out: list[int | str] = []
    for part in field.split("."):
        name, _, rest = part.partition("[")
        if name:
            out.append(name)
        while rest:
            idx, _, rest = rest.partition("]")
            out.append(int(idx))
            rest = rest.lstrip("[")
    return tuple(out)


def _refuse_unreadable(root: Path) -> None:
    """Raise when ``root`` is not a folder holding YAML files."""
    if not root.is_dir():
        raise LoadError(
            [Problem(str(root), 0, "data folder cannot be read: no such folder")], unreadable=True
        )
    try:
        files = _yaml_files(root)
    except OSError as e:
        raise LoadError(
            [Problem(str(root), 0, f"data folder cannot be read: {e}")], unreadable=True
        ) from e
    if not files:
        raise LoadError(
            [Problem(str(root), 0, "data folder holds no *.yaml files")], unreadable=True
        )


def check_folder(
    folder: Path | str, *, texts: Texts = None
) -> tuple[KnowledgeGraph, list[Problem]]:
    """Load what can be loaded from ``folder`` and list every problem found.

    Returns the graph of the valid records and the problems, sorted by file and
    line. :func:`load` is the strict form that raises when there are problems.
    """
    root = Path(folder)
    _refuse_unreadable(root)
    problems: list[Problem] = []
    failed: set[tuple[str, str]] = set()
    with collector_paused():
        located = read_records(root, problems, failed)
        kg = check_records(located, problems, texts=texts, failed=failed)
    return kg, sorted(set(problems))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector (it slows bulk validation several times over), then restore."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_records(
    root: Path,
    problems: list[Problem],
    failed: set[tuple[str, str]] | None = None,
    *,
    layered: bool = False,
) -> list[Located]:
    """Every valid record of the folder ``root`` with where it was read; problems appended.

    The ``(kind, id)`` of each record that failed validation goes in ``failed``;
    ``layered`` leaves the folder's ``additions.yaml`` to :mod:`.layers`.
    """
    with collector_paused():
        return list(_records(root, problems, failed, layered))


def check_records(
    located: list[Located],
    problems: list[Problem],
    *,
    texts: Texts = None,
    failed: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> KnowledgeGraph:
    """The graph of ``located`` records, with every integrity problem appended.

    Duplicate ids name both places; a reference to a record in ``failed`` (one
    whose own error is already reported) is not reported again.
    """
    kg = KnowledgeGraph()
    where: dict[tuple[str, str], Located] = {}
    for loc in located:
        key = (loc.kind, loc.record.id)
        first = where.get(key)
        if first is not None:
            problems.append(
                Problem(
                    loc.file,
                    loc.id_line,
                    f"duplicate id {loc.record.id!r}: another {KINDS[loc.kind].singular} has it "
                    f"({first.file}:{first.id_line})",
                )
            )
            continue
        where[key] = loc
        getattr(kg, loc.kind)[loc.record.id] = loc.record
    lines = FieldLines()
    _check_integrity(kg, where, lines, problems, failed)
    _check_texts(kg, texts, where, lines, problems)
    return kg


def _check_integrity(
    kg: KnowledgeGraph,
    where: dict[tuple[str, str], Located],
    lines: FieldLines,
    problems: list[Problem],
    failed: set[tuple[str, str]] | frozenset[tuple[str, str]],
) -> None:
    def line_at(kind: str, rid: str, field: str) -> tuple[str, int]:
        loc = where[(kind, rid)]
        return loc.file, lines.line(loc, _path_loc(field))

    keys = {k.singular: k.key for k in KINDS.values()}
    for d in kg.dangling():
        if (keys[d.expected], d.target) in failed:
            continue  # the record exists, and its own problem is reported
        file, line = line_at(d.kind, d.record, d.field)
        problems.append(Problem(file, line, f"{KINDS[d.kind].singular} {d.record!r}: {d}"))
    for rid in kg.cycles():
        file, line = line_at("events", rid, "part_of")
        problems.append(Problem(file, line, f"event {rid!r}: part_of: the chain loops back"))
    for rid in kg.place_cycles():
        file, line = line_at("places", rid, "part_of")
        problems.append(Problem(file, line, f"place {rid!r}: part_of: the chain loops back"))
    for folded, ids in kg.ambiguous_aliases().items():
        for aid in sorted(set(ids)):
            actor = kg.actors[aid]
            names = [actor.name, *actor.aliases]
            i = next(i for i, n in enumerate(names) if normalize_name(n) == folded)
            field = "name" if i == 0 else f"aliases[{i - 1}]"
            file, line = line_at("actors", aid, field)
            others = ", ".join(
                f"{o} ({where[('actors', o)].file}:{where[('actors', o)].line})"
                for o in sorted(set(ids) - {aid})
            )
            problems.append(
                Problem(
                    file,
                    line,
                    f"actor {aid!r}: {field}: ambiguous name {names[i]!r}, also used by {others}; "
                    "give each actor distinct names and aliases",
                )
            )


def _check_texts(
    kg: KnowledgeGraph,
    texts: Texts,
    where: dict[tuple[str, str], Located],
    lines: FieldLines,
    problems: list[Problem],
) -> None:
    if texts is None:
        return
    by_name, by_hash = load_texts(texts)
    source_text: dict[str, str] = {}
    for src in kg.sources.values():
        text = text_of(src, by_name, by_hash)
        if text is None:
            continue
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if src.sha256 is not None and digest != src.sha256 and src.file is not None:
            loc = where[("sources", src.id)]
            problems.append(
                Problem(
                    loc.file,
                    lines.line(loc, ("sha256",)),
                    f"source {src.id!r}: sha256: the text {src.file!r} has changed "
                    f"(expected {src.sha256}, got {digest})",
                )
            )
            continue
        source_text[src.id] = text
    for key, kind in KINDS.items():
        for record in getattr(kg, key).values():
            for field, ev in kind.evidence_of(record):
                if ev.source not in source_text:
                    continue
                messages = check_evidence(ev, source_text[ev.source])
                if not messages:
                    continue
                loc = where[(key, record.id)]
                line = lines.line(loc, _path_loc(field))
                for message in messages:
                    label = f"{kind.singular} {record.id!r}: {field}"
                    problems.append(Problem(loc.file, line, f"{label}: {message}"))


def load(folder: Path | str, *, texts: Texts = None) -> KnowledgeGraph:
    """Load a data folder into a :class:`~diplograph.kg.KnowledgeGraph`.

    Parameters
    ----------
    folder
        A folder of ``*.yaml`` record files (subfolders included).
    texts
        Optional folder of source texts; evidence offsets are checked against
        every text found for a source.

    Raises
    ------
    LoadError
        Listing every problem in the folder as ``file:line: message``.

    Examples
    --------
    >>> from diplograph import bundled_data
    >>> kg = load(bundled_data())
    >>> kg.resolve_actor("Kim Jong-un").name
    'Kim Jong Un'
    """
    kg, problems = check_folder(folder, texts=texts)
    if problems:
        raise LoadError(problems)
    return kg


# -- writing ---------------------------------------------------------------------------


def dumps_kind(kg: KnowledgeGraph, kind: str) -> str:
    """The canonical YAML text of one record kind of ``kg`` (as :func:`dump` writes it)."""
    records = sorted(getattr(kg, kind).values(), key=KINDS[kind].sort_key)
    data = {kind: [r.model_dump(mode="json", exclude_defaults=True) for r in records]}
    return _yaml.dump(data)


def dump(kg: KnowledgeGraph, folder: Path | str) -> list[Path]:
    """Write ``kg`` as canonical YAML, one file per non-empty record kind, atomically.

    Records are sorted (events and statements by date, the rest by id) and
    fields keep the model's order, so loading and dumping a folder that
    :func:`dump` wrote changes nothing. The folder is written as a whole
    beside the old one and swapped with it (other files in it are kept), so
    it is never seen half-written. Returns the paths written.

    Examples
    --------
    >>> import tempfile
    >>> from diplograph import bundled_data
    >>> kg = load(bundled_data())
    >>> with tempfile.TemporaryDirectory() as d:
    ...     written = dump(kg, d)
    ...     load(d) == kg
    True
    """
    root = Path(folder)
    canonical = {f"{kind}.yaml" for kind in KINDS}
    if root.is_dir():
        others = sorted(
            str(p.relative_to(root))
            for p in _yaml_files(root)
            if p.name not in canonical or p.parent != root
        )
        if others:
            raise ModelError(
                f"{root} holds other YAML files, whose records would be loaded twice beside the "
                f"ones written: dump into a new folder, or move them away (got {', '.join(others)})"
            )
    written: list[Path] = []
    with atomic_folder(root, keep=lambda name: name not in canonical) as tmp:
        for kind in KINDS:
            if getattr(kg, kind):
                with open(tmp / f"{kind}.yaml", "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(dumps_kind(kg, kind))
                written.append(root / f"{kind}.yaml")
    return written
