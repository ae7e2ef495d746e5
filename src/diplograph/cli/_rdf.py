"""RDF commands: export (every format) and import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ._base import Context, _records, _store_options, cli, fail, pass_ctx, summary
from ._output import note

# -- rdf: export, import -------------------------------------------------------------------


RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml")
"""The RDF formats ``export`` writes and ``import rdf`` reads."""


_STREAMED = ("turtle", "ntriples", "nquads", "trig")
"""The formats whose writers take records one at a time from a large data folder."""


class _Formats(click.Choice[str]):
    """A Choice over the registered export formats, read when the command runs."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from ..export import registry

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
    "--base",
    metavar="IRI",
    help="Base of the records' IRIs in the RDF formats (default "
    "https://w3id.org/diplograph/id/), e.g. https://example.org/kb/.",
)
@click.option(
    "--owl-time",
    is_flag=True,
    help="Also write each date as an OWL-Time interval (turtle, ntriples, nquads, trig).",
)
@_store_options
@click.option("--force", is_flag=True, help="Write even into the data folder being read.")
@pass_ctx
def export(
    ctx: Context,
    fmt: str,
    output: Path,
    base: str | None,
    owl_time: bool,
    store_path: Path | None,
    endpoint: str | None,
    force: bool,
) -> None:
    """Write the knowledge graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD,
    RDF/XML), JSON-LD records for web pages, GraphML, GEXF or TimelineJS.

    The quad formats (N-Quads, TriG, JSON-LD) put each record in the named
    graph of every source it cites, with that source's evidence; jsonld-records gives
    one plain object per record.
    """
    from .._atomic import refuse_overwrite
    from ..export import registry
    from ..rdf.io import serialize_rdf, write_rdf
    from ..rdf.vocab import BASE

    if owl_time and fmt not in ("turtle", "ntriples", "nquads", "trig"):
        fail(f"--owl-time needs --format turtle, ntriples, nquads or trig (got {fmt})")
    out = None if str(output) == "-" else output
    if out is not None:
        refuse_overwrite(out, [ctx.data_dir, *ctx.texts], force=force)
    streamed = None
    if fmt in _STREAMED and store_path is None and endpoint is None:
        # a large folder goes to the writer a record at a time; a file is written from one
        # read (an error at the end leaves no file), standard output only after a check
        streamed = ctx.streamed(once=out is not None, large=True)
    kg: Any = _records(ctx, store_path, endpoint) if streamed is None else streamed[0]
    if owl_time:
        if out is None:
            serialize_rdf(kg, sys.stdout.buffer, format=fmt, profile="owl-time", base=base or BASE)
            sys.stdout.buffer.flush()
        else:
            write_rdf(kg, out, format=fmt, profile="owl-time", base=base or BASE)
    elif out is None:
        registry.serialize(kg, sys.stdout.buffer, format=fmt, base=base)
        sys.stdout.buffer.flush()
    else:
        registry.write(kg, out, format=fmt, base=base)
        note(f"wrote {out} ({fmt}): {summary(kg if streamed is None else streamed[1])}")


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
    help="Input format. Default: from the file's extension (.ttl .nt .nq .trig .jsonld .rdf).",
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
    fetched from the network, and RDF/XML that declares an external entity is
    refused: nothing is fetched or read beyond FILE.
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
