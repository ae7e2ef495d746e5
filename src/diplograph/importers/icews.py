"""ICEWS: the Dataverse event files and the temporal-KG derivatives (ICEWS14, ICEWS18).

* :func:`read_icews` reads the Dataverse layout: a header row naming Event ID,
  Event Date, Source Name/Sectors/Country, Event Text, CAMEO Code, Intensity,
  Target Name/Sectors/Country, Story ID, Sentence Number, Publisher, City,
  District, Province, Country, Latitude, Longitude. Columns are found by the
  header's names (in any order, any case, ``event_id`` too); Event ID, Event
  Date, Source Name, CAMEO Code and Target Name must be there, the others may
  be missing. The file may be tab- or comma-separated, its cells quoted or
  not; dates are ``2018-06-01``, ``20180601`` or either with a time, and
  ``6/1/2018`` only when a day over 12 in the file tells which number is the
  month.
* :func:`read_icews_quads` reads readable quadruples
  ``head<TAB>relation<TAB>tail<TAB>YYYY-MM-DD`` (ICEWS14), or id quadruples
  ``head<TAB>relation<TAB>tail<TAB>hours since 2018-01-01`` resolved through the
  entity and relation maps (ICEWS18; ``epoch`` for files counting from
  another day). Relations are CAMEO labels; the code is looked up in
  :mod:`.cameo_labels`.

Each row is one report; a bad row is a counted ``file:line`` problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from pydantic import ValidationError

from ..dates import PartialDate
from ..errors import Problem
from ..model import Source, SourceKind
from ._rows import (
    ImportFileError,
    Skip,
    actor,
    day,
    header_lines,
    no_rows,
    slash_order,
    tab_lines,
    utf8_cells,
    with_cut_end,
)
from .actors import ActorResolver
from .cameo_labels import cameo_code
from .codes import cameo_type, is_cameo_code, quad_class
from .report import Report, Totals, cite, make, stable_id

__all__ = ["ICEWS_COLUMNS", "dataset_source", "is_dataverse", "read_icews", "read_icews_quads"]

ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
"""The columns of an ICEWS Dataverse event file, in order."""

_REQUIRED = ("Event ID", "Event Date", "Source Name", "CAMEO Code", "Target Name")


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _is_header(cells: list[str]) -> bool:
    return {_key("Event ID"), _key("Event Date")} <= {_key(c) for c in cells}


def is_dataverse(path: Path) -> bool:
    """Whether ``path`` starts with an ICEWS Dataverse header (Event ID, Event Date ...).

    The header may be tab- or comma-separated, its names quoted or not.
    """
    for _, cells in header_lines(path, _is_header):
        return _is_header(cells)
    return False


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    """Where each known column is in this file's header; a clear error when one it needs is not."""
    where = {_key(c): i for i, c in enumerate(header)}
    missing = [c for c in _REQUIRED if _key(c) not in where]
    if missing:
        raise ImportFileError(
            f"{path}:1: not an ICEWS event file: no {', '.join(missing)} column "
            f"(got {', '.join(h.strip() for h in header[:8])})",
            path=str(path),
            line=1,
            value=header,
            expected=_REQUIRED,
        )
    return {c: where[_key(c)] for c in ICEWS_COLUMNS if _key(c) in where}


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EPOCH18 = date(2018, 1, 1)


def dataset_source(source_id: str, title: str, path: Path) -> Source:
    """The source record of a dataset file."""
    return make(Source, id=source_id, title=title, kind=SourceKind.DATASET, file=path.name)


def _slashes(path: Path, dates: Iterator[str]) -> str | None:
    """The order of the file's ``A/B/YYYY`` dates (:func:`slash_order`), the file named."""
    try:
        return slash_order(dates)
    except ImportFileError as exc:
        raise ImportFileError(f"{path}: {exc}", path=str(path)) from None


def _float(text: str, what: str) -> float | None:
    if text in ("", "NA"):
        return None
    try:
        return float(text)
    except ValueError:
        raise Skip(f"bad {what}", f"bad {what}: not a number (got {text!r})") from None


def read_icews(
    path: Path,
    *,
    source: str = "icews",
    resolver: ActorResolver | None = None,
    totals: Totals | None = None,
) -> Iterator[Report]:
    """Stream the reports of an ICEWS Dataverse event file (tab-separated, with header)."""
    resolver = resolver if resolver is not None else ActorResolver()
    totals = totals if totals is not None else Totals(str(path))
    columns: dict[str, int] = {}
    width = rows = 0
    slashes: str | None = None
    for line, cells, cut in with_cut_end(path, header_lines(path, _is_header)):
        if not columns:
            columns, width = _columns(path, cells), len(cells)
            at = columns["Event Date"]
            continue
        if slashes is None and at < len(cells) and "/" in cells[at]:  # 6/1/2018 as re-saved
            lines = header_lines(path, _is_header)
            slashes = _slashes(path, (c[at] for n, c in lines if n > 1 and at < len(c))) or ""
        rows += 1
        totals.rows += 1
        try:
            if cut:
                raise Skip(
                    "last line cut short",
                    "the last line has no line end, as a download cut short leaves it "
                    f"(got {len(cells)} columns)",
                )
            row = _icews_cells(cells, columns, width)
            yield _icews_row(path, line, row, source, resolver, slashes or None)
        except Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        totals.imported += 1
    if rows == 0:
        raise no_rows(path, header=bool(columns))


def _icews_cells(cells: list[str], columns: dict[str, int], width: int) -> dict[str, str]:
    if len(cells) != width:
        raise Skip(
            "wrong number of columns",
            f"wrong number of columns: expected {width}, as the header (got {len(cells)})",
        )
    row = dict.fromkeys(ICEWS_COLUMNS, "")
    row.update((name, cells[i].strip()) for name, i in columns.items())
    utf8_cells(list(row.values()), list(row))
    return row


def _icews_row(
    path: Path,
    line: int,
    row: dict[str, str],
    source: str,
    resolver: ActorResolver,
    slashes: str | None,
) -> Report:
    code = row["CAMEO Code"]
    if not is_cameo_code(code):
        raise Skip("unknown CAMEO code", f"unknown CAMEO code (got {code!r})")
    when = day(row["Event Date"], slashes=slashes)
    src, tgt = row["Source Name"], row["Target Name"]
    place = ", ".join(row[c] for c in ("City", "Province", "Country") if row[c] not in ("", "NA"))
    note = (
        f"{path.name} line {line}; story {row['Story ID']}, sentence {row['Sentence Number']}, "
        f"{row['Publisher']}"
    )
    try:
        return Report(
            id=f"icews-{row['Event ID']}"
            if row["Event ID"].isdigit()
            else stable_id("icews", *row.values()),
            source=source,
            date=when,
            type=cameo_type(code),
            cameo=code,
            source_actor=actor(resolver, src) if src else None,
            target_actor=actor(resolver, tgt) if tgt else None,
            source_name=src or None,
            target_name=tgt or None,
            place=place or None,
            lat=_float(row["Latitude"], "latitude"),
            long=_float(row["Longitude"], "longitude"),
            intensity=_float(row["Intensity"], "intensity"),
            quad_class=quad_class(code),
            text=row["Event Text"] or None,
            file=path.name,
            row=line,
            evidence=(cite(source=source, quote=row["Event Text"] or code, note=note),),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Skip(
            f"bad {where}", f"{where}: {first['msg']} (got {first.get('input')!r})"
        ) from None


def _table(path: Path) -> dict[str, str]:
    """An ICEWS18 map file: ``name<TAB>id`` lines, as id -> name; an error when it has none."""
    out: dict[str, str] = {}
    for line, cells in tab_lines(path):
        if len(cells) >= 2 and cells[1].strip().isdigit():
            out[cells[1].strip()] = cells[0].strip()
        elif line > 1:  # the first line may be a header
            raise ImportFileError(
                f"{path}:{line}: expected name<TAB>id in an id map (got {_short(cells)!r})",
                path=str(path),
                line=line,
            )
    if not out:
        raise ImportFileError(
            f"{path}: no name<TAB>id lines in the id map (got none)", path=str(path)
        )
    return out


def _short(cells: list[str]) -> str:
    text = "\t".join(cells)
    return text if len(text) <= 60 else text[:57] + "..."


def _first_quad(path: Path, line: int, cells: list[str], ids: bool) -> bool:
    """Whether the first line is a header; an error when ids and names are mixed up."""
    if len(cells) < 4:
        return False
    if not any(ch.isdigit() for ch in cells[3]):
        return True  # head, relation, tail, time: a header
    numbers = all(c.strip().isdigit() for c in cells[:4])
    if ids and not numbers:
        raise ImportFileError(
            f"{path}:{line}: --entities and --relations are for id quadruples, this line "
            f"names them (got {_short(cells)!r})",
            path=str(path),
            line=line,
        )
    if not ids and numbers:
        raise ImportFileError(
            f"{path}:{line}: id quadruples: give the maps with --entities and --relations "
            f"(got {_short(cells)!r})",
            path=str(path),
            line=line,
        )
    return False


def read_icews_quads(
    path: Path,
    *,
    entities: Path | None = None,
    relations: Path | None = None,
    source: str | None = None,
    resolver: ActorResolver | None = None,
    totals: Totals | None = None,
    epoch: date = _EPOCH18,
) -> Iterator[Report]:
    """Stream the reports of an ICEWS14-style (readable) or ICEWS18-style (ids) quadruple file.

    With ``entities`` and ``relations`` the cells are ids and the time is hours
    since ``epoch`` (ICEWS18's 2018-01-01; the id files of ICEWS14 count from
    2014-01-01); without, they are names and a date.
    """
    resolver = resolver if resolver is not None else ActorResolver()
    totals = totals if totals is not None else Totals(str(path))
    ids = entities is not None or relations is not None
    if ids and (entities is None or relations is None):
        raise ValueError("id quadruples need both the entity map and the relation map")
    ent = _table(entities) if entities is not None else {}
    rel = _table(relations) if relations is not None else {}
    prefix = source or ("icews18" if ids else "icews14")
    rows = 0
    slashes: str | None = None
    for line, cells in tab_lines(path):
        if not ids and slashes is None and len(cells) > 3 and "/" in cells[3]:
            slashes = _slashes(path, (c[3] for _, c in tab_lines(path) if len(c) > 3)) or ""
        if ids and len(cells) == 1:
            cells = cells[0].split()  # ids hold no spaces: a file separated by spaces
        if rows == 0 and _first_quad(path, line, cells, ids):
            continue
        rows += 1
        totals.rows += 1
        try:
            utf8_cells(cells, ("head", "relation", "tail", "time"))
            cells = [c.strip() for c in cells]
            report = _quad(path, line, cells, prefix, (ent, rel, epoch), resolver, slashes or None)
        except Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        if report.cameo is None and report.text:
            totals.notes[f"relation without a CAMEO code: {report.text}"] += 1
        totals.imported += 1
        yield report
    if rows == 0:
        raise no_rows(path)


def _quad(
    path: Path,
    line: int,
    cells: list[str],
    prefix: str,
    maps: tuple[dict[str, str], dict[str, str], date],
    resolver: ActorResolver,
    slashes: str | None,
) -> Report:
    if len(cells) not in (4, 5):
        raise Skip(
            "wrong number of columns",
            f"wrong number of columns: expected 4 or 5 (got {len(cells)})",
        )
    head, relation, tail, time = cells[:4]
    ent, rel, epoch = maps
    if ent or rel:
        for what, table, key in (
            ("entity", ent, head),
            ("relation", rel, relation),
            ("entity", ent, tail),
        ):
            if key not in table:
                raise Skip(f"unknown {what} id", f"unknown {what} id (got {key!r})")
        head, relation, tail = ent[head], rel[relation], ent[tail]
        if not time.isdigit() or int(time) % 24:
            raise Skip(
                "bad date",
                f"bad date: expected whole days in hours since {epoch} (got {time!r})",
            )
        when = PartialDate.from_date(epoch + timedelta(hours=int(time)))
    else:
        when = day(time, slashes=slashes)
    code = cameo_code(relation)
    quote = "\t".join(cells[:4])
    return Report(
        id=stable_id(prefix, *cells[:4]),
        source=prefix,
        date=when,
        type=cameo_type(code) if code else None,
        cameo=code,
        source_actor=actor(resolver, head),
        target_actor=actor(resolver, tail),
        source_name=head,
        target_name=tail,
        quad_class=quad_class(code) if code else None,
        text=relation,
        file=path.name,
        row=line,
        evidence=(cite(source=prefix, quote=quote, note=f"{path.name} line {line}"),),
    )
