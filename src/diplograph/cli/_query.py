"""Query commands: load, events, meetings, statements, search, actor, sparql."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import LoadError
from ..safety import check_query
from ._base import (
    Context,
    F,
    _actors_cell,
    _event_filter_options,
    _filtered_events,
    _open_store,
    _source_cell,
    _store_options,
    _table,
    _with_timeout,
    cli,
    fail,
    pass_ctx,
    print_json,
)
from ._output import table_mode, table_options

# -- query: load, events, meetings, statements, actor, sparql ------------------------------


_LOAD_HELP = {
    "store_path": "Load into the on-disk store in this folder (created when missing); the query "
    "commands then read it with --store.",
    "endpoint": "Load into this SPARQL 1.1 endpoint through its Graph Store protocol (e.g. "
    "http://127.0.0.1:7878/query); the query commands then read it with --endpoint.",
    "timeout": "With --endpoint: give up when the server has not answered after this long.",
}


def _load_targets(f: F) -> F:
    """``--store`` / ``--endpoint`` / ``--timeout``, worded for loading rather than querying."""
    f = _store_options(f)
    for param in getattr(f, "__click_params__", []):
        if param.name in _LOAD_HELP:
            param.help = _LOAD_HELP[param.name]
    return f


@cli.command("load")
@_load_targets
@click.option(
    "--graph-store",
    metavar="URL",
    help="Graph Store protocol URL of the endpoint, when it is not the sibling 'store' of "
    "the query URL (Oxigraph's layout), e.g. http://127.0.0.1:3030/ds/data on Fuseki, "
    "http://127.0.0.1:8890/sparql-graph-crud on Virtuoso.",
)
@pass_ctx
def load_cmd(
    ctx: Context,
    store_path: Path | None,
    endpoint: str | None,
    graph_store: str | None,
) -> None:
    """Load the data folder into an on-disk store (--store) or a SPARQL endpoint (--endpoint).

    Reads the YAML records of the data folder (--data), turns them into RDF
    triples and adds them to the default graph of the store, where every
    query command can then read them with --store or --endpoint instead of
    loading the folder each time. Loading the same data again adds nothing.

    \b
    Example:
      diplograph load --store graph.db
      diplograph events --store graph.db --actor Trump
    """
    from ..rdf.store import open_store

    if store_path is None and endpoint is None:
        fail("say where to load the data: --store PATH or --endpoint URL (got neither)")
    if graph_store is not None and endpoint is None:
        fail(f"--graph-store goes with --endpoint (got {graph_store!r} without it)")
    # a record at a time when no source texts are checked: into a new store from one read
    # (the store is removed when the folder has a problem), else checked before the first
    fresh = store_path is not None and endpoint is None and not store_path.exists()
    streamed = ctx.streamed(once=fresh)
    records = ctx.kg() if streamed is None else streamed[0]
    target = _with_timeout(open_store(store_path, endpoint=endpoint, graph_store=graph_store))
    try:
        with target as store:
            added = store.load(records)
            total = added if fresh else len(store)  # counting a large store takes seconds
    except LoadError:
        if fresh and store_path is not None:
            import shutil

            shutil.rmtree(store_path, ignore_errors=True)
        raise
    where = store_path if store_path is not None else endpoint
    click.echo(f"loaded {ctx.data_label} into {where}: {added:,} new quads, {total:,} in all")


_PARTS_OPTION = click.option(
    "--parts",
    "flat",
    is_flag=True,
    help="List the parts of events (a dinner within a summit) on their own rows, in date "
    "order, instead of beneath the event they are part of.",
)

_PART_MARK = "  └ "
"""What a part's label starts with when it is listed beneath its event."""


def _with_parts(rows: list[Any], depth: int = 0) -> list[tuple[int, Any]]:
    """Rows with their parts beneath them (depth first), each with its depth."""
    out: list[tuple[int, Any]] = []
    for r in rows:
        out.append((depth, r))
        out.extend(_with_parts(list(r.parts), depth + 1))
    return out


def _label(label: str, depth: int) -> str:
    return label if depth == 0 else "  " * (depth - 1) + _PART_MARK + label


def _with_reports(events: list[Any]) -> bool:
    """Whether a table shows the REPORTS column: always as CSV/TSV, else when a report backs one.

    A curated folder with no imports would show a column of zeros; a script
    reading CSV gets the same columns whatever the data.
    """
    return table_mode() is not None or any(e.reports for e in events)


@cli.command()
@_event_filter_options
@_PARTS_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@table_options()
@_store_options
@pass_ctx
def events(
    ctx: Context,
    actors: tuple[str, ...],
    types: tuple[str, ...],
    place: str | None,
    start: str | None,
    end: str | None,
    limit: int | None,
    after: str | None,
    before: str | None,
    side: str | None,
    flat: bool,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Events in date order, filtered by actors, types, place and dates.

    A date window keeps every event that may fall inside it, and the FIT
    column says how sure: 'within' (every possible day is inside) or
    'overlaps' (only some are, e.g. an event dated "2019-02" for --from
    2019-02-15). An event that is part of another one listed (a test within a
    month of tests) is shown beneath it; --parts lists it on its own row.
    """
    from .. import query

    store = _open_store(ctx, store_path, endpoint)
    rows, _, _ = _filtered_events(
        store,
        actors,
        types,
        place,
        start,
        end,
        limit,
        after=after,
        before=before,
        side=side,
        flat=flat,
    )
    if as_json:
        print_json([query.row_dict(r) for r in rows])
        return
    window = any(v is not None for v in (start, end, after, before))
    listed = _with_parts(rows)
    backed = _with_reports([r for _, r in listed])
    headers = ["DATE", *(["FIT"] if window else []), "TYPE", "EVENT", "PLACE", "ACTORS"]
    _table(
        headers + (["REPORTS"] if backed else []),
        [
            [
                str(r.time),
                *([r.fit or ""] if window else []),
                r.type,
                _label(r.label, depth),
                r.place_name or "",
                _actors_cell(r),
                *([str(r.reports)] if backed else []),
            ]
            for depth, r in listed
        ],
    )


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option(
    "--any-role",
    is_flag=True,
    help="Also count events where either was only mediator, accompanying or observer.",
)
@_PARTS_OPTION
@click.option(
    "--side",
    "sides",
    is_flag=True,
    help="A and B are states: meetings of anyone who speaks for one with anyone who speaks "
    "for the other (their people, bodies and media); ROLES says who met.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@table_options()
@_store_options
@pass_ctx
def meetings(
    ctx: Context,
    a: str,
    b: str,
    any_role: bool,
    flat: bool,
    sides: bool,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Every summit, meeting or talks in which both A and B took part, in order, numbered.

    Only principal roles count (host, guest, attendee, signatory, agent):
    someone who mediated or accompanied did not meet. --any-role counts every
    role and shows it. A meeting within another (a dinner within a summit) is
    no meeting of its own: it is shown beneath the outermost one, without a
    number; --parts lists it on its own row, still without one.
    """
    from .. import query
    from ..names import Names

    store = _open_store(ctx, store_path, endpoint)
    names = Names(store)
    actor_a, actor_b = names.actor(a), names.actor(b)
    rows = query.meetings(store, actor_a.id, actor_b.id, any_role=any_role, flat=flat, sides=sides)
    if as_json:
        print_json([query.row_dict(r) for r in rows])
        return
    listed = _with_parts(rows)
    backed = _with_reports([m.event for _, m in listed])
    _table(
        ["#", "DATE", "TYPE", "EVENT", "PLACE", "ROLES"] + (["REPORTS"] if backed else []),
        [
            [
                m.ordinal_text if depth == 0 else "",
                str(m.event.time),
                m.event.type,
                _label(m.event.label, depth),
                m.event.place_name or "",
                f"{m.who_a or actor_a.name}: {m.role_a}; {m.who_b or actor_b.name}: {m.role_b}",
                *([str(m.event.reports)] if backed else []),
            ]
            for depth, m in listed
        ],
    )


@cli.command()
@click.option("--by", metavar="NAME", help="Only statements by this actor.")
@click.option(
    "--side",
    metavar="STATE",
    help="Only statements by someone who speaks for this state: the state, its people and "
    "bodies (by country or post) and its media. SPEAKER says who spoke.",
)
@click.option(
    "--about",
    metavar="NAME",
    help="Only statements about this actor, place or event (tried in that order). A place "
    "means its events and the statements naming it; an event takes in its parts.",
)
@click.option("--from", "start", metavar="DATE", help="Only statements that may be on or after.")
@click.option("--to", "end", metavar="DATE", help="Only statements that may be on or before.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@table_options()
@_store_options
@pass_ctx
def statements(
    ctx: Context,
    by: str | None,
    side: str | None,
    about: str | None,
    start: str | None,
    end: str | None,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Who said what, when, with the source and the quoted words."""
    from .. import query
    from ..names import Names

    store = _open_store(ctx, store_path, endpoint)
    names = Names(store)
    speaker = names.actor(by).id if by is not None else None
    about_kind, about_id = names.about(about) if about is not None else ("", "")
    rows = query.statements(
        store,
        by=speaker,
        about_event=about_id if about_kind == "event" else None,
        about_actor=about_id if about_kind == "actor" else None,
        about_place=about_id if about_kind == "place" else None,
        for_side=names.actor(side).id if side is not None else None,
        start=start,
        end=end,
    )
    if as_json:
        print_json([query.row_dict(r) for r in rows])
        return
    window = start is not None or end is not None
    _table(
        ["DATE", *(["FIT"] if window else []), "SPEAKER", "MODE", "WORDS", "SOURCE"],
        [
            [
                str(r.date),
                *([r.fit or ""] if window else []),
                r.who,
                r.mode.replace("_", " "),
                f"“{r.text}”" if r.mode == "direct_quote" else r.text,
                _source_cell(r.citations),
            ]
            for r in rows
        ],
    )


@cli.command()
@click.argument("words", nargs=-1, required=True)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="At most this many records.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@_store_options
@pass_ctx
def search(
    ctx: Context,
    words: tuple[str, ...],
    limit: int,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Records whose names, aliases, words or quoted evidence hold WORDS, best first.

    Ranked by BM25 over the words (case and accents do not count), with a
    bonus when the words stand together as a phrase; each record once, by its
    best match, shown with the words in [brackets] and the source of a quote.
    The index of an on-disk store is kept in its folder (search-index.sqlite)
    and built again when the store changes.

    \b
    Example:
      diplograph search sanctions relief
    """
    import dataclasses

    from ..search import search as run_search

    store = _open_store(ctx, store_path, endpoint)
    hits = run_search(store, " ".join(words), limit=limit)
    if as_json:
        print_json([dataclasses.asdict(h) for h in hits])
        return
    _table(
        ["KIND", "ID", "FIELD", "CONTEXT", "SOURCE"],
        [[h.kind, h.id, h.field, h.context, h.source_title or ""] for h in hits],
    )


@cli.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@table_options()
@_store_options
@pass_ctx
def actor(
    ctx: Context, name: str, as_json: bool, store_path: Path | None, endpoint: str | None
) -> None:
    """An actor's dossier: positions, events by role, statements, counterparts."""
    from .. import query
    from ..names import Names

    store = _open_store(ctx, store_path, endpoint)
    d = query.actor_dossier(store, Names(store).actor(name).id)
    if as_json:
        print_json(query.row_dict(d))
        return
    if table_mode() is not None:
        _table(["SECTION", "DATE", "WHAT", "TEXT"], _dossier_rows(d))
        return
    click.echo(f"{d.name} ({d.kind}, {d.id})")
    if d.aliases:
        click.echo(f"also called: {', '.join(d.aliases)}")
    click.echo("\nPositions:")
    for p in d.positions:
        org = f", {p.organization_name}" if p.organization_name else ""
        span = "".join([f" from {p.start}" if p.start else "", f" to {p.end}" if p.end else ""])
        click.echo(f"  {p.post}{org}{span}")
    if not d.positions:
        click.echo("  (none recorded)")
    click.echo("\nEvents by role:")
    for role, evs in d.events_by_role.items():
        click.echo(f"  {role}:")
        for e in evs:
            click.echo(f"    {e.time!s:<24} {e.type:<16} {e.label}")
    if not d.events_by_role:
        click.echo("  (none)")
    click.echo("\nStatements:")
    for s in d.statements:
        click.echo(f"  {s.date!s:<24} {s.text}")
    if not d.statements:
        click.echo("  (none)")
    click.echo("\nCounterparts (shared events):")
    for c in d.counterparts:
        click.echo(f"  {c.shared:>4}  {c.name}")
    if not d.counterparts:
        click.echo("  (none)")


def _dossier_rows(d: Any) -> list[list[str]]:
    """An actor's dossier as rows: positions, events by role, statements, counterparts."""
    rows = []
    for p in d.positions:
        span = "/".join([str(p.start or ".."), str(p.end or "..")])
        org = f", {p.organization_name}" if p.organization_name else ""
        rows.append(["position", span, "post", f"{p.post}{org}"])
    for role, evs in d.events_by_role.items():
        rows += [["event", str(e.time), f"{role}: {e.type}", e.label] for e in evs]
    rows += [["statement", str(s.date), "said", s.text] for s in d.statements]
    rows += [["counterpart", "", f"{c.shared} shared events", c.name] for c in d.counterparts]
    return rows


@cli.command()
@click.argument("file", required=False, type=click.File("rb"))
@click.option("-e", "--expression", "text", metavar="QUERY", help="The query text itself.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "tsv"]),
    default="table",
    show_default=True,
    help="table for people; json, csv, tsv are the W3C SPARQL results formats.",
)
@click.option(
    "--union",
    is_flag=True,
    help="Read the union of all named graphs, for data loaded as quads by other means.",
)
@table_options(json=True)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="URL",
    help="Let SERVICE clauses query this endpoint (repeatable). Without it, a query that "
    "would call another server is refused.",
)
@_store_options
@pass_ctx
def sparql(
    ctx: Context,
    file: Any,
    text: str | None,
    fmt: str,
    union: bool,
    as_json: bool,
    allow_service: tuple[str, ...],
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Run any SPARQL 1.1 query (from FILE, '-' for stdin, or -e QUERY) over the store.

    Queries read the default graph, where 'diplograph load' puts every
    record's triples. The shipped templates in queries/ run too, unbound.
    --json, --csv and --tsv are short for --format json, csv and tsv.

    \b
    Example:
      diplograph sparql --format csv \\
        -e 'SELECT ?t (COUNT(*) AS ?n) WHERE { ?e a ?t } GROUP BY ?t'
    """
    from ..rdf.store import term_text

    if (file is None) == (text is None):
        fail(
            "give the query as FILE or -e QUERY, one of the two (got "
            f"{'both' if file is not None else 'neither'})"
        )
    fmt = "json" if as_json else table_mode() or fmt
    query_text = text if text is not None else _decoded(file.read(), getattr(file, "name", "-"))
    check_query(query_text, allow_service=allow_service)
    store = _open_store(ctx, store_path, endpoint)
    store.allow_service = allow_service
    result = store.query(query_text, union=union)
    if fmt == "json":
        click.echo(result.to_json())
    elif fmt == "csv":
        click.echo(result.to_csv(), nl=False)
    elif fmt == "tsv" or result.kind != "select":
        click.echo(result.to_tsv(), nl=False)
    else:
        _table(
            list(result.variables),
            [[term_text(t) for t in row] for row in result.rows],
        )


def _decoded(data: bytes, name: str) -> str:
    """The query text of a file or stdin, which must be UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        shown = "stdin" if name in {"-", "<stdin>"} else name
        line = data[: e.start].count(b"\n") + 1
        fail(
            f"{shown}:{line}: the query is not UTF-8 text: byte 0x{data[e.start]:02x} cannot be "
            "decoded; save it as UTF-8"
        )
