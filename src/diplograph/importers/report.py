"""The report: one source's account of an event, as an imported row gives it.

Events are what the graph believes; reports are what each source said (SEM's
``sem:View`` with ``sem:accordingTo``). A report keeps the source's own date at
its own precision, its own type or CAMEO / PLOVER code, its actors as the
source names them and as resolved to actor ids, and the row it comes from.

Examples
--------
>>> r = Report(id="csis-neg-1", source="csis", date="2018-06", type="talks",
...     file="negotiations.csv", row=6)
>>> str(r.date), r.date.precision.name
('2018-06', 'MONTH')
>>> Report(id="x", source="s", date="2018-06", cameo="ABC", file="f", row=1)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Report
cameo
  String should match pattern ...
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import Problem
from ..model import Evidence, Report

__all__ = ["Report", "Totals", "cite", "make", "slug", "stable_id"]

M = TypeVar("M", bound=BaseModel)


@dataclass
class Totals:
    """What one import did: rows read, imported, skipped (with reasons), linked, proposed.

    The first ``keep`` problems are kept word for word; every one is counted.

    >>> t = Totals("f.csv")
    >>> t.skip(Problem("f.csv", 3, "bad date (got 'x')"), "bad date")
    >>> t.skipped, str(t.problems[0])
    (Counter({'bad date': 1}), "f.csv:3: bad date (got 'x')")
    """

    file: str
    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    linked: int = 0
    proposed: int = 0
    keep: int = 200

    def skip(self, problem: Problem, reason: str) -> None:
        """Count a skipped row under ``reason`` and keep its problem while there is room."""
        self.skipped[reason] += 1
        if len(self.problems) < self.keep:
            self.problems.append(problem)

    def lines(self) -> list[str]:
        """The totals as lines of text for a terminal."""
        out = [
            f"{self.file}: {self.rows} rows read, {self.imported} imported, "
            f"{sum(self.skipped.values())} skipped, {self.duplicates} already known or repeated"
        ]
        out += [f"  skipped {n}: {why}" for why, n in sorted(self.skipped.items())]
        return out


def make(cls: type[M], **fields: Any) -> M:
    """A record of ``cls`` from keyword fields, validated (the defaults need not be given)."""
    return cls.model_validate(fields)


def cite(source: str, quote: str | None, note: str) -> Evidence:
    """Evidence that ``quote`` (the cell text) was read from ``source``, located by ``note``.

    >>> cite("gdelt", "042", "f.tsv line 3").quote
    '042'
    """
    return Evidence.model_validate({"source": source, "quote": quote or None, "note": note})


def slug(text: str) -> str:
    """An id from a name: lower case, ASCII letters and digits joined by hyphens.

    >>> slug("Kim Jong-Un"), slug("Foreign Affairs (Bangladesh)")
    ('kim-jong-un', 'foreign-affairs-bangladesh')
    """
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")
    return out[:120] or "x" + hashlib.sha1(text.encode()).hexdigest()[:8]


def stable_id(prefix: str, *parts: str) -> str:
    """An id that depends only on ``parts`` (the source's own ids or the row's cells).

    >>> stable_id("icews14", "North Korea", "Make statement", "Kim Jong-Un", "2014-03-20")
    'icews14-...'
    """
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"
