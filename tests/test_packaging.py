"""The wheel ships the dataset, the ontology and the queries, for an installed diplograph."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_holds_every_shipped_file(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            str(ROOT),
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("diplograph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("data", "ontology", "queries"):
        shipped = [p for p in (ROOT / folder).rglob("*") if p.is_file()]
        assert shipped, folder
        for path in shipped:
            assert f"diplograph/_data/{path.relative_to(ROOT).as_posix()}" in names, path
    assert "diplograph/cli/__init__.py" in names and "diplograph/py.typed" in names
