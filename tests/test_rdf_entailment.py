"""What a reasoner infers from the export is true: RDFS and OWL-RL closures, real vocabularies.

The Korea export, ``ontology/diplograph.ttl`` and ``event-types.ttl`` and the
reference vocabularies of ``../shared/data/ontologies`` (PROV-O, W3C ORG,
Web Annotation, OWL-Time, SEM, and schema.org's class and property hierarchy)
go through owlrl's closures; no record may come out with a class or a
literal it should not have.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, BNode, Literal, URIRef

from diplograph.kg import KnowledgeGraph
from diplograph.rdf.io import to_rdf
from diplograph.resources import shipped

BASE = "https://w3id.org/diplograph/id/"
SCHEMA = rdflib.Namespace("https://schema.org/")
SEM = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
DG = rdflib.Namespace("https://w3id.org/diplograph/ontology#")

# The classes an actor may have after inference: agent classes, and the tops every
# resource reaches. schema:Country is schema.org's class of states, which it files under
# AdministrativeArea and Place (and declares equivalent to OMG Commons' geopolitical
# entity): a state is a polity and a territory, so these hold for states only.
AGENT_CLASSES = {
    SEM.Actor,
    SEM.Authority,  # SEM: every sem:Actor is a sem:Authority
    SEM.Core,
    FOAF.Agent,
    ORG.Organization,
    SCHEMA.Person,
    SCHEMA.Organization,
    SCHEMA.GovernmentOrganization,
    SCHEMA.NewsMediaOrganization,
    SCHEMA.Country,
    SCHEMA.Thing,
    RDFS.Resource,
    OWL.Thing,
}
STATE_ONLY = {
    SCHEMA.AdministrativeArea,
    SCHEMA.Place,
    URIRef("https://www.omg.org/spec/Commons/GeopoliticalEntities/GeopoliticalEntity"),
}
# Typed date properties: their values must be typed dates, never EDTF text.
DATE_TYPES = {XSD.date, XSD.gYearMonth, XSD.gYear, XSD.dateTime}
DATE_PROPERTIES = [
    SCHEMA.startDate,
    SCHEMA.endDate,
    DCTERMS.date,
    DCTERMS.issued,
    SEM.hasTimeStamp,
    SEM.hasBeginTimeStamp,
    SEM.hasEndTimeStamp,
]
EQUIVALENT = {str(OWL.equivalentClass), str(OWL.equivalentProperty)}
# schema.org is large; its rdfs/owl hierarchy is what a reasoner uses of it
HIERARCHY = {
    str(p)
    for p in (
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        OWL.equivalentClass,
        OWL.equivalentProperty,
        OWL.inverseOf,
    )
}


def _records(g: rdflib.Graph, kind: str) -> set[URIRef]:
    prefix = f"{BASE}{kind}/"
    return {
        s for s in g.subjects() if isinstance(s, URIRef) and s.startswith(prefix) and "#" not in s
    }


def _base_graph(shared: Path, korea: KnowledgeGraph) -> rdflib.Graph:
    folder = shared / "data" / "ontologies"
    g = rdflib.Graph()
    g.parse(data=to_rdf(korea, format="turtle"), format="turtle")
    for name in ("diplograph.ttl", "event-types.ttl"):
        g.parse(shipped("ontology") / name, format="turtle")
    # OWL-Time is left out: the default export writes none of it
    for name in ("prov-o.ttl", "org.ttl", "oa.ttl"):
        g.parse(folder / name, format="turtle")
    g.parse(folder / "sem.rdf", format="xml")
    # schema.org: the hierarchy above the terms in use (what a reasoner can reach)
    schema = folder / "schemaorg-current-https-30.0.ttl"
    above: dict[str, list[tuple[str, str]]] = {}
    for q in ox.parse(path=str(schema), format=ox.RdfFormat.TURTLE):
        s, p, o = q.subject, q.predicate, q.object
        if p.value in HIERARCHY and isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode):
            above.setdefault(s.value, []).append((p.value, o.value))
            if p.value in EQUIVALENT:
                above.setdefault(o.value, []).append((p.value, s.value))
    todo = [str(t) for t in set(g.subjects()) | set(g.predicates()) | set(g.objects())]
    seen: set[str] = set()
    while todo:
        term = todo.pop()
        if term in seen:
            continue
        seen.add(term)
        for p, o in above.get(term, ()):
            g.add((URIRef(term), URIRef(p), URIRef(o)))
            todo.append(o)
    return g


@pytest.fixture(scope="module", params=["rdfs", "owl-rl"])
def closure(request: pytest.FixtureRequest, shared: Path, korea: KnowledgeGraph) -> rdflib.Graph:
    g = _base_graph(shared, korea)
    semantics = owlrl.RDFS_Semantics if request.param == "rdfs" else owlrl.OWLRL_Semantics
    owlrl.DeductiveClosure(semantics).expand(g)
    return g


def _types(g: rdflib.Graph, node: URIRef) -> Iterator[URIRef]:
    for t in g.objects(node, RDF.type):
        if not isinstance(t, BNode):  # anonymous classes (unions in PROV's domains)
            assert isinstance(t, URIRef)
            yield t


def _equivalents(g: rdflib.Graph, classes: set[URIRef]) -> set[URIRef]:
    """``classes`` and the classes the vocabularies declare equivalent to them (schema.org
    names its equivalents in FOAF, GS1, FIBO and others)."""
    out = set(classes)
    for c in classes:
        out.update(o for o in g.objects(c, OWL.equivalentClass) if isinstance(o, URIRef))
        out.update(s for s in g.subjects(OWL.equivalentClass, c) if isinstance(s, URIRef))
    return out


def test_every_class_of_an_actor_is_an_agent_class(closure: rdflib.Graph) -> None:
    actors = _records(closure, "actor")
    assert len(actors) > 10
    agents, states = _equivalents(closure, AGENT_CLASSES), _equivalents(closure, STATE_ONLY)
    wrong = []
    for actor in actors:
        is_state = (actor, RDF.type, SCHEMA.Country) in closure
        allowed = agents | states if is_state else agents
        wrong += [(str(actor), str(t)) for t in _types(closure, actor) if t not in allowed]
    assert not wrong


def test_no_person_place_or_event_is_a_prov_entity_or_a_concept(closure: rdflib.Graph) -> None:
    for kind in ("actor", "place", "event", "statement"):
        nodes = _records(closure, kind)
        assert nodes, kind
        for node in nodes:
            for cls in (PROV.Entity, SKOS.Concept, RDFS.Class, OWL.Class):
                assert (node, RDF.type, cls) not in closure, (node, cls)
    # the derivation is the evidence's: evidence nodes are entities derived from a source
    evidence = set(closure.subjects(RDF.type, DG.Evidence))
    assert evidence
    for node in evidence:
        assert (node, RDF.type, PROV.Entity) in closure
        (source,) = closure.objects(node, PROV.wasDerivedFrom)
        assert (source, RDF.type, DG.Source) in closure


def test_typed_date_properties_get_typed_dates_only(closure: rdflib.Graph) -> None:
    seen = 0
    for p in DATE_PROPERTIES:
        for s, o in closure.subject_objects(p):
            seen += 1
            assert isinstance(o, Literal) and o.datatype in DATE_TYPES, (s, p, o)
    assert seen > 50
    # EDTF text stays in the EDTF properties
    assert any(str(o) == "../2019-07-01" for o in closure.objects(None, DG.edtf)) or any(
        "/" in str(o) for o in closure.objects(None, DG.edtf)
    )
    posts = set(closure.subjects(RDF.type, ORG.Post))
    assert posts
    for post in posts:
        assert (post, SCHEMA.startDate, None) not in closure
        assert (post, SCHEMA.endDate, None) not in closure


def test_publisher_and_language_are_resources_and_source_kinds_stay_concepts(
    closure: rdflib.Graph,
) -> None:
    publishers = list(closure.objects(None, DCTERMS.publisher))
    languages = list(closure.objects(None, DCTERMS.language))
    assert publishers and languages
    for o in publishers + languages:
        assert not isinstance(o, Literal), o
    assert URIRef("http://id.loc.gov/vocabulary/iso639-1/en") in languages
    for kind in closure.objects(None, DG.sourceKind):
        assert (kind, RDF.type, SKOS.Concept) in closure
        assert (kind, RDF.type, RDFS.Class) not in closure
        assert (kind, RDF.type, OWL.Class) not in closure


def test_membership_links_agents_to_organizations_as_written(
    shared: Path, korea: KnowledgeGraph
) -> None:
    """Without any inference: the export itself types both ends of org:memberOf and org:postIn."""
    g = rdflib.Graph().parse(data=to_rdf(korea, format="turtle"), format="turtle")
    links = list(g.subject_objects(ORG.memberOf)) + [
        (holder, org)
        for holder, post in g.subject_objects(ORG.holds)
        for org in g.objects(post, ORG.postIn)
    ]
    assert links
    for agent, organization in links:
        assert (agent, RDF.type, FOAF.Agent) in g
        assert (organization, RDF.type, ORG.Organization) in g
