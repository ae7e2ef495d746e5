"""The timeline command, and the TimelineJS export format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ._base import (
    Context,
    _event_filter_options,
    _filtered_events,
    _open_store,
    _store_options,
    cli,
    fail,
    pass_ctx,
)
from ._output import note

# -- timeline ------------------------------------------------------------------------------


_CHART_SUFFIXES = (".png", ".svg", ".pdf", ".json")


@cli.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write (atomically): .png, .svg or .pdf for a chart, .json for TimelineJS3.",
)
@_event_filter_options
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
    "--statements-only",
    is_flag=True,
    help="Draw only statements, each with its words abridged: those in the dates, by the "
    "--actor or --side speakers when given.",
)
@click.option(
    "--era",
    "eras",
    multiple=True,
    metavar="LABEL:FROM/TO",
    help="Shade a period (repeatable), e.g. 'Hanoi to Panmunjom:2019-02-28/2019-06-30'.",
)
@click.option(
    "--contested",
    is_flag=True,
    help="Ring the events whose date a source's report disputes (see 'diplograph conflicts').",
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
    after: str | None,
    before: str | None,
    side: str | None,
    lanes: str,
    max_lanes: int,
    title: str | None,
    statements: bool,
    statements_only: bool,
    eras: tuple[str, ...],
    contested: bool,
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
    from .. import query
    from ..timeline.layout import parse_era

    suffix = output.suffix.lower()
    if suffix not in _CHART_SUFFIXES:
        fail(f"the output must end in .png, .svg, .pdf or .json (got {output.name!r})")
    chart: dict[str, Any] = {"eras": [parse_era(e) for e in eras], "title": title}
    chart.update(lanes=lanes, max_lanes=max_lanes)
    figure = {"label_top": label_top, "width": width, "height": height, "dpi": dpi}
    store = _open_store(ctx, store_path, endpoint)
    if statements_only:
        sts = _statements_only(store, actors, side, start, end, after, before)
        _draw([], sts, output, chart, **figure)
        return
    rows, actor_ids, place_id = _filtered_events(
        store, actors, types, place, start, end, limit, after=after, before=before, side=side
    )
    narrowed = bool(actor_ids or types or place_id or limit or side)
    sts = (
        _statements_of(store, rows, actor_ids, narrowed, start, end, after or before)
        if statements
        else []
    )
    if not rows:
        fail("no events match the filters, so there is nothing to draw (got 0 events)")
    if contested:
        chart["contested"] = list(query.contested_dates(store, _ids(rows)))
    if suffix == ".json":
        from ..export.timelinejs import write_timelinejs

        chart.pop("contested", None)
        write_timelinejs(rows, output, statements=sts, **chart)
        note(f"wrote {output} (TimelineJS3): {len(rows)} events, {len(sts)} statements")
        return
    _draw(rows, sts, output, chart, **figure)


def _statements_of(
    store: Any,
    rows: list[Any],
    actor_ids: Any,
    narrowed: bool,
    start: str | None,
    end: str | None,
    between: str | None,
) -> list[Any]:
    """The statements drawn beside ``rows``: over the span the rows cover when the window is
    given by events (--after / --before), else over --from / --to."""
    from .. import query

    first, last = (
        (min(r.time.earliest for r in rows), max(r.time.latest for r in rows))
        if (rows and between)
        else (start, end)
    )
    return list(
        query.timeline_statements(
            store, rows, actors=actor_ids, narrowed=narrowed, start=first, end=last
        )
    )


def _ids(rows: list[Any]) -> list[str]:
    """The ids of event rows and of the parts nested beneath them."""
    return [i for r in rows for i in (r.id, *_ids(list(r.parts)))]


def _statements_only(
    store: Any,
    actors: tuple[str, ...],
    side: str | None,
    start: str | None,
    end: str | None,
    after: str | None,
    before: str | None,
) -> list[Any]:
    """The statements of a statements-only timeline: in the window, by the speakers given."""
    from .. import query
    from ..names import Names
    from ..query.rows import event_rows, iri_of
    from ..rows import in_order

    names = Names(store)
    if after is not None:
        first = event_rows(store, [iri_of("event", names.event(after).id)])[0]
        start = first.time.latest.isoformat()
    if before is not None:
        last = event_rows(store, [iri_of("event", names.event(before).id)])[0]
        end = last.time.earliest.isoformat()
    said: list[Any] = []
    side_id = names.actor(side).id if side is not None else None
    speakers = [names.actor(a).id for a in actors]
    if not speakers:
        said = query.statements(store, for_side=side_id, start=start, end=end)
    for who in speakers:
        said += query.statements(store, by=who, for_side=side_id, start=start, end=end)
    if not said:
        fail("no statements match the filters, so there is nothing to draw (got 0)")
    return in_order(list({s.id: s for s in said}.values()))


def _draw(
    rows: list[Any],
    sts: list[Any],
    output: Path,
    chart: dict[str, Any],
    **figure: Any,
) -> None:
    """Plot the timeline, save it to ``output`` and say what was drawn."""
    from ..timeline import plot_timeline, save_figure, timeline_axes

    ax = plot_timeline(rows, statements=sts, **chart, **figure)
    save_figure(ax, output, dpi=figure["dpi"])
    panels = timeline_axes(ax)
    nlanes = len(panels[0].get_yticks())
    broken = f", time axis broken into {len(panels)} panels" if len(panels) > 1 else ""
    disputed = len(chart.get("contested", ()))
    ringed = f", {disputed} with a date a report disputes" if disputed else ""
    note(
        f"wrote {output}: {len(rows)} events, {len(sts)} statements on {nlanes} lanes"
        f"{broken}{ringed}"
    )
