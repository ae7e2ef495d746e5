"""How commands print: tables or CSV/TSV, and the notes on stderr that ``--quiet`` silences.

- :func:`table_options` adds ``--csv`` and ``--tsv`` to a command (and
  ``--json`` where the command has none of its own); :func:`table` then prints
  aligned columns, or the same header and rows as CSV or TSV for a
  spreadsheet or a script.
- :func:`quiet_option` is the global ``--quiet``; :func:`note` prints a
  progress or "wrote ..." line on stderr unless it was given.
"""

from __future__ import annotations

import csv
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["note", "quiet_option", "table", "table_mode", "table_options"]

F = TypeVar("F", bound=Callable[..., Any])

_MODE = "diplograph.table"
_QUIET = "diplograph.quiet"


def _meta() -> dict[str, Any]:
    ctx = click.get_current_context(silent=True)
    return ctx.meta if ctx is not None else {}


def _remember(key: str, value: Any) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, _param: click.Parameter, given: Any) -> Any:
        if given:
            if key == _MODE and ctx.meta.get(_MODE, value) != value:
                raise click.UsageError(
                    f"--{ctx.meta[_MODE]} and --{value} go one at a time (got both)"
                )
            ctx.meta[key] = value
        return given

    return callback


def quiet_option(f: F) -> F:
    """``-q/--quiet``: no progress or "wrote ..." lines on stderr; errors still print."""
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_remember(_QUIET, True),
        help="Print no progress or 'wrote ...' lines on stderr (errors still print).",
    )(f)


def note(message: str) -> None:
    """Print ``message`` on stderr, unless ``--quiet`` was given."""
    if not _meta().get(_QUIET):
        click.echo(message, err=True)


def table_options(*, json: bool = False) -> Callable[[F], F]:
    """``--csv`` / ``--tsv`` (and ``--json`` when ``json``) for a command that prints a table.

    ``--json`` added here reaches the command as ``as_json``; with its own
    ``--json`` flag, the command's wins. The flags go one at a time.
    """

    def decorate(f: F) -> F:
        @functools.wraps(f)
        def checked(*args: Any, **kwargs: Any) -> Any:
            mode = _meta().get(_MODE)
            if kwargs.get("as_json") and mode is not None:
                raise click.UsageError(f"--json and --{mode} go one at a time (got both)")
            return f(*args, **kwargs)

        wrapped: Any = checked
        for mode in ("tsv", "csv"):
            wrapped = click.option(
                f"--{mode}",
                is_flag=True,
                expose_value=False,
                callback=_remember(_MODE, mode),
                help=f"Print the rows as {mode.upper()}, with a header row.",
            )(wrapped)
        if json:
            wrapped = click.option(
                "--json", "as_json", is_flag=True, help="Print JSON instead of a table."
            )(wrapped)
        return wrapped  # type: ignore[no-any-return]

    return decorate


def table_mode() -> str | None:
    """``"csv"`` or ``"tsv"`` when the command was asked for one, else None."""
    mode: str | None = _meta().get(_MODE)
    return mode


def table(headers: list[str], rows: list[list[str]]) -> None:
    """Print rows under headers: aligned columns, or CSV/TSV when asked (the header always)."""
    mode = table_mode()
    if mode is not None:
        dialect = "excel" if mode == "csv" else "excel-tab"
        out = csv.writer(sys.stdout, dialect=dialect, lineterminator="\n")
        out.writerow(headers)
        out.writerows(rows)
        sys.stdout.flush()
        return
    if not rows:
        click.echo("(no results)", err=True)
        return
    if not headers:  # SELECT * over a pattern with no variables: solutions without columns
        click.echo(f"({len(rows)} solution(s), no variables)", err=True)
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    for line in [headers, ["-" * w for w in widths], *rows]:
        cells = [c.ljust(w) for c, w in zip(line[:-1], widths, strict=False)] + [line[-1]]
        click.echo("  ".join(cells).rstrip())
