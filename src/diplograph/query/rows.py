"""Rows built from query solutions: events, statements, meetings, dossiers, with citations.

The row types of :mod:`diplograph.rows` (events, statements) and those only the
questions return (meetings, positions, counterparts, dossiers), built from the
solutions of the shipped templates. Values go in as RDF terms and come out as
record ids, texts and partial dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import pyoxigraph as ox

from ..dates import DateSpan, PartialDate, parse_date
from ..rdf.store import Solutions, Store, Term, term_text
from ..rows import Citation, EventRow, ParticipantRow, StatementRow
from ..rows import in_order as ordered
from .templates import run_each

__all__ = [
    "ActorDossier",
    "Counterpart",
    "MeetingRow",
    "PositionRow",
    "event_rows",
    "fit",
    "nest",
    "ordinal",
    "statement_rows",
]

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")

# -- values in and out ---------------------------------------------------------------------


def iri_of(kind: str, record_id: str) -> ox.NamedNode:
    """The IRI node of the record ``record_id`` of ``kind`` (``actor``, ``event``, ...)."""
    from ..rdf.iri import record_iri

    return ox.NamedNode(record_iri(kind, record_id))


def id_of(term: Term | None) -> str:
    """The record id at the end of an instance IRI."""
    return term_text(term).rsplit("/", 1)[-1]


def text_of(term: Term | None) -> str | None:
    """The text of a term, ``None`` for an unbound one."""
    return None if term is None else term_text(term)


def day_literal(value: date) -> ox.Literal:
    """A day as an ``xsd:date`` literal."""
    return ox.Literal(value.isoformat(), datatype=XSD_DATE)


def window_day(value: object, *, end: bool) -> date | None:
    """The first (``end=False``) or last day of a window bound given as a date or EDTF text."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    when = parse_date(value)
    return when.latest if end else when.earliest


def fit(when: PartialDate | DateSpan, start: date | None, end: date | None) -> str | None:
    """How a date sits in the window ``[start, end]``: ``within``, ``overlaps`` or ``None``.

    ``None`` means no window was given, or the date cannot fall in it.

    >>> fit(parse_date("2019-02"), date(2019, 2, 15), None)
    'overlaps'
    >>> fit(parse_date("2019-02-27/2019-02-28"), date(2019, 2, 1), date(2019, 2, 28))
    'within'
    >>> fit(parse_date("2019-02"), None, None) is None
    True
    """
    if start is None and end is None:
        return None
    if when.within(start, end):
        return "within"
    if when.may_overlap(start, end):
        return "overlaps"
    return None


def ordinal(n: int) -> str:
    """English ordinal of ``n``: 1st, 2nd, 3rd, 4th, 11th, 21st.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 103)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '103rd']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def concept_of(term: Term | None) -> str:
    """The local name of a SKOS concept IRI: ``.../role/host`` -> ``host``."""
    return term_text(term).rsplit("/", 1)[-1]


def slot_of(term: Term | None) -> int:
    """The number of an ``rdf:_N`` slot, or a large number for none."""
    text = term_text(term)
    tail = text.rsplit("_", 1)[-1] if "#_" in text else ""
    return int(tail) if tail.isdigit() else 1 << 30


def index_of(term: Term | None) -> int:
    """The 1-based place a node's IRI fragment gives it (``#role-2`` -> 2)."""
    m = re.search(r"-(\d+)$", term_text(term).rsplit("#", 1)[-1])
    return int(m.group(1)) if m else 1 << 30


def in_order(items: Iterable[tuple[int, str]]) -> tuple[str, ...]:
    """The values of ``(place, value)`` pairs, once each, by place."""
    return tuple(v for _, v in sorted(set(items)))


def _citations(store: Store, records: Sequence[ox.NamedNode]) -> dict[str, tuple[Citation, ...]]:
    out: dict[str, list[tuple[int, Citation]]] = {}
    seen: set[tuple[str, str]] = set()
    for row in run_each(store, "citations", "record", list(records)):
        record, evidence = term_text(row["record"]), term_text(row["evidence"])
        if (record, evidence) in seen:  # a second selector or graph adds nothing
            continue
        seen.add((record, evidence))
        source = text_of(row["sourceId"]) or id_of(row["source"])
        out.setdefault(record, []).append(
            (
                index_of(row["evidence"]),
                Citation(
                    source=source,
                    title=text_of(row["title"]) or source,
                    quote=text_of(row["quote"]),
                    url=text_of(row["url"]),
                    publisher=text_of(row["publisher"]),
                    start=int(term_text(row["start"])) if row["start"] is not None else None,
                ),
            )
        )
    return {k: tuple(c for _, c in sorted(v, key=lambda t: t[0])) for k, v in out.items()}


def event_rows(
    store: Store, iris: Sequence[ox.NamedNode], start: date | None = None, end: date | None = None
) -> list[EventRow]:
    """Full rows for the events ``iris``, in date order."""
    if not iris:
        return []
    details = {
        term_text(r["event"]): r for r in run_each(store, "event-details", "event", list(iris))
    }
    people: dict[str, set[tuple[int, str, str, str]]] = {}
    for r in run_each(store, "event-participants", "event", list(iris)):
        people.setdefault(term_text(r["event"]), set()).add(
            (
                index_of(r["node"]),
                id_of(r["actor"]),
                text_of(r["name"]) or id_of(r["actor"]),
                concept_of(r["role"]),
            )
        )
    links: dict[tuple[str, str], set[tuple[int, str]]] = {}
    for r in run_each(store, "event-links", "event", list(iris)):
        for var, link in (("follows", "follows"), ("leadsTo", "leads_to")):
            if r[var] is not None:
                links.setdefault((term_text(r["event"]), link), set()).add(
                    (slot_of(r[f"{var}Slot"]), id_of(r[var]))
                )
    cites = _citations(store, iris)
    backing = {
        term_text(r["event"]): int(term_text(r["reports"]))
        for r in run_each(store, "event-report-counts", "event", list(iris))
    }
    rows = []
    for iri in iris:
        key = iri.value
        d = details.get(key)
        if d is None:
            continue
        time = parse_date(term_text(d["edtf"]))
        rows.append(
            EventRow(
                id=term_text(d["id"]),
                label=term_text(d["label"]),
                type=concept_of(d["type"]),
                time=time,
                place=id_of(d["place"]) if d["place"] is not None else None,
                place_name=text_of(d["placeName"]),
                participants=tuple(
                    ParticipantRow(actor, name, role)
                    for _, actor, name, role in sorted(people.get(key, ()))
                ),
                part_of=id_of(d["partOf"]) if d["partOf"] is not None else None,
                follows=in_order(links.get((key, "follows"), ())),
                leads_to=in_order(links.get((key, "leads_to"), ())),
                outcome=text_of(d["outcome"]),
                citations=cites.get(key, ()),
                fit=fit(time, start, end),
                reports=backing.get(key, 0),
            )
        )
    return ordered(rows)


def statement_rows(
    result: Solutions, start: date | None = None, end: date | None = None
) -> list[StatementRow]:
    """Rows for the statements of an answer of the ``statements`` template, in date order.

    The template gives one solution per combination of a statement's
    speakers, the events and actors it is about and its evidence; they fold
    into one row per statement here.
    """
    col = {v: i for i, v in enumerate(result.variables)}
    key = col["statement"]
    solutions: dict[str, list[tuple[Term | None, ...]]] = {}
    for r in result.rows:
        solutions.setdefault(term_text(r[key]), []).append(r)
    cells = [col[v] for v in _CITATION]
    rows = []
    for group in solutions.values():
        d = group[0]
        when = parse_date(term_text(d[col["edtf"]]))
        speaker = _tail(d[col["first"]])
        name = _text(d[col["firstName"]]) or speaker
        joint = sorted(
            {
                (slot_of(r[col["jointSlot"]]), _tail(j), _text(r[col["jointName"]]) or _tail(j))
                for r in group
                if (j := r[col["joint"]]) is not None
            }
        )
        cites: dict[str, tuple[int, Citation]] = {}
        for r in group:
            ev = _text(r[col["evidence"]])
            if ev is not None and ev not in cites:  # a second selector adds nothing
                cites[ev] = (index_of(r[col["evidence"]]), _citation([r[i] for i in cells]))
        mode = d[col["mode"]]
        rows.append(
            StatementRow(
                id=_tail(d[key]),
                speaker=speaker,
                speaker_name=name,
                date=when,
                text=term_text(d[col["text"]]),
                mode=_tail(mode) if mode is not None else "direct_quote",
                about_events=_listed(group, col["event"], col["eventSlot"]),
                about_actors=_listed(group, col["actor"], col["actorSlot"]),
                channel=_tail(d[col["channel"]]) if d[col["channel"]] is not None else None,
                channel_name=_text(d[col["channelName"]]),
                citations=tuple(c for _, c in sorted(cites.values(), key=_first)),
                fit=fit(when, start, end),
                speakers=tuple(s for _, s, _ in joint) or (speaker,),
                speaker_names=tuple(n for _, _, n in joint) or (name,),
            )
        )
    return ordered(rows)


_CITATION = ("source", "title", "quote", "url", "publisher", "start")
"""The columns of a citation in the ``statements`` template, in :func:`_citation`'s order."""


def _tail(term: Term | None) -> str:
    """The last segment of an IRI: a record id, or a concept's name."""
    return term_text(term).rsplit("/", 1)[-1]


def _text(term: Term | None) -> str | None:
    return None if term is None else term_text(term)


def _listed(group: list[tuple[Term | None, ...]], item: int, slot: int) -> tuple[str, ...]:
    """The ids in column ``item`` of a statement's solutions, in the order of column ``slot``."""
    found = {(slot_of(r[slot]), _tail(r[item])) for r in group if r[item] is not None}
    return tuple(v for _, v in sorted(found)) if len(found) > 1 else tuple(v for _, v in found)


def _first(item: tuple[int, Citation]) -> int:
    return item[0]


def _citation(cells: list[Term | None]) -> Citation:
    """The citation in the :data:`_CITATION` cells of a solution."""
    source_iri, title, quote, url, publisher, start = cells
    source = _tail(source_iri)
    return Citation(
        source=source,
        title=_text(title) or source,
        quote=_text(quote),
        url=_text(url),
        publisher=_text(publisher),
        start=int(term_text(start)) if start is not None else None,
    )


def wholes(store: Store, ids: Iterable[str], keep: set[str]) -> dict[str, str]:
    """For each event of ``ids``, the nearest event it is part of that ``keep`` holds.

    Events that are part of none in ``keep`` are left out. The links of part
    to whole come from the store (``sem:subEventOf``), all the way up, in one
    query.
    """
    ids = list(ids)
    if not ids:
        return {}
    whole_of: dict[str, str] = {}
    for r in run_each(store, "event-ancestry", "event", [iri_of("event", i) for i in ids]):
        whole_of.setdefault(id_of(r["part"]), id_of(r["whole"]))
    out = {}
    for i in ids:
        seen, up = {i}, whole_of.get(i)
        while up is not None and up not in seen:
            if up in keep:
                out[i] = up
                break
            seen.add(up)
            up = whole_of.get(up)
    return out


def nest(
    store: Store, rows: Sequence[EventRow], parent: Mapping[str, str] | None = None
) -> list[EventRow]:
    """The outermost events of ``rows``, each with the rows that are part of it beneath it.

    A row goes beneath the nearest event it is part of (``part_of``, followed
    up through events that ``rows`` may not hold) among ``rows``; a row part of
    none of them stays outermost. Parts keep the order of :func:`~diplograph.rows.in_order`.
    ``parent`` is :func:`wholes` of the rows among themselves, when the caller has it.
    """
    if parent is None:
        parent = wholes(store, [r.id for r in rows], {r.id for r in rows})
    children: dict[str, list[EventRow]] = {}
    for r in rows:
        if r.id in parent:
            children.setdefault(parent[r.id], []).append(r)

    def build(row: EventRow) -> EventRow:
        parts = [build(c) for c in ordered(children.get(row.id, []))]
        return replace(row, parts=tuple(parts)) if parts else row

    return [build(r) for r in ordered([r for r in rows if r.id not in parent])]


def named_nodes(values: Iterable[Term | None]) -> list[ox.NamedNode]:
    """The IRIs among ``values``, once each, in their first order."""
    out: list[ox.NamedNode] = []
    seen: set[str] = set()
    for v in values:
        if isinstance(v, ox.NamedNode) and v.value not in seen:
            seen.add(v.value)
            out.append(v)
    return out


# -- row types the questions return ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One meeting of two actors: its place in their series, the event, and their roles.

    ``ordinal`` counts only the outermost meetings in which both took part
    in a principal role; an event listed because one of them only mediated or
    accompanied (``any_role``), and a meeting that is part of another (a
    dinner within a summit), have none. ``parts`` are the meetings of the two
    that are part of this one, beneath it.
    """

    ordinal: int | None
    event: EventRow
    role_a: str
    role_b: str
    parts: tuple[MeetingRow, ...] = ()
    who_a: str | None = None
    """For a meeting of two sides: who met for the first side (``role_a`` is theirs)."""
    who_b: str | None = None
    """For a meeting of two sides: who met for the second side."""

    @property
    def ordinal_text(self) -> str:
        """``1st``, ``2nd``, ``3rd``, ..., or ``-`` when the two did not both take part."""
        return "-" if self.ordinal is None else ordinal(self.ordinal)


@dataclass(frozen=True, slots=True)
class PositionRow:
    """A post an actor held, with the dates as EDTF text."""

    post: str
    organization: str | None = None
    organization_name: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Another actor and the number of events the two shared."""

    actor: str
    name: str
    shared: int


@dataclass(frozen=True, slots=True)
class ActorDossier:
    """Everything the graph says about one actor."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    positions: tuple[PositionRow, ...] = ()
    events_by_role: Mapping[str, tuple[EventRow, ...]] = field(default_factory=dict)
    statements: tuple[StatementRow, ...] = ()
    counterparts: tuple[Counterpart, ...] = ()
