"""TimelineJS3 export: the same timeline as the chart, for the Knight Lab web viewer.

The file is TimelineJS3's JSON format: one slide per event, dated only as far
as the date is known (a month-precision event has ``year`` and ``month`` and no
``day``), a ``display_date`` that says ranges and uncertainty in words, a
``group`` per lane (the same lanes as :func:`diplograph.timeline.plot_timeline`),
eras, and a slide text with the participants, the outcome, the quoted words of
the statements about the event and links to the sources. A statement about no
exported event gets a slide of its own.

Examples
--------
>>> from diplograph import load, bundled_data
>>> from diplograph.rows import event_rows, statement_rows
>>> kg = load(bundled_data())
>>> data = to_timelinejs(event_rows(kg), statements=statement_rows(kg))
>>> hanoi = next(e for e in data["events"] if e["unique_id"] == "hanoi-summit-2019")
>>> hanoi["start_date"], hanoi["display_date"]
({'year': '2019', 'month': '2', 'day': '27'}, '27–28 Feb 2019')
>>> hanoi["end_date"]
{'year': '2019', 'month': '2', 'day': '28'}
>>> tests = next(e for e in data["events"] if e["unique_id"] == "missile-tests-2019-05")
>>> tests["start_date"]
{'year': '2019', 'month': '5'}
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from ..dates import PartialDate, When
from ..errors import ModelError
from ..rows import Citation, EventRow, StatementRow
from ..timeline.layout import Era, assign_lanes, format_when, parse_era, type_label

__all__ = ["to_timelinejs", "write_timelinejs"]


def _date(p: PartialDate) -> dict[str, str]:
    out = {"year": str(p.year)}
    if p.month is not None:
        out["month"] = str(p.month)
    if p.day is not None:
        out["day"] = str(p.day)
    return out


def _dates(when: When) -> dict[str, Any]:
    """``start_date``, ``end_date`` and ``display_date`` of a slide, at the date's precision."""
    if isinstance(when, PartialDate):
        out: dict[str, Any] = {"start_date": _date(when)}
        if when.uncertain or when.approximate:
            out["display_date"] = format_when(when)
        return out
    start, end = when.start, when.end
    first = start if start is not None else end
    assert first is not None
    out = {"start_date": _date(first), "display_date": format_when(when)}
    if start is not None and end is not None and end != start:
        out["end_date"] = _date(end)
    return out


def _cite(citations: Iterable[Citation]) -> str:
    items = []
    seen: set[str] = set()
    for c in citations:
        if c.source in seen:
            continue
        seen.add(c.source)
        title = html.escape(c.title)
        if c.url:
            title = f'<a href="{html.escape(c.url, quote=True)}">{title}</a>'
        if c.publisher:
            title += f" ({html.escape(c.publisher)})"
        items.append(f"<li>{title}</li>")
    return f"<p>Sources:</p><ul>{''.join(items)}</ul>" if items else ""


def _quote(s: StatementRow) -> str:
    words = html.escape(s.text)
    said = {"direct_quote": "said", "paraphrase": "said, in paraphrase", "report": "reported"}
    how = said.get(s.mode, "said")
    via = f" via {html.escape(s.channel_name)}" if s.channel_name and s.channel != s.speaker else ""
    return (
        f"<blockquote>&ldquo;{words}&rdquo;</blockquote>"
        f"<p>&mdash; {html.escape(s.speaker_name)} {how}{via}, {html.escape(format_when(s.date))}"
        f"</p>"
    )


def _event_text(row: EventRow, about: Sequence[StatementRow]) -> str:
    parts = [f"<p><em>{html.escape(type_label(row.type))}</em>"]
    if row.place_name:
        parts[0] += f", {html.escape(row.place_name)}"
    parts[0] += "</p>"
    if row.participants:
        who = ", ".join(
            html.escape(p.name) + ("" if p.role == "attendee" else f" ({html.escape(p.role)})")
            for p in row.participants
        )
        parts.append(f"<p>With {who}.</p>")
    if row.outcome:
        parts.append(f"<p>{html.escape(row.outcome)}</p>")
    for s in about:
        parts.append(_quote(s))
    cites = [*row.citations, *(c for s in about for c in s.citations)]
    parts.append(_cite(cites))
    return "".join(parts)


def _era(era: Era) -> dict[str, Any]:
    start, end = era.time.start, era.time.end
    if start is None or end is None:
        raise ModelError(f"a TimelineJS era needs both ends (got {era.label}:{era.time})")
    return {
        "start_date": _date(start),
        "end_date": _date(end),
        "text": {"headline": era.label},
    }


def to_timelinejs(
    rows: Iterable[EventRow],
    *,
    statements: Iterable[StatementRow] = (),
    eras: Iterable[str | Era] = (),
    title: str | None = None,
    lanes: str | Sequence[str] = "actor",
    max_lanes: int = 7,
) -> dict[str, Any]:
    """The TimelineJS3 JSON object of a timeline (a dict ready for :func:`json.dumps`).

    Parameters
    ----------
    rows
        Event rows, one slide each.
    statements
        Statement rows: quoted in the slide of each event they are about; a
        statement about none of ``rows`` gets a slide of its own.
    eras
        Shaded periods, ``"LABEL:FROM/TO"`` or :class:`~diplograph.timeline.Era`.
    title
        The title slide's headline; no title slide when None.
    lanes, max_lanes
        How slides are grouped, as the lanes of :func:`~diplograph.timeline.plot_timeline`.

    Examples
    --------
    >>> from diplograph.dates import parse_date
    >>> row = EventRow("m", "Missile tests", "missile_test", parse_date("2019-05?"))
    >>> to_timelinejs([row], lanes="type")["events"][0]["display_date"]
    'May 2019?'
    """
    rows = list(rows)
    sts = list(statements)
    era_list = [_era(parse_era(e)) for e in eras]
    la = assign_lanes(rows, sts, lanes=lanes, max_lanes=max_lanes)
    shown = {r.id for r in rows}
    about: dict[str, list[StatementRow]] = {}
    alone: list[StatementRow] = []
    for s in sts:
        targets = [e for e in s.about_events if e in shown]
        for e in targets:
            about.setdefault(e, []).append(s)
        if not targets:
            alone.append(s)
    slides: list[dict[str, Any]] = []
    for r in rows:
        slide: dict[str, Any] = {
            **_dates(r.time),
            "text": {"headline": html.escape(r.label), "text": _event_text(r, about.get(r.id, []))},
            "group": la.names[la.lane_of_event(r.id)],
            "unique_id": r.id,
        }
        slides.append(slide)
    for s in alone:
        slides.append(
            {
                **_dates(s.date),
                "text": {
                    "headline": html.escape(f"{s.speaker_name}: \u201c{_short(s.text)}\u201d"),
                    "text": _quote(s) + _cite(s.citations),
                },
                "group": la.names[la.statements[s.id]],
                "unique_id": f"statement-{s.id}",
            }
        )
    data: dict[str, Any] = {"events": slides}
    if era_list:
        data["eras"] = era_list
    if title:
        sources = len({c.source for r in rows for c in r.citations})
        data["title"] = {
            "text": {
                "headline": html.escape(title),
                "text": f"<p>{len(rows)} events and {len(sts)} statements from "
                f"{sources} sources.</p>",
            }
        }
    return data


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def write_timelinejs(
    rows: Iterable[EventRow],
    path: str | os.PathLike[str],
    *,
    statements: Iterable[StatementRow] = (),
    eras: Iterable[str | Era] = (),
    title: str | None = None,
    lanes: str | Sequence[str] = "actor",
    max_lanes: int = 7,
) -> Path:
    """Write the TimelineJS3 JSON of a timeline to ``path``, atomically (UTF-8, sorted keys).

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> from diplograph.dates import parse_date
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.json"
    >>> _ = write_timelinejs([EventRow("a", "A", "summit", parse_date("2018-06-12"))], out)
    >>> json.loads(out.read_text())["events"][0]["start_date"]
    {'day': '12', 'month': '6', 'year': '2018'}
    """
    data = to_timelinejs(
        rows, statements=statements, eras=eras, title=title, lanes=lanes, max_lanes=max_lanes
    )
    target = Path(path)
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    with atomic_write(target, text=True) as fh:
        fh.write(text)
    return target
