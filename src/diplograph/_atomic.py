"""Atomic writes: a file is written beside its target, then renamed over it.

A failure part-way (a full disk, an exception in the writer, an interrupt)
leaves the previous file as it was and no temporary file behind. Missing parent
folders are created. The file gets the usual permissions (0666 less the umask),
not the private ones of a temporary file.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "new" / "a.txt"
>>> with atomic_write(target, text=True) as fh:
...     _ = fh.write("hello")
>>> target.read_text()
'hello'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any, Literal, overload

__all__ = ["atomic_path", "atomic_write"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed to ``path`` when the block ends without error.

    For writers that want a file name rather than an open file.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@overload
def atomic_write(path: Path | str, *, text: Literal[True]) -> AbstractContextManager[IO[str]]: ...
@overload
def atomic_write(
    path: Path | str, *, text: Literal[False] = ...
) -> AbstractContextManager[IO[bytes]]: ...


def atomic_write(path: Path | str, *, text: bool = False) -> Any:
    """Open a temporary file beside ``path`` for writing; it replaces ``path`` on success.

    ``text=True`` gives a UTF-8 text file with ``\\n`` line ends, else a binary one.
    """
    return _atomic_write(path, text)


@contextlib.contextmanager
def _atomic_write(path: Path | str, text: bool) -> Iterator[IO[Any]]:
    with atomic_path(path) as tmp:
        if text:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                yield fh
        else:
            with open(tmp, "wb") as fh:
                yield fh
