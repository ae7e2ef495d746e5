"""The ``diplograph`` command: a thin layer over the public API.

Every command parses its arguments, calls the library and prints a table or
``--json``. Errors the user can fix print one ``Error: ...`` line and exit 1;
``validate`` exits 0 when valid, 1 when invalid and 2 when the folder cannot
be read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
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
        fail("--shacl is not available yet", 2)
    checked = " (evidence checked against the texts)" if ctx.texts else ""
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
    """The tour: validate the shipped dataset and summarise it."""
    kg = ctx.kg()
    click.echo(f"diplograph {__version__}: {ctx.data_dir}")
    click.echo(f"valid: {_summary(kg)}")
    if ctx.texts:
        click.echo("every evidence offset checked against the source texts")
    click.echo("")
    click.echo("Events in order:")
    for ev in kg.events_in_order():
        click.echo(f"  {ev.time!s:<24} {ev.type.value:<16} {ev.label}")


# -- rdf: export, import -------------------------------------------------------------------


# -- query: load, events, meetings, statements, actor, sparql ------------------------------


# -- graph: path, ego, network, centrality -------------------------------------------------


# -- timeline ------------------------------------------------------------------------------
