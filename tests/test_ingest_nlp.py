"""The spaCy pipeline ingest uses: the model's annotations, with the attribute rules applied
by diplograph's faster component and blank lines ending sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from diplograph.ingest.nlp import MODEL, _nlp, parse  # noqa: E402

ARTICLES = Path(__file__).parent / "ingest_eval" / "articles"
# rules on two tokens ("gon na", "let 's", "ai n't"), spaces, "there is", "gets"/"got"
AWKWARD = (
    "I ain't gonna do it, y'all. Let's go!   There is a  big one.\n\n\nGotta get it. "
    "He gets it; she got it. C'mon, it's 'em. Nothin' was done, but I'd have said so."
)


def _annotations(doc):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc
    ]


@pytest.fixture(scope="module")
def stock():
    nlp = spacy.load(MODEL)
    _nlp()  # registers the paragraphs component
    nlp.add_pipe("diplograph_paragraphs", before="parser")
    return nlp


def test_the_model_attribute_ruler_is_replaced():
    names = _nlp().pipe_names
    assert "attribute_ruler" not in names
    assert names.index("diplograph_attributes") < names.index("lemmatizer")


def test_same_annotations_as_the_model_own_attribute_ruler(stock):
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    texts.append(AWKWARD)
    ours = [_annotations(d) for d in _nlp().pipe(texts)]
    theirs = [_annotations(d) for d in stock.pipe(texts)]
    assert sum(len(d) for d in ours) > 5000
    for a, b in zip(ours, theirs, strict=True):
        assert a == b


def test_awkward_tokens_get_the_ruler_attributes():
    doc = parse(AWKWARD)
    by_text = {t.text: t for t in doc}
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"
    assert by_text["ai"].lemma_ == "be"
    assert by_text["There"].dep_ == "expl" and by_text["is"].pos_ == "VERB"
    assert by_text["gets"].lemma_ == "get"
    spaces = [t for t in doc if t.is_space]
    assert spaces and all(t.pos_ == "SPACE" and t.tag_ == "_SP" for t in spaces)


def test_a_blank_line_starts_a_sentence():
    doc = parse("Envoys weigh talks\n\nSeoul said on Monday it hopes for talks.")
    assert [s.text.strip() for s in doc.sents] == [
        "Envoys weigh talks",
        "Seoul said on Monday it hopes for talks.",
    ]
