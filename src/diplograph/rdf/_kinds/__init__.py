"""Each record kind's RDF, both directions side by side: ``rdf/_kinds/<singular>.py``.

The module of a kind is named by its singular (:attr:`diplograph.kinds.Kind.singular`)
and holds ``write(out, record)``, ``read(reader, node)`` and, to write Turtle faster,
``turtle(direct)`` (a function formatting a record's Turtle straight from it); the tables below are
built from :data:`diplograph.kinds.KINDS`, so a new kind needs its module and
nothing else here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from ...kinds import KINDS
from ...model import Record
from .._out import Out
from .._read import Reader
from .._turtle import Direct
from ..terms import Term

__all__ = ["READERS", "TURTLE", "WRITERS"]

_MODULES = {key: import_module(f"{__name__}.{kind.singular}") for key, kind in KINDS.items()}

WRITERS: dict[str, Callable[[Out, Any], str]] = {
    key: module.write for key, module in _MODULES.items()
}
"""The writer of each record kind, by kind key."""

READERS: dict[str, Callable[[Reader, Term], Record]] = {
    key: module.read for key, module in _MODULES.items()
}
"""The reader of each record kind, by kind key."""

TURTLE: dict[type, Callable[[Direct], Callable[[Any], str]]] = {
    KINDS[key].model: module.turtle for key, module in _MODULES.items() if hasattr(module, "turtle")
}
"""What makes, for one writer (a :class:`~diplograph.rdf._turtle.Direct`), the function that
formats a record's Turtle straight from it, equal to formatting :data:`WRITERS`' triples; by
model class. A kind without one is formatted from its triples."""
