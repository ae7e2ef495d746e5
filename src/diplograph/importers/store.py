"""Write an import straight into a store: an on-disk pyoxigraph store or a SPARQL endpoint.

The records go through the RDF mapping one at a time and reach the store as
N-Triples text in batches (pyoxigraph's bulk loader on disk, Graph Store
protocol ``POST`` batches on an endpoint), so nothing but the current batch is
held and no pyoxigraph object is built per triple.
Report ids are stable (made from the source's own row ids), so importing the
same file again adds no quad.

>>> from diplograph.model import Report, Source
>>> from diplograph.rdf.store import open_store
>>> store = open_store()
>>> records = [Source(id="s", title="S"),
...     Report(id="r", source="s", date="2018-06", file="f.csv", row=2)]
>>> write_store(store, records) > 0, write_store(store, records)
(True, 0)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from ..model import Record
from ..rdf.mapping import to_triples
from ..rdf.store import Store

__all__ = ["write_store"]


def quads(records: Iterable[Record], *, base: str | None = None) -> Iterator[ox.Quad]:
    """The default-graph quads of ``records`` (where ``Store.load`` puts them), one at a time."""
    for record in records:
        triples = to_triples(record) if base is None else to_triples(record, base=base)
        for t in triples:
            yield ox.Quad(t.subject, t.predicate, t.object)


def write_store(store: Store, records: Iterable[Record], *, base: str | None = None) -> int:
    """Add the triples of ``records`` to ``store``'s default graph; returns how many were new.

    They go as N-Triples text in batches (:meth:`~diplograph.rdf.store.Store.add_records`).
    """
    return store.add_records(records, base=base)
