"""How many records of each kind a store holds, counted by the store: no record is read.

A record of a kind is a node typed with the kind's class, as the RDF reader
finds it (:meth:`~diplograph.rdf.store.Store.knowledge_graph`); a kind whose
class narrows another's (a statement is an event) is not counted again in the
wider kind. So the counts are those of the records the store would give back,
without building them: a few index scans instead of every record in memory.

>>> from diplograph import load, bundled_data
>>> from diplograph.rdf.store import open_store
>>> store = open_store()
>>> _ = store.load(load(bundled_data()))
>>> record_counts(store) == load(bundled_data()).counts()
True
"""

from __future__ import annotations

from typing import Any

from ..rdf.store import term_text

__all__ = ["record_counts"]


def record_counts(store: Any) -> dict[str, int]:
    """Number of records of each kind in ``store``; reports only when there are some.

    The same dictionary as :meth:`~diplograph.kg.KnowledgeGraph.counts` of the
    store's records.
    """
    from ..kinds import KINDS  # the kinds' classes: imported here, as only stats needs them
    from ..rdf.terms import KIND_CLASSES

    within = {k.key: k.rdf_within for k in KINDS.values() if k.rdf_within is not None}
    counts = {}
    for key in KINDS:
        counts[key] = _count(store, f"?r a {KIND_CLASSES[key]} .")
    for narrow, wide in within.items():  # counted in the wider kind too: taken out again
        both = f"?r a {KIND_CLASSES[narrow]} . ?r a {KIND_CLASSES[wide]} ."
        counts[wide] -= _count(store, both)
    if not counts["reports"]:
        del counts["reports"]
    return counts


def _count(store: Any, pattern: str) -> int:
    answer = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(term_text(answer.values("n")[0]))
