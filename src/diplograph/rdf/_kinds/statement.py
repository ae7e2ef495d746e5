"""The RDF of a statement: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from typing import Any

from pyoxigraph import NamedNode

from ...errors import RDFError
from ...model import (
    Statement,
    StatementMode,
    Topic,
)
from .._dates import when
from .._out import PLAIN, Out, evidence, language, links, seq
from .._read import Reader, read_language, show
from ..terms import (
    ID,
    MODES,
    TOPICS,
    A,
    DG_aboutActor,
    DG_aboutActorOrder,
    DG_aboutEvent,
    DG_aboutEventOrder,
    DG_aboutPlace,
    DG_aboutPlaceOrder,
    DG_aboutTopic,
    DG_aboutTopicOrder,
    DG_channel,
    DG_jointSpeaker,
    DG_jointSpeakerOrder,
    DG_mode,
    DG_saidAt,
    DG_speaker,
    DG_Statement,
    DG_text,
    Term,
)
from ..vocab import (
    MODE,
    TOPIC,
)

__all__ = ["read", "write"]


def write(out: Out, r: Statement) -> str:
    s = out.node("statement", r.id)
    out.add(s, A, DG_Statement)
    out.add(s, ID, (r.id, PLAIN))
    out.add(s, DG_speaker, out.node("actor", r.speaker))
    when(out, s, r.date)
    out.add(s, DG_text, (r.text, PLAIN))
    out.add(s, DG_mode, MODES[r.mode])
    links(out, s, DG_aboutEvent, DG_aboutEventOrder, "about_events", "event", r.about_events)
    links(out, s, DG_aboutActor, DG_aboutActorOrder, "about_actors", "actor", r.about_actors)
    if r.channel is not None:
        out.add(s, DG_channel, out.node("actor", r.channel))
    _additions(out, s, r)
    language(out, s, r.language)
    evidence(out, s, r.evidence)
    return s


def _additions(out: Out, s: str, r: Statement) -> None:
    """Joint speakers, places and topics the words are about, and where they were said."""
    links(out, s, DG_jointSpeaker, DG_jointSpeakerOrder, "speakers", "actor", r.speakers)
    links(out, s, DG_aboutPlace, DG_aboutPlaceOrder, "about_places", "place", r.about_places)
    topics: list[str] = [TOPICS[t] for t in r.about_topics]
    for topic in topics:
        out.once(s, DG_aboutTopic, topic)
    seq(out, s, DG_aboutTopicOrder, "about_topics", list(topics))
    if r.said_at is not None:
        out.add(s, DG_saidAt, out.node("event", r.said_at))


def _topics(rd: Reader, s: Term) -> tuple[Topic, ...]:
    nodes = rd.ix.all(s, DG_aboutTopic)
    order = rd.seq(s, DG_aboutTopicOrder)
    if order is not None and set(order) == set(nodes):
        nodes = order
    known = {iri: topic for topic, iri in TOPICS.items()}
    out = []
    for node in nodes:
        if not isinstance(node, NamedNode) or node.value not in known:
            allowed = ", ".join(f"<{TOPIC}{t.value}>" for t in Topic)
            raise RDFError(f"{show(s)}: dg:aboutTopic must be one of {allowed} (got {show(node)})")
        out.append(known[node.value])
    return tuple(out)


def read(rd: Reader, s: Term) -> Statement:
    ix = rd.ix
    fields: dict[str, Any] = {
        "id": rd.ids[s],
        "speaker": rd.ref(s, ix.one(s, DG_speaker, required="who spoke"), DG_speaker),
        "date": rd.when(s, "the statement's date"),
        "text": ix.text(s, DG_text, required="the words"),
        "mode": None
        if ix.one(s, DG_mode) is None
        else rd.concept(s, DG_mode, MODE, StatementMode, "the mode"),
        "about_events": rd.refs(s, DG_aboutEvent, DG_aboutEventOrder),
        "about_actors": rd.refs(s, DG_aboutActor, DG_aboutActorOrder),
        "channel": rd.ref(s, ix.one(s, DG_channel), DG_channel),
        "speakers": rd.refs(s, DG_jointSpeaker, DG_jointSpeakerOrder),
        "about_places": rd.refs(s, DG_aboutPlace, DG_aboutPlaceOrder),
        "about_topics": _topics(rd, s),
        "said_at": rd.ref(s, ix.one(s, DG_saidAt), DG_saidAt),
        "language": read_language(rd, s),
        "evidence": rd.evidence(s),
    }
    return rd.build(Statement, s, fields)  # type: ignore[no-any-return]
