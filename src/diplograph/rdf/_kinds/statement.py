"""The RDF of a statement: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from typing import Any

from ...model import (
    Statement,
    StatementMode,
)
from .._dates import when
from .._out import PLAIN, Out, evidence, language, links
from .._read import Reader, read_language
from ..terms import (
    ID,
    MODES,
    A,
    DG_aboutActor,
    DG_aboutActorOrder,
    DG_aboutEvent,
    DG_aboutEventOrder,
    DG_channel,
    DG_mode,
    DG_speaker,
    DG_Statement,
    DG_text,
    Term,
)
from ..vocab import (
    MODE,
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
    language(out, s, r.language)
    evidence(out, s, r.evidence)
    return s


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
        "language": read_language(rd, s),
        "evidence": rd.evidence(s),
    }
    return rd.build(Statement, s, fields)  # type: ignore[no-any-return]
