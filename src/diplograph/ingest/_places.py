"""Where an event mention happens: a place of the graph named in its words (by name or
alias), or after its verb ("met in Hanoi"). A place the graph lacks counts as a place it holds
when the article says the one lies in the other ("Panmunjom, a border village at the
Demilitarized Zone (DMZ)": the DMZ, in that article, is Panmunjom's area)."""

from __future__ import annotations

import weakref
from typing import Any

from ..kg import KnowledgeGraph, normalize_name
from ._common import ActorDraft
from ._event_rules import verb_place_span

__all__ = ["place_in", "verb_place"]

_AT = {"at", "in", "on", "inside", "near", "within"}
_LABELS = ("GPE", "LOC", "FAC", "PERSON")
_NAMES: dict[int, tuple[weakref.ref[KnowledgeGraph], int, dict[str, str]]] = {}


def _graph_names(kg: KnowledgeGraph) -> dict[str, str]:
    """Folded name and aliases of every place of ``kg`` -> its id (made once per graph)."""
    held = _NAMES.get(id(kg))
    if held is not None and held[0]() is kg and held[1] == len(kg.places):
        return held[2]
    names: dict[str, str] = {}
    for p in kg.places.values():
        for name in (*p.aliases, p.name.split(",")[0]):
            names[normalize_name(name)] = p.id
    for key in [k for k, (ref, _, _) in _NAMES.items() if ref() is None]:
        del _NAMES[key]
    _NAMES[id(kg)] = (weakref.ref(kg), len(kg.places), names)
    return names


def _folded(text: str) -> str:
    return normalize_name(text.replace("’s", "").removeprefix("the ").removeprefix("The "))


def _areas(doc: Any, names: dict[str, str]) -> dict[str, str]:
    """Places the article puts a graph's place in: "Panmunjom, a border village at the
    Demilitarized Zone (DMZ)" gives the Demilitarized Zone and the DMZ as Panmunjom."""
    areas: dict[str, str] = {}
    for ent in doc.ents:
        pid = names.get(_folded(ent.text))
        if pid is None:
            continue
        for appos in (c for c in ent.root.children if c.dep_ == "appos"):
            for t in appos.subtree:
                if t.dep_ != "pobj" or t.head.lower_ not in _AT or not t.ent_type_:
                    continue
                words = [t, *(c for c in t.children if c.dep_ == "appos" and c.ent_type_)]
                for w in words:
                    area = _folded(doc[w.left_edge.i : w.i + 1].text)
                    if area not in names:
                        areas[area] = pid
    return areas


def place_in(
    kg: KnowledgeGraph, doc: Any, a: int, b: int, ent_actor: dict[int, ActorDraft]
) -> str | None:
    """The graph's place named in ``doc`` between offsets ``a`` and ``b``, if any."""
    cache = doc.user_data  # read once per document, not once per mention
    if "diplograph_places" not in cache:
        known = _graph_names(kg)
        cache["diplograph_areas"] = _areas(doc, known)
        cache["diplograph_places"] = known
        cache["diplograph_ents"] = list(doc.ents)
    names: dict[str, str] = cache["diplograph_places"]
    areas: dict[str, str] = cache["diplograph_areas"]
    for ent in cache["diplograph_ents"]:
        if not a <= ent.start_char < b:
            continue
        government = ent.start in ent_actor and ent_actor[ent.start].kind != "person"
        if government and not _after_place_word(ent):
            continue  # "talks with Pyongyang": the government, not the city
        folded = _folded(ent.text)
        if ent.label_ in _LABELS and folded in names:
            return names[folded]
        if folded in areas:  # "a summit at the DMZ"
            return areas[folded]
    return None


def verb_place(kg: KnowledgeGraph, token: Any, ent_actor: dict[int, ActorDraft]) -> str | None:
    """The place after the verb a mention hangs on ("met in Hanoi")."""
    span = verb_place_span(token)
    return None if span is None else place_in(kg, token.doc, span[0], span[1], ent_actor)


def _after_place_word(ent: Any) -> bool:
    """True for "in Hanoi", "at Panmunjom", "the Hanoi summit": a city as a place."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before in ("in", "at", "to", "from", "near") or ent.root.dep_ == "compound"
