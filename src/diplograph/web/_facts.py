"""What the view's filters test on each event and statement: its actors, sources and words.

Read once per store with one plain query per property (a single triple
pattern, or a short path), which a store answers by scanning one index, and
joined here; the reading runs in a thread beside the server, so the first
view does not wait for it (only a filter that needs it does).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..rdf.store import Store, Term, term_text
from . import _rows
from ._lookup import _PREFIXES

SEP = "\x00"
"""Between the words of an item's fields, so that no search runs from one field into the next."""

_QUERIES = {
    "actor": "SELECT ?e ?v WHERE { ?e sem:hasActor ?v }",
    "speaker": "SELECT ?e ?v WHERE { ?e dg:speaker ?v }",
    "place": "SELECT ?e ?v WHERE { ?e sem:hasPlace ?v }",
    "label": "SELECT ?e ?v WHERE { ?e rdfs:label ?v }",
    "outcome": "SELECT ?e ?v WHERE { ?e dg:outcome ?v }",
    "text": "SELECT ?e ?v WHERE { ?e dg:text ?v }",
    "source": "SELECT ?e ?v WHERE { ?e dg:evidence/oa:hasSource/dcterms:identifier ?v }",
    "quote": "SELECT ?e ?v WHERE { ?e dg:evidence/oa:hasSelector/oa:exact ?v }",
    "title": "SELECT ?e ?v WHERE { ?s a dg:Source ; dcterms:identifier ?e ; dcterms:title ?v }",
    "actors": "SELECT ?e WHERE { ?e a sem:Actor }",
    "sources": "SELECT ?e WHERE { ?s a dg:Source ; dcterms:identifier ?e }",
}


@dataclass
class Facts:
    """For each item (by IRI): its actors' IRIs, its sources' ids, its place, its own words.

    ``names`` holds the casefolded name of each actor and place (by IRI) and
    the title of each source (by id), as the page shows them: an actor or a
    source without one goes by its id.
    """

    actors: dict[str, frozenset[str]] = field(default_factory=dict)
    sources: dict[str, frozenset[str]] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    rows: _rows.Rows = field(default_factory=_rows.Rows)
    """The row of each item as the timeline shows it."""
    holders: dict[str, frozenset[str]] = field(default_factory=dict)
    """The other way round: for each actor (IRI), the items it took part in or spoke."""
    citing: dict[str, frozenset[str]] = field(default_factory=dict)
    """For each source (id), the items that cite it."""


def _pairs(store: Store, name: str) -> Iterable[tuple[str, str]]:
    for row in store.query(f"{_PREFIXES}\n{_QUERIES[name]}"):
        yield term_text(row["e"]), term_text(row["v"])


def _ones(store: Store, name: str) -> Iterable[str]:
    for row in store.query(f"{_PREFIXES}\n{_QUERIES[name]}"):
        yield term_text(row["e"])


def _tail(term: Term | str) -> str:
    return (term if isinstance(term, str) else term_text(term)).rsplit("/", 1)[-1]


def read(store: Store, items: set[str], events: set[str]) -> Facts:
    """The facts of ``items`` (events and statements by IRI; ``events`` the events among them)."""
    facts, first = _read(store, items, events)
    facts.rows = _rows.read(store, items, events, first, facts.places)
    return facts


def _read(
    store: Store, items: set[str], events: set[str]
) -> tuple[Facts, dict[str, dict[str, str]]]:
    """The facts without the rows, and the first values the rows take from them."""
    first: dict[str, dict[str, str]] = {k: {} for k in ("label", "outcome", "text", "speaker")}
    actors: dict[str, set[str]] = {}
    for e, v in _pairs(store, "actor"):
        if e in events:
            actors.setdefault(e, set()).add(v)
    for e, v in _pairs(store, "speaker"):
        if e in items and e not in events:
            actors.setdefault(e, set()).add(v)
            first["speaker"].setdefault(e, v)
    sources: dict[str, set[str]] = {}
    for e, v in _pairs(store, "source"):
        if e in items:
            sources.setdefault(e, set()).add(v)
    names = {a: _tail(a) for a in _ones(store, "actors")}
    names.update((s, s) for s in _ones(store, "sources"))
    places = {e: v for e, v in _pairs(store, "place") if e in events}
    place_iris = set(places.values())
    words: dict[str, dict[str, None]] = {}
    for name in ("label", "outcome", "text", "quote"):
        for e, v in _pairs(store, name):
            if e in items:
                words.setdefault(e, {})[v] = None
                if name in first:
                    first[name].setdefault(e, v)
            elif name == "label" and (e in names or e in place_iris):
                names[e] = v
                first[name].setdefault(e, v)
    names.update(_pairs(store, "title"))
    return Facts(
        actors={k: frozenset(v) for k, v in actors.items()},
        sources={k: frozenset(v) for k, v in sources.items()},
        places=places,
        words={k: SEP.join(v).casefold() for k, v in words.items()},
        names={k: v.casefold() for k, v in names.items()},
        holders=_inverse(actors),
        citing=_inverse(sources),
    ), first


def _inverse(links: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """``{item: {a, b}}`` as ``{a: {item}, b: {item}}``."""
    out: dict[str, set[str]] = {}
    for item, values in links.items():
        for v in values:
            out.setdefault(v, set()).add(item)
    return {k: frozenset(v) for k, v in out.items()}


class Later:
    """Facts read in a thread: :meth:`get` waits until they are there (or raises what failed).

    The rows are read after the facts, in the same thread: a filter waits for
    the facts only, and :meth:`ready` says whether the rows are there too.
    """

    def __init__(self, store: Store, items: set[str], events: set[str]) -> None:
        self._facts: Facts | None = None
        self._error: BaseException | None = None
        self._read = threading.Event()
        self._rows = False

        def run() -> None:
            try:
                facts, first = _read(store, items, events)
            except BaseException as e:  # handed to the caller of get()
                self._error = e
                self._read.set()
                return
            self._facts = facts
            self._read.set()
            facts.rows = _rows.read(store, items, events, first, facts.places)
            self._rows = True

        self._thread = threading.Thread(target=run, name="diplograph-facts", daemon=True)
        self._thread.start()

    def ready(self) -> bool:
        """Whether the facts and the rows are read."""
        return self._rows

    def has_facts(self) -> bool:
        """Whether the facts are read (or failed: :meth:`get` raises at once)."""
        return self._read.is_set()

    def get(self) -> Facts:
        self._read.wait()
        if self._error is not None:
            raise self._error
        assert self._facts is not None
        return self._facts

    def wait(self) -> Facts:
        """The facts once the rows are read too."""
        self._thread.join()
        return self.get()


def later(store: Store, items: set[str], events: set[str]) -> Later:
    """Start reading the facts of ``items`` in a thread; returns a :class:`Later`."""
    return Later(store, items, events)
