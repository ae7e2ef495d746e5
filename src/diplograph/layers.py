"""Layered data folders: an analyst's folder on top of others, never editing them.

Folders are read in order; later ones add to earlier ones. A later folder
holds records of its own (any ``*.yaml`` file, as in one folder) and, in a
file named ``additions.yaml``, additions to records of earlier folders, each
naming the record by id::

    events:
      - id: hanoi-summit-2019
        participants:
          - actor: choe-son-hui
        evidence:
          - source: hanoi-press-conference-transcript
            quote: ...

What may be added is listed in :data:`ADDABLE`: evidence, aliases,
participants, speakers and links (``follows``, ``leads_to``, ``about_*``).
Values are appended to the record's own. A record of the same kind and id in
two folders is an error naming both places, unless the two are the same record
but for their evidence (as when two imports each propose the state Vietnam):
then it is kept once, with the evidence of both. Integrity (references,
loops, ambiguous names, evidence against texts) is checked over the union.

:func:`dump_layer` writes only the last folder, the analyst's: its records and
its additions.

Examples
--------
>>> import tempfile, pathlib
>>> from diplograph import bundled_data
>>> with tempfile.TemporaryDirectory() as d:
...     _ = (pathlib.Path(d) / "additions.yaml").write_text(
...         "places:\\n- id: hanoi\\n  aliases: [Ha Noi]\\n", encoding="utf-8")
...     data = load_layers([bundled_data(), d])
>>> data.kg.places["hanoi"].aliases
('Ha Noi',)
>>> [len(layer) for layer in data.layer_graphs()]
[55, 0]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from . import _yaml
from ._atomic import atomic_write
from ._yamlfile import (
    FAILED,
    Located,
    _LineLoader,
    _Map,
    _Seq,
    error_text,
    loc_text,
    read_yaml,
    unknown_kind,
)
from .errors import LoadError, ModelError, Problem
from .evidence import Texts
from .evidence import short as _short
from .kg import KnowledgeGraph
from .kinds import KINDS
from .load import (
    ADDITIONS_FILE,
    _refuse_unreadable,
    check_records,
    dump,
    read_records,
)
from .model import Record

__all__ = [
    "ADDABLE",
    "ADDITIONS_FILE",
    "Addition",
    "Layers",
    "apply_addition",
    "check_layers",
    "dumps_additions",
    "load_layers",
    "read_yaml_plain",
]

ADDABLE: dict[str, tuple[str, ...]] = {
    "sources": (),
    "actors": ("aliases", "evidence"),
    "places": ("aliases", "evidence"),
    "events": ("participants", "follows", "leads_to", "evidence"),
    "statements": (
        "speakers",
        "about_events",
        "about_actors",
        "about_places",
        "about_topics",
        "evidence",
    ),
}
"""The list fields a later folder may add to, by kind."""


@dataclass(frozen=True)
class Addition:
    """What one folder adds to one record of an earlier folder, and where it is written."""

    kind: str
    id: str
    fields: dict[str, list[Any]]
    file: str
    line: int
    item_lines: dict[str, list[int]] = field(default_factory=dict, compare=False)
    """The line of each added item, by field."""


@dataclass
class Layers:
    """The union of layered folders, and which folder each record and addition comes from."""

    folders: list[Path]
    kg: KnowledgeGraph
    origin: dict[tuple[str, str], int] = field(default_factory=dict)
    """``(kind, id)`` -> index of the folder that holds the record."""
    additions: list[list[Addition]] = field(default_factory=list)
    """Per folder, its additions to records of earlier folders."""
    where: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    """``(kind, id)`` -> the ``file`` and ``line`` of the record."""
    repeats: dict[tuple[str, str, int], Record] = field(default_factory=dict)
    """``(kind, id, folder)`` -> a record that folder holds again, the same as an earlier one."""

    def layer_graphs(self) -> list[KnowledgeGraph]:
        """Per folder, its own records as written there (without additions)."""
        out = [KnowledgeGraph() for _ in self.folders]
        for (kind, rid), i in self.origin.items():
            out[i].add(self._own[(kind, rid)])
        for (_, _, i), record in self.repeats.items():
            out[i].add(record)
        return out

    _own: dict[tuple[str, str], Record] = field(default_factory=dict, repr=False)

    def dump_layer(self, folder: Path | str, layer: int = -1) -> list[Path]:
        """Write one folder's records and additions (the last, the analyst's, by default).

        The records go in the canonical layout of :func:`~diplograph.load.dump`,
        the additions in ``additions.yaml``; both atomically.
        """
        index = layer % len(self.folders)
        root = Path(folder)
        extra = root / ADDITIONS_FILE
        canonical = {f"{kind}.yaml" for kind in KINDS} | {ADDITIONS_FILE}
        if root.is_dir() and any(
            p.name not in canonical or p.parent != root for p in root.rglob("*.yaml")
        ):
            dump(KnowledgeGraph(), root)  # refuses, naming the other files
        if extra.exists():
            extra.unlink()
        written = dump(self.layer_graphs()[index], root)
        adds = self.additions[index]
        if adds:
            with atomic_write(extra, text=True) as fh:
                fh.write(dumps_additions(adds))
            written.append(extra)
        return written


def dumps_additions(adds: Sequence[Addition]) -> str:
    """The YAML text of additions, kind by kind, as ``additions.yaml`` holds them."""
    data: dict[str, list[dict[str, Any]]] = {}
    for a in adds:
        data.setdefault(a.kind, []).append({"id": a.id, **a.fields})
    ordered = {k: data[k] for k in KINDS if k in data}
    return _yaml.dump(ordered)


def _read_additions(folder: Path, problems: list[Problem]) -> Iterator[Addition]:
    for path in sorted(folder.rglob(ADDITIONS_FILE)):
        shown = str(path)
        doc = read_yaml(path, shown, problems)
        if doc is FAILED or doc is None:
            continue
        if not isinstance(doc, _Map):
            problems.append(Problem(shown, 1, "additions: expected a mapping of record kinds"))
            continue
        for kind, items in doc.items():
            line = doc.key_lines[kind]
            if kind not in KINDS:
                problems.append(unknown_kind(shown, line, kind))
                continue
            if not isinstance(items, _Seq):
                problems.append(Problem(shown, line, f"{kind}: expected a list of additions"))
                continue
            for i, raw in enumerate(items):
                yield from _one_addition(kind, i, raw, items.item_lines[i], shown, problems)


def _one_addition(
    kind: str, i: int, raw: Any, line: int, shown: str, problems: list[Problem]
) -> Iterator[Addition]:
    if not isinstance(raw, _Map) or not isinstance(raw.get("id"), str):
        problems.append(
            Problem(
                shown,
                line,
                f"{kind}[{i}]: an addition names the record it adds to by "
                f"its id (got {_short(str(raw))})",
            )
        )
        return
    fields: dict[str, list[Any]] = {}
    lines: dict[str, list[int]] = {}
    for name, value in raw.items():
        if name == "id":
            continue
        if name not in ADDABLE[kind]:
            allowed = ", ".join(ADDABLE[kind]) or "nothing"
            problems.append(
                Problem(
                    shown,
                    raw.key_lines[name],
                    f"{KINDS[kind].singular} {raw['id']!r}: "
                    f"{name}: cannot be added to; a later folder may add {allowed}",
                )
            )
            continue
        if not isinstance(value, list):
            problems.append(
                Problem(
                    shown,
                    raw.key_lines[name],
                    f"{KINDS[kind].singular} {raw['id']!r}: "
                    f"{name}: expected a list to add (got {_short(str(value))})",
                )
            )
            continue
        fields[name] = _plain(value)
        lines[name] = list(value.item_lines) if isinstance(value, _Seq) else []
    if fields:
        yield Addition(kind, raw["id"], fields, shown, raw.key_lines["id"], lines)


def read_yaml_plain(path: Path) -> dict[str, Any]:
    """A data file as plain dicts and lists, dates kept as the strings written."""
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    return _plain(doc) if isinstance(doc, dict) else {}


def _plain(value: Any) -> Any:
    """``value`` as plain lists and dicts (no line-keeping subclasses), for dumping."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def apply_addition(record: Record, add: Addition) -> Record:
    """``record`` with the lists of ``add`` appended to its own; ModelError when invalid."""
    data = record.model_dump(mode="json", exclude_defaults=True)
    for name, values in add.fields.items():
        data[name] = [*data.get(name, []), *values]
    if add.fields.get("speakers") and "speakers" not in record.model_dump(exclude_defaults=True):
        data["speakers"] = [data["speaker"], *add.fields["speakers"]]
    try:
        return type(record).model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = loc_text(tuple(err["loc"])) or "record"
        raise ModelError(f"{where}: {error_text(dict(err))}") from None


def check_layers(
    folders: Sequence[Path | str], *, texts: Texts = None
) -> tuple[Layers, list[Problem]]:
    """Read layered folders, apply each one's additions, and check the union.

    Returns the layers and every problem, sorted by file and line.
    """
    roots = [Path(f) for f in folders]
    if not roots:
        raise LoadError([Problem(".", 0, "no data folder given")], unreadable=True)
    problems: list[Problem] = []
    failed: set[tuple[str, str]] = set()
    located: list[Located] = []
    layers = Layers(roots, KnowledgeGraph())
    index: dict[tuple[str, str], int] = {}
    for n, root in enumerate(roots):
        _refuse_unreadable(root)
        own = read_records(root, problems, failed, layered=True)
        for loc in own:
            key = (loc.kind, loc.record.id)
            if key not in layers.origin:
                layers.origin[key] = n
                layers._own[key] = loc.record
                index[key] = len(located)
            elif layers.origin[key] < n and _same_but_evidence(located[index[key]], loc):
                first = located[index[key]]
                merged = _with_evidence_of(first.record, loc.record)
                located[index[key]] = Located(
                    merged, first.kind, first.file, first.line, first.id_line
                )
                layers.repeats[(*key, n)] = loc.record
                continue
            located.append(loc)
        layers.additions.append([])
        for add in _read_additions(root, problems):
            _add_to(layers, located, index, n, add, failed, problems)
    checked: list[Problem] = []
    layers.kg = check_records(located, checked, texts=texts, failed=failed)
    problems.extend(_at_additions(layers, checked))
    for key, i in index.items():
        loc = located[i]
        layers.where[key] = (loc.file, loc.id_line)
    return layers, sorted(set(problems))


def _same_but_evidence(first: Located, again: Located) -> bool:
    """Whether ``again`` is ``first``'s record written again, perhaps with other evidence."""
    if type(first.record) is not type(again.record):
        return False
    mine: dict[str, object] = first.record.model_dump(exclude={"evidence"})
    return mine == again.record.model_dump(exclude={"evidence"})


def _with_evidence_of(record: Record, again: Record) -> Record:
    """``record`` with the evidence of ``again`` it does not already cite."""
    have = list(getattr(record, "evidence", ()))
    more = [e for e in getattr(again, "evidence", ()) if e not in have]
    return record.model_copy(update={"evidence": (*have, *more)}) if more else record


def _add_to(
    layers: Layers,
    located: list[Located],
    index: dict[tuple[str, str], int],
    n: int,
    add: Addition,
    failed: set[tuple[str, str]],
    problems: list[Problem],
) -> None:
    key = (add.kind, add.id)
    singular = KINDS[add.kind].singular
    if key in failed:
        return  # its own problem is reported
    if key not in index:
        problems.append(
            Problem(
                add.file,
                add.line,
                f"{singular} {add.id!r}: no {singular} of an earlier "
                "data folder has this id, so there is nothing to add to",
            )
        )
        return
    if layers.origin[key] == n:
        file, line = located[index[key]].file, located[index[key]].line
        problems.append(
            Problem(
                add.file,
                add.line,
                f"{singular} {add.id!r}: the record is in this same "
                f"folder ({file}:{line}); add to it there",
            )
        )
        return
    loc = located[index[key]]
    try:
        record = apply_addition(loc.record, add)
    except ModelError as e:
        problems.append(Problem(add.file, add.line, f"{singular} {add.id!r}: {e}"))
        return
    located[index[key]] = Located(record, loc.kind, loc.file, loc.line, loc.id_line)
    layers.additions[n].append(add)


_FIELD = re.compile(r"^(\w+) '([^']+)': (\w+)\[(\d+)\]")


def _at_additions(layers: Layers, problems: list[Problem]) -> Iterator[Problem]:
    """``problems``, each one about an added item moved to where the item is written."""
    added: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
    for adds in layers.additions:
        for a in adds:
            for name, lines in a.item_lines.items():
                places = added.setdefault((a.kind, a.id, name), [])
                places.extend((a.file, line) for line in lines)
    keys = {k.singular: k.key for k in KINDS.values()}
    for p in problems:
        m = _FIELD.match(p.message)
        if m is None or m.group(1) not in keys or not added:
            yield p
            continue
        key, rid, name, index = keys[m.group(1)], m.group(2), m.group(3), int(m.group(4))
        own = layers._own.get((key, rid))
        places = added.get((key, rid, name), [])
        first_added = len(getattr(own, name, ())) if own is not None else index + 1
        if places and first_added <= index < first_added + len(places):
            yield Problem(*places[index - first_added], p.message)
        else:
            yield p


def load_layers(folders: Sequence[Path | str], *, texts: Texts = None) -> Layers:
    """The strict form of :func:`check_layers`: raises LoadError listing every problem."""
    layers, problems = check_layers(folders, texts=texts)
    if problems:
        raise LoadError(problems)
    return layers
