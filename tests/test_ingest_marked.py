"""Drafts are marked in the records themselves: each piece of evidence ingest reads carries
``draft: true`` and its confidence, RDF keeps both, and merging accepts (clears the marker)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.kg import KnowledgeGraph
from diplograph.load import load
from diplograph.model import Evidence
from diplograph.rdf.io import parse_rdf, serialize_rdf
from diplograph.rdf.shacl import check_shacl

pytest.importorskip("spacy")

ARTICLE = (
    "Envoys plan more talks\n\n"
    "South Korea said Tuesday it hopes the summit between Kim Jong Un and Moon Jae-in "
    "in September will open the way to talks with Washington.\n\n"
    "“We are ready to help,” Unification Ministry spokesman Baek Tae-hyun told reporters.\n"
)


def _all_evidence(kg: KnowledgeGraph) -> list[Evidence]:
    found: list[Evidence] = []
    for record in kg.records():
        found += getattr(record, "evidence", ())
        for position in getattr(record, "positions", ()):
            found += position.evidence
    return found


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("marked")
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = root / "drafts"
    result = CliRunner().invoke(
        cli, ["ingest", str(root / "a.txt"), "-o", str(out), "--published", "2019-07-02"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_every_evidence_ingest_read_is_a_draft_with_a_confidence(drafts: Path) -> None:
    kg = load(drafts, texts=drafts)
    curated = {(e.source, e.start, e.quote) for e in _all_evidence(load(bundled_data()))}
    read = [e for e in _all_evidence(kg) if (e.source, e.start, e.quote) not in curated]
    assert len(read) >= 5
    assert all(e.draft is True for e in read)
    assert all(e.confidence is not None and 0 < e.confidence <= 1 for e in read)
    quote = next(s for s in kg.statements.values() if s.speaker == "baek-tae-hyun")
    assert quote.evidence[0].draft and quote.evidence[0].confidence == 0.9
    # evidence copied in from the curated records stays unmarked
    assert all(
        e.draft is None for e in _all_evidence(kg) if (e.source, e.start, e.quote) in curated
    )
    text = (drafts / "statements.yaml").read_text(encoding="utf-8")
    assert "    confidence: 0.9\n    draft: true\n" in text


def test_review_lists_lowest_confidence_first(drafts: Path) -> None:
    review = (drafts / "review.md").read_text(encoding="utf-8")
    shown = [
        float(line.split()[1].rstrip(":"))
        for line in review.splitlines()
        if line.startswith("confidence ")
    ]
    assert len(shown) >= 4 and shown == sorted(shown)


def test_draft_marker_and_confidence_survive_rdf_and_shacl(drafts: Path) -> None:
    kg = load(drafts, texts=drafts)
    for fmt in ("turtle", "jsonld", "nquads"):
        buf = io.BytesIO()
        serialize_rdf(kg, buf, format=fmt)
        back = parse_rdf(buf.getvalue(), format=fmt)
        assert back == kg, fmt
    buf = io.BytesIO()
    serialize_rdf(kg, buf, format="ntriples")
    lines = buf.getvalue().decode().splitlines()
    assert any('draft> "true"^^<http://www.w3.org/2001/XMLSchema#boolean>' in ln for ln in lines)
    assert any(
        'confidence> "0.9"^^<http://www.w3.org/2001/XMLSchema#decimal>' in ln for ln in lines
    )
    assert check_shacl(kg) == []


def test_merge_accepts_drafts_and_keep_draft_keeps_the_marker(drafts: Path, tmp_path: Path) -> None:
    accepted, kept = tmp_path / "accepted", tmp_path / "kept"
    shutil.copytree(bundled_data(), accepted)
    shutil.copytree(bundled_data(), kept)
    result = CliRunner().invoke(cli, ["ingest-merge", str(drafts), "--into", str(accepted)])
    assert result.exit_code == 0, result.output
    assert "; accepted " in result.output
    merged = _all_evidence(load(accepted))
    assert all(e.draft is None for e in merged)
    assert any(e.confidence == 0.9 for e in merged)  # how sure the reading was stays
    assert "draft:" not in "".join(p.read_text(encoding="utf-8") for p in accepted.glob("*.yaml"))

    result = CliRunner().invoke(
        cli, ["ingest-merge", str(drafts), "--into", str(kept), "--keep-draft"]
    )
    assert result.exit_code == 0, result.output
    marked = [e for e in _all_evidence(load(kept)) if e.draft]
    assert len(marked) >= 5 and all(e.confidence is not None for e in marked)

    # the analyst reviews later: merging again accepts what was kept as drafts, adds nothing
    result = CliRunner().invoke(cli, ["ingest-merge", str(drafts), "--into", str(kept)])
    assert result.exit_code == 0, result.output
    assert all(e.draft is None for e in _all_evidence(load(kept)))
    assert load(kept) == load(accepted)


def test_a_yaml_draft_false_is_the_same_as_no_marker() -> None:
    ev = Evidence(source="s", quote="x", start=0, end=1, draft=False)
    assert ev.draft is None and ev == Evidence(source="s", quote="x", start=0, end=1)
    with pytest.raises(ValueError, match="less than or equal to 1"):
        Evidence(source="s", confidence=1.5)
