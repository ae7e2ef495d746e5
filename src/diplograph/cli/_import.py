"""Import commands for event data: csv (with a mapping), icews, gdelt, plover.

Each streams the file, resolves its actors against the graph (``--data``),
links its reports to the curated events they describe, and merges reports,
new actors and sources into a data folder; see :mod:`diplograph.importers`.
"""

from __future__ import annotations

import functools
import itertools
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._base import Context, fail, pass_ctx
from ._rdf import import_group

if TYPE_CHECKING:  # the importers are imported when an import command runs
    from ..importers.actors import ActorResolver
    from ..importers.report import Report, Totals
    from ..model import Source

_TARGET = "diplograph.import_target"


def _remember_target(name: str) -> Any:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        ctx.meta.setdefault(_TARGET, {})[name] = value
        return value

    return callback


def _OUT(f: Any) -> Any:
    """``-o FOLDER`` and/or ``--store DIR`` / ``--endpoint URL``: where the import goes."""
    f = click.option(
        "--endpoint",
        metavar="URL",
        expose_value=False,
        callback=_remember_target("endpoint"),
        help="Also write the reports, new actors and sources into this SPARQL 1.1 endpoint "
        "(Graph Store protocol, in batches).",
    )(f)
    f = click.option(
        "--store",
        type=click.Path(path_type=Path, file_okay=False),
        expose_value=False,
        callback=_remember_target("store"),
        help="Also write them into the on-disk store in this folder (created when missing).",
    )(f)
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, file_okay=False),
        help="Data folder to merge the reports, new actors and sources into.",
    )(f)


_SHOW = click.option(
    "--problems", "show", default=20, show_default=True, help="How many skipped rows to list."
)


def _progress(rows: Iterable[Report], totals: Totals) -> Iterator[Report]:
    """Pass ``rows`` through, printing rows/s on a terminal (never into a pipe or a file)."""
    if not sys.stderr.isatty():
        yield from rows
        return
    start = last = time.monotonic()
    for r in rows:
        yield r
        now = time.monotonic()
        if now - last >= 0.5:
            last = now
            rate = totals.rows / max(now - start, 1e-9)
            click.echo(f"\r{totals.rows} rows, {rate:,.0f} rows/s", err=True, nl=False)
    click.echo("\r" + " " * 40 + "\r", err=True, nl=False)


def _run(
    ctx: Context,
    read: Callable[..., Iterable[Report]],
    totals: Totals,
    resolver: ActorResolver,
    datasets: list[Source],
    output: Path | None,
    show: int,
) -> None:
    """Reconcile the file's reports with the graph, then write them where they go.

    ``read(totals=...)`` streams the file's reports. The first pass clusters and
    links them, keeping a small tuple per report; the second reads the file
    again and streams the linked reports into the store or endpoint, keeping
    their ids and those linked to curated events (for the conflicts). Only a
    folder output holds the reports, as the folder's file will.
    """
    from ..importers.conflicts import conflicts
    from ..importers.output import write_import
    from ..importers.reconcile import reconcile
    from ..importers.report import Totals

    target = click.get_current_context().meta.get(_TARGET, {})
    store_path, endpoint = target.get("store"), target.get("endpoint")
    if output is None and store_path is None and endpoint is None:
        fail("say where the import goes: -o FOLDER, --store DIR or --endpoint URL (got none)")
    kg = ctx.kg()
    rec = reconcile(_progress(read(totals=totals), totals), kg, resolver)
    if totals.rows and not totals.imported:
        _nothing_imported(totals, show)
    totals.linked, totals.proposed = rec.linked, len(rec.proposals)
    sources = {s.id: s for s in datasets if s.id not in kg.sources}
    sources.update(resolver.sources)
    linked: list[Report] = []

    def again(*, once: bool) -> Iterator[Report]:
        seen: set[str] = set()  # with ``once``, a row repeated in the file is one report
        for r in rec.apply(read(totals=Totals(totals.file))):
            if once and r.id in seen:
                totals.duplicates += 1  # as the folder's writer counts it
                continue
            seen.add(r.id)
            if r.event is not None:
                linked.append(r)
            yield r

    # the folder's writer counts the repeated rows itself
    reports = list(again(once=False)) if output is not None else []
    stored = None
    if store_path is not None or endpoint is not None:
        stream = {r.id: r for r in reports}.values() if output is not None else again(once=True)
        stored = _to_store(
            store_path, endpoint, itertools.chain(sources.values(), resolver.new.values(), stream)
        )
    found = conflicts(linked, kg, resolver, {**kg.sources, **sources})
    if output is not None:
        write_import(
            output,
            reports,
            resolver.new.values(),
            sources.values(),
            proposals=rec.proposals,
            review=[str(m) for m in resolver.review],
            conflicts=found,
            totals=totals,
        )
    _summary(totals, show, resolver, len(sources), len(found), output, stored)


def _summary(
    totals: Totals,
    show: int,
    resolver: ActorResolver,
    sources: int,
    conflicts: int,
    output: Path | None,
    stored: str | None,
) -> None:
    """What an import did: its first problems, its counts and where it wrote."""
    for p in totals.problems[:show]:
        click.echo(str(p), err=True)
    for line in totals.lines():
        click.echo(line)
    click.echo(
        f"  {totals.linked} reports linked to existing events, {totals.proposed} new events "
        f"proposed, {len(resolver.new)} new actors, {sources} new sources, "
        f"{len(resolver.review)} actor matches to review, {conflicts} conflicts"
    )
    if output is not None:
        click.echo(
            f"  wrote {output}/reports.yaml (and actors.yaml, sources.yaml, import-review.json)"
        )
    if stored is not None:
        click.echo(stored)


def _nothing_imported(totals: Totals, show: int) -> None:
    """Every row was skipped: most likely the wrong file or the wrong command; write nothing."""
    for p in totals.problems[:show]:
        click.echo(str(p), err=True)
    why = ", ".join(f"{n} {reason}" for reason, n in totals.skipped.most_common())
    command = f"import {click.get_current_context().info_name}"
    fail(
        f"{totals.file}: no row could be imported, nothing written ({totals.rows} row(s) read, "
        f"all skipped: {why}); is it a file for '{command}'?"
    )


def _to_store(store_path: Path | None, endpoint: str | None, records: Iterable[Any]) -> str:
    from ..importers.store import write_store
    from ..rdf.store import open_store

    counted = _Counted(records)
    with open_store(store_path, endpoint=endpoint) as store:
        added = write_store(store, counted)
        total = len(store)
    where = store_path if store_path is not None else endpoint
    return f"  wrote {counted.n:,} records to {where}: {added:,} new quads, {total:,} in all"


class _Counted:
    """An iterable of records that counts them as they pass."""

    def __init__(self, records: Iterable[Any]) -> None:
        self.records, self.n = records, 0

    def __iter__(self) -> Iterator[Any]:
        for r in self.records:
            self.n += 1
            yield r


def _dataset(source_id: str, title: str, file: Path) -> Source:
    from ..importers.report import make
    from ..model import Source, SourceKind

    return make(Source, id=source_id, title=title, kind=SourceKind.DATASET, file=file.name)


def _resolver(ctx: Context, file: Path) -> tuple[ActorResolver, Totals]:
    """The actor resolver of the graph (``--data``), and the file's counts, still zero."""
    from ..importers.actors import ActorResolver
    from ..importers.report import Totals

    return ActorResolver(ctx.kg()), Totals(str(file))


@import_group.command("csv")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--mapping",
    "-m",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    required=True,
    help="YAML mapping of the columns (see data/mappings/).",
)
@_OUT
@_SHOW
@pass_ctx
def import_csv(ctx: Context, file: Path, mapping: Path, output: Path | None, show: int) -> None:
    """Import a CSV, TSV or XLSX table of events through a YAML mapping file."""
    from ..importers.csv_mapped import load_mapping, read_table

    m = load_mapping(mapping)
    resolver, totals = _resolver(ctx, file)
    read = functools.partial(read_table, file, m, resolver=resolver)
    title = m.title or f"Table {file.name}"
    _run(ctx, read, totals, resolver, [_dataset(m.source, title, file)], output, show)


@import_group.command("icews")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--entities",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="entity2id map: the file holds id quadruples (ICEWS18).",
)
@click.option(
    "--relations",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="relation2id map, with --entities.",
)
@click.option(
    "--epoch",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The day hour 0 of id quadruples is (ICEWS18: 2018-01-01, the default; "
    "ICEWS14's id files: 2014-01-01).",
)
@_OUT
@_SHOW
@pass_ctx
def import_icews(
    ctx: Context,
    file: Path,
    entities: Path | None,
    relations: Path | None,
    epoch: Any,
    output: Path | None,
    show: int,
) -> None:
    """Import ICEWS events: a Dataverse event file, or ICEWS14/ICEWS18 quadruples."""
    from ..importers.icews import is_dataverse, read_icews, read_icews_quads

    resolver, totals = _resolver(ctx, file)
    dataverse = is_dataverse(file)
    if (entities is None) != (relations is None):
        raise click.UsageError("--entities and --relations go together")
    if epoch is not None and entities is None:
        raise click.UsageError("--epoch is for id quadruples, with --entities and --relations")
    if dataverse:
        read: Any = functools.partial(read_icews, file, resolver=resolver)
        source = _dataset("icews", "ICEWS coded event data", file)
    else:
        more = {"epoch": epoch.date()} if epoch is not None else {}
        read = functools.partial(
            read_icews_quads,
            file,
            entities=entities,
            relations=relations,
            resolver=resolver,
            **more,
        )
        name = "icews18" if entities else "icews14"
        source = _dataset(name, f"ICEWS temporal knowledge graph ({name.upper()})", file)
    _run(ctx, read, totals, resolver, [source], output, show)


@import_group.command("gdelt")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--mentions",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="GDELT 2.0 mentions table of the same batch.",
)
@_OUT
@_SHOW
@pass_ctx
def import_gdelt(
    ctx: Context, file: Path, mentions: Path | None, output: Path | None, show: int
) -> None:
    """Import a GDELT 1.0 or 2.0 events file (57, 58 or 61 columns, no header)."""
    from ..importers.gdelt import read_gdelt, read_mentions

    resolver, totals = _resolver(ctx, file)
    table = read_mentions(mentions, totals) if mentions else None
    read = functools.partial(read_gdelt, file, mentions=table, resolver=resolver)
    source = _dataset("gdelt", "GDELT event data", file)
    _run(ctx, read, totals, resolver, [source], output, show)


@import_group.command("plover")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@_OUT
@_SHOW
@pass_ctx
def import_plover(ctx: Context, file: Path, output: Path | None, show: int) -> None:
    """Import PLOVER / POLECAT event records (a JSON array or JSON Lines)."""
    from ..importers.plover import read_plover

    resolver, totals = _resolver(ctx, file)
    read = functools.partial(read_plover, file, resolver=resolver)
    source = _dataset("plover-gsr", "PLOVER coded event records", file)
    _run(ctx, read, totals, resolver, [source], output, show)
