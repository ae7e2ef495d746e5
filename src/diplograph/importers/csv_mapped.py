"""Spreadsheets (CSV, TSV, XLSX) read through a YAML mapping file, so a table needs no code.

A mapping names the columns that give the date (one column, or its year, month
and day parts), the type (with a value map to event types), the actors (split
and mapped to actor ids or resolved by name), the place and the text; see
``data/mappings/*.yaml`` for the shipped ones. Rows stream one at a time; a bad
row becomes a ``file:line: message (got X)`` problem and is skipped.

>>> m = Mapping.model_validate({"source": "s", "date": {"year": "Y", "month": "M"}})
>>> m.date.year, m.id_prefix
('Y', None)
"""

from __future__ import annotations

import csv
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import _yaml
from .._yamlfile import error_text
from ..dates import PartialDate, parse_date
from ..errors import DateError, DiplographError, Problem
from ..model import ActorKind, EventType, Id
from ._rows import ImportFileError, Skip, no_rows, open_text, utf8_cells
from ._rows import day as dataset_day
from .actors import ActorResolver
from .report import Report, Totals, cite, stable_id

__all__ = ["Mapping", "MappingError", "load_mapping", "read_table"]

_MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (
        datetime(2000, i, 1).strftime("%b").casefold(),
        datetime(2000, i, 1).strftime("%B").casefold(),
    )
}


_WIDTH = "\x00width"


class MappingError(DiplographError, ValueError):
    """A mapping file that cannot be used; the message says where and why."""


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DateMap(_Part):
    """Where the date is: one ``column`` (EDTF or ``formats``), or ``year``/``month``/``day``."""

    column: str | None = None
    formats: tuple[str, ...] = ()
    year: str | None = None
    month: str | None = None
    day: str | None = None


class TypeMap(_Part):
    """The column giving the event type and how its values map to event types."""

    column: str
    values: dict[str, EventType | None] = Field(default_factory=dict)
    default: EventType | None = None


class ActorsMap(_Part):
    """A column naming actors: ``split`` on a separator, ``values`` mapping names to ids."""

    column: str
    split: str | None = None
    values: dict[str, Id] = Field(default_factory=dict)
    kind: ActorKind | None = None
    role: Annotated[str, Field(pattern="^(source|target|other)$")] = "other"


class Mapping(_Part):
    """How the columns of one table become reports."""

    source: Annotated[Id, Field(description="id of the source record the table is")]
    title: str | None = None
    id_prefix: Id | None = None
    id_columns: tuple[str, ...] = ()
    encoding: str = "utf-8-sig"
    delimiter: str | None = None
    sheet: str | None = None
    date: DateMap
    type: TypeMap | None = None
    cameo: str | None = None
    actors: tuple[ActorsMap, ...] = ()
    mentions: tuple[str, ...] = ()
    place: str | None = None
    text: str | None = None


def load_mapping(path: Path) -> Mapping:
    """Read a mapping file; raises :class:`MappingError` with ``file: what is wrong``."""
    try:
        data = _yaml.load(path.read_text(encoding="utf-8"), yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"{path}: cannot read the mapping ({exc})") from None
    except _yaml.YAMLProblem as exc:
        raise MappingError(f"{path}:{exc.line}: {exc.message}") from None
    try:
        return Mapping.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        what = "unknown field" if first["type"] == "extra_forbidden" else error_text(dict(first))
        raise MappingError(f"{path}: {where}: {what}") from None


def _named(mapping: Mapping) -> list[str]:
    """Every column the mapping reads."""
    d = mapping.date
    names = [d.column, d.year, d.month, d.day, mapping.cameo, mapping.place, mapping.text]
    names += [mapping.type.column] if mapping.type is not None else []
    names += [a.column for a in mapping.actors] + [*mapping.mentions, *mapping.id_columns]
    return list(dict.fromkeys(n for n in names if n))


def _header(path: Path, header: list[str], mapping: Mapping) -> list[str]:
    """The header with the mapping's names, matched with spaces and case folded away.

    A column the mapping reads that the header lacks is an :class:`ImportFileError`.
    """
    if not any(h.strip() for h in header):
        raise no_rows(path, what="a blank first row where the header should be")
    out = [h.strip() for h in header]
    folded = {h.casefold(): i for i, h in reversed(list(enumerate(out)))}
    missing = []
    for name in _named(mapping):
        i = folded.get(name.strip().casefold())
        if i is None:
            missing.append(name)
        else:
            out[i] = name
    if missing:
        shown = ", ".join(repr(h) for h in out[:12])
        raise ImportFileError(
            f"{path}:1: no column {', '.join(repr(m) for m in missing)}, which the mapping "
            f"reads (got {shown})",
            path=str(path),
            line=1,
            value=header,
        )
    return out


def _delimiter(path: Path, mapping: Mapping, first: str) -> str:
    """The mapping's delimiter; else a tab for .tsv/.tab, else the one the header uses most."""
    if mapping.delimiter:
        return mapping.delimiter
    if path.suffix.casefold() in (".tsv", ".tab"):
        return "\t"
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _quotes(path: Path, start: int, end: int, raw: list[str]) -> None:
    """Refuse a record over several lines with an odd number of quotes: a quoted field left
    open swallows the rows after it (a truncated file, or a stray quote), which would be
    lost without a word. On one line, a stray quote inside a field is read as text."""
    if len(raw) > 1 and sum(text.count('"') for text in raw) % 2:
        raise ImportFileError(
            f"{path}:{start}: a quoted field is not closed (got one record from line {start} "
            f"to line {end}, {len(raw)} lines)",
            path=str(path),
            line=start,
        )


def _tail(text: str) -> str:
    return text if len(text) <= 40 else "..." + text[-37:]


def _rows(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, cells by header) of each data row; a row of the wrong width has key ``_WIDTH``."""
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        yield from _xlsx_rows(path, mapping)
        return
    csv.field_size_limit(sys.maxsize)
    utf8 = mapping.encoding.replace("_", "-").casefold() in ("utf-8", "utf8", "utf-8-sig")
    with open_text(
        path, encoding=mapping.encoding, errors="surrogateescape" if utf8 else "strict"
    ) as fh:
        first = fh.readline()
        if not first:
            raise no_rows(path, what="an empty file")
        raw: list[str] = []  # the lines of the record being read (the reader reads no further)

        def lines() -> Iterator[str]:
            for text in itertools.chain([first], fh):
                raw.append(text)
                yield text

        reader = csv.reader(lines(), delimiter=_delimiter(path, mapping, first))
        header: list[str] | None = None
        start = 1
        last: list[str] = []
        for cells in reader:
            _quotes(path, start, reader.line_num, raw)
            last = raw[:] if raw and not raw[-1].endswith(("\n", "\r")) else []
            raw.clear()
            if header is None:
                header = _header(path, cells, mapping)
            elif any(c.strip() for c in cells):
                yield start, _cells(header, cells)
            start = reader.line_num + 1
        if sum(text.count('"') for text in last) % 2:  # cut inside a quoted field
            raise ImportFileError(
                f"{path}:{reader.line_num}: a quoted field is not closed at the end of the "
                f"file, which has no line end: a truncated file? (got {_tail(last[-1])!r})",
                path=str(path),
                line=reader.line_num,
            )
    if header is None:
        raise no_rows(path)


def _cells(header: list[str], cells: list[str]) -> dict[str, str]:
    row = dict(zip(header, cells, strict=False))
    if len(cells) != len(header):
        row[_WIDTH] = f"{len(cells)} cells, the header has {len(header)}"
    return row


def _xlsx_rows(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict[str, str]]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book[mapping.sheet] if mapping.sheet else book.worksheets[0]
        rows: Iterable[tuple[Any, ...]] = sheet.iter_rows(values_only=True)
        it = iter(rows)
        header = _header(path, [str(c) if c is not None else "" for c in next(it, ())], mapping)
        for n, values in enumerate(it, start=2):
            if all(v is None for v in values):
                continue
            cells = ["" if v is None else _cell_text(v) for v in values]
            yield n, _cells(header, cells[: len(header)] if len(cells) > len(header) else cells)
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


_SLASHED = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")


def _whole(text: str) -> str:
    """A number's cell as its digits: ``2018.0`` (a float column's way) is ``2018``."""
    text = text.strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def _date(dm: DateMap, row: dict[str, str]) -> tuple[Any, str]:
    """The row's date and the cell text it was read from; raises ValueError."""
    if dm.column is not None:
        text = row.get(dm.column, "").strip()
        for fmt in dm.formats:
            try:
                return PartialDate.from_date(datetime.strptime(text, fmt).date()), text
            except ValueError:
                continue
        if _SLASHED.match(text):
            raise DateError(
                "the order of day and month is not known: give it in the mapping's "
                f"date.formats, e.g. ['%m/%d/%Y'] (got {text!r})",
                text,
            )
        try:
            return parse_date(text), text
        except DateError:
            try:  # 20190630, or a day with a time (2019-06-30 00:00:00, as spreadsheets write)
                return dataset_day(text), text
            except Skip:
                pass
            raise
    year = _whole(row.get(dm.year or "", ""))
    month = _whole(row.get(dm.month or "", "")) if dm.month else ""
    day = _whole(row.get(dm.day or "", "")) if dm.day else ""
    quote = " ".join(p for p in (day, month, year) if p)
    if not year.isdigit():
        raise DateError(f"not a year (got {year!r})", year)
    m = None
    if month:
        m = int(month) if month.isdigit() else _MONTHS.get(month.casefold().rstrip("."))
        if m is None:
            raise DateError(f"not a month (got {month!r})", month)
    d = int(day) if day else None
    return PartialDate(int(year), m, d), quote


def read_table(
    path: Path,
    mapping: Mapping,
    *,
    resolver: ActorResolver | None = None,
    totals: Totals | None = None,
) -> Iterator[Report]:
    """Stream the reports of a CSV, TSV or XLSX file read through ``mapping``."""
    resolver = resolver if resolver is not None else ActorResolver()
    totals = totals if totals is not None else Totals(str(path))
    prefix = mapping.id_prefix or mapping.source
    rows = 0
    for line, row in _rows(path, mapping):
        rows += 1
        totals.rows += 1
        try:
            report = _report(path, line, row, mapping, prefix, resolver)
        except _Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        totals.imported += 1
        yield report
    if rows == 0:
        raise no_rows(path, header=True)


class _Skip(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _report(
    path: Path,
    line: int,
    row: dict[str, str],
    mapping: Mapping,
    prefix: str,
    resolver: ActorResolver,
) -> Report:
    if _WIDTH in row:
        raise _Skip("wrong number of columns", f"wrong number of columns (got {row[_WIDTH]})")
    try:
        utf8_cells(list(row.values()), list(row))
    except Skip as skip:
        raise _Skip(skip.reason, f"{skip.message} or set encoding in the mapping") from None
    try:
        when, date_text = _date(mapping.date, row)
    except (DateError, ValueError) as exc:
        raise _Skip("bad date", f"bad date: {exc}") from None
    kind = None
    if mapping.type is not None:
        raw = row.get(mapping.type.column, "").strip()
        if raw in mapping.type.values:
            kind = mapping.type.values[raw]
        elif mapping.type.values and mapping.type.default is None:
            raise _Skip("unknown type", f"unknown {mapping.type.column!r} value (got {raw!r})")
        else:
            kind = mapping.type.default
    roles: dict[str, list[str]] = {"source": [], "target": [], "other": []}
    names: dict[str, str] = {}
    for am in mapping.actors:
        cell = row.get(am.column, "").strip()
        for name in (n.strip() for n in (cell.split(am.split) if am.split else [cell])):
            if name:
                mapped = am.values.get(name)
                actor = (
                    resolver.ensure(mapped, name, am.kind)
                    if mapped
                    else resolver.resolve(name, kind=am.kind)
                )
                roles[am.role].append(actor)
                names.setdefault(am.role, name)
    for column in mapping.mentions:
        roles["other"].extend(resolver.mentioned(row.get(column, "")))
    text = row.get(mapping.text, "").strip() or None if mapping.text else None
    cited = mapping.id_columns or tuple(k for k in row if k != _WIDTH)
    quote = text or date_text
    try:
        return Report(
            id=stable_id(prefix, *(row.get(c, "") for c in cited)),
            source=mapping.source,
            date=when,
            type=kind,
            cameo=row.get(mapping.cameo, "").strip() or None if mapping.cameo else None,
            source_actor=roles["source"][0] if roles["source"] else None,
            target_actor=roles["target"][0] if roles["target"] else None,
            source_name=names.get("source"),
            target_name=names.get("target"),
            actors=tuple(dict.fromkeys(a for a in roles["other"] if a not in roles["source"])),
            place=row.get(mapping.place, "").strip() or None if mapping.place else None,
            text=text,
            file=path.name,
            row=line,
            evidence=(
                cite(
                    source=mapping.source,
                    quote=quote,
                    note=f"{path.name} line {line}, column {mapping.text or 'date'!r}",
                ),
            ),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise _Skip(
            f"bad {where}", f"{where}: {first['msg']} (got {first.get('input')!r})"
        ) from None
