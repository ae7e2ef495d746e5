"""Shared pieces of the row importers: opening a file, tab-separated lines, the skip they raise.

Datasets are often shipped compressed (GDELT's ``.export.CSV.zip``, ICEWS's
zipped ``.tab`` files): :func:`open_text` reads gzip, bzip2 and one-file zip
archives as they are, known by their first bytes rather than their names, and
drops a UTF-8 byte-order mark.
"""

from __future__ import annotations

import bz2
import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, cast

from ..errors import DiplographError
from ..model import ActorKind
from .actors import ActorResolver
from .codes import country_named

__all__ = ["ImportFileError", "Skip", "actor", "open_text", "tab_lines"]


class Skip(Exception):
    """A row that cannot be imported: ``reason`` counts it, ``message`` locates it."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class ImportFileError(DiplographError, ValueError):
    """A whole file that cannot be imported (not a row of it): ``file:line: what is wrong``."""


def _archive_member(path: Path, archive: zipfile.ZipFile) -> str:
    names = [
        n
        for n in archive.namelist()
        if not n.endswith("/") and not n.startswith("__MACOSX/") and not n.startswith(".")
    ]
    if len(names) != 1:
        raise ImportFileError(
            f"{path}: a zip archive to import must hold one file (got {len(names)}: "
            f"{', '.join(names[:5]) or 'none'})",
            path=str(path),
            value=names,
        )
    return names[0]


_DAMAGED = (EOFError, zipfile.BadZipFile, gzip.BadGzipFile, zlib.error)
"""What reading a truncated or corrupt archive raises."""


def _open_binary(path: Path, stack: ExitStack) -> IO[bytes]:
    with open(path, "rb") as raw:
        magic = raw.read(4)
    if magic.startswith(b"\x1f\x8b"):
        return cast(IO[bytes], stack.enter_context(gzip.open(path, "rb")))
    if magic.startswith(b"BZh"):
        return cast(IO[bytes], stack.enter_context(bz2.open(path, "rb")))
    if magic == b"PK\x03\x04":
        archive = stack.enter_context(zipfile.ZipFile(path))
        return stack.enter_context(archive.open(_archive_member(path, archive)))
    return stack.enter_context(open(path, "rb"))


@contextmanager
def open_text(path: Path, *, encoding: str = "utf-8", errors: str = "replace") -> Iterator[IO[str]]:
    r"""A text stream of ``path``, decompressed when it is gzip, bzip2 or a one-file zip.

    A UTF-8 byte-order mark is dropped, so a header read from the stream starts
    with its first column name.

    >>> import tempfile, gzip, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "rows.tsv"  # the name does not say it is compressed
    ...     _ = p.write_bytes(gzip.compress("\ufeffa\tb\n1\t2\n".encode()))
    ...     with open_text(p) as fh:
    ...         fh.readline()
    'a\tb\n'
    """
    if encoding.replace("_", "-").casefold() in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    with ExitStack() as stack:
        try:
            binary = _open_binary(path, stack)
        except _DAMAGED as exc:
            raise ImportFileError(f"{path}: a damaged archive ({exc})", path=str(path)) from None
        fh = stack.enter_context(
            io.TextIOWrapper(binary, encoding=encoding, errors=errors, newline="")
        )
        try:
            yield fh
        except _DAMAGED as exc:
            raise ImportFileError(f"{path}: a damaged archive ({exc})", path=str(path)) from None
        except UnicodeDecodeError as exc:
            bad = exc.object[exc.start : exc.start + 1]
            raise ImportFileError(
                f"{path}: not {encoding.removesuffix('-sig')} text ({exc.reason}: byte {bad!r})",
                path=str(path),
                value=bad,
                expected=encoding,
            ) from None


def tab_lines(path: Path, *, skip_header: bool = False) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each non-blank line of a tab-separated file, in constant memory."""
    with open_text(path) as fh:
        for n, line in enumerate(fh, start=1):
            if skip_header and n == 1:
                continue
            text = line.rstrip("\r\n")
            if text.strip():
                yield n, text.split("\t")


def actor(
    resolver: ActorResolver, name: str, *, code: str | None = None, kind: ActorKind | None = None
) -> str:
    """The actor id of a name as a dataset writes it: a country name is its state."""
    code = code or country_named(name)
    kind = kind or (ActorKind.ORGANIZATION if "(" in name else ActorKind.PERSON)
    return resolver.resolve(name, code=code, kind=kind)
