"""Statements: direct quotes, reported speech and quoted fragments, with their speakers.

A direct quote is the words between quote marks (curly or straight) that stand
as a clause of their own; its speaker is the subject of a speech verb next to it
("..., Lee said", "said Alison Evans", "according to X", "X told reporters:").
"He", "she", "the agency", "the ministry" name the last speaker that fits. A
paragraph that opens a quote without an attribution continues the last
speaker's words. Reported speech ("X said that ...", "X said it hopes ...") is
a paraphrase whose words are the reported clause. Quoted words inside a
reporter's own sentence are fragments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ._common import ActorDraft, QuoteDraft, sentence
from ._lexicon import SPEECH_VERBS
from .actors import ActorResolver

__all__ = ["find_quotes", "paragraphs", "quote_spans"]

_OPEN = '“"«'
_CLOSE = {"“": "”", '"': '"', "«": "»"}
_PRONOUNS = {"he": "person", "she": "person", "it": None, "they": None}
_ASIDE = {"who", "which", "whose", "where"}
_ACCORDING = re.compile(r"according to\s+(?P<who>[^,.;]+)", re.IGNORECASE)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph: text between blank lines, without outer spaces.

    >>> list(paragraphs("One.\\n\\n  Two.\\n"))
    [(0, 4), (8, 12)]
    """
    for m in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text):
        block = m.group()
        stripped = block.rstrip()
        yield m.start(), m.start() + len(stripped)


def quote_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The quoted words in ``text[start:end]``: ``(start, end, closed)``, marks excluded.

    An unclosed quote runs to the paragraph's end (the next paragraph goes on). A
    straight mark glued to the word before it and not to the one after closes a
    quote; it never opens one.

    >>> t = 'He said “we will talk,” then “go'
    >>> [(t[a:b], c) for a, b, c in quote_spans(t, 0, len(t))]
    [('we will talk,', True), ('go', False)]
    >>> t = 'on "jobs" and trade". Then "more"'
    >>> [t[a:b] for a, b, _ in quote_spans(t, 0, len(t))]
    ['jobs', 'more']
    """
    i = start
    while i < end:
        ch = text[i]
        if ch == '"' and _closes_only(text, i, start, end):
            i += 1
        elif ch in _OPEN:
            close = text.find(_CLOSE[ch], i + 1, end)
            if ch == "“":  # some pages close with two apostrophes
                twice = text.find("’’", i + 1, end if close < 0 else close)
                close = twice if twice >= 0 else close
            closed = close >= 0
            stop = close if closed else end
            if stop > i + 1:
                yield i + 1, stop, closed
            i = stop + 1
        else:
            i += 1


def _a_name(text: str, wa: int, wb: int) -> bool:
    """A title, not words someone said: a short quoted run in title case ("on “This Week”").

    >>> t = 'she told “Face The Nation” that it was “a big step”'
    >>> _a_name(t, 10, 25), _a_name(t, 40, 50)
    (True, False)
    """
    words = text[wa:wb].split()
    return 1 < len(words) <= 4 and all(w[:1].isupper() for w in words)


def _closes_only(text: str, i: int, start: int, end: int) -> bool:
    """A straight mark after a word and before a space or punctuation: a closing mark."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isalnum() or before in ".,?!") and not after.isalnum()


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def _sentence_bounds(text: str, para: tuple[int, int], a: int, b: int) -> tuple[int, int]:
    """The reporter's sentence around the quote ``a:b``: from the last full stop to the next."""
    before = max(text.rfind(". ", para[0], a - 1), text.rfind(".\n", para[0], a - 1))
    s = para[0] if before < 0 else before + 2
    m = re.compile(r"[.?!](?=[”\"]?\s|[”\"]?$)").search(text, b + 1, para[1])
    e = para[1] if m is None else m.end()
    return s, min(e + 1, para[1])


class _Speakers:
    """Find the speaker of a speech verb and remember who spoke last."""

    def __init__(self, doc: Any, actors: ActorResolver, ent_actor: dict[int, ActorDraft]) -> None:
        self.doc = doc
        self.actors = actors
        self.ent_actor = ent_actor  # token index -> actor of the entity covering it
        self.last: list[ActorDraft] = []

    def verbs(self, a: int, b: int, inside: tuple[int, int]) -> list[Any]:
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return []
        return [
            t
            for t in span
            if t.lemma_.lower() in SPEECH_VERBS
            and t.pos_ in ("VERB", "AUX")
            and not inside[0] <= t.idx < inside[1]
        ]

    def of_verb(self, verb: Any, inside: tuple[int, int]) -> tuple[ActorDraft | None, str]:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not inside[0] <= child.idx < inside[1]:
                return self.of_token(child)
        for child in verb.children:  # "said X" parsed without a subject arc
            if child.ent_type_ == "PERSON" and child.i > verb.i:
                return self.of_token(child)
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            return self.of_verb(verb.head, inside)  # "X brushed it off, saying ..."
        return None, ""

    def of_token(self, head: Any) -> tuple[ActorDraft | None, str]:
        if head.i in self.ent_actor:
            return self.ent_actor[head.i], "subject of a speech verb"
        low = head.text.lower()
        if low in _PRONOUNS:
            want = _PRONOUNS[low]
            if want == "person":
                subject = self._sentence_subject(head)
                if subject is not None:
                    return subject, f"“{head.text}”: the person the sentence is about"
            for draft in reversed(self.last):
                if (want is None and draft.kind != "person") or want == draft.kind:
                    return draft, f"“{head.text}”: the last speaker that fits"
            if want == "person":  # no speaker yet: the last person named before
                for tok in reversed(self.doc[: head.i]):
                    found = self.ent_actor.get(tok.i)
                    if found is not None and found.kind == "person":
                        return found, f"“{head.text}”: the last person named"
            return None, ""
        left = head.left_edge.i
        phrase = self.doc[left : head.i + 1].text
        found = self.actors.resolve_name(phrase)
        if found is not None:
            return found, "subject of a speech verb"
        for child in head.children:  # "Pyongyang's official Korean Central News Agency"
            if child.i in self.ent_actor and child.dep_ in ("compound", "appos"):
                return self.ent_actor[child.i], "subject of a speech verb"
        noun = head.lemma_.lower()
        if head.pos_ == "NOUN" and any(t.lower_ in ("the", "this") for t in head.lefts):
            for draft in reversed(self.last):
                if noun in draft.name.lower() or (noun == "agency" and draft.kind == "media"):
                    return draft, f"“the {noun}”: the last speaker that fits"
            named = [d for d in self.actors.found.values() if noun in d.name.lower().split()]
            if len(named) == 1:  # "the ministry": the one ministry the article named
                return named[0], f"“the {noun}”: the only one the article names"
        return None, ""

    def named_in(self, a: int, b: int, phrase: str) -> ActorDraft | None:
        """The actor ``phrase`` names, else the first actor an entity inside it names."""
        found = self.actors.resolve_name(phrase)
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if found is None and span is not None:
            found = next((self.ent_actor[t.i] for t in span if t.i in self.ent_actor), None)
        return found

    def governing_subject(self, a: int, b: int) -> ActorDraft | None:
        """The subject of the clause a quoted fragment stands in ("Kim forecast “...”")."""
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return None
        node = span.root
        for _ in range(4):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS:
                return self.of_verb(node.head, (a, b))[0]  # "saying that Kim “wants…”"
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass") and not a <= child.idx < b:
                    return self.of_token(child)[0]
            if node.head is node:
                break
            node = node.head
        return None

    def _sentence_subject(self, pronoun: Any) -> ActorDraft | None:
        """The nearest person before ``pronoun`` in its sentence who is a clause's subject."""
        for tok in reversed(self.doc[sentence(pronoun).start : pronoun.i]):
            draft = self.ent_actor.get(tok.i)
            if draft is not None and draft.kind == "person" and tok.dep_ in ("nsubj", "nsubjpass"):
                return draft
        return None

    def spoke(self, draft: ActorDraft | None) -> None:
        if draft is not None:
            self.last.append(draft)


def _mode(text: str, para: tuple[int, int], a: int, b: int, closed: bool) -> str:
    before = text[para[0] : a - 1].rstrip()
    opening = not before or before[-1] in ".:?!—–-" or before.endswith((",", "said", "says"))
    words = len(text[a:b].split())
    if opening and (words >= 4 or text[b - 1 : b] in ".,?!" or not closed):
        return "direct_quote"
    return "fragment"


def _channel(sentence: str, actors: ActorResolver, speaker: ActorDraft | None) -> ActorDraft | None:
    if speaker is not None and speaker.kind == "media":
        return speaker
    m = _ACCORDING.search(sentence)
    if m is not None:
        found = actors.resolve_name(m["who"])
        if found is not None and found.kind == "media" and found is not speaker:
            return found
    return None


def find_quotes(
    text: str, doc: Any, actors: ActorResolver, ent_actor: dict[int, ActorDraft]
) -> list[QuoteDraft]:
    """Every direct quote, fragment and reported statement of ``text``, in order."""
    speakers = _Speakers(doc, actors, ent_actor)
    spans = [
        (para, a, b, closed)
        for para in paragraphs(text)
        for a, b, closed in quote_spans(text, *para)
    ]
    quoted = [(a, b) for _, a, b, _ in spans]
    reported = [v for v in doc if _reporting(v, quoted)]
    quotes: list[QuoteDraft] = []
    carried: ActorDraft | None = None
    in_para: dict[int, ActorDraft] = {}  # paragraph start -> its quoted speaker
    for para, a, b, closed in spans:
        while reported and reported[0].idx < a:
            _reported(text, reported.pop(0), speakers, quoted, quotes)
        wa, wb = _trim(text, a, b)
        if wb <= wa:
            continue
        mode = _mode(text, para, a, b, closed)
        if mode == "fragment" and _a_name(text, wa, wb):
            continue
        s, e = _sentence_bounds(text, para, a, b)
        verbs = speakers.verbs(b, e, (a, b)) + speakers.verbs(s, a, (a, b))
        speaker, rule, conf = None, "no speaker found", 0.3
        # "“...,” Trump said, Yonhap reported": the person speaks, the medium is the channel
        found = [f for f in (speakers.of_verb(v, (a, b)) for v in verbs) if f[0] is not None]
        people = [f for f in found if f[0] is not None and f[0].kind != "media"]
        media = [f for f in found if f[0] is not None and f[0].kind == "media"]
        relay = media[0][0] if people and media else None
        if found:
            speaker, rule = (people or media)[0]
            conf = 0.9 if mode == "direct_quote" else 0.7
        if speaker is None:
            m = _ACCORDING.search(text, b, e)
            if m is not None:
                speaker = speakers.named_in(m.start("who"), m.end("who"), m["who"])
                rule, conf = "according to", 0.8
        if speaker is None and mode == "fragment":
            speaker = speakers.governing_subject(wa, wb)
            rule, conf = "subject of the clause the fragment stands in", 0.6
        continues = a - 1 == para[0] and mode == "direct_quote"
        if speaker is None and continues and carried is not None:
            speaker, rule, conf = carried, "a paragraph that goes on with a quote", 0.6
        elif speaker is None and mode == "direct_quote" and para[0] in in_para:
            speaker, rule, conf = in_para[para[0]], "goes on with a quote of the paragraph", 0.6
        if speaker is not None and mode == "direct_quote":
            in_para[para[0]] = speaker
        speakers.spoke(speaker)
        if mode == "direct_quote" or speaker is not None:
            carried = speaker  # a quotation right after X's words goes on with them
        q = QuoteDraft(wa, wb, mode, speaker, rule, conf, sentence=(s, e))
        q.channel = relay or _channel(text[s:e], actors, speaker)
        q.verb = verbs[0].i if verbs else None
        quotes.append(q)
    for verb in reported:
        _reported(text, verb, speakers, quoted, quotes)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _reporting(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(a <= verb.idx < b for a, b in quoted):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    clause = clauses[0]
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return False  # "asked whether he was ready": a question, not a statement
    # "Moon noted that ..., reports Yonhap": the inner speech verb holds the statement
    return not (
        clause.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in clause.children)
    )


def _reported(
    text: str,
    verb: Any,
    speakers: _Speakers,
    quoted: list[tuple[int, int]],
    out: list[QuoteDraft],
) -> None:
    clause = next(c for c in verb.children if c.dep_ == "ccomp")
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.i == clause.left_edge.i)]
    for t in tokens:  # ", who accompanied ...": the reporter's aside, not the reported words
        if t.lower_ in _ASIDE and t.i > clause.i and t.doc[t.i - 1].text == ",":
            tokens = [x for x in tokens if x.i < t.i - 1]
            break
    if not tokens:
        return
    a, b = _trim(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    if any(qa - 1 <= b and a <= qb + 1 for qa, qb in quoted):
        return  # a clause holding a quotation: the quotation is the statement
    if len(text[a:b].split()) < 3:
        return
    speaker, rule = speakers.of_verb(verb, (a, b))
    conf = 0.75 if speaker is not None else 0.3
    sent = sentence(verb)
    q = QuoteDraft(
        a,
        b,
        "paraphrase",
        speaker,
        rule or "no speaker found",
        conf,
        sentence=(sent.start_char, sent.end_char),
    )
    q.channel = _channel(sent.text, speakers.actors, speaker)
    q.verb = verb.i
    speakers.spoke(speaker)
    out.append(q)
