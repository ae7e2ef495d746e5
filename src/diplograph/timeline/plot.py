"""Timeline charts: swimlanes of events and statements, at the true precision of every date.

:func:`plot_timeline` draws query rows (:class:`~diplograph.rows.EventRow`,
:class:`~diplograph.rows.StatementRow`) with matplotlib, on a non-interactive
canvas, and returns the Axes so that callers and tests can inspect what was
drawn. :func:`save_figure` writes PNG, SVG or PDF atomically, and SVG and PDF
byte for byte the same for the same data.

What the chart shows
--------------------
- One lane per principal actor (``lanes="actor"``), per event type
  (``"type"``) or a single lane (``"none"``). With ``"actor"``, the actors
  in the most events get lanes and the rest share an "Others" lane. An event
  with several participants sits on each participant's lane, the marks
  joined by a thin vertical line.
- An event on a known day is a marker at the start of that day; an event
  over several days is a bar over all of them; a date known only to the
  month or year is a faint band over the whole month or year, never a point
  on the 1st. An uncertain or approximate date has a hollow marker and "?".
- Statements are diamonds on the speaker's lane, joined by a thin line to
  the event they are about (hollow on a band when the day is not known).
- "Leads to" / "follows" links between events are arcs with an arrowhead.
- Labels name the most important events (see :func:`~diplograph.timeline.layout.
  importance`), placed so that no label touches another label or a mark;
  a label with no free place is left out and the event stays a mark.
- When the data leaves a long empty gap (the 1953 armistice beside
  2018-2019), the time axis breaks into panels with break marks.
- A legend by event type in the Okabe-Ito colour-blind-safe palette, and a
  footnote naming the sources.

Examples
--------
>>> from diplograph import load, bundled_data
>>> from diplograph.rows import event_rows, statement_rows
>>> kg = load(bundled_data())
>>> ax = plot_timeline(event_rows(kg), statements=statement_rows(kg))
>>> len(timeline_axes(ax))  # the 1953 armistice sits behind an axis break
2
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._atomic import atomic_write
from ..errors import ModelError
from ..rows import EventRow, StatementRow
from .frame import draw_eras, draw_frame, epoch, make_panels, timeline_axes
from .items import Affine, Item, build_items, dodge, place_in_panels
from .labels import LabelPlacer, draw_labels
from .layout import Era, parse_era
from .legend import draw_legend, legend_columns, legend_handles, note_for
from .marks import draw_marks
from .style import DENSE_PER_INCH, LANE_PT, SUBROWS
from .svgtext import restyle, svg_text_halos

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_timeline", "save_figure", "timeline_axes"]


def plot_timeline(
    rows: Iterable[EventRow],
    *,
    statements: Iterable[StatementRow] | None = None,
    ax: Axes | None = None,
    lanes: str | Sequence[str] = "actor",
    eras: Iterable[str | Era] = (),
    title: str | None = None,
    label_top: int | None = None,
    max_lanes: int = 7,
    links: bool = True,
    legend: bool = True,
    break_gap_days: float = 3 * 365,
    width: float = 12.0,
    height: float | None = None,
    dpi: float = 100.0,
    contested: Iterable[str] = (),
) -> Axes:
    """Draw events (and statements) as a swimlane timeline and return its main Axes.

    Parameters
    ----------
    rows, statements
        Event rows (:func:`diplograph.rows.event_rows`, the ``events`` query), and
        statement rows, drawn on their speakers' lanes and joined to their events.
    ax
        Axes to draw into, else a new figure; after an axis break it is the widest
        panel and the others sit beside it (see :func:`timeline_axes`).
    lanes
        ``"actor"``, ``"type"``, ``"none"``, or a list of actor ids to give lanes to.
    eras
        Shaded periods, as :class:`~diplograph.timeline.layout.Era` or ``"LABEL:FROM/TO"``.
    title
        Title above the chart.
    label_top
        Label at most this many events, the most important first (default: up to 40).
    max_lanes
        Most lanes with ``lanes="actor"``, the "Others" lane included.
    links, legend
        Draw "leads to" / "follows" arcs; the legend and sources footnote below the
        chart (turn off when drawing into an ``ax`` with other Axes below it).
    break_gap_days
        An empty stretch longer than this (and than the data around it) breaks the axis.
    width, height, dpi
        Size of a new figure in inches (the height follows the lanes when None), its dpi.
    contested
        Ids of events whose date a source's report disputes (``diplograph conflicts``):
        their marks get a dashed black ring, which the legend explains.

    Returns
    -------
    matplotlib.axes.Axes
        The widest panel; every drawn artist carries a ``gid`` naming what it is
        (``events:summit``, ``bands``, ``label:<event id>``, ``axis-break``, ...).

    Raises
    ------
    ModelError
        No rows, an unknown lane mode, a malformed era, or a figure too small.

    Examples
    --------
    >>> from diplograph.dates import parse_date
    >>> rows = [EventRow("h", "Hanoi summit", "summit", parse_date("2019-02-27/2019-02-28")),
    ...         EventRow("m", "Missile tests", "missile_test", parse_date("2019-05"))]
    >>> ax = plot_timeline(rows, lanes="none", title="Korea")
    >>> [t.get_text().split(chr(10))[0] for t in ax.texts if t.get_gid().startswith("label:")]
    ['Hanoi summit', 'Missile tests']
    """
    rows, sts, era_list = _checked(rows, statements, eras, label_top)
    lane_names, items = build_items(rows, sts, lanes, max_lanes)
    segs = place_in_panels(items, break_gap_days)
    disputed = frozenset(contested)
    handles = legend_handles(items, sts, disputed) if legend else []
    if ax is None:
        ax = _new_axes(lane_names, len(segs), rows, sts, handles, legend, title, width, height, dpi)
    fig, axes = _draw_chart(ax, lane_names, items, segs, era_list, label_top, links, disputed)
    note = note_for(rows, sts, fig.get_figwidth(), axes[0].get_position().x0) if legend else ""
    draw_legend(fig, axes, handles, note, title)
    return ax


def _checked(
    rows: Iterable[EventRow],
    statements: Iterable[StatementRow] | None,
    eras: Iterable[str | Era],
    label_top: int | None,
) -> tuple[list[EventRow], list[StatementRow], list[Era]]:
    rows, sts = list(rows), list(statements or ())
    if not rows and not sts:
        raise ModelError("nothing to draw: no events match (got 0 rows)")
    era_list = [parse_era(e) for e in eras]
    if label_top is not None and label_top < 0:
        raise ModelError(f"label_top must be 0 or more (got {label_top})")
    return rows, sts, era_list


def _draw_chart(
    ax: Axes,
    lane_names: list[str],
    items: list[Item],
    segs: list[tuple[float, float]],
    eras: list[Era],
    label_top: int | None,
    links: bool,
    contested: frozenset[str] = frozenset(),
) -> tuple[Figure, list[Axes]]:
    """Panels, frame, eras, marks and labels; return the figure and the panels left to right."""
    from matplotlib.figure import Figure

    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    renderer = _renderer(fig)
    day0 = epoch()
    nl = len(lane_names)
    axes, segs = make_panels(fig, ax, segs, nl, day0)
    draw_frame(axes, lane_names, segs, fig)
    # thousands of marks: one thin strip per lane (no sub-rows), smaller marks, room for labels
    plot_w = sum(a.get_position().width for a in axes) * fig.get_figwidth()
    dense = sum(it.kind == "event" for it in items) / (nl * plot_w) > DENSE_PER_INCH
    dodge(items, {k: Affine(a) for k, a in enumerate(axes)}, day0, 1 if dense else len(SUBROWS))

    placer = LabelPlacer()
    draw_eras(axes, segs, eras, day0, renderer, placer)
    anchors = draw_marks(axes, items, day0, placer, links, dense, contested)
    draw_labels(axes, items, anchors, day0, renderer, placer, label_top)
    return fig, axes


def _new_axes(
    lane_names: list[str],
    panels: int,
    rows: list[EventRow],
    sts: list[StatementRow],
    handles: list[Any],
    legend: bool,
    title: str | None,
    width: float,
    height: float | None,
    dpi: float,
) -> Axes:
    """A new figure sized for the lanes, legend and footnote, and the Axes of the chart in it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    nl = len(lane_names)
    left = 0.25 + max(len(n) for n in lane_names) * LANE_PT * 0.62 / 72
    note = note_for(rows, sts, width, left / width) if legend else ""
    legend_rows = math.ceil(len(handles) / legend_columns(width, left / width, len(handles)))
    bottom = 0.55 + (0.19 * legend_rows + 0.12 * (note.count("\n") + 1) + 0.4 if legend else 0)
    top = 0.35 + (0.35 if title else 0.0)
    fig_h = height if height is not None else top + 0.82 * nl + bottom
    fig = Figure(figsize=(width, fig_h), dpi=dpi)
    FigureCanvasAgg(fig)
    need_h, need_w = top + bottom + 0.25 * nl, left + 0.3 + 2.0 * panels
    if fig_h < need_h or width < need_w:
        raise ModelError(
            f"a chart of {nl} lanes and {panels} panel(s) needs at least "
            f"{need_w:.1f} x {need_h:.1f} inches (got {width:g} x {fig_h:g}); "
            "give a larger --width/--height, or fewer lanes with --max-lanes"
        )
    rect = (left / width, bottom / fig_h, 1 - (left + 0.3) / width, 1 - (top + bottom) / fig_h)
    return fig.add_axes(rect)


def _renderer(fig: Figure) -> Any:
    """The figure's renderer, to measure text; an Agg canvas is attached if it has none."""
    canvas_renderer = getattr(fig.canvas, "get_renderer", None)
    if canvas_renderer is None:  # pragma: no cover - non-Agg canvases
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
        canvas_renderer = fig.canvas.get_renderer  # type: ignore[attr-defined]
    return canvas_renderer()


_FORMATS = ("png", "svg", "pdf")


def save_figure(
    fig: Figure | Axes, path: str | os.PathLike[str], *, dpi: float | None = None
) -> Path:
    """Write a chart to ``path`` as PNG, SVG or PDF (by its suffix), atomically.

    SVG and PDF carry no date and fixed element ids, so the same chart gives
    the same bytes every time.

    Raises
    ------
    ModelError
        The suffix is not .png, .svg or .pdf.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from diplograph.dates import parse_date
    >>> ax = plot_timeline([EventRow("a", "A", "summit", parse_date("2019-06-30"))])
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a.svg"
    >>> save_figure(ax, out).read_bytes() == save_figure(ax, out).read_bytes()
    True
    >>> save_figure(ax, "a.jpg")
    Traceback (most recent call last):
    ...
    diplograph.errors.ModelError: cannot tell the image format of 'a.jpg': ... (got '.jpg')
    """
    import matplotlib
    from matplotlib.figure import Figure

    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in _FORMATS:
        raise ModelError(
            f"cannot tell the image format of {str(path)!r}: use .png, .svg or .pdf "
            f"(got {target.suffix!r})"
        )
    figure = fig if isinstance(fig, Figure) else fig.get_figure()
    assert isinstance(figure, Figure)
    metadata: dict[str, Any] = {
        "svg": {"Date": None},
        "pdf": {"CreationDate": None, "ModDate": None},
        "png": {},
    }[fmt]
    # fixed ids, and text kept as <text> (searchable, selectable) rather than glyph outlines;
    # in SVG a label's white halo is a CSS stroke under the words, not an outline of them
    with (
        atomic_write(target) as fh,
        matplotlib.rc_context({"svg.hashsalt": "diplograph", "svg.fonttype": "none"}),
    ):
        if fmt != "svg":
            figure.savefig(fh, format=fmt, dpi=dpi, metadata=metadata)
            return target
        buf = io.BytesIO()
        with svg_text_halos(figure) as halos:
            figure.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
        fh.write(restyle(buf.getvalue(), halos))
    return target
