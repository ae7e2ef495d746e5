"""Loading a data folder: every fault located as file:line, and the canonical YAML round trip."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from strategies import knowledge_graphs

from diplograph import LoadError, ModelError, bundled_data, check_folder, dump, load
from diplograph.cli import cli
from diplograph.kg import KnowledgeGraph
from diplograph.load import dumps_kind
from diplograph.model import RECORD_KINDS

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"
TEXTS = DATA / "texts"

# file -> [(line, words the message must contain)], each checked by reading the file.
EXPECTED: dict[str, list[tuple[int, str]]] = {
    "bad_yaml.yaml": [(4, "invalid YAML: did not find expected ',' or ']'")],
    "wrong_type.yaml": [(4, "place 'wrong-type': lat: input should be a valid number")],
    "missing_field.yaml": [(2, "event 'missing-label': label: missing required field")],
    "dangling_id.yaml": [(8, "participants[1].actor: no actor has id 'nobody'")],
    "duplicate_id.yaml": [(2, "duplicate id 'kim': another actor has it")],
    "unknown_enum.yaml": [(4, "event 'picnic': type: input should be 'summit'")],
    "unknown_role.yaml": [(8, "participants[0].role: input should be 'host'")],
    "end_before_start.yaml": [(5, "time: end before start (got '2019-03/2019-02')")],
    "impossible_date.yaml": [(5, "February 2019 has 28 days (got '2019-02-30')")],
    "month_13.yaml": [(4, "month must be 01 to 12 (got '2019-13')")],
    "offsets.yaml": [(7, "offsets 120:141 do not match the quote in source 'briefing'")],
    "ambiguous_alias.yaml": [(5, "ambiguous name 'Kim', also used by kim")],
    "base.yaml": [(13, "ambiguous name 'Kim', also used by kim-yo-jong")],
    "empty.yaml": [(1, "empty file")],
    "non_utf8.yaml": [(3, "not UTF-8 text: byte 0xe9")],
    "unknown_field.yaml": [(3, "lable: unknown field")],
    "unknown_kind.yaml": [(1, "unknown record kind")],
    "duplicate_key.yaml": [(5, "duplicate key 'label' (first given on line 3)")],
    "bad_id.yaml": [(2, "id: string should match pattern")],
    "no_evidence.yaml": [(2, "statement 'unsourced': evidence: missing required field")],
    "cycle.yaml": [(6, "event 'loop-a': part_of: the chain loops back"), (11, "loop-b")],
    "bad_grade.yaml": [(4, "reliability: input should be 'A'"), (5, "credibility")],
    "not_a_list.yaml": [(1, "events: expected a list of records")],
    "changed_text.yaml": [(5, "sha256: the text 'briefing.txt' has changed")],
    "quote_not_found.yaml": [(7, "quote not found in source 'briefing'")],
    "position_order.yaml": [(6, "positions[0]: end before start")],
}


def test_every_broken_file_is_listed() -> None:
    assert {p.name for p in BROKEN.glob("*.yaml")} == set(EXPECTED)
    assert len(EXPECTED) - 1 >= 15  # kinds of fault, base.yaml aside


def test_base_of_the_broken_folder_is_valid(tmp_path: Path) -> None:
    shutil.copy(BROKEN / "base.yaml", tmp_path)
    kg = load(tmp_path, texts=TEXTS)
    assert kg.counts() == {"sources": 1, "actors": 2, "places": 1, "events": 1, "statements": 1}


def test_broken_folder_reports_every_fault_at_its_line() -> None:
    _, problems = check_folder(BROKEN, texts=TEXTS)
    got: dict[str, list[tuple[int, str]]] = {}
    for p in problems:
        got.setdefault(Path(p.file).name, []).append((p.line, p.message))
    assert set(got) == set(EXPECTED)
    for name, expected in EXPECTED.items():
        assert len(got[name]) == len(expected), (name, got[name])
        for (line, words), (got_line, message) in zip(expected, got[name], strict=True):
            assert (got_line, words in message) == (line, True), (name, got_line, message)


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - {"base.yaml", "ambiguous_alias.yaml"}))
def test_each_fault_alone_fails_validate_with_exit_1(tmp_path: Path, name: str) -> None:
    shutil.copy(BROKEN / "base.yaml", tmp_path)
    shutil.copy(BROKEN / name, tmp_path)
    result = CliRunner().invoke(
        cli, ["--data", str(tmp_path), "--texts", str(TEXTS), "validate"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln]
    expected = EXPECTED[name]
    assert len(lines) == len(expected), lines
    for (line, words), shown in zip(expected, lines, strict=True):
        assert shown.startswith(f"{tmp_path / name}:{line}: "), shown
        assert words in shown
    assert "Traceback" not in result.output


def test_validate_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["--data", str(bundled_data()), "validate"])
    assert ok.exit_code == 0 and ok.stdout.startswith("valid: ")
    missing = runner.invoke(cli, ["--data", str(tmp_path / "absent"), "validate"])
    assert missing.exit_code == 2
    assert "data folder cannot be read: no such folder" in missing.stderr
    empty = runner.invoke(cli, ["--data", str(tmp_path), "validate"])
    assert empty.exit_code == 2 and "holds no *.yaml files" in empty.stderr


def test_other_commands_refuse_broken_data_without_traceback() -> None:
    result = CliRunner().invoke(cli, ["--data", str(BROKEN), "stats"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ")
    assert "problem(s) in the data" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_load_raises_with_all_problems() -> None:
    with pytest.raises(LoadError) as info:
        load(BROKEN, texts=TEXTS)
    assert len(info.value.problems) == sum(len(v) for v in EXPECTED.values())


# -- the shipped dataset ---------------------------------------------------------------------


def test_shipped_dataset_is_canonical_yaml() -> None:
    """Load then dump the shipped dataset: byte-identical files (the folder is clean)."""
    kg = load(bundled_data())
    for kind in RECORD_KINDS:
        path = bundled_data() / f"{kind}.yaml"
        if kind == "reports":  # reports come from imports; the curated dataset has none
            assert not path.exists() and not kg.reports
            continue
        assert dumps_kind(kg, kind) == path.read_text(encoding="utf-8"), kind


def test_shipped_evidence_matches_the_seed_article(corpus: Path, shared: Path) -> None:
    kg, problems = check_folder(bundled_data(), texts=[corpus, shared / "data" / "diplomatic"])
    assert problems == []
    checked = [ev for _, ev in kg.evidence() if ev.source == "seoul-hopes-2019-07-01"]
    text = (corpus / "000_e7acadb288b296de.txt").read_bytes().decode("utf-8")
    assert len(checked) >= 30
    for ev in checked:
        assert ev.start is not None and ev.end is not None
        assert text[ev.start : ev.end] == ev.quote


def test_dump_is_atomic_and_keeps_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after some files are written leaves the previous folder whole, no temp files."""
    load_module = importlib.import_module("diplograph.load")

    kg = load(bundled_data())
    dump(kg, tmp_path / "d")
    before = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir()}
    real_dumps = load_module.dumps_kind

    def disk_full(graph: KnowledgeGraph, kind: str) -> str:
        if kind == "statements":  # the last kind: the others are written by now
            raise OSError(28, "No space left on device")
        return real_dumps(graph, kind)

    monkeypatch.setattr(load_module, "dumps_kind", disk_full)
    with pytest.raises(OSError, match="No space left"):
        dump(kg, tmp_path / "d")
    assert {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]


# -- load, dump, load ---------------------------------------------------------------------


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(knowledge_graphs())
def test_dump_then_load_gives_equal_records(tmp_path: Path, kg: KnowledgeGraph) -> None:
    assume(not kg.ambiguous_aliases())
    folder = tmp_path / "kg"
    shutil.rmtree(folder, ignore_errors=True)
    dump(kg, folder)
    again = load(folder)
    assert again == kg
    # and the folder dump wrote is canonical: dumping again changes no byte
    before = {p.name: p.read_bytes() for p in folder.glob("*.yaml")}
    dump(again, folder)
    assert {p.name: p.read_bytes() for p in folder.glob("*.yaml")} == before


def test_dump_refuses_a_folder_with_other_yaml_files(tmp_path: Path) -> None:
    """Records in a file dump does not write would be loaded twice beside the new ones."""
    shutil.copy(BROKEN / "base.yaml", tmp_path)
    kg = load(tmp_path)
    with pytest.raises(ModelError, match=r"holds other YAML files, .*\(got base\.yaml\)"):
        dump(kg, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.yaml"]
    tidy = tmp_path / "tidy"
    dump(kg, tidy)
    dump(load(tidy), tidy)  # a canonical folder can be dumped over again
    assert load(tidy) == kg
