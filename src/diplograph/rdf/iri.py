"""The IRIs a query on a store writes: records' (``{BASE}{kind}/{id}``) and event types'.

A query on a store names records and event types by IRI; this module lets it
do so without importing rdflib (which :mod:`diplograph.rdf.vocab` builds its
namespaces on from these strings) or the record models (which the mapping
needs).

>>> record_iri("event", "hanoi-summit-2019")
'https://w3id.org/diplograph/id/event/hanoi-summit-2019'
"""

from __future__ import annotations

__all__ = ["BASE", "EVENT_TYPE", "record_iri"]

BASE = "https://w3id.org/diplograph/id/"
"""The default base of instance IRIs, ``{BASE}{kind}/{id}``: ``{BASE}event/hanoi-summit-2019``."""


EVENT_TYPE = "https://w3id.org/diplograph/event-type/"
"""The namespace of the event types' SKOS concepts, e.g. ``{EVENT_TYPE}summit``."""


def record_iri(kind: str, rid: str, *, base: str = BASE) -> str:
    """The IRI of the record of ``kind`` (``event``, ``actor``, ...) with id ``rid``.

    Examples
    --------
    >>> record_iri("actor", "kim-jong-un", base="https://example.org/kb/")
    'https://example.org/kb/actor/kim-jong-un'
    """
    return f"{base}{kind}/{rid}"
