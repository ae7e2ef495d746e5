"""Labels: place each label near its mark without touching any other label or mark, and draw it.

A greedy placer over axis-aligned boxes in display pixels (y grows upwards).
Labels are placed in order of importance; each tries a fixed list of
positions around its anchor, nearest first (above, below, right, left, then
the same one step further out, with a leader line), and takes the first that
stays inside its bounds and overlaps no obstacle and no label placed before
it. A label with no free position is left out, so the chart never shows two
labels on top of each other. A uniform grid keeps the overlap test fast for
thousands of marks.

>>> placer = LabelPlacer(cell=20)
>>> placer.add_obstacle((0, 0, 10, 10))
>>> box, anchor, level = placer.place([(5, 5)], (30, 12), 5, (-100, -100, 100, 100)) or ((), 0, 0)
>>> not overlaps(box, (0, 0, 10, 10)), anchor, level
(True, 0, 0)
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .items import Affine, Item
from .style import AUTO_LABELS, LABEL_PT

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["Anchors", "Box", "LabelPlacer", "draw_labels", "overlaps"]

Box = tuple[float, float, float, float]
"""``(x0, y0, x1, y1)`` in display pixels, ``x0 <= x1`` and ``y0 <= y1``."""

Anchors = dict[str, list[tuple[float, float, float]]]
"""Where each item's label may attach: ``(x day number, y lane, radius in pixels)`` per mark."""


def overlaps(a: Box, b: Box, margin: float = 0.0) -> bool:
    """True if boxes ``a`` and ``b`` share more than a line, with ``margin`` pixels to spare.

    >>> overlaps((0, 0, 10, 10), (10, 0, 20, 10))
    False
    >>> overlaps((0, 0, 10, 10), (9, 9, 20, 20))
    True
    """
    return (
        a[0] < b[2] + margin
        and b[0] < a[2] + margin
        and a[1] < b[3] + margin
        and b[1] < a[3] + margin
    )


class LabelPlacer:
    """Boxes already on the chart, indexed by a grid of ``cell``-pixel squares."""

    def __init__(self, *, cell: float = 24.0, margin: float = 2.0, levels: int = 3) -> None:
        self.cell = cell
        self.margin = margin
        self.levels = levels
        self._grid: dict[tuple[int, int], list[int]] = {}
        self.boxes: list[Box] = []

    def _cells(self, box: Box) -> list[tuple[int, int]]:
        c = self.cell
        m = self.margin
        i0, i1 = int((box[0] - m) // c), int((box[2] + m) // c)
        j0, j1 = int((box[1] - m) // c), int((box[3] + m) // c)
        return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]

    def add_obstacle(self, box: Box) -> None:
        """Mark ``box`` as taken (a marker, a bar, a label already placed)."""
        k = len(self.boxes)
        self.boxes.append(box)
        for cell in self._cells(box):
            self._grid.setdefault(cell, []).append(k)

    def is_free(self, box: Box) -> bool:
        """True if ``box`` overlaps nothing taken (with the margin).

        >>> p = LabelPlacer()
        >>> p.add_obstacle((0, 0, 5, 5))
        >>> p.is_free((8, 8, 12, 12)), p.is_free((4, 4, 9, 9))
        (True, False)
        """
        seen: set[int] = set()
        for cell in self._cells(box):
            for k in self._grid.get(cell, ()):
                if k in seen:
                    continue
                seen.add(k)
                if overlaps(box, self.boxes[k], self.margin):
                    return False
        return True

    def candidates(
        self, anchor: tuple[float, float], size: tuple[float, float], radius: float
    ) -> list[tuple[Box, int]]:
        """Boxes around ``anchor``, nearest first, with their distance level (0 = touching).

        ``radius`` is the half-height of the mark (and its half-width for a
        point mark) the label must keep clear of.
        """
        x, y = anchor
        w, h = size
        gap = self.margin + 1.0
        out: list[tuple[Box, int]] = []
        step = h * 0.5 + gap
        for level in range(self.levels + 1):
            up = y + radius + gap + level * step
            down = y - radius - gap - level * step
            rows = [(up, up + h), (down - h, down)]
            for y0, y1 in rows:
                out.append(((x - w / 2, y0, x + w / 2, y1), level))
            if level == 0:
                out.append(((x + radius + gap, y - h / 2, x + radius + gap + w, y + h / 2), 0))
                out.append(((x - radius - gap - w, y - h / 2, x - radius - gap, y + h / 2), 0))
            for y0, y1 in rows:
                out.append(((x - radius, y0, x - radius + w, y1), level))
                out.append(((x + radius - w, y0, x + radius, y1), level))
        return out

    def place(
        self,
        anchors: Sequence[tuple[float, float]],
        size: tuple[float, float],
        radius: float,
        bounds: Box,
    ) -> tuple[Box, int, int] | None:
        """The first free box for a label of ``size`` near one of ``anchors``, now taken.

        Tries every anchor at the nearest level before moving further out.
        Returns ``(box, anchor index, level)``, or ``None`` (and takes
        nothing) when no position is free.
        """
        per_anchor = [self.candidates(a, size, radius) for a in anchors]
        for level in range(self.levels + 1):
            for k, cands in enumerate(per_anchor):
                for box, lvl in cands:
                    if lvl != level:
                        continue
                    if not (
                        box[0] >= bounds[0]
                        and box[1] >= bounds[1]
                        and box[2] <= bounds[2]
                        and box[3] <= bounds[3]
                    ):
                        continue
                    if self.is_free(box):
                        self.add_obstacle(box)
                        return box, k, level
        return None


def _ranked(items: list[Item], label_top: int | None) -> list[Item]:
    """The items to label, most important first: events, then (when few) statements."""
    events = [it for it in items if it.kind == "event"]
    limit = (
        label_top
        if label_top is not None
        else (len(events) if len(events) <= AUTO_LABELS else AUTO_LABELS)
    )
    ranked = heapq.nsmallest(limit, events, key=lambda it: (-it.weight, it.ext.known[0], it.id))
    said = [it for it in items if it.kind == "statement"]
    if label_top is None and len(events) <= AUTO_LABELS and len(said) <= AUTO_LABELS // 2:
        ranked += sorted(said, key=lambda it: (it.ext.known[0], it.id))
    return ranked


def draw_labels(
    axes: list[Axes],
    items: list[Item],
    anchors: Anchors,
    day0: int,
    renderer: Any,
    placer: LabelPlacer,
    label_top: int | None,
) -> None:
    """Label the most important items where ``placer`` finds room; leaders to distant labels."""
    import matplotlib.patheffects as pe
    from matplotlib.collections import LineCollection

    ranked = _ranked(items, label_top)
    fig = axes[0].get_figure()
    assert fig is not None
    dpp = fig.dpi / 72.0
    probe = fig.text(0, 0, "", fontsize=LABEL_PT, ha="left", va="bottom", linespacing=1.15)
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
        to_px = Affine(a)
        disp = [to_px(x - day0, y) for x, y, _ in pts]
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
            xy=(ax_x - day0, ax_y),
            xytext=((box[0] - ox) / dpp, (box[1] - oy) / dpp),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=LABEL_PT,
            linespacing=1.15,
            color="#111111",
            zorder=6,
            gid=f"label:{it.id}" if it.kind == "event" else f"statement-label:{it.id}",
            annotation_clip=False,
            **halo,
        )
        if level > 0:
            leaders.setdefault(it.seg, []).append(_leader(a, (ox, oy), box, radius))
    probe.remove()
    for k, segs in leaders.items():
        axes[k].add_collection(
            LineCollection(segs, colors="#999999", linewidths=0.5, zorder=1.6, gid="leaders")
        )


def _leader(a: Axes, origin: tuple[float, float], box: Box, radius: float) -> list[Any]:
    """The line, in data coordinates, from a mark's edge to the nearest edge of its label."""
    ox, oy = origin
    cx = min(max(ox, box[0]), box[2])
    cy = box[1] if box[1] > oy else box[3]
    inv = a.transData.inverted()
    return [
        tuple(inv.transform((ox, oy + (radius if cy > oy else -radius)))),
        tuple(inv.transform((cx, cy))),
    ]
