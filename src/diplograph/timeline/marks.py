"""The marks of a timeline, one function per kind: bands, bars, points, joins, roles, links.

:func:`draw_marks` goes over the items of each panel once, gathering what
to draw and marking every mark as taken for the label placer; then each
kind of mark is drawn as one collection, so that thousands of events stay
fast. Every artist gets a ``gid`` naming what it is (``bands``, ``bars``,
``events:summit``, ``statements:statement``, ``joins``, ``side-joins``,
``roles``, ``statement-count``, ``uncertain``, ``connectors``, ``links``,
``contested``),
so tests and SVG readers can find them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..rows import EventRow
from .items import Affine, Item
from .labels import Anchors, LabelPlacer
from .style import (
    BAND_H,
    BAR_H,
    CONTESTED_COLOUR,
    CONTESTED_DASH,
    CONTESTED_PT,
    EDGE,
    MARKER_PT,
    RING_PT,
    STATEMENT_PT,
    mark_style,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "draw_bands",
    "draw_bars",
    "draw_connectors",
    "draw_contested",
    "draw_counts",
    "draw_joins",
    "draw_links",
    "draw_marks",
    "draw_points",
    "draw_roles",
    "draw_uncertain",
]


@dataclass
class _Panel:
    """One panel's Axes, its pixel transform and the marks gathered on it."""

    a: Axes
    to_px: Affine
    day0: int
    dpp: float
    shrink: float
    bands: list[Any] = field(default_factory=list)
    band_fc: list[Any] = field(default_factory=list)
    band_ec: list[Any] = field(default_factory=list)
    bars: list[Any] = field(default_factory=list)
    bar_fc: list[Any] = field(default_factory=list)
    joins: list[Any] = field(default_factory=list)
    side_joins: list[Any] = field(default_factory=list)
    rings: list[tuple[float, float]] = field(default_factory=list)
    ring_colours: list[str] = field(default_factory=list)
    points: dict[tuple[str, str, bool], list[tuple[float, float]]] = field(default_factory=dict)
    qmarks: list[tuple[float, float]] = field(default_factory=list)
    counts: list[tuple[float, float, int]] = field(default_factory=list)
    contested: list[tuple[float, float]] = field(default_factory=list)


def draw_marks(
    axes: list[Axes],
    items: list[Item],
    day0: int,
    placer: LabelPlacer,
    links: bool,
    dense: bool = False,
    contested: frozenset[str] = frozenset(),
) -> Anchors:
    """Draw every mark; return the label anchors of each item: (x data, y data, radius px).

    ``dense``: thousands of marks, drawn smaller and half transparent, with
    faint joins, so that the strips stay readable and labels find room.
    ``contested``: ids of events whose date a source's report disputes, ringed.
    """
    fig = axes[0].get_figure()
    assert fig is not None
    anchors: Anchors = {}
    by_id = {it.id: it for it in items if it.kind == "event"}
    for k, a in enumerate(axes):
        seg_items = [it for it in items if it.seg == k]
        p = _Panel(a, Affine(a), day0, fig.dpi / 72.0, 0.6 if dense else 1.0)
        for it in seg_items:
            anchors[it.id] = _gather(p, it, placer)
            if it.kind == "event" and it.id in contested:
                p.contested += [(it.x - p.day0, y) for _, y, _ in anchors[it.id]]
        draw_bands(p)
        draw_bars(p)
        draw_joins(p, dense)
        draw_roles(p)
        draw_points(p, dense)
        draw_counts(p, placer)
        draw_uncertain(p, placer)
        draw_contested(p, placer)
        draw_connectors(p, seg_items, by_id, k)
        if links:
            draw_links(p, seg_items, by_id, k)
    return anchors


def _gather(p: _Panel, it: Item, placer: LabelPlacer) -> list[tuple[float, float, float]]:
    """Note the marks of one item on its panel; return where its label may attach."""
    colour, _ = mark_style(it.kind, it.type)
    ys = [it.ys[ln] for ln in it.lanes]
    if len(ys) > 1:
        p.joins.append([(it.x - p.day0, min(ys)), (it.x - p.day0, max(ys))])
    for ln in it.side:
        near = ys[0]
        for y in ys:
            if abs(y - ln) < abs(near - ln):
                near = y
        p.side_joins.append([(it.x - p.day0, near), (it.x - p.day0, float(ln))])
        p.rings.append((it.x - p.day0, float(ln)))
        p.ring_colours.append(colour)
        rx, ry = p.to_px(it.x - p.day0, float(ln))
        rr = RING_PT / 2 * p.dpp + 1
        placer.add_obstacle((rx - rr, ry - rr, rx + rr, ry + rr))
    return [_gather_on_lane(p, it, y, colour, placer) for y in ys]


def _gather_on_lane(
    p: _Panel, it: Item, y: float, colour: str, placer: LabelPlacer
) -> tuple[float, float, float]:
    """Note an item's band, bar or point on one lane; return its label anchor there."""
    from matplotlib.colors import to_rgba

    lo, hi = it.ext.known
    # an open end ("before July 2019") runs to the edge of the panel
    if it.ext.lo is None:
        lo = min(lo, p.a.get_xlim()[0] + p.day0)
    if it.ext.hi is None:
        hi = max(hi, p.a.get_xlim()[1] + p.day0)
    if not it.ext.exact and it.ext.core != it.ext.known:
        hb = BAND_H if it.kind == "event" else BAND_H * 0.55
        p.bands.append(_box(lo - p.day0, hi - p.day0, y, hb))
        p.band_fc.append(to_rgba(colour, 0.16))
        p.band_ec.append(to_rgba(colour, 0.55))
    if it.ext.core is not None:
        c0, c1 = it.ext.core
        p.bars.append(_box(c0 - p.day0, c1 - p.day0, y, BAR_H))
        p.bar_fc.append(to_rgba(colour, 0.9))
        x0p = p.to_px(c0 - p.day0, y)
        x1p = p.to_px(c1 - p.day0, y)
        hpx = BAR_H / 2 * abs(p.to_px.sy)
        placer.add_obstacle((x0p[0], x0p[1] - hpx, x1p[0], x1p[1] + hpx))
        if it.ext.uncertain:
            p.qmarks.append((c1 - p.day0, y))
        return (it.x, y, hpx)
    if it.kind == "event" and not it.ext.exact:
        # a band alone: the label attaches to its middle, clear of the band's height
        if it.ext.uncertain:
            p.qmarks.append((hi - p.day0, y))
        return (it.x, y, BAND_H / 2 * abs(p.to_px.sy))
    hollow = it.ext.uncertain or not it.ext.exact
    size = (MARKER_PT if it.kind == "event" else STATEMENT_PT) * p.shrink
    p.points.setdefault((it.kind, it.type, hollow), []).append((it.x - p.day0, y))
    cx, cy = p.to_px(it.x - p.day0, y)
    rpx = size / 2 * p.dpp + 1
    placer.add_obstacle((cx - rpx, cy - rpx, cx + rpx, cy + rpx))
    if it.ext.uncertain:
        p.qmarks.append((it.x - p.day0, y))
    if len(it.members) > 1:
        p.counts.append((it.x - p.day0, y, len(it.members)))
    return (it.x, y, rpx)


def _box(x0: float, x1: float, y: float, h: float) -> list[tuple[float, float]]:
    return [(x0, y - h / 2), (x1, y - h / 2), (x1, y + h / 2), (x0, y + h / 2)]


def draw_bands(p: _Panel) -> None:
    """Faint bands over the month, year or range of dates not known to the day."""
    from matplotlib.collections import PolyCollection

    if p.bands:
        p.a.add_collection(
            PolyCollection(
                p.bands,
                facecolors=p.band_fc,
                edgecolors=p.band_ec,
                linewidths=0.7,
                zorder=1.2,
                gid="bands",
            )
        )


def draw_bars(p: _Panel) -> None:
    """Solid bars over the days of an event that lasts several days."""
    from matplotlib.collections import PolyCollection

    if p.bars:
        p.a.add_collection(
            PolyCollection(
                p.bars, facecolors=p.bar_fc, edgecolors=EDGE, linewidths=0.6, zorder=2.5, gid="bars"
            )
        )


def draw_joins(p: _Panel, dense: bool) -> None:
    """Thin vertical lines joining the marks of one event on several participants' lanes."""
    from matplotlib.collections import LineCollection

    if p.joins:
        p.a.add_collection(
            LineCollection(
                p.joins,
                colors="#666666",
                linewidths=0.4 if dense else 1.0,
                alpha=0.2 if dense else 1.0,
                zorder=1.5,
                gid="joins",
            )
        )


def draw_roles(p: _Panel) -> None:
    """Rings on the lanes of mediators, escorts and observers, dotted to their event."""
    import numpy as np
    from matplotlib.collections import LineCollection

    if not p.rings:
        return
    p.a.add_collection(
        LineCollection(
            p.side_joins,
            colors="#888888",
            linewidths=0.9,
            linestyles=(0, (1, 1.5)),
            zorder=1.5,
            gid="side-joins",
        )
    )
    ring_xy = np.asarray(p.rings, dtype=float)
    p.a.scatter(
        ring_xy[:, 0],
        ring_xy[:, 1],
        s=RING_PT**2,
        marker="o",
        facecolors="white",
        edgecolors=p.ring_colours,
        linewidths=1.3,
        zorder=3,
        gid="roles",
    )


def draw_points(p: _Panel, dense: bool) -> None:
    """Markers of events and statements on a known day, by type; hollow when unsure."""
    import numpy as np

    for (kind, typ, hollow), pts in sorted(p.points.items()):
        colour, marker = mark_style(kind, typ)
        size = (MARKER_PT if kind == "event" else STATEMENT_PT) * p.shrink
        xy = np.asarray(pts, dtype=float)
        p.a.scatter(
            xy[:, 0],
            xy[:, 1],
            s=size**2,
            marker=marker,
            facecolors="white" if hollow else colour,
            edgecolors=colour if hollow else EDGE,
            linewidths=(1.2 if hollow else 0.6) * p.shrink,
            alpha=0.7 if dense else None,
            zorder=3,
            gid=f"{'statements' if kind == 'statement' else 'events'}:{typ}"
            + (":hollow" if hollow else ""),
        )


def draw_counts(p: _Panel, placer: LabelPlacer) -> None:
    """ "×n" beside a mark that stands for n statements."""
    for cx_, cy_, n in p.counts:
        t = p.a.annotate(
            f"\u00d7{n}",
            (cx_, cy_),
            xytext=(4.5, 0),
            textcoords="offset points",
            fontsize=7,
            va="center",
            color="#222222",
            gid="statement-count",
            zorder=4,
        )
        bb = t.get_window_extent()
        placer.add_obstacle((bb.x0, bb.y0, bb.x1, bb.y1))


def draw_contested(p: _Panel, placer: LabelPlacer) -> None:
    """A dashed black ring around each mark of an event whose date a report disputes."""
    if not p.contested:
        return
    xs, ys = zip(*p.contested, strict=True)
    size = CONTESTED_PT * p.shrink
    p.a.scatter(
        xs,
        ys,
        s=size**2,
        marker="o",
        facecolors="none",
        edgecolors=CONTESTED_COLOUR,
        linewidths=1.3,
        linestyles=CONTESTED_DASH,
        zorder=3.6,
        gid="contested",
    )
    for x, y in p.contested:
        cx, cy = p.to_px(x, y)
        r = size / 2 * p.dpp + 1
        placer.add_obstacle((cx - r, cy - r, cx + r, cy + r))


def draw_uncertain(p: _Panel, placer: LabelPlacer) -> None:
    """ "?" beside the mark of an uncertain or approximate date."""
    for qx, qy in p.qmarks:
        t = p.a.annotate(
            "?",
            (qx, qy),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=8,
            fontweight="bold",
            color="#222222",
            gid="uncertain",
            zorder=4,
        )
        bb = t.get_window_extent()
        placer.add_obstacle((bb.x0, bb.y0, bb.x1, bb.y1))


def draw_connectors(p: _Panel, seg_items: list[Item], by_id: dict[str, Item], k: int) -> None:
    """Dashed curves from statements to the events they are about, on the nearest lane."""
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    d0 = p.day0
    lines = []
    for it in seg_items:
        if it.kind != "statement":
            continue
        sy = it.ys[it.lanes[0]]
        about = dict.fromkeys(e for m in it.members for e in m.about_events)
        for eid in about:
            ev = by_id.get(eid)
            if ev is None or ev.seg != k:
                continue
            ln = min(ev.lanes, key=lambda n: abs(n - it.lanes[0]))
            p0 = p.to_px(it.x - d0, sy)
            p1 = p.to_px(ev.x - d0, ev.ys[ln])
            bow = min(0.3 * abs(p1[1] - p0[1]), 40 * p.dpp)
            ctrl = p.to_px.inverse((p0[0] + p1[0]) / 2 + bow, (p0[1] + p1[1]) / 2)
            lines.append(
                Path(
                    [(it.x - d0, sy), tuple(ctrl), (ev.x - d0, ev.ys[ln])],
                    [Path.MOVETO, Path.CURVE3, Path.CURVE3],
                )
            )
    if lines:
        p.a.add_collection(
            PathCollection(
                lines,
                facecolors="none",
                edgecolors="#444444",
                linewidths=0.6,
                alpha=0.75,
                linestyles=(0, (3, 2)),
                zorder=1.4,
                gid="connectors",
            )
        )


def draw_links(p: _Panel, seg_items: list[Item], by_id: dict[str, Item], k: int) -> None:
    """Arcs with an arrowhead for "leads to" / "follows" between events on this panel."""
    from matplotlib.patches import FancyArrowPatch

    pairs: set[tuple[str, str]] = set()
    for it in seg_items:
        if it.kind != "event":
            continue
        assert isinstance(it.row, EventRow)
        for nxt in it.row.leads_to:
            pairs.add((it.id, nxt))
        for prev in it.row.follows:
            pairs.add((prev, it.id))
    d0, dpp = p.day0, p.dpp
    arcs = []
    for src, dst in sorted(pairs):
        s_it, d_it = by_id.get(src), by_id.get(dst)
        if s_it is None or d_it is None or s_it.seg != k or d_it.seg != k:
            continue
        common = sorted(set(s_it.lanes) & set(d_it.lanes))
        ls, ld = (common[0], common[0]) if common else (s_it.lanes[0], d_it.lanes[0])
        p0 = p.to_px(s_it.x - d0, s_it.ys[ls])
        p1 = p.to_px(d_it.x - d0, d_it.ys[ld])
        length = max(float(math.dist(p0, p1)), 1.0)
        rad = -min(0.35, 28 * dpp / length) if p1[0] >= p0[0] else min(0.35, 28 * dpp / length)
        arcs.append(((s_it.x - d0, s_it.ys[ls]), (d_it.x - d0, d_it.ys[ld]), rad))
    for p0d, p1d, rad in arcs[:300]:
        p.a.add_patch(
            FancyArrowPatch(
                p0d,
                p1d,
                connectionstyle=f"arc3,rad={rad:.4f}",
                arrowstyle="-|>,head_length=3.5,head_width=2",
                mutation_scale=1.0,
                shrinkA=MARKER_PT * 0.7,
                shrinkB=MARKER_PT * 0.7,
                color="#8a8a8a",
                lw=0.9,
                zorder=1.3,
                gid="links",
            )
        )
