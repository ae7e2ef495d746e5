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
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from ..dates import PartialDate
from ..errors import DateError, Problem
from ._rows import ImportFileError, Skip, actor, day, no_rows, open_text
from .actors import ActorResolver
from .codes import PLOVER_TYPES, family_of_plover
from .report import Report, Totals, cite, slug

__all__ = ["json_records", "read_plover"]

_CHUNK = 1 << 16


class BrokenArray(ValueError):
    """A JSON array that does not parse: what follows the error cannot be read."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def json_records(fh: IO[str]) -> Iterator[tuple[int, Any]]:
    r"""(line, value) of each JSON value of a top-level array or of a JSON Lines stream.

    In a stream of values (JSON Lines), a value that does not parse is yielded
    as a :class:`ValueError` with its line and reading goes on at the next line
    that starts an object. In an array nothing after a broken value can be
    found: :class:`BrokenArray` is raised.

    >>> import io
    >>> [v for _, v in json_records(io.StringIO('{"a": 1}\n{"a": 2,}\n{"a": 3}\n'))]
    [{'a': 1}, ValueError('not JSON: Expecting property name enclosed in double quotes'), {'a': 3}]
    """
    decoder = json.JSONDecoder()
    buf, line, eof, array = "", 1, False, None
    while True:
        i = 0
        while True:
            while i < len(buf) and buf[i] in " \t\r\n,[]":
                array = (buf[i] == "[") if array is None and buf[i] not in " \t\r\n" else array
                line += buf[i] == "\n"
                i += 1
            if i >= len(buf):
                if eof:
                    return
                break
            array = False if array is None else array
            try:
                value, end = decoder.raw_decode(buf, i)
            except json.JSONDecodeError as exc:
                resume = -1 if array else buf.find("\n{", i)
                if not eof and resume < 0:
                    break  # perhaps cut at the chunk's end: read on
                if array:
                    raise BrokenArray(line, f"not JSON: {exc.msg}") from None
                yield line, ValueError(f"not JSON: {exc.msg}")
                if resume < 0:
                    return
                line += buf.count("\n", i, resume + 1)
                i = resume + 1
                continue
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
    """Stream the reports of a PLOVER / POLECAT JSON file (an array, or JSON Lines)."""
    resolver = resolver if resolver is not None else ActorResolver()
    totals = totals if totals is not None else Totals(str(path))
    rows = 0
    with open_text(path, errors="strict") as fh:  # JSON is UTF-8 (RFC 8259): else not JSON
        records = json_records(fh)
        while True:
            try:
                line, record = next(records)
            except StopIteration:
                break
            except BrokenArray as exc:
                raise ImportFileError(
                    f"{path}:{exc.line}: {exc}: a JSON array cannot be read past it "
                    f"(got {rows} records before it)",
                    path=str(path),
                    line=exc.line,
                ) from None
            rows += 1
            totals.rows += 1
            if rows == 1 and isinstance(record, ValueError):
                raise ImportFileError(
                    f"{path}:{line}: {record}: not a JSON or JSON Lines file", path=str(path)
                )
            try:
                if isinstance(record, ValueError):
                    raise Skip("not JSON", str(record))
                report = _record(path, line, record, source, resolver)
            except Skip as skip:
                totals.skip(Problem(str(path), line, skip.message), skip.reason)
                continue
            totals.imported += 1
            yield report
    if rows == 0:
        raise no_rows(path, what="no records")


def _date(rid: str, value: Any, category: str) -> PartialDate:
    """A record's date: EDTF (``2019-06``, ``2019-06-30``), ``20190630``, or with a time."""
    if value is None or value == "":
        raise Skip("no date", f"record {rid} has no date (got event {category!r})")
    text = str(value).strip()
    try:
        return PartialDate.parse(text)
    except DateError as exc:
        try:
            return day(text)
        except Skip:
            raise Skip("bad date", f"bad date: {exc}") from None


_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")


def _actors(resolver: ActorResolver, value: Any) -> list[tuple[str, str]]:
    """The actors of a ``source`` or ``target``: a list of objects, one object, or codes."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for a in items:
        if isinstance(a, str) and _CODE.match(a.strip()):  # a bare CAMEO code (USAGOV)
            a = {"code": a.strip()}
        if not isinstance(a, dict):  # a word ('diplomatic') is no actor: a coding slip
            raise Skip("bad actors", f"actors must be a list of objects (got {value!r})")
        code = a.get("code")
        if code is not None and not isinstance(code, str):
            raise Skip("bad actors", f"an actor's code must be text (got {code!r})")
        name = str(a.get("actorText") or a.get("name") or code or "").strip()
        if name:
            out.append((actor(resolver, name, code=code or None), name))
    return out


def _record(path: Path, line: int, rec: Any, source: str, resolver: ActorResolver) -> Report:
    if not isinstance(rec, dict):
        raise Skip("not a record", f"a record must be a JSON object (got {type(rec).__name__})")
    rid = str(rec.get("id") or "")
    if not rid:
        raise Skip("no id", "a record needs an id (got none)")
    category = str(rec.get("event") or "").strip().upper()
    when = _date(rid, rec.get("date"), category)
    if family_of_plover(category) is None:
        raise Skip("unknown PLOVER category", f"unknown PLOVER event category (got {category!r})")
    src = _actors(resolver, rec.get("source"))
    tgt = _actors(resolver, rec.get("target"))
    text = rec.get("text")
    if text is not None and not isinstance(text, str):
        raise Skip("bad text", f"a record's text must be a string (got {text!r})")
    text = (text or "").strip() or None
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
