"""diplograph: diplomatic events, their actors and what they said, as a knowledge graph.

>>> import diplograph
>>> kg = diplograph.load(diplograph.bundled_data())
>>> kg.resolve_actor("Trump").name
'Donald Trump'
"""

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("diplograph")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
    __version__ = "0.0.0"

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
