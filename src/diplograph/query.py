"""The analysts' questions: SPARQL templates from ``queries/*.rq``, bound with safe parameters.

Each question is a function that takes a :class:`~diplograph.rdf.store.Store`
and record ids, runs one or more shipped templates, and returns the rows of
:mod:`diplograph.rows`, so a table, a chart or an export can use the answer.
The same templates run on every backend (pyoxigraph in memory or on disk, a
SPARQL 1.1 server), so the answers are the same everywhere.

Parameters never enter a query as text. A template marks where values go with
a comment line ``#@values ?var ...``; :func:`bind` replaces it with a
``VALUES`` block whose terms are RDF terms serialized by pyoxigraph (N-Triples
syntax, quotes and backslashes escaped), so a value with quotes, braces or
``#`` in it stays one value. A template with its markers left in is still a
valid query: ``diplograph sparql queries/events.rq`` runs it unbound.

Dates keep their precision. A date window ``start``/``end`` keeps every event
whose day bounds may fall inside it, and each row says how sure that is:
``within`` (every possible day is inside) or ``overlaps`` (only some are).

Examples
--------
>>> from diplograph import load, bundled_data
>>> from diplograph.rdf.store import open_store
>>> store = open_store()
>>> _ = store.load(load(bundled_data()))
>>> [(m.ordinal_text, str(m.event.time)) for m in meetings(store, "donald-trump", "kim-jong-un")]
[('1st', '2018-06-12'), ('2nd', '2019-02-27/2019-02-28'), ('3rd', '2019-06-30')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Union

import pyoxigraph as ox

from .dates import DateSpan, PartialDate, parse_date
from .errors import QueryError, UnknownNameError
from .kg import KnowledgeGraph, normalize_name
from .model import MEETING_TYPES, PRINCIPAL_ROLES, EventType
from .rdf.store import Solutions, Store, Term, term_text
from .resources import shipped
from .rows import Citation, EventRow, ParticipantRow, StatementRow

__all__ = [
    "ActorDossier",
    "Counterpart",
    "MeetingRow",
    "PositionRow",
    "Value",
    "actor_dossier",
    "bind",
    "events",
    "fit",
    "meetings",
    "ordinal",
    "resolve_about",
    "resolve_place",
    "row_dict",
    "run",
    "statements",
    "template",
    "template_names",
]

Value = Union[Term, None, Sequence[Term]]  # noqa: UP007 - runtime alias
"""What a template parameter is bound to: one term, ``None`` (unbound) or a list of terms."""

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")

_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)#@values(?P<vars>(?:[ \t]+\?[A-Za-z_][A-Za-z0-9_]*)+)"
    r"[ \t]*$",
    re.MULTILINE,
)


# -- templates -----------------------------------------------------------------------------


def template_names() -> list[str]:
    """The names of the shipped query templates (the ``queries/*.rq`` files).

    >>> "events" in template_names()
    True
    """
    return sorted(p.stem for p in shipped("queries").glob("*.rq"))


def template(name: str) -> str:
    """The text of the shipped template ``queries/{name}.rq``.

    >>> template("meetings").startswith("#")
    True
    """
    path = shipped("queries") / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"no query template {name!r}; expected one of {template_names()}")
    return path.read_text(encoding="utf-8")


def _term(value: object, var: str) -> str:
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return str(value)
    raise QueryError(
        f"?{var} must be bound to an RDF term (NamedNode or Literal), not pasted text "
        f"(got {value!r})"
    )


def bind(text: str, **params: Value) -> str:
    """Fill the ``#@values ?var ...`` markers of a template with ``VALUES`` blocks of RDF terms.

    A marker with one variable takes a term, ``None`` (left unbound) or a list
    of terms (one solution each; an empty list matches nothing). A marker with
    several variables takes one term or ``None`` for each. Every marked
    variable must be given and every parameter must have a marker.

    Examples
    --------
    >>> q = "SELECT ?x WHERE {\\n  #@values ?x\\n}"
    >>> print(bind(q, x=ox.Literal('a "quoted" } # name')))
    SELECT ?x WHERE {
      VALUES ?x { "a \\"quoted\\" } # name" }
    }
    >>> bind(q, x='" } ; DROP ALL #')
    Traceback (most recent call last):
    ...
    diplograph.errors.QueryError: ?x must be bound to an RDF term ...
    """
    used: set[str] = set()

    def fill(m: re.Match[str]) -> str:
        names = m["vars"].split()
        keys = [n[1:] for n in names]
        missing = [k for k in keys if k not in params]
        if missing:
            raise QueryError(f"the template needs a value for ?{missing[0]} (got none)")
        used.update(keys)
        indent = m["indent"]
        if len(keys) == 1:
            value = params[keys[0]]
            if value is None:
                cells = "UNDEF"
            elif isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
                cells = _term(value, keys[0])
            elif isinstance(value, Sequence) and not isinstance(value, str):
                cells = " ".join(_term(v, keys[0]) for v in value)
            else:
                cells = _term(value, keys[0])
            return f"{indent}VALUES {names[0]} {{ {cells} }}"
        row = []
        for k in keys:
            value = params[k]
            row.append("UNDEF" if value is None else _term(value, k))
        return f"{indent}VALUES ({' '.join(names)}) {{ ({' '.join(row)}) }}"

    out = _MARKER.sub(fill, text)
    extra = sorted(set(params) - used)
    if extra:
        raise QueryError(f"the template has no marker for ?{extra[0]} (got a value for it)")
    return out


def run(store: Store, name: str, **params: Value) -> Solutions:
    """Run the shipped template ``name`` on ``store`` with ``params`` bound.

    >>> from diplograph.rdf.store import open_store
    >>> run(open_store(), "counterparts", actor=ox.NamedNode("https://example.org/a")).variables
    ('other', 'name', 'shared')
    """
    return store.query(bind(template(name), **params))


# -- values in and out ---------------------------------------------------------------------


def _iri(kind: str, record_id: str) -> ox.NamedNode:
    from .rdf.mapping import record_iri

    return ox.NamedNode(record_iri(kind, record_id))


def _id(term: Term | None) -> str:
    """The record id at the end of an instance IRI."""
    return term_text(term).rsplit("/", 1)[-1]


def _text(term: Term | None) -> str | None:
    return None if term is None else term_text(term)


def _day(value: date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=XSD_DATE)


def _when(value: object, *, end: bool) -> date | None:
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


# -- names ---------------------------------------------------------------------------------


def resolve_place(kg: KnowledgeGraph, name: str) -> str:
    """The id of the one place whose id or name is ``name`` (or whose name contains it).

    >>> from diplograph import load, bundled_data
    >>> resolve_place(load(bundled_data()), "hodo")
    'hodo-peninsula'
    """
    if name in kg.places:
        return name
    key = normalize_name(name)
    exact = [p.id for p in kg.places.values() if normalize_name(p.name) == key]
    hits = exact or [p.id for p in kg.places.values() if key and key in normalize_name(p.name)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        from .errors import AmbiguousNameError

        raise AmbiguousNameError(
            name, [f"{h} ({kg.places[h].name})" for h in sorted(hits)], what="place"
        )
    import difflib

    near = difflib.get_close_matches(name, sorted(p.name for p in kg.places.values()), n=3)
    raise UnknownNameError(name, near, what="place")


def resolve_about(kg: KnowledgeGraph, name: str) -> tuple[str, str]:
    """What ``name`` is about: ``("actor", id)`` if an actor answers to it, else ``("event", id)``.

    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> resolve_about(kg, "Hanoi"), resolve_about(kg, "Kim")
    (('event', 'hanoi-summit-2019'), ('actor', 'kim-jong-un'))
    """
    try:
        return ("actor", kg.resolve_actor(name).id)
    except UnknownNameError as actor_error:
        try:
            return ("event", kg.resolve_event(name).id)
        except UnknownNameError as event_error:
            near = actor_error.candidates + event_error.candidates
            raise UnknownNameError(name, near, what="actor or event") from None


# -- rows built from solutions ---------------------------------------------------------------

_PRINCIPAL = frozenset(r.value for r in PRINCIPAL_ROLES)


def _concept(term: Term | None) -> str:
    """The local name of a SKOS concept IRI: ``.../role/host`` -> ``host``."""
    return term_text(term).rsplit("/", 1)[-1]


def _slot(term: Term | None) -> int:
    """The number of an ``rdf:_N`` slot, or a large number for none."""
    text = term_text(term)
    tail = text.rsplit("_", 1)[-1] if "#_" in text else ""
    return int(tail) if tail.isdigit() else 1 << 30


def _index(term: Term | None) -> int:
    """The 1-based place a node's IRI fragment gives it (``#role-2`` -> 2)."""
    m = re.search(r"-(\d+)$", term_text(term).rsplit("#", 1)[-1])
    return int(m.group(1)) if m else 1 << 30


def _ordered(items: Iterable[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(v for _, v in sorted(set(items)))


def _citations(store: Store, records: Sequence[ox.NamedNode]) -> dict[str, tuple[Citation, ...]]:
    out: dict[str, list[tuple[int, Citation]]] = {}
    seen: set[tuple[str, str]] = set()
    for row in run(store, "citations", record=list(records)):
        record, evidence = term_text(row["record"]), term_text(row["evidence"])
        if (record, evidence) in seen:  # a second selector or graph adds nothing
            continue
        seen.add((record, evidence))
        source = _text(row["sourceId"]) or _id(row["source"])
        out.setdefault(record, []).append(
            (
                _index(row["evidence"]),
                Citation(
                    source=source,
                    title=_text(row["title"]) or source,
                    quote=_text(row["quote"]),
                    url=_text(row["url"]),
                    publisher=_text(row["publisher"]),
                ),
            )
        )
    return {k: tuple(c for _, c in sorted(v, key=lambda t: t[0])) for k, v in out.items()}


def _event_rows(
    store: Store, iris: Sequence[ox.NamedNode], start: date | None = None, end: date | None = None
) -> list[EventRow]:
    """Full rows for the events ``iris``, in date order."""
    if not iris:
        return []
    details = {term_text(r["event"]): r for r in run(store, "event-details", event=list(iris))}
    people: dict[str, set[tuple[int, str, str, str]]] = {}
    for r in run(store, "event-participants", event=list(iris)):
        people.setdefault(term_text(r["event"]), set()).add(
            (
                _index(r["node"]),
                _id(r["actor"]),
                _text(r["name"]) or _id(r["actor"]),
                _concept(r["role"]),
            )
        )
    links: dict[tuple[str, str], set[tuple[int, str]]] = {}
    for r in run(store, "event-links", event=list(iris)):
        for var, link in (("follows", "follows"), ("leadsTo", "leads_to")):
            if r[var] is not None:
                links.setdefault((term_text(r["event"]), link), set()).add(
                    (_slot(r[f"{var}Slot"]), _id(r[var]))
                )
    cites = _citations(store, iris)
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
                type=_concept(d["type"]),
                time=time,
                place=_id(d["place"]) if d["place"] is not None else None,
                place_name=_text(d["placeName"]),
                participants=tuple(
                    ParticipantRow(actor, name, role)
                    for _, actor, name, role in sorted(people.get(key, ()))
                ),
                part_of=_id(d["partOf"]) if d["partOf"] is not None else None,
                follows=_ordered(links.get((key, "follows"), ())),
                leads_to=_ordered(links.get((key, "leads_to"), ())),
                outcome=_text(d["outcome"]),
                citations=cites.get(key, ()),
                fit=fit(time, start, end),
            )
        )
    return sorted(rows, key=lambda r: (r.time.sort_key(), r.id))


def _statement_rows(
    store: Store, iris: Sequence[ox.NamedNode], start: date | None = None, end: date | None = None
) -> list[StatementRow]:
    if not iris:
        return []
    base: dict[str, dict[str, Term | None]] = {}
    about: dict[tuple[str, str], set[tuple[int, str]]] = {}
    for r in run(store, "statement-details", statement=list(iris)):
        base.setdefault(term_text(r["statement"]), r)
    for r in run(store, "statement-about", statement=list(iris)):
        for var, link in (("aboutEvent", "event"), ("aboutActor", "actor")):
            if r[var] is not None:
                about.setdefault((term_text(r["statement"]), link), set()).add(
                    (_slot(r[var.replace("about", "").lower() + "Slot"]), _id(r[var]))
                )
    cites = _citations(store, iris)
    rows = []
    for iri in iris:
        key = iri.value
        d = base.get(key)
        if d is None:
            continue
        when = parse_date(term_text(d["edtf"]))
        rows.append(
            StatementRow(
                id=term_text(d["id"]),
                speaker=_id(d["speaker"]),
                speaker_name=_text(d["speakerName"]) or _id(d["speaker"]),
                date=when,
                text=term_text(d["text"]),
                mode=_concept(d["mode"]) if d["mode"] is not None else "direct_quote",
                about_events=_ordered(about.get((key, "event"), ())),
                about_actors=_ordered(about.get((key, "actor"), ())),
                channel=_id(d["channel"]) if d["channel"] is not None else None,
                channel_name=_text(d["channelName"]),
                citations=cites.get(key, ()),
                fit=fit(when, start, end),
            )
        )
    return sorted(rows, key=lambda r: (r.date.sort_key(), r.id))


def _named(values: Iterable[Term | None]) -> list[ox.NamedNode]:
    out: list[ox.NamedNode] = []
    seen: set[str] = set()
    for v in values:
        if isinstance(v, ox.NamedNode) and v.value not in seen:
            seen.add(v.value)
            out.append(v)
    return out


# -- the questions -------------------------------------------------------------------------


_BUSY = 2000
"""Two actors with this many events each are joined list to list (a hash join), not by lookups."""


def _rarest_first(store: Store, actors: list[ox.NamedNode]) -> tuple[list[ox.NamedNode], bool]:
    """The actors by how many events they took part in (counted up to 5000), fewest first.

    Also says whether the two rarest are both busy (:data:`_BUSY` events or
    more). A query that starts from the rarer actor reads its few events
    instead of a busy actor's many, and two busy actors are better joined as
    two lists; either choice changes the cost, never the answer.
    """
    if len(actors) < 2:
        return actors, False
    counts = {}
    for a in actors:
        n = run(store, "actor-event-count", actor=a).values("n")[0]
        counts[a.value] = int(term_text(n))
    ordered = sorted(actors, key=lambda a: (counts[a.value], a.value))
    return ordered, counts[ordered[0].value] >= _BUSY


def _types(types: Iterable[str | EventType]) -> list[ox.NamedNode]:
    from .rdf.vocab import EVENT_TYPE

    out = []
    for t in types:
        try:
            value = EventType(t)
        except ValueError:
            allowed = ", ".join(e.value for e in EventType)
            raise QueryError(f"event type must be one of {allowed} (got {t!r})") from None
        out.append(ox.NamedNode(f"{EVENT_TYPE}{value.value}"))
    return out


def events(
    store: Store,
    *,
    actors: Iterable[str] = (),
    types: Iterable[str | EventType] = (),
    place: str | None = None,
    start: date | str | PartialDate | DateSpan | None = None,
    end: date | str | PartialDate | DateSpan | None = None,
    limit: int | None = None,
) -> list[EventRow]:
    """Events in date order, filtered by actors, types, place and a date window.

    Parameters
    ----------
    store
        Where the query runs.
    actors
        Actor ids; every one of them must have taken part (in any role).
    types
        Event types (``summit``, ``meeting``, ...); any of them. Empty: all.
    place
        A place id: events there or at a place inside it.
    start, end
        The window. A day, or an EDTF date whose first (``start``) or last
        (``end``) day bounds the window: ``end="2019-02"`` runs to 28
        February. An event is kept when its day bounds say it may fall inside,
        and its row's ``fit`` says ``within`` or ``overlaps``.
    limit
        At most this many events (the earliest).

    Returns
    -------
    list of EventRow
        Sorted by date (day bounds, then precision), then id.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> rows = events(store, actors=["donald-trump", "kim-jong-un"], types=["summit"])
    >>> [r.label for r in rows]
    ['Trump-Kim summit in Singapore', 'Trump-Kim summit in Hanoi']
    >>> [(r.id, r.fit) for r in events(store, types=["missile_test"], start="2019-05-05")]
    [('missile-tests-2019-05', 'overlaps'), ('missile-test-2019-05-09', 'within')]
    """
    window_start, window_end = _when(start, end=False), _when(end, end=True)
    if window_start is not None and window_end is not None and window_end < window_start:
        raise QueryError(f"--to is before --from (got {window_start} and {window_end})")
    actor_iris = [_iri("actor", a) for a in dict.fromkeys(actors)]
    params: dict[str, Value] = {
        "type": _types(types) or None,
        "place": _iri("place", place) if place is not None else None,
        "from": _day(window_start) if window_start is not None else None,
        "to": _day(window_end) if window_end is not None else None,
    }
    if actor_iris:
        actor_iris, busy = _rarest_first(store, actor_iris)
        second = actor_iris[1] if len(actor_iris) > 1 else actor_iris[0]
        result = run(
            store,
            "events-with-busy-actors" if busy else "events-with-actors",
            first=actor_iris[0],
            second=second,
            # never an empty VALUES block: rdflib's engine fails on one inside FILTER
            other=actor_iris[2:] or actor_iris[:1],
            **params,
        )
    else:
        result = run(store, "events", **params)
    iris = _named(result.values("event"))
    if limit is not None:
        iris = iris[:limit]
    return _event_rows(store, iris, window_start, window_end)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One meeting of two actors: its place in their series, the event, and their roles.

    ``ordinal`` counts only the meetings in which both took part in a
    principal role; an event listed because one of them only mediated or
    accompanied (``any_role``) has none.
    """

    ordinal: int | None
    event: EventRow
    role_a: str
    role_b: str

    @property
    def ordinal_text(self) -> str:
        """``1st``, ``2nd``, ``3rd``, ..., or ``-`` when the two did not both take part."""
        return "-" if self.ordinal is None else ordinal(self.ordinal)


def meetings(store: Store, a: str, b: str, *, any_role: bool = False) -> list[MeetingRow]:
    """Every summit, meeting or talks in which actors ``a`` and ``b`` both took part, numbered.

    Only principal roles count (host, guest, attendee, signatory, agent): an
    actor that mediated, accompanied or observed did not meet. ``any_role``
    also lists the events where one of them was there in another role, with
    no ordinal, so the numbers stay those of the real meetings.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> for m in meetings(store, "moon-jae-in", "kim-jong-un"):
    ...     print(m.ordinal_text, m.event.time, m.role_a, m.role_b)
    1st 2018-04-27 host guest
    2nd 2018-05-26 guest host
    3rd 2018-09-18/2018-09-20 guest host
    >>> for m in meetings(store, "moon-jae-in", "kim-jong-un", any_role=True):
    ...     print(m.ordinal_text, m.event.time, m.role_a)
    1st 2018-04-27 host
    2nd 2018-05-26 guest
    - 2018-06-12 mediator
    3rd 2018-09-18/2018-09-20 guest
    - 2019-06-30 accompanying
    """
    if a == b:
        raise QueryError(f"a meeting needs two different actors (got {a!r} twice)")
    iri_a, iri_b = _iri("actor", a), _iri("actor", b)
    ordered, busy = _rarest_first(store, [iri_a, iri_b])
    swapped = ordered[0] != iri_a
    first, second = (iri_b, iri_a) if swapped else (iri_a, iri_b)
    result = run(
        store,
        "meetings-busy" if busy else "meetings",
        a=first,
        b=second,
        type=_types(sorted(MEETING_TYPES)),
    )
    role_of: dict[str, tuple[str, str]] = {}
    for r in result:
        pair = (_concept(r["roleA"]), _concept(r["roleB"]))
        if not any_role and not (pair[0] in _PRINCIPAL and pair[1] in _PRINCIPAL):
            continue
        role_of.setdefault(term_text(r["event"]), (pair[1], pair[0]) if swapped else pair)
    rows = _event_rows(store, _named(v for v in result.values("event") if term_text(v) in role_of))
    out: list[MeetingRow] = []
    n = 0
    for row in rows:
        role_a, role_b = role_of[_iri("event", row.id).value]
        number = None
        if role_a in _PRINCIPAL and role_b in _PRINCIPAL:
            n += 1
            number = n
        out.append(MeetingRow(number, row, role_a, role_b))
    return out


def statements(
    store: Store,
    *,
    by: str | None = None,
    about_event: str | None = None,
    about_actor: str | None = None,
    start: date | str | PartialDate | DateSpan | None = None,
    end: date | str | PartialDate | DateSpan | None = None,
) -> list[StatementRow]:
    """Who said what, when, with the sources and the quoted words, in date order.

    Parameters
    ----------
    by
        Speaker's actor id.
    about_event, about_actor
        Only statements about this event or actor (ids).
    start, end
        A date window, as in :func:`events`.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> for s in statements(store, about_event="hanoi-summit-2019"):
    ...     print(s.speaker_name, "|", s.text[:40])
    United States | excessive North Korean demands for sanct
    Lee Sang-min | Inter-Korean relations have been at a lu
    """
    window_start, window_end = _when(start, end=False), _when(end, end=True)
    result = run(
        store,
        "statements",
        speaker=_iri("actor", by) if by is not None else None,
        aboutEvent=_iri("event", about_event) if about_event is not None else None,
        aboutActor=_iri("actor", about_actor) if about_actor is not None else None,
        **{
            "from": _day(window_start) if window_start is not None else None,
            "to": _day(window_end) if window_end is not None else None,
        },
    )
    return _statement_rows(store, _named(result.values("statement")), window_start, window_end)


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


_KIND_OF_CLASS = {
    "Person": "person",
    "Country": "state",
    "Organization": "organization",
    "GovernmentOrganization": "government_body",
    "NewsMediaOrganization": "media",
}


def actor_dossier(store: Store, actor: str, *, counterparts: int = 10) -> ActorDossier:
    """An actor's dossier: positions held, events by role, statements, counterparts.

    ``counterparts`` is how many of the actors who shared most events with
    this one to list.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> d = actor_dossier(store, "lee-sang-min")
    >>> d.positions[0].post, [s.id for s in d.statements][:1]
    ('Spokesman', ['lee-lull-since-hanoi'])
    """
    node = _iri("actor", actor)
    info = run(store, "actor", actor=node)
    if not len(info):
        raise QueryError(f"the store has no actor {actor!r}; was the data loaded into it?")
    first = next(iter(info))
    aliases = _ordered((_slot(r["slot"]), term_text(r["alias"])) for r in info if r["alias"])
    kinds = [_KIND_OF_CLASS[c] for r in info if (c := _id(r["class"])) in _KIND_OF_CLASS]
    positions = []
    for r in run(store, "actor-positions", actor=node):
        positions.append(
            (
                _index(r["position"]),
                PositionRow(
                    post=term_text(r["post"]),
                    organization=_id(r["organization"]) if r["organization"] else None,
                    organization_name=_text(r["organizationName"]),
                    start=_text(r["start"]),
                    end=_text(r["end"]),
                ),
            )
        )
    by_role_iris: dict[str, list[ox.NamedNode]] = {}
    roles = run(store, "actor-events", actor=node)
    for r in roles:
        event = r["event"]
        if isinstance(event, ox.NamedNode):
            by_role_iris.setdefault(_concept(r["role"]), []).append(event)
    rows = {r.id: r for r in _event_rows(store, _named(roles.values("event")))}
    events_by_role = {
        role: tuple(rows[_id(e)] for e in _named(iris) if _id(e) in rows)
        for role, iris in sorted(by_role_iris.items(), key=lambda kv: _role_order(kv[0]))
    }
    mates = run(store, "counterparts", actor=node)
    return ActorDossier(
        id=actor,
        name=term_text(first["name"]),
        kind=kinds[0] if kinds else "",
        aliases=aliases,
        description=_text(first["description"]),
        positions=tuple(p for _, p in sorted(positions, key=lambda t: t[0])),
        events_by_role=events_by_role,
        statements=tuple(statements(store, by=actor)),
        counterparts=tuple(
            Counterpart(
                _id(r["other"]), _text(r["name"]) or _id(r["other"]), int(term_text(r["shared"]))
            )
            for r in list(mates)[:counterparts]
        ),
    )


def _role_order(role: str) -> tuple[int, str]:
    from .model import Role

    order = [r.value for r in Role]
    return (order.index(role) if role in order else len(order), role)


# -- JSON ----------------------------------------------------------------------------------


def row_dict(row: object) -> object:
    """A row (or dossier, or list of them) as JSON-ready data: dates as EDTF text plus day bounds.

    >>> row_dict(Citation(source="s", title="T", quote=None))
    {'source': 's', 'title': 'T', 'quote': None, 'url': None, 'publisher': None}
    """
    import dataclasses

    if isinstance(row, PartialDate | DateSpan):
        return str(row)
    if isinstance(row, MeetingRow):
        return {
            "ordinal": row.ordinal,
            "ordinal_text": row.ordinal_text,
            "role_a": row.role_a,
            "role_b": row.role_b,
            **dict(row_dict(row.event)),  # type: ignore[call-overload]
        }
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        out: dict[str, object] = {}
        for f in dataclasses.fields(row):
            value = getattr(row, f.name)
            out[f.name] = row_dict(value)
            if isinstance(value, PartialDate | DateSpan):
                out[f"{f.name}_earliest"] = _bound(value.earliest)
                out[f"{f.name}_latest"] = _bound(value.latest)
        return out
    if isinstance(row, Mapping):
        return {str(k): row_dict(v) for k, v in row.items()}
    if isinstance(row, list | tuple):
        return [row_dict(v) for v in row]
    return row


def _bound(day: date) -> str | None:
    return None if day in (date.min, date.max) else day.isoformat()
