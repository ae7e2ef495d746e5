"""Shared fixtures: the shipped dataset, the read-only ../shared folder, doctest names."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplograph
from diplograph.kg import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _add_diplograph(doctest_namespace: dict[str, object]) -> None:
    doctest_namespace["diplograph"] = diplograph


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ../shared folder; skips when absent (a user's clone)."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(
            "../shared is absent (a user's clone); this test runs in CI where it is present"
        )
    return SHARED


@pytest.fixture(scope="session")
def corpus(shared: Path) -> Path:
    """The folder of source texts the shipped dataset's evidence points into."""
    return shared / "corpus"


@pytest.fixture(scope="session")
def korea() -> KnowledgeGraph:
    """The shipped Korea 2018-2019 dataset, loaded once."""
    return diplograph.load(diplograph.bundled_data())
