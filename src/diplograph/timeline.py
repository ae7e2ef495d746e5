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
- Labels name the most important events (see :func:`~diplograph._layout.
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

import math
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._atomic import atomic_write
from ._draw import (
    _DENSE_PER_INCH,
    _LANE_PT,
    _MARKER_PT,
    _SUBROWS,
    OKABE_ITO,
    TYPE_STYLES,
    _Affine,
    _draw_eras,
    _draw_labels,
    _draw_marks,
    _frame,
    _handles,
    _Item,
    _legend_and_notes,
    _ncol,
    _note,
    sources_note,
)
from ._labels import LabelPlacer
from ._layout import (
    Era,
    assign_lanes,
    extent,
    find_segments,
    importance,
    parse_era,
    statement_extent,
)
from .errors import ModelError
from .model import PRINCIPAL_ROLES
from .rows import EventRow, StatementRow

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "TYPE_STYLES",
    "plot_timeline",
    "save_figure",
    "sources_note",
    "timeline_axes",
]


def _epoch() -> int:
    import matplotlib.dates as mdates

    return date.fromisoformat(str(mdates.get_epoch())[:10]).toordinal()  # type: ignore[no-untyped-call]


def timeline_axes(ax: Axes) -> list[Axes]:
    """Every panel of the timeline drawn on ``ax``, left to right (several after an axis break).

    >>> from diplograph.dates import parse_date
    >>> ax = plot_timeline([EventRow("a", "A", "summit", parse_date("2019-06-30"))])
    >>> timeline_axes(ax) == [ax]
    True
    """
    siblings = list(ax.get_shared_y_axes().get_siblings(ax))
    return sorted(siblings, key=lambda a: a.get_position().x0)


def _items(
    rows: Sequence[EventRow], statements: Sequence[StatementRow], lanes: Any, max_lanes: int
) -> tuple[list[str], list[_Item]]:
    la = assign_lanes(rows, statements, lanes=lanes, max_lanes=max_lanes)
    own = {k: i for i, k in enumerate(la.keys) if k != "*"}
    principal = {r.value for r in PRINCIPAL_ROLES}
    by_actor = not isinstance(lanes, str) or lanes == "actor"
    items: list[_Item] = []
    for r in rows:
        it = _Item("event", r.id, r.type, extent(r.time), la.events[r.id], importance(r), r)
        if by_actor:
            # mediators, escorts and observers: a small ring on their own lane, if they have one
            it.side = {
                own[p.actor]: p.role
                for p in r.participants
                if p.role not in principal and p.actor in own and own[p.actor] not in it.lanes
            }
        items.append(it)
    # statements on one lane with the same date share one mark
    groups: dict[tuple[int, str], _Item] = {}
    for s in statements:
        key = (la.statements[s.id], str(s.date))
        if key in groups:
            groups[key].members.append(s)
            continue
        groups[key] = _Item(
            "statement",
            s.id,
            "statement",
            statement_extent(s.date),
            (la.statements[s.id],),
            0.0,
            s,
            members=[s],
        )
    items.extend(groups.values())
    return la.names, items


def _segments(items: list[_Item], gap_days: float) -> list[tuple[float, float]]:
    segs = find_segments([it.ext.known for it in items], gap_days=gap_days)
    for it in items:
        lo, hi = it.ext.known
        mid = (lo + hi) / 2
        it.seg = min(
            range(len(segs)),
            key=lambda k: 0 if segs[k][0] <= mid <= segs[k][1] else 1 + abs(segs[k][0] - mid),
        )
    return segs


def _pad(seg: tuple[float, float], width_in: float) -> tuple[float, float]:
    """Widen a panel's time range so that labels fit beside the first and last marks."""
    lo, hi = seg
    span = max(hi - lo, 1.0)
    room = min(0.8, width_in / 4)
    pad = span * room / max(width_in - 2 * room, 0.1)
    if span + 2 * pad < 90:
        pad = (90 - span) / 2
    # matplotlib's dates run from year 1 to 9999: a pad must not cross either end
    return max(lo - pad, _FIRST_DAY), min(hi + pad, _LAST_DAY)


_FIRST_DAY = date(1, 1, 1).toordinal() + 1
_LAST_DAY = date(9999, 12, 31).toordinal()


def _widths(spans: list[float], total: float, minimum: float) -> list[float]:
    n = len(spans)
    minimum = min(minimum, total / n)
    fixed: dict[int, float] = {}
    while True:
        free = [k for k in range(n) if k not in fixed]
        room = total - sum(fixed.values())
        weight = sum(spans[k] for k in free) or 1.0
        out = {k: room * spans[k] / weight for k in free}
        small = [k for k in free if out[k] < minimum]
        if not small:
            out.update(fixed)
            return [out[k] for k in range(n)]
        for k in small:
            fixed[k] = minimum


def _dodge(items: list[_Item], px: dict[int, _Affine], epoch: int, rows: int) -> None:
    """Give items that would touch on a lane their own sub-row (y offset within the lane)."""
    r = _MARKER_PT
    last: dict[tuple[int, int, bool], list[float]] = {}
    none = [-math.inf] * rows
    for it in sorted(items, key=lambda i: (i.seg, i.ext.known[0], i.id)):
        f = px[it.seg]

        def to_px(v: float, f: _Affine = f) -> float:
            return f(v - epoch, 0.0)[0]

        lo, hi = it.ext.known
        band = it.ext.core is None and not it.ext.exact and it.kind == "event"
        x0 = to_px(lo) - (0 if band else r)
        x1 = to_px(hi if not it.ext.exact else lo) + (0 if band else r)
        if not band and not it.ext.exact:
            x0 = x1 = to_px(it.x)
            x0, x1 = x0 - r, x1 + r
        chosen = None
        for row in range(rows):
            if all(last.get((it.seg, ln, band), none)[row] < x0 for ln in it.lanes):
                chosen = row
                break
        if chosen is None:
            chosen = min(
                range(rows),
                key=lambda k: max(last.get((it.seg, ln, band), none)[k] for ln in it.lanes),
            )
        for ln in it.lanes:
            ends = last.setdefault((it.seg, ln, band), list(none))
            ends[chosen] = max(ends[chosen], x1)
            it.ys[ln] = ln + _SUBROWS[chosen]


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
) -> Axes:
    """Draw events (and statements) as a swimlane timeline and return its main Axes.

    Parameters
    ----------
    rows
        Event rows, e.g. from :func:`diplograph.rows.event_rows` or the
        ``events`` query.
    statements
        Statement rows to draw on their speakers' lanes, each joined to the
        events it is about.
    ax
        Axes to draw into. Without it a new figure of ``width`` x ``height``
        inches is made (the height follows the number of lanes when None).
        After an axis break, ``ax`` becomes the widest panel and the other
        panels are added beside it (see :func:`timeline_axes`).
    lanes
        ``"actor"``, ``"type"``, ``"none"``, or a list of actor ids to give
        lanes to, in order.
    eras
        Shaded periods, as :class:`~diplograph._layout.Era` or
        ``"LABEL:FROM/TO"`` strings.
    title
        Title above the chart.
    label_top
        Label at most this many events, the most important first. Default:
        every event when there are at most 40, else the 40 most important.
    max_lanes
        Most lanes with ``lanes="actor"``, the "Others" lane included.
    links
        Draw "leads to" / "follows" arcs.
    legend
        Draw the legend and the sources footnote below the chart (turn off
        when drawing into an ``ax`` with other Axes below it).
    break_gap_days
        An empty stretch longer than this (and longer than the data around
        it) breaks the time axis.
    width, height, dpi
        Size of a new figure, in inches, and its resolution.

    Returns
    -------
    matplotlib.axes.Axes
        The widest panel; every drawn artist carries a ``gid`` naming what it
        is (``events:summit``, ``bands``, ``bars``, ``statements``,
        ``joins``, ``connectors``, ``links``, ``label:<event id>``,
        ``axis-break``).

    Raises
    ------
    ModelError
        No rows, an unknown lane mode or a malformed era.

    Examples
    --------
    >>> from diplograph.dates import parse_date
    >>> rows = [EventRow("h", "Hanoi summit", "summit", parse_date("2019-02-27/2019-02-28")),
    ...         EventRow("m", "Missile tests", "missile_test", parse_date("2019-05"))]
    >>> ax = plot_timeline(rows, lanes="none", title="Korea")
    >>> [t.get_text().split(chr(10))[0] for t in ax.texts if t.get_gid().startswith("label:")]
    ['Hanoi summit', 'Missile tests']
    """
    from matplotlib.figure import Figure

    rows = list(rows)
    sts = list(statements or ())
    if not rows and not sts:
        raise ModelError("nothing to draw: no events match (got 0 rows)")
    era_list = [parse_era(e) for e in eras]
    if label_top is not None and label_top < 0:
        raise ModelError(f"label_top must be 0 or more (got {label_top})")
    lane_names, items = _items(rows, sts, lanes, max_lanes)
    segs = _segments(items, break_gap_days)
    nl = len(lane_names)

    handles = _handles(items, sts) if legend else []
    if ax is None:
        left = 0.25 + max(len(n) for n in lane_names) * _LANE_PT * 0.62 / 72
        note = _note(rows, sts, width, left / width) if legend else ""
        legend_rows = math.ceil(len(handles) / _ncol(width, left / width, len(handles)))
        bottom = 0.55 + (0.19 * legend_rows + 0.12 * (note.count("\n") + 1) + 0.4 if legend else 0)
        top = 0.35 + (0.35 if title else 0.0)
        fig_h = height if height is not None else top + 0.82 * nl + bottom
        fig = Figure(figsize=(width, fig_h), dpi=dpi)
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
        need_h, need_w = top + bottom + 0.25 * nl, left + 0.3 + 2.0 * len(segs)
        if fig_h < need_h or width < need_w:
            raise ModelError(
                f"a chart of {nl} lanes and {len(segs)} panel(s) needs at least "
                f"{need_w:.1f} x {need_h:.1f} inches (got {width:g} x {fig_h:g}); "
                "give a larger --width/--height, or fewer lanes with --max-lanes"
            )
        rect = (left / width, bottom / fig_h, 1 - (left + 0.3) / width, 1 - (top + bottom) / fig_h)
        ax = fig.add_axes(rect)
    got = ax.get_figure()
    assert isinstance(got, Figure)
    fig = got
    canvas_renderer = getattr(fig.canvas, "get_renderer", None)
    if canvas_renderer is None:  # pragma: no cover - non-Agg canvases
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
        canvas_renderer = fig.canvas.get_renderer  # type: ignore[attr-defined]
    renderer = canvas_renderer()
    pos = ax.get_position()
    fig_w_in = fig.get_figwidth()
    sep = 0.24 / fig_w_in
    widths = _widths(
        [hi - lo for lo, hi in segs], pos.width - sep * (len(segs) - 1), 1.9 / fig_w_in
    )
    main = max(range(len(segs)), key=lambda k: widths[k])
    axes: list[Axes] = []
    x = pos.x0
    for k, w in enumerate(widths):
        r = (x, pos.y0, w, pos.height)
        if k == main:
            ax.set_position(r)
            axes.append(ax)
        else:
            axes.append(fig.add_axes(r, sharey=ax))
        x += w + sep
    epoch = _epoch()
    segs = [_pad(seg, widths[k] * fig_w_in) for k, seg in enumerate(segs)]
    for k, a in enumerate(axes):
        a.set_xlim(segs[k][0] - epoch, segs[k][1] - epoch)
        a.set_ylim(nl - 0.5, -0.5)
    _frame(axes, lane_names, segs, fig)
    # thousands of marks: one thin strip per lane (no sub-rows), smaller marks, room for labels
    plot_w = sum(a.get_position().width for a in axes) * fig_w_in
    dense = sum(it.kind == "event" for it in items) / (nl * plot_w) > _DENSE_PER_INCH
    _dodge(items, {k: _Affine(a) for k, a in enumerate(axes)}, epoch, 1 if dense else len(_SUBROWS))

    placer = LabelPlacer()
    _draw_eras(axes, segs, era_list, epoch, renderer, placer)
    anchors = _draw_marks(axes, items, epoch, placer, links, dense)
    _draw_labels(axes, items, anchors, epoch, renderer, placer, label_top)
    note = _note(rows, sts, fig.get_figwidth(), axes[0].get_position().x0)
    _legend_and_notes(fig, axes, handles, note if legend else "", title)
    return ax


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
    # fixed ids, and text kept as <text> (searchable, selectable) rather than glyph outlines
    with (
        atomic_write(target) as fh,
        matplotlib.rc_context({"svg.hashsalt": "diplograph", "svg.fonttype": "none"}),
    ):
        figure.savefig(fh, format=fmt, dpi=dpi, metadata=metadata)
    return target
