"""Build hook: ship the top-level data/, ontology/ and queries/ folders inside the wheel."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent
SHIPPED = ("data", "ontology", "queries")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "diplograph" / "_data"
        for name in SHIPPED:
            src = HERE / name
            if src.is_dir():
                shutil.rmtree(target / name, ignore_errors=True)  # no stale files from a past build
                shutil.copytree(src, target / name)


setup(cmdclass={"build_py": BuildWithData})
