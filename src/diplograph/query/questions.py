"""The analysts' questions: events, meetings, statements, an actor's dossier.

Each question takes a :class:`~diplograph.rdf.store.Store` and record ids,
runs one or more shipped templates (:mod:`diplograph.query.templates`) and
returns rows (:mod:`diplograph.query.rows`). Names become ids with
:mod:`diplograph.names`, asked of the same store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

import pyoxigraph as ox

from ..controlled import MEETING_TYPES, PRINCIPAL_ROLES, EventType, Role
from ..dates import DateSpan, PartialDate
from ..errors import QueryError
from ..names import Names
from ..rdf.store import Store, term_text
from ..rows import EventRow, StatementRow
from .rows import (
    ActorDossier,
    Counterpart,
    MeetingRow,
    PositionRow,
    concept_of,
    day_literal,
    event_rows,
    id_of,
    in_order,
    index_of,
    iri_of,
    named_nodes,
    nest,
    slot_of,
    statement_rows,
    text_of,
    wholes,
    window_day,
)
from .templates import Value, run, run_each

__all__ = [
    "actor_dossier",
    "events",
    "meetings",
    "resolve_about",
    "resolve_place",
    "side",
    "statements",
    "timeline_statements",
]

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
    from ..rdf.iri import EVENT_TYPE

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
    flat: bool = False,
    after: str | None = None,
    before: str | None = None,
    for_side: str | None = None,
) -> list[EventRow]:
    """Events in date order, filtered by actors, types, place and a date window.

    An event part of another in the answer (a test within a month of tests)
    is listed in its ``parts``, not as an event of its own.

    Parameters
    ----------
    actors, types, place
        Actor ids, all of whom took part (in any role); event types
        (``summit``, ...), any of them; a place id (there or inside it).
    start, end
        The window. A day, or an EDTF date whose first (``start``) or last
        (``end``) day bounds the window: ``end="2019-02"`` runs to 28
        February. An event is kept when its day bounds say it may fall inside,
        and its row's ``fit`` says ``within`` or ``overlaps``.
    limit, flat
        At most this many events (the earliest outermost ones); ``flat``
        lists the parts of events as events of their own.
    after, before
        Event ids: only the events between the two, that may fall after the
        first ends and before the second begins (the window narrows to those
        days; the two events and their parts are left out).
    for_side
        A state's id: only events in which someone who speaks for it took
        part (see :func:`side`).

    The rows are in date order (day bounds, then precision); events that
    begin on the same day go by their links, then by where their evidence
    starts in the source text, then by id (:func:`diplograph.rows.in_order`).

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> [r.label for r in events(store, actors=["donald-trump", "kim-jong-un"], types=["summit"])]
    ['Trump-Kim summit in Singapore', 'Trump-Kim summit in Hanoi']
    >>> [(r.id, r.fit, [p.id for p in r.parts])
    ...  for r in events(store, types=["missile_test"], start="2019-05-05")]
    [('missile-tests-2019-05', 'overlaps', ['missile-test-2019-05-09'])]
    >>> len(events(store, types=["missile_test"], flat=True))
    3
    """
    window_start, window_end = _between(
        store, after, before, window_day(start, end=False), window_day(end, end=True)
    )
    bounds = [e for e in (after, before) if e is not None]
    params: dict[str, Value] = {
        "type": _types(types) or None,
        "place": iri_of("place", place) if place is not None else None,
        "from": day_literal(window_start) if window_start is not None else None,
        "to": day_literal(window_end) if window_end is not None else None,
    }
    iris = _event_iris(store, [iri_of("actor", a) for a in dict.fromkeys(actors)], params)
    if bounds:
        inside = wholes(store, [id_of(i) for i in iris], set(bounds))
        iris = [i for i in iris if id_of(i) not in bounds and id_of(i) not in inside]
    if for_side is not None:
        members = {iri_of("actor", m).value for m in side(store, for_side)}
        iris = _with_actor_among(store, iris, members)
    if flat:
        iris = iris[:limit] if limit is not None else iris
        return event_rows(store, iris, window_start, window_end)
    rows = nest(store, event_rows(store, iris, window_start, window_end))
    return rows[:limit] if limit is not None else rows


def _event_iris(
    store: Store, actor_iris: list[ox.NamedNode], params: dict[str, Value]
) -> list[ox.NamedNode]:
    """The events the filters keep, in date order: from the rarest actor's events when given."""
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
    return named_nodes(result.values("event"))


def _between(
    store: Store, after: str | None, before: str | None, start: date | None, end: date | None
) -> tuple[date | None, date | None]:
    """The window ``[start, end]`` narrowed to after ``after`` ends and before ``before`` begins."""
    if start is not None and end is not None and end < start:
        raise QueryError(f"--to is before --from (got {start} and {end})")
    bounds = [e for e in (after, before) if e is not None]
    ends = {r.id: r for r in event_rows(store, [iri_of("event", e) for e in bounds])}
    missing = [e for e in bounds if e not in ends]
    if missing:
        raise QueryError(f"the store has no event {missing[0]!r}; was the data loaded into it?")
    if after is not None:
        day = ends[after].time.latest
        start = day if start is None else max(start, day)
    if before is not None:
        day = ends[before].time.earliest
        end = day if end is None else min(end, day)
    if bounds and start is not None and end is not None and end < start:
        raise QueryError(f"{after!r} ends after {before!r} begins: no event falls between them")
    return start, end


def _with_actor_among(
    store: Store, iris: list[ox.NamedNode], members: set[str]
) -> list[ox.NamedNode]:
    """The events of ``iris`` in which one of ``members`` (actor IRIs) took part."""
    if not iris:
        return []
    took_part = {
        term_text(r["event"])
        for r in run_each(store, "event-participants", "event", iris)
        if term_text(r["actor"]) in members
    }
    return [i for i in iris if i.value in took_part]


def meetings(
    store: Store,
    a: str,
    b: str,
    *,
    any_role: bool = False,
    flat: bool = False,
    sides: bool = False,
) -> list[MeetingRow]:
    """Every summit, meeting or talks in which actors ``a`` and ``b`` both took part, numbered.

    Only principal roles count (host, guest, attendee, signatory, agent): an
    actor that mediated, accompanied or observed did not meet. ``any_role``
    also lists the events where one of them was there in another role, with
    no ordinal, so the numbers stay those of the real meetings.

    A meeting that is part of another (the dinner and the talks within a
    summit) is no meeting of its own: it is listed in the ``parts`` of the
    outermost one and has no ordinal. ``flat`` lists the parts on their own
    rows instead, still without an ordinal.

    With ``sides``, ``a`` and ``b`` are states and the meetings are those of
    anyone who speaks for one (see :func:`side`) with anyone who speaks for
    the other; each row's ``who_a`` and ``who_b`` say who met.

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
    if sides:
        role_of, who, rows = _side_meetings(store, a, b, any_role)
    else:
        role_of, rows = _pair_meetings(store, a, b, any_role)
        who = {}
    inner = wholes(store, [r.id for r in rows], {r.id for r in rows})

    def meeting(row: EventRow, counted: bool) -> MeetingRow:
        role_a, role_b = role_of[row.id]
        principal = role_a in PRINCIPAL_ROLES and role_b in PRINCIPAL_ROLES
        parts = tuple(meeting(p, False) for p in row.parts)
        who_a, who_b = who.get(row.id, (None, None))
        number = 1 if counted and principal else None
        return MeetingRow(number, row, role_a, role_b, parts, who_a, who_b)

    if flat:
        out = [meeting(r, r.id not in inner) for r in rows]
    else:
        out = [meeting(r, True) for r in nest(store, rows, inner)]
    n = 0
    for i, m in enumerate(out):
        if m.ordinal is not None:
            n += 1
            out[i] = replace(m, ordinal=n)
    return out


def _side_meetings(
    store: Store, a: str, b: str, any_role: bool
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], list[EventRow]]:
    """Meetings of the sides of states ``a`` and ``b``: roles, who met, and the event rows."""
    members_a, members_b = set(side(store, a)), set(side(store, b))
    shared = sorted(members_a & members_b)
    if shared:
        raise QueryError(
            f"{a!r} and {b!r} share speakers, so they are not two sides (got {shared})"
        )
    role_of: dict[str, tuple[str, str]] = {}
    who: dict[str, tuple[str, str]] = {}
    kept = []
    for row in events(store, types=sorted(MEETING_TYPES), for_side=a, flat=True):

        def best(members: set[str], row: EventRow = row) -> tuple[str, str] | None:
            found = [p for p in row.participants if p.actor in members]
            found.sort(key=lambda p: p.role not in PRINCIPAL_ROLES)
            return (found[0].name, found[0].role) if found else None

        pa, pb = best(members_a), best(members_b)
        if pa is None or pb is None:
            continue
        if not any_role and not (pa[1] in PRINCIPAL_ROLES and pb[1] in PRINCIPAL_ROLES):
            continue
        role_of[row.id], who[row.id] = (pa[1], pb[1]), (pa[0], pb[0])
        kept.append(row)
    return role_of, who, kept


def _pair_meetings(
    store: Store, a: str, b: str, any_role: bool
) -> tuple[dict[str, tuple[str, str]], list[EventRow]]:
    """Meetings of actors ``a`` and ``b``: their roles by event id, and the event rows."""
    iri_a, iri_b = iri_of("actor", a), iri_of("actor", b)
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
        pair = (concept_of(r["roleA"]), concept_of(r["roleB"]))
        if not any_role and not (pair[0] in PRINCIPAL_ROLES and pair[1] in PRINCIPAL_ROLES):
            continue
        role_of.setdefault(term_text(r["event"]), (pair[1], pair[0]) if swapped else pair)
    rows = event_rows(
        store, named_nodes(v for v in result.values("event") if term_text(v) in role_of)
    )
    return {k.rsplit("/", 1)[-1]: v for k, v in role_of.items()}, rows


def side(store: Store, state: str) -> list[str]:
    """The ids of everyone who speaks for ``state``: the state, its people, bodies and media.

    An actor belongs to the side when its ``country`` is the state, when it
    holds a post in the state, or when it holds a post in (or belongs by
    ``country`` to) a body that does, through any number of such steps.

    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> side(store, "north-korea")
    ['kcna', 'kim-jong-un', 'north-korea']
    """
    found = run(store, "side", side=iri_of("actor", state)).values("member")
    return sorted({id_of(m) for m in found if isinstance(m, ox.NamedNode)})


def statements(
    store: Store,
    *,
    by: str | None = None,
    about_event: str | None = None,
    about_actor: str | None = None,
    about_place: str | None = None,
    for_side: str | None = None,
    start: date | str | PartialDate | DateSpan | None = None,
    end: date | str | PartialDate | DateSpan | None = None,
) -> list[StatementRow]:
    """Who said what, when, with the sources and the quoted words, in date order.

    Parameters
    ----------
    by
        Speaker's actor id.
    about_event, about_actor
        Only statements about this event (or an event part of it) or actor (ids).
    about_place
        Only statements about an event at this place (or at a place inside
        it), or whose words name it (id).
    for_side
        Only statements by someone who speaks for this state (see
        :func:`side`); each row's speaker says who spoke.
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
    >>> sorted({s.speaker_name for s in statements(store, for_side="north-korea")})
    ['Korean Central News Agency']
    """
    window_start, window_end = window_day(start, end=False), window_day(end, end=True)
    speakers: Value = iri_of("actor", by) if by is not None else None
    if for_side is not None:
        members = side(store, for_side)
        if by is not None:
            members = [m for m in members if m == by]
        speakers = [iri_of("actor", m) for m in members]
    result = run(
        store,
        "statements",
        speaker=speakers,
        aboutEvent=iri_of("event", about_event) if about_event is not None else None,
        aboutActor=iri_of("actor", about_actor) if about_actor is not None else None,
        aboutPlace=iri_of("place", about_place) if about_place is not None else None,
        **{
            "from": day_literal(window_start) if window_start is not None else None,
            "to": day_literal(window_end) if window_end is not None else None,
        },
    )
    return statement_rows(result, window_start, window_end)


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
    ('Spokesman', ['lee-new-life'])
    """
    node = iri_of("actor", actor)
    info = run(store, "actor", actor=node)
    if not len(info):
        raise QueryError(f"the store has no actor {actor!r}; was the data loaded into it?")
    first = next(iter(info))
    aliases = in_order((slot_of(r["slot"]), term_text(r["alias"])) for r in info if r["alias"])
    kinds = [_KIND_OF_CLASS[c] for r in info if (c := id_of(r["class"])) in _KIND_OF_CLASS]
    positions = []
    for r in run(store, "actor-positions", actor=node):
        positions.append(
            (
                index_of(r["position"]),
                PositionRow(
                    post=term_text(r["post"]),
                    organization=id_of(r["organization"]) if r["organization"] else None,
                    organization_name=text_of(r["organizationName"]),
                    start=text_of(r["start"]),
                    end=text_of(r["end"]),
                ),
            )
        )
    by_role_iris: dict[str, list[ox.NamedNode]] = {}
    roles = run(store, "actor-events", actor=node)
    for r in roles:
        event = r["event"]
        if isinstance(event, ox.NamedNode):
            by_role_iris.setdefault(concept_of(r["role"]), []).append(event)
    rows = {r.id: r for r in event_rows(store, named_nodes(roles.values("event")))}
    events_by_role = {
        role: tuple(rows[id_of(e)] for e in named_nodes(iris) if id_of(e) in rows)
        for role, iris in sorted(by_role_iris.items(), key=lambda kv: _role_order(kv[0]))
    }
    mates = run(store, "counterparts", actor=node)
    return ActorDossier(
        id=actor,
        name=term_text(first["name"]),
        kind=kinds[0] if kinds else "",
        aliases=aliases,
        description=text_of(first["description"]),
        positions=tuple(p for _, p in sorted(positions, key=lambda t: t[0])),
        events_by_role=events_by_role,
        statements=tuple(statements(store, by=actor)),
        counterparts=tuple(
            Counterpart(
                id_of(r["other"]),
                text_of(r["name"]) or id_of(r["other"]),
                int(term_text(r["shared"])),
            )
            for r in list(mates)[:counterparts]
        ),
    )


def _role_order(role: str) -> tuple[int, str]:
    order = [r.value for r in Role]
    return (order.index(role) if role in order else len(order), role)


# -- names and the timeline's statements ---------------------------------------------------


def resolve_place(source: Store | object, name: str) -> str:
    """The id of the one place whose id or name is ``name`` (or whose name contains it).

    ``source`` is the store the question runs on, or a knowledge graph; see
    :class:`diplograph.names.Names`.

    >>> from diplograph import load, bundled_data
    >>> resolve_place(load(bundled_data()), "hodo")
    'hodo-peninsula'
    """
    return Names(source).place(name).id


def resolve_about(source: Store | object, name: str) -> tuple[str, str]:
    """What ``name`` is about: ``("actor", id)``, else ``("place", id)``, else ``("event", id)``.

    See :meth:`diplograph.names.Names.about`.

    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> resolve_about(kg, "Hanoi summit"), resolve_about(kg, "Hanoi"), resolve_about(kg, "Kim")
    (('event', 'hanoi-summit-2019'), ('place', 'hanoi'), ('actor', 'kim-jong-un'))
    """
    return Names(source).about(name)


def timeline_statements(
    store: Store,
    shown: Sequence[EventRow],
    *,
    actors: Iterable[str] = (),
    narrowed: bool = False,
    start: date | str | PartialDate | DateSpan | None = None,
    end: date | str | PartialDate | DateSpan | None = None,
) -> list[StatementRow]:
    """The statements a timeline of the events ``shown`` draws, in date order.

    Every statement in the date window, unless the events were ``narrowed``
    (filtered by actor, type, place or a limit): then only those about an
    event shown, or spoken by one of ``actors`` (ids).

    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> hanoi = events(store, types=["summit"], start="2019-02", end="2019-02")
    >>> [s.id for s in timeline_statements(store, hanoi, narrowed=True)]
    ['us-blames-north-korean-demands', 'lee-lull-since-hanoi']
    """
    said = statements(store, start=start, end=end)
    if not narrowed:
        return said
    ids, speakers = {r.id for r in shown}, set(actors)
    return [s for s in said if ids & set(s.about_events) or s.speaker in speakers]
