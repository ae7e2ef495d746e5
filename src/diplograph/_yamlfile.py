"""A data file's records read with their lines, a chunk of list items at a time when it can be.

The loader keeps the line of every mapping key and list item, so a problem
is reported as ``file:line``. A file laid out plainly (see :mod:`._chunks`)
is parsed a chunk of list items at a time: only one chunk is alive at once,
and each record's parsed mapping is dropped once the record is made. A chunk
of plain block data is built straight from libyaml's events (no node per
value; half the time); one with tags, aliases or merge keys goes through the
nodes. Any other file, and any file in which a chunk does not parse, is read
whole, so every message and line is the one the whole read gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import ValidationError

from . import _yaml
from ._chunks import plan
from .errors import Problem
from .evidence import short as _short
from .kinds import KINDS
from .model import Record

__all__ = [
    "FAILED",
    "FieldLines",
    "Located",
    "error_text",
    "file_records",
    "line_of",
    "loc_text",
    "read_yaml",
    "unknown_kind",
]

_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


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

    line_offset = 0
    """Lines before the text this loader reads (a chunk of a longer file)."""
    merges = True
    """The text may hold merge (``<<``) or value (``=``) keys, which mappings must resolve."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag of a node; a plain scalar only tries the patterns for its first character."""
        if kind is yaml.ScalarNode and implicit[0] and not self.yaml_path_resolvers:
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return str(tag)
            return _STR
        return str(super().resolve(kind, value, implicit))


# Dates stay strings: EDTF is parsed by the model, so "2019-02-30" is our error, not YAML's.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _value(loader: Any, node: yaml.Node) -> Any:
    """The object of ``node``; plain strings, most of a file, skip the constructor's bookkeeping."""
    if node.tag == _STR and type(node) is yaml.ScalarNode:
        return node.value
    return loader.construct_object(node, deep=True)


def _construct_map(loader: Any, node: yaml.MappingNode) -> _Map:
    offset = loader.line_offset + 1
    out = _Map()
    out.line = node.start_mark.line + offset
    key_lines: dict[Any, int] = {}
    out.key_lines = key_lines
    if loader.merges:
        loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = _value(loader, key_node)
        line = key_node.start_mark.line + offset
        if key in key_lines:
            raise _DuplicateKey(key, line, key_lines[key])
        key_lines[key] = line
        out[key] = _value(loader, value_node)
    return out


def _construct_seq(loader: Any, node: yaml.SequenceNode) -> _Seq:
    offset = loader.line_offset + 1
    out = _Seq(_value(loader, child) for child in node.value)
    out.line = node.start_mark.line + offset
    out.item_lines = [child.start_mark.line + offset for child in node.value]
    return out


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def line_of(raw: Any, loc: tuple[int | str, ...], default: int) -> int:
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


def loc_text(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as the field path a person reads: ``participants[0].actor``."""
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


def error_text(err: dict[str, Any]) -> str:
    """A pydantic error as what is wrong, with the value given."""
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    kind = err["type"]
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        return "unknown field; check its spelling against the data model in the README"
    if kind in ("tuple_type", "list_type", "set_type", "frozen_set_type"):
        msg = "Input should be a list"
    if kind == "too_short" and isinstance(err["input"], list | tuple):
        least = err.get("ctx", {}).get("min_length", 1)
        msg = "Give at least one item" if least == 1 else f"Give at least {least} items"
    if "(got" in msg:
        return msg
    return f"{msg[0].lower()}{msg[1:]} (got {err['input']!r})"


def _shape(value: Any) -> str:
    """A YAML value as a person names it: ``a list``, ``'text'``, ``3``."""
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


FAILED = object()
"""What :func:`read_yaml` returns for a file it could not read (its problem is added)."""


def read_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    """The YAML document in ``path`` read whole, or ``FAILED`` after adding a problem."""
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
        return FAILED
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
    return FAILED


def unknown_kind(shown: str, line: int, kind: object) -> Problem:
    """The problem of a top-level key in a data file that names no record kind."""
    return Problem(
        shown, line, f"unknown record kind: expected one of {', '.join(KINDS)} (got {kind!r})"
    )


@dataclass(slots=True)
class Located:
    """A valid record, its kind's key, and where it is: its file, its line, its id's line."""

    record: Record
    kind: str
    file: str
    line: int
    id_line: int


class _Broken(Exception):
    """A chunk of a planned file did not parse: the file is read whole for its problem."""


def _chunk_items(fh: IO[bytes], chunk: tuple[int, int, int]) -> _Seq:
    start, end, first_line = chunk
    fh.seek(start)
    data = fh.read(end - start)
    merges = b"<<" in data or b"=" in data
    if not merges:
        try:
            items = _from_events(data, first_line - 1)
        except (_DuplicateKey, yaml.YAMLError) as e:
            raise _Broken from e
        if items is not None:
            return items
    loader = type("_ChunkLoader", (_LineLoader,), {"line_offset": first_line - 1, "merges": merges})
    try:
        items = _yaml.load(data.decode("utf-8"), loader)
    except (UnicodeDecodeError, _DuplicateKey, _yaml.YAMLProblem, yaml.YAMLError) as e:
        raise _Broken from e
    if not isinstance(items, _Seq):  # pragma: no cover - the plan found list items
        raise _Broken
    return items


_PLAIN_CACHE_SIZE = 1 << 16
_SCALAR, _MAP_START, _SEQ_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_SKIPPED = (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent)
_NO_KEY = object()


class _Plain:
    """The value of a plain scalar as :class:`_LineLoader` makes it, remembered for repeats."""

    def __init__(self) -> None:
        self.loader = _LineLoader("")
        self.seen: dict[str, Any] = {}

    def __call__(self, value: str) -> Any:
        tag = _STR
        for tag_, regexp in _LineLoader.yaml_implicit_resolvers.get(value[:1], ()):
            if regexp.match(value):
                tag = str(tag_)
                break
        out: Any = value
        if tag != _STR:
            node = yaml.ScalarNode(tag, value)
            out = self.loader.yaml_constructors[tag](self.loader, node)
        if len(self.seen) >= _PLAIN_CACHE_SIZE:
            self.seen.clear()
        self.seen[value] = out
        return out


_plain = _Plain()


def _from_events(data: bytes, offset: int) -> _Seq | None:
    """The list of items in ``data`` (a chunk whose first line is ``offset + 1``), or None.

    What :class:`_LineLoader` makes of the text, lines and all, built straight
    from libyaml's events without a node per value. None for anything but
    plain block data (a tag, an alias, deep nesting, a key that is not a
    scalar, a second document): the chunk is then read through the nodes.
    Raises :class:`_DuplicateKey` and PyYAML's errors as the nodes' read does.
    """
    parser = yaml.CBaseLoader(data)
    try:
        return _build(parser.get_event, offset + 1)
    finally:
        parser.dispose()


def _build(get: Any, offset: int) -> _Seq | None:
    """The chunk's list from its events (``get`` gives the next), or None to use the nodes."""
    remembered, plain = _plain.seen.get, _plain
    stack: list[Any] = []
    keys: list[Any] = []
    docs = 0
    root: Any = None
    while True:
        ev = get()
        kind = type(ev)
        if kind is _SCALAR:
            if ev.tag is not None:
                return None
            value = ev.value
            if ev.implicit[0]:
                known = remembered(value, _NO_KEY)  # one lookup: another thread may clear it
                value = plain(value) if known is _NO_KEY else known
            line = ev.start_mark.line + offset
        elif kind is _MAP_START or kind is _SEQ_START:
            if ev.tag is not None or len(stack) >= 32:
                return None
            line = ev.start_mark.line + offset
            new: Any
            if kind is _MAP_START:
                new = _Map()
                new.key_lines = {}
            else:
                new = _Seq()
                new.item_lines = []
            new.line = line
            stack.append(new)
            keys.append(_NO_KEY)
            continue
        elif kind in _ENDS:
            value = stack.pop()
            keys.pop()
            line = value.line
        elif kind in _SKIPPED:
            docs += kind is yaml.DocumentStartEvent
            if docs > 1:
                return None
            continue
        elif kind is yaml.StreamEndEvent:
            return root if isinstance(root, _Seq) else None
        else:  # an alias
            return None
        if not stack:
            root = value
            continue
        top = stack[-1]
        if type(top) is _Seq:
            top.append(value)
            top.item_lines.append(line)
            continue
        key = keys[-1]
        if key is _NO_KEY:
            if type(value) is _Map or type(value) is _Seq:
                return None
            first = top.key_lines.get(value)
            if first is not None:
                raise _DuplicateKey(value, line, first)
            top.key_lines[value] = line
            keys[-1] = value
        else:
            top[key] = value
            keys[-1] = _NO_KEY


def _file_items(path: Path, problems: list[Problem], whole: bool) -> Iterator[tuple[str, Any]]:
    """(kind, items) of each top-level key of one file, chunk by chunk when the layout allows.

    ``items`` is None for a key with no list; problems of the file's shape are added.
    """
    shown = str(path)
    sections = None if whole else plan(path)
    if sections is not None:
        with path.open("rb") as fh:
            for section in sections:
                if not section.chunks:
                    yield section.kind, None
                for chunk in section.chunks:
                    yield section.kind, _chunk_items(fh, chunk)
        return
    doc = read_yaml(path, shown, problems)
    if doc is FAILED:
        return
    if doc is None or not isinstance(doc, _Map):
        what = "empty file: expected" if doc is None else "expected"
        got = "" if doc is None else f" (got {_shape(doc)})"
        problems.append(
            Problem(
                shown,
                getattr(doc, "line", 1),
                f"{what} a mapping of record kinds ({', '.join(KINDS)}) to lists of records{got}",
            )
        )
        return
    for kind, items in doc.items():
        line = doc.key_lines[kind]
        if kind not in KINDS:
            problems.append(unknown_kind(shown, line, kind))
        elif items is not None and not isinstance(items, _Seq):
            problems.append(
                Problem(
                    shown, line, f"{kind}: expected a list of records (got {_short(str(items))})"
                )
            )
        else:
            yield kind, items


def _records_of(
    path: Path, problems: list[Problem], failed: set[tuple[str, str]] | None, whole: bool
) -> Iterator[Located]:
    """The valid records of one file; its invalid items become problems."""
    shown = str(path)
    index = dict.fromkeys(KINDS, 0)
    for kind, items in _file_items(path, problems, whole):
        if items is None:
            continue
        cls = KINDS[kind].model
        for raw, item_line in zip(items, items.item_lines, strict=True):
            i = index[kind]
            index[kind] = i + 1
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
            try:
                record = cls.model_validate(dict(raw))
            except ValidationError as e:
                _invalid(kind, i, raw, e, shown, problems, failed)
                continue
            yield Located(record, kind, shown, raw.line, raw.key_lines.get("id", raw.line))


def _invalid(
    kind: str,
    i: int,
    raw: _Map,
    e: ValidationError,
    shown: str,
    problems: list[Problem],
    failed: set[tuple[str, str]] | None,
) -> None:
    rid = raw.get("id")
    label = f"{KINDS[kind].singular} {rid!r}" if isinstance(rid, str) else f"{kind}[{i}]"
    if failed is not None and isinstance(rid, str):
        failed.add((kind, rid))
    errors = e.errors()
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "too_short" and any(
            tuple(o["loc"][: len(loc)]) == loc and len(o["loc"]) > len(loc) for o in errors
        ):
            continue  # a list left short by its own bad items: those are reported
        problems.append(
            Problem(
                shown,
                line_of(raw, loc, raw.line),
                f"{label}: {loc_text(loc) or 'record'}: {error_text(dict(err))}",
            )
        )


def file_records(
    path: Path,
    problems: list[Problem],
    failed: set[tuple[str, str]] | None = None,
    *,
    held: bool = True,
) -> Iterator[Located]:
    """The valid records of one data file, in order; problems (and failed ids) are added.

    A file whose chunks do not all parse is read whole, and its problems are
    the whole read's. ``held`` keeps a file's records until the file is read,
    so such a file gives no records from before its broken chunk, as a whole
    read gives none; otherwise records are given as they are made, and the
    whole read skips those already given.
    """
    mark = len(problems)
    given: list[Located] = []
    count = 0
    try:
        for loc in _records_of(path, problems, failed, whole=False):
            if held:
                given.append(loc)
            else:
                count += 1
                yield loc
    except _Broken:
        del problems[mark:]
        given.clear()
        for n, loc in enumerate(_records_of(path, problems, failed, whole=True)):
            if n >= count:
                yield loc
        return
    yield from given


class FieldLines:
    """The line of a field of a record read before, found by reading its file once more.

    Records are kept without their parsed YAML; only a problem needs the line
    of a field, and then the record's file is read again (once per file).
    """

    def __init__(self) -> None:
        self._raws: dict[str, dict[tuple[int, str], _Map]] = {}

    def line(self, at: Located, loc: tuple[int | str, ...]) -> int:
        """The line of ``loc`` (a field path) in the record ``at``; its own line if not found."""
        if at.file not in self._raws:
            self._raws[at.file] = self._read(Path(at.file))
        raw = self._raws[at.file].get((at.line, at.record.id))
        return at.line if raw is None else line_of(raw, loc, raw.line)

    @staticmethod
    def _read(path: Path) -> dict[tuple[int, str], _Map]:
        found: dict[tuple[int, str], _Map] = {}
        try:
            parts = list(_file_items(path, [], whole=False))
        except _Broken:
            parts = list(_file_items(path, [], whole=True))
        for _, items in parts:
            for raw in items or ():
                if isinstance(raw, _Map) and isinstance(raw.get("id"), str):
                    found.setdefault((raw.line, raw["id"]), raw)
        return found
