"""Haloed labels as real SVG text: the halo becomes a stroke the browser paints under the fill.

matplotlib draws a text with a path effect (the white halo that keeps a
label readable over lines) as glyph outlines, even when ``svg.fonttype`` is
``none``: the words are then neither searchable nor selectable. For SVG,
:func:`svg_text_halos` takes the stroke effects off such texts while the
figure is saved, and :func:`restyle` gives their ``<text>`` elements the same
halo in CSS (``stroke`` of the same width and colour, ``paint-order:
stroke`` so the stroke sits under the fill). PNG and PDF keep the path
effect; the SVG stays the same bytes for the same chart.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import io, matplotlib.pyplot as plt, matplotlib.patheffects as pe
>>> fig = plt.figure()
>>> t = fig.text(0.5, 0.5, "Hanoi", path_effects=[pe.withStroke(linewidth=2, foreground="w")])
>>> buf = io.BytesIO()
>>> with matplotlib.rc_context({"svg.fonttype": "none"}), svg_text_halos(fig) as halos:
...     fig.savefig(buf, format="svg")
>>> svg = restyle(buf.getvalue(), halos).decode()
>>> "Hanoi</text>" in svg and "paint-order: stroke" in svg
True
>>> t.get_path_effects()[0].__class__.__name__
'withStroke'
>>> plt.close(fig)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["restyle", "svg_text_halos"]

Halos = dict[str, str]
"""The group id of each haloed text -> the CSS to add to its ``<text>`` elements."""


def _stroke(effects: list[Any]) -> tuple[float, str] | None:
    """The width (points) and colour of the first stroke effect, or None."""
    from matplotlib.colors import to_hex
    from matplotlib.patheffects import withStroke

    for effect in effects:
        if isinstance(effect, withStroke):
            kw: dict[str, Any] = getattr(effect, "_gc", {})  # the stroke's settings
            width = float(kw.get("linewidth", 1.0))
            colour = to_hex(kw.get("foreground", "w"), keep_alpha=False)
            return width, colour
    return None


@contextmanager
def svg_text_halos(figure: Any) -> Iterator[Halos]:
    """While saving ``figure`` as SVG: texts drawn with a stroke halo, drawn as plain text.

    Yields the halos to give back with :func:`restyle`; every text gets its
    path effects and id back afterwards.
    """
    from matplotlib.text import Text

    halos: Halos = {}
    saved: list[tuple[Any, list[Any], str | None]] = []
    for n, text in enumerate(figure.findobj(Text)):
        effects = text.get_path_effects()
        stroke = _stroke(effects)
        if stroke is None:
            continue
        gid = text.get_gid()
        if gid is None:
            text.set_gid(f"halo-text-{n}")
        width, colour = stroke
        halos[text.get_gid()] = (
            f"stroke: {colour}; stroke-width: {width:g}px; stroke-linejoin: round; "
            "paint-order: stroke"
        )
        saved.append((text, effects, gid))
        text.set_path_effects([])
    try:
        yield halos
    finally:
        for text, effects, gid in saved:
            text.set_path_effects(effects)
            text.set_gid(gid)


_GROUP = re.compile(rb'<g id="([^"]+)">(.*?)</g>', re.DOTALL)
_TEXT_STYLE = re.compile(rb'(<text\b[^>]*\bstyle=")([^"]*)(")')


def restyle(svg: bytes, halos: Halos) -> bytes:
    """The SVG with each haloed text's ``<text>`` elements given the halo's CSS."""
    if not halos:
        return svg

    def group(m: re.Match[bytes]) -> bytes:
        css = halos.get(m.group(1).decode("utf-8"))
        if css is None:
            return m.group(0)
        add = ("; " + css).encode("utf-8")
        body = _TEXT_STYLE.sub(lambda t: t.group(1) + t.group(2) + add + t.group(3), m.group(2))
        return m.group(0)[: m.start(2) - m.start(0)] + body + b"</g>"

    return _GROUP.sub(group, svg)
