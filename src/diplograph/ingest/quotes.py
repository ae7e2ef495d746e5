"""Statements: direct quotes, reported speech and quoted fragments, with their speakers.

A direct quote is the words between quote marks (curly or straight) that stand
as a clause of their own; its speaker is the subject of a speech verb next to it
("..., Lee said", "said Alison Evans", "according to X", "X told reporters:"),
or the speaker of a paragraph ending "X said:" just before it. "He", "she",
"the agency", "the ministry", "the Prime Minister" name the last speaker that
fits (see :mod:`.speakers`). A quotation with no speech verb of its own goes on
with the words just quoted: a paragraph that opens with it, a second run in the
same paragraph, a sentence right after a quote. A fragment (quoted words inside
a reporter's sentence) belongs to the clause it stands in ("Kim forecasting
“...”"); a short quoted noun phrase that no word of speech governs is a scare
quote and no statement. A medium relaying the words ("according to CNN", "Kim
said, Yonhap reported", "KCNA quoted Kim as saying") is the channel. Reported
speech and reports are in :mod:`.speech`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ._common import ActorDraft, QuoteDraft, sentence
from ._described import ISSUED
from ._marks import paragraphs, quote_spans
from ._marks import spans as marked_spans
from .actors import ActorResolver
from .speakers import JOINT, Speakers
from .speech import (
    find_reports,
    find_surface,
    reported,
    reporting,
    second_reported,
    speech_verb,
)

__all__ = ["find_quotes", "paragraphs", "quote_spans"]

_ACCORDING = re.compile(r"according to\s+(?P<who>[^,.;]+)", re.IGNORECASE)
_RELAYS = re.compile(
    r"(?:according to|quoted (?:as saying )?by|carried by|told|interview with|reported by|\bon)"
    r"\s+(?P<who>[^,.;“”\"]+)|(?P<by>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}) (?:reported|reports)\b"
)


def _a_name(text: str, wa: int, wb: int) -> bool:
    """A title, not words someone said: a short quoted run in title case ("on “This Week”").

    >>> t = 'she told “Face The Nation” that it was “a big step”'
    >>> _a_name(t, 10, 25), _a_name(t, 40, 50)
    (True, False)
    """
    words = text[wa:wb].split()
    return 1 < len(words) <= 4 and all(w[:1].isupper() for w in words)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


_ABBREVIATIONS: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov")
_ABBREVIATIONS += ("Lt", "Col", "Jr", "Prof", "Sgt", "Maj", "Capt", "Adm", "Amb")
_ABBREVIATIONS += ("Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
# nor that of an initial: "U.S. Secretary of State Mike Pompeo said"
_ABBREVIATION = "".join(rf"(?<!\b{w})" for w in _ABBREVIATIONS) + r"(?<!\b[A-Z])"
_STOP = re.compile(rf"{_ABBREVIATION}[.?!](?=[”\"]?\s|[”\"]?$)")


def _sentence_bounds(text: str, para: tuple[int, int], a: int, b: int) -> tuple[int, int]:
    """The reporter's sentence around the quote ``a:b``: from the last full stop to the next
    (the stop of "Mr." or "U.S." ends no sentence: "“...,” Mr. Trump said.").

    >>> t = '“We talked,” Mr. Trump said. Then he left.'
    >>> s, e = _sentence_bounds(t, (0, len(t)), 1, 11)
    >>> t[s:e]
    '“We talked,” Mr. Trump said. '
    >>> t = '“We talked,” U.S. envoy Sung Kim said. Then he left.'
    >>> s, e = _sentence_bounds(t, (0, len(t)), 1, 11)
    >>> t[s:e]
    '“We talked,” U.S. envoy Sung Kim said. '
    """
    stops = [m.end() for m in _STOP.finditer(text, para[0], max(para[0], a - 1))]
    s = stops[-1] + 1 if stops else para[0]
    m = _STOP.search(text, b + 1, para[1])
    e = para[1] if m is None else m.end()
    return s, min(e + 1, para[1])


def _mode(text: str, para: tuple[int, int], a: int, b: int, closed: bool) -> str:
    before = text[para[0] : a - 1].rstrip()
    opening = not before or before[-1] in ".:?!—–-" or before.endswith((",", "said", "says"))
    words = len(text[a:b].split())
    if opening and (words >= 4 or text[b - 1 : b] in ".,?!" or not closed):
        return "direct_quote"
    return "fragment"


def _channel(
    text: str, s: int, e: int, speakers: Speakers, speaker: ActorDraft | None
) -> ActorDraft | None:
    """The medium that relays the words: "according to CNN", "a report by CNBC", "quoted
    as saying by KCNA", "told NBC News", "in an interview with ABC", "Yonhap reported"."""
    if speaker is not None and speaker.kind == "media":
        return speaker
    for m in _RELAYS.finditer(text, s, e):
        group = "who" if m["who"] is not None else "by"
        found = speakers.named_in(m.start(group), m.end(group), m[group])
        if found is not None and found.kind == "media" and found is not speaker:
            return found
    return None


@dataclass
class _Quoted:
    """One run of quoted words and what is known of it before it is attributed."""

    para: int  # index of its paragraph
    start: int  # words, without marks or spaces
    end: int
    mode: str
    sentence: tuple[int, int]
    opens_para: bool


@dataclass
class _Attribution:
    speaker: ActorDraft | None = None
    rule: str = "no speaker found"
    confidence: float = 0.3
    relay: ActorDraft | None = None
    verbs: list[Any] = field(default_factory=list)


def _by_verbs(speakers: Speakers, q: _Quoted, raw: tuple[int, int]) -> _Attribution:
    """The subject of a speech verb of the quote's sentence, after the quote first."""
    s, e = q.sentence
    verbs = speakers.verbs(raw[1], e, raw) + speakers.verbs(s, raw[0], raw)
    got = _Attribution(verbs=verbs)
    # "“...,” Trump said, Yonhap reported": the person speaks, the medium is the channel
    said = [speakers.quoted(v, raw) or speakers.of_verb(v, raw) for v in verbs]
    found = [f for f in said if f[0] is not None]
    people = [f for f in found if f[0] is not None and f[0].kind != "media"]
    media = [f for f in found if f[0] is not None and f[0].kind == "media"]
    got.relay = media[0][0] if people and media else None
    for verb in verbs:  # "KCNA quoted Kim as saying": KCNA is the channel
        channel = speakers.of_verb(verb, raw)[0] if speakers.quoted(verb, raw) else None
        if channel is not None and channel.kind == "media":
            got.relay = channel
    if found:
        got.speaker, got.rule = (people or media)[0]
        got.confidence = 0.9 if q.mode == "direct_quote" else 0.7
    elif any(rule == JOINT for _, rule in said):
        got.rule = JOINT  # "Trump and Kim vowed to work toward the “...”"
    return got


def _issuer(speakers: Speakers, q: _Quoted) -> ActorDraft | None:
    """Who issued "the statement" the quote's sentence says reads or says it: the subject of
    the last "X released a statement" before it, else the last speaker."""
    doc = speakers.doc
    span = doc.char_span(*q.sentence, alignment_mode="expand")
    said = [
        t
        for t in (span if span is not None else ())
        if not q.start <= t.idx < q.end
        and t.dep_ == "nsubj"
        and t.lemma_.lower() in ISSUED
        and any(c.lower_ == "the" for c in t.lefts)
    ]
    if not said:
        return None
    for t in reversed(doc[: said[0].i]):
        if t.lemma_.lower() in ISSUED and t.dep_ == "dobj" and t.head.lemma_ in _ISSUE:
            subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            found = speakers.of_token(subject)[0] if subject is not None else None
            if found is not None:
                return found
    return speakers.last[-1] if speakers.last else None


_ISSUE = {"release", "issue", "publish"}


def _attribute(
    text: str, speakers: Speakers, q: _Quoted, raw: tuple[int, int]
) -> _Attribution | None:
    """Who said the quoted words; None for a scare quote (a term, nobody's words)."""
    spoken = q.mode == "direct_quote"
    clause: ActorDraft | None = None
    if q.mode == "fragment" and speakers.a_modifier(q.start, q.end):
        return None  # "a “handshake” session", a "comprehensive" document: a term
    if q.mode == "fragment":  # the clause it stands in first: "Kim forecasting “...”"
        speaker, rule, spoken = speakers.governing(q.start, q.end)
        clause = speaker
        if spoken and (speaker is not None or rule == JOINT):
            got = _by_verbs(speakers, q, raw)
            got.speaker, got.rule, got.confidence = speaker, rule, 0.7 if speaker else 0.4
            return got
    got = _by_verbs(speakers, q, raw)
    if _relayed(clause, got.speaker):
        # "TASS said Choe had rejected yielding to “US demands …”": Choe's words, through TASS
        got.speaker, got.relay, got.confidence = clause, got.speaker, 0.6
        got.rule = "subject of the clause a medium reports: the person's words, relayed"
    if got.speaker is None:
        m = _ACCORDING.search(text, raw[1], q.sentence[1])
        who = None if m is None else speakers.named_in(m.start("who"), m.end("who"), m["who"])
        issuer = _issuer(speakers, q)
        if m is not None and who is not None and who.kind == "media" and got.verbs:
            # "state media claimed the launch was to “...,” according to CNN": CNN relays
            # the words of the speech verb's subject, named or not
            got.relay, spoken = who, True
        elif m is not None and who is not None and who.kind == "media" and issuer is not None:
            # "“...,” the statement reads, according to Yonhap": the statement's words
            got.speaker, got.relay, spoken = issuer, who, True
            got.rule, got.confidence = "“the statement”: of the last speaker, relayed", 0.6
        elif m is not None:
            got.speaker, got.rule, got.confidence = who, "according to", 0.8
            spoken = True
    if q.mode == "fragment" and not spoken and not got.verbs and got.speaker is None:
        if speakers.a_term(q.start, q.end):
            return None  # "after attending a “business leaders’ event”": nobody's words
        if clause is not None:  # In it, Mr Trump “committed to provide ...”
            got.speaker, got.confidence = clause, 0.5
            got.rule = "subject of the clause the fragment stands in"
    return got


def _relayed(clause: ActorDraft | None, speaker: ActorDraft | None) -> bool:
    """Whether a fragment's words are those of the person its clause is about, reported by a
    medium (the speaker of the sentence's speech verb)."""
    return (
        clause is not None
        and speaker is not None
        and clause.kind == "person"
        and speaker.kind == "media"
        and clause.id != speaker.id
    )


def find_quotes(
    text: str, doc: Any, actors: ActorResolver, ent_actor: dict[int, ActorDraft]
) -> list[QuoteDraft]:
    """Every direct quote, fragment, reported statement and report of ``text``, in order."""
    speakers = Speakers(doc, actors, ent_actor)
    spans = list(marked_spans(text))
    quoted = [(a, b) for _, _, a, b, _ in spans]
    speakers.inside_quotes = quoted
    verbs = [v for v in doc if reporting(v, quoted)]
    quotes: list[QuoteDraft] = []
    carried: tuple[ActorDraft | None, int] = (None, -9)  # last quote's speaker, paragraph
    in_para: dict[int, ActorDraft] = {}  # paragraph -> its quoted speaker
    heard = _Heard(doc, speakers, quoted)
    for para, n, a, b, closed in spans:
        while verbs and verbs[0].idx < a:
            heard.upto(verbs[0].idx)
            added = _add_reported(text, verbs.pop(0), speakers, quoted, quotes)
            if added is not None and added.speaker is not None and added.start >= para[0]:
                # "Mr Trump said a turning point has been reached. “We're both ...”": a
                # quotation right after X's reported words goes on with X
                carried = (added.speaker, n)
        heard.upto(a)
        wa, wb = _trim(text, a, b)
        mode = _mode(text, para, a, b, closed)
        if wb <= wa or (mode == "fragment" and _a_name(text, wa, wb)):
            continue
        q = _Quoted(n, wa, wb, mode, _sentence_bounds(text, para, a, b), a - 1 == para[0])
        got = _attribute(text, speakers, q, (a, b))
        if got is None:
            continue
        if got.speaker is None and mode == "direct_quote" and not got.verbs:
            if q.opens_para:
                _introduced(text, speakers, para[0], got)
            else:
                _after_colon(text, speakers, a - 1, got)
        if got.speaker is None and mode == "direct_quote" and not got.verbs:
            _named_after(text, speakers, q, got)
        if got.speaker is None and mode == "direct_quote" and got.rule != JOINT:
            _goes_on(got, q, carried, in_para)
        if got.speaker is not None and mode == "direct_quote":
            in_para[n] = got.speaker
        speakers.spoke(got.speaker)
        if mode == "direct_quote" or got.speaker is not None:
            carried = (got.speaker, n)  # a quotation right after X's words goes on with them
        draft = QuoteDraft(wa, wb, mode, got.speaker, got.rule, got.confidence, sentence=q.sentence)
        draft.channel = got.relay or _channel(text, *q.sentence, speakers, got.speaker)
        draft.verb = got.verbs[0].i if got.verbs else None
        quotes.append(draft)
    for verb in verbs:
        _add_reported(text, verb, speakers, quoted, quotes)
    taken = [(d.start, d.end, d.mode) for d in quotes]  # statements, not names in quotes
    more = find_surface(text, doc, speakers, taken) + find_reports(text, doc, speakers)
    for d in more:
        d.channel = d.channel or _channel(text, *d.sentence, speakers, d.speaker)
    quotes.extend(more)
    quotes.sort(key=lambda q: q.start)
    quotes.extend(_first_person(text, doc, quotes, quoted))
    quotes.sort(key=lambda q: q.start)
    _go_on(text, quotes)
    return quotes


_WE = {"we", "our", "us", "ours"}


def _first_person(
    text: str, doc: Any, quotes: list[QuoteDraft], quoted: list[tuple[int, int]]
) -> list[QuoteDraft]:
    """A government's readout: "Wang Yi said that … . We share extensive common interests
    …": a sentence in the first person plural, outside any quotation mark, right after a
    statement reported in the same paragraph, goes on with that statement's speaker (a
    reporter never writes "we" of himself)."""
    out: list[QuoteDraft] = []
    prev: QuoteDraft | None = None
    para_of = {a: n for n, (a, _) in enumerate(paragraphs(text))}
    starts = sorted(para_of)
    for sent in doc.sents:
        a, b = _trim(text, sent.start_char, sent.end_char)
        if a >= b:
            continue
        para = bisect.bisect_right(starts, a)
        if prev is not None and bisect.bisect_right(starts, prev.start) != para:
            prev = None  # a new paragraph
        own = [q for q in quotes if a <= q.start < b]
        if own:
            last = own[-1]
            prev = last if last.mode == "paraphrase" and last.speaker is not None else None
            continue
        inside = any(qa <= b and a <= qb for qa, qb in quoted)
        we = any(t.lower_ in _WE and t.pos_ == "PRON" for t in sent)
        if prev is None or inside or not we:
            prev = None
            continue
        b = b - 1 if text[b - 1] == "." else b
        q = QuoteDraft(a, b, "paraphrase", prev.speaker, "", 0.5, sentence=(a, b))
        q.rule = "a sentence in the first person after a reported statement: its speaker's"
        out.append(q)
        prev = q
    return out


def _go_on(text: str, quotes: list[QuoteDraft]) -> None:
    """A quotation left open at a paragraph's end with no speaker of its own takes the speaker
    of its continuation in the next paragraph ("‘I would like to congratulate …" ¶ "Both
    sides …,’ Minister of Foreign Affairs Børge Brende said")."""
    for q, nxt in itertools.pairwise(quotes):
        between = text[q.end : nxt.start]
        if (
            q.speaker is None
            and nxt.speaker is not None
            and q.mode == nxt.mode == "direct_quote"
            and "\n" in between
            and not between.strip(' \t\n“‘"')
        ):
            q.speaker, q.confidence = nxt.speaker, nxt.confidence
            q.rule = "a quotation the next paragraph goes on with: the speaker named there"


class _Heard:
    """Subjects of speech verbs that report no words ("Putin also fiercely denied the
    claims"), taken in the text's order as speakers: a pronoun after them can be theirs."""

    def __init__(self, doc: Any, speakers: Speakers, quoted: list[tuple[int, int]]) -> None:
        self.doc, self.speakers, self.quoted = doc, speakers, quoted
        self.next = 0  # the first token not read yet

    def upto(self, char: int) -> None:
        for tok in self.doc[self.next :]:
            if tok.idx >= char:
                return
            self.next = tok.i + 1
            if tok.pos_ != "VERB" or not speech_verb(tok) or reporting(tok, self.quoted):
                continue
            if any(a <= tok.idx < b for a, b in self.quoted) or any(
                c.dep_ in ("xcomp", "ccomp") for c in tok.children
            ):
                continue  # "Washington pledged to stop …": a promise, not words heard
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                self.speakers.spoke(self.speakers.actor_at(subject))


def _introduced(text: str, speakers: Speakers, at: int, got: _Attribution) -> None:
    """ "Kim said in a statement:" closing the paragraph before: Kim says the quotation."""
    before = text[:at].rstrip()
    if not before.endswith(":"):
        return
    start = max(before.rfind(". "), before.rfind("\n")) + 1
    for verb in speakers.verbs(start, len(before), (at, at)):
        found = speakers.of_verb(verb, (at, at))[0]
        if found is not None:
            got.speaker, got.confidence = found, 0.8
            got.rule = "a speaker introducing the quotation with a colon"
            got.verbs = [verb]
            return


def _after_colon(text: str, speakers: Speakers, mark: int, got: _Attribution) -> None:
    """ "Barnier sounded a note of caution as he left: “...”": a quotation a colon opens
    is the words of the subject of the clause before the colon."""
    before = text[:mark].rstrip()
    if not before.endswith(":"):
        return
    colon = speakers.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return
    node = colon[0]
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    for child in node.children if node.pos_ in ("VERB", "AUX") else ():
        if child.dep_ == "nsubj":
            found, _ = speakers.of_token(child)
            if found is not None:
                got.speaker, got.confidence = found, 0.7
                got.rule = "the subject of the clause a colon closes before the quotation"
            return


def _named_after(text: str, speakers: Speakers, q: _Quoted, got: _Attribution) -> None:
    """ "“...” ¶ That tweet by China's Ambassador to India, Luo Zhaohui, set the tone": a
    quotation the next sentence names as somebody's words ("that tweet by X")."""
    token = speakers.doc.char_span(q.end, q.end + 1, alignment_mode="expand")
    if token is None:
        return
    nxt = sentence(token[0]).end
    if nxt >= len(speakers.doc):
        return
    for tok in sentence(speakers.doc[nxt])[:4]:
        if not speakers.names_words(tok):
            continue
        found = speakers.by_phrase(tok)
        if found is not None:
            got.speaker, got.confidence = found, 0.6
            got.rule = "the speaker the next sentence names (“that tweet by X”)"
        return


def _goes_on(
    got: _Attribution,
    q: _Quoted,
    carried: tuple[ActorDraft | None, int],
    in_para: dict[int, ActorDraft],
) -> None:
    """A quotation with no speaker of its own goes on with the words just quoted: a
    paragraph that opens with it, a quote of the same paragraph, or a sentence with
    no speech verb right after a quote."""
    last, at = carried
    if got.verbs:
        return  # "“...,” a diplomat said": a speech verb of its own, whose speaker is unknown
    if q.opens_para and last is not None:
        got.speaker, got.rule = last, "a paragraph that goes on with a quote"
    elif q.para in in_para:
        got.speaker, got.rule = in_para[q.para], "goes on with a quote of the paragraph"
    elif last is not None and q.para - at <= 1:
        got.speaker, got.rule = last, "a quotation with no speech verb after a quote"
    if got.speaker is not None:
        got.confidence = 0.6


def _add_reported(
    text: str, verb: Any, speakers: Speakers, quoted: list[tuple[int, int]], out: list[QuoteDraft]
) -> QuoteDraft | None:
    q = reported(text, verb, speakers, quoted)
    if q is not None:
        q.channel = _channel(text, *q.sentence, speakers, q.speaker)
        speakers.spoke(q.speaker)
        out.append(q)
        more = second_reported(text, verb, speakers, quoted)  # "said A, and that B"
        if more is not None:
            more.channel = q.channel
            out.append(more)
    return q
