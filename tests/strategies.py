"""Hypothesis strategies for records and whole knowledge graphs.

``knowledge_graphs()`` draws valid graphs with referential integrity: every id
a record names exists, ``part_of`` chains do not loop, and evidence offsets
match their quotes. Dates cover every precision, uncertain and approximate
dates and intervals (open ones too); texts include non-Latin scripts, quote
marks, backslashes and newlines; optional fields are often absent or empty.
"""

from __future__ import annotations

import calendar
from typing import Any

from hypothesis import strategies as st

from diplograph.dates import DateSpan, PartialDate, When
from diplograph.kg import KnowledgeGraph
from diplograph.model import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Evidence,
    Participant,
    Place,
    Position,
    Report,
    Role,
    Source,
    SourceKind,
    Statement,
    StatementMode,
    Topic,
)

__all__ = [
    "dates",
    "evidences",
    "ids",
    "knowledge_graphs",
    "partial_dates",
    "reports",
    "texts",
]

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)
"""Record ids (the model's pattern, kept short)."""

_TRICKY = st.sampled_from(
    [
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "\n",
        "\r\n",
        "\t",
        "\\",
        '"""',
        "'''",
        "<",
        ">",
        "&",
        "@",
        "#",
        "{",
        "}",
        " ",
        "김정은",
        "金正恩",
        "Ким",
        "\u00e9",
        "e\u0301",
        "😀",
    ]
)

texts = st.lists(st.one_of(_TRICKY, st.text(min_size=1, max_size=8)), min_size=1, max_size=5).map(
    "".join
)
"""Non-empty text with quote marks, newlines, backslashes and other scripts mixed in."""

optional_texts = st.one_of(st.none(), st.just(""), texts)
"""Absent, empty or tricky text, for optional fields."""


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """A date of year, month or day precision, sometimes uncertain or approximate."""
    year = draw(st.integers(1, 9999))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    day = None
    if month is not None and draw(st.booleans()):
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    uncertain = draw(st.booleans())
    approximate = draw(st.booleans())
    return PartialDate(year, month, day, uncertain=uncertain, approximate=approximate)


@st.composite
def _spans(draw: st.DrawFn) -> DateSpan:
    a = draw(st.one_of(st.none(), partial_dates()))
    b = draw(st.one_of(st.none(), partial_dates()) if a is not None else partial_dates())
    if a is not None and b is not None and b.latest < a.earliest:
        a, b = b, a
        if b.latest < a.earliest:  # overlapping precisions can still disagree
            b = None
    return DateSpan(a, b)


dates: st.SearchStrategy[When] = st.one_of(partial_dates(), _spans())
"""Any date the model accepts: a partial date or an interval (open ends allowed)."""


@st.composite
def evidences(draw: st.DrawFn, sources: list[str]) -> Evidence:
    """Evidence citing one of ``sources``, with or without a quote and offsets."""
    source = draw(st.sampled_from(sources))
    quote = draw(st.one_of(st.none(), texts))
    fields: dict[str, Any] = {"source": source, "quote": quote}
    if quote is not None:
        if draw(st.booleans()):
            start = draw(st.integers(0, 10_000))
            fields.update(start=start, end=start + len(quote))
        fields["prefix"] = draw(optional_texts)
        fields["suffix"] = draw(optional_texts)
    fields["note"] = draw(optional_texts)
    fields["confidence"] = draw(
        st.one_of(st.none(), st.sampled_from([0.0, 1.0]), st.floats(0, 1, allow_nan=False))
    )
    fields["draft"] = draw(st.sampled_from([None, True]))
    return Evidence(**fields)


_wikidata = st.one_of(st.none(), st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True))


def _some(draw: st.DrawFn, pool: list[str], max_size: int = 3) -> tuple[str, ...]:
    if not pool:
        return ()
    return tuple(draw(st.lists(st.sampled_from(pool), max_size=max_size, unique=True)))


def _maybe(draw: st.DrawFn, pool: list[str]) -> str | None:
    if not pool:
        return None
    return draw(st.one_of(st.none(), st.sampled_from(pool)))


@st.composite
def knowledge_graphs(
    draw: st.DrawFn,
    *,
    max_sources: int = 3,
    max_actors: int = 4,
    max_places: int = 3,
    max_events: int = 4,
    max_statements: int = 3,
    max_reports: int = 3,
) -> KnowledgeGraph:
    """A valid knowledge graph: no dangling ids, no ``part_of`` loops.

    Ids may repeat across kinds (an actor and a place both called ``x``), as
    the model allows.
    """
    pool = draw(st.lists(ids, min_size=1, max_size=12, unique=True))

    def pick(n_max: int, min_size: int = 0) -> list[str]:
        return draw(st.lists(st.sampled_from(pool), min_size=min_size, max_size=n_max, unique=True))

    source_ids = pick(max_sources, min_size=1)
    actor_ids = pick(max_actors, min_size=1)
    place_ids = pick(max_places)
    event_ids = pick(max_events)
    statement_ids = pick(max_statements)
    report_ids = pick(max_reports)

    def evs(min_size: int = 0) -> tuple[Evidence, ...]:
        return tuple(draw(st.lists(evidences(source_ids), min_size=min_size, max_size=3)))

    kg = KnowledgeGraph()
    for sid in source_ids:
        kg.add(
            Source(
                id=sid,
                title=draw(texts),
                kind=draw(st.sampled_from(SourceKind)),
                publisher=draw(optional_texts),
                url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=1&c=%E2%80%93"))),
                published=draw(st.one_of(st.none(), dates)),
                retrieved=draw(st.one_of(st.none(), dates)),
                language=draw(st.one_of(st.none(), st.sampled_from(["en", "ko", "zh-Hans", ""]))),
                file=draw(optional_texts),
                sha256=draw(st.one_of(st.none(), st.from_regex(r"[0-9a-f]{64}", fullmatch=True))),
                reliability=draw(st.one_of(st.none(), st.sampled_from("ABCDEF"))),
                credibility=draw(st.one_of(st.none(), st.integers(1, 6))),
                note=draw(optional_texts),
            )
        )
    for aid in actor_ids:
        positions = []
        for _ in range(draw(st.integers(0, 2))):
            start = draw(st.one_of(st.none(), dates))
            end = draw(st.one_of(st.none(), dates))
            if start is not None and end is not None and end.latest < start.earliest:
                start, end = end, start
                if end.latest < start.earliest:
                    end = None
            positions.append(
                Position(
                    post=draw(texts),
                    organization=_maybe(draw, actor_ids),
                    start=start,
                    end=end,
                    evidence=evs(),
                )
            )
        kg.add(
            Actor(
                id=aid,
                kind=draw(st.sampled_from(ActorKind)),
                name=draw(texts),
                aliases=tuple(draw(st.lists(texts, max_size=3, unique=True))),
                wikidata=draw(_wikidata),
                country=_maybe(draw, actor_ids),
                positions=tuple(positions),
                description=draw(optional_texts),
                evidence=evs(),
            )
        )
    for i, pid in enumerate(place_ids):
        kg.add(
            Place(
                id=pid,
                name=draw(texts),
                aliases=tuple(draw(st.lists(texts, max_size=2, unique=True))),
                country=_maybe(draw, actor_ids),
                part_of=_maybe(draw, place_ids[:i]),  # earlier places only: no loops
                lat=draw(st.one_of(st.none(), st.floats(-90, 90, allow_nan=False))),
                long=draw(st.one_of(st.none(), st.floats(-180, 180, allow_nan=False))),
                wikidata=draw(_wikidata),
                evidence=evs(),
            )
        )
    for i, eid in enumerate(event_ids):
        kg.add(
            Event(
                id=eid,
                label=draw(texts),
                type=draw(st.sampled_from(EventType)),
                time=draw(dates),
                place=_maybe(draw, place_ids),
                participants=tuple(
                    Participant(actor=a, role=draw(st.sampled_from(Role)))
                    for a in _some(draw, actor_ids, 4)
                ),
                part_of=_maybe(draw, event_ids[:i]),  # earlier events only: no loops
                follows=_some(draw, event_ids),
                leads_to=_some(draw, event_ids),
                outcome=draw(optional_texts),
                description=draw(optional_texts),
                wikidata=draw(_wikidata),
                evidence=evs(),
            )
        )
    for sid in statement_ids:
        joint = _some(draw, actor_ids, 3)  # one speaker of several, or a single one
        kg.add(
            Statement(
                id=sid,
                speaker=draw(st.sampled_from(joint)) if joint else draw(st.sampled_from(actor_ids)),
                speakers=joint if len(joint) > 1 else (),
                date=draw(dates),
                text=draw(texts),
                mode=draw(st.sampled_from(StatementMode)),
                about_events=_some(draw, event_ids),
                about_actors=_some(draw, actor_ids),
                about_places=_some(draw, place_ids),
                about_topics=tuple(draw(st.lists(st.sampled_from(Topic), max_size=3, unique=True))),
                said_at=_maybe(draw, event_ids),
                channel=_maybe(draw, actor_ids),
                language=draw(st.one_of(st.none(), st.sampled_from(["en", "ko", ""]))),
                evidence=evs(min_size=1),
            )
        )
    for rid in report_ids:
        kg.add(draw(reports(rid, source_ids, actor_ids, event_ids)))
    return kg


_numbers = st.floats(allow_nan=False, allow_infinity=False, width=32)


@st.composite
def reports(
    draw: st.DrawFn, rid: str, sources: list[str], actors: list[str], events: list[str]
) -> Report:
    """A report of one of ``sources``, perhaps of one of ``events``, naming some ``actors``."""
    actor = st.one_of(st.none(), st.sampled_from(actors))
    return Report(
        id=rid,
        source=draw(st.sampled_from(sources)),
        event=_maybe(draw, events) if events else None,
        date=draw(dates),
        type=draw(st.one_of(st.none(), st.sampled_from(EventType))),
        cameo=draw(
            st.one_of(st.none(), st.from_regex(r"(0[1-9]|1[0-9]|20)[0-9]{0,2}", fullmatch=True))
        ),
        plover=draw(st.one_of(st.none(), st.sampled_from(["CONSULT", "AGREE", "THREATEN"]))),
        source_actor=draw(actor),
        target_actor=draw(actor),
        actors=_some(draw, actors),
        source_name=draw(st.one_of(st.none(), texts)),
        target_name=draw(st.one_of(st.none(), texts)),
        place=draw(st.one_of(st.none(), texts)),
        lat=draw(st.one_of(st.none(), st.floats(-90, 90, allow_nan=False))),
        long=draw(st.one_of(st.none(), st.floats(-180, 180, allow_nan=False))),
        goldstein=draw(st.one_of(st.none(), st.floats(-10, 10, allow_nan=False))),
        intensity=draw(st.one_of(st.none(), _numbers)),
        quad_class=draw(st.one_of(st.none(), st.integers(1, 4))),
        text=draw(st.one_of(st.none(), texts)),
        file=draw(texts),
        row=draw(st.integers(1, 10**7)),
        evidence=tuple(draw(st.lists(evidences(sources), max_size=2))),
    )
