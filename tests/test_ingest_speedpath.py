"""The parser's and the entity recognizer's decoding done by diplograph (``ingest._decode``)
gives exactly what spaCy's own compiled decoding gives, on the evaluation excerpts, on all of
them as one long text, and on awkward and empty texts, one batch or several."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from diplograph.ingest import _decode  # noqa: E402
from diplograph.ingest.nlp import MODEL  # noqa: E402

ARTICLES = Path(__file__).parent / "ingest_eval" / "articles"
AWKWARD = (
    "I ain't gonna do it, y'all.   Let's go!\n\n\n  Gotta get it. Kim Jong Un met  Moon Jae-in "
    "in Panmunjom on 27 April 2018.\n\nThe   United Nations Security Council\n\nsaid nothing. "
    "New York"
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


@pytest.fixture(scope="module")
def texts():
    found = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    assert len(found) >= 30
    # one long text with hundreds of entities, awkward spacing, nothing, only spaces
    return [*found, "\n\n".join(found), AWKWARD, "", "   \n\n ", "Seoul."]


def _copies(docs):
    from spacy.tokens import Doc

    return [Doc(d.vocab).from_bytes(d.to_bytes()) for d in docs]


def _batches(docs, size):
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def _entities(docs):
    iob = [d.to_array(["ENT_IOB", "ENT_TYPE"]).tolist() for d in docs]
    return iob, [[(e.start, e.end, e.label_) for e in d.ents] for d in docs]


def _parses(docs):
    return [d.to_array(["HEAD", "DEP", "SENT_START"]).tolist() for d in docs]


@pytest.fixture(scope="module")
def before_ner(nlp, texts):
    with nlp.select_pipes(disable=["ner"]):
        return list(nlp.pipe(texts))


@pytest.fixture(scope="module")
def before_parser(nlp, texts):
    with nlp.select_pipes(disable=["parser", "ner", "attribute_ruler", "lemmatizer"]):
        return list(nlp.pipe(texts))


@pytest.mark.parametrize("size", [1, 8])
def test_entities_are_spacy_own(nlp, before_ner, size):
    ner = nlp.get_pipe("ner")
    theirs, ours = _copies(before_ner), _copies(before_ner)
    for batch in _batches(theirs, size):
        ner.set_annotations(batch, ner.predict(batch))
    for batch in _batches(ours, size):
        if not _decode.entities(ner, batch, chunk=3):
            assert not any(len(d) for d in batch)  # only a batch of empty texts is left alone
            ner.set_annotations(batch, ner.predict(batch))
    assert sum(len(d.ents) for d in theirs) > 1000
    assert _entities(ours) == _entities(theirs)


def test_entities_set_before_are_left_to_spacy(nlp, before_ner):
    ner = nlp.get_pipe("ner")
    doc = _copies(before_ner[:1])[0]
    doc.ents = [doc.char_span(0, len(doc[0].text), label="ORG")]
    before = _entities([doc])
    assert _decode.entities(ner, [doc]) is False
    assert _entities([doc]) == before


@pytest.mark.parametrize("name", ["parser", "ner"])
def test_stepped_decoding_is_spacy_own(nlp, before_parser, before_ner, name):
    pipe = nlp.get_pipe(name)
    docs = before_parser if name == "parser" else before_ner
    theirs, ours = _copies(docs), _copies(docs)
    for batch in _batches(theirs, 8):
        pipe.set_annotations(batch, pipe.predict(batch))
    for batch in _batches(ours, 5):  # batches of another size: a state never sees another
        pipe.set_annotations(batch, _decode.states(pipe, batch))
    assert _parses(ours) == _parses(theirs)
    assert _entities(ours) == _entities(theirs)
    if name == "parser":
        assert sum(1 for d in theirs for t in d if t.dep_ == "nsubj") > 500
