"""Actors named in an article, resolved against a graph's actors or proposed as new ones.

Names and aliases of the graph match first (case, accents and hyphens do not
count). Demonyms and capitals stand for their state's government ("Pyongyang",
"North Korean"), and a title after a demonym names the one actor of the graph
holding that post ("the North Korean leader"). A surname alone names the person
last named in full. Anything else is proposed as a new actor with its kind.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import PartialDate
from ..kg import KnowledgeGraph, normalize_name
from ..model import Actor
from ._common import ActorDraft, PositionDraft, slug
from ._countries import country_name
from ._lexicon import (
    ACRONYMS,
    COUNTRIES,
    GOVERNMENT,
    MEDIA,
    MEDIA_SHORT,
    NOT_ACTORS,
    NOT_BODIES,
    ORG_WORDS,
    TITLE_WORDS,
    TITLES,
)

__all__ = ["ActorResolver"]

_TITLE_RE = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_BEFORE = re.compile(
    rf"(?:^|[\s(])(?P<org>(?:[A-Z][\w’'.-]*\s+){{0,4}}?)(?P<title>(?i:{_TITLE_RE}))\s+$"
)
_APPOSITION = re.compile(
    rf"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?P<title>{_TITLE_RE})"
    r"(?:\s+(?:of|at|for|with|from)\s+(?P<org>[^,.;“”\"]+))?",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}?[A-Z][\w.-]*[’']s?\s+", re.UNICODE)
_SENTENCE_END = re.compile(r"[a-z0-9)][.?!][”\"]?\s+")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.)\s+")
_POST_OF = re.compile(  # a post the model took into the name of the body that gives it
    r"^(?:spokesperson|spokesman|spokeswoman|minister|head|director|chief|chairman|secretary)"
    r"\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
_PARTICLES = {"de", "da", "del", "della", "di", "du", "van", "von", "der", "al", "bin", "ibn"}
_BODY = re.compile(  # the words of a state's body: "Foreign Ministry", "Supreme Court"
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:Ministry|Department|Office|Court|Council|Agency|Commission|"
    r"Committee|Service)$"
)
_BODY_NOUNS = {"ministry", "council", "office", "department", "court", "commission", "committee"}
_NOT_BODY_WORDS = {"the", "ruling", "official", "powerful", "new", "its", "their", "'s", "’s"}
_GOVERNMENT = re.compile(r"\s+(?:government|administration)$", re.IGNORECASE)
_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "state"}


def _clean(text: str) -> str:
    text = re.sub(r"[’']s?$", "", text.strip().strip(",.;:-"))
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE).strip()


def _whole_name(ent: Any) -> str:
    """A person's name cut short by the model ("Moon Jae" of "Moon Jae-in", "Lee Hsien" of
    "Lee Hsien Loong") taken whole: a hyphenated tail, or one more capitalized proper noun
    that is no entity of its own."""
    if ent.label_ != "PERSON":
        return str(ent.text)
    doc = ent.doc
    rest = ent[-1].whitespace_ + doc[ent.end : ent.end + 3].text_with_ws  # not doc.text: O(n)
    m = re.match(r"-[a-z]+\b", rest)
    if m is None and ent.end < len(doc):
        nxt = doc[ent.end]
        # "Shah Mahmood" + "Qureshi" the model took for a place: a name, not a known state
        stray = nxt.ent_type_ in ("GPE", "ORG", "NORP") and nxt.ent_iob_ == "B"
        stray = stray and (len(doc) == ent.end + 1 or doc[ent.end + 1].ent_iob_ != "I")
        stray = stray and country_name(nxt.text) is None and nxt.text not in ACRONYMS
        if nxt.pos_ == "PROPN" and nxt.text.istitle() and (not nxt.ent_type_ or stray):
            m = re.match(r"\s[A-Z][a-z]+(?=[\s.,;:’'])", rest) if nxt.is_alpha else None
    return str(ent.text) + (m.group() if m else "")


def _with_holder(ent: Any, text: str) -> str:
    """``text`` with the state words just before the entity ("Japan's" of "Japan's Defense
    Ministry", "North Korean"), when the model left them out of it."""
    doc, i = ent.doc, ent.start
    if i >= 2 and doc[i - 1].lower_ in ("'s", "’s") and doc[i - 2].ent_type_ == "GPE":
        first = doc[i - 2]
        while (
            first.i > 0 and doc[first.i - 1].ent_type_ == "GPE" and doc[first.i - 1].ent_iob_ != "O"
        ):
            first = doc[first.i - 1]
        return f"{doc[first.i : i - 1].text}'s {text}"
    if i >= 1 and doc[i - 1].ent_type_ == "NORP":
        first = doc[i - 1]
        while first.i > 0 and doc[first.i - 1].ent_type_ == "NORP":
            first = doc[first.i - 1]
        return f"{doc[first.i : i].text} {text}"
    return text


def _titled_person(ent: Any, text: str) -> bool:
    """Whether an ORG entity is a person's name after a title ("spokeswoman Morgan Ortagus",
    "negotiator Kim Myong Gil"): two to four capitalized proper nouns, no word of a body's
    name among them, and a title word just before them in the same phrase."""
    words = text.split()
    if not 2 <= len(words) <= 4 or ent.start == 0:
        return False
    if any(w[:1].islower() or w.isupper() for w in words) or any(t.tag_ != "NNP" for t in ent):
        return False
    if any(o in text.lower() for o in ORG_WORDS):
        return False
    before = ent.doc[ent.start - 1]
    return before.lower_ in TITLE_WORDS and before.head.i in range(ent.start, ent.end)


def _org_kind(name: str) -> str:
    low = name.lower()
    if low in MEDIA_SHORT or any(m in low for m in MEDIA):
        return "media"
    if any(g in low for g in GOVERNMENT):
        return "government_body"
    return "organization"


class ActorResolver:
    """Resolve the names of one article against ``kg``; keeps the actors found, in order.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> r = ActorResolver(load(bundled_data()), PartialDate(2019, 7, 1))
    >>> [r.resolve_name(n).id for n in ("Kim Jong-un", "Pyongyang", "Seoul", "Washington")]
    ['kim-jong-un', 'north-korea', 'south-korea', 'united-states']
    >>> r.resolve_name("the North Korean leader").id
    'kim-jong-un'
    """

    def __init__(self, kg: KnowledgeGraph, published: PartialDate | None) -> None:
        self.kg = kg
        self.published = published
        self.found: dict[str, ActorDraft] = {}
        self._index: dict[str, str | None] = {}
        for actor in kg.actors.values():
            for name in (actor.name, *actor.aliases):
                key = normalize_name(name)
                if key:
                    self._index[key] = (
                        None if self._index.get(key, actor.id) != actor.id else actor.id
                    )
        self._states: dict[str, str] = {}  # demonym / capital / country -> state id or name
        for country, (demonyms, capital) in COUNTRIES.items():
            for word in (country, *demonyms, capital):
                self._states[normalize_name(word)] = country
        self._surnames: dict[str, str] = {}
        self._article_surnames: set[str] = set()  # surnames of people named in full here
        self._folded: dict[str, tuple[tuple[str, ...], set[str]]] = {}

    # -- lookups ------------------------------------------------------------------------
    def _existing(self, actor: Actor, rule: str, confidence: float) -> ActorDraft:
        if actor.id not in self.found:
            self.found[actor.id] = ActorDraft(
                actor.id, actor.name, actor.kind.value, True, rule, confidence
            )
        return self.found[actor.id]

    def _lookup(self, name: str) -> Actor | None:
        aid = self._index.get(normalize_name(name))
        return self.kg.actors.get(aid) if aid else None

    def _state(self, word: str) -> ActorDraft | None:
        country = self._states.get(normalize_name(word))
        if country is None:
            return None
        actor = self._lookup(country)
        if actor is not None:
            return self._existing(actor, "demonym or capital of a state in the graph", 0.85)
        if normalize_name(word) == normalize_name(COUNTRIES[country][1]):
            return None  # a capital not in the graph is more likely a place than a government
        return self._new(country, "state", "demonym or name of a known state", 0.6)

    def named_medium(self, name: str) -> ActorDraft | None:
        """A name the graph lacks that says it is a medium ("Fana broadcasting corporate")."""
        if not name[:1].isupper() or _org_kind(name) != "media":
            return None
        return self._named(name) or self._new(name, "media", "a news medium's name", 0.6)

    def speaking_capital(self, word: str) -> ActorDraft | None:
        """The state of a capital that speaks ("Moscow has suggested …"), known or new."""
        country = self._states.get(normalize_name(word))
        if country is None or normalize_name(word) != normalize_name(COUNTRIES[country][1]):
            return None
        return self._country(country)

    def _by_title(self, phrase: str) -> ActorDraft | None:
        m = re.match(rf"^(?:the\s+)?(?P<where>.+?)\s+(?P<title>{_TITLE_RE})$", phrase, re.I)
        if m is None:
            return None
        state = self._state(m["where"]) or self._named(m["where"])
        if state is None:
            return None
        title = m["title"].lower()
        holders = []
        for actor in self.kg.actors.values():
            for pos in actor.positions:
                held = self.published is None or (
                    (pos.start is None or pos.start.earliest <= self.published.latest)
                    and (pos.end is None or pos.end.latest >= self.published.earliest)
                )
                if title in pos.post.lower() and held and state.id in (pos.organization,):
                    holders.append(actor)
        if len({a.id for a in holders}) == 1:
            return self._existing(holders[0], f"the graph's only {title} of {state.name}", 0.8)
        return None

    def _named(self, name: str) -> ActorDraft | None:
        actor = (
            self._lookup(name)
            or self._lookup(_clean(name))
            or self._lookup("the " + name)
            or self._lookup("the " + _clean(name))
        )
        if actor is not None:
            return self._existing(actor, "name or alias in the graph", 0.95)
        key = normalize_name(_clean(name))
        for draft in self.found.values():
            if key and key in self._keys(draft):
                return draft
        return None

    def _keys(self, draft: ActorDraft) -> set[str]:
        """The folded name and aliases of a draft, folded again only when they changed."""
        names = (draft.name, *draft.aliases)
        cached = self._folded.get(draft.id)
        if cached is None or cached[0] != names:
            cached = self._folded[draft.id] = (names, {normalize_name(n) for n in names})
        return cached[1]

    def resolve_name(self, phrase: str) -> ActorDraft | None:
        """The actor a phrase names, if any: name, alias, state word, title or known surname."""
        phrase = phrase.strip()
        bare = _HONORIFIC.sub("", _clean(phrase))
        if " " not in bare and normalize_name(bare) in self._article_surnames:
            # "Mr Lee", "Lee": the Lee this article named in full, before any graph alias
            return self.found[self._surnames[normalize_name(bare)]]
        found = self._named(phrase) or self._state(_clean(phrase)) or self._by_title(phrase)
        if found is None and _GOVERNMENT.search(bare):  # "the South Korean government"
            found = self._state(_GOVERNMENT.sub("", bare))
        if found is not None:
            return found
        if bare in ACRONYMS:  # "EU", "U.N.": the body's name
            full = ACRONYMS[bare]
            return self._named(full) or self._new(full, _org_kind(full), "a known short form", 0.7)
        found = self._variant(bare) or self._initials(bare)
        if found is not None:
            return found
        m = re.match(r"^(?P<name>.+?)\s+(?:news\s+)?(?:agency|service)$", bare, re.IGNORECASE)
        if m is not None and self._named(m["name"]) is not None:
            return self._named(m["name"])  # "the official KCNA news agency", "news service"
        m = re.match(r"^(?:\w+\s+)?news\s+(?:agency|service)\s+(?P<name>.+)$", bare, re.I)
        if m is not None and self._named(m["name"]) is not None:
            return self._named(m["name"])  # "Russian news agency TASS"
        surname = self._surnames.get(normalize_name(_clean(phrase)))
        if surname is not None:
            draft = self.found[surname]
            draft.aliases.add(_clean(phrase))
            return draft
        stripped = _POSSESSIVE.sub("", phrase)
        if stripped != phrase and stripped:
            return self._named(stripped)
        return None

    def _variant(self, bare: str) -> ActorDraft | None:
        """ "South Korean President's Office" as the graph's "South Korea's presidential
        office": a demonym as the country's possessive, "President's" as "presidential"."""
        m = re.match(r"^(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?P<rest>.+)$", bare)
        if m is None or normalize_name(m["who"]) not in self._states:
            return None
        country = self._states[normalize_name(m["who"])]
        rest = re.sub(r"^President[’']s\s+", "presidential ", m["rest"])
        for form in (f"{country}'s {rest}", f"{rest} of {country}", f"{country} {rest}"):
            actor = self._lookup(form)
            if actor is not None:
                return self._existing(actor, "a name of the graph said another way", 0.8)
        return None

    def _initials(self, bare: str) -> ActorDraft | None:
        """ "JCS" after "Joint Chiefs of Staff (JCS)": a short form in capitals spells the
        initials of a body named earlier in the article, which it then stands for."""
        if not re.fullmatch(r"[A-Z]{2,6}", bare):
            return None
        spelled = [
            draft
            for draft in self.found.values()
            if draft.kind != "person"
            and "".join(w[0] for w in re.findall(r"\b[A-Z][\w’'-]*", draft.name)) == bare
        ]
        if len(spelled) != 1:
            return None
        spelled[0].aliases.add(bare)
        return spelled[0]

    def _short_name(self, text: str) -> ActorDraft | None:
        """ "Michael Pompeo" for the graph's "Mike Pompeo": the one person of the graph with
        that surname and a given name of the same initial."""
        first, last = normalize_name(text.split()[0]), normalize_name(text.split()[-1])
        same = [
            a
            for a in self.kg.actors.values()
            if a.kind.value == "person"
            and len(a.name.split()) == 2
            and normalize_name(a.name.split()[-1]) == last
            and normalize_name(a.name.split()[0])[:1] == first[:1]
        ]
        if len(same) != 1:
            return None
        draft = self._existing(same[0], "surname and initial of the graph's one such person", 0.7)
        draft.aliases.add(text)
        return draft

    def _new_person(self, text: str) -> ActorDraft:
        draft = self._new(text, "person", "a person's name, not in the graph", 0.6)
        words = text.split()
        # "Humberto de la Calle" is "De la Calle" later on: the surname from its particle
        tail = next((i for i, w in enumerate(words[1:-1], 1) if w in _PARTICLES), None)
        parts = [words[-1], words[0]] + ([" ".join(words[tail:])] if tail else [])
        article = re.match(r"(?i)(?:al|el|ad|as|ash|an|ar|az)-(\w+)$", words[-1])
        parts += [article.group(1)] if article else []  # "Bashir" of "Omar al-Bashir"
        for part in parts:
            self._surnames[normalize_name(part)] = draft.id
            self._article_surnames.add(normalize_name(part))
        return draft

    def titled_name(self, text: str) -> ActorDraft:
        """The person a name the model did not mark stands for, when the text calls its bearer
        an official, a spokesman or the like ("Ziad Nakhala, a senior official …")."""
        return self._named(text) or self._new_person(text)

    def lone_name(self, text: str) -> ActorDraft | None:
        """The actor a single unknown name stands for when it speaks ("Pompeo told
        reporters", "Yonhap said"): a medium by its name, else a person."""
        if not text[:1].isupper() or not text.replace("-", "").isalpha():
            return None
        if _org_kind(text) == "media":
            return self._new(text, "media", "a news medium's name", 0.6)
        return self._new_person(text)

    def _country(self, name: str) -> ActorDraft:
        actor = self._lookup(name)
        if actor is not None:
            return self._existing(actor, "a country's name, as the graph has it", 0.85)
        return self._new(name, "state", "a country's name", 0.7)

    def _held_body(self, ent: Any, text: str) -> ActorDraft | None:
        """The body an entity names when state words stand just before it ("Japan's" of
        "Japan's Defense Ministry"): the graph's body of that state, else that state's own
        new one, never another state's body of the same name."""
        held = _with_holder(ent, text)
        if held == text:
            return None
        found = self.resolve_name(held)
        if found is not None and found.existing and found.kind != "state":
            return found
        return self._state_body(held)

    def owned_body(self, state: ActorDraft, head: Any) -> ActorDraft | None:
        """ "North Korea's foreign ministry", "Sudan's ruling military council": the state's
        body written in lower case (no entity), named by its words in capitals."""
        if state.kind != "state" or head.lemma_.lower() not in _BODY_NOUNS or not head.is_lower:
            return None
        words: list[Any] = []
        for t in reversed(head.doc[head.left_edge.i : head.i + 1]):
            if not t.is_lower or t.lower_ in _NOT_BODY_WORDS:
                break
            words.insert(0, t)
        named = f"{state.name}'s {' '.join(t.text.capitalize() for t in words)}"
        body = self._state_body(named)
        if body is not None:  # the words as written, not as named here
            body.aliases.discard(named)
            body.aliases.add(head.doc[head.left_edge.i : head.i + 1].text)
        return body

    def lower_body(self, head: Any) -> ActorDraft | None:
        """ "according to the commerce ministry" with no state named: the body by its words in
        capitals ("Commerce Ministry"), the article's one ministry of that name."""
        if head.lemma_.lower() not in _BODY_NOUNS or not head.is_lower:
            return None
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod")]
        if len(words) != 1 or not words[0].is_lower or words[0].lower_ in _NOT_BODY_WORDS:
            return None  # "the ministry", "the Chinese ministry": named before, if at all
        name = f"{words[0].text.capitalize()} {head.text.capitalize()}"
        draft = self._named(name) or self._new(name, "government_body", "a body in lower case", 0.5)
        draft.mentions.append((words[0].idx, head.idx + len(head)))
        return draft

    def _state_body(self, text: str) -> ActorDraft | None:
        """ "Seoul's Foreign Ministry", "the North Korean Foreign Ministry": a body of a state
        the graph lacks, named by its own words ("Foreign Ministry") and held by the state,
        so the bodies of two states keep apart and one state's is one actor however named."""
        words = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).split()
        for n in range(min(3, len(words) - 1), 0, -1):  # "North Korean" before "North"
            body = " ".join(words[n:])
            state = self._state(re.sub(r"[’']s$", "", " ".join(words[:n])))
            if _BODY.match(body) and state is not None and state.kind == "state":
                break
        else:
            return None
        draft = self._new(body, "government_body", "a body named with its state", 0.6, state.name)
        draft.country = state.id
        if text != body:
            draft.aliases.add(text)
        return draft

    # -- proposals ----------------------------------------------------------------------
    def _new(
        self, name: str, kind: str, rule: str, confidence: float, holder: str = ""
    ) -> ActorDraft:
        aid = slug(f"{holder} {name}" if holder else name)
        while aid in self.kg.actors and self.kg.actors[aid].name != name:
            aid += "-x"
        if aid not in self.found:
            self.found[aid] = ActorDraft(aid, name, kind, False, rule, confidence)
        return self.found[aid]

    def entity(self, ent: Any) -> ActorDraft | None:
        """The actor a spaCy entity names, resolving it or proposing a new one."""
        label = ent.label_
        if label not in _KINDS and label != "LOC":
            return None
        text = _clean(_whole_name(ent).split("\n")[0])
        if label == "ORG" and ent.text.startswith("The ") and not ent[0].is_sent_start:
            text = "The " + text  # "The Christian Science Monitor" inside a sentence
        if not text or not text[:1].isupper() or normalize_name(text) in NOT_ACTORS:
            return None  # "state media", "Brexit", "on Twitter": no actor
        start = ent.start_char
        if label == "ORG" and re.search(r"\s[-–—]\s", text):  # "HANOI, Kyodo - North Korean …"
            text = re.split(r"\s[-–—]\s", text)[0]
        if label == "ORG":
            if text.lower().endswith(NOT_BODIES):
                return None  # an airport, a hotel, an agreement: no actor
            post = _POST_OF.match(text)  # "Spokesperson of the Ministry of Foreign Affairs"
            if post is not None:
                text, start = text[post.end() :], start + max(0, ent.text.find(text[post.end() :]))
        follows = "" if ent[-1].whitespace_ else ent.doc[ent.end : ent.end + 2].text
        if label in ("GPE", "LOC") and follows[:6] == "-based":  # not doc.text: made anew per call
            return None  # "a Beijing-based agency": a place
        if not text or (
            "-" in text
            and label in ("PERSON", "ORG")
            and text.count("-") == 1
            and all(self._lookup(p) for p in text.split("-"))
        ):
            return None  # "Trump-Kim": two people, not one
        if label == "ORG" and _titled_person(ent, text):
            label = "PERSON"  # "spokeswoman Morgan Ortagus": the model's ORG is a person
        draft = self._held_body(ent, text) if label == "ORG" else None
        draft = draft or self.resolve_name(text)
        if draft is None:
            if label == "LOC":
                return None
            if label == "PERSON":
                if len(text.split()) < 2:
                    return self.lone_name(text) if _org_kind(text) == "media" else None
                draft = self._short_name(text) or self._new_person(text)
            elif label == "ORG":
                draft = self._state_body(text) or self._new(
                    text, _org_kind(text), "an organization, not in the graph", 0.5
                )
            elif label == "GPE" and country_name(text) is not None:
                # an actor of the article, but not handed on as one: "a summit in Singapore"
                # names a place to the event stage, not a participant
                self._country(str(country_name(text))).mentions.append(
                    (ent.start_char, ent.start_char + len(text))
                )
                return None
            else:
                return None
        elif draft.kind == "person" and len(text.split()) > 1:
            self._surnames.setdefault(normalize_name(text.split()[-1]), draft.id)
        if draft.kind == "person" and text != draft.name and len(text.split()) == 1:
            draft.aliases.add(text)
        draft.mentions.append((start, start + len(text)))
        return draft

    def position(self, draft: ActorDraft, text: str, start: int, end: int) -> None:
        """Read a title before the name or an apposition after it as a post held on the date."""
        if draft.kind != "person":
            return
        line_start = text.rfind("\n", 0, start) + 1
        window = max(line_start, start - 80)
        for m in _SENTENCE_END.finditer(text, window, start):
            window = m.end()  # a title belongs to the name's own sentence
        before = _BEFORE.search(text[window:start])
        after = _APPOSITION.match(text[end : end + 160])
        if after is not None:
            org, title = after["org"], after["title"]
            span = (start, end + after.end())
        elif before is not None:
            org, title = before["org"], before["title"]
            span = (start - len(before.group().lstrip(" (")), end)
        else:
            return
        organization = self._employer(org, span) if org and org.strip() else None
        post = title[0].upper() + title[1:].lower()
        if draft.existing:
            held = self.kg.actors[draft.id].positions
            if any(post.lower() in p.post.lower() for p in held):
                return  # the graph knows this post already
        if organization is None:
            organization = draft.country
        if all(p.post != post for p in draft.positions):
            draft.positions.append(PositionDraft(post, organization, *span))

    def _employer(self, org: str, span: tuple[int, int]) -> str | None:
        """The body of a title ("Unification Ministry spokesman"): a known one, a new one
        when its name names a body, else the state of a demonym ("South Korean National
        Security Advisor": South Korea; "Former U.S. President": the United States)."""
        org = re.sub(r"^(?:[Ff]ormer|[Ee]x-|[Tt]hen-)\s*", "", org.strip())
        body = self.resolve_name(org) or self._state(_clean(org))
        if body is None:
            name = _clean(_POSSESSIVE.sub("", org) or org)
            words = name.split()
            if name and name[0].isupper() and any(w in name.lower() for w in ORG_WORDS):
                body = self._new(name, _org_kind(name), "an organization named in a title", 0.5)
                body.mentions.append(span)
            else:
                for n in (2, 1):
                    body = body or (self._state(" ".join(words[:n])) if len(words) > n else None)
        return body.id if body is not None else None
