"""The frame of a timeline: panels, lanes, date ticks, axis breaks and shaded eras.

After a long empty gap the time axis breaks into panels side by side
(:func:`make_panels`), each as wide as its share of the time shown; the
frame draws the lane stripes, the date ticks at their precision and the
break marks between panels.

>>> _pad((737000.0, 737010.0), 4.0)
(736960.0, 737050.0)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .labels import LabelPlacer
from .layout import Era
from .style import LANE_PT

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "draw_eras",
    "draw_frame",
    "epoch",
    "make_panels",
    "timeline_axes",
]


def epoch() -> int:
    """The day number of matplotlib's date epoch (x = day number - epoch on the Axes)."""
    import matplotlib.dates as mdates

    return date.fromisoformat(str(mdates.get_epoch())[:10]).toordinal()  # type: ignore[no-untyped-call]


def timeline_axes(ax: Axes) -> list[Axes]:
    """Every panel of the timeline drawn on ``ax``, left to right (several after an axis break).

    >>> from diplograph.dates import parse_date
    >>> from diplograph.rows import EventRow
    >>> from diplograph.timeline import plot_timeline
    >>> ax = plot_timeline([EventRow("a", "A", "summit", parse_date("2019-06-30"))])
    >>> timeline_axes(ax) == [ax]
    True
    """
    siblings = list(ax.get_shared_y_axes().get_siblings(ax))
    return sorted(siblings, key=lambda a: a.get_position().x0)


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


def make_panels(
    fig: Figure, ax: Axes, segs: list[tuple[float, float]], lanes: int, day0: int
) -> tuple[list[Axes], list[tuple[float, float]]]:
    """Split ``ax`` into one panel per time range; ``ax`` becomes the widest.

    Returns the panels left to right and their time ranges, padded so that
    labels fit beside the first and last marks.
    """
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
    segs = [_pad(seg, widths[k] * fig_w_in) for k, seg in enumerate(segs)]
    for k, a in enumerate(axes):
        a.set_xlim(segs[k][0] - day0, segs[k][1] - day0)
        a.set_ylim(lanes - 0.5, -0.5)
    return axes, segs


def draw_frame(
    axes: list[Axes], lane_names: list[str], segs: list[tuple[float, float]], fig: Figure
) -> None:
    """Lane stripes, date ticks and grid on every panel, lane titles on the first, then breaks."""
    import matplotlib.dates as mdates

    from .ticks import DateTicks

    nl = len(lane_names)
    for k, a in enumerate(axes):
        a.set_gid(f"timeline-panel-{k}")
        for ln in range(nl):
            if ln % 2 == 0:
                a.axhspan(ln - 0.5, ln + 0.5, color="#f3f3f3", zorder=0, lw=0)
        a.spines[["top", "right", "left"]].set_visible(False)
        a.tick_params(axis="y", length=0)
        width_in = a.get_position().width * fig.get_figwidth()
        locator = mdates.AutoDateLocator(minticks=2, maxticks=max(3, int(width_in * 1.1)))  # type: ignore[no-untyped-call]
        a.xaxis.set_major_locator(locator)
        a.xaxis.set_major_formatter(DateTicks())
        a.tick_params(axis="x", labelsize=8, colors="#333333")
        a.grid(axis="x", color="#dddddd", lw=0.6, zorder=0)
        a.set_axisbelow(True)
        if k == 0:
            a.set_yticks(range(nl), lane_names, fontsize=LANE_PT, fontweight="bold")
        else:
            a.tick_params(axis="y", labelleft=False)
    _draw_breaks(axes, segs, fig)


def _draw_breaks(axes: list[Axes], segs: list[tuple[float, float]], fig: Figure) -> None:
    """Break marks between neighbouring panels, and how many years lie between them."""
    for k in range(len(axes) - 1):
        left, right = axes[k], axes[k + 1]
        for a, xa in ((left, 1.0), (right, 0.0)):
            w = a.get_position().width * fig.get_figwidth()
            h = a.get_position().height * fig.get_figheight()
            dx, dy = 0.05 / w, 0.09 / h
            a.plot(
                [xa - dx, xa + dx],
                [-dy, dy],
                transform=a.transAxes,
                color="#222222",
                lw=1.2,
                clip_on=False,
                gid="axis-break",
                zorder=5,
            )
        years = (segs[k + 1][0] - segs[k][1]) / 365.25
        bx = (left.get_position().x1 + right.get_position().x0) / 2
        fig.text(
            bx,
            (left.get_position().y0 + left.get_position().y1) / 2,
            f"{years:.0f} years omitted",
            ha="center",
            va="center",
            rotation=90,
            fontsize=7,
            color="#555555",
            gid="axis-break-label",
        )


def draw_eras(
    axes: list[Axes],
    segs: list[tuple[float, float]],
    eras: list[Era],
    day0: int,
    renderer: Any,
    placer: LabelPlacer,
) -> None:
    """Shade each era on the panels it overlaps, titled at its start; titles block labels."""
    for era in eras:
        for k, a in enumerate(axes):
            lo, hi = max(era.lo, segs[k][0]), min(era.hi, segs[k][1])
            if lo >= hi:
                continue
            a.axvspan(
                lo - day0,
                hi - day0,
                color="#0072B2",
                alpha=0.07,
                lw=0,
                zorder=0.5,
                gid=f"era:{era.label}",
            )
            t = a.annotate(
                era.label,
                xy=(lo - day0, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(3, -3),
                textcoords="offset points",
                ha="left",
                va="top",
                fontsize=7.5,
                style="italic",
                color="#0b3d6b",
                gid=f"era-label:{era.label}",
            )
            bb = t.get_window_extent(renderer)
            placer.add_obstacle((bb.x0, bb.y0, bb.x1, bb.y1))
