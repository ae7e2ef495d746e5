"""diplograph: diplomatic events, their actors and what they said, as a knowledge graph.

>>> import diplograph
>>> kg = diplograph.load(diplograph.bundled_data())
>>> kg.resolve_actor("Trump").name
'Donald Trump'

The names below are imported on first use, so ``import diplograph`` (and the
command-line tool, which starts with it) loads only what a task needs: a
query on a store never imports the record models or the YAML loader.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dates import DateSpan, PartialDate, Precision, parse_date
    from .errors import (
        AmbiguousNameError,
        DateError,
        DiplographError,
        LoadError,
        ModelError,
        Problem,
        QueryError,
        RDFError,
        UnknownNameError,
    )
    from .kg import KnowledgeGraph
    from .load import check_folder, dump, load
    from .model import (
        Actor,
        ActorKind,
        Event,
        EventType,
        Evidence,
        Participant,
        Place,
        Position,
        Role,
        Source,
        SourceKind,
        Statement,
        StatementMode,
    )
    from .resources import bundled_data

    __version__: str

_HOME = {
    **dict.fromkeys(("DateSpan", "PartialDate", "Precision", "parse_date"), ".dates"),
    **dict.fromkeys(
        (
            "AmbiguousNameError",
            "DateError",
            "DiplographError",
            "LoadError",
            "ModelError",
            "Problem",
            "QueryError",
            "RDFError",
            "UnknownNameError",
        ),
        ".errors",
    ),
    "KnowledgeGraph": ".kg",
    **dict.fromkeys(("check_folder", "dump", "load"), ".load"),
    **dict.fromkeys(
        (
            "Actor",
            "ActorKind",
            "Event",
            "EventType",
            "Evidence",
            "Participant",
            "Place",
            "Position",
            "Role",
            "Source",
            "SourceKind",
            "Statement",
            "StatementMode",
        ),
        ".model",
    ),
    "bundled_data": ".resources",
}
"""Each public name, and the module it comes from."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplograph")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0.0.0"


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562) and keep it."""
    if name == "__version__":
        value: Any = _version()
    elif name in _HOME:
        value = getattr(importlib.import_module(_HOME[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """This package's module: a public name stays what it names when a submodule of the same
    name is imported (``diplograph.load`` is the function, not the module ``load.py``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOME and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "Actor",
    "ActorKind",
    "AmbiguousNameError",
    "DateError",
    "DateSpan",
    "DiplographError",
    "Event",
    "EventType",
    "Evidence",
    "KnowledgeGraph",
    "LoadError",
    "ModelError",
    "PartialDate",
    "Participant",
    "Place",
    "Position",
    "Precision",
    "Problem",
    "QueryError",
    "RDFError",
    "Role",
    "Source",
    "SourceKind",
    "Statement",
    "StatementMode",
    "UnknownNameError",
    "__version__",
    "bundled_data",
    "check_folder",
    "dump",
    "load",
    "parse_date",
]
