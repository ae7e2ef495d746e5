"""GDELT 1.0 and 2.0 event files (57, 58 or 61 tab-separated columns, no header).

The version of each row is told by its width: 57 (1.0, historical, no
SOURCEURL) or 58 columns (1.0) and 61 columns (2.0, which adds an ADM2 code to
each of the three geographies). The CAMEO event code gives the event type
where one matches (:mod:`.codes`) and is kept as a code either way; CAMEO actor
codes resolve to actors (USA to the United States, KORGOV to the government of
South Korea); SOURCEURL becomes the report's source. The 2.0 mentions table,
when given, adds one report per other article that mentions an event.
The files have no header; one that has one (a BigQuery export, or GDELT's
published column names on top) is read by its names. The date is SQLDATE (the
event's day, ``20181024`` or ``2018-10-24``), never DATEADDED (the batch's).

>>> len(V1_COLUMNS), len(V2_COLUMNS), V2_COLUMNS[60]
(58, 61, 'SOURCEURL')
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import Problem
from ..model import ActorKind, Source, SourceKind
from ._rows import (
    ImportFileError,
    Skip,
    actor,
    day,
    header_lines,
    no_rows,
    undecoded,
    utf8_cells,
    with_cut_end,
)
from .actors import ActorResolver
from .codes import cameo_type, is_cameo_code
from .report import Report, Totals, cite, make

__all__ = ["MENTION_COLUMNS", "V1_COLUMNS", "V2_COLUMNS", "read_gdelt", "read_mentions"]

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_EVENT = [
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
]


def _columns(adm2: bool) -> tuple[str, ...]:
    geo = ["Type", "FullName", "CountryCode", "ADM1Code", *(["ADM2Code"] if adm2 else [])]
    geo += ["Lat", "Long", "FeatureID"]
    return (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        *(f"Actor1{c}" for c in _ACTOR),
        *(f"Actor2{c}" for c in _ACTOR),
        *_EVENT,
        *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in geo),
        "DATEADDED",
        "SOURCEURL",
    )


V1_COLUMNS = _columns(adm2=False)
"""GDELT 1.0 event columns (the historical files stop before SOURCEURL)."""
V2_COLUMNS = _columns(adm2=True)
"""GDELT 2.0 event columns."""
MENTION_COLUMNS = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]
"""GDELT 2.0 mentions columns."""

_WIDTHS = {57: V1_COLUMNS[:57], 58: V1_COLUMNS, 61: V2_COLUMNS}


@dataclass(frozen=True)
class Mention:
    """One article mentioning an event (a row of the 2.0 mentions table)."""

    url: str
    source_name: str
    line: int
    sentence: str
    confidence: str


def url_source(url: str, resolver: ActorResolver, name: str | None = None) -> str:
    """The id of the source record of an article URL, created on first use."""
    sid = "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    if sid not in resolver.sources and sid not in resolver.kg.sources:
        resolver.sources[sid] = make(
            Source, id=sid, title=url, kind=SourceKind.NEWS_ARTICLE, url=url, publisher=name or None
        )
    return sid


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


_NAMES = {_key(c): c for c in V2_COLUMNS} | {"day": "SQLDATE"}
"""Column names as a header may spell them (GDELT 1.0's published header calls SQLDATE 'day')."""
_NEEDED = ("GLOBALEVENTID", "SQLDATE", "EventCode")
_OTHER_TABLES = {
    len(MENTION_COLUMNS): "a GDELT 2.0 mentions file: give it with --mentions beside its events",
    27: "a GDELT Global Knowledge Graph (GKG) file, not an events file",
}


def _is_header(cells: list[str]) -> bool:
    """Whether a line names GDELT's columns (in any order) rather than giving a row."""
    keys = {_key(c) for c in cells}
    return "globaleventid" in keys and bool(keys & {"sqldate", "day"})


def _named(path: Path, header: list[str]) -> dict[str, int]:
    """Where each known column is in a header (any case, in any order); the needed ones must be."""
    where = {_NAMES[_key(c)]: i for i, c in reversed(list(enumerate(header))) if _key(c) in _NAMES}
    missing = [c for c in _NEEDED if c not in where]
    if missing:
        raise ImportFileError(
            f"{path}:1: a GDELT events header without {', '.join(missing)} "
            f"(got {', '.join(h.strip() for h in header[:6])} ...)",
            path=str(path),
            line=1,
            value=header,
        )
    return where


def _not_events(path: Path, cells: list[str]) -> None:
    """Refuse a first line that is a row of another GDELT table than the events."""
    what = _OTHER_TABLES.get(len(cells))
    if what is not None:
        raise ImportFileError(
            f"{path}:1: {what} (got {len(cells)} columns; an events row has 57, 58 or 61)",
            path=str(path),
            line=1,
            value=len(cells),
        )


def _is_mention_header(cells: list[str]) -> bool:
    keys = {_key(c) for c in cells}
    return "globaleventid" in keys and "mentionidentifier" in keys


def read_mentions(path: Path, totals: Totals | None = None) -> dict[str, list[Mention]]:
    """The mentions of a GDELT 2.0 mentions file, by event id (held in memory: one batch).

    The file has no header; one that has one (a BigQuery export) is read by
    its names, tab- or comma-separated.
    """
    totals = totals if totals is not None else Totals(str(path))
    out: dict[str, list[Mention]] = defaultdict(list)
    at = {name: i for i, name in enumerate(MENTION_COLUMNS)}
    width, first = len(MENTION_COLUMNS), True
    for line, cells in header_lines(path, _is_mention_header):
        if first:
            first = False
            if _is_mention_header(cells):
                known = {_key(c): c for c in MENTION_COLUMNS}
                at = {known[_key(c)]: i for i, c in enumerate(cells) if _key(c) in known}
                width = len(cells)
                continue
            if len(cells) in _WIDTHS:
                raise ImportFileError(
                    f"{path}:{line}: a GDELT events file, not a mentions file (got "
                    f"{len(cells)} columns; a mentions row has {len(MENTION_COLUMNS)})",
                    path=str(path),
                    line=line,
                )
        try:
            if len(cells) != width:
                raise Skip(
                    "mentions: wrong number of columns",
                    f"wrong number of columns: expected {width} (got {len(cells)})",
                )
            row = dict.fromkeys(MENTION_COLUMNS, "")
            row.update((name, cells[i]) for name, i in at.items())
            if undecoded(cells):
                utf8_cells(list(row.values()), list(row))
        except Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        if not row["MentionIdentifier"].strip():
            continue
        out[row["GLOBALEVENTID"].strip()].append(
            Mention(
                row["MentionIdentifier"],
                row["MentionSourceName"],
                line,
                row["SentenceID"],
                row["Confidence"],
            )
        )
    return dict(out)


def read_gdelt(
    path: Path,
    *,
    mentions: dict[str, list[Mention]] | None = None,
    dataset: str = "gdelt",
    resolver: ActorResolver | None = None,
    totals: Totals | None = None,
) -> Iterator[Report]:
    """Stream the reports of a GDELT 1.0 or 2.0 events file (and of its mentions, if given).

    The files have no header; one that has one (a BigQuery export, or GDELT's
    published column names pasted on top) is read by its names, tab- or
    comma-separated. A file without a row is a :class:`ImportFileError`.
    """
    resolver = resolver if resolver is not None else ActorResolver()
    totals = totals if totals is not None else Totals(str(path))
    named: dict[str, int] | None = None
    rows = width = 0
    for line, cells, cut in with_cut_end(path, header_lines(path, _is_header)):
        if rows == 0 and named is None:
            if _is_header(cells):
                named = _named(path, cells)
                width = len(cells)
                continue
            _not_events(path, cells)
        rows += 1
        totals.rows += 1
        try:
            if cut:
                raise Skip(
                    "last line cut short",
                    f"the last line has no line end, as a download cut short leaves it "
                    f"(got {len(cells)} columns, the last {_short(cells[-1])!r})",
                )
            row = _cells(cells, named, width)
            if undecoded(cells):
                utf8_cells(list(row.values()), list(row))
            report = _row(path, line, row, "\t".join(cells), dataset, resolver)
        except Skip as skip:
            totals.skip(Problem(str(path), line, skip.message), skip.reason)
            continue
        totals.imported += 1
        yield report
        for m in (mentions or {}).get(row["GLOBALEVENTID"].strip(), ()):
            sid = url_source(m.url, resolver, m.source_name)
            if sid == report.source:
                continue
            totals.notes["reports from the mentions table"] += 1
            yield report.model_copy(
                update={
                    "id": f"{report.id}-{sid.removeprefix('url-')}",
                    "source": sid,
                    "evidence": (
                        cite(
                            source=dataset,
                            quote=m.url,
                            note=f"mentions file line {m.line}, sentence {m.sentence}, "
                            f"confidence {m.confidence}",
                        ),
                    ),
                }
            )
    if rows == 0:
        raise no_rows(path, header=named is not None)


def _float(text: str, what: str) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise Skip(f"bad {what}", f"bad {what}: not a number (got {text!r})") from None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _cells(cells: list[str], named: dict[str, int] | None, width: int) -> dict[str, str]:
    """The row's cells by column name; :class:`Skip` when it is not as wide as it should be."""
    if named is not None:
        if len(cells) != width:
            raise Skip(
                "wrong number of columns",
                f"wrong number of columns: expected {width}, as the header (got {len(cells)})",
            )
        row = dict.fromkeys(V2_COLUMNS, "")
        row.update((name, cells[i]) for name, i in named.items())
        return row
    columns = _WIDTHS.get(len(cells))
    if columns is None:
        raise Skip(
            "wrong number of columns",
            f"wrong number of columns: expected 57, 58 or 61 (got {len(cells)})",
        )
    return dict(zip(columns, cells, strict=True))


def _code(row: dict[str, str]) -> str:
    code = row["EventCode"].strip()
    if not is_cameo_code(code):
        hint = ""
        if code.isdigit() and len(code) < 3 and is_cameo_code("0" + code):
            hint = f": GDELT's codes have 3 or 4 digits (a leading zero lost, '0{code}'?)"
        raise Skip("unknown CAMEO code", f"unknown CAMEO code{hint} (got {code!r})")
    return code


def _row(
    path: Path, line: int, row: dict[str, str], quote: str, dataset: str, resolver: ActorResolver
) -> Report:
    when = day(row["SQLDATE"])
    code = _code(row)
    who = [_actor(resolver, row, n) for n in ("Actor1", "Actor2")]
    url = row.get("SOURCEURL", "").strip()
    quad = row["QuadClass"].strip()
    try:
        return Report(
            id=f"gdelt-{row['GLOBALEVENTID'].strip()}",
            source=url_source(url, resolver) if url else dataset,
            date=when,
            type=cameo_type(code),
            cameo=code,
            source_actor=who[0],
            target_actor=who[1],
            source_name=row["Actor1Name"] or None,
            target_name=row["Actor2Name"] or None,
            place=row["ActionGeo_FullName"] or None,
            lat=_float(row["ActionGeo_Lat"], "latitude"),
            long=_float(row["ActionGeo_Long"], "longitude"),
            goldstein=_float(row["GoldsteinScale"], "Goldstein scale"),
            quad_class=int(quad) if quad.isdigit() else None,
            file=path.name,
            row=line,
            evidence=(cite(source=dataset, quote=quote, note=f"{path.name} line {line}"),),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Skip(
            f"bad {where}", f"{where}: {first['msg']} (got {first.get('input')!r})"
        ) from None


def _actor(resolver: ActorResolver, row: dict[str, str], which: str) -> str | None:
    code, name = row[f"{which}Code"].strip(), row[f"{which}Name"].strip()
    label = name.title() or code
    if not label:
        return None
    country = row[f"{which}CountryCode"].strip()
    role = row[f"{which}Type1Code"].strip()
    # GDELT codes people by their state and role (DONALD TRUMP is USAGOV): an actor it
    # names that is not a known person nor a state's body is a group, a role or a region
    # (CVL VILLAGE, MIL ARMY, CHRCTH CATHOLIC, EUR EUROPEAN UNION), never a new person
    return actor(
        resolver,
        label,
        code=(country + role) if country else code,
        kind=ActorKind.ORGANIZATION,
    )
