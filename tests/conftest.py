"""Shared fixtures: the shipped dataset, the read-only ../shared folder, doctest names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import diplograph
from diplograph.kg import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite the golden files in tests/data/golden/ from the current output.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when run with --update-goldens: golden tests rewrite their file instead of comparing."""
    return bool(request.config.getoption("--update-goldens"))


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


# -- a real Oxigraph server on a free loopback port (query tests) ----------------------------


def _oxigraph_binary() -> str | None:
    import shutil
    import sys

    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``oxigraph serve`` on a free 127.0.0.1 port; yields the base URL, stops it after."""
    import socket
    import subprocess
    import time
    import urllib.request

    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is absent: pip install oxigraph (a dev dependency)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    location = tmp_path_factory.mktemp("oxigraph-server")
    log = (location.parent / "oxigraph-server.log").open("wb")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited with status {proc.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail(f"oxigraph serve did not answer on {url} within 10 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
def analyse_text(tmp_path: Path, korea: KnowledgeGraph):  # type: ignore[no-untyped-def]
    """Ingest's analysis of a text, as if it were an article published on ``published``."""
    from diplograph.ingest import analyze, read_article

    def go(text: str, published: str = "2019-07-02"):  # type: ignore[no-untyped-def]
        path = tmp_path / "a.txt"
        path.write_text(text, encoding="utf-8")
        return analyze(read_article(path, published=published), korea)

    return go
