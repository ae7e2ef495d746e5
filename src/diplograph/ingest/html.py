"""Read an article from a file: plain text as it is, or the article inside a saved HTML page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..dates import PartialDate
from ..errors import DateError
from ._common import IngestError

__all__ = ["Article", "read_article"]

_MIN_WORDS = 20  # fewer words of body text than this is a menu or a stub, not an article


@dataclass(frozen=True)
class Article:
    """The text an article's evidence counts in, and what is known of where it comes from.

    ``data`` is the exact UTF-8 bytes of ``body``; ``file`` the name it is
    written under in the drafts folder, so ``sha256`` finds it again.
    """

    body: str
    data: bytes
    file: str
    title: str | None
    published: PartialDate | None
    url: str | None
    publisher: str | None

    @property
    def sha256(self) -> str:
        """SHA-256 of the text's bytes."""
        return hashlib.sha256(self.data).hexdigest()


def _looks_like_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in {".html", ".htm", ".xhtml"}:
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _date_from(value: str | None, where: str) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value.strip()[:10])
    except DateError as e:
        what = where if where.startswith("--") else f"{where}: the page's publication date"
        raise IngestError(f"{what}: {e}") from e


def _from_html(path: Path, html: str) -> tuple[str, str | None, str | None, str | None, str | None]:
    import trafilatura
    from htmldate import find_date

    body = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not body or len(body.split()) < _MIN_WORDS:
        words = len(body.split()) if body else 0
        raise IngestError(
            f"{path}: the HTML page holds no article text (found {words} words of body text)"
        )
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    url = meta.url if meta is not None else None
    publisher = meta.sitename if meta is not None else None
    date = find_date(html, extensive_search=False, original_date=True)
    return body.strip() + "\n", title, url, publisher, date


def read_article(
    path: Path | str,
    *,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Article:
    """Read ``path``: a saved HTML page (its article is extracted) or plain text (all of it).

    The options given override what the page says. Raises :class:`IngestError`
    with one line for an empty, binary or non-UTF-8 file, a page without an
    article, and a publication date that is not an EDTF day, month or year.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d, "a.txt")
    ...     _ = p.write_text("Seoul said Monday it hopes for talks.\\n")
    ...     read_article(p, published="2019-07-01").published
    PartialDate('2019-07-01')
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise IngestError(f"{p}: cannot be read: {e.strerror or e}") from e
    if not raw.strip():
        raise IngestError(f"{p}: the file is empty")
    if b"\x00" in raw:
        raise IngestError(f"{p}: a binary file, not text or HTML")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise IngestError(
            f"{p}: not UTF-8 text (byte {e.start}); convert it, e.g. iconv -t UTF-8"
        ) from e
    given = _date_from(published, "--published")
    if _looks_like_html(p, text):
        body, page_title, page_url, page_publisher, page_date = _from_html(p, text)
        data = body.encode("utf-8")
        name = p.stem + ".txt"
        found = _date_from(page_date, str(p))
        return Article(
            body,
            data,
            name,
            title or page_title,
            given or found,
            url or page_url,
            publisher or page_publisher,
        )
    return Article(text, raw, p.name, title, given, url, publisher)
