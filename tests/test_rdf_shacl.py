"""SHACL: the shipped dataset conforms, and each deliberately broken graph gives its violation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, XSD, Literal, URIRef

from diplograph import load
from diplograph.cli import cli
from diplograph.kg import KnowledgeGraph
from diplograph.rdf.shacl import Violation, check_shacl, shapes_graph, to_rdflib
from diplograph.rdf.vocab import DG, SEM

HERE = Path(__file__).resolve().parent
SMALL = HERE / "data" / "rdf" / "small"
ID = "https://w3id.org/diplograph/id/"
HANOI = URIRef(f"{ID}event/hanoi-summit-2019")
STATEMENT = URIRef(f"{ID}statement/kcna-satisfaction")
KIM = URIRef(f"{ID}actor/kim-jong-un")
SCHEMA = rdflib.Namespace("https://schema.org/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
GEO = rdflib.Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")


def test_pyshacl_says_the_korea_dataset_conforms(korea: KnowledgeGraph) -> None:
    conforms, _, text = pyshacl.validate(to_rdflib(korea), shacl_graph=shapes_graph())
    assert conforms, text
    assert check_shacl(korea) == []


def test_the_small_dataset_conforms() -> None:
    assert check_shacl(load(SMALL)) == []


def test_draft_evidence_with_a_confidence_conforms() -> None:
    kg = load(SMALL)
    event = kg.events["hanoi-summit-2019"]
    marked = tuple(e.model_copy(update={"draft": True, "confidence": 0.25}) for e in event.evidence)
    kg.events[event.id] = event.model_copy(update={"evidence": marked})
    g = to_rdflib(kg)
    node = URIRef(f"{HANOI}#evidence-1")
    assert (node, URIRef(DG.draft), Literal(True)) in g
    assert (node, URIRef(DG.confidence), Literal("0.25", datatype=XSD.decimal)) in g
    assert check_shacl(kg) == []


def _set(s: URIRef, p: URIRef, o: rdflib.term.Node) -> Callable[[rdflib.Graph], None]:
    def change(g: rdflib.Graph) -> None:
        g.remove((s, p, None))
        g.add((s, p, o))

    return change


def _drop(s: URIRef, p: URIRef) -> Callable[[rdflib.Graph], None]:
    def change(g: rdflib.Graph) -> None:
        assert (s, p, None) in g
        g.remove((s, p, None))

    return change


def _add(s: URIRef, p: URIRef, o: rdflib.term.Node) -> Callable[[rdflib.Graph], None]:
    def change(g: rdflib.Graph) -> None:
        g.add((s, p, o))

    return change


def _drop_all(*changes: Callable[[rdflib.Graph], None]) -> Callable[[rdflib.Graph], None]:
    def change(g: rdflib.Graph) -> None:
        for c in changes:
            c(g)

    return change


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


# name -> (change to the small dataset's graph, the violation it must produce)
BROKEN: dict[str, tuple[Callable[[rdflib.Graph], None], Violation]] = {
    "begins-after-it-ends": (
        _set(HANOI, URIRef(SEM.hasEarliestBeginTimeStamp), _date("2019-03-01")),
        Violation(
            "event/hanoi-summit-2019",
            "sem:hasEarliestBeginTimeStamp",
            "begins after it ends: the earliest begin is after the latest end",
            "'2019-03-01'",
        ),
    ),
    "statement-without-speaker": (
        _drop(STATEMENT, URIRef(DG.speaker)),
        Violation(
            "statement/kcna-satisfaction",
            "dg:speaker",
            "a statement needs exactly one speaker, an actor in the data",
        ),
    ),
    "statement-without-evidence": (
        _drop(STATEMENT, URIRef(DG.evidence)),
        Violation(
            "statement/kcna-satisfaction",
            "dg:evidence",
            "a statement needs evidence: where its words are written",
        ),
    ),
    "two-labels": (
        _add(HANOI, rdflib.RDFS.label, Literal("Hanoi 2")),
        Violation("event/hanoi-summit-2019", "rdfs:label", "an event needs exactly one label"),
    ),
    "unknown-event-type": (
        _set(HANOI, URIRef(SEM.eventType), URIRef("https://w3id.org/diplograph/event-type/picnic")),
        Violation(
            "event/hanoi-summit-2019",
            "sem:eventType",
            "an event needs one type from the event type scheme",
            "et:picnic",
        ),
    ),
    "begin-stamp-not-a-date": (
        _set(HANOI, URIRef(SEM.hasBeginTimeStamp), Literal("27 Feb 2019")),
        Violation(
            "event/hanoi-summit-2019",
            "sem:hasBeginTimeStamp",
            "a begin time stamp is one xsd:date, xsd:gYearMonth or xsd:gYear",
            "'27 Feb 2019'",
        ),
    ),
    "no-time-stamp": (
        _drop_all(
            _drop(HANOI, URIRef(SEM.hasBeginTimeStamp)), _drop(HANOI, URIRef(SEM.hasEndTimeStamp))
        ),
        Violation("event/hanoi-summit-2019", "", "needs a begin or an end time stamp"),
    ),
    "actor-of-two-kinds": (
        _add(KIM, RDF.type, SCHEMA.Country),
        Violation(
            "actor/kim-jong-un",
            "",
            "an actor is exactly one of schema:Person, schema:Country, schema:Organization, "
            "schema:GovernmentOrganization, schema:NewsMediaOrganization",
        ),
    ),
    "participant-not-in-the-data": (
        _add(HANOI, URIRef(SEM.hasActor), URIRef(f"{ID}actor/donald-trump")),
        Violation(
            "event/hanoi-summit-2019",
            "sem:hasActor",
            "a participant must be an actor in the data",
            "actor/donald-trump",
        ),
    ),
    "role-of-a-place": (
        _set(URIRef(f"{HANOI}#role-1"), RDF.value, URIRef(f"{ID}place/hanoi")),
        Violation(
            "event/hanoi-summit-2019#role-1",
            "rdf:value",
            "a role names exactly one actor in the data",
            "place/hanoi",
        ),
    ),
    "latitude-out-of-range": (
        _set(URIRef(f"{ID}place/hanoi"), GEO.lat, Literal("121.0245", datatype=XSD.decimal)),
        Violation("place/hanoi", "geo:lat", "latitude is one decimal from -90 to 90", "'121.0245'"),
    ),
    "reliability-grade-g": (
        _set(URIRef(f"{ID}source/seoul-hopes"), URIRef(DG.reliability), Literal("G")),
        Violation(
            "source/seoul-hopes",
            "dg:reliability",
            "source reliability is one Admiralty grade, A to F",
            "'G'",
        ),
    ),
    "text-position-backwards": (
        _set(
            URIRef(f"{HANOI}#evidence-1-position"),
            OA.end,
            Literal("3000", datatype=XSD.nonNegativeInteger),
        ),
        Violation(
            "event/hanoi-summit-2019#evidence-1-position",
            "oa:start",
            "a text position needs one start offset, before the end",
            "'3045'",
        ),
    ),
    "evidence-cites-a-missing-source": (
        _set(URIRef(f"{HANOI}#evidence-2"), OA.hasSource, URIRef(f"{ID}source/nowhere")),
        Violation(
            "event/hanoi-summit-2019#evidence-2",
            "oa:hasSource",
            "evidence cites exactly one source in the data",
            "source/nowhere",
        ),
    ),
    "confidence-above-one": (
        _set(
            URIRef(f"{HANOI}#evidence-1"),
            URIRef(DG.confidence),
            Literal("1.5", datatype=XSD.decimal),
        ),
        Violation(
            "event/hanoi-summit-2019#evidence-1",
            "dg:confidence",
            "a confidence is one number from 0 to 1",
            "'1.5'",
        ),
    ),
    "confidence-as-text": (
        _set(URIRef(f"{HANOI}#evidence-1"), URIRef(DG.confidence), Literal("high")),
        Violation(
            "event/hanoi-summit-2019#evidence-1",
            "dg:confidence",
            "a confidence is one number from 0 to 1",
            "'high'",
        ),
    ),
    "draft-not-a-boolean": (
        _set(URIRef(f"{HANOI}#evidence-1"), URIRef(DG.draft), Literal("maybe")),
        Violation(
            "event/hanoi-summit-2019#evidence-1",
            "dg:draft",
            "draft is one true or false",
            "'maybe'",
        ),
    ),
    "country-that-is-not-a-state": (
        _set(KIM, URIRef(DG.country), URIRef(f"{ID}actor/kcna")),
        Violation(
            "actor/kim-jong-un",
            "dg:country",
            "the country must be one state (schema:Country) in the data",
            "actor/kcna",
        ),
    ),
    "same-as-not-wikidata": (
        _set(KIM, rdflib.OWL.sameAs, URIRef("http://dbpedia.org/resource/Kim_Jong_Un")),
        Violation(
            "actor/kim-jong-un",
            "owl:sameAs",
            "owl:sameAs must be one Wikidata item, http://www.wikidata.org/entity/Q...",
            "<http://dbpedia.org/resource/Kim_Jong_Un>",
        ),
    ),
}


@pytest.fixture(scope="module")
def small_graph() -> rdflib.Graph:
    return to_rdflib(load(SMALL))


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_graph_gives_the_expected_violation(name: str, small_graph: rdflib.Graph) -> None:
    change, expected = BROKEN[name]
    g = rdflib.Graph()
    for triple in small_graph:
        g.add(triple)
    change(g)
    violations = check_shacl(g)
    assert violations, f"{name}: the broken graph conforms"
    matching = [
        v
        for v in violations
        if (v.focus, v.path, v.message) == (expected.focus, expected.path, expected.message)
        and v.value.startswith(expected.value)
    ]
    assert matching, f"{name}: expected {expected}, got {[str(v) for v in violations]}"


def test_violations_read_as_focus_path_message() -> None:
    v = Violation("event/x", "sem:hasPlace", "an event happens at most at one place", "place/y")
    assert str(v) == "event/x: sem:hasPlace: an event happens at most at one place (got place/y)"
    assert str(Violation("actor/a", "", "is odd")) == "actor/a: is odd"


def test_cli_validate_shacl_reports_violations_and_exits_1(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = (SMALL / "records.yaml").read_text(encoding="utf-8")
    # valid YAML records, but Kim's "country" is a news agency, not a state
    (data / "records.yaml").write_text(
        text.replace(
            "  wikidata: Q56226\n  country: north-korea", "  wikidata: Q56226\n  country: kcna"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--data", str(data), "validate"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["--data", str(data), "validate", "--shacl"])
    assert result.exit_code == 1
    assert result.stdout == (
        "actor/kim-jong-un: dg:country: the country must be one state (schema:Country) in the "
        "data (got actor/kcna)\n"
    )
    assert result.stderr == "1 SHACL violation(s) in the RDF export\n"


def test_cli_validate_shacl_on_the_shipped_dataset() -> None:
    result = CliRunner().invoke(cli, ["validate", "--shacl"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("(the RDF export conforms to the SHACL shapes)\n")
