"""The legend below a timeline (an entry per kind of mark shown), the sources note, the title."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..rows import Citation, EventRow, StatementRow
from .items import Item
from .layout import type_label
from .style import (
    CONTESTED_COLOUR,
    CONTESTED_DASH,
    CONTESTED_PT,
    DEFAULT_STYLE,
    EDGE,
    MARKER_PT,
    RING_PT,
    STATEMENT_PT,
    STATEMENT_STYLE,
    TYPE_STYLES,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_legend", "legend_columns", "legend_handles", "note_for", "sources_note"]


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


def _type_handles(items: list[Item]) -> list[Any]:
    from matplotlib.lines import Line2D

    order = list(TYPE_STYLES)
    types = sorted(
        {it.type for it in items if it.kind == "event"},
        key=lambda t: (order.index(t) if t in order else 99, t),
    )
    handles: list[Any] = []
    for t in types:
        colour, marker = TYPE_STYLES.get(t, DEFAULT_STYLE)
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker=marker,
                color=colour,
                mec=EDGE,
                mew=0.6,
                ms=MARKER_PT,
                label=type_label(t),
            )
        )
    return handles


def _statement_handle() -> Any:
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        ls=(0, (3, 2)),
        lw=0.6,
        color="#444444",
        marker=STATEMENT_STYLE[1],
        mfc=STATEMENT_STYLE[0],
        mec=EDGE,
        ms=STATEMENT_PT,
        label="statement, joined to the event it is about",
    )


def _date_handles(items: list[Item]) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
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
        handles.append(Patch(fc="#999999", ec=EDGE, lw=0.6, label="event over several days"))
    if any(it.ext.uncertain for it in items):
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                mfc="white",
                mec="#333333",
                ms=MARKER_PT,
                label="? uncertain date",
            )
        )
    return handles


def _line_handles(items: list[Item]) -> list[Any]:
    from matplotlib.lines import Line2D

    handles: list[Any] = []
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
                ms=RING_PT,
                label="mediator, escort or observer",
            )
        )
    if any(isinstance(it.row, EventRow) and (it.row.leads_to or it.row.follows) for it in items):
        handles.append(Line2D([], [], color="#8a8a8a", lw=0.9, marker=">", ms=4, label="led to"))
    return handles


def _contested_handle() -> Any:
    """The legend's key for a disputed date: the chart's dashed ring (see :func:`_ring_key`)."""
    from matplotlib.patches import Circle

    return Circle(
        (0, 0),
        CONTESTED_PT * 0.8 / 2,
        fill=False,
        ec=CONTESTED_COLOUR,
        lw=1.3,
        ls=CONTESTED_DASH,
        label="date disputed by a source's report",
    )


def _ring_key(
    *, orig_handle: Any, xdescent: float, ydescent: float, width: float, height: float, **_: Any
) -> Any:
    """A circle in the middle of the key's box, of the handle's radius (in points) and dashes."""
    from matplotlib.patches import Circle

    centre = (width / 2 - xdescent, height / 2 - ydescent)
    return Circle(centre, orig_handle.get_radius(), ls=orig_handle.get_linestyle())


def _handler_map() -> dict[Any, Any]:
    """How the legend draws a circle handle: as that circle (its dashes kept), not a square."""
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.patches import Circle

    return {Circle: HandlerPatch(patch_func=_ring_key)}


def legend_handles(
    items: list[Item], statements: list[StatementRow], contested: frozenset[str] = frozenset()
) -> list[Any]:
    """One legend entry per event type shown, then one per kind of mark the chart uses."""
    handles = _type_handles(items)
    if statements:
        handles.append(_statement_handle())
    if any(it.kind == "event" and it.id in contested for it in items):
        handles.append(_contested_handle())
    return handles + _date_handles(items) + _line_handles(items)


def legend_columns(fig_w: float, left: float, n: int) -> int:
    """How many legend columns fit a figure ``fig_w`` inches wide with the plot at ``left``."""
    return max(1, min(n, int(fig_w * (1 - left) / 2.6)))


def note_for(
    rows: list[EventRow], statements: list[StatementRow], fig_w: float, left: float
) -> str:
    """The sources footnote, wrapped to the width of the plot."""
    chars = int((fig_w * (1 - left) - 0.3) * 72 / (6.5 * 0.56))
    return sources_note([*rows, *statements], width=max(chars, 40))


def draw_legend(
    fig: Figure, axes: list[Axes], handles: list[Any], note: str, title: str | None
) -> None:
    """The legend and the footnote below the panels, and the title above them."""
    left = axes[0].get_position().x0
    bottom = min(a.get_position().y0 for a in axes)
    fig_h = fig.get_figheight()
    fig_w = fig.get_figwidth()
    ncol = legend_columns(fig_w, left, len(handles))
    if handles:
        fig.legend(
            handles=handles,
            handler_map=_handler_map(),
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
