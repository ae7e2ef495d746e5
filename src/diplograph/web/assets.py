"""Where the web view's files are: its own page, script and style, and the bundled libraries.

The libraries (vis-timeline, cytoscape) come from the npm registry through
the repository's ``package.json`` and ``package-lock.json``
(``npm ci --ignore-scripts`` at the repository root). In a source checkout
they are read from ``node_modules/``; a wheel carries copies in
``diplograph/web/vendor/``, made by the package build.

>>> sorted(VENDOR)
['cytoscape.min.js', 'vis-timeline-graph2d.min.css', 'vis-timeline-graph2d.min.js']
>>> (static_dir() / "index.html").is_file()
True
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DiplographError

__all__ = ["VENDOR", "checkout_root", "static_dir", "vendor_files"]

_HERE = Path(__file__).resolve().parent

VENDOR = {
    "vis-timeline-graph2d.min.js": "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
    "vis-timeline-graph2d.min.css": "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
}
"""Each bundled file's name in ``vendor/``, and its path inside ``node_modules/``."""


def static_dir() -> Path:
    """The folder of the page (``index.html``), its script and its style."""
    return _HERE / "static"


def checkout_root() -> Path | None:
    """The repository root when running from a source checkout, else None."""
    root = _HERE.parent.parent.parent
    return (
        root if (root / "package.json").is_file() and (root / "pyproject.toml").is_file() else None
    )


def vendor_files(node_modules: Path | None = None) -> dict[str, Path]:
    """Each bundled library file by its name in ``vendor/``.

    Looks in ``node_modules`` when given, else in the copies a wheel carries,
    else in the checkout's ``node_modules/``. Raises
    :class:`~diplograph.errors.DiplographError` naming the missing files and
    the command that installs them.
    """
    candidates = [node_modules] if node_modules is not None else []
    if node_modules is None:
        shipped = _HERE / "vendor"
        if all((shipped / name).is_file() for name in VENDOR):
            return {name: shipped / name for name in VENDOR}
        root = checkout_root()
        if root is not None:
            candidates.append(root / "node_modules")
    for folder in candidates:
        found = {name: folder / rel for name, rel in VENDOR.items()}
        missing = [str(p) for p in found.values() if not p.is_file()]
        if not missing:
            return found
        where = folder.parent
        raise DiplographError(
            f"the web view's JavaScript libraries are missing: run 'npm ci --ignore-scripts' "
            f"in {where} (got no {missing[0]})"
        )
    raise DiplographError(
        "the web view's JavaScript libraries are missing from this installation: reinstall "
        "diplograph from a wheel built with them, or run 'npm ci --ignore-scripts' in a source "
        f"checkout (got no {_HERE / 'vendor'})"
    )
