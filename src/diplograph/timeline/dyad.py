"""The dyad chart: reports between two sides per period, by quad class, with the Goldstein line.

Bars stack the reports counted in each period by CAMEO quad class (or CAMEO
root); the reports known only coarser than the period that may fall in it sit
on top, hatched and pale, so they are never read as counted there. A second
axis carries the mean Goldstein value with a band of one standard deviation
either side, where the sources give one. The pair's curated events (summits,
meetings, missile tests) are marked on the same time axis and labelled; the
footnote names the sources and the days they cover. Save with
:func:`~diplograph.timeline.plot.save_figure` (deterministic SVG and PDF).

Examples
--------
>>> from diplograph.importers import Report
>>> from diplograph.query.dyad import dyad
>>> rows = [Report(id="r1", source="s", date="2019-02-27", cameo="042", source_actor="a",
...     target_actor="b", goldstein=1.9, file="f", row=1)]
>>> ax = plot_dyad(dyad(rows, "a", "b"))
>>> [float(p.get_height()) for p in ax.patches]
[1.0]
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..query.dyad import UNCLASSIFIED, DyadTable
from ..rows import EventRow
from .style import OKABE_ITO

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["QUAD_COLOURS", "plot_dyad"]

QUAD_COLOURS = {
    "verbal_cooperation": OKABE_ITO["sky blue"],
    "material_cooperation": OKABE_ITO["blue"],
    "verbal_conflict": OKABE_ITO["orange"],
    "material_conflict": OKABE_ITO["vermillion"],
    UNCLASSIFIED: "#BBBBBB",
}
"""The colour of each quad class: blues for cooperation, orange and red for conflict."""

_EVENT_COLOURS = {"missile_test": OKABE_ITO["vermillion"], "military_exercise": "#CC79A7"}


def _label(cls: str) -> str:
    return cls.replace("_", " ") if not cls.isdigit() else f"CAMEO {cls}"


def _colour(cls: str, i: int, n: int) -> Any:
    if cls in QUAD_COLOURS:
        return QUAD_COLOURS[cls]
    import matplotlib

    return matplotlib.colormaps["viridis"](i / max(n - 1, 1))


def _bars(ax: Axes, table: DyadTable) -> None:
    mdates: Any = importlib.import_module("matplotlib.dates")

    xs = [mdates.date2num(r.start) for r in table.rows]
    widths = [((r.end - r.start).days + 1) * 0.8 for r in table.rows]
    bottom = [0.0] * len(table.rows)
    classes = table.classes
    for i, cls in enumerate(classes):
        heights = [float(r.by_class(cls)) for r in table.rows]
        if not any(heights):
            continue
        ax.bar(
            xs,
            heights,
            widths,
            bottom=bottom,
            align="edge",
            color=_colour(cls, i, len(classes)),
            label=_label(cls),
            linewidth=0,
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    coarse = [float(r.total_coarser()) for r in table.rows]
    if any(coarse):
        ax.bar(
            xs,
            coarse,
            widths,
            bottom=bottom,
            align="edge",
            color="white",
            edgecolor="#777777",
            hatch="////",
            linewidth=0.5,
            label=f"known only coarser than a {table.by} (may fall here)",
        )


def _goldstein(ax: Axes, table: DyadTable) -> Axes | None:
    mdates: Any = importlib.import_module("matplotlib.dates")

    points = [(r, r.goldstein) for r in table.rows if r.goldstein.n]
    if not points:
        return None
    ax2 = ax.twinx()
    xs = [mdates.date2num(r.start + (r.end - r.start) / 2) for r, _ in points]
    mean = [g.mean for _, g in points]
    sd = [g.sd for _, g in points]
    ax2.fill_between(
        xs,
        [m - s for m, s in zip(mean, sd, strict=True)],
        [m + s for m, s in zip(mean, sd, strict=True)],
        color="#444444",
        alpha=0.15,
        linewidth=0,
        label="Goldstein ± 1 sd",
    )
    ax2.plot(
        xs, mean, color="#222222", linewidth=1.4, marker="o", markersize=2.5, label="Goldstein mean"
    )
    ax2.axhline(0, color="#222222", linewidth=0.5, linestyle=":")
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("Goldstein scale (mean ± sd)")
    return ax2


def _force(ax: Axes, table: DyadTable) -> None:
    """One-sided reports of force (missile tests): triangles under the bars, not counted."""
    mdates: Any = importlib.import_module("matplotlib.dates")
    from matplotlib.transforms import blended_transform_factory

    names = {table.a.id: table.a.name, table.b.id: table.b.name}
    where = blended_transform_factory(ax.transData, ax.transAxes)
    groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for m in table.force:
        x0 = mdates.date2num(m.first)
        x1 = mdates.date2num(m.last + timedelta(days=1))
        groups.setdefault((m.side, m.type), []).extend([(x0, x1)] * m.reports)
    for i, ((who, kind), spans) in enumerate(sorted(groups.items())):
        colour = _EVENT_COLOURS.get(kind, "#CC79A7")
        y = 0.03 + 0.035 * i
        exact = [x0 for x0, x1 in spans if x1 - x0 <= 1.5]
        what = f"{kind.replace('_', ' ')} by {names.get(who, who)}"
        label = f"{what} ({len(spans)} one-sided reports, not counted)"
        ax.scatter(
            exact,
            [y] * len(exact),
            marker="^",
            s=14,
            color=colour,
            transform=where,
            label=label,
            zorder=3,
            linewidths=0,
        )
        for x0, x1 in spans:
            if x1 - x0 > 1.5:
                ax.plot([x0, x1], [y, y], color=colour, linewidth=2, alpha=0.5, transform=where)


def _events(ax: Axes, events: Sequence[EventRow]) -> None:
    mdates: Any = importlib.import_module("matplotlib.dates")

    top = ax.get_ylim()[1]
    right: list[float] = []
    lo, hi = ax.get_xlim()
    per_char = (hi - lo) * 3.9 / (_figure(ax).get_figwidth() * 72 * 0.87)
    for e in events:
        x0 = mdates.date2num(e.time.earliest)
        x1 = mdates.date2num(e.time.latest + timedelta(days=1))
        colour = _EVENT_COLOURS.get(e.type, "#222222")
        if x1 - x0 > 1.5:
            ax.axvspan(x0, x1, color=colour, alpha=0.12, linewidth=0)
        ax.axvline(x0, color=colour, linewidth=0.9, linestyle="--", alpha=0.8)
        level = next((i for i, x in enumerate(right) if x0 > x), len(right))
        if level == len(right):
            right.append(x0)
        right[level] = x0 + per_char * (len(e.label) + 2)
        ax.annotate(
            e.label,
            (x0, top),
            xytext=(2, -4 - 11 * (level % 6)),
            textcoords="offset points",
            fontsize=7,
            color=colour,
            va="top",
            ha="left",
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )


def _footnote(table: DyadTable) -> str:
    parts = [
        f"{c.source}: {c.reports:,} reports, {c.first.isoformat()} to {c.last.isoformat()}"
        for c in table.sources
    ]
    note = "Counted: " + ("; ".join(parts) if parts else "no reports") + "."
    marked: dict[str, list[date]] = {}
    for m in table.force:
        marked.setdefault(m.source, []).extend([m.first, m.last])
    if marked:
        note += (
            " Marked, not counted: "
            + "; ".join(
                f"{src} ({min(days).isoformat()} to {max(days).isoformat()})"
                for src, days in sorted(marked.items())
            )
            + "."
        )
    if not any(r.goldstein.n for r in table.rows):
        note += " No Goldstein values in these sources."
    if table.coarser:
        note += (
            f" {table.coarser:,} of {table.reports:,} reports are known only coarser than a "
            f"{table.by}: hatched in every {table.by} they may fall in, never counted in one."
        )
    return note


def plot_dyad(
    table: DyadTable,
    events: Sequence[EventRow] = (),
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw ``table`` (from :func:`~diplograph.query.dyad.dyad`) with ``events`` marked.

    Parameters
    ----------
    table
        The dyad's periods.
    events
        The pair's curated events (see :func:`~diplograph.query.sides.pair_events`).
    ax
        Axes to draw on; a new figure when ``None``.
    title
        The title; by default the two sides and the bin.

    Returns
    -------
    Axes
        The axes of the bars (the Goldstein line is on a twin axis).
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    mdates: Any = importlib.import_module("matplotlib.dates")
    import matplotlib.pyplot as plt

    if ax is None:
        fig, ax = plt.subplots(figsize=(12, 6.2))
        fig.subplots_adjust(left=0.06, right=0.93, top=0.9, bottom=0.2)
    fig = _figure(ax)
    if table.rows:
        _bars(ax, table)
        lo, hi = table.rows[0].start, table.rows[-1].end + timedelta(days=1)
        ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    ax.set_ylim(0, max(1.0, ax.get_ylim()[1]) * 1.45)
    ax.set_ylabel(f"reports per {table.by}")
    locator = mdates.AutoDateLocator(minticks=4, maxticks=14)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.spines["top"].set_visible(False)
    ax2 = _goldstein(ax, table)
    _force(ax, table)
    shown = [e for e in events if _inside(e, table)]
    _events(ax, shown)
    handles, labels = ax.get_legend_handles_labels()
    if ax2 is not None:
        h2, l2 = ax2.get_legend_handles_labels()
        handles, labels = handles + h2, labels + l2
    if handles:
        ax.legend(
            handles,
            labels,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.08),
            ncol=4,
            fontsize=8,
            frameon=False,
        )
    name = f"{table.a.name} – {table.b.name}"
    ax.set_title(title or f"{name}: reports per {table.by} by CAMEO quad class", fontsize=11)
    if table.reason:
        ax.text(0.5, 0.5, table.reason, transform=ax.transAxes, ha="center", wrap=True)
    import textwrap

    fig.text(
        0.06,
        0.015,
        "\n".join(textwrap.wrap(_footnote(table), 190)),
        fontsize=7,
        color="#444444",
        va="bottom",
    )
    return ax


def _figure(ax: Axes) -> Any:
    return ax.figure


def _inside(e: EventRow, table: DyadTable) -> bool:
    if not table.rows:
        return False
    start: date = table.rows[0].start
    end: date = table.rows[-1].end
    return e.time.latest >= start and e.time.earliest <= end
