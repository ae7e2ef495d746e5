"""An analyst's own folder on top of the shipped dataset: layers, additions, evidence, statements.

The analyst's layer in ``tests/data/layers/analyst`` holds real, cited material:
Trump's words at the Hanoi press conference of 28 February 2019, the Pyongyang
Joint Declaration's words on Yongbyon as a report gives them (a joint statement of
Moon and Kim), the Yongbyon site (also spelt Nyongbyon), and additions to shipped records.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import rdflib
import yaml
from click.testing import CliRunner
from pydantic import ValidationError

from diplograph import bundled_data, load
from diplograph.cli import cli
from diplograph.errors import LoadError, ModelError
from diplograph.evidence import check_evidence, near_quotes, texts_found
from diplograph.graph.view import from_networkx, to_networkx
from diplograph.layers import check_layers, load_layers
from diplograph.load import check_folder
from diplograph.model import Evidence, Source, Statement, Topic
from diplograph.names import Names
from diplograph.rdf.io import parse_rdf, to_rdf
from diplograph.rdf.shacl import check_shacl
from diplograph.rdf.store import open_store
from diplograph.resources import shipped

LAYER = Path(__file__).parent / "data" / "layers" / "analyst"
SEED = "seoul-hopes-2019-07-01"


@pytest.fixture(scope="module")
def layered() -> object:
    return load_layers([bundled_data(), LAYER])


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


# -- layered folders -------------------------------------------------------------------------


def test_a_later_folder_adds_records_and_additions(layered: object) -> None:
    kg = layered.kg  # type: ignore[attr-defined]
    shipped_kg = load(bundled_data())
    assert len(kg) == len(shipped_kg) + 7
    assert kg.places["hanoi"].aliases == ("Ha Noi",)
    before = shipped_kg.events["hanoi-summit-2019"].evidence
    after = kg.events["hanoi-summit-2019"].evidence
    assert after[: len(before)] == before
    assert after[-1].quote == "Sometimes you have to walk"
    blamed = kg.statements["us-blames-north-korean-demands"]
    assert blamed.about_places == ("yongbyon",)
    assert blamed.about_topics == (Topic.SANCTIONS_RELIEF, Topic.DENUCLEARIZATION)
    own = layered.layer_graphs()  # type: ignore[attr-defined]
    assert own[0] == shipped_kg  # the shipped layer as written, without the additions
    assert sorted(own[1].places) == ["yongbyon"]
    assert [len(a) for a in layered.additions] == [0, 3]  # type: ignore[attr-defined]


def test_a_duplicate_id_across_layers_names_both_places(tmp_path: Path) -> None:
    _write(tmp_path, "places.yaml", "places:\n- id: hanoi\n  name: Hanoi again\n")
    _, problems = check_layers([bundled_data(), tmp_path])
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line) == (str(tmp_path / "places.yaml"), 2)
    assert f"{bundled_data() / 'places.yaml'}:2" in p.message
    assert "duplicate id 'hanoi'" in p.message


def test_the_same_record_in_two_imported_layers_is_kept_once(tmp_path: Path) -> None:
    """Two imports that each propose the same new actor layer cleanly; a changed one does not."""
    state = "actors:\n- id: vietnam\n  kind: state\n  name: Vietnam\n  wikidata: Q881\n"
    first, second = tmp_path / "icews", tmp_path / "gdelt"
    _write(first, "actors.yaml", state)
    _write(second, "actors.yaml", state)
    layers, problems = check_layers([bundled_data(), first, second])
    assert problems == []
    assert layers.kg.actors["vietnam"].name == "Vietnam"
    assert [len(g.actors) for g in layers.layer_graphs()][1:] == [1, 1]
    assert layers.where[("actors", "vietnam")][0] == str(first / "actors.yaml")
    # evidence of both is kept once each
    cited = "  evidence:\n  - source: {0}\n    quote: Vietnam\n"
    _write(first, "actors.yaml", state + cited.format("wikipedia-hanoi-summit"))
    _write(second, "actors.yaml", state + cited.format("wikipedia-dmz-summit"))
    layers, problems = check_layers([bundled_data(), first, second])
    assert problems == []
    assert [e.source for e in layers.kg.actors["vietnam"].evidence] == [
        "wikipedia-hanoi-summit",
        "wikipedia-dmz-summit",
    ]
    # the same id with another name is still the duplicate it was
    _write(second, "actors.yaml", state.replace("name: Vietnam", "name: Viet Nam"))
    _, problems = check_layers([bundled_data(), first, second])
    assert len(problems) == 1 and "duplicate id 'vietnam'" in problems[0].message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("events:\n- id: no-such-event\n  follows: [hanoi-summit-2019]\n", 2, "nothing to add to"),
        ("events:\n- id: hanoi-summit-2019\n  label: New label\n", 3, "cannot be added to"),
        ("places:\n- id: hanoi\n  aliases: Ha Noi\n", 3, "expected a list to add"),
        ("events:\n- id: hanoi-summit-2019\n  follows:\n  - nowhere\n", 4, "no event has id"),
        (
            "events:\n- id: hanoi-summit-2019\n  participants: [{actor: kim-jong-un}]\n",
            2,
            "listed twice among the participants",
        ),
    ],
)
def test_a_wrong_addition_is_one_located_error(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    _write(tmp_path, "additions.yaml", text)
    _, problems = check_layers([bundled_data(), tmp_path])
    assert len(problems) == 1, problems
    shown = str(problems[0])
    assert shown.startswith(f"{tmp_path / 'additions.yaml'}:{line}: "), shown
    assert words in shown


def test_added_evidence_is_checked_where_it_is_written(tmp_path: Path, corpus: Path) -> None:
    _write(
        tmp_path,
        "additions.yaml",
        "events:\n- id: hanoi-summit-2019\n  evidence:\n  - source: seoul-hopes-2019-07-01\n"
        "    quote: Hanoi\n  - source: seoul-hopes-2019-07-01\n    quote: not in the article\n",
    )
    _, problems = check_layers([bundled_data(), tmp_path], texts=corpus)
    shown = [str(p) for p in problems]
    assert len(shown) == 2, shown
    assert shown[0].startswith(f"{tmp_path / 'additions.yaml'}:4: event 'hanoi-summit-2019': ")
    assert "quote occurs 4 times" in shown[0]
    assert shown[1].startswith(f"{tmp_path / 'additions.yaml'}:6: ")
    assert "quote not found" in shown[1]


def test_an_addition_to_a_record_of_the_same_folder_is_refused(tmp_path: Path) -> None:
    shutil.copytree(LAYER, tmp_path / "a")
    _write(tmp_path / "a", "additions.yaml", "places:\n- id: yongbyon\n  aliases: [Yeongbyeon]\n")
    _, problems = check_layers([bundled_data(), tmp_path / "a"])
    assert [p.message.split(":")[0] for p in problems] == ["place 'yongbyon'"]
    assert "in this same folder" in problems[0].message


def test_dump_writes_only_the_analysts_layer(layered: object, tmp_path: Path) -> None:
    written = layered.dump_layer(tmp_path / "out")  # type: ignore[attr-defined]
    names = sorted(p.name for p in written)
    assert names == [
        "additions.yaml",
        "events.yaml",
        "places.yaml",
        "sources.yaml",
        "statements.yaml",
    ]
    assert "seoul-hopes" not in (tmp_path / "out" / "sources.yaml").read_text(encoding="utf-8")
    again = load_layers([bundled_data(), tmp_path / "out"])
    assert again.kg == layered.kg  # type: ignore[attr-defined]


def test_dump_refuses_a_folder_with_other_files(layered: object, tmp_path: Path) -> None:
    _write(tmp_path, "additions.yaml", "places: []\n")
    _write(tmp_path, "mine.yaml", "places: []\n")
    with pytest.raises(ModelError, match=r"mine\.yaml"):
        layered.dump_layer(tmp_path)  # type: ignore[attr-defined]
    assert (tmp_path / "additions.yaml").exists()


def test_dump_through_the_cli(tmp_path: Path) -> None:
    result = _run("--data", bundled_data(), "--data", LAYER, "dump", tmp_path / "out")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    additions = yaml.safe_load((tmp_path / "out" / "additions.yaml").read_text(encoding="utf-8"))
    assert additions["places"] == [{"id": "hanoi", "aliases": ["Ha Noi"]}]
    assert not (tmp_path / "out" / "actors.yaml").exists()


def test_validate_reports_each_layer() -> None:
    result = _run("--data", bundled_data(), "--data", LAYER, "validate")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    lines = result.output.splitlines()  # type: ignore[attr-defined]
    assert lines[0] == (
        "layer 1: the shipped Korea 2018-2019 dataset: 55 records, 0 addition(s) to earlier "
        "records, 0 problem(s)"
    )
    assert (
        lines[1] == f"layer 2: {LAYER}: 7 records, 3 addition(s) to earlier records, 0 problem(s)"
    )
    assert lines[2].startswith("valid: 13 sources, 14 actors, 7 places, 14 events, 14 statements")


def test_validate_counts_a_layers_problems(tmp_path: Path) -> None:
    _write(tmp_path, "additions.yaml", "events:\n- id: nowhere\n  follows: [hanoi-summit-2019]\n")
    result = _run("--data", bundled_data(), "--data", tmp_path, "validate")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert f"layer 2: {tmp_path}: 0 records, 0 addition(s) to earlier records, 1 problem(s)" in (
        result.output  # type: ignore[attr-defined]
    )


def test_queries_run_over_the_union() -> None:
    result = _run("--data", bundled_data(), "--data", LAYER, "statements", "--by", "Kim Jong Un")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "the permanent dismantlement of the Yongbyon nuclear facilities" in result.output  # type: ignore[attr-defined]


def test_a_joint_statement_shows_every_speaker() -> None:
    """The statements table names both leaders of a joint declaration, not only the first."""
    result = _run("--data", bundled_data(), "--data", LAYER, "statements", "--by", "Kim Jong Un")
    line = next(s for s in result.output.splitlines() if "Yongbyon" in s)  # type: ignore[attr-defined]
    assert "Moon Jae-in, Kim Jong Un" in line
    # the store's rows are the records' rows, speakers and all
    from diplograph import query
    from diplograph.rdf.store import open_store
    from diplograph.rows import statement_rows

    kg = load_layers([bundled_data(), LAYER]).kg
    store = open_store()
    store.load(kg)
    said = query.statements(store, by="kim-jong-un")
    joint = next(s for s in said if s.id == "pyongyang-declaration-yongbyon")
    assert (joint.speaker, joint.speakers) == ("moon-jae-in", ("moon-jae-in", "kim-jong-un"))
    assert joint.speaker_names == ("Moon Jae-in", "Kim Jong Un")
    assert said == [s for s in statement_rows(kg) if "kim-jong-un" in s.speakers]
    assert query.statements(store) == statement_rows(kg)


# -- one bad source, one error ----------------------------------------------------------------


def test_a_bad_source_gives_one_error_not_one_per_citation(tmp_path: Path) -> None:
    data = yaml.safe_load((bundled_data() / "sources.yaml").read_text(encoding="utf-8"))
    for src in data["sources"]:
        if src["id"] == SEED:
            src["reliability"] = "Z"
    shutil.copytree(bundled_data(), tmp_path / "d")
    (tmp_path / "d" / "sources.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    _, problems = check_folder(tmp_path / "d")
    assert len(problems) == 1, problems
    assert problems[0].message.startswith(f"source {SEED!r}: reliability")
    # a reference to an id nobody has is still reported
    assert any("no source has id" in str(p) for p in _dangling_source(tmp_path))


def test_a_bad_source_gives_one_line_through_the_cli(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "d.yaml",
        "sources:\n- id: s\n  title: S\n  credibility: 9\nactors:\n- id: a\n  kind: person\n"
        "  name: A\n  evidence: [{source: s}]\nstatements:\n- id: x\n  speaker: a\n"
        "  date: '2019'\n  text: hi\n  evidence: [{source: s}]\n",
    )
    result = _run("--data", tmp_path, "validate")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.stdout.splitlines() == [  # type: ignore[attr-defined]
        f"{tmp_path / 'd.yaml'}:4: source 's': credibility: input should be less than or "
        "equal to 6 (got 9)"
    ]


def test_the_export_carries_the_new_fields(tmp_path: Path) -> None:
    out = tmp_path / "k.ttl"
    result = _run("--data", bundled_data(), "--data", LAYER, "export", "-o", out)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    text = out.read_text(encoding="utf-8")
    for term in ("dg:saidAt", "dg:jointSpeaker", "dg:aboutPlace", "dg:aboutTopic", "Nyongbyon"):
        assert term in text, term


def _dangling_source(tmp_path: Path) -> list[object]:
    _write(
        tmp_path / "e",
        "s.yaml",
        "statements:\n- id: x\n  speaker: nobody\n  date: '2019'\n  text: hi\n"
        "  evidence: [{source: nowhere}]\n",
    )
    return check_folder(tmp_path / "e")[1]  # type: ignore[return-value]


# -- richer statements -------------------------------------------------------------------------


def test_speakers_keep_the_old_yaml_valid() -> None:
    ev = [Evidence(source="s", quote="hi")]
    old = Statement(id="a", speaker="kim", date="2019", text="hi", evidence=ev)
    assert old.said_by == ("kim",) and old.speakers == ()
    joint = Statement(id="b", speakers=["moon", "kim"], date="2019", text="hi", evidence=ev)
    assert (joint.speaker, joint.said_by) == ("moon", ("moon", "kim"))
    named = Statement(id="c", speaker="kim", speakers=["moon", "kim"], date="2019", text="hi",
                      evidence=ev)  # fmt: skip
    assert named.speaker == "kim"
    with pytest.raises(ValidationError, match="speaker must be one of the speakers"):
        Statement(id="d", speaker="trump", speakers=["moon", "kim"], date="2019", text="hi",
                  evidence=ev)  # fmt: skip
    with pytest.raises(ValidationError, match="listed twice"):
        Statement(id="e", speakers=["kim", "moon", "kim"], date="2019", text="hi", evidence=ev)
    with pytest.raises(ValidationError, match="about_topics"):
        Statement(id="f", speaker="kim", date="2019", text="hi", evidence=ev, about_topics=["golf"])


def test_the_new_fields_round_trip_through_rdf_and_the_graph_view(layered: object) -> None:
    kg = layered.kg  # type: ignore[attr-defined]
    assert parse_rdf(to_rdf(kg, format="turtle"), format="turtle") == kg
    assert from_networkx(to_networkx(kg)) == kg
    G = to_networkx(kg)
    joint = "statement:pyongyang-declaration-yongbyon"
    assert sorted(u for u, _, d in G.in_edges(joint, data=True) if d["relation"] == "said") == [
        "actor:kim-jong-un",
        "actor:moon-jae-in",
    ]
    assert ("place:yongbyon", "about") in {
        (v, d["relation"]) for _, v, d in G.out_edges(joint, data=True)
    }
    said_at = "statement:trump-sometimes-you-have-to-walk"
    assert [v for _, v, d in G.out_edges(said_at, data=True) if d["relation"] == "said_at"] == [
        "event:hanoi-press-conference-2019-02-28"
    ]
    assert json.loads(G.nodes[joint]["topics"]) == ["nuclear_facilities", "denuclearization"]


def test_the_new_fields_in_rdf(layered: object) -> None:
    g = rdflib.Graph().parse(data=to_rdf(layered.kg, format="turtle"), format="turtle")  # type: ignore[attr-defined]
    dg = "https://w3id.org/diplograph/ontology#"
    base = "https://w3id.org/diplograph/id/"
    joint = rdflib.URIRef(f"{base}statement/pyongyang-declaration-yongbyon")
    assert set(g.objects(joint, rdflib.URIRef(f"{dg}jointSpeaker"))) == {
        rdflib.URIRef(f"{base}actor/moon-jae-in"),
        rdflib.URIRef(f"{base}actor/kim-jong-un"),
    }
    assert rdflib.URIRef("https://w3id.org/diplograph/topic/nuclear_facilities") in set(
        g.objects(joint, rdflib.URIRef(f"{dg}aboutTopic"))
    )
    assert set(g.objects(joint, rdflib.URIRef(f"{dg}saidAt"))) == {
        rdflib.URIRef(f"{base}event/inter-korean-summit-2018-09")
    }
    place = rdflib.URIRef(f"{base}place/yongbyon")
    assert {str(o) for o in g.objects(place, rdflib.SKOS.altLabel)} == {"Nyongbyon"}


def test_the_layered_union_conforms_to_the_shapes(layered: object) -> None:
    assert check_shacl(layered.kg) == []  # type: ignore[attr-defined]


def test_shacl_refuses_a_topic_outside_the_scheme(layered: object) -> None:
    text = to_rdf(layered.kg, format="turtle")  # type: ignore[attr-defined]
    text += (
        "\n<https://w3id.org/diplograph/id/statement/trump-sometimes-you-have-to-walk> "
        "<https://w3id.org/diplograph/ontology#aboutTopic> "
        "<https://w3id.org/diplograph/topic/golf> .\n"
    )
    g = rdflib.Graph().parse(data=text, format="turtle")
    assert any("topic scheme" in str(v) for v in check_shacl(g))


def test_the_topic_scheme_is_the_models_list() -> None:
    g = rdflib.Graph().parse(shipped("ontology") / "topics.ttl", format="turtle")
    scheme = rdflib.URIRef("https://w3id.org/diplograph/topics")
    concepts = set(g.subjects(rdflib.SKOS.inScheme, scheme))
    assert {str(c).rsplit("/", 1)[1] for c in concepts} == {t.value for t in Topic}
    for c in concepts:
        assert g.value(c, rdflib.SKOS.prefLabel) is not None
        assert list(g.objects(c, rdflib.SKOS.broadMatch)), f"{c} has no PLOVER context"
    relief = rdflib.URIRef("https://w3id.org/diplograph/topic/sanctions_relief")
    codes = {
        str(g.value(m, rdflib.SKOS.notation)) for m in g.objects(relief, rdflib.SKOS.relatedMatch)
    }
    assert codes == {"085", "0354", "1054"}


def test_the_cameo_codes_named_are_cameos(shared: Path) -> None:
    table = (shared / "data" / "cameo" / "CAMEO.eventcodesfull.txt").read_text(encoding="utf-8")
    labels = {
        line.split("\t")[0]: line.split("\t")[1].strip('"') for line in table.splitlines()[1:]
    }
    g = rdflib.Graph().parse(shipped("ontology") / "topics.ttl", format="turtle")
    cameo = rdflib.URIRef("https://w3id.org/diplograph/cameo")
    for c in g.subjects(rdflib.SKOS.inScheme, cameo):
        code = str(g.value(c, rdflib.SKOS.notation))
        assert labels[code].strip() == str(g.value(c, rdflib.SKOS.prefLabel)).strip(), code


def test_the_jsonld_context_names_the_new_terms() -> None:
    context = json.loads((shipped("ontology") / "context.jsonld").read_text(encoding="utf-8"))
    terms = context["@context"]
    for name in ("jointSpeaker", "aboutPlace", "aboutTopic", "saidAt"):
        assert terms[name]["@id"] == f"dg:{name}"
    assert terms["topic"] == "https://w3id.org/diplograph/topic/"


def test_a_place_answers_to_its_aliases_in_memory_and_in_a_store(layered: object) -> None:
    kg = layered.kg  # type: ignore[attr-defined]
    assert Names(kg).place("Nyongbyon").id == "yongbyon"
    store = open_store()
    store.load(kg)
    assert Names(store).place("Nyongbyon").id == "yongbyon"
    assert Names(store).place("Ha Noi").id == "hanoi"


def test_dump_writes_the_new_fields(layered: object, tmp_path: Path) -> None:
    layered.dump_layer(tmp_path)  # type: ignore[attr-defined]
    statements = yaml.safe_load((tmp_path / "statements.yaml").read_text(encoding="utf-8"))
    joint = next(s for s in statements["statements"] if s["id"] == "pyongyang-declaration-yongbyon")
    assert joint["speakers"] == ["moon-jae-in", "kim-jong-un"]
    assert joint["about_places"] == ["yongbyon"]
    assert joint["about_topics"] == ["nuclear_facilities", "denuclearization"]
    assert joint["said_at"] == "inter-korean-summit-2018-09"


# -- evidence without counting characters ------------------------------------------------------


def test_check_evidence_refuses_a_quote_found_twice_without_offsets() -> None:
    text = "talks resume; talks resume"
    problems = check_evidence(Evidence(source="s", quote="talks resume"), text)
    assert problems == [
        "quote occurs 2 times in source 's' (start=0, start=14); give start and end to say "
        "which (got 'talks resume')"
    ]
    assert check_evidence(Evidence(source="s", quote="talks", start=14, end=19), text) == []


def test_texts_found_and_near_quotes(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "He said “We will meet”.")
    found, missing = texts_found(
        [Source(id="a", title="A", file="a.txt"), Source(id="b", title="B")], tmp_path
    )
    assert (list(found), missing) == (["a"], ["b"])
    assert near_quotes(found["a"], '"we will  meet"') == [(8, "“We will meet”")]


def test_validate_with_an_empty_texts_folder_says_no_quote_was_checked(tmp_path: Path) -> None:
    result = _run("--data", bundled_data(), "--texts", tmp_path, "validate")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert "no quote was checked" in result.output  # type: ignore[attr-defined]
    assert "evidence checked against the texts" not in result.output  # type: ignore[attr-defined]


def test_validate_names_the_sources_without_a_text(corpus: Path) -> None:
    result = _run("--data", bundled_data(), "--texts", corpus, "validate")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert (
        "quotes checked against the texts of 1 of 3 sources quoted; no text for " in result.output
    )  # type: ignore[attr-defined]
    assert "csis-dprk-provocations" in result.output  # type: ignore[attr-defined]


def _seed_text(corpus: Path) -> str:
    return next(corpus.glob("*.txt")).read_text(encoding="utf-8")


def test_the_evidence_command_fills_a_correct_block(corpus: Path) -> None:
    quote = "an aging nuclear facility in Yongbyon"
    result = _run("--texts", corpus, "evidence", SEED, quote)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    block = yaml.safe_load(result.output)["evidence"][0]  # type: ignore[attr-defined]
    text = _seed_text(corpus)
    assert text[block["start"] : block["end"]] == quote
    assert text.count(quote) == 1
    assert text[: block["start"]].endswith(block["prefix"]) and len(block["prefix"]) == 20
    assert text[block["end"] :].startswith(block["suffix"])
    ev = Evidence(**block)
    assert check_evidence(ev, text) == []


def test_the_evidence_command_refuses_an_ambiguous_quote(corpus: Path) -> None:
    result = _run("--texts", corpus, "evidence", SEED, "Hanoi")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    starts = [m.start() for m in re.finditer("Hanoi", _seed_text(corpus))]
    assert len(starts) > 1
    message = result.stderr  # type: ignore[attr-defined]
    assert f"quote occurs {len(starts)} times" in message
    assert [int(s) for s in re.findall(r"start=(\d+)", message)] == starts


def test_the_evidence_command_shows_a_near_match(corpus: Path) -> None:
    result = _run("--texts", corpus, "evidence", SEED, "AN AGING  nuclear facility")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "start=3252: 'an aging nuclear facility'" in result.stderr  # type: ignore[attr-defined]


def test_evidence_into_records_of_both_layers(corpus: Path, tmp_path: Path) -> None:
    layer = tmp_path / "analyst"
    shutil.copytree(LAYER, layer)
    base = ["--data", str(bundled_data()), "--data", str(layer), "--texts", str(corpus)]
    # a record of the analyst's layer: written into its own file
    words = "Inter-Korean relations have been at a lull"
    result = _run(*base, "evidence", SEED, words, "--into", "yongbyon")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert str(layer / "places.yaml") in result.output  # type: ignore[attr-defined]
    # a shipped record: written into the analyst's additions.yaml, the shipped file untouched
    shipped_before = (bundled_data() / "actors.yaml").read_bytes()
    result = _run(*base, "evidence", SEED, "Lee Sang-min, a spokesman", "--into", "lee-sang-min")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert (bundled_data() / "actors.yaml").read_bytes() == shipped_before
    data = load_layers([bundled_data(), layer], texts=corpus)
    assert data.kg.places["yongbyon"].evidence[-1].quote == words
    assert data.kg.actors["lee-sang-min"].evidence[-1].quote == "Lee Sang-min, a spokesman"
    assert "lee-sang-min" in [a.id for a in data.additions[1]]
    again = _run(*base, "evidence", SEED, words, "--into", "yongbyon")
    assert again.exit_code == 1 and "already has this evidence" in again.stderr  # type: ignore[attr-defined]


def test_evidence_into_fills_the_offsets_of_a_quote_given_without_them(tmp_path: Path) -> None:
    """The README's own dataset: a quote written without offsets, then ``evidence --into``
    for the same words fills that block in rather than citing the words twice."""
    data, texts = tmp_path / "my-data", tmp_path / "my-texts"
    _write(texts, "briefing.txt", 'The spokesman said the talks "would resume soon".\n')
    _write(
        data,
        "statements.yaml",
        "sources:\n- id: briefing\n  title: Briefing\n  file: briefing.txt\n"
        "actors:\n- id: spokesman\n  kind: person\n  name: The spokesman\n"
        "statements:\n- id: talks-resume\n  speaker: spokesman\n  date: '2019-07-01'\n"
        "  text: would resume soon\n  evidence:\n  - source: briefing\n"
        "    quote: would resume soon\n    note: on the record\n",
    )
    base = ("--data", data, "--texts", texts, "evidence", "briefing", "would resume soon")
    result = _run(*base, "--into", "talks-resume")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    evidence = load(data).statements["talks-resume"].evidence
    assert [(e.quote, e.start, e.end, e.note) for e in evidence] == [
        ("would resume soon", 30, 47, "on the record")
    ]
    again = _run(*base, "--into", "talks-resume")
    assert again.exit_code == 1 and "already has this evidence" in again.stderr  # type: ignore[attr-defined]
    assert len(load(data).statements["talks-resume"].evidence) == 1


def test_an_additions_file_alone_is_not_silently_ignored() -> None:
    _, problems = check_folder(LAYER)
    assert str(problems[0]).startswith(f"{LAYER / 'additions.yaml'}:1: additions to records of ")


def test_a_layer_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such folder"):
        check_layers([bundled_data(), tmp_path / "nowhere"])


def test_the_readme_shows_the_additions_file_as_it_is() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{(LAYER / 'additions.yaml').read_text(encoding='utf-8')}```" in readme
