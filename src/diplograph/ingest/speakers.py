"""Who speaks: the subject of a speech verb, a pronoun's antecedent, a quoted fragment's clause.

The parse gives the subject of a speech verb; a name the model did not mark as an
entity is still read when it is a name this article used before ("Barnier" after
"Michel Barnier"). A subject that is no actor but a document or an unnamed
official "from", "of" or "for" a named body speaks for that body ("a leaked memo
from the European Commission said"). Words said by two actors together
("Trump and Kim vowed") have no one speaker.
"""

from __future__ import annotations

from typing import Any

from ._common import ActorDraft, sentence
from ._described import LEADS, Described
from ._fragments import comment_owner, pledged
from ._lexicon import SPEECH_VERBS, TITLE_WORDS
from .actors import ActorResolver

__all__ = ["COMMUNICATION", "JOINT", "Speakers", "finite", "speech_head", "that_clause"]

JOINT = "words said by several actors together"
"""The rule of a statement whose speaker is left empty because several actors said it."""

_PRONOUNS = {"he": "person", "she": "person", "it": None, "they": None}
_UNNAMED = {"officials", "official", "sources", "source", "diplomats", "diplomat"}
_SEX = {"he": "m", "she": "f"}
# who hears what a speaker tells: "told a press conference that …" reports a clause, while
# "denied the account that …" names the words of another
_HEARERS = {"conference", "reporters", "journalists", "briefing", "press", "audience", "forum"}
_HEARERS |= {"lawmakers", "parliament", "crowd", "delegates", "rally", "interview", "meeting"}
# what an apposition calls a person ("Stephane Visconti, the Minsk Group's French co-chair")
_PEOPLE = TITLE_WORDS | {"chair", "mediator", "aide", "lawmaker", "expert", "representative"}

COMMUNICATION = SPEECH_VERBS | {
    "reiterate",
    "forecast",
    "describe",
    "express",
    "hope",
    "term",
    "dub",
    "label",
    "brand",
    "welcome",
    "praise",
    "hail",
    "commitment",
    "pledge",
    "promise",
    "statement",
    "message",
    "word",
    "remark",
    "tweet",
    "letter",
}
"""Words that make quoted words inside a reporter's sentence somebody's words."""


def that_clause(verb: Any) -> Any | None:
    """The verb of a "that" clause the parse hung on a noun after a speech verb: "Kudlow
    said at an event hosted by X that China acknowledged ..." (a relative clause of
    "event" to the parse); None when ``verb`` heads no such clause."""
    if verb.dep_ != "relcl" or verb.left_edge.lower_ != "that" or verb.left_edge.i == verb.i:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ != "that" for c in verb.children):
        return None  # "the meeting that was held": a relative clause indeed
    node = verb.head
    path = [node]
    for _ in range(4):  # event <- at <- said, or Monitor <- by <- hosted <- event <- at <- said
        node = node.head
        path.append(node)
        if node.lemma_.lower() in SPEECH_VERBS and node.pos_ == "VERB":
            # "told a press conference that …": the object the clause hangs on is no other
            other = (
                c.dep_ == "ccomp"
                or (c.dep_ == "dobj" and (c not in path or c.lower_ not in _HEARERS))
                for c in node.children
            )
            if any(other):
                return None
            if any(c.dep_ == "auxpass" for c in node.children):
                return None  # "are said to include ...": no speaker
            return node
        if node.head.i == node.i:
            break
    return None


def speech_head(node: Any) -> Any | None:
    """The speech verb whose reported clause ``node`` heads, if any."""
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS and finite(node):
        return node.head
    return that_clause(node)


def finite(clause: Any) -> bool:
    """Whether ``clause`` has a subject or a "that" of its own: a reported clause does;
    "concluded the summit ... and Kim reiterated" (a parse's slip) does not."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children)


def _word(token: Any) -> str:
    """The lemma, and a verb's stem for an "-ing" form the parse took for a noun."""
    lemma = str(token.lemma_).lower()
    return lemma[:-3] if token.pos_ == "NOUN" and lemma.endswith("ing") else lemma


def _after_dateline(head: Any) -> Any | None:
    """ "SEOUL, July 7 (Reuters) - … Mike Pompeo said": the person after the dash of a
    dateline whose place the parse took for the subject."""
    if head.ent_type_ != "GPE":
        return None
    # a person, or a description of one ("STOCKHOLM, (Reuters) – North Korea's top negotiator")
    people = [
        c
        for c in head.children
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or (c.pos_ == "NOUN" and not c.ent_type_))
    ]
    for child in people:
        if any(t.text in ("-", "–", "—") for t in head.doc[head.i : child.i]):
            return child
    return None


def _with_object(token: Any) -> bool:
    return bool(token.dep_ == "pobj" and token.head.lower_ == "with")


class Speakers(Described):
    """Find the speaker of a speech verb and remember who spoke last."""

    def __init__(self, doc: Any, actors: ActorResolver, ent_actor: dict[int, ActorDraft]) -> None:
        self.doc = doc
        self.text = doc.text  # once: Doc.text joins every token anew
        self.actors = actors
        self.ent_actor = ent_actor  # token index -> actor of the entity covering it
        self.last: list[ActorDraft] = []
        self.sex: dict[str, str | None] = {}  # actor id -> "f" / "m" as the text shows it
        self.inside_quotes: list[tuple[int, int]] = []  # the article's quoted words

    def verbs(self, a: int, b: int, inside: tuple[int, int]) -> list[Any]:
        """The speech verbs of ``text[a:b]`` outside the quoted words ``inside``."""
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

    def actor_at(self, token: Any) -> ActorDraft | None:
        """The actor a token names: its entity, else a name this article used before."""
        found = self.ent_actor.get(token.i)
        if found is None and token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper():
            names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            start = names[0].i if names else token.i
            found = self.actors.resolve_name(self.doc[start : token.i + 1].text)
            if found is None and names:  # "FM Qureshi": the Qureshi named before
                found = self.actors.resolve_name(token.text)
        return found

    def of_verb(self, verb: Any, inside: tuple[int, int]) -> tuple[ActorDraft | None, str]:
        """The speaker of ``verb``: its subject, "said X", a parse's slips, a governing verb's."""
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and not inside[0] <= c.idx < inside[1]
        ]
        if len(subjects) > 1:  # "which it warned would …": the relative pronoun is not it
            subjects = [c for c in subjects if c.tag_ != "WDT"] or subjects
            # "Russian news agency TASS said": two subjects to the parse, the name is the one
            subjects = [c for c in subjects if c.i in self.ent_actor] or subjects
        if subjects:
            return self.of_token(subjects[0])
        for child in verb.children:  # "said X" parsed without a subject arc
            if child.i > verb.i and child.ent_type_ == "PERSON":
                return self.of_token(child)
        if verb.i > 0 and self.doc[verb.i - 1].text in ('"', "”"):
            # "“…,” tweeted the government of Pakistan": the speaker as the parse's object
            after = (c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "attr"))
            for child in after:
                found, rule = self.of_token(child)
                if found is not None:
                    return found, rule
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        found = self.actor_at(before) if before is not None else None
        if found is not None:  # "Kim forecasting", "and Kim reiterated": a subject misparsed
            return found, "the actor named just before a speech verb"
        if verb.tag_ == "VBG" and before is not None and _with_object(before):
            found, _ = self.of_token(before)  # "… talks with the U.S. president saying …"
            if found is not None:
                return found, "“with X saying”: X says it"
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            found, rule = self.of_verb(verb.head, inside)  # "X brushed it off, saying ..."
            if found is not None or rule == JOINT:
                return found, rule
        if verb.tag_ == "VBG":
            return self._participle_subject(verb)
        return None, ""

    def _participle_subject(self, verb: Any) -> tuple[ActorDraft | None, str]:
        """ "Pompeo played it down on ABC's “This Week,” saying ...": the subject of the
        reporter's sentence the participle hangs on, when the parse split that sentence."""
        for tok in reversed(self.doc[max(0, verb.i - 60) : verb.i]):
            if tok.text in (".", "?", "!") or "\n\n" in tok.text:
                break
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            # "He pointed out …, reiterating that …": a pronoun subject too
            found = self.of_token(tok)[0] if tok.lower_ in _PRONOUNS else self.actor_at(tok)
            if found is not None:
                return found, "the subject of the sentence a participle hangs on"
        return None, ""

    def quoted(self, verb: Any, inside: tuple[int, int]) -> tuple[ActorDraft, str] | None:
        """ "KCNA quoted Kim as saying": the person quoted (the subject is the channel)."""
        if verb.lemma_.lower() != "quote":
            return None
        for child in verb.children:
            if child.dep_ == "dobj" and not inside[0] <= child.idx < inside[1]:
                found = self.of_token(child)[0]
                if found is not None:
                    return found, "the person a medium quotes"
        return None

    def of_token(self, head: Any) -> tuple[ActorDraft | None, str]:
        """The actor a subject stands for (None when it names none, or several together)."""
        if head.lower_ == "who" and head.head.dep_ == "relcl":  # "Trump, who called it"
            found, _ = self.of_token(head.head.head)
            if found is not None:
                return found, "“who”: the person the relative clause is about"
        person = _after_dateline(head)
        if person is not None:
            return self.of_token(person)
        if any(c.dep_ == "conj" for c in head.children) and head.lower_ not in _PRONOUNS:
            return None, JOINT  # "Trump and Kim vowed ...": nobody alone
        found = self.actor_at(head)
        if found is not None:
            return found, "subject of a speech verb"
        low = head.text.lower()
        if low in _PRONOUNS:
            return self._pronoun(head, _PRONOUNS[low])
        phrase = self.doc[head.left_edge.i : head.i + 1].text
        found = self.actors.resolve_name(phrase)
        if found is not None:
            return found, "subject of a speech verb"
        found = self.named_next(head)
        if found is not None:
            return found, "a description the next sentence names"
        of = [o for p in head.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        named = [self.ent_actor[o.i] for o in of if o.i in self.ent_actor]
        if named and named[0].kind == "person":  # "the chief of the secretariat Im Jong Seok"
            return named[0], "a title whose holder its phrase names"
        if head.lower_ in LEADS and not of and (found := self._by_role(head)) is not None:
            return found, "a title: the last speaker holding it"  # "the US leader": Trump
        # "Pyongyang's official Korean Central News Agency"; "Putin's top foreign adviser,
        # Yury Ushakov": the apposition names the speaker before any possessive does
        children = sorted(head.children, key=lambda c: c.dep_ != "appos")
        for child in children:
            if child.dep_ in ("compound", "appos", "poss") and child.i in self.ent_actor:
                found = self.ent_actor[child.i]
                if found.kind == "state" and head.lower_ in _UNNAMED:
                    return None, "unnamed officials of a state: anonymous"  # "Seoul officials"
                body = self.actors.owned_body(found, head)  # "North Korea's foreign ministry"
                return body or found, "subject of a speech verb"
        found = self._by_role(head)
        if found is not None:
            return found, "a title: the last speaker holding it"
        found = self._medium(head)
        if found is not None:
            return found, "a medium named as the subject of a speech verb"
        if head.pos_ == "NOUN" and (found := self._named_before_title(head)) is not None:
            return found, "a person and the title after it"
        if head.pos_ == "NOUN":
            return self._noun(head)
        if head.ent_type_ in ("PERSON", "ORG") and head.pos_ == "PROPN" and head.n_lefts == 0:
            found = self.actors.lone_name(head.text)  # "Pompeo told reporters"
            if found is not None:
                return found, "a name of its own as the subject of a speech verb"
        name = self._unmarked_person(head)
        if name is not None:
            return self.actors.titled_name(name), "a name its apposition calls a person's"
        found = self.actors.speaking_capital(head.text)
        if found is not None:  # "Moscow has suggested …": a place does not speak, a state does
            return found, "a capital that speaks: its state"
        return None, ""

    def _named_before_title(self, head: Any) -> ActorDraft | None:
        """ "Kim Eui-kyeom, a spokesman for South Korea's Blue House, told reporters" parsed
        with the title as the subject: the person named just before the comma."""
        if head.lower_ not in _PEOPLE or not any(c.lower_ in ("a", "an") for c in head.lefts):
            return None
        comma = head.left_edge.i - 1
        if comma < 1 or self.doc[comma].text != ",":
            return None
        found = self.ent_actor.get(comma - 1)
        return found if found is not None and found.kind == "person" else None

    def _unmarked_person(self, head: Any) -> str | None:
        """ "Ziad Nakhala, a senior official in Islamic Jihad, told …", "Minister of Foreign
        Affairs Børge Brende said" with no entity from the model: the capitalized name, when a
        title of a person stands before it or in an apposition after it."""
        if head.pos_ != "PROPN" or head.ent_type_ or not head.text[:1].isupper():
            return None
        titled = (  # "…, a senior official" after it, "Minister of Foreign Affairs" before it
            (c.dep_ == "appos" or (c.i < head.i and c.dep_ in ("nmod", "compound")))
            and c.lemma_.lower() in _PEOPLE
            for c in head.children
        )
        if not any(titled):
            return None
        names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        names = names[next((i for i, t in enumerate(names) if t.lower_ not in _PEOPLE), 0) :]
        if not names or any(not t.text[:1].isupper() or t.ent_type_ for t in names):
            return None  # one word alone may be a place or a body
        return str(self.doc[names[0].i : head.i + 1].text)

    def _pronoun(self, head: Any, want: str | None) -> tuple[ActorDraft | None, str]:
        found, rule = self._antecedent(head, want)
        sex = _SEX.get(head.lower_)
        if found is not None and sex is not None and self.sex.get(found.id) is None:
            self.sex[found.id] = sex  # "he" of Trump: no later "she" stands for him
        return found, rule

    def _antecedent(self, head: Any, want: str | None) -> tuple[ActorDraft | None, str]:
        sex = _SEX.get(head.lower_)
        if want == "person":
            subject = self._sentence_subject(head)
            if subject is not None and self._fits(subject, sex):
                return subject, f"“{head.text}”: the person the sentence is about"
        if want is None and head.lower_ == "it":  # "the North balked at drills, which it
            subject = self._sentence_subject(head, person=False)  # warned would …"
            if subject is not None:
                return subject, f"“{head.text}”: the state or body the sentence is about"
        for draft in reversed(self.last):
            if (want is None and draft.kind != "person") or (
                want == draft.kind and self._fits(draft, sex)
            ):
                return draft, f"“{head.text}”: the last speaker that fits"
        if want == "person":  # no speaker yet: the person the sentences before are about
            return self._last_named(head, sex)
        return None, ""

    def owner(self, token: Any) -> ActorDraft | None:
        """The person "his" or "her" stands for at ``token`` ("In his words, …"): the subject
        of the sentences before it, else the last person named."""
        sex = {"his": "m", "her": "f"}.get(token.lower_)
        return self._last_named(token, sex)[0] if sex is not None else None

    def _last_named(self, head: Any, sex: str | None) -> tuple[ActorDraft | None, str]:
        """The subject of the nearest sentence before ``head`` whose subject is a person that
        fits, else the last person named before; names inside quotation marks are the quoted
        words', not the reporter's ("Trump expressed optimism about his bargaining with Kim. ¶
        “… my meeting with Kim Jong Un …” he tweeted": Trump)."""
        mentioned: ActorDraft | None = None
        sentences = 0
        for tok in reversed(self.doc[: head.i]):
            if tok.is_sent_start:
                sentences += 1
            if sentences > 3 or any(a <= tok.idx < b for a, b in self.inside_quotes):
                continue
            found = self.ent_actor.get(tok.i)
            if found is None or found.kind != "person" or not self._fits(found, sex):
                continue
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return found, f"“{head.text}”: the subject of the sentences before"
            mentioned = mentioned or found
        if mentioned is None:  # nothing near: the last person named, however far
            for tok in reversed(self.doc[: head.i]):
                found = self.ent_actor.get(tok.i)
                if found is not None and found.kind == "person" and self._fits(found, sex):
                    return found, f"“{head.text}”: the last person named"
        return mentioned, f"“{head.text}”: the last person named" if mentioned else ""

    def _fits(self, draft: ActorDraft, sex: str | None) -> bool:
        """Whether a pronoun of ``sex`` may stand for ``draft``: not "she" for a man the text
        calls Mr, King or spokesman, nor for one an earlier "he" stood for."""
        if sex is None:
            return True
        if draft.id not in self.sex:
            self.sex[draft.id] = self._titled(draft)
        known = self.sex[draft.id]
        return known is None or known == sex

    def named_in(self, a: int, b: int, phrase: str) -> ActorDraft | None:
        """The actor ``phrase`` names, else the actor its last named word names (the head
        of an English noun phrase comes last: "South Korean President Moon Jae-in")."""
        found = self.actors.resolve_name(phrase)
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if found is None and span is not None:
            # "South Korean military officials": a demonym names no speaker
            named = (self.actor_at(t) for t in reversed(span) if t.ent_type_ != "NORP")
            found = next((f for f in named if f is not None), None)
        if found is None and span is not None:
            found = self._medium(span.root)
        if found is None and span is not None and span.root.pos_ == "NOUN":
            found = self._noun(span.root)[0]  # "…, the ministry said": the one named before
        if found is None and span is not None:
            found = self.actors.lower_body(span.root)  # "according to the commerce ministry"
        return found

    def _medium(self, head: Any) -> ActorDraft | None:
        """A medium the graph lacks, named up to ``head`` ("state-run Fana broadcasting
        corporate" from its first capitalized word)."""
        caps = [t for t in head.subtree if t.i <= head.i and t.text[:1].isupper()]
        if not caps or head.pos_ not in ("NOUN", "PROPN"):
            return None
        return self.actors.named_medium(self.doc[caps[0].i : head.i + 1].text)

    def governing(self, a: int, b: int) -> tuple[ActorDraft | None, str, bool]:
        """The speaker of the clause quoted words ``a:b`` stand in ("Kim forecast “...”"),
        its rule, and whether a word of speech governs the words (else they may be a name).
        """
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return None, "", False
        node, spoken = span.root, False
        while True:
            spoken = spoken or _word(node) in COMMUNICATION
            said = speech_head(node)
            if said is not None:
                found, rule = self.of_verb(said, (a, b))  # "saying that Kim “wants…”"
                if found is not None and found.kind == "state":
                    found, rule = self._reporter(said, (a, b)) or (found, rule)
                return found, rule, True
            found = comment_owner(node, self.actor_at)  # "X's comment that the U.S. …"
            if found is not None:
                return found, "the one whose words a noun of speech gives", True
            found = self._by_phrase(node, a, b) or self._who_said(node, a)
            if found is not None:
                return found, "the speaker a word of speech names", True
            verbal = node.pos_ in ("VERB", "AUX") or _word(node) in COMMUNICATION
            if verbal and not a <= node.idx < b:  # "Kim forecasting" (a noun to the parse)
                found, rule = self.of_verb(node, (a, b))
                if found is not None or rule == JOINT:
                    return found, rule, spoken
            elif node.pos_ in ("VERB", "AUX") and not self._reported_above(node):
                for child in node.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and not a <= child.idx < b:
                        found, rule = self.of_token(child)
                        if found is not None or rule == JOINT:
                            return found, rule, spoken
            if node.head.i == node.i:
                return None, "", spoken
            node = node.head

    def _reporter(self, verb: Any, inside: tuple[int, int]) -> tuple[ActorDraft, str] | None:
        """The person whose words report what a state said ("Ri said North Korea told the
        U.S. it would “eternally” …": Ri's words), through up to three speech verbs."""
        outer = speech_head(verb)
        for _ in range(3):
            if outer is None:
                return None
            person = self.of_verb(outer, inside)[0]
            if person is not None and person.kind == "person":
                return person, "a person reports a state's words"
            outer = speech_head(outer)
        return None

    def _by_phrase(self, node: Any, a: int, b: int) -> ActorDraft | None:
        """ "lofty promises by the American president to take care of a “...”": a word of
        speech with a "by" phrase names its speaker."""
        if node.pos_ != "NOUN" or _word(node) not in COMMUNICATION or a <= node.idx < b:
            return None
        return self.by_phrase(node)

    def by_phrase(self, node: Any) -> ActorDraft | None:
        """The actor a noun's "by" phrase names: a person in apposition first ("by China's
        Ambassador to India, Luo Zhaohui"), else the phrase's own actor."""
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ != "by":
                continue
            for appos in node.subtree:  # the parse hangs the apposition on either noun
                one = self.ent_actor.get(appos.i) if appos.dep_ == "appos" else None
                if appos.i > prep.i and one is not None and one.kind == "person":
                    return one
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return self.of_token(obj)[0]
        return None

    @staticmethod
    def names_words(token: Any) -> bool:
        """Whether ``token`` is a noun for words said, pointed at ("that tweet", "those
        remarks"): the words just quoted."""
        return (
            token.pos_ == "NOUN"
            and _word(token) in COMMUNICATION
            and any(t.lower_ in ("that", "this", "those", "these") for t in token.lefts)
        )

    def _who_said(self, node: Any, a: int) -> ActorDraft | None:
        """ "a summit with Trump, who called it “just a step”" (the parse hangs the quotation
        on Trump): the person whose relative clause's speech verb comes before the words."""
        actor = self.ent_actor.get(node.i)
        if actor is None or actor.kind != "person":
            return None
        for c in node.children:
            who = any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
            if c.dep_ == "relcl" and c.idx < a and _word(c) in COMMUNICATION and who:
                return actor
        return None

    def _reported_above(self, node: Any) -> bool:
        """Whether ``node``'s clause lies inside a clause a speech verb reports ("Mr Trump
        said Mr Kim gave ... and they are prepared to “...”": Trump's words, not theirs)."""
        up = node
        for _ in range(6):
            if speech_head(up) is not None:
                return True
            if up.head.i == up.i:
                return False
            up = up.head
        return False

    def a_modifier(self, a: int, b: int) -> bool:
        """Whether the quoted words ``a:b`` (a word or two) modify a noun outside the quotation
        in the reporter's own clause: a name for a thing ("following the “handshake”
        meeting"), nobody's words."""
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) > 2:
            return False
        root = span.root
        return (
            root.dep_ in ("amod", "compound", "nmod")
            and root.head.pos_ in ("NOUN", "PROPN")
            and not a <= root.head.idx < b
            and not self._reported_above(root)  # "he said he was seeking a “handshake” session"
            and not pledged(root)
        )

    def a_term(self, a: int, b: int) -> bool:
        """Whether the quoted words ``a:b`` are a short noun phrase with no verb: a term
        the reporter quotes as a name, when no word of speech governs it."""
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) > 5:
            return False
        return all(t.pos_ not in ("VERB", "AUX") for t in span) and span.root.pos_ in (
            "NOUN",
            "PROPN",
        )

    def _sentence_subject(self, pronoun: Any, person: bool = True) -> ActorDraft | None:
        """The nearest person (or, not ``person``, state or body) before ``pronoun`` in its
        sentence who is a clause's subject."""
        for tok in reversed(self.doc[sentence(pronoun).start : pronoun.i]):
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            draft = self.actor_at(tok)
            if draft is not None and (draft.kind == "person") == person:
                return draft
        return None

    def spoke(self, draft: ActorDraft | None) -> None:
        """Remember ``draft`` as the last speaker."""
        if draft is not None:
            self.last.append(draft)
