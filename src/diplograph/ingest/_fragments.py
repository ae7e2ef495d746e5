"""Whose words a quoted fragment in a reporter's sentence is: the words of an agreement or of
praise ("agreed to pursue “complete” denuclearization"), and the words of a noun of speech
that its possessor owns ("North Korea's comment that the U.S. made a “…” demand")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._common import ActorDraft

__all__ = ["comment_owner", "pledged"]

_PLEDGE = {"agree", "hail"}
#: nouns whose "that" clause gives somebody's words
_SPEECH_NOUNS = {"comment", "statement", "claim", "remark", "accusation", "assertion", "charge"}


def pledged(token: Any) -> bool:
    """Whether a verb of agreement or praise governs ``token`` ("agreed to pursue “complete”
    denuclearization", "hailed as a “historic” summit"): the word is the one the agreement or
    the praise used, not the reporter's name for a thing."""
    return any(
        up.pos_ == "VERB" and up.lemma_.lower() in _PLEDGE for up in list(token.ancestors)[:6]
    )


def comment_owner(node: Any, actor_at: Callable[[Any], ActorDraft | None]) -> ActorDraft | None:
    """The owner of the noun of speech whose "that" clause ``node`` heads ("North Korea's
    comment that the U.S. employed …": North Korea), else None."""
    noun = node.head
    if node.dep_ not in ("acl", "relcl", "ccomp") or noun.lemma_.lower() not in _SPEECH_NOUNS:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return None
    owners = (actor_at(c) for c in noun.children if c.dep_ == "poss")
    return next((o for o in owners if o is not None), None)
