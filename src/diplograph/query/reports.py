"""What the reports in a store say about events: which events' dates a source disputes.

Reports are sources' accounts of events (:class:`diplograph.model.Report`);
how many back each event is in every event row (``EventRow.reports``). The
disagreements are found by the shipped ``report-conflicts`` template, the same
test as ``diplograph conflicts``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..rdf.store import Store, term_text
from .rows import id_of, iri_of
from .templates import run_each

__all__ = ["contested_dates"]


def contested_dates(store: Store, events: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The events of ``events`` (ids) whose date a report disputes, with the dates reported.

    A report disputes the date when it says the gathering itself took place
    (a type, or a CAMEO 04 "consult" code) on days outside the event's. Events
    no report disputes are left out.

    Examples
    --------
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf.store import open_store
    >>> from diplograph.model import Report
    >>> kg = load(bundled_data())
    >>> kg.reports["r1"] = Report(id="r1", source="csis-us-dprk-negotiations",
    ...     event="hanoi-summit-2019", date="2019-03-01", type="summit", file="t.csv", row=2)
    >>> store = open_store()
    >>> _ = store.load(kg)
    >>> contested_dates(store, ["hanoi-summit-2019", "singapore-summit-2018"])
    {'hanoi-summit-2019': ('2019-03-01',)}
    """
    iris = [iri_of("event", e) for e in dict.fromkeys(events)]
    if not iris:
        return {}
    found: dict[str, set[str]] = {}
    for row in run_each(store, "report-conflicts", "event", iris):
        if term_text(row["aspect"]) == "date":
            found.setdefault(id_of(row["event"]), set()).add(term_text(row["reported"]))
    return {e: tuple(sorted(found[e])) for e in sorted(found)}
