"""Where the shipped folders are: ``data/``, ``ontology/`` and ``queries/``.

In a source checkout (an editable install) they are the top-level folders of
the repository; in an installed wheel they are copied inside the package under
``_data/``.

>>> bundled_data().name
'korea-2018-2019'
>>> (shipped("ontology")).is_dir()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATASET", "bundled_data", "shipped"]

DATASET = "korea-2018-2019"
"""The name of the dataset shipped with diplograph."""

_PACKAGE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """The shipped folder ``name`` (``data``, ``ontology`` or ``queries``)."""
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir() and (_PACKAGE.parent.parent / "pyproject.toml").is_file():
        return checkout
    return _PACKAGE / "_data" / name


def bundled_data() -> Path:
    """The folder of the Korea 2018-2019 dataset shipped with diplograph."""
    return shipped("data") / DATASET
