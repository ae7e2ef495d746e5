"""The ``diplograph`` command: a thin layer over the public API.

Every command parses its arguments, calls the library and prints a table or
``--json``. Errors the user can fix print one ``Error: ...`` line and exit 1;
``validate`` exits 0 when valid, 1 when invalid and 2 when the folder cannot
be read. The group and what the commands share live in ``_base``; each module
beside it adds the commands of one part of the library. This package is the
only place that imports click.
"""

from ._base import cli, main

# Each module adds its commands to the group.
# isort: split
from . import _foundation, _rdf  # noqa: F401

# isort: split
from . import (  # noqa: F401
    _dyad,
    _graph,
    _layers,
    _query,
    _timeline,
    _web,
)

# isort: split
from . import _conflicts, _import, _ingest  # noqa: F401

__all__ = ["cli", "main"]
