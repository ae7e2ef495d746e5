"""The analysts' questions: events, meetings, statements, an actor's dossier.

Each question takes a :class:`~diplograph.rdf.store.Store` and record ids,
runs one or more shipped templates (:mod:`diplograph.query.templates`) and
returns rows (:mod:`diplograph.query.rows`). Names become ids with
:mod:`diplograph.names`, asked of the same store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import pyoxigraph as ox

from ..dates import DateSpan, PartialDate
from ..errors import QueryError
from ..model import MEETING_TYPES, PRINCIPAL_ROLES, EventType, Role
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
    slot_of,
    statement_rows,
    text_of,
    window_day,
)
from .templates import Value, run

__all__ = [
    "actor_dossier",
    "events",
    "meetings",
    "resolve_about",
    "resolve_place",
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
    from ..rdf.vocab import EVENT_TYPE

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
    window_start, window_end = window_day(start, end=False), window_day(end, end=True)
    if window_start is not None and window_end is not None and window_end < window_start:
        raise QueryError(f"--to is before --from (got {window_start} and {window_end})")
    actor_iris = [iri_of("actor", a) for a in dict.fromkeys(actors)]
    params: dict[str, Value] = {
        "type": _types(types) or None,
        "place": iri_of("place", place) if place is not None else None,
        "from": day_literal(window_start) if window_start is not None else None,
        "to": day_literal(window_end) if window_end is not None else None,
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
    iris = named_nodes(result.values("event"))
    if limit is not None:
        iris = iris[:limit]
    return event_rows(store, iris, window_start, window_end)


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
    out: list[MeetingRow] = []
    n = 0
    for row in rows:
        role_a, role_b = role_of[iri_of("event", row.id).value]
        number = None
        if role_a in PRINCIPAL_ROLES and role_b in PRINCIPAL_ROLES:
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
    window_start, window_end = window_day(start, end=False), window_day(end, end=True)
    result = run(
        store,
        "statements",
        speaker=iri_of("actor", by) if by is not None else None,
        aboutEvent=iri_of("event", about_event) if about_event is not None else None,
        aboutActor=iri_of("actor", about_actor) if about_actor is not None else None,
        **{
            "from": day_literal(window_start) if window_start is not None else None,
            "to": day_literal(window_end) if window_end is not None else None,
        },
    )
    return statement_rows(store, named_nodes(result.values("statement")), window_start, window_end)


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
    """What ``name`` is about: ``("actor", id)`` if an actor answers to it, else ``("event", id)``.

    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> resolve_about(kg, "Hanoi"), resolve_about(kg, "Kim")
    (('event', 'hanoi-summit-2019'), ('actor', 'kim-jong-un'))
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
