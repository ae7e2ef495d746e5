"""PLOVER and POLECAT event records in JSON (an array of records, or one record a line).

Each record gives an ``id``, a ``date``, ``source`` and ``target`` actors (with
their CAMEO-style ``code``), the PLOVER ``event`` category, and the ``text``
sentence it was coded from. Records stream one at a time even from a JSON
array, so memory does not grow with the file.

>>> import io
>>> list(json_records(io.StringIO('[{"a": 1},\\n {"a": 2}]')))
[(1, {'a': 1}), (2, {'a': 2})]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from ..dates import PartialDate
from ..errors import DateError, Problem
from ._rows import Skip, actor, open_text
from .actors import ActorResolver
from .codes import PLOVER_TYPES, family_of_plover
from .report import Report, Totals, cite, slug

__all__ = ["json_records", "read_plover"]

_CHUNK = 1 << 16


def json_records(fh: IO[str]) -> Iterator[tuple[int, Any]]:
    """(line, value) of each JSON value of a top-level array or of a JSON Lines stream.

    A value that does not parse is yielded as a :class:`ValueError` with its line.
    """
    decoder = json.JSONDecoder()
    buf, line, eof = "", 1, False
    while True:
        i = 0
        while True:
            while i < len(buf) and buf[i] in " \t\r\n,[]":
                line += buf[i] == "\n"
                i += 1
            if i >= len(buf) and eof:
                return
            try:
                value, end = decoder.raw_decode(buf, i)
            except json.JSONDecodeError as exc:
                if not eof:
                    break
                yield line, ValueError(f"not JSON: {exc.msg}")
                return
            if end >= len(buf) and not eof:
                break
            yield line, value
            line += buf.count("\n", i, end)
            i = end
        buf = buf[i:]
        chunk = fh.read(_CHUNK)
        eof = not chunk
        buf += chunk


def read_plover(
    path: Path,
    *,
    source: str = "plover-gsr",
    resolver: ActorResolver | None = None,
    totals: Totals | None = None,
) -> Iterator[Report]:
    """Stream the reports of a PLOVER / POLECAT JSON file."""
    resolver = resolver if resolver is not None else ActorResolver()
    totals = totals if totals is not None else Totals(str(path))
    with open_text(path, errors="strict") as fh:
        for line, record in json_records(fh):
            totals.rows += 1
            try:
                if isinstance(record, ValueError):
                    raise Skip("not JSON", str(record))
                report = _record(path, line, record, source, resolver)
            except Skip as skip:
                totals.skip(Problem(str(path), line, skip.message), skip.reason)
                continue
            totals.imported += 1
            yield report


def _actors(resolver: ActorResolver, value: Any) -> list[tuple[str, str]]:
    if value is None or value == "":
        return []
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        raise Skip("bad actors", f"actors must be a list of objects (got {value!r})")
    out = []
    for a in value:
        name = str(a.get("actorText") or a.get("name") or a.get("code") or "").strip()
        if name:
            out.append((actor(resolver, name, code=a.get("code") or None), name))
    return out


def _record(path: Path, line: int, rec: Any, source: str, resolver: ActorResolver) -> Report:
    if not isinstance(rec, dict):
        raise Skip("not a record", f"a record must be a JSON object (got {type(rec).__name__})")
    rid = str(rec.get("id") or "")
    if not rid:
        raise Skip("no id", "a record needs an id (got none)")
    category = str(rec.get("event") or "")
    if "date" not in rec:
        raise Skip("no date", f"record {rid} has no date (got event {category!r})")
    try:
        when = PartialDate.parse(str(rec["date"]))
    except DateError as exc:
        raise Skip("bad date", f"bad date: {exc}") from None
    if family_of_plover(category) is None:
        raise Skip("unknown PLOVER category", f"unknown PLOVER event category (got {category!r})")
    src = _actors(resolver, rec.get("source"))
    tgt = _actors(resolver, rec.get("target"))
    text = str(rec.get("text") or "").strip() or None
    try:
        return Report(
            id=slug(rid),
            source=source,
            date=when,
            type=PLOVER_TYPES.get(category),
            plover=category,
            source_actor=src[0][0] if src else None,
            target_actor=tgt[0][0] if tgt else None,
            source_name=src[0][1] if src else None,
            target_name=tgt[0][1] if tgt else None,
            actors=tuple(a for a, _ in (*src[1:], *tgt[1:])),
            text=text,
            file=path.name,
            row=line,
            evidence=(
                cite(
                    source=source,
                    quote=text,
                    note=f"{path.name} record {rid}, line {line}; {rec.get('publication', '')}",
                ),
            ),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Skip(
            f"bad {where}", f"{where}: {first['msg']} (got {first.get('input')!r})"
        ) from None
