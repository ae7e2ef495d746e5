"""Commands for the records themselves: validate, stats, and the demo."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import LoadError, Problem
from ._base import (
    Context,
    _open_store,
    _store_options,
    cli,
    fail,
    folder_label,
    pass_ctx,
    print_json,
    summary,
)
from ._output import table, table_mode, table_options

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph
    from ..layers import Layers
    from ..rows import Citation

# -- foundation: validate, stats ---------------------------------------------------------


@cli.command()
@click.option("--shacl", is_flag=True, help="Also check the exported RDF against the SHACL shapes.")
@pass_ctx
def validate(ctx: Context, shacl: bool) -> None:
    """Check the data folders: every problem as file:line: message.

    With several --data folders, each layer is reported on its own line and
    the checks run over their union. With --texts, says which sources had no
    text to check their quotes against.

    Exit status 0 when valid, 1 when the data has problems (or a text is not
    UTF-8), 2 when a folder cannot be read.
    """
    from ..layers import check_layers
    from ..load import check_folder

    try:
        if len(ctx.data_dirs) == 1:
            kg, problems = check_folder(ctx.data_dir, texts=ctx.texts)
        else:
            layers, problems = check_layers(ctx.data_dirs, texts=ctx.texts)
            kg = layers.kg
            _report_layers(layers, problems)
    except LoadError as e:  # a folder that cannot be read; a text that is not UTF-8
        fail(str(e), 2 if e.unreadable else 1)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        where = ", ".join(str(d) for d in ctx.data_dirs)
        click.echo(f"{len(problems)} problem(s) in {where}", err=True)
        sys.exit(1)
    if shacl:
        from ..rdf.shacl import check_shacl

        violations = check_shacl(kg)
        for violation in violations:
            click.echo(str(violation))
        if violations:
            click.echo(f"{len(violations)} SHACL violation(s) in the RDF export", err=True)
            sys.exit(1)
    checked = _texts_note(kg, ctx) if ctx.texts else ""
    if shacl:
        checked += " (the RDF export conforms to the SHACL shapes)"
    click.echo(f"valid: {summary(kg)}{checked}")


def _report_layers(layers: Layers, problems: list[Problem]) -> None:
    """One line per layer: its records, its additions to earlier ones, its problems."""
    for i, (folder, own) in enumerate(zip(layers.folders, layers.layer_graphs(), strict=True)):
        inside = [p for p in problems if Path(p.file).is_relative_to(folder)]
        adds = len(layers.additions[i])
        click.echo(
            f"layer {i + 1}: {folder_label(folder)}: {len(own)} records, "
            f"{adds} addition(s) to earlier records, {len(inside)} problem(s)"
        )


def _texts_note(kg: KnowledgeGraph, ctx: Context) -> str:
    """What the texts checked: every quote, those of some sources, or none."""
    from ..evidence import texts_found

    cited = {ev.source for _, ev in kg.evidence() if ev.quote is not None}
    found, missing = texts_found((kg.sources[s] for s in sorted(cited)), ctx.texts)
    if not found:
        return f" (no quote was checked: no text found for any of the {len(cited)} sources quoted)"
    if missing:
        return (
            f" (quotes checked against the texts of {len(found)} of {len(cited)} sources "
            f"quoted; no text for {', '.join(missing)})"
        )
    return " (evidence checked against the texts)"


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of a table.")
@table_options()
@_store_options
@pass_ctx
def stats(ctx: Context, as_json: bool, store_path: Path | None, endpoint: str | None) -> None:
    """Count the records of each kind."""
    if store_path is None and endpoint is None:
        counts = ctx.kg().counts()
    else:  # counted by the store, no record read
        from ..query.counts import record_counts

        with _open_store(ctx, store_path, endpoint) as store:
            counts = record_counts(store)
    if as_json:
        print_json(counts)
        return
    if table_mode() is not None:
        table(["KIND", "COUNT"], [[kind, str(n)] for kind, n in counts.items()])
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

    Runs on the data folder (--data; else ./data when it holds YAML files, else the
    shipped Korea 2018-2019 dataset), and writes
    korea.ttl, korea.jsonld, korea.trig, korea.graphml, timeline.png,
    timeline.svg and timeline.json into --out.
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from .. import __version__
    from ..demo import STEPS, run_demo

    kg = ctx.kg()
    click.echo(f"diplograph {__version__}: {ctx.data_label}")
    checked = " (every evidence offset checked against the source texts)" if ctx.texts else ""
    click.echo(f"records valid: {summary(kg)}{checked}")
    quiet = bool(click.get_current_context().meta.get("diplograph.quiet"))
    console = Console(stderr=True, quiet=quiet)
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
        for part in m.parts:
            click.echo(f"        └ {part.event.time!s:<20} {part.event.label}")

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
