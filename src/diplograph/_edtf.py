"""The EDTF forms diplograph refuses, each named, so a refusal says what was meant and what works.

diplograph reads EDTF level 0 dates (``2019``, ``2019-06``, ``2019-06-30``),
the level 1 qualifiers ``?``, ``~`` and ``%`` on a whole date, and intervals
with open or unknown ends (``2019-02-27/2019-02-28``, ``../2019-07``). The
other level 1 forms an analyst meets are refused by name:

>>> refused_form("2019-21")
'a season (EDTF 2019-21 to 2019-24: spring to winter)'
>>> refused_form("201X")
'unspecified digits (EDTF 201X, 2019-XX)'
>>> refused_form("-0044")
'a negative year (before year 1)'
>>> refused_form("2019-06-30") is None
True
"""

from __future__ import annotations

import re

__all__ = ["SUPPORTED", "refused_form"]

SUPPORTED = (
    "YYYY, YYYY-MM or YYYY-MM-DD (years 0001 to 9999), optionally followed by ?, ~ or %, "
    "or an interval A/B of those with an open (..) or unknown end"
)
"""What :func:`diplograph.dates.parse_date` reads, in words for error messages."""

_FORMS = (
    (
        re.compile(r"^\d{4}-(2[1-9]|3\d|4[01])[?~%]?$"),
        "a season (EDTF 2019-21 to 2019-24: spring to winter)",
    ),
    (
        re.compile(r"^(?=[^/]*X)[\dX]{4}(-[\dX]{2}){0,2}[?~%]?$", re.I),
        "unspecified digits (EDTF 201X, 2019-XX)",
    ),
    (re.compile(r"^-\d+"), "a negative year (before year 1)"),
    (re.compile(r"^Y-?\d{5,}|^\d{5,}"), "a year of more than four digits (EDTF Y170000)"),
    (re.compile(r"^\d{4}S\d+|E\d+", re.I), "a year with significant digits or an exponent"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T"), "a time of day (give the day alone, e.g. 2019-06-30)"),
    (re.compile(r"[?~%]\d|\d[?~%]-"), "a qualifier on part of a date (EDTF level 2)"),
    (re.compile(r"^\[.*\]$|^\{.*\}$"), "a set of dates (EDTF level 2, [..] or {..})"),
)


def refused_form(text: str) -> str | None:
    """The name of the EDTF form ``text`` is written in, when it is one diplograph refuses."""
    t = text.strip()
    for pattern, name in _FORMS:
        if pattern.search(t):
            return name
    return None
