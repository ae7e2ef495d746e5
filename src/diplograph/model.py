"""The records: actors, places, events, statements, sources and the evidence tying them together.

These pydantic models are the schema and the only door into a knowledge graph.
Each is frozen (so it hashes and can be a graph node) and forbids unknown
fields, so a misspelt key in a data file is an error, not a silent loss.

Examples
--------
>>> from diplograph.model import Event, Participant
>>> ev = Event(
...     id="singapore-summit",
...     label="Singapore summit",
...     type="summit",
...     time="2018-06-12",
...     participants=[Participant(actor="trump", role="attendee")],
... )
>>> ev.time.precision.name
'DAY'
>>> Event(id="x", label="x", type="picnic", time="2019")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Event
type
  Input should be ...
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .controlled import (
    MEETING_TYPES,
    PRINCIPAL_ROLES,
    ActorKind,
    EventType,
    Role,
    SourceKind,
    StatementMode,
    Topic,
)
from .dates import DateSpan, PartialDate, When, parse_date

__all__ = [
    "MEETING_TYPES",
    "PRINCIPAL_ROLES",
    "RECORD_KINDS",
    "Actor",
    "ActorKind",
    "CameoCode",
    "Date",
    "Event",
    "EventType",
    "Evidence",
    "Id",
    "Participant",
    "Place",
    "Position",
    "Record",
    "Report",
    "Role",
    "Source",
    "SourceKind",
    "Statement",
    "StatementMode",
    "Topic",
]


def _parse(value: Any) -> When:
    return parse_date(value)


Date = Annotated[
    PartialDate | DateSpan,
    BeforeValidator(_parse),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": "EDTF date, e.g. 2019, 2019-06, 2019-06-30?"}),
]
"""An EDTF date of year, month or day precision, possibly uncertain, or an interval."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=200),
    Field(description="a record id: lower-case letters, digits, '.', '_' and '-'"),
]
"""A record id, e.g. ``kim-jong-un`` or ``summit-2018-06-12-singapore``."""

Text = Annotated[str, StringConstraints(min_length=1)]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Evidence(_Record):
    """The words in a source that a fact rests on (a Web Annotation text quote and position).

    ``start`` and ``end`` count Unicode code points into the source text, ``end``
    excluded, so ``text[start:end] == quote``.
    """

    source: Annotated[Id, Field(description="id of the source record")]
    quote: Annotated[
        Text | None,
        Field(default=None, description="the exact words quoted; none cites the whole source"),
    ]
    start: Annotated[int | None, Field(default=None, ge=0, description="offset of the quote")]
    end: Annotated[int | None, Field(default=None, ge=0, description="offset after the quote")]
    prefix: Annotated[str | None, Field(default=None, description="text just before the quote")]
    suffix: Annotated[str | None, Field(default=None, description="text just after the quote")]
    note: Annotated[
        str | None,
        Field(default=None, description="how the quote was read, e.g. 'Monday' resolved to a day"),
    ]
    confidence: Annotated[
        float | None,
        Field(default=None, ge=0, le=1, description="how sure the reading is, 0 to 1 (ingest)"),
    ]
    draft: Annotated[
        bool | None,
        Field(
            default=None,
            description="true: read from the text by a program (ingest), reviewed by no one yet; "
            "false is kept as absent",
        ),
    ]

    @field_validator("draft")
    @classmethod
    def _draft_or_absent(cls, value: bool | None) -> bool | None:
        return True if value else None

    @model_validator(mode="after")
    def _offsets_fit(self) -> Evidence:
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end go together: give both offsets or neither")
        if self.start is not None and self.end is not None:
            if self.quote is None:
                raise ValueError("offsets need the quote they point at")
            if self.end <= self.start:
                raise ValueError(
                    f"end must be after start (got start={self.start}, end={self.end})"
                )
            if self.end - self.start != len(self.quote):
                raise ValueError(
                    f"end - start must equal the length of the quote, {len(self.quote)} "
                    f"(got {self.end - self.start})"
                )
        return self


Evidences = Annotated[tuple[Evidence, ...], Field(default=(), description="what this rests on")]


class Source(_Record):
    """A document facts are drawn from, with an optional Admiralty grading."""

    id: Id
    title: Text
    kind: SourceKind = SourceKind.NEWS_ARTICLE
    publisher: str | None = None
    url: str | None = None
    published: Date | None = None
    retrieved: Annotated[
        Date | None, Field(default=None, description="when the copy at hand was captured")
    ]
    language: str | None = None
    file: Annotated[
        str | None, Field(default=None, description="file name of the text in a --texts folder")
    ]
    sha256: Annotated[
        str | None,
        StringConstraints(pattern=r"^[0-9a-f]{64}$"),
        Field(default=None, description="SHA-256 of the source text, to find and check it"),
    ]
    reliability: Annotated[
        Literal["A", "B", "C", "D", "E", "F"] | None,
        Field(default=None, description="Admiralty source reliability, A (reliable) to F"),
    ]
    credibility: Annotated[
        int | None,
        Field(default=None, ge=1, le=6, description="Admiralty information credibility, 1 to 6"),
    ]
    note: str | None = None


class Position(_Record):
    """A post an actor held, e.g. spokesman of the Unification Ministry."""

    post: Text
    organization: Annotated[Id | None, Field(default=None, description="actor id of the body")]
    start: Date | None = None
    end: Date | None = None
    evidence: Evidences

    @model_validator(mode="after")
    def _ordered(self) -> Position:
        if (
            self.start is not None
            and self.end is not None
            and self.end.latest < self.start.earliest
        ):
            raise ValueError(f"end before start (got start={self.start}, end={self.end})")
        return self


class Actor(_Record):
    """A person, state, organization, government body or news medium."""

    id: Id
    kind: ActorKind
    name: Text
    aliases: tuple[Text, ...] = ()
    wikidata: Annotated[str | None, StringConstraints(pattern=r"^Q[1-9]\d*$")] = None
    country: Annotated[Id | None, Field(default=None, description="actor id of the state")]
    positions: tuple[Position, ...] = ()
    description: str | None = None
    evidence: Evidences


class Place(_Record):
    """A place where events happen, by its name and any other spelling (``aliases``)."""

    id: Id
    name: Text
    aliases: Annotated[
        tuple[Text, ...], Field(default=(), description="other names, e.g. Nyongbyon for Yongbyon")
    ]
    country: Annotated[Id | None, Field(default=None, description="actor id of the state")]
    part_of: Annotated[Id | None, Field(default=None, description="id of the enclosing place")]
    lat: Annotated[float | None, Field(default=None, ge=-90, le=90)]
    long: Annotated[float | None, Field(default=None, ge=-180, le=180)]
    wikidata: Annotated[str | None, StringConstraints(pattern=r"^Q[1-9]\d*$")] = None
    evidence: Evidences


class Participant(_Record):
    """An actor taking part in an event, in a role."""

    actor: Id
    role: Role = Role.ATTENDEE


class Event(_Record):
    """Something that happened at a time, perhaps at a place, with participants in roles."""

    id: Id
    label: Text
    type: EventType
    time: Date
    place: Annotated[Id | None, Field(default=None, description="id of the place")]
    participants: tuple[Participant, ...] = ()
    part_of: Annotated[Id | None, Field(default=None, description="id of the enclosing event")]
    follows: Annotated[tuple[Id, ...], Field(default=(), description="ids of events before it")]
    leads_to: Annotated[tuple[Id, ...], Field(default=(), description="ids of events it led to")]
    outcome: str | None = None
    description: str | None = None
    wikidata: Annotated[str | None, StringConstraints(pattern=r"^Q[1-9]\d*$")] = None
    evidence: Evidences

    @model_validator(mode="after")
    def _one_role_each(self) -> Event:
        seen: set[str] = set()
        for p in self.participants:
            if p.actor in seen:
                raise ValueError(f"actor {p.actor!r} is listed twice among the participants")
            seen.add(p.actor)
        return self


class Statement(_Record):
    """Something said, by whom, with the words, how they reach us, and where it is written.

    One speaker is ``speaker``; words spoken jointly (a joint statement, "the
    two leaders said") list every speaker in ``speakers``, and ``speaker`` is
    then the first of them (given or not). ``speakers: [a]`` is ``speaker: a``.

    >>> ev = [Evidence(source="s", quote="hi")]
    >>> st = Statement(id="j", speakers=["moon", "kim"], date="2018-04-27", text="hi", evidence=ev)
    >>> st.speaker, st.speakers, st.said_by
    ('moon', ('moon', 'kim'), ('moon', 'kim'))
    >>> Statement(id="k", speakers=["kim"], date="2018", text="hi", evidence=ev).speakers
    ()
    """

    id: Id
    speaker: Annotated[Id, Field(description="actor id of who spoke (the first, when several)")]
    speakers: Annotated[
        tuple[Id, ...], Field(description="actor ids of everyone who spoke the words jointly")
    ] = ()
    date: Date
    text: Annotated[Text, Field(description="the words: a quote, a paraphrase or a report")]
    mode: StatementMode = StatementMode.DIRECT_QUOTE
    about_events: tuple[Id, ...] = ()
    about_actors: tuple[Id, ...] = ()
    about_places: Annotated[
        tuple[Id, ...], Field(description="ids of the places the words are about")
    ] = ()
    about_topics: Annotated[tuple[Topic, ...], Field(description="issues the words are about")] = ()
    said_at: Annotated[
        Id | None, Field(description="id of the event where the words were said")
    ] = None
    channel: Annotated[
        Id | None, Field(default=None, description="actor id of the medium, e.g. a news agency")
    ]
    language: str | None = None
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]

    @model_validator(mode="before")
    @classmethod
    def _one_or_several(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "speakers" not in data:
            return data
        speakers = data["speakers"]
        if not isinstance(speakers, list | tuple) or not speakers:
            return data  # the field's own check says what is wrong
        out = dict(data)
        if out.get("speaker") is None:
            out["speaker"] = speakers[0]
        elif out["speaker"] not in speakers:
            raise ValueError(
                f"speaker must be one of the speakers (got speaker={out['speaker']!r}, "
                f"speakers={list(speakers)!r})"
            )
        if len(speakers) == 1:
            out["speakers"] = ()
        return out

    @model_validator(mode="after")
    def _speakers_once(self) -> Statement:
        if len(set(self.speakers)) != len(self.speakers):
            raise ValueError(f"a speaker is listed twice (got {list(self.speakers)!r})")
        return self

    @property
    def said_by(self) -> tuple[str, ...]:
        """Every actor who spoke the words: ``speakers``, else the one ``speaker``."""
        return self.speakers or (self.speaker,)


CameoCode = Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")]
"""A CAMEO event code: a root 01 to 20, then up to two more digits."""


class Report(_Record):
    """One source's account of an event, read from one row of a file (SEM's view).

    Events are what the graph believes; reports are what each source said.

    >>> r = Report(id="csis-neg-1", source="csis", date="2018-06", type="talks",
    ...     file="negotiations.csv", row=6)
    >>> str(r.date), r.date.precision.name
    ('2018-06', 'MONTH')
    """

    id: Annotated[Id, Field(description="stable id made from the source's own row id")]
    source: Annotated[Id, Field(description="id of the source record that gives this account")]
    event: Annotated[Id | None, Field(description="id of the event it describes, once linked")] = (
        None
    )
    date: Annotated[Date, Field(description="the date the source gives, at its precision")]
    type: Annotated[EventType | None, Field(description="the event type")] = None
    cameo: Annotated[CameoCode | None, Field(description="CAMEO event code")] = None
    plover: Annotated[
        str | None,
        StringConstraints(pattern=r"^[A-Z_]+$"),
        Field(description="PLOVER event category, e.g. CONSULT"),
    ] = None
    source_actor: Annotated[Id | None, Field(description="actor id of the doer")] = None
    target_actor: Annotated[Id | None, Field(description="actor id of the target")] = None
    source_name: Annotated[str | None, Field(description="the doer as written")] = None
    target_name: Annotated[str | None, Field(description="the target as written")] = None
    actors: Annotated[
        tuple[Id, ...], Field(description="other actors the row names as taking part")
    ] = ()
    place: Annotated[str | None, Field(description="the place as written")] = None
    lat: Annotated[float | None, Field(ge=-90, le=90)] = None
    long: Annotated[float | None, Field(ge=-180, le=180)] = None
    goldstein: Annotated[
        float | None, Field(ge=-10, le=10, description="Goldstein scale value")
    ] = None
    intensity: Annotated[float | None, Field(description="ICEWS intensity")] = None
    quad_class: Annotated[int | None, Field(ge=1, le=4, description="CAMEO quad class, 1 to 4")] = (
        None
    )
    text: Annotated[str | None, Field(description="the row's description")] = None
    file: Annotated[str, Field(description="name of the file the row was read from")]
    row: Annotated[int, Field(ge=1, description="line (or record) number in that file")]
    evidence: Annotated[
        tuple[Evidence, ...], Field(description="the cells this rests on, verbatim")
    ] = ()

    def principals(self) -> tuple[str, ...]:
        """The actor ids the report names, doer and target first.

        >>> Report(id="r", source="s", date="2018", source_actor="a", target_actor="b",
        ...     actors=("c", "a"), file="f", row=1).principals()
        ('a', 'b', 'c')
        """
        seen: dict[str, None] = {}
        for a in (self.source_actor, self.target_actor, *self.actors):
            if a is not None:
                seen[a] = None
        return tuple(seen)


Record = Actor | Place | Event | Statement | Source | Report

RECORD_KINDS: dict[str, type[Actor | Place | Event | Statement | Source | Report]] = {
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "events": Event,
    "statements": Statement,
    "reports": Report,
}
"""Record kinds by the key that lists them in a data file, in dependency order."""
