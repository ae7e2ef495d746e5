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
from ._rows import open_text
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


def _rows(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, cells by header) of each data row; a row of the wrong width has key ``None``."""
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        yield from _xlsx_rows(path, mapping)
        return
    delimiter = mapping.delimiter or ("\t" if path.suffix.casefold() in (".tsv", ".tab") else ",")
    csv.field_size_limit(sys.maxsize)
    with open_text(path, encoding=mapping.encoding, errors="strict") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        header = next(reader, None) or []
        start = reader.line_num + 1
        for cells in reader:
            if cells:
                yield start, _cells(header, cells)
            start = reader.line_num + 1


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
        header = [str(c) if c is not None else "" for c in next(it, ())]
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


def _date(dm: DateMap, row: dict[str, str]) -> tuple[Any, str]:
    """The row's date and the cell text it was read from; raises ValueError."""
    if dm.column is not None:
        text = row.get(dm.column, "").strip()
        for fmt in dm.formats:
            try:
                return PartialDate.from_date(datetime.strptime(text, fmt).date()), text
            except ValueError:
                continue
        return parse_date(text), text
    year = row.get(dm.year or "", "").strip()
    month = row.get(dm.month or "", "").strip() if dm.month else ""
    day = row.get(dm.day or "", "").strip() if dm.day else ""
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
    for line, row in _rows(path, mapping):
        totals.rows += 1
        try:
            report = _report(path, line, row, mapping, prefix, resolver)
        except _Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        totals.imported += 1
        yield report


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
