"""Speakers named by a description: a title ("the Prime Minister", "the Iranian foreign
minister"), a common noun ("the ministry", "a spokesman for the ministry", "the
statement"), or a description the next sentence names ("North Korea's top negotiator …
¶ The North's chief nuclear negotiator, Kim Myong Gil"), and the sex a title shows."""

from __future__ import annotations

from typing import Any

from ._common import ActorDraft
from ._lexicon import TITLE_SEX, TITLE_WORDS, TITLES
from .actors import ActorResolver

__all__ = ["ISSUED", "LEADS", "Described"]

ISSUED = {"statement", "communique", "communiqué", "dispatch"}  # a speaker issued, not one
_BODY_PREPS = {"from", "of", "for", "by", "at"}
# nouns a group is described by before the next sentence names it
_GROUPS = {"coalition", "alliance", "group", "movement", "bloc", "party", "opposition"}


class Described:
    """The part of :class:`.speakers.Speakers` that reads descriptions."""

    doc: Any
    text: str
    actors: ActorResolver
    ent_actor: dict[int, ActorDraft]
    last: list[ActorDraft]

    def actor_at(self, token: Any) -> ActorDraft | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def named_next(self, head: Any) -> ActorDraft | None:
        """The speaker a possessive description stands for when the next sentence names it
        with the same noun: "North Korea's top negotiator said …" ¶ "The North's chief
        nuclear negotiator, Kim Myong Gil, …" (an apposition), or "Sudan's main opposition
        coalition said …" ¶ "… the Forces for Freedom and Change (FFC) coalition" (a name
        before the noun)."""
        noun = head.lower_
        if head.pos_ != "NOUN" or noun not in TITLE_WORDS | _GROUPS:
            return None
        if not any(c.dep_ == "poss" for c in head.children) or head.i in self.ent_actor:
            return None
        end = head.sent.end
        if end >= len(self.doc):
            return None
        for tok in self.doc[end : self.doc[end].sent.end]:
            if tok.lower_ != noun:
                continue
            for t in tok.children:
                if t.dep_ != "appos" and not (t.i < tok.i and t.dep_ in ("compound", "nmod")):
                    continue
                for u in t.subtree:
                    found = self.ent_actor.get(u.i)
                    if found is not None and found.kind != "state":
                        return found
        return None

    def _titled(self, draft: ActorDraft) -> str | None:
        """The sex a title or a post gives a person in this text ("Mrs May", "Ms. Evans",
        "Mr Trump", "spokeswoman Kim Eun-hye"), else None."""
        text = self.text
        for a, _ in draft.mentions:
            words = text[max(0, a - 24) : a].replace(".", " ").split()
            for word in reversed(words[-2:]):
                sex = TITLE_SEX.get(word.lower())
                if sex is not None:
                    return sex
        for post in draft.positions:
            for word, sex in TITLE_SEX.items():
                if word in post.post.lower().split():
                    return sex
        return None

    def _by_role(self, head: Any) -> ActorDraft | None:
        """ "the Prime Minister said": the last speaker, else the last person named before,
        who holds that title (read from the article, or the graph's posts); "the Iranian
        foreign minister" (or "the minister" after it) the one whose post and state it names."""
        if not any(t.lower_ in ("the", "this") for t in head.lefts):
            return None
        mods = [t for t in head.lefts if t.dep_ in ("compound", "amod")]
        title = " ".join([*(t.lower_ for t in mods), head.lower_])
        if not any(title == t or title.endswith(" " + t) for t in TITLES):
            return None
        mods = mods or self._described_before(head)

        def posts(d: ActorDraft) -> list[tuple[str, str | None]]:
            out = [(p.post.lower(), p.organization) for p in d.positions]
            if d.existing and d.id in self.actors.kg.actors:
                out += [
                    (p.post.lower(), p.organization) for p in self.actors.kg.actors[d.id].positions
                ]
            return out if d.kind == "person" else []

        def fits(d: ActorDraft) -> bool:  # every word of the title: its post, or its state
            held = posts(d)
            words = {w for post, _ in held for w in post.split()}
            states = {org for _, org in held} | {d.country}
            return all(
                t.lower_ in words or (t.i in self.ent_actor and self.ent_actor[t.i].id in states)
                for t in mods
            )

        named = sorted(
            (
                (max(a for a, _ in before), d)
                for d in self.actors.found.values()
                if any(_holds(post, head.lower_) for post, _ in posts(d))
                and (before := [m for m in d.mentions if m[0] < head.idx])
            ),
            key=lambda n: n[0],
            reverse=True,
        )
        holders = [
            d for d in reversed(self.last) if any(_holds(p, head.lower_) for p, _ in posts(d))
        ]
        holders += [d for _, d in named]
        if mods:
            return next((d for d in holders if fits(d)), holders[0] if holders else None)
        return holders[0] if holders else None

    def _described_before(self, head: Any) -> list[Any]:
        """The words before the head of the nearest "the Iranian foreign minister" that names
        the same post in the sentence or the two before ``head``, else none."""
        first = head.sent.start
        for _ in range(2):
            if first > 0:
                first = self.doc[first - 1].sent.start
        for tok in reversed(self.doc[first : head.i]):
            if tok.lower_ == head.lower_ and any(t.lower_ == "the" for t in tok.lefts):
                mods = [t for t in tok.lefts if t.dep_ in ("compound", "amod")]
                if mods:
                    return mods
        return []

    def _noun(self, head: Any) -> tuple[ActorDraft | None, str]:
        """ "a memo from the Commission", "a spokesman for the ministry", "the statement,
        released by KCNA", "the agency", "the ministry": the body meant."""
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _BODY_PREPS]
        for acl in head.children:  # "the statement, released by KCNA"
            if acl.dep_ == "acl":
                preps += [c for c in acl.children if c.dep_ == "agent"]
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = self.actor_at(obj) or self._owned(obj)  # "for North Korea's ministry"
                if found is None and obj.pos_ == "NOUN" and obj.i > head.i:
                    found = self._noun(obj)[0]  # "a spokesman for the ministry"
                if found is not None and found.kind != "person":
                    return found, f"the body a {head.lower_} comes from"
        noun = head.lemma_.lower()
        if noun in ISSUED and self.last and any(t.lower_ == "the" for t in head.lefts):
            return self.last[-1], f"“the {noun}”: of the last speaker"  # "the statement adds"
        if any(t.lower_ in ("the", "this") for t in head.lefts):
            for draft in reversed(self.last):
                if noun in draft.name.lower() or (noun == "agency" and draft.kind == "media"):
                    return draft, f"“the {noun}”: the last speaker that fits"
            named = [
                (max(a for a, _ in before), d)
                for d in self.actors.found.values()
                if noun in d.name.lower().split()
                and (before := [m for m in d.mentions if m[0] < head.idx])
            ]
            if named:  # "the ministry": the last ministry the article named before
                return max(named, key=lambda n: n[0])[1], f"“the {noun}”: the last one named"
        return None, ""

    def _owned(self, token: Any) -> ActorDraft | None:
        state = next((self.ent_actor[c.i] for c in token.children if c.i in self.ent_actor), None)
        return self.actors.owned_body(state, token) if state is not None else None


_HEADS: tuple[str, ...] = (
    "president",
    "chairman",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "leader",
)
_HEADS += ("secretary-general", "secretary general", "director-general", "chief")
LEADS = {"leader", "chief", "head"}  # nouns of whoever heads a state or a body


def _holds(post: str, noun: str) -> bool:
    """Whether a post (lower case) is one ``noun`` names: "the US leader" is its president,
    "the UN chief" its secretary-general."""
    return noun in post or (noun in LEADS and any(h in post for h in _HEADS))
