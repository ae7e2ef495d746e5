"""Shared pieces of the row importers: opening a file, tab-separated lines, the skip they raise.

Datasets are often shipped compressed (GDELT's ``.export.CSV.zip``, ICEWS's
zipped ``.tab`` files): :func:`open_text` reads gzip, bzip2 and one-file zip
archives as they are, known by their first bytes rather than their names, and
drops a UTF-8 byte-order mark.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, cast

from ..dates import PartialDate
from ..errors import DateError, DiplographError
from ..model import ActorKind
from .actors import ActorResolver
from .codes import country_named

__all__ = [
    "ImportFileError",
    "Skip",
    "actor",
    "day",
    "header_lines",
    "no_rows",
    "open_binary",
    "open_text",
    "slash_order",
    "tab_lines",
    "undecoded",
    "utf8_cells",
    "with_cut_end",
]


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
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """A byte stream of ``path``, decompressed when it is gzip, bzip2 or a one-file zip."""
    with ExitStack() as stack:
        try:
            yield _open_binary(path, stack)
        except _DAMAGED as exc:
            raise ImportFileError(f"{path}: a damaged archive ({exc})", path=str(path)) from None


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


class Cells(list[str]):
    """The cells of a line, knowing whether the line held bytes that are not UTF-8."""

    __slots__ = ("undecoded",)

    def __init__(self, cells: list[str], undecoded: bool) -> None:
        super().__init__(cells)
        self.undecoded = undecoded


def _decoded(raw: bytes) -> tuple[str, bool]:
    """The text of a line, and whether it held bytes that are not UTF-8 (kept as surrogates)."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", "surrogateescape"), True


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line; see :func:`_raw_lines`."""
    for n, text, _ in _raw_lines(path):
        yield n, text


def _raw_lines(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(line number, text) of each line, split at LF alone (a lone CR is data), without its end.

    Bytes that are not UTF-8 stay as surrogates (see :func:`utf8_cells`), so one
    bad byte costs its row, never the file nor a silent replacement character.
    """
    with ExitStack() as stack:
        try:
            binary = _open_binary(path, stack)
            for n, raw in enumerate(binary, start=1):
                if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                yield n, *_decoded(raw.rstrip(b"\r\n"))
        except _DAMAGED as exc:
            raise ImportFileError(f"{path}: a damaged archive ({exc})", path=str(path)) from None


def tab_lines(path: Path, *, skip_header: bool = False) -> Iterator[tuple[int, list[str]]]:
    r"""(line number, cells) of each non-blank line of a tab-separated file, in constant memory.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "rows.tsv"
    ...     _ = p.write_bytes(b"a\tb\r\n\r\nc\td\re\n")
    ...     list(tab_lines(p))
    [(1, ['a', 'b']), (3, ['c', 'd\re'])]
    """
    for n, text, bad in _raw_lines(path):
        if skip_header and n == 1:
            continue
        if text.strip():
            yield n, Cells(text.split("\t"), bad)


_UNDECODED = re.compile("[\udc80-\udcff]")
"""What a byte that is not UTF-8 decodes to with ``surrogateescape``."""


def undecoded(cells: list[str]) -> bool:
    """Whether a cell holds a byte that was not UTF-8 (known from the line when it can be)."""
    if isinstance(cells, Cells):
        return cells.undecoded
    return _UNDECODED.search("\x00".join(cells)) is not None


def utf8_cells(cells: list[str], names: Sequence[str] = ()) -> None:
    r"""Raise :class:`Skip` when a cell holds bytes that are not UTF-8 (read as surrogates).

    >>> utf8_cells(["Bogot\udce1"], ["place"])
    Traceback (most recent call last):
    ...
    diplograph.importers._rows.Skip: not UTF-8 text: byte 0xe1 in column 'place' ...
    """
    if not undecoded(cells if isinstance(cells, list) else list(cells)):
        return
    for i, cell in enumerate(cells):
        bad = next((ch for ch in cell if "\udc80" <= ch <= "\udcff"), None)
        if bad is not None:
            name = names[i] if i < len(names) else str(i + 1)
            shown = cell.encode("utf-8", "surrogateescape").decode("latin-1")
            raise Skip(
                "not UTF-8 text",
                f"not UTF-8 text: byte 0x{ord(bad) - 0xDC00:02x} in column {name!r} "
                f"(got {_short(shown)!r}); re-save the file as UTF-8",
            )


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 3] + "..."


def header_lines(
    path: Path, header: Callable[[list[str]], bool]
) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of a table whose first line may be a header, tab- or comma-separated.

    The first non-blank line decides: when ``header`` accepts its cells split
    at tabs, the file is read as tab-separated; when it accepts them split as
    CSV (commas, or tabs with quoted cells), as CSV with quoted fields that
    may hold the delimiter, quotes or line breaks. Otherwise the lines are
    split at tabs. A quote left open is a :class:`ImportFileError` at its line.
    """
    first = next(((n, t) for n, t in _lines(path) if t.strip()), None)
    if first is None:
        return
    text = first[1]
    quoted = text.lstrip().startswith('"')
    if "\t" in text and not quoted:
        yield from tab_lines(path)
        return
    delimiter = "\t" if "\t" in text else ","
    cells = next(csv.reader([text], delimiter=delimiter))
    if not header(cells) and not quoted:
        yield from tab_lines(path)
        return
    yield from csv_lines(path, delimiter)


def csv_lines(path: Path, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) of each non-blank CSV record, quotes honoured."""
    csv.field_size_limit(sys.maxsize)
    stream = (text + "\n" for _, text in _lines(path))
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(
                f"{path}:{start}: bad CSV quoting: {exc} (got a record from line {start} "
                f"to {reader.line_num})",
                path=str(path),
                line=start,
            ) from None
        if any(c.strip() for c in cells):
            yield start, cells
        start = reader.line_num + 1


def with_cut_end(
    path: Path, rows: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str], bool]]:
    """``rows`` with a flag on the last one when the file ends without a line end.

    Datasets written by a program end every row with one: a plain file that
    does not was cut short (a compressed one would not unpack), and its last
    row may miss the end of its last cell.
    """
    cut = _ends_unterminated(path)
    held: tuple[int, list[str]] | None = None
    for row in rows:
        if held is not None:
            yield *held, False
        held = row
    if held is not None:
        yield *held, cut


def _ends_unterminated(path: Path) -> bool:
    with open(path, "rb") as fh:
        if fh.read(4)[:2] in (b"\x1f\x8b", b"BZ", b"PK"):
            return False
        fh.seek(0, io.SEEK_END)
        if fh.tell() == 0:
            return False
        fh.seek(-1, io.SEEK_END)
        return fh.read(1) not in (b"\n", b"\r")


def no_rows(path: Path, *, header: bool = False, what: str | None = None) -> ImportFileError:
    """The error of a file that holds no row to import (``what`` it holds instead)."""
    if what is None:
        what = "only a header" if header else "only blank lines" if _any(path) else "an empty file"
    return ImportFileError(f"{path}: no rows to import (got {what})", path=str(path), value=what)


def _any(path: Path) -> bool:
    return any(True for _ in _lines(path))


_DAY = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"  # a time of day: dropped
)
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def slash_order(dates: Iterable[str]) -> str | None:
    """How a file's ``A/B/YYYY`` dates read: ``"mdy"``, ``"dmy"``, or None when no day is over 12.

    Only a number over 12 tells the day from the month, so the whole column is
    read; a column where both orders occur is an :class:`ImportFileError`.

    >>> slash_order(["6/1/2019", "6/30/2019"]), slash_order(["30/6/2019", "1/2/2019"])
    ('mdy', 'dmy')
    >>> slash_order(["1/2/2019"]) is None
    True
    """
    seen: set[str] = set()
    for text in dates:
        found = _SLASH.match(text.strip())
        if found:
            a, b = int(found[1]), int(found[2])
            if a > 12 >= b:
                seen.add("dmy")
            elif b > 12 >= a:
                seen.add("mdy")
            if len(seen) > 1:
                raise ImportFileError(
                    f"dates with slashes in both orders, day first and month first (got {text!r})"
                )
    return seen.pop() if seen else None


def day(text: str, *, slashes: str | None = None) -> PartialDate:
    """The day a dataset's date cell gives: ``2019-06-30``, ``20190630``, with a time or not.

    ``6/30/2019`` or ``30/6/2019`` as ``slashes`` (from :func:`slash_order`)
    says; without it, a date with slashes is refused, never guessed.

    >>> str(day("20190630")), str(day("2019-06-30 00:00:00")), str(day("6/30/2019", slashes="mdy"))
    ('2019-06-30', '2019-06-30', '2019-06-30')
    >>> day("12/06/2018")
    Traceback (most recent call last):
    ...
    diplograph.importers._rows.Skip: bad date: day and month cannot be told apart, ...
    """
    if len(text) == 8 and text.isdigit():  # GDELT's SQLDATE, the common case
        try:
            return PartialDate(int(text[:4]), int(text[4:6]), int(text[6:]))
        except DateError as exc:
            raise Skip("bad date", f"bad date: {exc}") from None
    text = text.strip()
    found = _DAY.match(text)
    parts = found.groups() if found else None
    slashed = _SLASH.match(text)
    if slashed and slashes is None:
        raise Skip(
            "bad date",
            "bad date: day and month cannot be told apart, no day in the file is over 12; "
            f"write it as YYYY-MM-DD (got {text!r})",
        )
    if slashed:
        a, b, year = slashed.groups()
        parts = (year, a, b) if slashes == "mdy" else (year, b, a)
    if parts is None:
        raise Skip("bad date", f"bad date: expected YYYY-MM-DD or YYYYMMDD (got {text!r})")
    try:
        return PartialDate(int(parts[0]), int(parts[1]), int(parts[2]))
    except DateError as exc:
        raise Skip("bad date", f"bad date: {exc}") from None


def actor(
    resolver: ActorResolver, name: str, *, code: str | None = None, kind: ActorKind | None = None
) -> str:
    """The actor id of a name as a dataset writes it: a country name is its state."""
    code = code or country_named(name)
    kind = kind or (ActorKind.ORGANIZATION if "(" in name else ActorKind.PERSON)
    return resolver.resolve(name, code=code, kind=kind)
