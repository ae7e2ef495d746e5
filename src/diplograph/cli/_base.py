"""The ``diplograph`` group, its context, and what the command modules share.

Every command parses its arguments, calls the library and prints a table or
``--json``. Errors the user can fix print one ``Error: ...`` line and exit 1;
``validate`` exits 0 when valid, 1 when invalid and 2 when the folder cannot
be read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from ..errors import DiplographError, LoadError
from ..resources import bundled_data
from ._output import quiet_option, table

if TYPE_CHECKING:  # the records and their loader are imported by the commands that read YAML
    from ..kg import KnowledgeGraph
    from ..layers import Layers
    from ..model import Record

__all__ = [
    "Context",
    "cli",
    "fail",
    "folder_label",
    "main",
    "pass_ctx",
    "print_json",
    "summary",
]

F = TypeVar("F", bound=Callable[..., Any])

STREAM_BYTES = 16 * 2**20
"""A data folder with more YAML than this is exported record by record in the order of its
files, not held whole and written kind by kind sorted by id: the same triples in another order."""


def _yaml_bytes(folder: Path) -> int:
    try:
        return sum(p.stat().st_size for p in folder.rglob("*.yaml"))
    except OSError:
        return 0


@dataclass
class Context:
    """What the global options say, and the graph once loaded."""

    data: tuple[Path, ...] = ()
    """The ``--data`` folders, in order: later ones add to earlier ones."""
    texts: tuple[Path, ...] = ()
    _kg: KnowledgeGraph | None = field(default=None, repr=False)
    _layers: Layers | None = field(default=None, repr=False)

    @property
    def data_dirs(self) -> tuple[Path, ...]:
        """Every ``--data`` folder, else ``./data`` when present, else the shipped dataset."""
        if self.data:
            return tuple(_shipped_or(d) for d in self.data)
        local = Path("data")
        if local.is_dir() and any(local.rglob("*.yaml")):
            return (local,)
        return (bundled_data(),)

    @property
    def data_dir(self) -> Path:
        """The last data folder: the analyst's layer, the only one written to."""
        return self.data_dirs[-1]

    @property
    def data_label(self) -> str:
        """The data folders as a person reads them: the shipped dataset by name, else paths."""
        return " + ".join(folder_label(d) for d in self.data_dirs)

    def layers(self) -> Layers:
        """The data folders as layers, loaded once."""
        from ..layers import load_layers

        if self._layers is None:
            self._layers = load_layers(self.data_dirs, texts=self.texts)
            self._kg = self._layers.kg
        return self._layers

    def kg(self) -> KnowledgeGraph:
        """The knowledge graph of the data folders (their union), loaded once."""
        from ..load import load

        if self._kg is None:
            if len(self.data_dirs) == 1:
                self._kg = load(self.data_dir, texts=self.texts)
            else:
                self._kg = self.layers().kg
        return self._kg

    def streamed(
        self, *, once: bool = False, large: bool = False
    ) -> tuple[Iterator[Record], dict[str, int]] | None:
        """The records of the one data folder a record at a time, and their counts once read.

        ``once`` reads the folder once and raises after the last record when it
        has a problem (for an atomic file write), else it is checked before the
        first record. None when the records must be held: several folders,
        source texts to check, the graph already loaded, or, with ``large``, no
        more than :data:`STREAM_BYTES` of YAML. The caller then uses :meth:`kg`.
        """
        from ..kinds import KINDS
        from ..streaming import checked, stream

        if self.texts or self._kg is not None or len(self.data_dirs) != 1:
            return None
        if large and _yaml_bytes(self.data_dir) <= STREAM_BYTES:
            return None
        counts = dict.fromkeys(KINDS, 0)
        records = (checked if once else stream)(self.data_dir)
        key_of: dict[type[Any], str] = {k.model: k.key for k in KINDS.values()}

        def counted() -> Iterator[Record]:
            for record in records:
                counts[key_of[type(record)]] += 1
                yield record

        return counted(), counts


SHIPPED = "shipped"
"""The ``--data`` value that names the shipped dataset (unless a folder has that name)."""


def _shipped_or(folder: Path) -> Path:
    if str(folder) == SHIPPED and not folder.is_dir():
        return bundled_data()
    return folder


def folder_label(folder: Path) -> str:
    """A data folder as a person reads it: the shipped dataset by name, else its path.

    The ``./data`` of a source checkout holds the shipped dataset and nothing
    else to read, so it is named as the shipped dataset too.
    """
    here, shipped = folder.resolve(), bundled_data().resolve()
    if here == shipped or (
        shipped.is_relative_to(here)
        and all(p.resolve().is_relative_to(shipped) for p in here.rglob("*.yaml"))
    ):
        return "the shipped Korea 2018-2019 dataset"
    return str(folder)


pass_ctx = click.make_pass_decorator(Context, ensure=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``Error: message`` on stderr and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON (dates and paths as strings)."""
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def _unexpected(e: BaseException) -> str:
    """One line for an exception nobody expected, with the way to see the traceback."""
    first = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return (
        f"unexpected {type(e).__name__}{': ' + first if first else ''}; this is a bug in "
        "diplograph: rerun with --debug for the traceback and report it"
    )


def _remember_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    ctx.meta["diplograph.debug"] = value
    return value


def _invalid_record(e: Exception) -> bool:
    """Whether ``e`` is pydantic's ValidationError: a record that the models refused.

    pydantic is imported only by the commands that make records, so a command
    that never imported it cannot have raised its error.
    """
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(e, pydantic.ValidationError)


_GLOBAL_OPTIONS = {"--data": " DIR", "--texts": " DIR", "--quiet": "", "-q": "", "--debug": ""}
"""The options of the group itself, which a person may give after the command by mistake,
each with what follows it in the hint."""


class _Group(click.Group):
    """A group whose commands turn library errors into one ``Error:`` line, exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.NoSuchOption as e:
            if e.option_name not in _GLOBAL_OPTIONS:
                raise
            hint = (
                f"{e.option_name} is a global option: it goes before the command, as in "
                f"'diplograph {e.option_name}{_GLOBAL_OPTIONS[e.option_name]} "
                f"{ctx.invoked_subcommand or 'COMMAND'} ...'"
            )
            raise click.NoSuchOption(e.option_name, message=hint, ctx=e.ctx) from None
        except LoadError as e:
            if e.unreadable:
                fail(str(e), 2)
            for problem in e.problems:
                click.echo(str(problem), err=True)
            fail(
                f"{len(e.problems)} problem(s) in the data{_implicit(ctx)}; "
                "run 'diplograph validate' to list them"
            )
        except DiplographError as e:
            fail(str(e))
        except BrokenPipeError:
            sys.exit(0)
        except OSError as e:
            where = f" ({e.filename})" if getattr(e, "filename", None) else ""
            fail(f"{e.strerror or e}{where}")
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as e:  # a bug: one line, and the traceback on request
            if _invalid_record(e):
                fail(str(e))
            if ctx.meta.get("diplograph.debug"):
                raise
            fail(_unexpected(e))


def _implicit(ctx: click.Context) -> str:
    """Where the data came from when no ``--data`` named it and it was ``./data``."""
    state = ctx.find_object(Context)
    if state is None or state.data or state.data_dirs != (Path("data"),):
        return ""
    return " (./data, read as no --data was given; --data shipped reads the shipped dataset)"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: the installed version, read only when asked for."""
    if not value or ctx.resilient_parsing:
        return
    from .. import __version__

    click.echo(f"diplograph, version {__version__}")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    multiple=True,
    envvar="DIPLOGRAPH_DATA",
    help="Data folder of YAML records (repeatable: later folders add to earlier ones, and "
    "only the last is written to; 'shipped' names the shipped dataset). Default: ./data "
    "when present, else the shipped Korea 2018-2019 dataset.",
)
@click.option(
    "--texts",
    type=click.Path(path_type=Path, file_okay=False),
    multiple=True,
    help="Folder of source texts (repeatable); every evidence offset is checked against them.",
)
@quiet_option
@click.option(
    "--debug",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_remember_debug,
    help="Show the full traceback of an unexpected error.",
)
@pass_ctx
def cli(ctx: Context, data: tuple[Path, ...], texts: tuple[Path, ...]) -> None:
    """Diplomatic events, their actors and what they said, as a knowledge graph.

    Load curated records, ask questions with cited answers, export RDF and draw
    timelines. Run 'diplograph demo' for a tour of the shipped dataset.
    """
    ctx.data = data
    ctx.texts = texts


def main() -> None:
    """Entry point of the ``diplograph`` console script."""
    cli(prog_name="diplograph")


# -- shared by the command modules ------------------------------------------------------


def _remember_timeout(ctx: click.Context, _param: click.Parameter, value: float) -> float:
    ctx.meta["diplograph.timeout"] = value
    return value


def _store_options(f: F) -> F:
    """``--store PATH`` / ``--endpoint URL``: where the query commands run (default: in memory).

    ``--timeout SECONDS`` goes with ``--endpoint``; :func:`_open_store` reads it.
    """
    f = click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=30.0,
        show_default=True,
        metavar="SECONDS",
        expose_value=False,
        callback=_remember_timeout,
        help="With --endpoint: give up when the server has not answered after this long.",
    )(f)
    f = click.option(
        "--endpoint",
        metavar="URL",
        envvar="DIPLOGRAPH_ENDPOINT",
        help="Query this SPARQL 1.1 endpoint (e.g. http://127.0.0.1:7878/query) instead; "
        "add ?default-graph-uri=IRI to query (and load) one graph of a shared server.",
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
    from ..rdf.store import open_store

    if store_path is not None or endpoint is not None:
        return _with_timeout(open_store(store_path, endpoint=endpoint, read_only=True))
    store = open_store()
    store.load(ctx.kg())
    return store


def _with_timeout(store: Any) -> Any:
    """``store``, given the ``--timeout`` of the command when it is a SPARQL endpoint."""
    from ..rdf.store import RemoteStore

    timeout = click.get_current_context().meta.get("diplograph.timeout")
    if isinstance(store, RemoteStore) and timeout is not None:
        store.timeout = timeout
    return store


def _records(ctx: Context, store_path: Path | None, endpoint: str | None) -> KnowledgeGraph:
    """The records a command reads: from the store or endpoint when given, else the data folder."""
    if store_path is None and endpoint is None:
        return ctx.kg()
    with _open_store(ctx, store_path, endpoint) as store:
        kg: KnowledgeGraph = store.knowledge_graph()
    return kg


def _event_filter_options(f: F) -> F:
    """The filters of ``events``, which ``timeline`` shares: actors, types, place, dates, limit."""
    options = [
        click.option(
            "--actor",
            "actors",
            multiple=True,
            metavar="NAME",
            help="Only events this actor took part in (repeatable: all of them took part).",
        ),
        click.option(
            "--type",
            "types",
            multiple=True,
            metavar="TYPE",
            help="Only events of this type (repeatable: any of them), e.g. summit.",
        ),
        click.option("--place", metavar="PLACE", help="Only events at this place (name or id)."),
        click.option(
            "--from",
            "start",
            metavar="DATE",
            help="Only events that may fall on or after this date (2019, 2019-02, 2019-02-15).",
        ),
        click.option(
            "--to",
            "end",
            metavar="DATE",
            help="Only events that may fall on or before this date (the last day of a month "
            "or year).",
        ),
        click.option(
            "--limit", type=click.IntRange(min=1), help="At most this many events (the earliest)."
        ),
        click.option("--after", metavar="EVENT", help="Only events after this one ends."),
        click.option("--before", metavar="EVENT", help="Only events before this one begins."),
        click.option(
            "--side",
            metavar="STATE",
            help="Only events in which someone who speaks for this state took part (its "
            "people, bodies and media).",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filtered_events(
    store: Any,
    actors: tuple[str, ...],
    types: tuple[str, ...],
    place: str | None,
    start: str | None,
    end: str | None,
    limit: int | None,
    *,
    after: str | None = None,
    before: str | None = None,
    side: str | None = None,
    flat: bool = True,
) -> tuple[list[Any], list[str], str | None]:
    """Run ``query.events`` with names resolved: the rows, the actor ids and the place id."""
    from .. import query
    from ..names import Names

    names = Names(store)
    actor_ids = [names.actor(a).id for a in actors]
    place_id = names.place(place).id if place is not None else None
    rows = query.events(
        store,
        actors=actor_ids,
        types=types,
        place=place_id,
        start=start,
        end=end,
        limit=limit,
        flat=flat,
        after=names.event(after).id if after is not None else None,
        before=names.event(before).id if before is not None else None,
        for_side=names.actor(side).id if side is not None else None,
    )
    return rows, actor_ids, place_id


_table = table
"""Print aligned columns (the last not padded), or CSV/TSV under ``--csv``/``--tsv``."""


def _actors_cell(row: Any) -> str:
    parts = []
    for p in row.participants:
        parts.append(p.name if p.role == "attendee" else f"{p.name} ({p.role})")
    return ", ".join(parts)


def _source_cell(citations: Any) -> str:
    return "; ".join(dict.fromkeys(c.title for c in citations))


def summary(kg: KnowledgeGraph | dict[str, int]) -> str:
    """Counts of a graph's records (or the counts), as one line: ``11 sources, 14 actors, ...``."""
    counts = kg if isinstance(kg, dict) else kg.counts()
    return ", ".join(f"{n} {kind}" for kind, n in counts.items() if n or kind != "reports")
