"""The dyad index: what the dyad view reads of each report, written beside it in a store.

Counting the reports between two sides report by report makes the store look
up every field of every report (its target, days, class, scores): at a million
reports on disk that is seconds of random reads. So when reports are written
into an embedded store (:meth:`~diplograph.rdf.store.Store.add_records`, the
path of ``import --store`` and ``load --store``), each report with a doer and
a target also gets a few quads in named graphs that the dyad query reads in
sequential scans, one per actor pair, never touching the report itself. For
each bin (``week``, ``month``; quarters and years follow from months) and
each part, graph ``{INDEX}{bin}/{part}/{doer}/{target}`` holds one quad per
report. The cell ``{INDEX}cell/{source}/{p0}/{p1}`` names the report's
source and the periods of its first and last possible day in that bin (the
same period when the report is known to the bin or finer, so the bins stay
precision-honest); the parts are:

- ``quad``: ``<report> <cell/{class}> first day``, the class its CAMEO quad
  class, ``1`` to ``4``, ``0`` when it has none (from the CAMEO root, else the
  source's quad class, else the event type);
- ``root``: ``<report> <cell/{root}> first day``, the root ``01`` to ``20`` or
  ``none``;
- ``last``: ``<report> <cell> last day``, only when it is not the first day
  (so a cell's last day is the latest of both);
- ``goldstein`` and ``intensity``: ``<report> <cell> score``, where the source
  gives one.

So the store counts a class cell's reports, finds their first and last days
and sums their scores in sequential scans, without reading a report, and the
answer is a few hundred rows. Each quad depends on the report alone, so
writing the same report again adds nothing, and a second import adds exactly
its new reports. The index is complete when ``{INDEX}`` is typed
``dg:DyadIndex`` in graph ``{INDEX}``: written with the first reports of a
store, never into a store that already holds reports without it (an older
store is then counted report by report).

Each report of force (:data:`FORCE_TYPES`) with a doer and no target, which
the chart marks but the table does not count, gets one quad in graph
``{INDEX}force/{doer}``: ``<report> <{INDEX}force/{type}/{source}/{earliest}>
latest``, its day bounds and what the marks group by, so the marks of two
sides come from a scan of their members' graphs, not from every report of
their actors. A store whose index was written before these quads has no
``<{INDEX}> <{INDEX}holds> "force"`` in graph ``{INDEX}`` and its marks are
found report by report.

Graph ``{INDEX}pairs`` says which pairs have reports,
``<{INDEX}doer/{doer}> <{INDEX}target> "target"``, so a query names only the
graphs that exist, not every pair of two large sides' members.

Examples
--------
>>> from diplograph.model import Report
>>> r = Report(id="r1", source="gdelt", date="2019-02", cameo="042", source_actor="a",
...     target_actor="b", goldstein=1.9, file="f", row=1)
>>> for term in quads(r, "https://w3id.org/diplograph/id/").splitlines()[4].split(" "):
...     print(term)
<https://w3id.org/diplograph/id/report/r1>
<https://w3id.org/diplograph/dyad/cell/gdelt/2019-02/2019-02/1>
"2019-02-01"^^<http://www.w3.org/2001/XMLSchema#date>
<https://w3id.org/diplograph/dyad/month/quad/a/b>
.
>>> cell_parts("https://w3id.org/diplograph/dyad/cell/gdelt/2019-02/2019-02")
('gdelt', '2019-02', '2019-02')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Protocol

from ..model import Record, Report
from ._out import decimal
from .vocab import BASE, ONTOLOGY


class Store(Protocol):
    """What the index needs of a store (:class:`~diplograph.rdf.store.Store`): asking it."""

    def query(self, sparql: str, *, union: bool = False) -> Any: ...


__all__ = [
    "BINS",
    "FORCE",
    "FORCE_TYPES",
    "INDEX",
    "PARTS",
    "cell_parts",
    "force_quads",
    "graph",
    "pair",
    "quad_number",
    "quads",
    "store_pieces",
]

INDEX = "https://w3id.org/diplograph/dyad/"
"""Where the index's graphs and cells live; also the marker node and its graph."""

BINS = ("week", "month")
"""The bins the index holds; quarters and years are counted from months."""

PARTS = ("quad", "root", "last", "goldstein", "intensity")
"""What the graphs of one actor pair and bin hold of each report."""

_DATE = "<http://www.w3.org/2001/XMLSchema#date>"
_DECIMAL = "<http://www.w3.org/2001/XMLSchema#decimal>"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
FORCE = f"{INDEX}force/"
"""Where the index's graphs of one-sided reports of force live (one per doer)."""

FORCE_TYPES = frozenset({"missile_test", "military_exercise", "sanctions", "armed_conflict"})
"""The event types of force: a one-sided report of one is marked on the dyad chart."""

_MARKER = (
    f"<{INDEX}> {_TYPE} <{ONTOLOGY}DyadIndex> <{INDEX}> .\n"
    f'<{INDEX}> <{INDEX}holds> "force" <{INDEX}> .\n'
)

_TYPE_QUAD = {
    **dict.fromkeys(
        ("summit", "meeting", "talks", "visit", "agreement", "declaration", "mediation"), 1
    ),
    **dict.fromkeys(("missile_test", "military_exercise", "sanctions", "armed_conflict"), 4),
}


def quad_number(root: int | None, quad: int | None = None, kind: str | None = None) -> int:
    """The quad class 1-4 from the CAMEO root, else the source's quad class, else the type; else 0.

    >>> quad_number(14), quad_number(None, 2), quad_number(None, None, "talks"), quad_number(None)
    (4, 2, 1, 0)
    """
    if root is not None and 1 <= root <= 20:
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    if quad is not None and 1 <= quad <= 4:
        return quad
    return _TYPE_QUAD.get(kind, 0) if kind is not None else 0


def graph(bin: str, part: str, doer: str, target: str) -> str:
    """The IRI of the index graph of ``bin`` and ``part`` for reports from ``doer`` to ``target``.

    >>> graph("week", "quad", "a", "b")
    'https://w3id.org/diplograph/dyad/week/quad/a/b'
    """
    return f"{INDEX}{bin}/{part}/{doer}/{target}"


def _key(d: date, bin: str) -> str:
    if bin == "week":
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return f"{d.year}-{d.month:02d}"


def cell_parts(iri: str) -> tuple[str, ...]:
    """The source and the first and last period of a cell (and the class of a class cell)."""
    return tuple(iri[len(INDEX) + 5 :].split("/"))


def quads(r: Report, base: str = BASE) -> str:
    """The index quads of one report, as N-Quads text ("" when it is between no two actors)."""
    if r.source_actor is None or r.target_actor is None:
        return ""
    start, end = r.date.start, r.date.end
    if start is None or end is None:  # an open span has no day bounds in the store
        return ""
    first, last = start.earliest, end.latest
    root = int(r.cameo[:2]) if r.cameo else None
    day = f'"{first.isoformat()}"^^{_DATE}'
    kind = None if r.type is None else r.type.value
    classes = (
        ("quad", str(quad_number(root, r.quad_class, kind))),
        ("root", "none" if root is None else f"{root:02d}"),
    )
    values = []
    if last != first:
        values.append(("last", f'"{last.isoformat()}"^^{_DATE}'))
    for part, score in (("goldstein", r.goldstein), ("intensity", r.intensity)):
        if score is not None:
            values.append((part, f'"{decimal(score)}"^^{_DECIMAL}'))
    subject = f"<{base}report/{r.id}>"
    pair = f"{r.source_actor}/{r.target_actor}"
    out = []
    for bin in BINS:
        cell = f"{INDEX}cell/{r.source}/{_key(first, bin)}/{_key(last, bin)}"
        for part, cls in classes:
            out.append(f"{subject} <{cell}/{cls}> {day} <{INDEX}{bin}/{part}/{pair}> .\n")
        for part, text in values:
            out.append(f"{subject} <{cell}> {text} <{INDEX}{bin}/{part}/{pair}> .\n")
    return "".join(out)


def force_quads(r: Report, base: str = BASE) -> str:
    """The force quad of one report ("" unless it is of force, with a doer and no target).

    >>> from diplograph.model import Report
    >>> r = Report(id="r1", source="csis", date="2019-05", type="missile_test",
    ...     source_actor="kp", file="f", row=1)
    >>> for term in force_quads(r, "https://w3id.org/diplograph/id/").split(" "):
    ...     print(term)
    <https://w3id.org/diplograph/id/report/r1>
    <https://w3id.org/diplograph/dyad/force/missile_test/csis/2019-05-01>
    "2019-05-31"^^<http://www.w3.org/2001/XMLSchema#date>
    <https://w3id.org/diplograph/dyad/force/kp>
    .
    <BLANKLINE>
    """
    if r.source_actor is None or r.target_actor is not None or r.type is None:
        return ""
    if r.type.value not in FORCE_TYPES:
        return ""
    start, end = r.date.start, r.date.end
    if start is None or end is None:  # an open span has no day bounds in the store
        return ""
    first, last = start.earliest.isoformat(), end.latest.isoformat()
    return (
        f"<{base}report/{r.id}> <{FORCE}{r.type.value}/{r.source}/{first}> "
        f'"{last}"^^{_DATE} <{FORCE}{r.source_actor}> .\n'
    )


def _indexed(store: Store) -> bool | None:
    """Whether ``store``'s index is complete (``None``: it holds no report yet)."""
    marked = store.query(f"ASK {{ GRAPH <{INDEX}> {{ <{INDEX}> a <{ONTOLOGY}DyadIndex> }} }}")
    if marked.boolean:
        return True
    reports = store.query(f"ASK {{ ?r a <{ONTOLOGY}Report> }}")
    return None if not reports.boolean else False


def store_pieces(
    store: Store, records: Iterable[Record], *, base: str | None = None
) -> Iterator[bytes]:
    """The N-Triples pieces of ``records``, each followed by the index quads of its reports.

    For a store that reads N-Quads (``store.reads_nquads``); the index is
    written when the store's index is complete or the store holds no report
    yet, else the pieces are the records' alone.
    """
    from .io import ntriples_pieces

    base = BASE if base is None else base
    state = _indexed(store) if getattr(store, "reads_nquads", False) else False
    if state is False:
        return ntriples_pieces(records, base=base)
    return _with_index(records, base, mark=not state)


def pair(doer: str, target: str) -> str:
    """The quad that says the index has reports from ``doer`` to ``target``.

    >>> for term in pair("a", "b").split():
    ...     print(term)
    <https://w3id.org/diplograph/dyad/doer/a>
    <https://w3id.org/diplograph/dyad/target>
    "b"
    <https://w3id.org/diplograph/dyad/pairs>
    .
    """
    return f'<{INDEX}doer/{doer}> <{INDEX}target> "{target}" <{INDEX}pairs> .\n'


def _with_index(records: Iterable[Record], base: str, *, mark: bool) -> Iterator[bytes]:
    from .io import ntriples_pieces

    held: list[str] = []
    pairs: set[tuple[str, str]] = set()

    def tap() -> Iterator[Record]:
        nonlocal mark
        for record in records:
            if isinstance(record, Report):
                if mark:  # the first report of a store: its index is complete from here
                    held.append(_MARKER)
                    mark = False
                force = force_quads(record, base)
                if force:
                    held.append(force)
                text = quads(record, base)
                if text:
                    held.append(text)
                    doer, target = record.source_actor, record.target_actor
                    if (doer, target) not in pairs and doer is not None and target is not None:
                        pairs.add((doer, target))
                        held.append(pair(doer, target))
            yield record

    for piece in ntriples_pieces(tap(), base=base):
        extra = "".join(held).encode("utf-8")
        held.clear()
        yield piece + extra
    if held:
        yield "".join(held).encode("utf-8")
