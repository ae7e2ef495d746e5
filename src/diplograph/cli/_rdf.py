"""RDF commands: export (every format) and import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..export import registry
from ..rdf.io import serialize_rdf, write_rdf
from ._base import Context, _records, _store_options, cli, fail, pass_ctx, summary

# -- rdf: export, import -------------------------------------------------------------------


RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")
"""The RDF formats ``export`` writes and ``import rdf`` reads."""


class _Formats(click.Choice[str]):
    """A Choice over the registered export formats, read when the command runs."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(registry.formats())

    @choices.setter
    def choices(self, value: Any) -> None:
        pass


@cli.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=_Formats(),
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
@click.option(
    "--owl-time",
    is_flag=True,
    help="Also write each date as an OWL-Time interval (turtle, ntriples, nquads, trig).",
)
@_store_options
@pass_ctx
def export(
    ctx: Context,
    fmt: str,
    output: Path,
    owl_time: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Write the knowledge graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) and more.

    The quad formats (N-Quads, TriG, JSON-LD) put each record in the named
    graph of every source it cites, with that source's evidence.
    """
    if owl_time and fmt not in ("turtle", "ntriples", "nquads", "trig"):
        fail(f"--owl-time needs --format turtle, ntriples, nquads or trig (got {fmt})")
    kg = _records(ctx, store_path, endpoint)
    out = None if str(output) == "-" else output
    if owl_time:
        if out is None:
            serialize_rdf(kg, sys.stdout.buffer, format=fmt, profile="owl-time")
            sys.stdout.buffer.flush()
        else:
            write_rdf(kg, out, format=fmt, profile="owl-time")
    elif out is None:
        registry.serialize(kg, sys.stdout.buffer, format=fmt)
        sys.stdout.buffer.flush()
    else:
        registry.write(kg, out, format=fmt)
    if out is not None:
        click.echo(f"wrote {out} ({fmt}): {summary(kg)}", err=True)


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
    from ..importers import import_rdf

    stdin = str(file) == "-"
    if stdin and fmt is None:
        fail("reading RDF from stdin needs --format")
    source = sys.stdin.buffer.read() if stdin else file
    try:
        kg, written = import_rdf(
            source, output, format=fmt, force=force, where="<stdin>" if stdin else None
        )
    except FileExistsError:
        fail(f"{output} already holds YAML files; choose an empty folder or pass --force")
    click.echo(f"wrote {len(written)} file(s) to {output}: {summary(kg)}")
