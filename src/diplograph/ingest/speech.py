"""Statements without quote marks: reported speech, postposed attributions and reports.

Reported speech is a speech verb with a reported clause ("Moon said he has been
invited", "X said that ..."): a paraphrase whose words are the clause. When the
parse misses the clause, the words go by their surface: a clause closed by
", X said." or ", according to X." is X's paraphrase, and "X said at an event
that ..." reports the clause after "that". "X declined to comment on ..." and
"X did not respond to a request for comment" are reports: somebody said nothing,
which is worth recording too.
"""

from __future__ import annotations

import re
from typing import Any

from ._common import QuoteDraft, sentence
from ._lexicon import SPEECH_VERBS
from .speakers import Speakers, finite, that_clause

__all__ = ["find_reports", "find_surface", "reported", "reporting", "second_reported"]

_ASIDE = {"who", "which", "whose", "where"}
_SOURCES = {  # "..., a senior White House official told JNS": somebody, named or not
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "source",
    "sources",
}
#: "..., the ministry said": a body named before, that speaks
_BODIES = {"ministry", "agency", "office", "department", "embassy", "government", "committee"}
_DECLINE = {"decline", "refuse"}
_SILENT = {"comment", "elaborate", "confirm", "discuss"}
_ANSWER = {"respond", "reply", "return"}
_VERB_RE = (
    r"(?:said|says|added|announced|told\s+(?:reporters|journalists|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
    r"|noted|stated|explained|wrote|confirmed|insisted|warned|reported)"
)
_SUBORDINATE = r"(?i:when|as|after|before|while|because|since|if|though|although|where|until)\s"
_POSTPOSED = re.compile(  # not ", when Mr. Trump wrote …": the reporter's own clause of time
    rf",\s+(?!{_SUBORDINATE})(?P<who>(?:the\s+|a\s+|an\s+)?[^,;“”\"]{{2,90}}?)\s+{_VERB_RE}\b"
    # "..., Moon announced after a summit with Trump, who called it “just a step”";
    # "..., South Korea said, in an occasion laden with symbolism": the reporter's phrase
    r"(?P<rest>[^,;“”\"]*(?:,\s+(?:who|in|as|amid|with)\b.*)?)$"
)
_INVERTED = re.compile(rf",\s+{_VERB_RE}\s+(?P<who>[^,;“”\"]{{2,90}}?)(?:,[^“”\"]*)?$")
# "…, according to the commerce ministry, tempering fears …" / ", which did not elaborate":
# the reporter's clause after the attribution is neither the words nor the speaker
_ACCORDING = re.compile(
    r",\s+according\s+to\s+(?P<who>[^,;“”\"]{2,90}?)"
    r"(?:,\s+(?:which|who|\w+ing)\b[^“”\"]*)?\.?$"
)
_TAIL = re.compile(r",\s+(?:according\s+to\s+[^,]+|[^,]{2,60}\s+reported)[.\s]*$")


_MADE = {"clear", "official", "plain", "known"}  # "made it clear the president is not ready"


def _made_plain(verb: Any) -> Any | None:
    """The clause of "X made it clear (that) …" and of "X made it official: …" (the clause
    after the colon, a sentence of its own to the parse): X says it."""
    if verb.lemma_.lower() != "make":
        return None
    adj = next(
        (c for c in verb.children if c.lower_ in _MADE and c.dep_ in ("ccomp", "oprd")), None
    )
    if adj is None or not any(c.lower_ == "it" for c in adj.children):
        return None
    inner = next((c for c in adj.children if c.dep_ in ("advcl", "ccomp") and finite(c)), None)
    if inner is not None:
        return inner
    colon = next((c for c in verb.children if c.text == ":" and c.i > adj.i), None)
    after = verb.doc[colon.i + 1] if colon is not None and colon.i + 1 < len(verb.doc) else None
    return after.sent.root if after is not None and after.is_sent_start else None


_STANCE = {"hope", "concern", "confidence", "optimism", "belief", "fear", "regret", "doubt"}
_STANCE |= {"satisfaction", "conviction", "worry", "view", "expectation"}


def _stance(verb: Any) -> Any | None:
    """The clause of "X expressed hope that …", "X voiced concern that …": X says it (the
    "that" clause on the noun, or on the verb, as the parse has it)."""
    if verb.lemma_.lower() not in ("express", "voice"):
        return None
    noun = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _STANCE), None
    )
    if noun is None:
        return None
    for head in (noun, verb):
        for c in head.children:
            if c.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children
            ):
                return c
    return None


def _that_clause(verb: Any) -> bool:
    """Whether ``verb`` has a clause of its own opened by "that"."""
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def clause_of(verb: Any) -> Any | None:
    """The head of the clause ``verb`` reports: its clausal complement, or a "that"
    clause the parse hung on a noun after it (see :func:`.speakers.that_clause`)."""
    clause = (
        _made_plain(verb)
        or _stance(verb)
        or next((c for c in verb.children if c.dep_ == "ccomp" and finite(c)), None)
    )
    if clause is None and verb.dep_ == "relcl":
        # "a process Mr Trump said would take a long time": the clause's subject is the noun
        # the relative clause is about
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("ccomp", "xcomp")  # "which it warned would delay": the parse's
                and any(a.dep_ == "aux" and a.lower_ != "to" for a in c.children)  # xcomp
            ),
            None,
        )
    if clause is None:
        clause = next((t for t in verb.subtree if _is(that_clause(t), verb)), None)
    return clause


def speech_verb(verb: Any) -> bool:
    """A verb of speech: "say", "warn", ..., "point out" ("He pointed out sanctions are
    still on") and "highlight" with a clause."""
    lemma = verb.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if lemma == "make":
        return _made_plain(verb) is not None
    if lemma in ("express", "voice"):  # "expressed hope that …", "expressed that …"
        return _stance(verb) is not None or (lemma == "express" and _that_clause(verb))
    if lemma == "highlight":  # "highlighted how the sides are moving …", not "the moment"
        return any(c.dep_ == "ccomp" and finite(c) for c in verb.children)
    return lemma in SPEECH_VERBS


def reporting(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``verb`` reports a clause of somebody's words, outside any quotation."""
    if not speech_verb(verb) or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(a <= verb.idx < b for a, b in quoted):
        return False
    clause = clause_of(verb)
    if clause is None:
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return False  # "asked whether he was ready": a question, not a statement
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "what" for c in clause.children):
        return False  # "what analysts said appeared to be a launch": the reporter's words
    # "Moon noted that ..., reports Yonhap": the inner speech verb holds the statement
    return not (
        (clause.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in clause.children))
        or _stance(clause) is not None
    )


def _holds_a_quotation(verb: Any, quoted: list[tuple[int, int]]) -> bool:
    """ "Moon said he was invited, but his “dialogue” with Kim will come later": a clause
    joined to the reported one that holds a quotation makes the quotation the statement."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < verb.i or conj.lemma_.lower() in SPEECH_VERBS:
            continue
        a, b = conj.left_edge.idx, conj.right_edge.idx + len(conj.right_edge)
        if any(a <= qa and qb <= b + 1 for qa, qb in quoted):
            return True
    return False


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:."):
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def _a_that(token: Any) -> bool:
    return bool(token.dep_ == "mark" and token.lower_ == "that")


def _own_that(clause: Any) -> Any | None:
    """A clause joined to the reported one with a "that" of its own ("… for talks, and that
    the two sides agreed …"): a statement of its own."""
    for c in clause.children:
        if c.dep_ == "conj" and c.i > clause.i and any(_a_that(m) for m in c.children):
            return c
    return None


def _narrated(verb: Any, clause: Any) -> Any | None:
    """A clause joined to the reported one that leaves the present of the report for the
    reporter's past ("Kono argues that the issue is Seoul's responsibility and he called on
    Seoul to act"): the reporter narrating, not the words reported."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return None
    for c in clause.children:
        subject = any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        if c.dep_ == "conj" and c.i > clause.i and c.tag_ == "VBD" and subject:
            return c
    return None


def _speakers_act(clause: Any) -> Any | None:
    """A verb joined to the reported clause with no subject of its own and a "that" clause
    of its own ("said that the talks were useful and did not rule out that …"): the speaker's
    next act, told by the reporter, not more of the words reported."""
    for c in clause.children:
        if c.dep_ != "conj" or c.i < clause.i or c.pos_ != "VERB":
            continue
        if any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            continue
        if any(x.dep_ == "ccomp" and any(_a_that(m) for m in x.children) for x in c.children):
            return c
    return None


def _joined(verb: Any, clause: Any) -> list[Any]:
    """Clauses the reported one goes on with, joined by "but" or "and" without a "that" or a
    speech verb of their own ("reiterated that there is much talk … but what is most
    important is …"; "added that …, but he is confident …"): the same statement."""
    out: list[Any] = []
    last = clause
    for sib in verb.children:
        if sib.i <= last.i or sib.dep_ not in ("ccomp", "conj") or speech_verb(sib):
            continue
        between = list(verb.doc[last.right_edge.i + 1 : sib.left_edge.i])
        joint = between[-1] if between else last.right_edge  # the parse may hang it on either
        if joint.lower_ not in ("but", "and") or len(between) > 2:
            break
        if any(c.dep_ == "mark" for c in sib.children):
            break  # "and that …": a statement of its own
        subject = [c for c in sib.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
        if sib.dep_ == "conj" and not (
            joint.lower_ == "but" and subject and subject[0].lower_ in ("he", "she", "they")
        ):
            break  # "Kim said …, and Trump left", "…, and he left": the reporter goes on
        out.append(sib)
        last = sib
    return out


def reported(
    text: str, verb: Any, speakers: Speakers, quoted: list[tuple[int, int]]
) -> QuoteDraft | None:
    """The paraphrase ``verb`` reports, unless its clause holds a quotation."""
    clause = clause_of(verb)
    if clause is None:
        return None
    edge = clause.left_edge
    tokens = [
        t
        for t in clause.subtree
        if t.i != edge.i or (edge.dep_ != "mark" and edge.lower_ not in ("that", "how"))
    ]
    for more in _joined(verb, clause):
        tokens += list(more.subtree)
    # "said A, and that B": two statements; "said that A and did not rule out that B": the
    # speaker's own act ends A
    own = _own_that(clause) or _narrated(verb, clause) or _speakers_act(clause)
    if own is not None:
        tokens = [t for t in tokens if t.i < own.left_edge.i]
        while tokens and (tokens[-1].dep_ in ("cc", "punct")):
            tokens.pop()
    reach = tokens[-1].idx + len(tokens[-1])  # the words a quotation may be in
    for t in tokens:  # ", who accompanied ...": the reporter's aside, not the reported words
        if t.lower_ in _ASIDE and t.i > clause.i and t.doc[t.i - 1].text == ",":
            tokens = [x for x in tokens if x.i < t.i - 1]
            break
        # "..., fuelling speculation that ...": a participle after a comma is the reporter's
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.i > clause.i and t.doc[t.i - 1].text == ",":
            tokens = [x for x in tokens if x.i < t.i - 1]
            reach = t.doc[t.i - 1].idx
            break
    if not tokens or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None  # "declared himself interim president": no clause, no statement
    a, b = _trim(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    m = _TAIL.search(text, a, b)  # "..., according to CNBC": the channel, not the words
    if m is not None and m.start() > a:
        b = m.start()
    # a quotation in the reported words (an aside included) makes the quotation the
    # statement; not one in a participle the reporter adds after them
    inside = [(qa, qb) for qa, qb in quoted if qa - 1 <= reach and edge.idx <= qb + 1]
    if inside or _holds_a_quotation(verb, quoted):
        return None  # a clause holding a quotation: the quotation is the statement
    if len(text[a:b].split()) < 3:
        return None
    speaker, rule = speakers.of_verb(verb, (a, b))
    sent = sentence(verb)
    q = QuoteDraft(
        a,
        b,
        "paraphrase",
        speaker,
        rule or "no speaker found",
        0.75 if speaker is not None else 0.3,
        sentence=(sent.start_char, sent.end_char),
    )
    q.verb = verb.i
    return q


def second_reported(
    text: str, verb: Any, speakers: Speakers, quoted: list[tuple[int, int]]
) -> QuoteDraft | None:
    """The second statement of "X said A, and that B" (or "but that B"): B, with its own
    "that", is a statement of its own, X's too (the first is :func:`reported`'s)."""
    clause = clause_of(verb)
    own = _own_that(clause) if clause is not None else None
    if own is None:
        return None
    tokens = [t for t in own.subtree if not (_a_that(t) and t.head.i == own.i)]
    a, b = _trim(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    if any(a - 1 <= qa and qb <= b + 1 for qa, qb in quoted) or len(text[a:b].split()) < 3:
        return None  # the quotation is the statement
    speaker, rule = speakers.of_verb(verb, (a, b))
    sent = sentence(verb)
    q = QuoteDraft(a, b, "paraphrase", speaker, rule or "no speaker found", 0.7 if speaker else 0.3)
    q.sentence, q.verb = (sent.start_char, sent.end_char), verb.i
    return q


def _postposed(text: str, sent: Any, speakers: Speakers) -> tuple[QuoteDraft, int] | None:
    """ "Kim and Moon will hold talks Wednesday, according to the President's Office." and
    "..., Moon announced after a summit.": the clause before the attribution, and where the
    attribution's speaker ends."""
    s, e = _trim(text, sent.start_char, sent.end_char)
    words = text[s:e]
    m = _ACCORDING.search(words) or _POSTPOSED.search(words) or _INVERTED.search(words)
    if m is None or m.start() < 12:
        return None
    last = m["who"].split()[-1:]
    if m.re is _POSTPOSED and any(w[:1].islower() and w not in _SOURCES | _BODIES for w in last):
        return None  # "..., the deal was said": no speaker before the verb, but "an official"
    a, b = _trim(text, s, s + m.start())
    who = (s + m.start("who"), s + m.end("who"))
    speaker = speakers.named_in(*who, text[who[0] : who[1]])
    rule = "according to" if m.re is _ACCORDING else "an attribution after the clause"
    q = QuoteDraft(a, b, "paraphrase", speaker, rule, 0.6 if speaker else 0.3)
    q.sentence = (sent.start_char, sent.end_char)
    return q, who[1]


_FRONTED = re.compile(r"According to (?P<who>[^,;“”\"]{2,90}),\s+")


def _fronted(text: str, sent: Any, speakers: Speakers) -> tuple[QuoteDraft, int] | None:
    """ "According to the ministry's spokesman Lee, the talks will resume.": the rest of the
    sentence is Lee's; a quotation anywhere in it is the statement instead."""
    m = _FRONTED.match(text, sent.start_char, sent.end_char)
    if m is None:
        return None
    speaker = speakers.named_in(m.start("who"), m.end("who"), m["who"])
    a, b = _trim(text, m.end(), sent.end_char)
    q = QuoteDraft(a, b, "paraphrase", speaker, "according to", 0.6 if speaker else 0.3)
    q.sentence = (sent.start_char, sent.end_char)
    return q, b


_IN_WORDS = re.compile(r"In (?P<who>his|her) (?:own )?words,\s+")


def _in_words(text: str, sent: Any, speakers: Speakers) -> tuple[QuoteDraft, int] | None:
    """ "In his words, although there is a proposal, there is no agreement yet.": the rest of
    the sentence is the words of the person "his" stands for."""
    m = _IN_WORDS.match(text, sent.start_char, sent.end_char)
    if m is None:
        return None
    who = sent.doc.char_span(m.start("who"), m.end("who"))
    speaker = speakers.owner(who[0]) if who is not None else None
    a, b = _trim(text, m.end(), sent.end_char)
    q = QuoteDraft(a, b, "paraphrase", speaker, "“in his words”", 0.6 if speaker else 0.3)
    q.sentence = (sent.start_char, sent.end_char)
    return q, m.end("who")


def find_surface(
    text: str, doc: Any, speakers: Speakers, taken: list[tuple[int, int, str]]
) -> list[QuoteDraft]:
    """Paraphrases read from the sentence's surface where the parse found no statement.

    ``taken`` are the statements found already (start, end, mode): a sentence that holds
    a direct quote or a paraphrase gives nothing here, nor one with a fragment before its
    attribution.
    """
    out = []
    for sent in doc.sents:
        a, b = sent.start_char, sent.end_char
        if any(a <= x < b and mode != "fragment" for x, _, mode in taken):
            continue  # the sentence's statement is found already
        found = (
            _postposed(text, sent, speakers)
            or _in_words(text, sent, speakers)
            or _fronted(text, sent, speakers)
        )
        if found is None or len(text[found[0].start : found[0].end].split()) < 4:
            continue
        words = doc.char_span(found[0].start, found[0].end, alignment_mode="expand")
        if words is None or not any(t.pos_ in ("VERB", "AUX") for t in words):
            continue  # "Tigran Balayan, Spokesperson of the Ministry, said …": no clause
        # a quoted fragment after the attribution ("..., Moon announced after a summit with
        # Trump, who called it “just a step”") or a name in quote marks leaves the clause
        # its own statement; a quotation before it is the statement instead
        if not any(x < found[1] and a < y for x, y, _ in taken):
            out.append(found[0])
    return out


def _report_start(verb: Any) -> int:
    """Index of the first word of a report: the verb, or "did not" before it."""
    first: int = verb.i
    for child in verb.lefts:
        if child.dep_ in ("aux", "neg") and child.lower_ not in ("has", "have", "had"):
            first = min(first, int(child.i))
    return first


def find_reports(text: str, doc: Any, speakers: Speakers) -> list[QuoteDraft]:
    """ "X declined to comment on ...", "X did not respond to a request for comment"."""
    out = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma in _DECLINE:
            if not any(c.dep_ == "xcomp" and c.lemma_.lower() in _SILENT for c in verb.children):
                continue
        elif lemma in _ANSWER:
            negated = any(c.dep_ == "neg" for c in verb.children)
            if not negated or not any(t.lower_ == "comment" for t in verb.subtree):
                continue
        else:
            continue
        speaker, rule = speakers.of_verb(verb, (0, 0))
        last = verb.right_edge
        a, b = _trim(text, doc[_report_start(verb)].idx, last.idx + len(last))
        q = QuoteDraft(a, b, "report", speaker, rule or "no speaker found", 0.7)
        sent = sentence(verb)
        q.sentence, q.verb = (sent.start_char, sent.end_char), verb.i
        out.append(q)
    return out


def _is(token: Any, other: Any) -> bool:
    """The same token (spaCy makes a new object for every look-up, so ``is`` fails)."""
    return token is not None and token.i == other.i
