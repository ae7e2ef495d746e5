"""The spaCy pipeline ingest uses: the model's annotations, with the attribute rules and the
lemmas applied by diplograph's faster component and blank lines ending sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from diplograph.ingest.nlp import MODEL, _names_whole, _nlp, parse, parse_many  # noqa: E402

ARTICLES = Path(__file__).parent / "ingest_eval" / "articles"
# rules on two tokens ("gon na", "let 's", "ai n't"), spaces, "there is", "gets"/"got"
AWKWARD = (
    "I ain't gonna do it, y'all. Let's go!   There is a  big one.\n\n\nGotta get it. "
    "He gets it; she got it. C'mon, it's 'em. Nothin' was done, but I'd have said so."
)


def _annotations(doc):
    """Everything the ingest rules read: tokens with their tags, parts of speech, morphology,
    lemmas, dependencies, heads, entity tags and sentence starts; the entities; the sentences."""
    tokens = [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_) for t in doc
    ]
    starts = [(t.ent_type_, t.is_sent_start) for t in doc]
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    return tokens, starts, ents, [(s.start, s.end) for s in doc.sents]


@pytest.fixture(scope="module")
def stock():
    nlp = spacy.load(MODEL)
    _nlp()  # registers the paragraphs component
    _names_whole(nlp)  # the same tokens ("Im" of "Im Jong Seok" one word)
    nlp.add_pipe("diplograph_paragraphs", before="parser")
    return nlp


@pytest.fixture(scope="module")
def texts():
    found = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    assert len(found) >= 30
    return [*found, AWKWARD]


@pytest.fixture(scope="module")
def theirs(stock, texts):
    return [_annotations(d) for d in stock.pipe(texts)]


def test_the_model_attribute_ruler_and_lemmatizer_are_replaced():
    names = _nlp().pipe_names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert names.index("parser") < names.index("diplograph_attributes") < names.index("ner")


def test_the_shared_token_vectors_are_let_go_after_the_parser():
    names = _nlp().pipe_names
    assert names.index("parser") < names.index("diplograph_release")
    assert names.index("tagger") < names.index("parser")
    doc = parse("Seoul said on Monday it hopes for talks.")
    assert doc.tensor.size == 0 and doc[0].dep_ and doc.ents


def test_same_annotations_as_the_model_own_components(texts, theirs):
    # twice: the first pass works tokens out the slow way, the second reads the kept outcomes
    for _ in range(2):
        ours = [_annotations(d) for d in parse_many(texts)]
        assert sum(len(found[0]) for found in ours) > 5000
        for a, b in zip(ours, theirs, strict=True):
            assert a == b


def test_same_annotations_one_text_at_a_time(texts, theirs):
    assert [_annotations(parse(t)) for t in texts[:6]] == theirs[:6]


def test_a_lemma_follows_the_text_tag_and_label():
    doc = parse("Officials met on Monday. The meeting was long; the officials were meeting again.")
    lemmas = {(t.text, t.tag_): t.lemma_ for t in doc}
    assert lemmas["Officials", "NNS"] == "official" and lemmas["officials", "NNS"] == "official"
    assert lemmas["met", "VBD"] == "meet" and lemmas["were", "VBD"] == "be"
    assert lemmas["meeting", "NN"] == "meeting" and lemmas["meeting", "VBG"] == "meet"


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


def test_im_is_a_name_not_a_contraction():
    doc = parse("Chief of staff Im Jong Seok said Im would brief reporters.")
    assert "Im" in [t.text for t in doc]
    assert any(e.text == "Im Jong Seok" and e.label_ == "PERSON" for e in doc.ents)
