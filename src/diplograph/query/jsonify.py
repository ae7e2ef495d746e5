"""Rows, dossiers and dates as JSON-ready data (what ``--json`` prints)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date

from ..dates import DateSpan, PartialDate
from .rows import MeetingRow

__all__ = ["row_dict"]


def row_dict(row: object) -> object:
    """A row (or dossier, or list of them) as JSON-ready data: dates as EDTF text plus day bounds.

    A meeting's ``parts`` are meetings too, each with its roles.

    Examples
    --------
    >>> from diplograph.rows import Citation
    >>> row_dict(Citation(source="s", title="T", quote=None))
    {'source': 's', 'title': 'T', 'quote': None, 'url': None, 'publisher': None, 'start': None}
    """
    if isinstance(row, PartialDate | DateSpan):
        return str(row)
    if isinstance(row, MeetingRow):
        return {
            "ordinal": row.ordinal,
            "ordinal_text": row.ordinal_text,
            "role_a": row.role_a,
            "role_b": row.role_b,
            "who_a": row.who_a,
            "who_b": row.who_b,
            **dict(row_dict(row.event)),  # type: ignore[call-overload]
            "parts": [row_dict(p) for p in row.parts],
        }
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        out: dict[str, object] = {}
        for f in dataclasses.fields(row):
            value = getattr(row, f.name)
            out[f.name] = row_dict(value)
            if isinstance(value, PartialDate | DateSpan):
                out[f"{f.name}_earliest"] = _bound(value.earliest)
                out[f"{f.name}_latest"] = _bound(value.latest)
        return out
    if isinstance(row, Mapping):
        return {str(k): row_dict(v) for k, v in row.items()}
    if isinstance(row, list | tuple):
        return [row_dict(v) for v in row]
    return row


def _bound(day: date) -> str | None:
    return None if day in (date.min, date.max) else day.isoformat()
