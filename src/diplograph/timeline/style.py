"""How a timeline looks: the palette, each event type's colour and marker, and mark sizes.

Every drawing module of the chart takes its colours and sizes from here, so
that the marks, the legend and the layout agree.

>>> OKABE_ITO["vermillion"]
'#D55E00'
>>> mark_style("event", "summit")
('#D55E00', 'o')
"""

from __future__ import annotations

__all__ = [
    "AUTO_LABELS",
    "BAND_H",
    "BAR_H",
    "CONTESTED_COLOUR",
    "CONTESTED_DASH",
    "CONTESTED_PT",
    "DEFAULT_STYLE",
    "DENSE_PER_INCH",
    "EDGE",
    "LABEL_PT",
    "LANE_PT",
    "MARKER_PT",
    "OKABE_ITO",
    "RING_PT",
    "STATEMENT_PT",
    "STATEMENT_STYLE",
    "SUBROWS",
    "TYPE_STYLES",
    "mark_style",
]

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

DEFAULT_STYLE = ("#777777", "o")
"""Colour and marker of an event type missing from :data:`TYPE_STYLES`."""
STATEMENT_STYLE = ("#3b3b3b", "D")
"""Colour and marker of a statement."""
MARKER_PT = 7.0
"""Size of an event's marker, in points."""
RING_PT = 5.0
"""Size of the ring of a mediator, escort or observer, in points."""
CONTESTED_PT = 17.0
"""Size of the dashed ring around an event whose date a source's report disputes, in points."""
CONTESTED_COLOUR = "#000000"
"""Colour of that ring: black, apart from every type's colour."""
CONTESTED_DASH = (0, (2, 1.2))
"""Its dashes (matplotlib's ``(offset, (on, off))``, scaled by the line's width)."""
STATEMENT_PT = 5.5
"""Size of a statement's marker, in points."""
LABEL_PT = 7.0
"""Font size of labels."""
LANE_PT = 9.0
"""Font size of lane titles."""
EDGE = "#1a1a1a"
"""Edge colour of filled marks."""
SUBROWS = (0.0, -0.24, 0.24, -0.40, 0.40)
"""Offsets within a lane of the sub-rows that keep touching marks apart."""
BAND_H = 0.30
"""Height of the band of a date known only to the month or year, in lanes."""
BAR_H = 0.16
"""Height of the bar of an event over several days, in lanes."""
AUTO_LABELS = 40
"""Events labelled when ``label_top`` is not given, the most important first."""
DENSE_PER_INCH = 3.0
"""Events per lane per inch of time axis above which a lane is drawn as one thin strip."""


def mark_style(kind: str, type_: str) -> tuple[str, str]:
    """Colour and marker of an event of type ``type_``, or of a statement (``kind="statement"``)."""
    if kind == "statement":
        return STATEMENT_STYLE
    return TYPE_STYLES.get(type_, DEFAULT_STYLE)
