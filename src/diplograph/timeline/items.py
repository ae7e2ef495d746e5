"""What a timeline draws: one item per event or per group of statements, and where it sits.

An :class:`Item` is an event, or the statements of one lane on one date,
with its extent on the time axis, its lanes, its panel and its sub-row in
each lane. :func:`build_items` makes them from query rows, :func:`place_in_panels`
and :func:`dodge` decide where they go; the drawing modules only read them.

>>> from diplograph.dates import parse_date
>>> names, items = build_items([EventRow("a", "A", "summit", parse_date("2019-05"))], [],
...     "none", 7)
>>> names, items[0].text
(['All events'], 'A\\nMay 2019')
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import PRINCIPAL_ROLES
from ..rows import EventRow, StatementRow
from .layout import (
    Extent,
    assign_lanes,
    extent,
    find_segments,
    format_when,
    importance,
    statement_extent,
)
from .style import MARKER_PT, SUBROWS

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["Affine", "Item", "build_items", "dodge", "place_in_panels"]


@dataclass
class Item:
    """An event, or the statements of one lane on one date, as the chart draws it."""

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
        """The label: the event's name wrapped, then its date at its precision.

        Statements show who spoke and their words, abridged: the first
        statement's, then how many more the mark stands for.
        """
        if isinstance(self.row, EventRow):
            return f"{_wrap(self.row.label)}\n{format_when(self.row.time)}"
        who = ", ".join(dict.fromkeys(m.speaker_name for m in self.members))
        first = self.members[0]
        words = abridge(first.text)
        said = f"“{words}”" if first.mode == "direct_quote" else words
        more = len(self.members) - 1
        extra = f" (+{more} more)" if more else ""
        return f"{_wrap(f'{who}: {said}{extra}', 34)}\n{format_when(self.row.date)}"

    @property
    def x(self) -> float:
        """Where the item's mark sits on the time axis (a day number)."""
        return self.ext.mid


def abridge(text: str, words: int = 6) -> str:
    """The first ``words`` words of ``text``, with ``…`` when there were more.

    >>> abridge("Sometimes you have to walk, and this was just one of those times.", 6)
    'Sometimes you have to walk, and…'
    """
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + "…"


def _wrap(text: str, width: int = 26) -> str:
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


class Affine:
    """Data to display pixels for a linear-scale Axes, without matplotlib's per-call overhead."""

    def __init__(self, a: Axes) -> None:
        m = a.transData.get_affine().get_matrix()
        self.sx, self.tx = float(m[0, 0]), float(m[0, 2])
        self.sy, self.ty = float(m[1, 1]), float(m[1, 2])

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        return self.sx * x + self.tx, self.sy * y + self.ty

    def inverse(self, px: float, py: float) -> tuple[float, float]:
        """Display pixels back to data coordinates."""
        return (px - self.tx) / self.sx, (py - self.ty) / self.sy


def build_items(
    rows: Sequence[EventRow], statements: Sequence[StatementRow], lanes: Any, max_lanes: int
) -> tuple[list[str], list[Item]]:
    """The lane titles, and one item per event and per group of same-day statements on a lane."""
    la = assign_lanes(rows, statements, lanes=lanes, max_lanes=max_lanes)
    own = {k: i for i, k in enumerate(la.keys) if k != "*"}
    principal = {r.value for r in PRINCIPAL_ROLES}
    by_actor = not isinstance(lanes, str) or lanes == "actor"
    items: list[Item] = []
    for r in rows:
        it = Item("event", r.id, r.type, extent(r.time), la.events[r.id], importance(r), r)
        if by_actor:
            # mediators, escorts and observers: a small ring on their own lane, if they have one
            it.side = {
                own[p.actor]: p.role
                for p in r.participants
                if p.role not in principal and p.actor in own and own[p.actor] not in it.lanes
            }
        items.append(it)
    # statements on one lane with the same date share one mark
    groups: dict[tuple[int, str], Item] = {}
    for s in statements:
        key = (la.statements[s.id], str(s.date))
        if key in groups:
            groups[key].members.append(s)
            continue
        groups[key] = Item(
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


def place_in_panels(items: list[Item], gap_days: float) -> list[tuple[float, float]]:
    """Break the time axis at long empty gaps; set each item's panel; return the panels' ranges."""
    segs = find_segments([it.ext.known for it in items], gap_days=gap_days)
    for it in items:
        lo, hi = it.ext.known
        mid = (lo + hi) / 2
        it.seg = min(
            range(len(segs)),
            key=lambda k: 0 if segs[k][0] <= mid <= segs[k][1] else 1 + abs(segs[k][0] - mid),
        )
    return segs


def dodge(items: list[Item], px: dict[int, Affine], epoch: int, rows: int) -> None:
    """Give items that would touch on a lane their own sub-row (y offset within the lane)."""
    r = MARKER_PT
    last: dict[tuple[int, int, bool], list[float]] = {}
    none = [-math.inf] * rows
    for it in sorted(items, key=lambda i: (i.seg, i.ext.known[0], i.id)):
        f = px[it.seg]

        def to_px(v: float, f: Affine = f) -> float:
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
            it.ys[ln] = ln + SUBROWS[chosen]
