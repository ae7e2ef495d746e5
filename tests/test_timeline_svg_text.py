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
    # lane names, tick labels, the legend and the sources line
    for word in ["Donald Trump", "Kim Jong Un", "Moon Jae-in", "2019", "summit", "led to"]:
        assert word in words, word
    assert any(w.startswith("Sources: ") for w in words)
    # no glyph outlines for these words: fonts are named, not embedded
    assert b'id="DejaVuSans-' not in first
    styles = [t.get("style", "") for t in root.iter(SVG + "text")]
    assert all("font-family: 'DejaVu Sans'" in s for s in styles)


def test_haloed_labels_are_text_with_a_css_halo(korea: KnowledgeGraph, tmp_path: Path) -> None:
    from matplotlib.text import Text

    ax = plot_timeline(event_rows(korea), statements=statement_rows(korea))
    fig = ax.get_figure()
    labels = {
        t.get_gid(): t.get_text()
        for t in fig.findobj(Text)
        if str(t.get_gid()).startswith(("label:", "statement-label:"))
    }
    assert any(g.startswith("statement-label:") for g in labels)
    assert len(labels) >= 10
    svg = save_figure(ax, tmp_path / "a.svg").read_bytes()
    assert save_figure(ax, tmp_path / "b.svg").read_bytes() == svg
    groups = {g.get("id"): g for g in ET.fromstring(svg).iter(SVG + "g")}
    for gid, text in labels.items():
        group = groups[gid]
        lines = [t.text for t in group.iter(SVG + "text")]
        assert lines == text.split("\n"), gid  # every word, in order, as text
        assert not list(group.iter(SVG + "path")), gid  # and no glyph outlines
        for t in group.iter(SVG + "text"):
            style = t.get("style", "")
            assert (
                "stroke: #ffffff; stroke-width: 2.5px" in style and "paint-order: stroke" in style
            )
    # the chart object keeps its halos (PNG and PDF draw them as path effects)
    assert all(t.get_path_effects() for t in fig.findobj(Text) if t.get_gid() in labels)
    assert b"Trump-Kim summit in Hanoi</text>" in svg
