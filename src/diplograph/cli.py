"""The ``diplograph`` command: a thin layer over the public API.

Every command parses its arguments, calls the library and prints a table or
``--json``. Errors the user can fix print one ``Error: ...`` line and exit 1;
``validate`` exits 0 when valid, 1 when invalid and 2 when the folder cannot
be read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from pydantic import ValidationError

from . import __version__
from .errors import DiplographError, LoadError
from .kg import KnowledgeGraph
from .load import check_folder, load
from .resources import bundled_data
from .rows import Citation

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    """What the global options say, and the graph once loaded."""

    data: Path | None = None
    texts: tuple[Path, ...] = ()
    _kg: KnowledgeGraph | None = field(default=None, repr=False)

    @property
    def data_dir(self) -> Path:
        """``--data``, else ``./data`` when present, else the shipped dataset."""
        if self.data is not None:
            return self.data
        local = Path("data")
        if local.is_dir() and any(local.rglob("*.yaml")):
            return local
        return bundled_data()

    @property
    def data_label(self) -> str:
        """The data folder as a person reads it: the shipped dataset by name, else its path."""
        if self.data_dir.resolve() == bundled_data().resolve():
            return "the shipped Korea 2018-2019 dataset"
        return str(self.data_dir)

    def kg(self) -> KnowledgeGraph:
        """The knowledge graph of the data folder, loaded once."""
        if self._kg is None:
            self._kg = load(self.data_dir, texts=self.texts)
        return self._kg


pass_ctx = click.make_pass_decorator(Context, ensure=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``Error: message`` on stderr and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON (dates and paths as strings)."""
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


class _Group(click.Group):
    """A group whose commands turn library errors into one ``Error:`` line, exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LoadError as e:
            if e.unreadable:
                fail(str(e), 2)
            for problem in e.problems:
                click.echo(str(problem), err=True)
            fail(
                f"{len(e.problems)} problem(s) in the data; run 'diplograph validate' to list them"
            )
        except (DiplographError, ValidationError) as e:
            fail(str(e))
        except BrokenPipeError:
            sys.exit(0)
        except OSError as e:
            where = f" ({e.filename})" if getattr(e, "filename", None) else ""
            fail(f"{e.strerror or e}{where}")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="DIPLOGRAPH_DATA",
    help="Data folder of YAML records. Default: ./data when present, else the shipped "
    "Korea 2018-2019 dataset.",
)
@click.option(
    "--texts",
    type=click.Path(path_type=Path, file_okay=False),
    multiple=True,
    help="Folder of source texts (repeatable); every evidence offset is checked against them.",
)
@pass_ctx
def cli(ctx: Context, data: Path | None, texts: tuple[Path, ...]) -> None:
    """Diplomatic events, their actors and what they said, as a knowledge graph.

    Load curated records, ask questions with cited answers, export RDF and draw
    timelines. Run 'diplograph demo' for a tour of the shipped dataset.
    """
    ctx.data = data
    ctx.texts = texts


def main() -> None:
    """Entry point of the ``diplograph`` console script."""
    cli(prog_name="diplograph")


# -- foundation: validate, stats ---------------------------------------------------------


@cli.command()
@click.option("--shacl", is_flag=True, help="Also check the exported RDF against the SHACL shapes.")
@pass_ctx
def validate(ctx: Context, shacl: bool) -> None:
    """Check a data folder: every problem as file:line: message.

    Exit status 0 when valid, 1 when the data has problems, 2 when the folder
    cannot be read.
    """
    try:
        kg, problems = check_folder(ctx.data_dir, texts=ctx.texts)
    except LoadError as e:
        fail(str(e), 2)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s) in {ctx.data_dir}", err=True)
        sys.exit(1)
    if shacl:
        from .rdf.shacl import check_shacl

        violations = check_shacl(kg)
        for violation in violations:
            click.echo(str(violation))
        if violations:
            click.echo(f"{len(violations)} SHACL violation(s) in the RDF export", err=True)
            sys.exit(1)
    checked = " (evidence checked against the texts)" if ctx.texts else ""
    if shacl:
        checked += " (the RDF export conforms to the SHACL shapes)"
    click.echo(f"valid: {_summary(kg)}{checked}")


def _summary(kg: KnowledgeGraph) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in kg.counts().items())


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of a table.")
@pass_ctx
def stats(ctx: Context, as_json: bool) -> None:
    """Count the records of each kind."""
    counts = ctx.kg().counts()
    if as_json:
        print_json(counts)
        return
    width = max(len(k) for k in counts)
    for kind, n in counts.items():
        click.echo(f"{kind:<{width}}  {n:>7}")


# -- demo ----------------------------------------------------------------------------------


@cli.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Folder for the files the demo writes.",
)
@pass_ctx
def demo(ctx: Context, out: Path) -> None:
    """The tour: validate, ask three questions with citations, export RDF, draw the timeline.

    Runs on the shipped Korea 2018-2019 dataset (or --data), and writes
    korea.ttl, korea.jsonld, korea.trig, korea.graphml, timeline.png,
    timeline.svg and timeline.json into --out.
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from .demo import STEPS, run_demo

    kg = ctx.kg()
    click.echo(f"diplograph {__version__}: {ctx.data_label}")
    checked = " (every evidence offset checked against the source texts)" if ctx.texts else ""
    click.echo(f"records valid: {_summary(kg)}{checked}")
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("starting", total=len(STEPS))

        def step(name: str) -> None:
            progress.update(task, description=name, advance=1)

        result = run_demo(kg, out, step=step)
    click.echo("RDF conforms to the SHACL shapes")
    click.echo(f"loaded {result.quads:,} quads into an embedded SPARQL store")

    click.echo("\n1. Every meeting between Trump and Kim, in order")
    for m in result.meetings:
        place = f" ({m.event.place_name})" if m.event.place_name else ""
        click.echo(f"   {m.ordinal_text:<4} {m.event.time!s:<22} {m.event.label}{place}")
        _echo_citation(m.event.citations)

    click.echo("\n2. What Seoul said after the Panmunjom meeting")
    for row in result.seoul_said:
        mode = row.mode.replace("_", " ")
        click.echo(f"   {row.date!s:<22} {row.speaker_name} ({mode}): {_quoted(row.text)}")
        _echo_citation(row.citations, said=row.text)

    click.echo("\n3. Who brokered the Singapore summit")
    for event, mediators in result.brokered:
        who = ", ".join(mediators) or "no mediator recorded"
        click.echo(f"   {who}, mediator of the {event.label} ({event.time})")
        _echo_citation([c for c in event.citations if c.quote and "broker" in c.quote])

    click.echo("\nFiles written:")
    for path in result.files:
        click.echo(f"   {path}  ({path.stat().st_size:,} bytes)")


def _quoted(text: str) -> str:
    return f"\u201c{text}\u201d"


def _echo_citation(citations: Sequence[Citation], *, said: str | None = None) -> None:
    """Print the first citation that quotes words: the source's title, then the words.

    The words are left out when they are those already printed (``said``).
    """
    for c in citations:
        if c.quote:
            words = "" if c.quote == said else f": {_quoted(c.quote)}"
            click.echo(f"        source: {c.title}{words}")
            return


# -- rdf: export, import -------------------------------------------------------------------


Exporter = Callable[[KnowledgeGraph, str, "Path | None"], None]
"""Writes the graph in the named format to a path, or to stdout when the path is None."""

EXPORT_FORMATS: dict[str, Exporter] = {}
"""``diplograph export --format`` choices, in --help order, and the writer of each.

RDF comes first; a section adds its own formats with ``@exporter("name")``.
"""


def exporter(*names: str) -> Callable[[Exporter], Exporter]:
    """Register ``fn`` as the writer of the export formats ``names``."""

    def register(fn: Exporter) -> Exporter:
        for name in names:
            EXPORT_FORMATS[name] = fn
        return fn

    return register


class _Formats(click.Choice[str]):
    """A Choice over the export formats registered so far (read when the command runs)."""

    def __init__(self, registry: dict[str, Exporter]) -> None:
        super().__init__(())
        self.registry = registry

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self.registry)

    @choices.setter
    def choices(self, value: Any) -> None:
        pass


RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")
"""The RDF formats ``export`` writes and ``import rdf`` reads."""


@exporter(*RDF_FORMATS)
def _export_rdf(kg: KnowledgeGraph, fmt: str, out: Path | None) -> None:
    from .rdf.io import serialize_rdf, write_rdf

    if out is None:
        serialize_rdf(kg, sys.stdout.buffer, format=fmt)
        sys.stdout.buffer.flush()
    else:
        write_rdf(kg, out, format=fmt)


@cli.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=_Formats(EXPORT_FORMATS),
    default="turtle",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="File to write (atomically); '-' for stdout.",
)
@pass_ctx
def export(ctx: Context, fmt: str, output: Path) -> None:
    """Write the knowledge graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) and more.

    The quad formats (N-Quads, TriG, JSON-LD) put each record in the named
    graph of every source it cites.
    """
    kg = ctx.kg()
    out = None if str(output) == "-" else output
    EXPORT_FORMATS[fmt](kg, fmt, out)
    if out is not None:
        click.echo(f"wrote {out} ({fmt}): {_summary(kg)}", err=True)


@cli.group("import")
def import_group() -> None:
    """Turn files of other formats into a YAML data folder."""


@import_group.command("rdf")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(RDF_FORMATS),
    help="Input format. Default: from the file's extension (.ttl .nt .nq .trig .jsonld).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Data folder to write the YAML records to.",
)
@click.option("--force", is_flag=True, help="Write even if the folder already holds YAML files.")
def import_rdf(file: Path, fmt: str | None, output: Path, force: bool) -> None:
    """Read RDF written by 'diplograph export' back into YAML records.

    Every resource typed as a diplograph record must make a valid record, and
    every record it names must be in the file. JSON-LD contexts are never
    fetched from the network.
    """
    from .errors import RDFError
    from .load import dump
    from .rdf.io import guess_format, parse_rdf

    if str(file) == "-":
        if fmt is None:
            raise RDFError("reading RDF from stdin needs --format")
        data = sys.stdin.buffer.read()
        kg = parse_rdf(data, format=fmt, where="<stdin>")
    else:
        kg = parse_rdf(file.read_bytes(), format=fmt or guess_format(file), where=str(file))
    dangling = kg.dangling()
    if dangling:
        more = f" (and {len(dangling) - 1} more)" if len(dangling) > 1 else ""
        raise RDFError(f"{file}: a record names one that is not in the file: {dangling[0]}{more}")
    if output.is_dir() and any(output.glob("*.yaml")) and not force:
        raise RDFError(f"{output} already holds YAML files; choose an empty folder or pass --force")
    written = dump(kg, output)
    click.echo(f"wrote {len(written)} file(s) to {output}: {_summary(kg)}")


# -- query: load, events, meetings, statements, actor, sparql ------------------------------


def _store_options(f: F) -> F:
    """``--store PATH`` / ``--endpoint URL``: where the query commands run (default: in memory)."""
    f = click.option(
        "--endpoint",
        metavar="URL",
        envvar="DIPLOGRAPH_ENDPOINT",
        help="Query this SPARQL 1.1 endpoint (e.g. http://127.0.0.1:7878/query) instead.",
    )(f)
    f = click.option(
        "--store",
        "store_path",
        type=click.Path(path_type=Path, file_okay=False),
        envvar="DIPLOGRAPH_STORE",
        help="Query the on-disk store in this folder (made by 'diplograph load --store'). "
        "Default: the data folder, loaded into memory.",
    )(f)
    return f


def _open_store(ctx: Context, store_path: Path | None, endpoint: str | None) -> Any:
    """The store a query command runs on: on disk, remote, or the data folder in memory."""
    from .rdf.store import open_store

    if store_path is not None or endpoint is not None:
        return open_store(store_path, endpoint=endpoint, read_only=True)
    store = open_store()
    store.load(ctx.kg())
    return store


def _table(headers: list[str], rows: list[list[str]]) -> None:
    """Print aligned columns; the last column is not padded."""
    if not rows:
        click.echo("(no results)", err=True)
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    for line in [headers, ["-" * w for w in widths], *rows]:
        cells = [c.ljust(w) for c, w in zip(line[:-1], widths, strict=False)] + [line[-1]]
        click.echo("  ".join(cells).rstrip())


def _actors_cell(row: Any) -> str:
    parts = []
    for p in row.participants:
        parts.append(p.name if p.role == "attendee" else f"{p.name} ({p.role})")
    return ", ".join(parts)


def _source_cell(citations: Any) -> str:
    return "; ".join(dict.fromkeys(c.title for c in citations))


@cli.command("load")
@_store_options
@click.option(
    "--graph-store",
    metavar="URL",
    help="Graph Store protocol URL of the endpoint, when it is not the sibling 'store' of "
    "the query URL (Oxigraph's layout), e.g. http://127.0.0.1:3030/ds/data on Fuseki.",
)
@pass_ctx
def load_cmd(
    ctx: Context, store_path: Path | None, endpoint: str | None, graph_store: str | None
) -> None:
    """Load the data folder into an on-disk store or a SPARQL endpoint.

    Loading the same data again adds nothing.

    \b
    Example:
      diplograph load --store graph.db
      diplograph events --store graph.db --actor Trump
    """
    from .rdf.store import RemoteStore, open_store

    if store_path is None and endpoint is None:
        fail("say where to load the data: --store PATH or --endpoint URL (got neither)")
    if graph_store is not None and endpoint is None:
        fail(f"--graph-store goes with --endpoint (got {graph_store!r} without it)")
    kg = ctx.kg()
    target = open_store(store_path, endpoint=endpoint)
    if graph_store is not None and isinstance(target, RemoteStore):
        target.graph_store = graph_store
    with target as store:
        added = store.load(kg)
        total = len(store)
    where = store_path if store_path is not None else endpoint
    click.echo(f"loaded {ctx.data_label} into {where}: {added:,} new quads, {total:,} in all")


@cli.command()
@click.option(
    "--actor",
    "actors",
    multiple=True,
    metavar="NAME",
    help="Only events this actor took part in (repeatable: all of them took part).",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="Only events of this type (repeatable: any of them), e.g. summit.",
)
@click.option("--place", metavar="PLACE", help="Only events at this place (name or id).")
@click.option(
    "--from",
    "start",
    metavar="DATE",
    help="Only events that may fall on or after this date (2019, 2019-02, 2019-02-15).",
)
@click.option(
    "--to",
    "end",
    metavar="DATE",
    help="Only events that may fall on or before this date (the last day of a month or year).",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
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
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Events in date order, filtered by actors, types, place and dates.

    A date window keeps every event that may fall inside it, and the FIT
    column says how sure: 'within' (every possible day is inside) or
    'overlaps' (only some are, e.g. an event dated "2019-02" for --from
    2019-02-15).
    """
    from . import query

    kg = ctx.kg()
    actor_ids = [kg.resolve_actor(a).id for a in actors]
    place_id = query.resolve_place(kg, place) if place is not None else None
    store = _open_store(ctx, store_path, endpoint)
    rows = query.events(
        store, actors=actor_ids, types=types, place=place_id, start=start, end=end, limit=limit
    )
    if as_json:
        print_json([query.row_dict(r) for r in rows])
        return
    window = start is not None or end is not None
    headers = ["DATE", *(["FIT"] if window else []), "TYPE", "EVENT", "PLACE", "ACTORS"]
    _table(
        headers,
        [
            [
                str(r.time),
                *([r.fit or ""] if window else []),
                r.type,
                r.label,
                r.place_name or "",
                _actors_cell(r),
            ]
            for r in rows
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
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@_store_options
@pass_ctx
def meetings(
    ctx: Context,
    a: str,
    b: str,
    any_role: bool,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Every summit, meeting or talks in which both A and B took part, in order, numbered.

    Only principal roles count (host, guest, attendee, signatory, agent):
    someone who mediated or accompanied did not meet. --any-role counts every
    role and shows it.
    """
    from . import query

    kg = ctx.kg()
    actor_a, actor_b = kg.resolve_actor(a), kg.resolve_actor(b)
    store = _open_store(ctx, store_path, endpoint)
    rows = query.meetings(store, actor_a.id, actor_b.id, any_role=any_role)
    if as_json:
        print_json([query.row_dict(r) for r in rows])
        return
    _table(
        ["#", "DATE", "TYPE", "EVENT", "PLACE", "ROLES"],
        [
            [
                m.ordinal_text,
                str(m.event.time),
                m.event.type,
                m.event.label,
                m.event.place_name or "",
                f"{actor_a.name}: {m.role_a}; {actor_b.name}: {m.role_b}",
            ]
            for m in rows
        ],
    )


@cli.command()
@click.option("--by", metavar="NAME", help="Only statements by this actor.")
@click.option(
    "--about",
    metavar="EVENT_OR_NAME",
    help="Only statements about this actor or event (an actor's name wins).",
)
@click.option("--from", "start", metavar="DATE", help="Only statements that may be on or after.")
@click.option("--to", "end", metavar="DATE", help="Only statements that may be on or before.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@_store_options
@pass_ctx
def statements(
    ctx: Context,
    by: str | None,
    about: str | None,
    start: str | None,
    end: str | None,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Who said what, when, with the source and the quoted words."""
    from . import query

    kg = ctx.kg()
    speaker = kg.resolve_actor(by).id if by is not None else None
    about_kind, about_id = query.resolve_about(kg, about) if about is not None else ("", "")
    store = _open_store(ctx, store_path, endpoint)
    rows = query.statements(
        store,
        by=speaker,
        about_event=about_id if about_kind == "event" else None,
        about_actor=about_id if about_kind == "actor" else None,
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
                r.speaker_name,
                r.mode.replace("_", " "),
                f"“{r.text}”" if r.mode == "direct_quote" else r.text,
                _source_cell(r.citations),
            ]
            for r in rows
        ],
    )


@cli.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@_store_options
@pass_ctx
def actor(
    ctx: Context, name: str, as_json: bool, store_path: Path | None, endpoint: str | None
) -> None:
    """An actor's dossier: positions, events by role, statements, counterparts."""
    from . import query

    kg = ctx.kg()
    actor_id = kg.resolve_actor(name).id
    store = _open_store(ctx, store_path, endpoint)
    d = query.actor_dossier(store, actor_id)
    if as_json:
        print_json(query.row_dict(d))
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


@cli.command()
@click.argument("file", required=False, type=click.File("r", encoding="utf-8"))
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
@_store_options
@pass_ctx
def sparql(
    ctx: Context,
    file: Any,
    text: str | None,
    fmt: str,
    union: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Run any SPARQL 1.1 query (from FILE, '-' for stdin, or -e QUERY) over the store.

    Queries read the default graph, where 'diplograph load' puts every
    record's triples. The shipped templates in queries/ run too, unbound.

    \b
    Example:
      diplograph sparql --format csv \\
        -e 'SELECT ?t (COUNT(*) AS ?n) WHERE { ?e a ?t } GROUP BY ?t'
    """
    from .rdf.store import term_text

    if (file is None) == (text is None):
        fail(
            "give the query as FILE or -e QUERY, one of the two (got "
            f"{'both' if file is not None else 'neither'})"
        )
    query_text = text if text is not None else file.read()
    store = _open_store(ctx, store_path, endpoint)
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


# -- graph: path, ego, network, centrality -------------------------------------------------

_NODE_KINDS = ["actor", "event", "statement", "place", "source"]  # diplograph.graph.NodeKind
_DEFAULT_THROUGH = ("actor", "event", "statement")  # diplograph.graph.DEFAULT_THROUGH


def _through_option(f: F) -> F:
    return click.option(
        "--through",
        type=click.Choice(_NODE_KINDS),
        multiple=True,
        help="Node kinds to walk through (repeatable). Default: actor, event and statement; "
        "sources and places join almost everything in one step.",
    )(f)


def _window_options(what: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        f = click.option(
            "--to",
            "end",
            metavar="DATE",
            help=f"Only {what} that may be on or before DATE (any precision: 2019, 2019-06).",
        )(f)
        return click.option(
            "--from",
            "start",
            metavar="DATE",
            help=f"Only {what} that may be on or after DATE (any precision: 2019, 2019-06).",
        )(f)

    return decorate


@exporter("graphml", "gexf")
def _export_graph(kg: KnowledgeGraph, fmt: str, out: Path | None) -> None:
    from .export import graphml

    if out is None:
        serialize = graphml.serialize_graphml if fmt == "graphml" else graphml.serialize_gexf
        serialize(kg, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        (graphml.write_graphml if fmt == "graphml" else graphml.write_gexf)(kg, out)


def _graph_table(headers: list[str], rows: list[list[str]]) -> None:
    """Aligned columns; the last one is not padded."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    for line in [headers, ["-" * w for w in widths], *rows]:
        cells = [c.ljust(w) for c, w in zip(line[:-1], widths, strict=False)] + [line[-1]]
        click.echo("  ".join(cells).rstrip())


def _node_text(kind: str, type_: str | None, date: str | None, label: str, rid: str) -> str:
    what = type_ if kind == "event" and type_ else kind
    words = f'"{label}"' if kind == "statement" else label
    return f"{what:<16} {(date or ''):<22} {words} [{rid}]"


@cli.command()
@click.argument("a")
@click.argument("b")
@_through_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@pass_ctx
def path(ctx: Context, a: str, b: str, through: tuple[str, ...], as_json: bool) -> None:
    """The shortest connection between two actors or events, with the records along it.

    A and B are names, aliases or ids of actors, or words of an event's label.
    Each step names the record that links it to the one before: who said what,
    what it was about, who took part in what.
    """
    from . import graph

    kg = ctx.kg()
    steps = graph.path(kg, a, b, through=through or _DEFAULT_THROUGH)
    if as_json:
        print_json(
            {
                "from": steps[0].node,
                "to": steps[-1].node,
                "links": len(steps) - 1,
                "steps": [s.to_dict() for s in steps],
            }
        )
        return
    links = len(steps) - 1
    click.echo(f"{steps[0].label} to {steps[-1].label}: {links} link{'s' * (links != 1)}")
    for step in steps:
        if step.relation is not None:
            click.echo(f"    {step.arrow()}")
        click.echo(_node_text(step.kind, step.type, step.date, step.label, step.id))
    sources = dict.fromkeys(s for step in steps[1:-1] or steps for s in step.sources)
    if sources:
        click.echo(f"sources: {', '.join(sources)}")


@cli.command()
@click.argument("name")
@click.option(
    "--radius", type=int, default=1, show_default=True, help="How many steps out from NAME."
)
@_through_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@pass_ctx
def ego(ctx: Context, name: str, radius: int, through: tuple[str, ...], as_json: bool) -> None:
    """The ego network of an actor or event: everything within --radius steps of it."""
    from . import graph

    kg = ctx.kg()
    E = graph.ego(kg, name, radius=radius, through=through or _DEFAULT_THROUGH)
    nodes = sorted(
        E.nodes(data=True),
        key=lambda p: (p[1]["distance"], p[1]["kind"], p[1].get("earliest", ""), p[0]),
    )
    if as_json:
        print_json(
            {
                "center": E.graph["center"],
                "radius": radius,
                "nodes": [
                    {
                        "node": n,
                        "kind": d["kind"],
                        "label": d.get("text", d["label"]),
                        "date": d.get("date"),
                        "distance": d["distance"],
                    }
                    for n, d in nodes
                ],
                "edges": [
                    {"source": u, "target": v, "relation": d["relation"], "role": d.get("role")}
                    for u, v, d in E.edges(data=True)
                ],
            }
        )
        return
    center = E.nodes[E.graph["center"]]["label"]
    click.echo(
        f"{center}, radius {radius}: {E.number_of_nodes()} nodes, {E.number_of_edges()} edges"
    )
    _graph_table(
        ["STEPS", "KIND", "DATE", "NAME", "ID"],
        [
            [
                str(d["distance"]),
                d.get("event_type", d["kind"]),
                d.get("date", ""),
                d["label"],
                graph.split_key(n)[1],
            ]
            for n, d in nodes
        ],
    )


@cli.command("co-participation")
@_window_options("events")
@click.option(
    "--principal",
    is_flag=True,
    help="Count only principal roles (host, guest, attendee, signatory, agent), "
    "not mediators, escorts or observers.",
)
@click.option(
    "--min-weight",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only pairs with at least this many shared events.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@pass_ctx
def co_participation(
    ctx: Context,
    start: str | None,
    end: str | None,
    principal: bool,
    min_weight: int,
    as_json: bool,
) -> None:
    """Pairs of actors who took part in the same events, by how many.

    With --from/--to, an event counts when its dates may fall in the window;
    WITHIN says how many of those certainly do (an event of "February 2019"
    may fall after 15 February but is not sure to).
    """
    from . import graph
    from .model import PRINCIPAL_ROLES

    kg = ctx.kg()
    C = graph.co_participation(
        kg, start=start, end=end, roles=PRINCIPAL_ROLES if principal else None
    )
    pairs = sorted(
        (
            (C.nodes[u]["label"], C.nodes[v]["label"], u, v, d)
            for u, v, d in C.edges(data=True)
            if d["weight"] >= min_weight
        ),
        key=lambda p: (-p[4]["weight"], *sorted((p[0], p[1]))),
    )
    rows = []
    for name_u, name_v, u, v, d in pairs:
        (name_a, a, name_b, b) = (
            (name_u, u, name_v, v) if name_u <= name_v else (name_v, v, name_u, u)
        )
        rows.append((name_a, a, name_b, b, d))
    if as_json:
        print_json(
            [
                {
                    "a": graph.split_key(a)[1],
                    "a_name": name_a,
                    "b": graph.split_key(b)[1],
                    "b_name": name_b,
                    "weight": d["weight"],
                    "within": d["within"],
                    "events": list(d["events"]),
                }
                for name_a, a, name_b, b, d in rows
            ]
        )
        return
    if not rows:
        click.echo("(no pairs)", err=True)
        return
    windowed = start is not None or end is not None
    headers = ["ACTOR", "ACTOR", "EVENTS", *(["WITHIN"] if windowed else []), "EVENT IDS"]
    _graph_table(
        headers,
        [
            [
                name_a,
                name_b,
                str(d["weight"]),
                *([str(d["within"])] if windowed else []),
                ", ".join(d["events"]),
            ]
            for name_a, _, name_b, _, d in rows
        ],
    )


@cli.command()
@click.option(
    "--measure",
    type=click.Choice(["degree", "betweenness", "closeness", "eigenvector"]),
    default="degree",
    show_default=True,
    help="degree: how many distinct records link to it; betweenness: the share of shortest "
    "connections through it; closeness; eigenvector.",
)
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(["actor", "event", "statement"]),
    multiple=True,
    help="What to rank (repeatable). Default: actor.",
)
@click.option("--top", type=click.IntRange(min=1), help="Only the first N.")
@_window_options("events and statements")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@pass_ctx
def centrality(
    ctx: Context,
    measure: str,
    kinds: tuple[str, ...],
    top: int | None,
    start: str | None,
    end: str | None,
    as_json: bool,
) -> None:
    """Rank actors (or events, statements) by centrality in the graph of actors, events
    and statements."""
    from . import graph

    ranks = graph.centrality(
        ctx.kg(), measure=measure, kinds=kinds or ("actor",), start=start, end=end, top=top
    )
    if as_json:
        print_json([r.to_dict() for r in ranks])
        return
    if not ranks:
        click.echo("(nothing to rank)", err=True)
        return

    def score(value: float) -> str:
        return str(int(value)) if measure == "degree" else f"{value:.4f}"

    _graph_table(
        ["RANK", measure.upper(), "KIND", "NAME", "ID"],
        [[str(r.rank), score(r.score), r.kind, r.label, r.id] for r in ranks],
    )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf"]),
    default="graphml",
    show_default=True,
    help="GraphML (Gephi, yEd, Cytoscape) or GEXF (Gephi).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="File to write (replaced atomically; folders are created).",
)
@click.option(
    "--co-participation",
    "co",
    is_flag=True,
    help="Write the actors' co-participation network (weighted) instead of the whole graph.",
)
@click.option(
    "--principal",
    is_flag=True,
    help="With --co-participation: count only principal roles.",
)
@_window_options("events and statements")
@pass_ctx
def network(
    ctx: Context,
    fmt: str,
    output: Path,
    co: bool,
    principal: bool,
    start: str | None,
    end: str | None,
) -> None:
    """Write the graph for Gephi: every record a node, every link a typed edge.

    Dates keep their precision: each dated node has its EDTF date and its
    earliest and latest day.
    """
    from . import graph
    from .export.graphml import write_gexf, write_graphml
    from .model import PRINCIPAL_ROLES

    kg = ctx.kg()
    if co:
        G: Any = graph.co_participation(
            kg, start=start, end=end, roles=PRINCIPAL_ROLES if principal else None
        )
    else:
        if principal:
            fail("--principal goes with --co-participation (got --principal alone)")
        G = graph.to_networkx(kg, start=start, end=end)
    write = write_graphml if fmt == "graphml" else write_gexf
    written = write(G, output)
    click.echo(f"wrote {written}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


# -- timeline ------------------------------------------------------------------------------


@exporter("timelinejs")
def _export_timelinejs(kg: KnowledgeGraph, fmt: str, out: Path | None) -> None:
    """TimelineJS3 JSON of every event and statement (``diplograph timeline -o X.json`` filters)."""
    from .export.timelinejs import to_timelinejs, write_timelinejs
    from .rows import event_rows, statement_rows

    rows, sts = event_rows(kg), statement_rows(kg)
    if out is None:
        print_json(to_timelinejs(rows, statements=sts))
    else:
        write_timelinejs(rows, out, statements=sts)


_CHART_SUFFIXES = (".png", ".svg", ".pdf", ".json")


@cli.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write (atomically): .png, .svg or .pdf for a chart, .json for TimelineJS3.",
)
@click.option(
    "--actor",
    "actors",
    multiple=True,
    metavar="NAME",
    help="Only events this actor took part in (repeatable: all of them took part).",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="Only events of this type (repeatable: any of them), e.g. summit.",
)
@click.option("--place", metavar="PLACE", help="Only events at this place (name or id).")
@click.option("--from", "start", metavar="DATE", help="Only events that may fall on or after.")
@click.option("--to", "end", metavar="DATE", help="Only events that may fall on or before.")
@click.option(
    "--limit", type=click.IntRange(min=1), help="At most this many events (the earliest)."
)
@click.option(
    "--lanes",
    type=click.Choice(["actor", "type", "none"]),
    default="actor",
    show_default=True,
    help="One lane per principal actor, per event type, or a single lane.",
)
@click.option(
    "--max-lanes",
    type=click.IntRange(min=1),
    default=7,
    show_default=True,
    help="Most lanes with --lanes actor; the rest share an 'Others' lane.",
)
@click.option("--title", help="Title above the chart (and of the TimelineJS title slide).")
@click.option(
    "--statements/--no-statements",
    default=True,
    show_default=True,
    help="Draw statements on the speakers' lanes, joined to the events they are about.",
)
@click.option(
    "--era",
    "eras",
    multiple=True,
    metavar="LABEL:FROM/TO",
    help="Shade a period (repeatable), e.g. 'Hanoi to Panmunjom:2019-02-28/2019-06-30'.",
)
@click.option(
    "--width",
    type=click.FloatRange(min=4, max=60),
    default=12.0,
    show_default=True,
    help="Width in inches.",
)
@click.option(
    "--height",
    type=click.FloatRange(min=2, max=60),
    help="Height in inches. Default: from the number of lanes.",
)
@click.option(
    "--dpi",
    type=click.FloatRange(min=30, max=1200),
    default=150.0,
    show_default=True,
    help="Resolution of a PNG.",
)
@click.option(
    "--label-top",
    type=click.IntRange(min=0),
    metavar="N",
    help="Label at most the N most important events. Default: all up to 40.",
)
@_store_options
@pass_ctx
def timeline(
    ctx: Context,
    output: Path,
    actors: tuple[str, ...],
    types: tuple[str, ...],
    place: str | None,
    start: str | None,
    end: str | None,
    limit: int | None,
    lanes: str,
    max_lanes: int,
    title: str | None,
    statements: bool,
    eras: tuple[str, ...],
    width: float,
    height: float | None,
    dpi: float,
    label_top: int | None,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Draw the events as a swimlane timeline (PNG, SVG, PDF) or write TimelineJS3 JSON.

    Takes the filters of 'diplograph events'. Each principal actor gets a
    lane; an event with several participants sits on each of their lanes,
    joined by a vertical line. A date known only to the month or year is a
    band over the whole month or year; statements are diamonds joined to the
    events they are about; a long empty gap breaks the time axis.

    \b
    Example:
      diplograph timeline -o korea.png --title "Korea 2018-2019" \\
        --era "Hanoi to Panmunjom:2019-02-28/2019-06-30"
      diplograph timeline -o korea.json
    """
    from . import query
    from ._layout import parse_era

    suffix = output.suffix.lower()
    if suffix not in _CHART_SUFFIXES:
        fail(f"the output must end in .png, .svg, .pdf or .json (got {output.name!r})")
    era_list = [parse_era(e) for e in eras]
    kg = ctx.kg()
    actor_ids = [kg.resolve_actor(a).id for a in actors]
    place_id = query.resolve_place(kg, place) if place is not None else None
    store = _open_store(ctx, store_path, endpoint)
    rows = query.events(
        store, actors=actor_ids, types=types, place=place_id, start=start, end=end, limit=limit
    )
    sts = query.statements(store, start=start, end=end) if statements else []
    if actor_ids or types or place_id or limit:
        # a filtered chart keeps the statements about what it shows, or by the actors asked for
        shown = {r.id for r in rows}
        sts = [s for s in sts if shown & set(s.about_events) or s.speaker in actor_ids]
    if not rows:
        fail("no events match the filters, so there is nothing to draw (got 0 events)")
    if suffix == ".json":
        from .export.timelinejs import write_timelinejs

        write_timelinejs(
            rows,
            output,
            statements=sts,
            eras=era_list,
            title=title,
            lanes=lanes,
            max_lanes=max_lanes,
        )
        click.echo(
            f"wrote {output} (TimelineJS3): {len(rows)} events, {len(sts)} statements", err=True
        )
        return
    from .timeline import plot_timeline, save_figure, timeline_axes

    ax = plot_timeline(
        rows,
        statements=sts,
        lanes=lanes,
        max_lanes=max_lanes,
        eras=era_list,
        title=title,
        label_top=label_top,
        width=width,
        height=height,
        dpi=dpi,
    )
    save_figure(ax, output, dpi=dpi)
    panels = timeline_axes(ax)
    nlanes = len(panels[0].get_yticks())
    broken = f", time axis broken into {len(panels)} panels" if len(panels) > 1 else ""
    click.echo(
        f"wrote {output}: {len(rows)} events, {len(sts)} statements on {nlanes} lanes{broken}",
        err=True,
    )
