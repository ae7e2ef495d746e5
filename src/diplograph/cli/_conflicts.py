"""``diplograph conflicts``: events whose reports disagree with the graph, source by source."""

from __future__ import annotations

from typing import Any

import click

from ..importers.conflicts import Conflict, conflicts
from ._base import Context, cli, pass_ctx, print_json
from ._output import table, table_mode, table_options

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


@cli.command("conflicts")
@click.option(
    "--aspect",
    "aspects",
    multiple=True,
    type=click.Choice(["date", "place", "participants", "type"]),
    help="Only disagreements on this aspect (repeatable).",
)
@table_options(json=True)
@pass_ctx
def conflicts_command(ctx: Context, aspects: tuple[str, ...], as_json: bool) -> None:
    """Events whose reports disagree with the graph on date, place, participants or type.

    Each row is one source's version (with its Admiralty grade when the
    source has one) beside what the graph holds. The reports are those of the
    data folder: an import's reports.yaml copied beside the data.
    """
    kg = ctx.kg()
    found = [c for c in conflicts(kg.reports.values(), kg) if not aspects or c.aspect in aspects]
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
