"""Build hook: ship the top-level data/, ontology/ and queries/ folders inside the wheel,
and the web view's JavaScript libraries from node_modules/ (``npm ci --ignore-scripts``)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent
SHIPPED = ("data", "ontology", "queries")
# the web view's libraries: name in diplograph/web/vendor/ <- path inside node_modules/
# (the same table as diplograph.web.assets.VENDOR, which cannot be imported before the build)
VENDOR = {
    "vis-timeline-graph2d.min.js": "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
    "vis-timeline-graph2d.min.css": "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "diplograph" / "_data"
        for name in SHIPPED:
            src = HERE / name
            if src.is_dir():
                shutil.rmtree(target / name, ignore_errors=True)  # no stale files from a past build
                shutil.copytree(src, target / name)
        self.copy_vendor(Path(self.build_lib) / "diplograph" / "web" / "vendor")

    def copy_vendor(self, target: Path) -> None:
        modules = HERE / "node_modules"
        missing = [rel for rel in VENDOR.values() if not (modules / rel).is_file()]
        if missing:
            raise SystemExit(
                f"error: the web view's JavaScript libraries are missing (no {modules / missing[0]}): "
                f"run 'npm ci --ignore-scripts' in {HERE} before building"
            )
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for name, rel in VENDOR.items():
            shutil.copyfile(modules / rel, target / name)


setup(cmdclass={"build_py": BuildWithData})
