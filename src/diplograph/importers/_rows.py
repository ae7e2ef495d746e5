"""Shared pieces of the row importers: tab-separated lines and the skip they raise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..kg import normalize_name
from ..model import ActorKind
from .actors import ActorResolver
from .codes import COUNTRIES

__all__ = ["Skip", "actor", "tab_lines"]

_COUNTRY_CODES = {normalize_name(c.name): code for code, c in COUNTRIES.items()}


class Skip(Exception):
    """A row that cannot be imported: ``reason`` counts it, ``message`` locates it."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def tab_lines(path: Path, *, skip_header: bool = False) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each non-blank line of a tab-separated file, in constant memory."""
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for n, line in enumerate(fh, start=1):
            if skip_header and n == 1:
                continue
            text = line.rstrip("\r\n")
            if text.strip():
                yield n, text.split("\t")


def actor(resolver: ActorResolver, name: str, *, code: str | None = None) -> str:
    """The actor id of a name as a dataset writes it: a country name is its state."""
    code = code or _COUNTRY_CODES.get(normalize_name(name))
    kind = ActorKind.ORGANIZATION if "(" in name else ActorKind.PERSON
    return resolver.resolve(name, code=code, kind=kind)
