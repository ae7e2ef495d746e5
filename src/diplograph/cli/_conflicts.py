"""``diplograph conflicts``: events whose reports disagree with the graph, source by source.

On a data folder the library's :func:`~diplograph.importers.conflicts` does the
work; on a store or endpoint the ``report-conflicts`` query template does, so
it runs wherever the records were loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._base import Context, _open_store, _store_options, cli, pass_ctx, print_json
from ._output import table, table_mode, table_options

if TYPE_CHECKING:
    from ..importers.conflicts import Conflict

_HEADERS = ["EVENT", "ASPECT", "GRAPH", "SOURCE", "GRADE", "REPORTED", "REPORT"]


def _as_dict(c: Conflict) -> dict[str, Any]:
    return {
        "event": c.event,
        "aspect": c.aspect,
        "graph": c.graph,
        "versions": [
            {"source": v.source, "grade": v.grade, "value": v.value, "report": v.report}
            for v in c.versions
        ],
    }


def _from_store(store: Any) -> list[Conflict]:
    """The conflicts the ``report-conflicts`` template finds."""
    import pyoxigraph as ox

    from ..importers.conflicts import Conflict, Version
    from ..query.templates import run

    def text(term: Any) -> str:
        """An IRI's last segment (a record id); a literal's text whole (a date span has a /)."""
        if term is None:
            return ""
        return str(term.value).rsplit("/", 1)[-1] if isinstance(term, ox.NamedNode) else term.value

    groups: dict[tuple[str, str, str], list[Version]] = {}
    for row in run(store, "report-conflicts", event=None):
        key = (text(row["event"]), text(row["aspect"]), text(row["graph"]))
        rel, cred = row["reliability"], row["credibility"]
        grade = None if rel is None and cred is None else f"{text(rel) or '?'}{text(cred) or '?'}"
        version = Version(text(row["source"]), text(row["reported"]), text(row["report"]), grade)
        groups.setdefault(key, []).append(version)
    return [Conflict(e, a, g, tuple(vs)) for (e, a, g), vs in groups.items()]


@cli.command("conflicts")
@click.option(
    "--aspect",
    "aspects",
    multiple=True,
    type=click.Choice(["date", "place", "participants", "type"]),
    help="Only disagreements on this aspect (repeatable).",
)
@table_options(json=True)
@_store_options
@pass_ctx
def conflicts_command(
    ctx: Context,
    aspects: tuple[str, ...],
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Events whose reports disagree with the graph on date, place, participants or type.

    Each row is one source's version (with its Admiralty grade when the
    source has one) beside what the graph holds. The reports are those of the
    data folder (an import's reports.yaml copied beside the data), or those
    of --store / --endpoint, found there by the report-conflicts query
    template (the same tests; names of places compared with their case, spaces
    and punctuation folded, not their accents).
    """
    if store_path is not None or endpoint is not None:
        with _open_store(ctx, store_path, endpoint) as store:
            found = _from_store(store)
    else:
        from ..importers.conflicts import conflicts

        kg = ctx.kg()
        found = conflicts(kg.reports.values(), kg)
    found = [c for c in found if not aspects or c.aspect in aspects]
    if as_json:
        print_json([_as_dict(c) for c in found])
        return
    rows = [
        [c.event, c.aspect, c.graph, v.source, v.grade or "", v.value, v.report or ""]
        for c in found
        for v in c.versions
    ]
    table(_HEADERS, rows)
    if table_mode() is None and rows:
        events = len({c.event for c in found})
        click.echo(f"{len(found)} disagreements about {events} events", err=True)
