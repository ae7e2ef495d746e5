"""Drawing the parts of a timeline chart: panels, marks, labels, legend and footnote.

The private half of :mod:`diplograph.timeline`: it draws what the layout
decided. Every artist gets a ``gid`` naming what it is, so tests (and SVG
readers) can find the markers, bands, bars, labels and axis breaks.

>>> OKABE_ITO["vermillion"]
'#D55E00'
"""

from __future__ import annotations

import heapq
import math
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.ticker import Formatter

from ._labels import Box, LabelPlacer
from ._layout import Era, Extent, format_when, type_label
from .rows import Citation, EventRow, StatementRow

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["OKABE_ITO", "TYPE_STYLES", "sources_note"]

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}
"""The Okabe-Ito palette, distinguishable with the common colour-vision deficiencies."""

_O = OKABE_ITO
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "summit": (_O["vermillion"], "o"),
    "meeting": (_O["orange"], "o"),
    "talks": (_O["yellow"], "o"),
    "visit": (_O["sky blue"], "o"),
    "mediation": (_O["sky blue"], "h"),
    "border_crossing": (_O["reddish purple"], "^"),
    "agreement": (_O["blue"], "s"),
    "declaration": (_O["bluish green"], "s"),
    "missile_test": (_O["black"], "X"),
    "military_exercise": (_O["black"], "P"),
    "armed_conflict": (_O["black"], "*"),
    "sanctions": (_O["reddish purple"], "s"),
    "press_conference": (_O["bluish green"], "v"),
    "statement": ("#555555", "d"),
    "report": ("#555555", "v"),
}
"""Colour and marker of each event type: Okabe-Ito colours, told apart by shape as well."""

_DEFAULT_STYLE = ("#777777", "o")
_STATEMENT_STYLE = ("#3b3b3b", "D")
_MARKER_PT = 7.0
_RING_PT = 5.0
_STATEMENT_PT = 5.5
_LABEL_PT = 7.0
_LANE_PT = 9.0
_EDGE = "#1a1a1a"
_SUBROWS = (0.0, -0.24, 0.24, -0.40, 0.40)
_BAND_H = 0.30
_BAR_H = 0.16
_AUTO_LABELS = 40
_DENSE_PER_INCH = 3.0
"""Events per lane per inch of time axis above which a lane is drawn as one thin strip."""


@dataclass
class _Item:
    kind: str  # "event" or "statement"
    id: str
    type: str
    ext: Extent
    lanes: tuple[int, ...]
    weight: float
    row: EventRow | StatementRow
    seg: int = 0
    ys: dict[int, float] = field(default_factory=dict)
    members: list[StatementRow] = field(default_factory=list)
    side: dict[int, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The label: the event's name wrapped, then its date at its precision."""
        if isinstance(self.row, EventRow):
            return f"{_wrap(self.row.label)}\n{format_when(self.row.time)}"
        who = ", ".join(dict.fromkeys(m.speaker_name for m in self.members))
        n = len(self.members)
        said = f"{n} statements" if n > 1 else "statement"
        return f"{_wrap(who + ': ' + said)}\n{format_when(self.row.date)}"

    @property
    def x(self) -> float:
        return self.ext.mid


def _wrap(text: str, width: int = 26) -> str:
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _style(item: _Item) -> tuple[str, str]:
    if item.kind == "statement":
        return _STATEMENT_STYLE
    return TYPE_STYLES.get(item.type, _DEFAULT_STYLE)


def sources_note(
    rows: Iterable[EventRow | StatementRow], *, width: int = 200, max_lines: int = 4
) -> str:
    """A footnote naming the sources the rows cite, grouped by publisher.

    Examples
    --------
    >>> from diplograph.dates import parse_date
    >>> row = EventRow("a", "A", "summit", parse_date("2019"),
    ...     citations=(Citation("w", "Hanoi Summit", None, publisher="Wikipedia"),))
    >>> sources_note([row])
    'Sources: Wikipedia: Hanoi Summit.'
    """
    found: dict[str, Citation] = {}
    for row in rows:
        for c in row.citations:
            found.setdefault(c.source, c)
    if not found:
        return ""
    groups: dict[str, list[str]] = {}
    for c in sorted(found.values(), key=lambda c: ((c.publisher or "").casefold(), c.title)):
        groups.setdefault(c.publisher or "", []).append(c.title)
    parts = []
    for publisher, titles in sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0])):
        listed = "; ".join(f"\u201c{t}\u201d" if not publisher else t for t in titles)
        parts.append(f"{publisher}: {listed}" if publisher else listed)
    lines = textwrap.wrap("Sources: " + ". ".join(parts) + ".", width)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip() + " [...]"]
    return "\n".join(lines)


class _DateTicks(Formatter):
    """Tick labels at the ticks' precision; the year on the first tick and each new year."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]

    def format_ticks(self, values: Any) -> list[str]:
        import matplotlib.dates as mdates

        days = [mdates.num2date(v).date() for v in values]  # type: ignore[no-untyped-call]
        if all(d.month == 1 and d.day == 1 for d in days):
            return [str(d.year) for d in days]
        out = []
        for i, d in enumerate(days):
            text = f"{d:%b}" if all(x.day == 1 for x in days) else f"{d.day} {d:%b}"
            if i == 0 or d.year != days[i - 1].year:
                text += f"\n{d.year}"
            out.append(text)
        return out


class _Affine:
    """Data to display pixels for a linear-scale Axes, without matplotlib's per-call overhead."""

    def __init__(self, a: Axes) -> None:
        m = a.transData.get_affine().get_matrix()
        self.sx, self.tx = float(m[0, 0]), float(m[0, 2])
        self.sy, self.ty = float(m[1, 1]), float(m[1, 2])

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        return self.sx * x + self.tx, self.sy * y + self.ty

    def inverse(self, px: float, py: float) -> tuple[float, float]:
        return (px - self.tx) / self.sx, (py - self.ty) / self.sy


def _frame(
    axes: list[Axes], lane_names: list[str], segs: list[tuple[float, float]], fig: Figure
) -> None:
    import matplotlib.dates as mdates

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
        a.xaxis.set_major_formatter(_DateTicks())
        a.tick_params(axis="x", labelsize=8, colors="#333333")
        a.grid(axis="x", color="#dddddd", lw=0.6, zorder=0)
        a.set_axisbelow(True)
        if k == 0:
            a.set_yticks(range(nl), lane_names, fontsize=_LANE_PT, fontweight="bold")
        else:
            a.tick_params(axis="y", labelleft=False)
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


def _draw_eras(
    axes: list[Axes],
    segs: list[tuple[float, float]],
    eras: list[Era],
    epoch: int,
    renderer: Any,
    placer: LabelPlacer,
) -> None:
    for era in eras:
        for k, a in enumerate(axes):
            lo, hi = max(era.lo, segs[k][0]), min(era.hi, segs[k][1])
            if lo >= hi:
                continue
            a.axvspan(
                lo - epoch,
                hi - epoch,
                color="#0072B2",
                alpha=0.07,
                lw=0,
                zorder=0.5,
                gid=f"era:{era.label}",
            )
            t = a.annotate(
                era.label,
                xy=(lo - epoch, 1.0),
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


def _draw_marks(
    axes: list[Axes],
    items: list[_Item],
    epoch: int,
    placer: LabelPlacer,
    links: bool,
    dense: bool = False,
) -> dict[str, list[tuple[float, float, float]]]:
    """Draw every mark; return the label anchors of each item: (x data, y data, radius px).

    ``dense``: thousands of marks, drawn smaller and half transparent, with
    faint joins, so that the strips stay readable and labels find room.
    """
    from matplotlib.collections import LineCollection, PathCollection, PolyCollection
    from matplotlib.colors import to_rgba
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    fig = axes[0].get_figure()
    assert fig is not None
    dpp = fig.dpi / 72.0
    anchors: dict[str, list[tuple[float, float, float]]] = {}
    by_id = {it.id: it for it in items if it.kind == "event"}
    shrink = 0.6 if dense else 1.0
    for k, a in enumerate(axes):
        seg_items = [it for it in items if it.seg == k]
        to_px = _Affine(a)
        bands: list[Any] = []
        band_fc: list[Any] = []
        band_ec: list[Any] = []
        bars: list[Any] = []
        bar_fc: list[Any] = []
        joins: list[Any] = []
        side_joins: list[Any] = []
        rings: list[tuple[float, float]] = []
        ring_colours: list[str] = []
        points: dict[tuple[str, str, bool], list[tuple[float, float]]] = {}
        qmarks: list[tuple[float, float]] = []
        counts: list[tuple[float, float, int]] = []
        for it in seg_items:
            colour, marker = _style(it)
            lo, hi = it.ext.known
            # an open end ("before July 2019") runs to the edge of the panel
            if it.ext.lo is None:
                lo = min(lo, a.get_xlim()[0] + epoch)
            if it.ext.hi is None:
                hi = max(hi, a.get_xlim()[1] + epoch)
            hollow = it.ext.uncertain or not it.ext.exact
            ys = [it.ys[ln] for ln in it.lanes]
            if len(ys) > 1:
                joins.append([(it.x - epoch, min(ys)), (it.x - epoch, max(ys))])
            for ln in it.side:
                near = ys[0]
                for y in ys:
                    if abs(y - ln) < abs(near - ln):
                        near = y
                side_joins.append([(it.x - epoch, near), (it.x - epoch, float(ln))])
                rings.append((it.x - epoch, float(ln)))
                ring_colours.append(colour)
                rx, ry = to_px(it.x - epoch, float(ln))
                rr = _RING_PT / 2 * dpp + 1
                placer.add_obstacle((rx - rr, ry - rr, rx + rr, ry + rr))
            anchor_list = []
            for y in ys:
                if not it.ext.exact and it.ext.core != it.ext.known:
                    hb = _BAND_H if it.kind == "event" else _BAND_H * 0.55
                    bands.append(
                        [
                            (lo - epoch, y - hb / 2),
                            (hi - epoch, y - hb / 2),
                            (hi - epoch, y + hb / 2),
                            (lo - epoch, y + hb / 2),
                        ]
                    )
                    band_fc.append(to_rgba(colour, 0.16))
                    band_ec.append(to_rgba(colour, 0.55))
                if it.ext.core is not None:
                    c0, c1 = it.ext.core
                    bars.append(
                        [
                            (c0 - epoch, y - _BAR_H / 2),
                            (c1 - epoch, y - _BAR_H / 2),
                            (c1 - epoch, y + _BAR_H / 2),
                            (c0 - epoch, y + _BAR_H / 2),
                        ]
                    )
                    bar_fc.append(to_rgba(colour, 0.9))
                    x0p = to_px(c0 - epoch, y)
                    x1p = to_px(c1 - epoch, y)
                    hpx = _BAR_H / 2 * abs(to_px.sy)
                    placer.add_obstacle((x0p[0], x0p[1] - hpx, x1p[0], x1p[1] + hpx))
                    anchor_list.append((it.x, y, hpx))
                    if it.ext.uncertain:
                        qmarks.append((c1 - epoch, y))
                    continue
                if it.kind == "event" and not it.ext.exact:
                    # a band alone: the label attaches to its middle, clear of the band's height
                    anchor_list.append((it.x, y, _BAND_H / 2 * abs(to_px.sy)))
                    if it.ext.uncertain:
                        qmarks.append((hi - epoch, y))
                    continue
                size = (_MARKER_PT if it.kind == "event" else _STATEMENT_PT) * shrink
                points.setdefault((it.kind, it.type, hollow), []).append((it.x - epoch, y))
                cx, cy = to_px(it.x - epoch, y)
                rpx = size / 2 * dpp + 1
                placer.add_obstacle((cx - rpx, cy - rpx, cx + rpx, cy + rpx))
                anchor_list.append((it.x, y, rpx))
                if it.ext.uncertain:
                    qmarks.append((it.x - epoch, y))
                if len(it.members) > 1:
                    counts.append((it.x - epoch, y, len(it.members)))
            anchors[it.id] = anchor_list
        if bands:
            a.add_collection(
                PolyCollection(
                    bands,
                    facecolors=band_fc,
                    edgecolors=band_ec,
                    linewidths=0.7,
                    zorder=1.2,
                    gid="bands",
                )
            )
        if bars:
            a.add_collection(
                PolyCollection(
                    bars,
                    facecolors=bar_fc,
                    edgecolors=_EDGE,
                    linewidths=0.6,
                    zorder=2.5,
                    gid="bars",
                )
            )
        if joins:
            a.add_collection(
                LineCollection(
                    joins,
                    colors="#666666",
                    linewidths=0.4 if dense else 1.0,
                    alpha=0.2 if dense else 1.0,
                    zorder=1.5,
                    gid="joins",
                )
            )
        if rings:
            a.add_collection(
                LineCollection(
                    side_joins,
                    colors="#888888",
                    linewidths=0.9,
                    linestyles=(0, (1, 1.5)),
                    zorder=1.5,
                    gid="side-joins",
                )
            )
            ring_xy = np.asarray(rings, dtype=float)
            a.scatter(
                ring_xy[:, 0],
                ring_xy[:, 1],
                s=_RING_PT**2,
                marker="o",
                facecolors="white",
                edgecolors=ring_colours,
                linewidths=1.3,
                zorder=3,
                gid="roles",
            )
        for (kind, typ, hollow), pts in sorted(points.items()):
            colour, marker = (
                _STATEMENT_STYLE if kind == "statement" else TYPE_STYLES.get(typ, _DEFAULT_STYLE)
            )
            size = (_MARKER_PT if kind == "event" else _STATEMENT_PT) * shrink
            xy = np.asarray(pts, dtype=float)
            a.scatter(
                xy[:, 0],
                xy[:, 1],
                s=size**2,
                marker=marker,
                facecolors="white" if hollow else colour,
                edgecolors=colour if hollow else _EDGE,
                linewidths=(1.2 if hollow else 0.6) * shrink,
                alpha=0.7 if dense else None,
                zorder=3,
                gid=f"{'statements' if kind == 'statement' else 'events'}:{typ}"
                + (":hollow" if hollow else ""),
            )
        for cx_, cy_, n in counts:
            t = a.annotate(
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
        for qx, qy in qmarks:
            t = a.annotate(
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

        # statements joined to the events they are about, on the nearest lane
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
                p0 = to_px(it.x - epoch, sy)
                p1 = to_px(ev.x - epoch, ev.ys[ln])
                bow = min(0.3 * abs(p1[1] - p0[1]), 40 * dpp)
                ctrl = to_px.inverse((p0[0] + p1[0]) / 2 + bow, (p0[1] + p1[1]) / 2)
                lines.append(
                    Path(
                        [(it.x - epoch, sy), tuple(ctrl), (ev.x - epoch, ev.ys[ln])],
                        [Path.MOVETO, Path.CURVE3, Path.CURVE3],
                    )
                )
        if lines:
            a.add_collection(
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
        if not links:
            continue
        pairs: set[tuple[str, str]] = set()
        for it in seg_items:
            if it.kind != "event":
                continue
            assert isinstance(it.row, EventRow)
            for nxt in it.row.leads_to:
                pairs.add((it.id, nxt))
            for prev in it.row.follows:
                pairs.add((prev, it.id))
        arcs = []
        for src, dst in sorted(pairs):
            s_it, d_it = by_id.get(src), by_id.get(dst)
            if s_it is None or d_it is None or s_it.seg != k or d_it.seg != k:
                continue
            common = sorted(set(s_it.lanes) & set(d_it.lanes))
            ls, ld = (common[0], common[0]) if common else (s_it.lanes[0], d_it.lanes[0])
            p0 = to_px(s_it.x - epoch, s_it.ys[ls])
            p1 = to_px(d_it.x - epoch, d_it.ys[ld])
            length = max(float(math.dist(p0, p1)), 1.0)
            rad = -min(0.35, 28 * dpp / length) if p1[0] >= p0[0] else min(0.35, 28 * dpp / length)
            arcs.append(((s_it.x - epoch, s_it.ys[ls]), (d_it.x - epoch, d_it.ys[ld]), rad))
        for p0d, p1d, rad in arcs[:300]:
            a.add_patch(
                FancyArrowPatch(
                    p0d,
                    p1d,
                    connectionstyle=f"arc3,rad={rad:.4f}",
                    arrowstyle="-|>,head_length=3.5,head_width=2",
                    mutation_scale=1.0,
                    shrinkA=_MARKER_PT * 0.7,
                    shrinkB=_MARKER_PT * 0.7,
                    color="#8a8a8a",
                    lw=0.9,
                    zorder=1.3,
                    gid="links",
                )
            )
    return anchors


def _draw_labels(
    axes: list[Axes],
    items: list[_Item],
    anchors: dict[str, list[tuple[float, float, float]]],
    epoch: int,
    renderer: Any,
    placer: LabelPlacer,
    label_top: int | None,
) -> None:
    import matplotlib.patheffects as pe
    from matplotlib.collections import LineCollection

    events = [it for it in items if it.kind == "event"]
    limit = (
        label_top
        if label_top is not None
        else (len(events) if len(events) <= _AUTO_LABELS else _AUTO_LABELS)
    )
    ranked = heapq.nsmallest(limit, events, key=lambda it: (-it.weight, it.ext.known[0], it.id))
    said = [it for it in items if it.kind == "statement"]
    if label_top is None and len(events) <= _AUTO_LABELS and len(said) <= _AUTO_LABELS // 2:
        ranked += sorted(said, key=lambda it: (it.ext.known[0], it.id))
    fig = axes[0].get_figure()
    assert fig is not None
    dpp = fig.dpi / 72.0
    probe = fig.text(0, 0, "", fontsize=_LABEL_PT, ha="left", va="bottom", linespacing=1.15)
    leaders: dict[int, list[Any]] = {}
    # a white halo keeps a label readable over lines; past 60 labels a pale box, much cheaper
    halo: dict[str, Any] = {}
    if len(ranked) <= 60:
        halo["path_effects"] = [pe.withStroke(linewidth=2.5, foreground="white")]
    else:
        halo["bbox"] = {"boxstyle": "square,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8}
    for it in ranked:
        a = axes[it.seg]
        probe.set_text(it.text)
        bb = probe.get_window_extent(renderer)
        size = (bb.width, bb.height)
        bbox = a.get_window_extent(renderer)
        bounds: Box = (bbox.x0 + 1, bbox.y0 + 1, bbox.x1 - 1, bbox.y1 - 1)
        pts = anchors.get(it.id, [])
        to_px = _Affine(a)
        disp = [to_px(x - epoch, y) for x, y, _ in pts]
        if not pts:
            continue
        radius = max(r for _, _, r in pts)
        got = placer.place([(float(p[0]), float(p[1])) for p in disp], size, radius, bounds)
        if got is None:
            continue
        box, k, level = got
        ax_x, ax_y, _ = pts[k]
        ox, oy = disp[k]
        a.annotate(
            it.text,
            xy=(ax_x - epoch, ax_y),
            xytext=((box[0] - ox) / dpp, (box[1] - oy) / dpp),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=_LABEL_PT,
            linespacing=1.15,
            color="#111111",
            zorder=6,
            gid=f"label:{it.id}" if it.kind == "event" else f"statement-label:{it.id}",
            annotation_clip=False,
            **halo,
        )
        if level > 0:
            cx = min(max(ox, box[0]), box[2])
            cy = box[1] if box[1] > oy else box[3]
            inv = a.transData.inverted()
            leaders.setdefault(it.seg, []).append(
                [
                    tuple(inv.transform((ox, oy + (radius if cy > oy else -radius)))),
                    tuple(inv.transform((cx, cy))),
                ]
            )
    probe.remove()
    for k, segs in leaders.items():
        axes[k].add_collection(
            LineCollection(segs, colors="#999999", linewidths=0.5, zorder=1.6, gid="leaders")
        )


def _handles(items: list[_Item], statements: list[StatementRow]) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    order = list(TYPE_STYLES)
    types = sorted(
        {it.type for it in items if it.kind == "event"},
        key=lambda t: (order.index(t) if t in order else 99, t),
    )
    handles: list[Any] = []
    for t in types:
        colour, marker = TYPE_STYLES.get(t, _DEFAULT_STYLE)
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker=marker,
                color=colour,
                mec=_EDGE,
                mew=0.6,
                ms=_MARKER_PT,
                label=type_label(t),
            )
        )
    if statements:
        handles.append(
            Line2D(
                [],
                [],
                ls=(0, (3, 2)),
                lw=0.6,
                color="#444444",
                marker=_STATEMENT_STYLE[1],
                mfc=_STATEMENT_STYLE[0],
                mec=_EDGE,
                ms=_STATEMENT_PT,
                label="statement, joined to the event it is about",
            )
        )
    if any(not it.ext.exact and it.ext.core is None for it in items):
        handles.append(
            Patch(
                fc=(0.4, 0.4, 0.4, 0.16),
                ec=(0.4, 0.4, 0.4, 0.55),
                lw=0.7,
                label="date known only to the month or year, or to a range",
            )
        )
    if any(it.ext.core is not None for it in items):
        handles.append(Patch(fc="#999999", ec=_EDGE, lw=0.6, label="event over several days"))
    if any(it.ext.uncertain for it in items):
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                mfc="white",
                mec="#333333",
                ms=_MARKER_PT,
                label="? uncertain date",
            )
        )
    if any(len(it.lanes) > 1 for it in items):
        handles.append(
            Line2D([], [], color="#666666", lw=1.0, label="one event, several participants")
        )
    if any(it.side for it in items):
        handles.append(
            Line2D(
                [],
                [],
                color="#888888",
                lw=0.9,
                ls=(0, (1, 1.5)),
                marker="o",
                mfc="white",
                mec="#555555",
                ms=_RING_PT,
                label="mediator, escort or observer",
            )
        )
    if any(isinstance(it.row, EventRow) and (it.row.leads_to or it.row.follows) for it in items):
        handles.append(Line2D([], [], color="#8a8a8a", lw=0.9, marker=">", ms=4, label="led to"))
    return handles


def _ncol(fig_w: float, left: float, n: int) -> int:
    return max(1, min(n, int(fig_w * (1 - left) / 2.6)))


def _note(rows: list[EventRow], statements: list[StatementRow], fig_w: float, left: float) -> str:
    chars = int((fig_w * (1 - left) - 0.3) * 72 / (6.5 * 0.56))
    return sources_note([*rows, *statements], width=max(chars, 40))


def _legend_and_notes(
    fig: Figure, axes: list[Axes], handles: list[Any], note: str, title: str | None
) -> None:
    left = axes[0].get_position().x0
    bottom = min(a.get_position().y0 for a in axes)
    fig_h = fig.get_figheight()
    fig_w = fig.get_figwidth()
    ncol = _ncol(fig_w, left, len(handles))
    if handles:
        fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(left - 0.01, bottom - 0.42 / fig_h),
            ncol=ncol,
            frameon=False,
            fontsize=7.5,
            handlelength=1.8,
            columnspacing=1.4,
        )
    rows_legend = math.ceil(len(handles) / ncol)
    if note:
        fig.text(
            left,
            bottom - (0.55 + 0.19 * rows_legend) / fig_h,
            note,
            ha="left",
            va="top",
            fontsize=6.5,
            color="#555555",
            gid="sources",
        )
    if title:
        fig.text(
            left,
            axes[0].get_position().y1 + 0.3 / fig_h,
            title,
            ha="left",
            va="bottom",
            fontsize=13,
            fontweight="bold",
            gid="title",
        )
