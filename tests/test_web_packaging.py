"""The wheel carries the web view: its page, and the libraries copied from node_modules."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from diplograph.web.assets import VENDOR

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_holds_the_page_and_the_libraries(tmp_path: Path) -> None:
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
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for name in ("index.html", "app.js", "app.css"):
            assert f"diplograph/web/static/{name}" in names
        for name, rel in VENDOR.items():
            shipped = z.read(f"diplograph/web/vendor/{name}")
            assert shipped == (ROOT / "node_modules" / rel).read_bytes(), name
