"""RDF commands: export (every format) and import."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .._atomic import refuse_overwrite
from ..kg import KnowledgeGraph
from ._base import EXPORT_FORMATS, Context, _Formats, cli, exporter, pass_ctx, summary

# -- rdf: export, import -------------------------------------------------------------------


RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")
"""The RDF formats ``export`` writes and ``import rdf`` reads."""


@exporter(*RDF_FORMATS)
def _export_rdf(kg: KnowledgeGraph, fmt: str, out: Path | None) -> None:
    from ..rdf.io import serialize_rdf, write_rdf

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
@click.option("--force", is_flag=True, help="Write even into the data folder being read.")
@pass_ctx
def export(ctx: Context, fmt: str, output: Path, force: bool) -> None:
    """Write the knowledge graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) and more.

    The quad formats (N-Quads, TriG, JSON-LD) put each record in the named
    graph of every source it cites.
    """
    kg = ctx.kg()
    out = None if str(output) == "-" else output
    if out is not None:
        refuse_overwrite(out, [ctx.data_dir, *ctx.texts], force=force)
    EXPORT_FORMATS[fmt](kg, fmt, out)
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
    from .._files import file_problem
    from ..errors import RDFError
    from ..load import dump
    from ..rdf.io import guess_format, parse_rdf

    if str(file) == "-":
        if fmt is None:
            raise RDFError("reading RDF from stdin needs --format")
        data = sys.stdin.buffer.read()
        kg = parse_rdf(data, format=fmt, where="<stdin>")
    else:
        if (why := file_problem(file)) is not None:  # before opening: a FIFO would block
            raise RDFError(f"{file}: cannot be read: {why}")
        kg = parse_rdf(file.read_bytes(), format=fmt or guess_format(file), where=str(file))
    dangling = kg.dangling()
    if dangling:
        more = f" (and {len(dangling) - 1} more)" if len(dangling) > 1 else ""
        raise RDFError(f"{file}: a record names one that is not in the file: {dangling[0]}{more}")
    if output.is_dir() and any(output.glob("*.yaml")) and not force:
        raise RDFError(f"{output} already holds YAML files; choose an empty folder or pass --force")
    written = dump(kg, output)
    click.echo(f"wrote {len(written)} file(s) to {output}: {summary(kg)}")
