"""Which actor, event or place a name means, asked of whichever store is in use.

A person types "Kim", "Trump", "Hanoi summit" or "hodo"; a query needs a
record id. :class:`Names` answers from the records a command actually reads:
a SPARQL store (embedded in memory or on disk, or an endpoint: anything with
the :meth:`~diplograph.rdf.store.Store.query` method) or a
:class:`~diplograph.kg.KnowledgeGraph` in memory. From a store it reads the
names the RDF mapping writes: ``dcterms:identifier`` (the id),
``rdfs:label`` (an actor's or place's name, an event's label) and
``skos:altLabel`` (an actor's or a place's aliases).

The matching is the same whatever the source:

- an id matches itself exactly;
- then a name or alias (an event's label) that is the name given, character for
  character, and is held by one record only, means that record: a store finds
  it through its index of literals, without reading every name (for what a
  statement is about, an exact name of any kind comes before the folded ones);
- otherwise names are compared with :func:`normalize_name` (case, accents,
  spaces, hyphens and punctuation do not count): an actor by its name or an
  alias, a place by its name or an alias (else by a part of its name), an event by a part of
  its label or by all of the words given;
- an event name that matches an event and events that are part of it (the
  Hanoi summit and the dinner in Hanoi within it) means the outermost one;
- several unrelated matches raise :class:`~diplograph.errors.AmbiguousNameError`
  listing them as ``id (name)``; none raises
  :class:`~diplograph.errors.UnknownNameError` with the nearest names.

Examples
--------
>>> from diplograph.model import Actor
>>> from diplograph.kg import KnowledgeGraph
>>> kg = KnowledgeGraph.from_records([
...     Actor(id="kim-jong-un", kind="person", name="Kim Jong Un", aliases=["Kim"]),
...     Actor(id="kim-yo-jong", kind="person", name="Kim Yo Jong")])
>>> Names(kg).actor("KIM jong-un").id
'kim-jong-un'
>>> Names(kg).actor("Kim Yo-jong").name
'Kim Yo Jong'
>>> Names(kg).actor("Kim Jong Il")
Traceback (most recent call last):
...
diplograph.errors.UnknownNameError: no actor is called 'Kim Jong Il'; did you mean Kim Jong Un, \
Kim Yo Jong?
"""

from __future__ import annotations

import contextlib
import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pyoxigraph as ox

from .errors import AmbiguousNameError, UnknownNameError

__all__ = [
    "NAMED_KINDS",
    "Named",
    "Names",
    "match_actor",
    "match_event",
    "match_place",
    "normalize_name",
]

NAMED_KINDS = ("actor", "event", "place")
"""The kinds of record a name can mean."""

NAMED_KINDS_ABOUT = ("actor", "place", "event")
"""The kinds a statement's ``about`` name is tried as, in this order."""


_NOT_WORD = re.compile(r"[\W_]+")


def normalize_name(name: str) -> str:
    """Fold a name for matching: case, accents, spaces, hyphens and punctuation do not count.

    >>> normalize_name("Kim Jong-un") == normalize_name("KIM JONG UN")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub("", stripped.casefold())


@dataclass(frozen=True, slots=True)
class Named:
    """A record as a name finds it: its kind, id, name (an event's label) and aliases."""

    kind: str
    id: str
    name: str
    aliases: tuple[str, ...] = ()

    def shown(self) -> str:
        """``id (name)``, as an ambiguity error lists the candidates."""
        return f"{self.id} ({self.name})"


# -- the matching, one implementation for every source ----------------------------------------


def _by_id_or_exact(name: str, records: Sequence[Named]) -> Named | None:
    """The record whose id is ``name``, else the one record with a name or alias that is
    ``name`` exactly, else ``None``."""
    found = next((r for r in records if r.id == name), None)
    if found is not None:
        return found
    exact = [r for r in records if name in (r.name, *r.aliases)]
    return exact[0] if len(exact) == 1 else None


def match_actor(name: str, actors: Sequence[Named]) -> Named:
    """The one actor whose id, name or alias is ``name`` (case, spaces, hyphens ignored).

    A name or alias that is ``name`` exactly, held by one actor only, wins over
    those equal to it only once folded.

    >>> a = [Named("actor", "moon-jae-in", "Moon Jae-in", ("Moon",))]
    >>> match_actor("moon", a).id
    'moon-jae-in'
    >>> a.append(Named("actor", "moon-2", "Moon Jae In"))
    >>> match_actor("Moon Jae In", a).id
    'moon-2'
    """
    found = _by_id_or_exact(name, actors)
    if found is not None:
        return found
    key = normalize_name(name)
    hits = [a for a in actors if key in {normalize_name(n) for n in (a.name, *a.aliases)}]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise AmbiguousNameError(name, [a.shown() for a in sorted(hits, key=lambda a: a.id)])
    names = sorted({n for a in actors for n in (a.name, *a.aliases)})
    raise UnknownNameError(name, difflib.get_close_matches(name, names, n=3, cutoff=0.6))


def _words(text: str) -> set[str]:
    return {normalize_name(w) for w in re.split(r"[\s\-–]+", text)} - {""}


def match_event(name: str, events: Sequence[Named]) -> Named:
    """The one event whose id or whole label is ``name``, or whose label holds it.

    A label that is ``name`` exactly, held by one event only, wins at once.
    Otherwise ``name`` matches a label that contains it (case, spaces and
    hyphens ignored) or that holds each of its words, in any order; of
    several, one whose whole label is ``name`` (so folded) wins.

    >>> e = [Named("event", "hanoi", "Trump-Kim summit in Hanoi")]
    >>> match_event("Hanoi summit", e).id
    'hanoi'
    """
    found = _by_id_or_exact(name, events)
    if found is not None:
        return found
    key, words = normalize_name(name), _words(name)

    def matches(label: str) -> bool:
        if key and key in normalize_name(label):
            return True
        return bool(words) and words <= _words(label)

    hits = [e for e in events if matches(e.name)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        exact = [e for e in hits if normalize_name(e.name) == key]
        if len(exact) == 1:
            return exact[0]
        shown = [e.shown() for e in sorted(hits, key=lambda e: e.id)]
        raise AmbiguousNameError(name, shown, what="event")
    labels = sorted(e.name for e in events)
    near = difflib.get_close_matches(name, labels, n=3, cutoff=0.5)
    raise UnknownNameError(name, near, what="event")


def match_place(name: str, places: Sequence[Named]) -> Named:
    """The one place whose id, name or alias is ``name`` (or whose name contains it).

    >>> match_place("hodo", [Named("place", "hodo-peninsula", "Hodo Peninsula")]).id
    'hodo-peninsula'
    >>> match_place("Nyongbyon", [Named("place", "yongbyon", "Yongbyon", ("Nyongbyon",))]).id
    'yongbyon'
    """
    found = _by_id_or_exact(name, places)
    if found is not None:
        return found
    key = normalize_name(name)
    hits = [p for p in places if key in {normalize_name(n) for n in (p.name, *p.aliases)}] or [
        p for p in places if key and key in normalize_name(p.name)
    ]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        shown = [p.shown() for p in sorted(hits, key=lambda p: p.id)]
        raise AmbiguousNameError(name, shown, what="place")
    near = difflib.get_close_matches(name, sorted(p.name for p in places), n=3)
    raise UnknownNameError(name, near, what="place")


# -- where the names come from ----------------------------------------------------------------


class Queryable(Protocol):
    """Anything that runs SPARQL: every :class:`~diplograph.rdf.store.Store`."""

    def query(self, sparql: str, *, union: bool = False) -> Any:
        """Run a SPARQL SELECT; the answer iterates as dicts of variable -> term."""


_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
"""

_CLASS = {"actor": "sem:Actor", "event": "sem:Event", "place": "sem:Place"}


def names_query(
    kind: str,
    record_id: str | None = None,
    *,
    words: Sequence[str] = (),
    named: str | None = None,
) -> str:
    """The SPARQL that reads the ids, names and aliases of the records of ``kind``.

    With ``record_id``, only the record with that id (bound as a literal, so
    any text is safe). With ``named``, only the records with a name or alias
    (an event's label) that is that text exactly: the store finds them in its
    index of literals, reading no other name. With ``words`` (folded by :func:`normalize_name`),
    only the records whose name may hold every one of them: a name of plain
    ASCII must hold them once folded the same way in SPARQL; any other name
    is always read, as SPARQL cannot fold accents. No name that could match
    is left out, so the answer is the same as without ``words``, only faster.

    >>> "skos:altLabel" in names_query("actor")
    True
    >>> 'VALUES ?id { "a \\\\"b\\\\"" }' in names_query("actor", 'a "b"')
    True
    >>> print(names_query("place", named="Hanoi").splitlines()[6])
      VALUES ?named { rdfs:label skos:altLabel } ?r ?named "Hanoi" .
    """
    values = "" if record_id is None else f"  VALUES ?id {{ {ox.Literal(record_id)} }}\n"
    if named is not None:
        # one pattern over both predicates: Oxigraph plans a UNION of the two as a scan
        either = "rdfs:label skos:altLabel" if kind != "event" else "rdfs:label"
        values += f"  VALUES ?named {{ {either} }} ?r ?named {ox.Literal(named)} .\n"
    aliases = "  OPTIONAL { ?r skos:altLabel ?alias }\n" if kind != "event" else ""
    narrow = ""
    if words:
        folded = 'LCASE(REPLACE(STR(?name), "[^A-Za-z0-9]", ""))'
        holds = " && ".join(f"CONTAINS({folded}, {ox.Literal(w)})" for w in words)
        narrow = f'  FILTER (REGEX(STR(?name), "[^\\u0001-\\u007F]") || ({holds}))\n'
    return (
        f"{_PREFIXES}SELECT ?id ?name ?alias WHERE {{\n{values}"
        f"  ?r rdf:type {_CLASS[kind]} ;\n"
        "     dcterms:identifier ?id ;\n"
        f"     rdfs:label ?name .\n{narrow}{aliases}"
        "}"
    )


def _from_solutions(kind: str, solutions: Any) -> list[Named]:
    names: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    for row in solutions:
        rid = str(row["id"].value)
        names.setdefault(rid, [])
        if str(row["name"].value) not in names[rid]:
            names[rid].append(str(row["name"].value))
        alias = row.get("alias")
        if alias is not None and str(alias.value) not in aliases.setdefault(rid, []):
            aliases[rid].append(str(alias.value))
    out = []
    for rid, labels in sorted(names.items()):
        first, *others = sorted(labels)
        extra = tuple(dict.fromkeys([*others, *sorted(aliases.get(rid, []))]))
        out.append(Named(kind, rid, first, extra))
    return out


def _from_graph(kind: str, kg: Any) -> list[Named]:
    table = getattr(kg, f"{kind}s")
    if kind == "event":
        return [Named(kind, e.id, e.label) for e in table.values()]
    return [Named(kind, r.id, r.name, tuple(getattr(r, "aliases", ()))) for r in table.values()]


_MATCH = {"actor": match_actor, "event": match_event, "place": match_place}

_WHOLES = (
    "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "SELECT ?partId ?wholeId WHERE {{\n  VALUES ?id {{ {ids} }}\n"
    "  ?e dcterms:identifier ?id ; sem:subEventOf* ?part .\n"
    "  ?part sem:subEventOf ?whole ; dcterms:identifier ?partId .\n"
    "  ?whole dcterms:identifier ?wholeId .\n}}"
)


def _outermost(ids: Sequence[str], whole_of: dict[str, str]) -> str | None:
    """The one of ``ids`` that every other is part of (through ``whole_of``), else ``None``."""
    for top in ids:
        if all(_inside(i, top, whole_of) for i in ids if i != top):
            return top
    return None


def _inside(part: str, whole: str, whole_of: dict[str, str]) -> bool:
    seen, up = {part}, whole_of.get(part)
    while up is not None and up not in seen:
        if up == whole:
            return True
        seen.add(up)
        up = whole_of.get(up)
    return False


class Names:
    """The names of the records in ``source``: a store (SPARQL) or a knowledge graph.

    Each kind's names are read once, on first use, so resolving several names
    in one command asks the store once per kind. An exact id is looked up on
    its own first, so a store is not read whole for a name given as an id.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> store = open_store()
    >>> _ = store.load(load(bundled_data()))
    >>> names = Names(store)
    >>> names.actor("Trump").name, names.place("hodo").id, names.event("Hanoi").id
    ('Donald Trump', 'hodo-peninsula', 'hanoi-summit-2019')
    >>> names.about("Hanoi summit"), names.about("Hanoi"), names.about("Kim")
    (('event', 'hanoi-summit-2019'), ('place', 'hanoi'), ('actor', 'kim-jong-un'))
    """

    def __init__(self, source: Queryable | Any) -> None:
        self.source = source
        self._is_graph = hasattr(source, "actors") and hasattr(source, "events")
        self._read: dict[str, list[Named]] = {}

    def records(self, kind: str) -> list[Named]:
        """Every record of ``kind`` (``actor``, ``event`` or ``place``) with its names."""
        if kind not in self._read:
            if self._is_graph:
                self._read[kind] = _from_graph(kind, self.source)
            else:
                answer = self.source.query(names_query(kind))
                self._read[kind] = _from_solutions(kind, answer)
        return self._read[kind]

    def exact(self, kind: str, name: str) -> Named | None:
        """The record of ``kind`` whose id is ``name``, else the one record with a name or alias
        (an event's label) that is ``name`` exactly, else ``None``.

        A store answers from its indexes (two lookups), reading no other name.
        """
        if self._is_graph or kind in self._read:
            return _by_id_or_exact(name, self.records(kind))
        by_id = _from_solutions(kind, self.source.query(names_query(kind, name)))
        if by_id:
            return by_id[0]
        exact = _from_solutions(kind, self.source.query(names_query(kind, named=name)))
        return exact[0] if len(exact) == 1 else None

    def resolve(self, kind: str, name: str) -> Named:
        """The one record of ``kind`` that ``name`` names (see the module's rules)."""
        if kind not in _MATCH:
            raise ValueError(f"kind must be one of {', '.join(NAMED_KINDS)} (got {kind!r})")
        found = self.exact(kind, name)
        if found is not None:
            return found
        if kind not in self._read and not self._is_graph:
            words = sorted(_words(name))
            if kind == "event" and words:
                # only the labels that may match; all of them only for the near matches
                answer = self.source.query(names_query(kind, words=words))
                with contextlib.suppress(UnknownNameError):
                    return _MATCH[kind](name, _from_solutions(kind, answer))
        return _MATCH[kind](name, self.records(kind))

    def actor(self, name: str) -> Named:
        """The one actor whose id, name or alias is ``name``."""
        return self.resolve("actor", name)

    def event(self, name: str) -> Named:
        """The one event whose id is ``name`` or whose label holds it.

        When the label of an event and those of events part of it all match,
        the name means the outermost event (with its parts).
        """
        try:
            return self.resolve("event", name)
        except AmbiguousNameError as many:
            shown = dict(c.split(" (", 1) for c in many.candidates)
            top = _outermost(list(shown), self._wholes(list(shown)))
            if top is None:
                raise
            return Named("event", top, shown[top][:-1])

    def _wholes(self, ids: Sequence[str]) -> dict[str, str]:
        """The event each of ``ids`` (and each event above them) is directly part of."""
        if self._is_graph:
            events = getattr(self.source, "events")  # noqa: B009 - a graph, not a store
            return {i: e.part_of for i, e in events.items() if e.part_of is not None}
        answer = self.source.query(_WHOLES.format(ids=" ".join(str(ox.Literal(i)) for i in ids)))
        return {str(r["partId"].value): str(r["wholeId"].value) for r in answer}

    def place(self, name: str) -> Named:
        """The one place whose id or name is (or holds) ``name``."""
        return self.resolve("place", name)

    def about(self, name: str) -> tuple[str, str]:
        """What a statement may be about: ``("actor", id)``, ``("place", id)`` or ``("event", id)``.

        A record whose id, name or alias (an event's label) is ``name``
        exactly, tried in the same order, wins first. Otherwise an actor that
        answers to ``name`` wins; then a place (statements about a place are
        those about the events there and those naming it); then an event,
        which takes in the events part of it. An ambiguous actor or place name
        is an error, not a reason to try the next kind; when none answers, the
        error lists the near matches of all three.
        """
        for kind in NAMED_KINDS_ABOUT:  # a store looks these up, reading no list of names
            exact = self.exact(kind, name)
            if exact is not None:
                return (kind, exact.id)
        near: list[str] = []
        for kind in NAMED_KINDS_ABOUT:
            try:
                found = self.event(name) if kind == "event" else self.resolve(kind, name)
            except UnknownNameError as none:
                near.extend(none.candidates)
                continue
            return (kind, found.id)
        raise UnknownNameError(name, near, what="actor, place or event")
