"""Evidence against source texts: reading folders of texts, finding quotes, checking offsets.

A source names its text by ``file`` (a file name in a texts folder) or by
``sha256`` (of the text's bytes). :func:`load_texts` reads folders of texts
both ways, :func:`text_of` finds the one for a source, :func:`find_quote`
places a quote in a text (start, end, and the words around it), and
:func:`check_evidence` lists what is wrong with a piece of evidence given the
text it cites. The YAML loader uses them, and so can any pipeline that drafts
evidence from texts.

Examples
--------
>>> text = "Kim said on Monday that talks would resume. Trump agreed."
>>> m = find_quote(text, "talks would resume", context=6)
>>> m.start, m.end, m.prefix, m.suffix
(24, 42, ' that ', '. Trum')
>>> find_quote(text, "a", context=0)  # more than one place: every start
[5, 16, 21, 25, 50]
>>> find_quote(text, "peace") is None
True
>>> from diplograph.model import Evidence
>>> check_evidence(Evidence(source="s", quote="talks", start=0, end=5), text)
["offsets 0:5 do not match the quote in source 's' (expected 'talks', the text there is \
'Kim s'); the quote is at start=24, end=29"]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import LoadError, Problem
from .model import Evidence, Source

__all__ = [
    "QuoteMatch",
    "Texts",
    "check_evidence",
    "find_quote",
    "load_texts",
    "near_quotes",
    "short",
    "text_of",
    "texts_found",
]

Texts = Path | str | Sequence[Path | str] | None
"""One folder of source texts, several, or none."""


def _folders(texts: Texts) -> list[Path]:
    if texts is None:
        return []
    if isinstance(texts, Path | str):
        return [Path(texts)]
    return [Path(t) for t in texts]


def load_texts(texts: Texts) -> tuple[dict[str, str], dict[str, str]]:
    """Read folders of source texts: by file name, and by SHA-256 of the bytes.

    A binary file (one with a NUL byte: an image, a PDF) is no text and is
    passed over; a file name found in two folders keeps the first folder's text.

    Raises
    ------
    LoadError
        When a folder cannot be read (``unreadable`` is True), or holds a text
        file that is not UTF-8: a text the evidence may rest on is never passed
        over in silence.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (pathlib.Path(d) / "a.txt").write_text("hello", encoding="utf-8")
    ...     by_name, by_hash = load_texts(d)
    >>> by_name
    {'a.txt': 'hello'}
    """
    by_name: dict[str, str] = {}
    by_hash: dict[str, str] = {}
    for folder in _folders(texts):
        if not folder.is_dir():
            raise LoadError(
                [Problem(str(folder), 0, "texts folder cannot be read: not a folder")],
                unreadable=True,
            )
        _read_texts(folder, by_name, by_hash)
    return by_name, by_hash


def _read_texts(folder: Path, by_name: dict[str, str], by_hash: dict[str, str]) -> None:
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            if b"\0" in data:
                continue  # binary, not a text in another encoding
            raise LoadError(
                [
                    Problem(
                        str(path),
                        0,
                        f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})",
                    )
                ]
            ) from None
        by_name.setdefault(path.name, text)
        by_hash[hashlib.sha256(data).hexdigest()] = text


def text_of(src: Source, by_name: dict[str, str], by_hash: dict[str, str]) -> str | None:
    """The text of ``src`` among texts read by :func:`load_texts`: by file name, else by hash."""
    if src.file is not None and src.file in by_name:
        return by_name[src.file]
    if src.sha256 is not None:
        return by_hash.get(src.sha256)
    return None


def texts_found(sources: Iterable[Source], texts: Texts) -> tuple[dict[str, str], list[str]]:
    """The texts found for ``sources`` (by source id) and the ids of those with none.

    >>> import tempfile, pathlib
    >>> srcs = [Source(id="a", title="A", file="a.txt"), Source(id="b", title="B")]
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (pathlib.Path(d) / "a.txt").write_text("hello", encoding="utf-8")
    ...     texts_found(srcs, d)
    ({'a': 'hello'}, ['b'])
    """
    by_name, by_hash = load_texts(texts)
    found: dict[str, str] = {}
    missing: list[str] = []
    for src in sources:
        text = text_of(src, by_name, by_hash)
        if text is None:
            missing.append(src.id)
        else:
            found[src.id] = text
    return found, missing


def short(text: str, limit: int = 60) -> str:
    """``repr`` of ``text``, cut to ``limit`` characters with an ellipsis.

    >>> short("abcdef", 4)
    "'abc…'"
    """
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote stands in a text: offsets, and the words just before and after it."""

    start: int
    end: int
    prefix: str
    suffix: str


def find_quote(text: str, quote: str, *, context: int = 32) -> QuoteMatch | list[int] | None:
    """Place ``quote`` in ``text``.

    Returns a :class:`QuoteMatch` (with up to ``context`` characters of prefix
    and suffix) when the quote occurs once, the list of every start offset when
    it occurs more than once (overlapping ones included), and None when it does
    not occur.
    """
    if not quote:
        return None
    starts: list[int] = []
    at = text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        return None
    if len(starts) > 1:
        return starts
    start, end = starts[0], starts[0] + len(quote)
    return QuoteMatch(start, end, text[max(0, start - context) : start], text[end : end + context])


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased with straight quotes and runs of space as one, and where each
    character of it came from in ``text``."""
    out: list[str] = []
    at: list[int] = []
    table = str.maketrans("‘’“”–—", "''\"\"--")
    for i, c in enumerate(text):
        c = c.translate(table).lower()
        if c.isspace():
            if out and out[-1] == " ":
                continue
            c = " "
        out.append(c)
        at.append(i)
    return "".join(out), at


def near_quotes(text: str, quote: str, *, limit: int = 5) -> list[tuple[int, str]]:
    """Where ``quote`` is in ``text`` but for case, curly quotes, dashes and spacing.

    Returns ``(start, the words as the text has them)`` for each place found.

    >>> near_quotes("He said:  “We will  meet.”", '"we will meet')
    [(10, '“We will  meet')]
    """
    folded_text, at = _folded(text)
    folded_quote = _folded(quote)[0].strip()
    if not folded_quote:
        return []
    out: list[tuple[int, str]] = []
    i = folded_text.find(folded_quote)
    while i >= 0 and len(out) < limit:
        start, end = at[i], at[i + len(folded_quote) - 1] + 1
        out.append((start, text[start:end]))
        i = folded_text.find(folded_quote, i + 1)
    return out


def check_evidence(ev: Evidence, text: str) -> list[str]:
    """What is wrong with ``ev`` given the text of the source it cites; [] when nothing is.

    The quote must be in the text; with offsets, the text there must be the
    quote; a prefix and a suffix must match the text around it.
    """
    if ev.quote is None:
        return []
    if ev.start is None or ev.end is None:
        placed = find_quote(text, ev.quote)
        if placed is None:
            return [f"quote not found in source {ev.source!r} (got {short(ev.quote)})"]
        if isinstance(placed, list):
            places = ", ".join(f"start={at}" for at in placed)
            return [
                f"quote occurs {len(placed)} times in source {ev.source!r} ({places}); give "
                f"start and end to say which (got {short(ev.quote)})"
            ]
        return []
    actual = text[ev.start : ev.end]
    if actual != ev.quote:
        hint = ""
        found = text.find(ev.quote)
        if found >= 0:
            hint = f"; the quote is at start={found}, end={found + len(ev.quote)}"
        return [
            f"offsets {ev.start}:{ev.end} do not match the quote in source "
            f"{ev.source!r} (expected {short(ev.quote)}, "
            f"the text there is {short(actual)}){hint}"
        ]
    out: list[str] = []
    if ev.prefix is not None and not text[: ev.start].endswith(ev.prefix):
        out.append(
            "prefix does not match the text before the quote "
            f"(got {ev.prefix!r}, the text has "
            f"{text[max(0, ev.start - len(ev.prefix)) : ev.start]!r})"
        )
    if ev.suffix is not None and not text[ev.end :].startswith(ev.suffix):
        out.append(
            "suffix does not match the text after the quote "
            f"(got {ev.suffix!r}, the text has {text[ev.end : ev.end + len(ev.suffix)]!r})"
        )
    return out
