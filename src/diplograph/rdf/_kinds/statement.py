"""The RDF of a statement: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from collections.abc import Callable
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
from .._text import quoted
from .._turtle import END, Direct, grouped
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

__all__ = ["read", "turtle", "write"]


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


def turtle(d: Direct) -> Callable[[Statement], str]:
    """A function writing a statement's Turtle straight from the record: what ``d.text.turtle``
    makes of :func:`write`'s triples, byte for byte (the tests hold the two equal)."""
    p, ref, name, dates, base = d.p, d.ref, d.name, d.dates, d.base
    head = f" {d.text.verb(A)} {name(DG_Statement)}{p(ID)}"
    speaker, said, mode, about = p(DG_speaker), p(DG_text), p(DG_mode), p(DG_aboutEvent)
    modes = {k: name(iri) for k, iri in MODES.items()}
    link, ev_node, evidence = d.words["evidence"], d.node, d.evidence

    def write(r: Statement) -> str:
        f = r.__dict__  # the fields: a model's attributes are slower to read one by one
        rid = f["id"]
        me = f"statement:{rid}" if rid[-1] != "." else ref("statement", rid)
        text = (
            f"{me}{head}{quoted(rid)}{speaker}{ref('actor', f['speaker'])}{dates(f['date'])}"
            f"{said}{quoted(f['text'])}{mode}{modes[f['mode']]}"
        )
        later = ""
        if (
            len(f["about_events"]) > 1 or f["about_actors"] or f["channel"] is not None
            or f["speakers"] or f["about_places"] or f["about_topics"]
            or f["said_at"] is not None or f["language"] is not None
        ):  # fmt: skip
            more, later = _rare(d, me, r)
            text += more
        elif f["about_events"]:
            text += f"{about}{ref('event', f['about_events'][0])}"
        items = f["evidence"]
        if len(items) == 1 and me[0] != "<":  # the common case, without lists
            node = f"{me}\\#evidence-1"
            return f"{text}{link}{node}{END}{later}{ev_node(node, items[0])}"
        links, nodes = evidence(me, f"{base}statement/{rid}", items)
        return f"{text}{links}{END}{later}{grouped(nodes)}"

    return write


def _rare(d: Direct, me: str, r: Statement) -> tuple[str, str]:
    """The predicate-object lines of a statement's links, in :func:`write`'s order, and the
    statements of their nodes."""
    s, ref = f"{d.base}statement/{r.id}", d.ref
    lines, later = [], []
    for p, order, fragment, kind, ids in (
        (DG_aboutEvent, DG_aboutEventOrder, "about_events", "event", r.about_events),
        (DG_aboutActor, DG_aboutActorOrder, "about_actors", "actor", r.about_actors),
        (DG_channel, "", "", "actor", (r.channel,) if r.channel is not None else ()),
        (DG_jointSpeaker, DG_jointSpeakerOrder, "speakers", "actor", r.speakers),
        (DG_aboutPlace, DG_aboutPlaceOrder, "about_places", "place", r.about_places),
    ):
        line, seq = d.links(me, s, p, order, fragment, [ref(kind, i) for i in ids])
        lines.append(line)
        later.append(seq)
    topics = [d.name(TOPICS[t]) for t in r.about_topics]
    line, seq = d.links(me, s, DG_aboutTopic, DG_aboutTopicOrder, "about_topics", topics)
    lines.append(line)
    later.append(seq)
    if r.said_at is not None:
        lines.append(f"{d.p(DG_saidAt)}{ref('event', r.said_at)}")
    line, node = d.language(me, s, r.language)
    return "".join(lines) + line, "".join(later) + node


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
