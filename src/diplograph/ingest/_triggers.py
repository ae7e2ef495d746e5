"""Trigger words of event mentions: the nouns and verbs that name a meeting, a visit, a
launch or a sanction, and the words some of them need beside them to count ("a missile
test", not "a test of will")."""

from __future__ import annotations

from typing import Any

from ._common import sentence

__all__ = ["DEFINITE", "TRIGGERS", "trigger_of"]

TRIGGERS = {
    "summit": "summit",
    "meeting": "meeting",
    "get-together": "meeting",
    "encounter": "meeting",
    "session": "meeting",
    "talks": "talks",
    "visit": "visit",
    "trip": "visit",
    "crossing": "border_crossing",
    "step": "border_crossing",
    "declaration": "declaration",
    "statement": "declaration",
    "agreement": "agreement",
    "accord": "agreement",
    "treaty": "agreement",
    "armistice": "agreement",
    "deal": "agreement",
    "test": "missile_test",
    "launch": "missile_test",
    "sanction": "sanctions",
    "sanctions": "sanctions",
    "briefing": "press_conference",
    "conference": "press_conference",
    "exercise": "military_exercise",
    "drill": "military_exercise",
    "ceremony": "meeting",
    "lunch": "meeting",
    "dinner": "meeting",
    "banquet": "meeting",
    "document": "declaration",
}
_VERBS = {"meet": "meeting", "visit": "visit", "sanction": "sanctions"}
DEFINITE = {"the", "their", "its", "his", "her", "this", "that", "such", "my", "our"}
_CROSS_VERBS = {"cross", "enter", "step"}
_NEEDS = {  # triggers that count only beside one of these words
    "step": {"across", "into", "over"},  # "his step into North Korea", not "a first step"
    "test": {"missile", "missiles", "nuclear", "weapons", "rocket", "rockets", "ballistic"},
    "launch": {
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "satellite",
        "projectile",
        "projectiles",
    },
    "statement": {"joint", "issue", "issued", "sign", "signed"},
    "conference": {"press", "news"},
    "exercise": {"military", "joint", "naval", "drills"},
    "deal": {"sign", "signed", "reach", "reached", "the"},
    "document": {"sign", "signed", "signing", "joint"},
    "ceremony": {"signing", "welcome", "welcoming", "opening"},
}


def trigger_of(token: Any) -> str | None:
    low = token.lower_
    lemma = token.lemma_.lower()
    if lemma in _VERBS and token.pos_ == "VERB":  # not "tourists visiting from the North"
        return None if token.dep_ == "acl" and token.tag_ == "VBG" else _VERBS[lemma]
    if lemma == "test" and token.pos_ == "VERB":
        return "missile_test" if token.head.lower_.startswith("missile") else None
    if low in ("together", "down") and token.i >= 2 and token.nbor(-1).text == "-":
        return "meeting" if token.nbor(-2).lower_ in ("get", "sit") else None
    word = low if low in TRIGGERS else lemma if lemma in TRIGGERS else None
    if word is None or token.pos_ == "VERB":
        if lemma in _CROSS_VERBS and token.pos_ == "VERB":
            objs = [c for c in token.children if c.dep_ in ("dobj", "prep")]
            if any(c.ent_type_ == "GPE" or c.lower_ == "border" for o in objs for c in o.subtree):
                return "border_crossing"
        if lemma == "test" and token.pos_ == "VERB" and token.head.lower_.startswith("missile"):
            return "missile_test"
        return None
    if token.pos_ not in ("NOUN", "PROPN") and low not in ("together", "down"):
        return None
    needs = _NEEDS.get(lemma)
    if needs is not None:
        sent = sentence(token)
        near = {t.lower_ for t in sent if abs(t.i - token.i) <= 6} | {token.head.lower_}
        about = lemma in ("test", "launch") and _definite(token)
        if not near & needs and not (about and _article_words(token.doc) & needs):
            return None  # "the Thursday launch" in a report on missiles is one
    return TRIGGERS[word]


def _definite(token: Any) -> bool:
    return any(t.lower_ in DEFINITE or t.tag_ == "POS" or t.dep_ == "poss" for t in token.lefts)


def _article_words(doc: Any) -> set[str]:
    """The article's words, lower case (read once per document)."""
    words: set[str] | None = doc.user_data.get("diplograph_words")
    if words is None:
        words = doc.user_data["diplograph_words"] = {t.lower_ for t in doc}
    return words
