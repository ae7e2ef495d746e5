"""The parser's and the entity recognizer's greedy decoding, as spaCy does it, faster.

spaCy's compiled decoder (``Parser.greedy_parse``) lets go of the GIL for its
loop over the transitions, yet the state lookups its validity checks make at
every step (``StateC.B`` and the like, as the spaCy 3.8 wheels are compiled)
each take the GIL back and release it again: on one core that locking took
about half of the parser's time and of the entity recognizer's.
Decoding is therefore done here from Python, with the GIL held (a thread that
holds it and takes it again only counts up), with spaCy's own pieces: the same
features, hidden layers, scores and transitions, so the same parses and
entities (tested against the model's own components on the evaluation set).

The entity recognizer gets more. Its state reads only three tokens: the next
word, and, while an entity is open, the entity's first word and the word before
the next one. Outside an entity, its scores for every word therefore follow
from the word alone and are worked out for a whole batch at once; inside one,
for every word the entity may still take, all at once. The matrix products are
spaCy's own (BLIS gives every row the same result whatever the number of rows),
the sums and maxima are the same float32 operations, and an action is chosen as
spaCy chooses it: the first best-scoring one of those allowed. Anything this
shortcut does not cover (entities set before the recognizer, a beam, classes
the model never saw) goes through :func:`states` instead.
"""

from __future__ import annotations

from typing import Any

__all__ = ["entities", "states"]

_BEGIN, _IN, _LAST, _UNIT, _OUT = "BILUO"


def _plain(pipe: Any) -> bool:
    """Whether ``pipe`` decodes greedily, with an output layer, over classes all seen."""
    attrs = pipe.model.attrs
    return bool(
        pipe.cfg.get("beam_width", 1) == 1
        and attrs.get("has_upper")
        and not attrs.get("unseen_classes")
        and type(pipe.model.ops).__name__ == "NumpyOps"
    )


def states(pipe: Any, docs: list[Any]) -> Any:
    """``pipe.predict(docs)`` (a transition-based parser or entity recognizer), the same
    greedy decoding stepped from Python: spaCy's features, layers and transitions."""
    if not _plain(pipe) or not any(len(d) for d in docs):
        return pipe.predict(docs)
    pipe._ensure_labels_are_added(docs)
    batch = pipe.moves.init_batch(docs)
    model = pipe.model.predict(docs)  # the step model: token vectors and the lower layer
    upper = pipe.model.get_ref("upper")
    weights, bias = upper.get_param("W"), upper.get_param("b")
    gemm = pipe.model.ops.gemm
    todo = [s for s in batch if not s.is_final()]
    while todo:
        hidden = model.state2vec.predict(model.get_token_ids(todo))
        scores = gemm(hidden, weights, trans2=True)  # as spaCy's output layer computes it
        scores += bias
        todo = pipe.transition_states(todo, scores)
    model.clear_memory()
    return batch


class _Moves:
    """The recognizer's classes by kind and label: which class is B, I, L or U of a label."""

    def __init__(self, pipe: Any) -> None:
        import numpy

        names = [pipe.moves.get_class_name(i) for i in range(pipe.moves.n_moves)]
        self.names = names
        self.label = [n.split("-", 1)[1] if "-" in n else "" for n in names]
        self.kind = numpy.array([n[0] for n in names])
        labelled = numpy.array([bool(x) for x in self.label])
        self.opening = (self.kind == _BEGIN) & labelled
        self.unit = (self.kind == _UNIT) & labelled
        self.out = self.kind == _OUT
        self.by_label: dict[str, tuple[int, int]] = {}  # label: (class of I, class of L)
        for label in set(self.label) - {""}:
            self.by_label[label] = (names.index(f"I-{label}"), names.index(f"L-{label}"))
        known = set(names) == {f"{k}-{x}" for k in "BILU" for x in self.by_label} | {"O", "U-"}
        self.usable = known and len(names) == len(set(names))


def _hidden(cached: Any, bias: Any, first: Any, second: Any, third: Any) -> Any:
    """The hidden layer for states whose three feature rows in ``cached`` (the padding row
    first) are given, summed in spaCy's order (features in turn, then the bias), maxed."""
    total = cached[first, 0] + cached[second, 1]
    total += cached[third, 2]
    total += bias
    return total.max(axis=-1)


def entities(pipe: Any, docs: list[Any], chunk: int = 4) -> bool:
    """Set the entities ``pipe`` (spaCy's entity recognizer) finds in ``docs``; False, with
    nothing set, where the shortcut does not apply and ``pipe`` must run as it is.

    The recognizer's own token vectors are worked out ``chunk`` documents at a time (their
    arrays stay in the processor's cache), the same vectors as for all at once."""
    import numpy

    if not any(len(d) for d in docs):
        return False
    arrays = [d.to_array(["ENT_IOB", "IS_SPACE", "SENT_START"]) for d in docs]
    if any(a[:, 0].any() for a in arrays):  # entities set before: spaCy keeps them
        return False
    model = pipe.model
    moves = _Moves(pipe)
    if not (_plain(pipe) and moves.usable and model.get_ref("lower").get_dim("nF") == 3):
        return False
    vectors, lower = model.get_ref("tok2vec"), model.get_ref("lower")
    tokvecs = [vectors.predict(docs[i : i + chunk]) for i in range(0, len(docs), chunk)]
    cached = lower.predict(numpy.concatenate(tokvecs))  # (1 + words, 3, hidden, pieces)
    bias = lower.get_param("b")
    weights, out_bias = model.get_ref("upper").get_param("W"), model.get_ref("upper").get_param("b")
    gemm = model.ops.gemm

    def scores(hidden: Any) -> Any:
        found = gemm(numpy.ascontiguousarray(hidden), weights, trans2=True)
        found += out_bias
        return found

    rows = numpy.arange(1, cached.shape[0])
    closed = scores(_hidden(cached, bias, rows, 0, 0))  # outside an entity: the word alone
    offset = 0
    for doc, array in zip(docs, arrays, strict=True):
        n = len(doc)
        spans = _decode(moves, array, closed[offset : offset + n], offset, cached, bias, scores)
        doc.set_ents([_span(doc, a, b, label) for a, b, label in spans], default="outside")
        offset += n
    return True


def _span(doc: Any, start: int, end: int, label: str) -> Any:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _decode(
    moves: _Moves, array: Any, closed: Any, offset: int, cached: Any, bias: Any, scores: Any
) -> list[tuple[int, int, str]]:
    """One document's entities: (start, end, label) by word."""
    import numpy

    n = len(array)
    space = array[:, 1].astype(bool)
    # "B" and "I" need a next word in the same sentence; "B" and "U" a word that is no space
    next_starts = numpy.append(array[1:, 2] == 1, True)[:n]
    allowed = numpy.zeros(closed.shape, dtype=bool)
    allowed[:, moves.out] = True
    allowed[numpy.ix_(~space, moves.unit)] = True
    allowed[numpy.ix_(~space & ~next_starts, moves.opening)] = True
    choice = numpy.where(allowed, closed, -numpy.inf).argmax(axis=1)
    kinds = moves.kind[choice]
    begins = numpy.flatnonzero(kinds == _BEGIN)
    ends = _entity_ends(moves, choice[begins], begins, next_starts, offset, cached, bias, scores)
    spans: list[tuple[int, int, str]] = []
    taken = numpy.flatnonzero(kinds != _OUT).tolist()
    end_of = dict(zip(begins.tolist(), ends, strict=True))
    i = 0
    for word in taken:
        if word < i:  # inside the entity before
            continue
        i = end_of.get(word, word + 1)
        spans.append((word, i, moves.label[choice[word]]))
    return spans


def _entity_ends(
    moves: _Moves,
    classes: Any,
    begins: Any,
    next_starts: Any,
    offset: int,
    cached: Any,
    bias: Any,
    scores: Any,
) -> list[int]:
    """Where an entity opened at each of ``begins`` (by the class of its "B") would end: at
    the first word after it where "L" wins over "I" (the lower class wins a tie), or must."""
    import numpy

    if not begins.size:
        return []
    stops = numpy.flatnonzero(next_starts)
    stops = stops[numpy.searchsorted(stops, begins + 1)]  # "I" not allowed: the last word
    sizes = stops - begins
    group = numpy.repeat(numpy.arange(begins.size), sizes)
    firsts = numpy.cumsum(sizes) - sizes  # each entity's first row
    words = begins[group] + 1 + numpy.arange(group.size) - firsts[group]
    rows = offset + 1 + words  # the next word, the entity's first one, the word before
    found = scores(_hidden(cached, bias, rows, offset + 1 + begins[group], rows - 1))
    pairs = numpy.array([moves.by_label[moves.label[c]] for c in classes.tolist()])
    inside, last = pairs[group, 0], pairs[group, 1]
    at = numpy.arange(group.size)
    higher, lower = found[at, last], found[at, inside]
    closes = numpy.where(inside < last, higher > lower, higher >= lower)
    closes[firsts + sizes - 1] = True
    closing = numpy.flatnonzero(closes)
    first_close = closing[numpy.searchsorted(closing, firsts)]
    return (words[first_close] + 1).tolist()  # type: ignore[no-any-return]
