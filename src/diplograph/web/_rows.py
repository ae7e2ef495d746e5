"""The timeline's row of every event and statement, held in memory once read.

The rows a view shows come from the shipped templates (``event-details``,
``event-participants``, ``statement-details``, ``statement-about``), one
lookup per field and item; at a few hundred items that is most of a
request. The same fields are read here for every item with one plain query
per property (read with the facts, in a thread), so that a view's rows are
dictionary lookups. They are the same rows (tested against the templates);
until they are read, and for rows with citations, the templates answer.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..dates import parse_date
from ..rdf.store import Store, term_text
from ._lookup import _PREFIXES

_QUERIES = {
    "id": "SELECT ?e ?v WHERE { ?e dcterms:identifier ?v }",
    "edtf": "SELECT ?e ?v WHERE { ?e dg:edtf ?v }",
    "mode": "SELECT ?e ?v WHERE { ?e dg:mode ?v }",
    "role": "SELECT ?e ?v WHERE { ?e dg:hasRole ?v }",
    "value": "SELECT ?e ?v WHERE { ?e rdf:value ?v }",
    "role-type": "SELECT ?e ?v WHERE { ?e sem:roleType ?v }",
    "about": "SELECT ?e ?v WHERE { ?e dg:aboutEvent ?v }",
}


intern = sys.intern  # the same few actors, roles, modes and dates, held once


def _pairs(store: Store, name: str) -> Iterable[tuple[str, str]]:
    for row in store.query(f"{_PREFIXES}\n{_QUERIES[name]}"):
        yield term_text(row["e"]), term_text(row["v"])


def _tail(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _slot(iri: str) -> tuple[int, str]:
    tail = iri.rsplit("-", 1)[-1]
    return (int(tail) if tail.isdigit() else 0, iri)


def _bound(day: date) -> str | None:
    return None if day in (date.min, date.max) else day.isoformat()


def _when(edtf: str, key: str) -> dict[str, Any]:
    when = parse_date(edtf)
    return {
        key: edtf,
        f"{key}_earliest": _bound(when.earliest),
        f"{key}_latest": _bound(when.latest),
    }


@dataclass
class Rows:
    """The fields of each item's row (by IRI), and the labels of actors and places."""

    ids: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    edtf: dict[str, str] = field(default_factory=dict)
    outcomes: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    modes: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    speakers: dict[str, str] = field(default_factory=dict)
    roles: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """For each event, (actor IRI, role IRI) in the record's order."""
    about: dict[str, list[str]] = field(default_factory=dict)
    """For each statement, the ids of the events it is about, sorted."""

    def events(self, items: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
        """The rows of the events ``(iri, type id)`` that have an id, a label and a date."""
        out = []
        for iri, kind in items:
            if iri not in self.ids or iri not in self.labels or iri not in self.edtf:
                continue
            place = self.places.get(iri)
            out.append(
                {
                    "id": self.ids[iri],
                    "label": self.labels[iri],
                    "type": kind,
                    **_when(self.edtf[iri], "time"),
                    "place": _tail(place) if place is not None else None,
                    "place_name": self.labels.get(place) if place is not None else None,
                    "participants": [
                        {
                            "actor": _tail(actor),
                            "name": self.labels.get(actor, _tail(actor)),
                            "role": _tail(role),
                        }
                        for actor, role in self.roles.get(iri, [])
                    ],
                    "outcome": self.outcomes.get(iri),
                }
            )
        return out

    def statements(self, iris: Iterable[str]) -> list[dict[str, Any]]:
        """The rows of the statements that have an id, a speaker, words and a date."""
        out = []
        for iri in iris:
            speaker = self.speakers.get(iri)
            if speaker is None or iri not in self.ids or iri not in self.texts:
                continue
            if iri not in self.edtf:
                continue
            mode = self.modes.get(iri)
            out.append(
                {
                    "id": self.ids[iri],
                    "speaker": _tail(speaker),
                    "speaker_name": self.labels.get(speaker, _tail(speaker)),
                    **_when(self.edtf[iri], "date"),
                    "text": self.texts[iri],
                    "mode": _tail(mode) if mode is not None else "direct_quote",
                    "about_events": self.about.get(iri, []),
                }
            )
        return out


def read(
    store: Store,
    items: set[str],
    events: set[str],
    first: Mapping[str, Mapping[str, str]],
    places: dict[str, str],
) -> Rows:
    """The rows of ``items``, given what the facts read: the first value of each item's
    ``label``, ``outcome``, ``text`` and ``speaker`` (and of each actor's and place's label)
    in ``first``, and the events' places."""
    ids = {e: v for e, v in _pairs(store, "id") if e in items}
    edtf = {e: intern(v) for e, v in _pairs(store, "edtf") if e in items}
    modes = {e: intern(v) for e, v in _pairs(store, "mode") if e in items and e not in events}
    nodes: dict[str, str] = {}
    node_of: dict[str, list[str]] = {}
    for e, node in _pairs(store, "role"):
        if e in events:
            nodes[node] = e
            node_of.setdefault(e, []).append(node)
    actor = {n: intern(v) for n, v in _pairs(store, "value") if n in nodes}
    role = {n: intern(v) for n, v in _pairs(store, "role-type") if n in nodes}
    roles = {
        e: [(actor[n], role[n]) for n in sorted(ns, key=_slot) if n in actor and n in role]
        for e, ns in node_of.items()
    }
    about: dict[str, set[str]] = {}
    for e, v in _pairs(store, "about"):
        if e in items:
            about.setdefault(e, set()).add(_tail(v))
    return Rows(
        ids=ids,
        labels=dict(first.get("label", {})),
        edtf=edtf,
        outcomes=dict(first.get("outcome", {})),
        texts=dict(first.get("text", {})),
        modes=modes,
        places=places,
        speakers=dict(first.get("speaker", {})),
        roles=roles,
        about={k: sorted(v) for k, v in about.items()},
    )
