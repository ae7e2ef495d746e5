"""Resolve the actors a row names to actors of the graph, or to new ones.

A name is matched, in this order, by Wikidata id, by CAMEO country code, by
exact name or alias (folded with :func:`diplograph.kg.normalize_name`), then by
fuzzy similarity (rapidfuzz) above a threshold. Every fuzzy match is listed in
``review``; a name that folds to the aliases of two known actors, or whose two
best fuzzy candidates are different actors scoring alike, matches none of them
(it becomes a new actor, listed for review), so two known actors are never
merged silently.

>>> from diplograph.kg import KnowledgeGraph
>>> from diplograph.model import Actor
>>> kg = KnowledgeGraph.from_records([make(Actor, id="kim-jong-un", kind="person",
...     name="Kim Jong Un", aliases=("Kim Jong-un",))])
>>> r = ActorResolver(kg)
>>> r.resolve("Kim Jong-Un"), r.resolve("Kim Jong Un."), r.resolve("Kim Yong Chol")
('kim-jong-un', 'kim-jong-un', 'kim-yong-chol')
>>> sorted(r.new)
['kim-yong-chol']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..kg import KnowledgeGraph, normalize_name
from ..model import Actor, ActorKind, Source
from .codes import ACTOR_TYPES, COUNTRIES, country
from .report import make, slug

__all__ = ["ActorResolver", "Match"]


def _qualifier(name: str) -> str:
    """The parenthesised part of a name ("Foreign Affairs (India)": "india"), folded."""
    m = re.search(r"\(([^)]*)\)", name)
    return normalize_name(m.group(1)) if m else ""


@dataclass(frozen=True)
class Match:
    """A name matched to an actor by a rule that a person should check."""

    name: str
    actor: str | None
    how: str
    score: float
    candidates: tuple[str, ...] = ()

    def __str__(self) -> str:
        target = self.actor or "a new actor"
        also = f" (candidates: {', '.join(self.candidates)})" if self.candidates else ""
        return f"{self.name!r} -> {target}: {self.how}, score {self.score:.0f}{also}"


@dataclass
class ActorResolver:
    """Turns the names and codes of rows into actor ids, creating the actors it must.

    ``new`` holds the actors created (by id), ``sources`` the sources the rows cite that the
    graph lacks, ``review`` every match a person should check.
    """

    kg: KnowledgeGraph = field(default_factory=KnowledgeGraph)
    threshold: float = 90.0
    new: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    review: list[Match] = field(default_factory=list)
    _cache: dict[tuple[str, str | None], str] = field(default_factory=dict)
    _names: dict[str, list[str]] = field(default_factory=dict)
    _wikidata: dict[str, str] = field(default_factory=dict)
    _known_names: dict[str, list[str]] = field(default_factory=dict)
    _mention: re.Pattern[str] | None = None
    _mention_ids: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for a in self.kg.actors.values():
            self._index(a)
            for n in (a.name, *a.aliases):
                self._known_names.setdefault(normalize_name(n), []).append(n)

    def _index(self, actor: Actor) -> None:
        for key in {normalize_name(n) for n in (actor.name, *actor.aliases)}:
            ids = self._names.setdefault(key, [])
            if actor.id not in ids:
                ids.append(actor.id)
        if actor.wikidata:
            self._wikidata.setdefault(actor.wikidata, actor.id)

    def _known(self, actor_id: str) -> bool:
        return actor_id in self.kg.actors or actor_id in self.new

    def resolve(
        self,
        name: str,
        *,
        code: str | None = None,
        wikidata: str | None = None,
        kind: ActorKind | None = None,
    ) -> str:
        """The id of the actor ``name`` (with its CAMEO ``code`` or Wikidata id) stands for."""
        key = (name, code or wikidata)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._resolve(name.strip(), code, wikidata, kind)
            self._cache[key] = hit
        return hit

    def _resolve(
        self, name: str, code: str | None, wikidata: str | None, kind: ActorKind | None
    ) -> str:
        folded = normalize_name(name)
        ids = self._names.get(folded, [])
        if (
            code
            and len(set(ids)) == 1
            and ids[0] in self.kg.actors
            and self.kg.actors[ids[0]].kind is not ActorKind.STATE
        ):
            # a name the graph knows beats a code (DONALD TRUMP coded USAGOV is Trump)
            return ids[0]
        if code and country(code[:3]) is not None:
            state = self._state(code[:3])
            role = ACTOR_TYPES.get(code[3:6])
            return state if role is None else self._body(state, role)
        if wikidata and wikidata in self._wikidata:
            return self._wikidata[wikidata]
        if len(set(ids)) == 1:
            return ids[0]
        if len(set(ids)) > 1:
            self.review.append(Match(name, None, "ambiguous name", 100, tuple(sorted(set(ids)))))
            return self._create(name, kind, wikidata, ambiguous=True)
        fuzzy = self._fuzzy(name, folded)
        if fuzzy is not None:
            return fuzzy
        return self._create(name, kind, wikidata)

    def _fuzzy(self, name: str, folded: str) -> str | None:
        if not folded or not self._known_names:
            return None
        best = process.extract(folded, list(self._known_names), scorer=fuzz.ratio, limit=3)
        qualifier = _qualifier(name)
        good = [
            (k, s)
            for k, s, _ in best
            if s >= self.threshold and all(_qualifier(n) == qualifier for n in self._known_names[k])
        ]
        if not good:
            return None
        ids = {i for k, s in good if s >= good[0][1] - 2 for i in self._names[k]}
        if len(ids) > 1:
            self.review.append(Match(name, None, "fuzzy, several actors", good[0][1], tuple(ids)))
            return None
        (actor_id,) = ids
        self.review.append(Match(name, actor_id, "fuzzy name", good[0][1]))
        return actor_id

    def _state(self, code: str) -> str:
        state = country(code)
        assert state is not None
        hit = self._wikidata.get(state.wikidata) if state.wikidata else None
        if hit is None:
            hit = next((i for i in self._names.get(normalize_name(state.name), ())), None)
            if hit is not None and self.kind_of(hit) is not ActorKind.STATE:
                hit = None
        if hit is not None:
            return hit
        if not self._known(state.id):
            actor = make(
                Actor,
                id=state.id,
                kind=ActorKind.STATE,
                name=state.name,
                wikidata=state.wikidata,
            )
            self.new[actor.id] = actor
            self._index(actor)
        return state.id

    def _body(self, state: str, role: str) -> str:
        actor_id = f"{state}-{slug(role)}"
        if not self._known(actor_id):
            name = self.kg.actors[state].name if state in self.kg.actors else self.new[state].name
            self.new[actor_id] = make(
                Actor,
                id=actor_id,
                kind=ActorKind.GOVERNMENT_BODY,
                name=f"{name} {role}",
                country=state,
            )
        return actor_id

    def _create(
        self, name: str, kind: ActorKind | None, wikidata: str | None, ambiguous: bool = False
    ) -> str:
        base = slug(name)
        actor_id = base
        n = 2
        while actor_id in self.kg.actors or (
            actor_id in self.new and normalize_name(self.new[actor_id].name) != normalize_name(name)
        ):
            actor_id = f"{base}-{n}"
            n += 1
        if actor_id not in self.new:
            guess = kind or (ActorKind.ORGANIZATION if "(" in name else ActorKind.PERSON)
            actor = make(Actor, id=actor_id, kind=guess, name=name, wikidata=wikidata)
            self.new[actor_id] = actor
            if not ambiguous:
                self._index(actor)
        return actor_id

    def ensure(self, actor_id: str, name: str, kind: ActorKind | None = None) -> str:
        """``actor_id`` itself, creating the actor (named ``name``) when it is not known yet."""
        if not self._known(actor_id):
            state = next((c for c in COUNTRIES.values() if c.id == actor_id), None)
            actor = make(
                Actor,
                id=actor_id,
                kind=ActorKind.STATE if state else kind or ActorKind.ORGANIZATION,
                name=state.name if state else name,
                wikidata=state.wikidata if state else None,
            )
            self.new[actor_id] = actor
            self._index(actor)
        return actor_id

    def state_of(self, actor_id: str) -> str:
        """The state an actor belongs to (itself for a state, itself when not known)."""
        actor = self.kg.actors.get(actor_id) or self.new.get(actor_id)
        if actor is None or actor.kind is ActorKind.STATE or actor.country is None:
            return actor_id
        return actor.country

    def kind_of(self, actor_id: str) -> ActorKind | None:
        """The kind of a known or new actor."""
        actor = self.kg.actors.get(actor_id) or self.new.get(actor_id)
        return None if actor is None else actor.kind

    def mentioned(self, text: str) -> tuple[str, ...]:
        """Known actors whose name or alias of two words or more appears in ``text``.

        >>> from diplograph.model import Actor
        >>> kg = KnowledgeGraph.from_records([make(Actor, id="kim", kind="person",
        ...     name="Kim Jong Un", aliases=("Kim",))])
        >>> ActorResolver(kg).mentioned("Sung Kim met Kim Jong-un's envoy")
        ('kim',)
        """
        if self._mention is None:
            words: list[str] = []
            for a in self.kg.actors.values():
                for n in (a.name, *a.aliases):
                    parts = re.findall(r"\w+", n.casefold())
                    if len(parts) >= 2:
                        words.append(r"[\s\-]+".join(map(re.escape, parts)))
                        self._mention_ids[normalize_name(n)] = a.id
            words.sort(key=len, reverse=True)
            self._mention = re.compile(r"\b(" + "|".join(words) + r")\b" if words else r"(?!x)x")
        found = (
            self._mention_ids[normalize_name(m)] for m in self._mention.findall(text.casefold())
        )
        return tuple(dict.fromkeys(found))
