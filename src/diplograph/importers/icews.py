"""ICEWS: the Dataverse event files and the temporal-KG derivatives (ICEWS14, ICEWS18).

* :func:`read_icews` reads the Dataverse layout: a header row naming Event ID,
  Event Date, Source Name/Sectors/Country, Event Text, CAMEO Code, Intensity,
  Target Name/Sectors/Country, Story ID, Sentence Number, Publisher, City,
  District, Province, Country, Latitude, Longitude. Columns are found by the
  header's names (in any order, any case); Event ID, Event Date, Source Name,
  CAMEO Code and Target Name must be there, the others may be missing.
* :func:`read_icews_quads` reads readable quadruples
  ``head<TAB>relation<TAB>tail<TAB>YYYY-MM-DD`` (ICEWS14), or id quadruples
  ``head<TAB>relation<TAB>tail<TAB>hours since 2018-01-01`` resolved through the
  entity and relation maps (ICEWS18). Relations are CAMEO labels; the code is
  looked up in :mod:`.cameo_labels`.

Each row is one report; a bad row is a counted ``file:line`` problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from pydantic import ValidationError

from ..dates import PartialDate
from ..errors import DateError, Problem
from ..model import Source, SourceKind
from ._rows import ImportFileError, Skip, actor, open_text, tab_lines
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


def is_dataverse(path: Path) -> bool:
    """Whether ``path`` starts with an ICEWS Dataverse header (Event ID, Event Date ...)."""
    with open_text(path) as fh:
        first = {_key(c) for c in fh.readline().split("\t")}
    return {_key("Event ID"), _key("Event Date")} <= first


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


def _day(text: str) -> PartialDate:
    if not _ISO.match(text):
        raise Skip("bad date", f"bad date: expected YYYY-MM-DD (got {text!r})")
    try:
        return PartialDate.parse(text)
    except DateError as exc:
        raise Skip("bad date", f"bad date: {exc}") from None


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
    width = 0
    for line, cells in tab_lines(path):
        if not columns:
            columns, width = _columns(path, cells), len(cells)
            continue
        totals.rows += 1
        try:
            yield _icews_row(path, line, cells, columns, width, source, resolver)
        except Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        totals.imported += 1


def _icews_row(
    path: Path,
    line: int,
    cells: list[str],
    columns: dict[str, int],
    width: int,
    source: str,
    resolver: ActorResolver,
) -> Report:
    if len(cells) != width:
        raise Skip(
            "wrong number of columns",
            f"wrong number of columns: expected {width}, as the header (got {len(cells)})",
        )
    row = dict.fromkeys(ICEWS_COLUMNS, "")
    row.update((name, cells[i].strip()) for name, i in columns.items())
    code = row["CAMEO Code"]
    if not is_cameo_code(code):
        raise Skip("unknown CAMEO code", f"unknown CAMEO code (got {code!r})")
    when = _day(row["Event Date"])
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
            else stable_id("icews", *cells),
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
    """An ICEWS18 map file: ``name<TAB>id`` lines, as id -> name."""
    out: dict[str, str] = {}
    for _, cells in tab_lines(path):
        if len(cells) >= 2:
            out[cells[1].strip()] = cells[0].strip()
    return out


def read_icews_quads(
    path: Path,
    *,
    entities: Path | None = None,
    relations: Path | None = None,
    source: str | None = None,
    resolver: ActorResolver | None = None,
    totals: Totals | None = None,
) -> Iterator[Report]:
    """Stream the reports of an ICEWS14-style (readable) or ICEWS18-style (ids) quadruple file.

    With ``entities`` and ``relations`` the cells are ids and the time is hours
    since 2018-01-01; without, they are names and an ISO date.
    """
    resolver = resolver if resolver is not None else ActorResolver()
    totals = totals if totals is not None else Totals(str(path))
    ids = entities is not None or relations is not None
    if ids and (entities is None or relations is None):
        raise ValueError("id quadruples need both the entity map and the relation map")
    ent = _table(entities) if entities is not None else {}
    rel = _table(relations) if relations is not None else {}
    prefix = source or ("icews18" if ids else "icews14")
    for line, cells in tab_lines(path):
        totals.rows += 1
        try:
            report = _quad(path, line, [c.strip() for c in cells], prefix, ent, rel, resolver)
        except Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        if report.cameo is None and report.text:
            totals.notes[f"relation without a CAMEO code: {report.text}"] += 1
        totals.imported += 1
        yield report


def _quad(
    path: Path,
    line: int,
    cells: list[str],
    prefix: str,
    ent: dict[str, str],
    rel: dict[str, str],
    resolver: ActorResolver,
) -> Report:
    if len(cells) not in (4, 5):
        raise Skip(
            "wrong number of columns",
            f"wrong number of columns: expected 4 or 5 (got {len(cells)})",
        )
    head, relation, tail, time = cells[:4]
    if ent:
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
                f"bad date: expected whole days in hours since 2018-01-01 (got {time!r})",
            )
        when = PartialDate.from_date(_EPOCH18 + timedelta(hours=int(time)))
    else:
        when = _day(time)
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
