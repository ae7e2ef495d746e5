"""The dyad index: counting from cells gives the table counting report by report gives."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from diplograph.dates import DateSpan, PartialDate
from diplograph.importers import Report
from diplograph.importers.store import write_store
from diplograph.model import EventType, Source
from diplograph.query import dyad_cells
from diplograph.query.dyad import dyad
from diplograph.query.dyad_store import store_groups
from diplograph.query.sides import Side
from diplograph.rdf.dyad_index import INDEX
from diplograph.rdf.store import EmbeddedStore, Store, open_store

A = Side("a", "A", frozenset({"a", "a-1", "a-2"}))
B = Side("b", "B", frozenset({"b", "b-1"}))
OTHERS = ("c", "c-1")
TYPES = (None, "talks", "missile_test", "summit")


def _when(rng: random.Random) -> PartialDate | DateSpan:
    day = date(2017, 12, 1) + timedelta(days=rng.randrange(500))
    p = rng.random()
    if p < 0.55:
        return PartialDate.from_date(day)
    if p < 0.75:
        return PartialDate(day.year, day.month)
    if p < 0.85:
        return PartialDate(day.year)
    if p < 0.9:
        return PartialDate.parse(f"{day.isoformat()}?")  # uncertain, still a day
    end = day + timedelta(days=rng.randrange(1, 90))
    return DateSpan(PartialDate(day.year, day.month), PartialDate.from_date(end))


def synthetic(n: int, seed: int, first: int = 0) -> list[Report]:
    """Reports among two sides and outsiders at mixed precisions, codes, types and scores."""
    rng = random.Random(seed)
    everyone = sorted(A.members | B.members) + list(OTHERS)
    out = []
    for i in range(first, first + n):
        doer, target = rng.choice(everyone), rng.choice([*everyone, None])
        actors: tuple[str, ...] = ()
        if rng.random() < 0.15:  # a table row naming both sides, no doer or target
            doer, target = None, None
            actors = (rng.choice(sorted(A.members)), rng.choice(sorted(B.members)))
        p = rng.random()
        cameo = f"{rng.randint(1, 20):02d}{rng.randint(0, 9)}" if p < 0.6 else None
        quad = rng.randint(1, 4) if 0.6 <= p < 0.75 else None
        kind = rng.choice(TYPES)
        out.append(
            Report.model_construct(
                id=f"r{i}",
                source=f"s{i % 2}",
                date=_when(rng),
                cameo=cameo,
                quad_class=quad,
                type=None if kind is None else EventType(kind),
                source_actor=doer,
                target_actor=None if target == doer else target,
                actors=actors,
                goldstein=round(rng.uniform(-10, 10), 1) if rng.random() < 0.7 else None,
                intensity=round(rng.uniform(-10, 10), 1) if rng.random() < 0.3 else None,
                file="synthetic",
                row=i + 1,
                event=None,
                plover=None,
                source_name=None,
                target_name=None,
                place=None,
                lat=None,
                long=None,
                text=None,
                evidence=[],
            )
        )
    return out


SOURCES = [Source(id="s0", title="S0"), Source(id="s1", title="S1")]


def _rows(t: Any) -> list[Any]:
    return [
        (r.period, r.counts, r.coarser, r.goldstein.n, r.intensity.n, r.start, r.end)
        for r in t.rows
    ]


def _same(x: Any, y: Any) -> None:
    assert _rows(x) == _rows(y)
    assert [(c.source, c.reports, c.first, c.last) for c in x.sources] == [
        (c.source, c.reports, c.first, c.last) for c in y.sources
    ]
    assert (x.reports, x.coarser, x.reason) == (y.reports, y.coarser, y.reason)
    for p, q in zip(x.rows, y.rows, strict=True):
        for s, t in ((p.goldstein, q.goldstein), (p.intensity, q.intensity)):
            assert math.isclose(s.total, t.total, abs_tol=1e-9)
            assert math.isclose(s.squares, t.squares, abs_tol=1e-6)


def _per_report(store: Store, **kw: Any) -> Any:
    """The table counted report by report in the store, the index left aside."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dyad_cells, "index_groups", lambda *a: None)
        return dyad(store, A, B, marks=False, **kw)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Report], list[Store]]:
    reports = synthetic(800, seed=7)
    memory = open_store()
    memory.load([*SOURCES, *reports])
    folder = tmp_path_factory.mktemp("dyad-index") / "db"
    with EmbeddedStore(folder) as disk:  # the import's writer, on disk
        write_store(disk, [*SOURCES, *reports])
    return reports, [memory, EmbeddedStore(folder, read_only=True)]


WINDOWS = [(None, None), (date(2018, 1, 1), date(2018, 9, 30)), (date(2018, 2, 5), None)]


@pytest.mark.parametrize("by", ["day", "week", "month", "quarter", "year"])
def test_the_index_gives_the_per_report_table(stores: Any, by: str) -> None:
    reports, backends = stores
    for store in backends:
        for split in ("quad", "root"):
            for lo, hi in WINDOWS:
                kw = {"by": by, "split": split, "start": lo, "end": hi}
                from_index = dyad(store, A, B, marks=False, **kw)
                _same(from_index, _per_report(store, **kw))
                _same(from_index, dyad(reports, A, B, marks=False, **kw))
    assert dyad(reports, A, B, by=by).rows, "the synthetic set has reports between the sides"


def test_the_index_is_used_where_it_can_be(stores: Any) -> None:
    _, (memory, _) = stores
    month = dyad_cells.index_groups(memory, A, B, "month", "quad", None, None)
    assert month is not None and sum(g.n for g in month.values()) == dyad(memory, A, B).reports
    # a window inside a month: the cells cannot say which of their reports fall in it
    assert dyad_cells.index_groups(memory, A, B, "month", "quad", date(2018, 2, 5), None) is None
    aligned = dyad_cells.index_groups(memory, A, B, "week", "quad", date(2018, 2, 5), None)
    assert aligned is not None  # 5 February 2018 is a Monday


def test_a_second_import_adds_up_and_a_repeated_one_adds_nothing(tmp_path: Path) -> None:
    first, second = synthetic(400, seed=1), synthetic(300, seed=2, first=400)
    with EmbeddedStore(tmp_path / "db") as store:
        write_store(store, [*SOURCES, *first])
        one = dyad(store, A, B, by="month", marks=False)
        assert write_store(store, [*SOURCES, *first]) == 0  # the same file again
        _same(dyad(store, A, B, by="month", marks=False), one)
        write_store(store, second)
        both = dyad(store, A, B, by="month", marks=False)
        assert both.reports > one.reports
        _same(both, dyad([*first, *second], A, B, by="month", marks=False))
        _same(both, _per_report(store, by="month"))


def test_a_store_with_reports_but_no_index_is_counted_report_by_report(tmp_path: Path) -> None:
    old, new = synthetic(300, seed=3), synthetic(200, seed=4, first=300)
    store = open_store()
    store.add_ntriples(_plain([*SOURCES, *old]))  # written before the index existed
    assert dyad_cells.index_groups(store, A, B, "month", "quad", None, None) is None
    write_store(store, new)  # new reports into an old store: still no index
    assert dyad_cells.index_groups(store, A, B, "month", "quad", None, None) is None
    assert not store.query(
        f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), '{INDEX}') }}"
    ).boolean
    _same(dyad(store, A, B, by="month"), dyad([*old, *new], A, B, by="month"))


def _plain(records: list[Any]) -> Any:
    from diplograph.rdf.io import ntriples_pieces

    return ntriples_pieces(records)


def test_the_joint_reports_still_come_from_the_reports(stores: Any) -> None:
    reports, (memory, _) = stores
    joint = store_groups(memory, A, B, "month", "quad", None, None, joint_only=True)
    assert joint and {k[3] for k in joint} == {"joint"}
    n_joint = sum(g.n for g in joint.values())
    assert n_joint == sum(1 for r in reports if r.source_actor is None and r.actors)


def _marks(store: Store, lo: date | None, hi: date | None) -> list[Any]:
    from diplograph.query.dyad import force_marks

    return force_marks(store, A, B, start=lo, end=hi)


def _report_marks(store: Store, lo: date | None, hi: date | None) -> list[Any]:
    """The marks found report by report (``queries/dyad-force.rq``), the index left aside."""
    from diplograph.query import dyad_store

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dyad_store, "_index_force", lambda *a: None)
        return _marks(store, lo, hi)


def test_the_force_marks_from_the_index_are_those_of_the_reports(stores: Any) -> None:
    from diplograph.query import dyad_store
    from diplograph.query.sides import FORCE_TYPES

    reports, backends = stores
    owner = {m: A.id for m in A.members} | {m: B.id for m in B.members}
    for store in backends:
        for lo, hi in [*WINDOWS, (date(2018, 3, 10), date(2018, 3, 20))]:
            assert dyad_store._index_force(store, owner, sorted(FORCE_TYPES), lo, hi) is not None
            from_index = _marks(store, lo, hi)
            assert from_index == _report_marks(store, lo, hi)
            assert from_index == force_marks_of(reports, lo, hi)
    everything = _marks(backends[1], None, None)
    assert len(everything) > 5 and {m.first != m.last for m in everything} == {True, False}


def force_marks_of(reports: list[Report], lo: date | None, hi: date | None) -> list[Any]:
    from diplograph.query.dyad import force_marks

    return force_marks(reports, A, B, start=lo, end=hi)


def test_a_store_indexed_before_the_force_quads_finds_its_marks_report_by_report(
    tmp_path: Path,
) -> None:
    from diplograph.query import dyad_store
    from diplograph.query.sides import FORCE_TYPES

    reports = synthetic(300, seed=5)
    with EmbeddedStore(tmp_path / "db") as store:
        write_store(store, [*SOURCES, *reports])
        store.native.update(  # as an index written before it held the reports of force
            f'DELETE DATA {{ GRAPH <{INDEX}> {{ <{INDEX}> <{INDEX}holds> "force" }} }}'
        )
        owner = {m: A.id for m in A.members} | {m: B.id for m in B.members}
        assert dyad_store._index_force(store, owner, sorted(FORCE_TYPES), None, None) is None
        marks = _marks(store, None, None)
        assert marks and marks == force_marks_of(reports, None, None)
