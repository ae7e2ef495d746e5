"""The ontology: every term we use exists where it should, DG and the Turtle agree, SKOS schemes."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from diplograph.kg import KnowledgeGraph
from diplograph.model import EventType, Role, SourceKind, StatementMode
from diplograph.rdf.io import context
from diplograph.rdf.mapping import to_triples
from diplograph.rdf.vocab import DG, EVENT_TYPE, MODE, ONTOLOGY, ROLE, SOURCE_KIND
from diplograph.resources import shipped

ONTOLOGY_DIR = shipped("ontology")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
CAMEO = rdflib.Namespace("https://w3id.org/diplograph/cameo/")

# namespace -> the file of ../shared/data/ontologies/ that defines it
VOCABULARIES = {
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem.rdf",
    "https://schema.org/": "schemaorg-current-https-30.0.ttl",
    "http://www.w3.org/ns/prov#": "prov-o.ttl",
    "http://www.w3.org/2006/time#": "owl-time.ttl",
    "http://www.w3.org/ns/oa#": "oa.ttl",
    "http://www.w3.org/ns/org#": "org.ttl",
}
# namespaces checked against rdflib's closed term lists instead
CLOSED = {str(ns): ns for ns in (DCTERMS, OWL, RDF, RDFS, SKOS)}
# W3C Basic Geo is not among the shared files; its terms, from its namespace document
GEO_TERMS = {"lat", "long", "alt", "lat_long", "location", "Point", "SpatialThing"}


def parse(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / name, format="turtle")


@cache
def _vocabulary(path: Path) -> frozenset[str]:
    fmt = "xml" if path.suffix == ".rdf" else "turtle"
    g = rdflib.Graph().parse(path, format=fmt)
    return frozenset(str(s) for s in g.subjects() if isinstance(s, rdflib.URIRef))


def _used_iris(korea: KnowledgeGraph) -> set[str]:
    """Every predicate and class the export writes, and every IRI in our ontology files."""
    out: set[str] = set()
    for record in korea.records():
        for t in to_triples(record):
            out.add(t.predicate.value)
            if t.predicate.value == str(RDF.type):
                out.add(t.object.value)
    for name in ("diplograph.ttl", "event-types.ttl", "shapes.ttl"):
        for triple in parse(name):
            out.update(str(term) for term in triple if isinstance(term, rdflib.URIRef))
    return out


def test_every_external_term_exists_in_its_vocabulary(shared: Path, korea: KnowledgeGraph) -> None:
    folder = shared / "data" / "ontologies"
    unknown: list[str] = []
    checked = 0
    for iri in sorted(_used_iris(korea)):
        for ns, file in VOCABULARIES.items():
            if iri.startswith(ns):
                checked += 1
                if iri not in _vocabulary(folder / file):
                    unknown.append(iri)
        for ns, closed in CLOSED.items():
            if iri.startswith(ns) and not iri.startswith(str(RDF) + "_"):
                checked += 1
                if rdflib.URIRef(iri) not in closed:
                    unknown.append(iri)
        if iri.startswith("http://www.w3.org/2003/01/geo/wgs84_pos#"):
            checked += 1
            if iri.rsplit("#", 1)[1] not in GEO_TERMS:
                unknown.append(iri)
    assert checked > 60
    assert not unknown, f"terms missing from their vocabularies: {unknown}"


def test_the_check_catches_a_misspelt_term(shared: Path) -> None:
    sem = _vocabulary(shared / "data" / "ontologies" / "sem.rdf")
    assert "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor" in sem
    assert "http://semanticweb.cs.vu.nl/2009/11/sem/hasActors" not in sem
    schema = _vocabulary(shared / "data" / "ontologies" / "schemaorg-current-https-30.0.ttl")
    assert "https://schema.org/NewsMediaOrganization" in schema
    assert "http://schema.org/Event" not in schema  # the https form is the one we use


def test_dg_namespace_is_in_step_with_the_ontology() -> None:
    g = parse("diplograph.ttl")
    defined = {
        str(s)[len(ONTOLOGY) :]
        for s in g.subjects(RDF.type, None)
        if isinstance(s, rdflib.URIRef) and str(s).startswith(ONTOLOGY)
    }
    in_python = set(DG.__annotations__)
    assert in_python == defined, (
        f"only in vocab.py: {sorted(in_python - defined)}; only in the ontology: "
        f"{sorted(defined - in_python)}"
    )


# dg terms that have no standard super-term, and why
_EDTF = "EDTF text: under a typed date property it would become that property's value"
UNALIGNED = {
    "edtf": _EDTF,
    "issuedEdtf": _EDTF,
    "retrievedEdtf": _EDTF,
    "startEdtf": _EDTF,
    "endEdtf": _EDTF,
    "sourceKind": "dcterms:type's range is rdfs:Class and the kinds are SKOS concepts; "
    "linked by rdfs:seeAlso",
    "evidence": "prov:wasDerivedFrom would make every record a prov:Entity; the evidence node "
    "carries the derivation",
    "file": "a file name in a local folder of texts; no standard term fits",
    "confidence": "Web Annotation and PROV have no term for how sure a program is of a reading",
    "draft": "schema:creativeWorkStatus is a text of a creative work, not a flag on evidence; "
    "linked by rdfs:seeAlso",
    "country": "schema:nationality (persons) and schema:containedInPlace (places) each fit one "
    "side only; linked by rdfs:seeAlso",
    "rowFile": "the name of an imported file a report's row was read from; no standard term fits",
    "row": "a line number in that file; no standard term fits",
}


def test_every_term_is_labelled_commented_and_aligned() -> None:
    g = parse("diplograph.ttl")
    for name in DG.__annotations__:
        term = rdflib.URIRef(ONTOLOGY + name)
        assert g.value(term, RDFS.label) is not None, f"dg:{name} has no label"
        assert g.value(term, RDFS.comment) is not None, f"dg:{name} has no comment"
        supers = [
            o
            for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)
            for o in g.objects(term, p)
        ]
        external = [o for o in supers if not str(o).startswith(ONTOLOGY)]
        inherited = [o for o in supers if str(o).startswith(ONTOLOGY)]
        if name in UNALIGNED:
            assert not external, f"dg:{name} is aligned now; drop it from UNALIGNED"
            continue
        assert external or inherited, f"dg:{name} is not aligned to any vocabulary"


@pytest.mark.parametrize(
    ("enum", "ns", "scheme"),
    [
        (EventType, EVENT_TYPE, "https://w3id.org/diplograph/event-types"),
        (Role, ROLE, "https://w3id.org/diplograph/role"),
        (StatementMode, MODE, "https://w3id.org/diplograph/mode"),
        (SourceKind, SOURCE_KIND, "https://w3id.org/diplograph/source-kind"),
    ],
)
def test_every_controlled_value_is_a_skos_concept(
    enum: type, ns: rdflib.Namespace, scheme: str
) -> None:
    g = parse("diplograph.ttl") + parse("event-types.ttl")
    members = {str(c) for c in g.subjects(SKOS.inScheme, rdflib.URIRef(scheme))}
    assert members == {f"{ns}{v.value}" for v in enum}  # type: ignore[attr-defined]
    for iri in members:
        assert (rdflib.URIRef(iri), RDF.type, SKOS.Concept) in g
        assert g.value(rdflib.URIRef(iri), SKOS.prefLabel) is not None


@cache
def _cameo(shared: Path) -> dict[str, str]:
    path = shared / "data" / "cameo" / "CAMEO.eventcodesfull.txt"
    with path.open(newline="", encoding="utf-8") as fh:
        return {
            row["EventCode"]: row["EventDescription"] for row in csv.DictReader(fh, delimiter="\t")
        }


def test_event_types_close_match_real_cameo_codes(shared: Path) -> None:
    g = parse("event-types.ttl")
    codes = _cameo(shared)
    for value in EventType:
        concept = rdflib.URIRef(f"{EVENT_TYPE}{value.value}")
        matches = list(g.objects(concept, SKOS.closeMatch))
        assert matches, f"et:{value.value} has no CAMEO match"
        for match in matches:
            code = str(g.value(match, SKOS.notation))
            assert str(match) == f"{CAMEO}{code}"
            assert code in codes, f"{code} is not a CAMEO event code"
            assert str(g.value(match, SKOS.prefLabel)) == codes[code]


def test_a_visit_is_made_by_the_guest_and_hosted_by_the_host(shared: Path) -> None:
    g = parse("event-types.ttl")
    codes = _cameo(shared)
    assert codes["042"] == "Make a visit"
    assert codes["043"] == "Host a visit"
    visit = set(g.objects(rdflib.URIRef(f"{EVENT_TYPE}visit"), SKOS.closeMatch))
    assert visit == {CAMEO["042"], CAMEO["043"]}
    assert str(g.value(CAMEO["042"], SKOS.prefLabel)) == "Make a visit"
    assert str(g.value(CAMEO["043"], SKOS.prefLabel)) == "Host a visit"
    talks = set(g.objects(rdflib.URIRef(f"{EVENT_TYPE}talks"), SKOS.closeMatch))
    assert talks == {CAMEO["046"]}


@pytest.mark.parametrize(
    ("path", "enum", "ns"),
    [
        ("http://semanticweb.cs.vu.nl/2009/11/sem/eventType", EventType, EVENT_TYPE),
        ("http://semanticweb.cs.vu.nl/2009/11/sem/roleType", Role, ROLE),
        (f"{ONTOLOGY}mode", StatementMode, MODE),
        (f"{ONTOLOGY}sourceKind", SourceKind, SOURCE_KIND),
    ],
)
def test_shape_value_lists_follow_the_model(path: str, enum: type, ns: rdflib.Namespace) -> None:
    g = parse("shapes.ttl")
    shape = next(g.subjects(SH.path, rdflib.URIRef(path)))
    listed = {str(v) for v in rdflib.collection.Collection(g, g.value(shape, SH["in"]))}
    assert listed == {f"{ns}{v.value}" for v in enum}  # type: ignore[attr-defined]


def test_the_jsonld_context_names_every_predicate_and_prefix(korea: KnowledgeGraph) -> None:
    ctx = context()
    prefixes = {v for v in ctx.values() if isinstance(v, str)}
    terms = set()
    for value in ctx.values():
        if isinstance(value, dict):
            terms.add(value["@id"])
        elif isinstance(value, str) and ":" in value and not value.startswith("http"):
            terms.add(value)
    expanded = set()
    for curie in terms:
        prefix, local = curie.split(":", 1)
        expanded.add(ctx[prefix] + local)
    assert "https://w3id.org/diplograph/ontology#" in prefixes
    for record in korea.records():
        for t in to_triples(record):
            p = t.predicate.value
            if p == str(RDF.type) or p.startswith(f"{RDF}_"):
                continue
            assert p in expanded, f"no term in context.jsonld for {p}"
