"""Every exception diplograph raises, split by the stage that raises it.

All of them derive from :class:`DiplographError`, so a caller (and the CLI)
can catch one class. Each keeps what it knows of the problem as attributes as
well as in its message: ``path`` (the file or input), ``line`` and ``column``
(1-based), ``value`` (what was given) and ``expected`` (what was wanted), each
None when unknown.

Examples
--------
>>> e = RDFError("in.ttl:3: not valid turtle: unexpected end", path="in.ttl", line=3)
>>> e.path, e.line, e.column, str(e)
('in.ttl', 3, None, 'in.ttl:3: not valid turtle: unexpected end')
>>> UnknownNameError("Kimm", ["Kim"]).value
'Kimm'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "AmbiguousNameError",
    "DateError",
    "DiplographError",
    "LoadError",
    "ModelError",
    "Problem",
    "QueryError",
    "RDFError",
    "UnknownNameError",
]


class DiplographError(Exception):
    """Base class of every error diplograph raises on purpose.

    The message is the whole story for a reader; the keyword arguments keep its
    parts for a program (None when unknown).
    """

    def __init__(
        self,
        message: str = "",
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        value: Any = None,
        expected: Any = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column
        self.value = value
        self.expected = expected


class ModelError(DiplographError, ValueError):
    """A record or a value breaks the data model."""


class DateError(ModelError):
    """A date string is malformed or impossible; ``value`` holds what was given."""

    def __init__(self, message: str, value: Any = None, **where: Any) -> None:
        super().__init__(message, value=value, **where)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a data folder, located as ``file:line``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class LoadError(DiplographError):
    """A data folder could not be loaded; ``problems`` lists every problem found.

    ``unreadable`` is True when the folder itself cannot be read (as opposed to
    holding invalid records).
    """

    def __init__(self, problems: list[Problem], *, unreadable: bool = False) -> None:
        self.problems = sorted(problems)
        self.unreadable = unreadable
        first = self.problems[0] if self.problems else None
        super().__init__(
            "\n".join(str(p) for p in self.problems),
            path=first.file if first else None,
            line=first.line if first and first.line > 0 else None,
        )


class UnknownNameError(DiplographError, LookupError):
    """No actor (or event) answers to ``name``; ``candidates`` are near matches."""

    def __init__(self, name: str, candidates: list[str] | None = None, *, what: str = "actor"):
        self.name = name
        self.candidates = candidates or []
        hint = f"; did you mean {', '.join(self.candidates)}?" if self.candidates else ""
        super().__init__(f"no {what} is called {name!r}{hint}", value=name, expected=what)


class AmbiguousNameError(DiplographError, LookupError):
    """Several records answer to ``name``; ``candidates`` lists them as ``id (name)``."""

    def __init__(self, name: str, candidates: list[str], *, what: str = "actor"):
        self.name = name
        self.candidates = candidates
        super().__init__(
            f"{name!r} names more than one {what}: {', '.join(candidates)}; use one of these ids",
            value=name,
            expected=what,
        )


class RDFError(DiplographError):
    """RDF that cannot be read, written, or turned back into records."""


class QueryError(DiplographError):
    """A query that cannot run, or a store that cannot be reached."""
