"""The wheel ships what an installed diplograph needs: the dataset, ontology, queries, web view."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from diplograph.web.assets import VENDOR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, once for every test here."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(out)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("diplograph-*.whl")
    return built


def test_wheel_holds_every_shipped_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("data", "ontology", "queries"):
        shipped = [p for p in (ROOT / folder).rglob("*") if p.is_file()]
        assert shipped, folder
        for path in shipped:
            assert f"diplograph/_data/{path.relative_to(ROOT).as_posix()}" in names, path
    assert "diplograph/cli/__init__.py" in names and "diplograph/py.typed" in names


def test_wheel_holds_the_page_and_the_libraries(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for name in ("index.html", "app.js", "app.css"):
            assert f"diplograph/web/static/{name}" in names
        for name, rel in VENDOR.items():
            shipped = z.read(f"diplograph/web/vendor/{name}")
            assert shipped == (ROOT / "node_modules" / rel).read_bytes(), name
