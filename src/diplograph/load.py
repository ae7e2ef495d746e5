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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from . import _yaml
from ._atomic import atomic_folder
from ._files import yaml_files
from .errors import LoadError, ModelError, Problem
from .evidence import Texts, check_evidence, load_texts, text_of
from .evidence import short as _short
from .kg import KnowledgeGraph, normalize_name
from .kinds import KINDS, kind_of
from .model import Record

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

_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Map(dict[Any, Any]):
    """A YAML mapping that remembers the line of each of its keys."""

    line: int
    key_lines: dict[Any, int]


class _Seq(list[Any]):
    """A YAML sequence that remembers the line of each of its items."""

    line: int
    item_lines: list[int]


class _DuplicateKey(Exception):
    def __init__(self, key: Any, line: int, first: int) -> None:
        self.key, self.line, self.first = key, line, first


class _LineLoader(_BASE_LOADER):  # type: ignore[valid-type,misc]
    """Safe YAML loader that keeps line numbers and reads dates as plain strings."""


# Dates stay strings: EDTF is parsed by the model, so "2019-02-30" is our error, not YAML's.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Map:
    out = _Map()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in out.key_lines:
            raise _DuplicateKey(key, line, out.key_lines[key])
        out.key_lines[key] = line
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _Seq:
    out = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def _line_of(raw: Any, loc: tuple[int | str, ...], default: int) -> int:
    """The line of the deepest part of ``raw`` that ``loc`` reaches."""
    line = default
    cur = raw
    for part in loc:
        if isinstance(cur, _Map) and part in cur:
            line = cur.key_lines.get(part, line)
            cur = cur[part]
        elif isinstance(cur, _Seq) and isinstance(part, int) and 0 <= part < len(cur):
            line = cur.item_lines[part]
            cur = cur[part]
        else:
            break
    return line


def _loc_text(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.startswith(("function-", "union[", "tagged-union[")) or part in {
            "PartialDate",
            "DateSpan",
            "str",
            "int",
            "float",
            "literal['A','B','C','D','E','F']",
        }:
            continue
        else:
            text += f".{part}" if text else part
    return text


def _error_text(err: dict[str, Any]) -> str:
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    kind = err["type"]
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        return "unknown field; check its spelling against the data model in the README"
    if "(got" in msg:
        return msg
    return f"{msg[0].lower()}{msg[1:]} (got {err['input']!r})"


@dataclass
class _Located:
    record: Record
    raw: _Map
    file: str


_FAILED = object()


def _read_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    """The YAML document in ``path``, or ``_FAILED`` after adding a problem."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        problems.append(
            Problem(
                shown,
                line,
                f"not UTF-8 text: byte 0x{data[e.start]:02x} cannot be decoded; "
                "save the file as UTF-8",
            )
        )
        return _FAILED
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return _yaml.load(text, _LineLoader)
    except _yaml.YAMLProblem as e:
        problems.append(Problem(shown, e.line, e.message))
    except _DuplicateKey as e:
        problems.append(
            Problem(shown, e.line, f"duplicate key {e.key!r} (first given on line {e.first})")
        )
    return _FAILED


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
) -> Iterator[_Located]:
    """The valid records of ``folder``; the ``(kind, id)`` of each invalid one go in ``failed``.

    ``additions.yaml`` is left to :mod:`.layers` when ``layered``, else it is a problem.
    """
    for path in _yaml_files(folder):
        if path.name == ADDITIONS_FILE:
            if not layered:
                problems.append(Problem(str(path), 1, _LONE_ADDITIONS))
            continue
        shown = str(path)
        doc = _read_yaml(path, shown, problems)
        if doc is _FAILED:
            continue
        if doc is None:
            problems.append(
                Problem(
                    shown,
                    1,
                    "empty file: expected a mapping of record kinds "
                    f"({', '.join(KINDS)}) to lists of records",
                )
            )
            continue
        if not isinstance(doc, _Map):
            problems.append(
                Problem(
                    shown,
                    getattr(doc, "line", 1),
                    f"expected a mapping of record kinds ({', '.join(KINDS)}) "
                    f"to lists of records (got a {type(doc).__name__})",
                )
            )
            continue
        for kind, items in doc.items():
            line = doc.key_lines[kind]
            if kind not in KINDS:
                problems.append(unknown_kind(shown, line, kind))
                continue
            if items is None:
                continue
            if not isinstance(items, _Seq):
                problems.append(
                    Problem(
                        shown,
                        line,
                        f"{kind}: expected a list of records (got {_short(str(items))})",
                    )
                )
                continue
            yield from _kind_records(shown, kind, items, problems, failed)


def unknown_kind(shown: str, line: int, kind: object) -> Problem:
    """The problem of a top-level key in a data file that names no record kind."""
    return Problem(
        shown, line, f"unknown record kind: expected one of {', '.join(KINDS)} (got {kind!r})"
    )


def _kind_records(
    shown: str,
    kind: str,
    items: _Seq,
    problems: list[Problem],
    failed: set[tuple[str, str]] | None,
) -> Iterator[_Located]:
    """The valid records of one kind's list in a file; problems for the others."""
    cls = KINDS[kind].model
    for i, raw in enumerate(items):
        item_line = items.item_lines[i]
        if not isinstance(raw, _Map):
            problems.append(
                Problem(
                    shown,
                    item_line,
                    f"{kind}[{i}]: expected a record (a mapping of fields) "
                    f"(got {_short(str(raw))})",
                )
            )
            continue
        rid = raw.get("id")
        label = f"{KINDS[kind].singular} {rid!r}" if isinstance(rid, str) else f"{kind}[{i}]"
        try:
            record = cls.model_validate(dict(raw))
        except ValidationError as e:
            if failed is not None and isinstance(rid, str):
                failed.add((kind, rid))
            for err in e.errors():
                loc = tuple(err["loc"])
                problems.append(
                    Problem(
                        shown,
                        _line_of(raw, loc, raw.line),
                        f"{label}: {_loc_text(loc) or 'record'}: {_error_text(dict(err))}",
                    )
                )
            continue
        yield _Located(record, raw, shown)


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
    located = read_records(root, problems, failed)
    kg = check_records(located, problems, texts=texts, failed=failed)
    return kg, sorted(set(problems))


def read_records(
    root: Path,
    problems: list[Problem],
    failed: set[tuple[str, str]] | None = None,
    *,
    layered: bool = False,
) -> list[_Located]:
    """Every valid record of the folder ``root`` with where it was read; problems appended.

    The ``(kind, id)`` of each record that failed validation goes in ``failed``;
    ``layered`` leaves the folder's ``additions.yaml`` to :mod:`.layers`.
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()  # the cyclic collector slows bulk validation several times over
    try:
        return list(_records(root, problems, failed, layered))
    finally:
        if gc_was_enabled:
            gc.enable()


def check_records(
    located: list[_Located],
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
    where: dict[tuple[str, str], _Located] = {}
    for loc in located:
        kind = kind_of(loc.record).key
        key = (kind, loc.record.id)
        if key in where:
            first = where[key]
            problems.append(
                Problem(
                    loc.file,
                    loc.raw.key_lines.get("id", loc.raw.line),
                    f"duplicate id {loc.record.id!r}: another {KINDS[kind].singular} has it "
                    f"({first.file}:{first.raw.key_lines.get('id', first.raw.line)})",
                )
            )
            continue
        where[key] = loc
        kg.add(loc.record)
    _check_integrity(kg, where, problems, failed)
    _check_texts(kg, texts, where, problems)
    return kg


def _check_integrity(
    kg: KnowledgeGraph,
    where: dict[tuple[str, str], _Located],
    problems: list[Problem],
    failed: set[tuple[str, str]] | frozenset[tuple[str, str]],
) -> None:
    def line_at(kind: str, rid: str, field: str) -> tuple[str, int]:
        loc = where[(kind, rid)]
        return loc.file, _line_of(loc.raw, _path_loc(field), loc.raw.line)

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
                f"{o} ({where[('actors', o)].file}:{where[('actors', o)].raw.line})"
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
    where: dict[tuple[str, str], _Located],
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
                    _line_of(loc.raw, ("sha256",), loc.raw.line),
                    f"source {src.id!r}: sha256: the text {src.file!r} has changed "
                    f"(expected {src.sha256}, got {digest})",
                )
            )
            continue
        source_text[src.id] = text
    for key, kind in KINDS.items():
        for record in getattr(kg, key).values():
            loc = where[(key, record.id)]
            for field, ev in kind.evidence_of(record):
                if ev.source not in source_text:
                    continue
                line = _line_of(loc.raw, _path_loc(field), loc.raw.line)
                for message in check_evidence(ev, source_text[ev.source]):
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
