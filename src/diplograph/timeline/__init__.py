"""Timeline charts: swimlanes of events and statements, at the true precision of every date.

The package draws query rows with matplotlib (imported only when a chart is
drawn). Its modules, from the data to the picture:

- :mod:`~diplograph.timeline.layout`: lanes, date extents, eras, axis-break
  gaps and date formatting, without matplotlib (TimelineJS export shares it);
- :mod:`~diplograph.timeline.style`: the palette, each event type's colour
  and marker, mark sizes;
- :mod:`~diplograph.timeline.items`: one item per event or statement group,
  its panel and sub-row;
- :mod:`~diplograph.timeline.frame`: panels, lanes, axis breaks, eras;
- :mod:`~diplograph.timeline.ticks`: date tick labels at their precision;
- :mod:`~diplograph.timeline.marks`: one function per kind of mark;
- :mod:`~diplograph.timeline.labels`: label placement without overlaps;
- :mod:`~diplograph.timeline.legend`: the legend, the sources footnote, the title;
- :mod:`~diplograph.timeline.plot`: :func:`plot_timeline` and :func:`save_figure`.

>>> from diplograph import load, bundled_data
>>> from diplograph.rows import event_rows
>>> ax = plot_timeline(event_rows(load(bundled_data())))
>>> len(timeline_axes(ax))
2
"""

from __future__ import annotations

from .frame import timeline_axes
from .layout import (
    LANE_MODES,
    OTHER_LANE,
    Era,
    Extent,
    LaneAssignment,
    assign_lanes,
    extent,
    find_segments,
    format_when,
    importance,
    parse_era,
    statement_extent,
    type_label,
)
from .legend import sources_note
from .plot import plot_timeline, save_figure
from .style import OKABE_ITO, TYPE_STYLES

__all__ = [
    "LANE_MODES",
    "OKABE_ITO",
    "OTHER_LANE",
    "TYPE_STYLES",
    "Era",
    "Extent",
    "LaneAssignment",
    "assign_lanes",
    "extent",
    "find_segments",
    "format_when",
    "importance",
    "parse_era",
    "plot_timeline",
    "save_figure",
    "sources_note",
    "statement_extent",
    "timeline_axes",
    "type_label",
]
