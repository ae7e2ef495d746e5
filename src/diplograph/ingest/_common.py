"""What the ingest stages hand each other: mentions, drafts and the error they raise."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .._relative import ResolvedDate
from ..dates import PartialDate, When
from ..errors import DiplographError

__all__ = [
    "ActorDraft",
    "DateMention",
    "EventDraft",
    "IngestError",
    "PositionDraft",
    "QuoteDraft",
    "slug",
]


class IngestError(DiplographError):
    """An article cannot be ingested: unreadable, empty, without an article, or undated."""


def sentence(token: Any) -> Any:
    """``token.sent``, from sentence bounds read once per document (``token.sent`` walks the
    whole document on every call, which made long articles slow)."""
    doc = token.doc
    sents = doc.user_data.get("diplograph_sents")
    if sents is None:
        sents = doc.user_data["diplograph_sents"] = list(doc.sents)
        doc.user_data["diplograph_starts"] = [s.start for s in sents]
    return sents[bisect_right(doc.user_data["diplograph_starts"], token.i) - 1]


_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "đ": "d"}
    | {"Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)


def slug(text: str, limit: int = 60) -> str:
    """A record id made from words.

    Accents are dropped and letters with no accent to drop are spelled in Latin letters
    ("Børge Brende", "Recep Tayyip Erdoğan").

    >>> slug("Unification Ministry spokesman Lee Sang-min")
    'unification-ministry-spokesman-lee-sang-min'
    >>> slug("Børge Brende"), slug("Recep Tayyip Erdoğan")
    ('borge-brende', 'recep-tayyip-erdogan')
    """
    plain = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    ascii_text = plain.encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return (words[:limit].rstrip("-") or "x").lstrip("._-") or "x"


@dataclass
class PositionDraft:
    """A post read from a title or an apposition ("Lee Sang-min, a spokesman of ...")."""

    post: str
    organization: str | None
    start: int
    end: int


@dataclass
class ActorDraft:
    """An actor named in the text: an existing one of the graph, or a proposed new one."""

    id: str
    name: str
    kind: str
    existing: bool
    rule: str
    confidence: float
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    positions: list[PositionDraft] = field(default_factory=list)
    country: str | None = None


@dataclass
class DateMention:
    """A temporal expression at ``start:end`` and what it resolves to."""

    start: int
    end: int
    resolved: ResolvedDate

    @property
    def value(self) -> When:
        """The resolved date."""
        return self.resolved.value


@dataclass
class QuoteDraft:
    """A statement: the words at ``start:end``, who said them, how and when."""

    start: int
    end: int
    mode: str
    speaker: ActorDraft | None
    rule: str
    confidence: float
    channel: ActorDraft | None = None
    date: When | None = None
    date_note: str | None = None
    sentence: tuple[int, int] = (0, 0)
    events: list[str] = field(default_factory=list)
    verb: int | None = None


@dataclass
class EventDraft:
    """A real-world event named once or more in the text, linked or proposed."""

    type: str
    family: str
    mentions: list[tuple[int, int]]
    date: When | None
    place: str | None
    participants: set[str]
    link: str | None
    rule: str
    confidence: float
    label: str = ""
    id: str = ""
    date_note: str | None = None
    reference: PartialDate | None = None
    #: the mention's clause is in the past tense ("where the summit was held")
    past: bool = False
