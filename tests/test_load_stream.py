"""Loading a large file in chunks, and streaming a folder's records to a writer or a store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import LoadError, bundled_data, check_folder, dump, load
from diplograph._chunks import CHUNK_ITEMS, plan
from diplograph.cli import _base, cli
from diplograph.kg import KnowledgeGraph
from diplograph.rdf import read_rdf
from diplograph.rdf.io import parse_rdf
from diplograph.rdf.store import open_store
from diplograph.streaming import checked, stream


def _events_file(path: Path, n: int, *, bad_at: int | None = None) -> None:
    lines = ["actors:", "- id: a", "  kind: state", "  name: A", "events:"]
    for i in range(n):
        lines += [f"- id: e{i}", f"  label: Event {i}", "  type: talks"]
        lines.append("  time: 2019-02-30" if i == bad_at else f"  time: 2019-02-{i % 28 + 1:02d}")
        lines += ["  participants:", "  - actor: a"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_long_list_is_read_in_chunks_with_the_right_lines(tmp_path: Path) -> None:
    n = CHUNK_ITEMS * 2 + 7
    bad = CHUNK_ITEMS + 3  # in the second chunk
    _events_file(tmp_path / "all.yaml", n, bad_at=bad)
    sections = plan(tmp_path / "all.yaml")
    assert sections is not None and [len(s.chunks) for s in sections] == [1, 3]
    kg, problems = check_folder(tmp_path)
    assert len(kg.events) == n - 1
    text = (tmp_path / "all.yaml").read_text(encoding="utf-8").splitlines()
    [problem] = problems
    assert text[problem.line - 1] == "  time: 2019-02-30"
    assert f"event 'e{bad}': time" in problem.message


def test_chunked_and_whole_reads_give_equal_graphs(tmp_path: Path) -> None:
    _events_file(tmp_path / "all.yaml", CHUNK_ITEMS + 1)
    chunked = load(tmp_path)
    (tmp_path / "all.yaml").write_text(
        "# a comment at the margin makes the file read whole\n"
        + (tmp_path / "all.yaml").read_text(encoding="utf-8").replace("events:", "events:  ")
        + "---\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError):  # a second document is refused, as before
        load(tmp_path)
    (tmp_path / "all.yaml").write_text(
        (tmp_path / "all.yaml").read_text(encoding="utf-8").removesuffix("---\n"),
        encoding="utf-8",
    )
    assert plan(tmp_path / "all.yaml") is not None
    (tmp_path / "other.yaml").write_text("sources: []\n", encoding="utf-8")
    assert plan(tmp_path / "other.yaml") is None  # a flow list is read whole
    assert load(tmp_path) == chunked


def test_a_broken_chunk_reports_the_whole_files_yaml_error(tmp_path: Path) -> None:
    _events_file(tmp_path / "all.yaml", CHUNK_ITEMS + 5)
    text = (tmp_path / "all.yaml").read_text(encoding="utf-8")
    (tmp_path / "all.yaml").write_text(text + '- id: "open\n', encoding="utf-8")
    kg, problems = check_folder(tmp_path)
    assert len(kg) == 0  # a file that is not YAML gives no records, as when read whole
    [problem] = problems
    assert "invalid YAML" in problem.message


def test_stream_gives_the_records_of_load(tmp_path: Path) -> None:
    kg = load(bundled_data())
    assert KnowledgeGraph.from_records(stream(bundled_data())) == kg
    dump(kg, tmp_path)
    events = (tmp_path / "events.yaml").read_text(encoding="utf-8")
    (tmp_path / "events.yaml").write_text(
        events.replace("actor: north-korea", "actor: nobody-at-all", 1), encoding="utf-8"
    )
    with pytest.raises(LoadError) as info:
        stream(tmp_path)  # checked before a record is given
    assert "no actor has id 'nobody-at-all'" in str(info.value)
    assert [str(p) for p in info.value.problems] == [str(p) for p in check_folder(tmp_path)[1]]
    given = []
    with pytest.raises(LoadError) as info:
        given.extend(checked(tmp_path))  # read once: raised after the last record
    assert len(given) == len(kg) and "nobody-at-all" in str(info.value)


def test_the_cli_streams_a_large_folder_to_the_same_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_base, "STREAM_BYTES", 0)
    out = tmp_path / "x.nq"
    result = CliRunner().invoke(cli, ["export", "-f", "nquads", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_rdf(out) == load(bundled_data())
    result = CliRunner().invoke(cli, ["load", "--store", str(tmp_path / "db")])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["events", "--store", str(tmp_path / "db"), "--json"])
    assert result.exit_code == 0 and "summit" in result.output
    result = CliRunner().invoke(cli, ["export", "-f", "ntriples"])  # to stdout: checked first
    assert result.exit_code == 0
    assert read_rdf_text(result.stdout) == load(bundled_data())


def test_a_streamed_export_of_a_bad_folder_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_base, "STREAM_BYTES", 0)
    folder = tmp_path / "data"
    dump(load(bundled_data()), folder)
    statements = folder / "statements.yaml"
    text = statements.read_text(encoding="utf-8")
    statements.write_text(text.replace("speaker: ", "speaker: nobody-", 1), encoding="utf-8")
    held = CliRunner().invoke(cli, ["--data", str(folder), "validate"])
    out = tmp_path / "x.ttl"
    result = CliRunner().invoke(cli, ["--data", str(folder), "export", "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    problem = next(line for line in result.stderr.splitlines() if "nobody-" in line)
    assert problem in held.output  # the same file:line message as the held check's
    result = CliRunner().invoke(
        cli, ["--data", str(folder), "load", "--store", str(tmp_path / "db")]
    )
    assert result.exit_code == 1 and problem in result.stderr
    assert not (tmp_path / "db").exists()  # checked before the store is made


def test_a_file_with_odd_line_breaks_is_read_whole_and_streams(tmp_path: Path) -> None:
    _events_file(tmp_path / "all.yaml", CHUNK_ITEMS + 2)
    text = (tmp_path / "all.yaml").read_text(encoding="utf-8")
    (tmp_path / "all.yaml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert plan(tmp_path / "all.yaml") is None  # YAML counts \r itself: the file is read whole
    assert len(list(stream(tmp_path))) == CHUNK_ITEMS + 3
    assert len(load(tmp_path).events) == CHUNK_ITEMS + 2


def test_a_chunk_cut_inside_a_quoted_text_is_read_whole(tmp_path: Path) -> None:
    # a quoted text may go on at the margin; a cut there breaks the chunk, not the file
    _events_file(tmp_path / "all.yaml", CHUNK_ITEMS * 2)
    lines = (tmp_path / "all.yaml").read_text(encoding="utf-8").splitlines()
    at = lines.index(f"- id: e{CHUNK_ITEMS - 1}") + 1
    lines[at : at + 1] = ['  label: "Event', f'- {CHUNK_ITEMS - 1}"']
    (tmp_path / "all.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    kg = load(tmp_path)
    assert kg.events[f"e{CHUNK_ITEMS - 1}"].label == f"Event - {CHUNK_ITEMS - 1}"
    assert KnowledgeGraph.from_records(stream(tmp_path)) == kg
    assert KnowledgeGraph.from_records(checked(tmp_path)) == kg


def test_the_index_finds_each_cross_record_problem(tmp_path: Path) -> None:
    base = load(bundled_data())
    for what in ("duplicate id", "loops back", "ambiguous name"):
        folder = tmp_path / what.replace(" ", "-")
        dump(base, folder)
        places = (folder / "places.yaml").read_text(encoding="utf-8")
        actors = (folder / "actors.yaml").read_text(encoding="utf-8")
        if what == "duplicate id":
            places += "- id: panmunjom\n  name: Again\n"
        elif what == "loops back":
            places += "- id: loop-a\n  name: A\n  part_of: loop-b\n"
            places += "- id: loop-b\n  name: B\n  part_of: loop-a\n"
        else:
            actors += "- id: kim-again\n  kind: person\n  name: Kim Jong Un\n"
        (folder / "places.yaml").write_text(places, encoding="utf-8")
        (folder / "actors.yaml").write_text(actors, encoding="utf-8")
        with pytest.raises(LoadError) as info:
            stream(folder)
        expected = [str(p) for p in check_folder(folder)[1]]
        assert expected and [str(p) for p in info.value.problems] == expected, what
        assert what in str(info.value)


def read_rdf_text(text: str) -> KnowledgeGraph:
    return parse_rdf(text, format="ntriples")


def test_a_store_on_disk_holds_the_triples_a_store_in_memory_does(tmp_path: Path) -> None:
    # on disk the records go to the bulk loader as N-Triples text; in memory as quads
    memory = open_store()
    memory.load(load(bundled_data()))
    with open_store(tmp_path / "db") as disk:
        assert disk.load(stream(bundled_data())) == len(memory) > 0
        assert set(disk.native) == set(memory.native)
        assert disk.load(load(bundled_data())) == 0  # nothing is added twice


_MIXED_ITEMS = """\
- id: e1
  n: 12
  f: 1.5e3
  hex: 0x1F
  yes: yes
  off: Off
  none: ~
  empty:
  quoted: '12'
  double: "tab\\there"
  date: 2019-02-30
  inf: -.inf
  unicode: 김정은 met "him"
  text: |
    two
    lines
  folded: >-
    one
    line
  flow: {a: 1, b: [x, 'y', 3]}
  nested:
  - - deep
    - 2
  - k: v
    # a comment between keys
    j: null
  anchored: &a plain
- just a string
- 7
- [1, two]
-
- id: e2
  evidence: [{source: s, quote: "q"}]
"""


def _same_tree(a: object, b: object) -> None:
    from diplograph._yamlfile import _Map, _Seq

    assert type(a) is type(b) and a == b
    if isinstance(a, float) and a != a:  # pragma: no cover - NaN is never in the sample
        return
    if isinstance(a, _Map) and isinstance(b, _Map):
        assert (a.line, a.key_lines) == (b.line, b.key_lines)
        assert list(a) == list(b)
        for key in a:
            assert type(key) is type(next(k for k in b if k == key))
            _same_tree(a[key], b[key])
    elif isinstance(a, _Seq) and isinstance(b, _Seq):
        assert (a.line, a.item_lines) == (b.line, b.item_lines)
        for x, y in zip(a, b, strict=True):
            _same_tree(x, y)


def test_chunks_built_from_events_equal_the_node_read() -> None:
    # the fast read of a chunk must give what the line-keeping node loader gives: values,
    # their Python types (YAML 1.1 resolution, dates kept as text) and every line
    from diplograph import _yaml
    from diplograph._yamlfile import _from_events, _LineLoader

    data = _MIXED_ITEMS.encode("utf-8")
    loader = type("_At", (_LineLoader,), {"line_offset": 40, "merges": False})
    _same_tree(_from_events(data, 40), _yaml.load(_MIXED_ITEMS, loader))
    for odd in ("- !!str 12\n", "- &a [1]\n- *a\n", "- {[1]: x}\n", "- a\n---\n- b\n"):
        assert _from_events(odd.encode("utf-8"), 0) is None  # left to the node read


def test_the_index_finds_references_inside_lists_and_evidence(tmp_path: Path) -> None:
    # ids named deep in a record (a position's organization, a position's evidence) count too
    base = load(bundled_data())
    for old, new in (
        ("organization: ihs-markit", "organization: no-such-firm"),
        ("- source: seoul-hopes-2019-07-01", "- source: no-such-source"),
    ):
        folder = tmp_path / new.split(": ")[1]
        dump(base, folder)
        actors = (folder / "actors.yaml").read_text(encoding="utf-8")
        assert old in actors
        (folder / "actors.yaml").write_text(actors.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(LoadError) as info:
            stream(folder)
        expected = [str(p) for p in check_folder(folder)[1]]
        assert expected and [str(p) for p in info.value.problems] == expected
        assert new.split(": ")[1] in str(info.value)
