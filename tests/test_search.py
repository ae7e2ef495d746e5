"""Search: ranked hits over names, aliases, words and quotes, with their sources; the index
kept beside an on-disk store and built again when the store changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplograph
from diplograph.cli import cli
from diplograph.errors import QueryError
from diplograph.rdf.store import Store, open_store
from diplograph.search import INDEX_NAME, SearchIndex, pieces_from_graph, pieces_from_store, search

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def store(korea: diplograph.KnowledgeGraph) -> Store:
    s = open_store()
    s.load(korea)
    return s


def test_the_store_and_the_records_give_the_same_entries(
    store: Store, korea: diplograph.KnowledgeGraph
) -> None:
    assert sorted(pieces_from_store(store)) == sorted(pieces_from_graph(korea))


def test_a_quote_hit_names_its_source_and_brackets_the_words(store: Store) -> None:
    hits = search(store, "sanctions relief")
    top = hits[0]
    assert (top.kind, top.id, top.field) == ("statement", "us-blames-north-korean-demands", "quote")
    assert "[sanctions relief]" in top.context
    assert top.source == "seoul-hopes-2019-07-01"
    assert top.source_title == "Seoul hopes Trump-Kim meeting helps inter-Korean engagement"
    # the two records holding the phrase come before those with only one of the words
    assert {h.id for h in hits[:2]} == {"us-blames-north-korean-demands", "hanoi-summit-2019"}
    assert all("[sanctions relief]" not in h.context for h in hits[2:])


def test_aliases_and_accents_and_case_do_not_count(store: Store) -> None:
    assert search(store, "kim jong eun")[0].id == "kim-jong-un"  # an alias
    assert search(store, "PANMUNJÖM")[0].id == "panmunjom"


def test_each_record_once_by_its_best_entry(store: Store) -> None:
    ids = [(h.kind, h.id) for h in search(store, "Trump Kim", limit=50)]
    assert len(ids) == len(set(ids))


def test_phrase_bonus_ranks_the_phrase_first() -> None:
    index = SearchIndex.build(
        [
            ("statement", "a", "words", "relief came before any sanctions were eased", ""),
            ("statement", "b", "words", "no sanctions relief", ""),
        ]
    )
    assert [h.id for h in index.search("sanctions relief")] == ["b", "a"]
    with pytest.raises(QueryError, match="give words to search for"):
        index.search("?!")


def test_the_index_is_kept_beside_an_on_disk_store_and_rebuilt(
    tmp_path: Path, korea: diplograph.KnowledgeGraph
) -> None:
    folder = tmp_path / "db"
    with open_store(folder) as s:
        s.load(korea)
    with open_store(folder, read_only=True) as s:
        assert search(s, "Yongbyon")[0].id == "hanoi-summit-2019"
    kept = folder / INDEX_NAME
    first = kept.stat().st_mtime_ns
    with open_store(folder, read_only=True) as s:
        search(s, "Yongbyon")
    assert kept.stat().st_mtime_ns == first  # not built again
    layered = tmp_path / "layered"
    shutil.copytree(diplograph.bundled_data(), layered)
    shutil.copy(HERE / "data" / "hanoi-parts" / "hanoi.yaml", layered / "hanoi.yaml")
    with open_store(folder) as s:
        s.load(diplograph.load(layered))
    with open_store(folder, read_only=True) as s:
        hits = search(s, "Yongbyon")
    assert "ri-yongbyon-offer" in {h.id for h in hits}
    assert kept.stat().st_mtime_ns != first


def test_search_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "virtuous", "cycle"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["KIND", "ID", "FIELD", "CONTEXT", "SOURCE"]
    assert lines[2].split()[:3] == ["statement", "lee-virtuous-cycle", "quote"]
    assert lines[2].endswith("Seoul hopes Trump-Kim meeting helps inter-Korean engagement")
    got = json.loads(CliRunner().invoke(cli, ["search", "Hodo", "--json"]).stdout)
    assert got[0]["kind"] == "place" and got[0]["id"] == "hodo-peninsula"
    store = tmp_path / "store"
    data = tmp_path / "data"
    shutil.copytree(diplograph.bundled_data(), data)
    assert (
        CliRunner().invoke(cli, ["--data", str(data), "load", "--store", str(store)]).exit_code == 0
    )
    on_disk = CliRunner().invoke(cli, ["search", "--store", str(store), "virtuous", "cycle"])
    assert on_disk.stdout == result.stdout
    assert (store / INDEX_NAME).is_file()
