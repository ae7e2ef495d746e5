"""SVG timelines keep their words as text: searchable and selectable, still the same bytes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from diplograph.kg import KnowledgeGraph
from diplograph.rows import event_rows, statement_rows
from diplograph.timeline import plot_timeline, save_figure

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_words_are_text_elements(korea: KnowledgeGraph, tmp_path: Path) -> None:
    ax = plot_timeline(event_rows(korea), statements=statement_rows(korea), title="Korea")
    first = save_figure(ax, tmp_path / "a.svg").read_bytes()
    assert save_figure(ax, tmp_path / "b.svg").read_bytes() == first
    root = ET.fromstring(first)
    words = ["".join(t.itertext()) for t in root.iter(SVG + "text")]
    # lane names, tick labels, the legend and the sources line (event labels drawn with a
    # white halo, a path effect, are still outlines: matplotlib draws such text as paths)
    for word in ["Donald Trump", "Kim Jong Un", "Moon Jae-in", "2019", "summit", "led to"]:
        assert word in words, word
    assert any(w.startswith("Sources: ") for w in words)
    # no glyph outlines for these words: fonts are named, not embedded
    assert b'id="DejaVuSans-' not in first
    styles = [t.get("style", "") for t in root.iter(SVG + "text")]
    assert all("font-family: 'DejaVu Sans'" in s for s in styles)
