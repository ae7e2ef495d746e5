"""Finding and opening input files so that none is skipped in silence and none blocks.

A data folder is every ``*.yaml`` under it. Something named ``*.yaml`` that
cannot be read as a file (a broken or looping symbolic link, a folder, a
FIFO, a device) and a sub-folder that cannot be listed are problems, not
things to skip: the folder would otherwise look valid with records missing.
File types are checked before anything is opened, so a FIFO never blocks.

Examples
--------
>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "a.yaml").write_text("events: []")
10
>>> (root / "b.yaml").symlink_to(root / "missing.yaml")
>>> yaml_files(root)
Traceback (most recent call last):
...
diplograph.errors.LoadError: .../b.yaml: cannot be read: a symbolic link to nothing (its target \
does not exist)
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import LoadError, Problem

__all__ = ["file_problem", "yaml_files"]


def file_problem(path: Path | str) -> str | None:
    """Why ``path`` cannot be read as a regular file; None when it can, or does not exist.

    Nothing is opened; a path that does not exist is left for opening to report.

    >>> file_problem("/dev/null")
    'not a regular file: a character device'
    """
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "a symbolic link that loops back on itself"
        if e.errno == errno.ENOENT and p.is_symlink():
            return "a symbolic link to nothing (its target does not exist)"
        if e.errno == errno.ENOENT:
            return None  # opening it says so, in the usual words
        return e.strerror or str(e)
    if stat.S_ISREG(mode):
        if not os.access(p, os.R_OK):
            return "permission denied"
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    what = {
        stat.S_IFIFO: "a FIFO (named pipe)",
        stat.S_IFSOCK: "a socket",
        stat.S_IFCHR: "a character device",
        stat.S_IFBLK: "a block device",
    }.get(stat.S_IFMT(mode), "a special file")
    return f"not a regular file: {what}"


def yaml_files(folder: Path) -> list[Path]:
    """Every ``*.yaml`` file under ``folder``, sorted; raises LoadError listing unreadable ones."""
    problems: list[Problem] = []

    def unlistable(e: OSError) -> None:
        problems.append(Problem(str(e.filename), 0, f"folder cannot be read: {e.strerror}"))

    found: list[Path] = []
    for here, dirs, names in os.walk(folder, onerror=unlistable):
        dirs.sort()
        for name in [*names, *dirs]:
            if not name.endswith(".yaml"):
                continue
            path = Path(here) / name
            why = file_problem(path)
            if why is None:
                found.append(path)
            else:
                problems.append(Problem(str(path), 0, f"cannot be read: {why}"))
    if problems:
        raise LoadError(problems, unreadable=True)
    return sorted(found)
