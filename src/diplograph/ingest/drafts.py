"""Draft records from what the pipeline read, and the drafts folder they are written to.

The folder is an ordinary data folder (``validate`` accepts it, ``--texts``
checks its evidence against the article copied beside the records): new
records are drafts; records of the graph that the drafts name are copied in,
with the new evidence added, so the folder stands alone. Every piece of
evidence ingest reads is marked in the record itself: ``draft: true`` (read by
the program, reviewed by no one) and its ``confidence``, 0 to 1, which RDF
keeps as ``dg:draft`` and ``dg:confidence``. ``ingest.json`` beside the records
says which records are new and the rule that made each, and ``review.md`` is
the same for a person to read.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from ..dates import DateSpan, PartialDate
from ..kg import KnowledgeGraph, normalize_name
from ..load import dump
from ..model import Actor, Event, Evidence, Participant, Position, Record, Source, Statement
from ._common import ActorDraft, IngestError, slug
from .pipeline import Analysis

__all__ = ["Drafts", "build_drafts", "write_drafts"]

_CONTEXT = 20


@dataclass
class Drafts:
    """The records to write and, for each draft, what the review shows."""

    kg: KnowledgeGraph
    texts: dict[str, bytes]
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    unattributed: list[dict[str, Any]] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)
    known: list[dict[str, Any]] = field(default_factory=list)
    """Statements the graph already holds, cited from the same words of the same source."""


def _shown(e: Evidence, texts: dict[str, str]) -> dict[str, Any]:
    shown: dict[str, Any] = {"source": e.source, "quote": e.quote, "start": e.start, "end": e.end}
    if e.confidence is not None:
        shown["confidence"] = e.confidence
    text = texts.get(e.source)
    if text is not None and e.start is not None and e.end is not None:
        shown["context"] = _context(text, e.start, e.end)
    if e.note:
        shown["note"] = e.note
    return shown


def _evidence(
    source: str, text: str, a: int, b: int, confidence: float, note: str | None = None
) -> Evidence:
    return Evidence(
        source=source,
        quote=text[a:b],
        start=a,
        end=b,
        prefix=text[max(0, a - _CONTEXT) : a],
        suffix=text[b : b + _CONTEXT],
        note=note,
        confidence=round(confidence, 2),
        draft=True,
    )


def _context(text: str, a: int, b: int) -> str:
    before = " ".join(text[max(0, a - 80) : a].split())
    after = " ".join(text[b : b + 80].split())
    return f"…{before} **{' '.join(text[a:b].split())}** {after}…"


def _spot(e: Evidence) -> tuple[object, ...]:
    return (e.source, e.start, e.end, e.quote)


class _Builder:
    def __init__(self, kg: KnowledgeGraph) -> None:
        self.graph = kg
        self.out = KnowledgeGraph()
        self.drafts = Drafts(self.out, {})
        self.new: dict[str, list[Evidence]] = {}
        # what is looked up for every record, kept as it grows: the evidence a record holds,
        # the next number to try after a statement id, the graph's sources by digest and its
        # statements by source (a batch of articles and a large graph stay linear)
        self.spots: dict[str, set[tuple[object, ...]]] = {}
        self.numbers: dict[str, int] = {}
        self.by_digest = {src.sha256: src for src in kg.sources.values() if src.sha256}
        self.cited: dict[str, list[Statement]] = {}
        for st in sorted(kg.statements.values(), key=lambda st: st.id):
            for source in dict.fromkeys(e.source for e in st.evidence):
                self.cited.setdefault(source, []).append(st)

    def add_evidence(
        self, kind: str, record: Record, new: list[Evidence]
    ) -> tuple[Record, list[Evidence]]:
        """``record`` with those of ``new`` it lacks, and those."""
        if isinstance(record, Source):
            return record, []
        key = f"{kind}/{record.id}"
        have = self.spots.get(key)
        if have is None:
            have = self.spots[key] = {_spot(e) for e in record.evidence}
        extra = []
        for e in new:
            if _spot(e) not in have:
                have.add(_spot(e))
                extra.append(e)
        if not extra:
            return record, []
        return record.model_copy(update={"evidence": (*record.evidence, *extra)}), extra

    def statement_id(self, base: str) -> str:
        """``base``, else ``base-2``, ``base-3``…: the first id no statement holds."""
        n = self.numbers.get(base, 1)
        rid = base if n == 1 else f"{base}-{n}"
        while rid in self.graph.statements or rid in self.out.statements:
            n += 1  # a new statement never takes the id of another
            rid = f"{base}-{n}"
        self.numbers[base] = n
        return rid

    def put(self, kind: str, record: Record, note: dict[str, Any] | None) -> None:
        table: dict[str, Record] = getattr(self.out, kind)
        old = table.get(record.id)
        new = [] if isinstance(record, Source) else list(record.evidence)
        table[record.id] = record if old is None else self.add_evidence(kind, old, new)[0]
        if note is not None:
            self.drafts.notes.setdefault(f"{kind}/{record.id}", note)

    def existing(self, kind: str, rid: str, evidence: list[Evidence], note: dict[str, Any]) -> None:
        """Add ``evidence`` to the graph's record ``rid``; a note only for evidence it lacked."""
        table: dict[str, Record] = getattr(self.out, kind)
        base = table.get(rid) or getattr(self.graph, kind)[rid]
        table[rid], extra = self.add_evidence(kind, base, evidence)
        if extra:
            self.drafts.notes.setdefault(f"{kind}/{rid}", note)
            self.new.setdefault(f"{kind}/{rid}", []).extend(extra)

    def close(self) -> None:
        """Copy in the graph's records that the drafts name, until nothing dangles."""
        for _ in range(20):
            missing = self.out.dangling()
            if not missing:
                return
            for d in missing:
                table = d.expected + "s"
                record = getattr(self.graph, table).get(d.target)
                if record is None:
                    raise IngestError(f"draft {d.record!r} names {d.target!r}, which is unknown")
                getattr(self.out, table).setdefault(d.target, record)


def _source(b: _Builder, an: Analysis) -> str:
    art = an.article
    src = b.by_digest.get(art.sha256)
    if src is not None:
        b.put("sources", src, None)
        return src.id
    title = art.title or next((ln.strip() for ln in art.body.splitlines() if ln.strip()), art.file)
    sid = base = slug(f"{title[:50]}-{art.published}" if art.published else title)
    n = 1
    while sid in b.graph.sources or sid in b.out.sources:
        if b.out.sources.get(sid) is not None and b.out.sources[sid].sha256 == art.sha256:
            return sid  # the same text given twice
        n += 1  # another article with the same title and date
        sid = f"{base}-{n}"
    src = Source.model_validate(
        {
            "id": sid,
            "title": title,
            "publisher": art.publisher,
            "url": art.url,
            "published": art.published,
            "language": "en",
            "file": art.file,
            "sha256": art.sha256,
        }
    )
    b.put("sources", src, {"new": True, "confidence": 1.0, "rule": "the article itself"})
    return sid


def _held(published: PartialDate | None) -> dict[str, Any]:
    if published is None:
        return {}
    return {"start": DateSpan(None, published), "end": DateSpan(published, None)}


def _held_name(ad: ActorDraft, an: Analysis) -> str:
    """A new state body's record name with its state ("Defense Ministry of Japan"): a graph
    holds one actor per name, and every state has a Defense Ministry."""
    if ad.kind != "government_body" or ad.country is None:
        return ad.name
    state = next((a.name for a in an.actors if a.id == ad.country), ad.country)
    return f"{ad.name} of {state}"


def _actors(b: _Builder, an: Analysis, sid: str) -> None:
    text = an.article.body
    named = {a.id for q in an.quotes for a in (q.speaker, q.channel) if a is not None}
    for ad in an.actors:
        if not ad.mentions and not ad.existing and ad.kind != "state" and ad.id not in named:
            continue  # a name tried and given up; one a statement names is kept
        evs = [_evidence(sid, text, *ad.mentions[0], ad.confidence)] if ad.mentions else []
        positions = [
            Position(
                post=p.post,
                organization=p.organization,
                evidence=[_evidence(sid, text, p.start, p.end, ad.confidence)],
                **_held(an.article.published),
            )
            for p in ad.positions
        ]
        note = {"new": not ad.existing, "confidence": ad.confidence, "rule": ad.rule}
        if ad.existing:
            if positions:
                actor = b.out.actors.get(ad.id) or b.graph.actors[ad.id]
                b.out.actors[ad.id] = actor.model_copy(
                    update={"positions": (*actor.positions, *positions)}
                )
                note["rule"] = "a post the graph does not record: " + positions[0].post
            b.existing("actors", ad.id, evs if positions else [], note)
            continue
        name = _held_name(ad, an)
        aliases = tuple(sorted(a for a in ad.aliases if a != name))
        actor = Actor(
            id=ad.id,
            kind=ad.kind,
            name=name,
            aliases=aliases,
            positions=positions,
            country=ad.country,
            evidence=evs,
        )
        b.put("actors", actor, note)


def _events(b: _Builder, an: Analysis, sid: str) -> None:
    text = an.article.body
    for ev in an.events:
        evs = [_evidence(sid, text, a, e, ev.confidence, ev.date_note) for a, e in ev.mentions]
        note = {"new": ev.link is None, "confidence": ev.confidence, "rule": ev.rule}
        if ev.link is not None:
            b.existing("events", ev.link, evs, note)
            continue
        if ev.date is None:
            continue
        event = Event.model_validate(
            {
                "id": ev.id,
                "label": " ".join(ev.label.split())[:100] or ev.type,
                "type": ev.type,
                "time": ev.date,
                "place": ev.place,
                "participants": [Participant(actor=p) for p in sorted(ev.participants)],
                "evidence": evs,
            }
        )
        b.put("events", event, note)


def _statements(b: _Builder, an: Analysis, sid: str) -> None:
    text = an.article.body
    for q in an.quotes:
        words = text[q.start : q.end]
        if q.speaker is None or q.date is None:
            b.drafts.unattributed.append(
                {"source": sid, "mode": q.mode, "quote": words, "start": q.start, "end": q.end}
            )
            continue
        known = _curated(b.cited.get(sid, []), sid, q.speaker.id, q.start, q.end)
        if known is not None:  # the graph cites these words already: nothing to draft
            b.out.statements.setdefault(known.id, known)
            b.drafts.known.append(
                {"record": f"statements/{known.id}", "quote": words, "start": q.start}
            )
            continue
        stem = slug(" ".join(words.split()[:6]), 40)
        rid = b.statement_id(slug(f"{q.speaker.id}-{stem}", 90))
        mode = q.mode if q.mode in ("paraphrase", "report") else "direct_quote"
        st = Statement(
            id=rid,
            speaker=q.speaker.id,
            date=q.date,
            text=" ".join(words.split()),
            mode=mode,
            about_events=[e for e in q.events if e],
            channel=q.channel.id if q.channel is not None else None,
            evidence=[_evidence(sid, text, q.start, q.end, q.confidence, q.date_note)],
        )
        note = {"new": True, "confidence": q.confidence, "rule": q.rule, "mode": q.mode}
        b.put("statements", st, note)


def _curated(
    cited: list[Statement], source: str, speaker: str, start: int, end: int
) -> Statement | None:
    """The statement of ``speaker`` among ``cited`` (the graph's statements with evidence from
    one source, by id) whose evidence there overlaps the words at ``start:end``, if any."""
    for st in cited:
        if speaker != st.speaker and speaker not in st.speakers:
            continue
        for e in st.evidence:
            if e.source != source or e.start is None or e.end is None:
                continue
            if e.start < end and start < e.end:
                return st
    return None


def build_drafts(analyses: list[Analysis], kg: KnowledgeGraph) -> Drafts:
    """The draft records of the analysed articles, with the graph's records they name."""
    b = _Builder(kg)
    for an in analyses:
        sid = _source(b, an)
        b.drafts.texts[an.article.file] = an.article.data
        b.drafts.source_texts[sid] = an.article.body
        _actors(b, an, sid)
        _events(b, an, sid)
        _statements(b, an, sid)
    b.close()
    _distinct_aliases(b)
    for key, note in b.drafts.notes.items():
        kind, rid = key.split("/", 1)
        record = getattr(b.out, kind).get(rid)
        if record is not None:
            shown = b.new.get(key, getattr(record, "evidence", ()))
            note["evidence"] = [_shown(e, b.drafts.source_texts) for e in shown]
    return b.drafts


def _distinct_aliases(b: _Builder) -> None:
    """Take from each new actor the aliases another actor answers to: "Kim" of Kim Myong Gil
    in one article and of Kim Jong Il in another would leave a name no one can resolve (and
    drafts that do not validate); the graph's own actors keep theirs."""
    owners: dict[str, set[str]] = {}
    for kg in (b.graph, b.out):
        for actor in kg.actors.values():
            for n in (actor.name, *actor.aliases):
                owners.setdefault(normalize_name(n), set()).add(actor.id)
    for aid, actor in list(b.out.actors.items()):
        if aid in b.graph.actors:
            continue
        keep = tuple(a for a in actor.aliases if owners[normalize_name(a)] == {aid})
        if keep != actor.aliases:
            b.out.actors[aid] = actor.model_copy(update={"aliases": keep})


def _sidecar(drafts: Drafts) -> str:
    """``ingest.json``: one line per record and per unattributed statement (JSON's C encoder
    writes only unindented text, and indenting every field took longer than the records)."""

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    records = [f"    {one(k)}: {one(v)}" for k, v in drafts.notes.items()]
    loose = [f"    {one(u)}" for u in drafts.unattributed]
    known = [f"    {one(k)}" for k in drafts.known]
    return (
        '{\n  "records": {\n'
        + ",\n".join(records)
        + '\n  },\n  "unattributed": [\n'
        + ",\n".join(loose)
        + '\n  ],\n  "known": [\n'
        + ",\n".join(known)
        + "\n  ]\n}\n"
    )


@contextmanager
def _no_collection() -> Iterator[None]:
    """Hold the cycle collector back while records are written: writing makes a few hundred
    thousand short-lived objects, each run of the collector then reads every object the
    analysed articles hold (a third of the time of writing, for 300 articles), and what the
    writing makes is freed by reference counting anyway."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def write_drafts(drafts: Drafts, folder: Path | str) -> list[Path]:
    """Write the records, the article texts, ``ingest.json`` and ``review.md`` into ``folder``."""
    from .review import render_review

    root = Path(folder)
    with _no_collection():
        written = dump(drafts.kg, root)
    for name, data in drafts.texts.items():
        with atomic_write(root / name) as fh:
            fh.write(data)
        written.append(root / name)
    with atomic_write(root / "ingest.json", text=True) as fh:
        fh.write(_sidecar(drafts))
    with atomic_write(root / "review.md", text=True) as fh:
        fh.write(render_review(drafts))
    return [*written, root / "ingest.json", root / "review.md"]
