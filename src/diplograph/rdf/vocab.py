"""The RDF vocabulary: the ``dg:`` terms of ``ontology/diplograph.ttl`` and the standard namespaces.

``DG`` is a closed namespace: a misspelt term raises ``AttributeError``
instead of producing a wrong IRI. A test keeps it in step with the ontology.

Examples
--------
>>> str(DG.Statement)
'https://w3id.org/diplograph/ontology#Statement'
>>> DG.Statment
Traceback (most recent call last):
...
AttributeError: term 'Statment' not in namespace 'https://w3id.org/diplograph/ontology#'
>>> str(SEM.hasActor)
'http://semanticweb.cs.vu.nl/2009/11/sem/hasActor'
"""

from __future__ import annotations

from rdflib import namespace as _namespace
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    OWL,
    RDF,
    RDFS,
    SKOS,
    Namespace,
)
from rdflib.term import URIRef

from . import iri as _iri

__all__ = [
    "BASE",
    "DCTERMS",
    "DG",
    "EVENT_TYPE",
    "FOAF",
    "GEO",
    "LANGUAGE",
    "MODE",
    "OA",
    "ONTOLOGY",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "ROLE",
    "SCHEMA",
    "SEM",
    "SKOS",
    "SOURCE_KIND",
    "TIME",
    "TOPIC",
    "WIKIDATA",
    "XSD",
]

ONTOLOGY = "https://w3id.org/diplograph/ontology#"
"""The namespace of the diplograph ontology (prefix ``dg:``)."""

BASE = _iri.BASE
"""The default base of instance IRIs, ``{BASE}{kind}/{id}``: ``{BASE}event/hanoi-summit-2019``."""


class DG(_namespace.DefinedNamespace):
    """The diplograph ontology ``https://w3id.org/diplograph/ontology#`` (diplograph.ttl)."""

    _NS = Namespace(ONTOLOGY)
    _fail = True

    # classes
    Statement: URIRef  # a speech act, itself an event (sem:Event)
    Source: URIRef  # a document facts are drawn from (prov:Entity)
    Evidence: URIRef  # the words in a source a fact rests on (oa:SpecificResource)
    # identity and bookkeeping
    edtf: URIRef  # the exact EDTF date of an event or statement
    issuedEdtf: URIRef  # EDTF of a source's publication date, when xsd cannot say it
    retrievedEdtf: URIRef  # EDTF of a source's capture date, when xsd cannot say it
    startEdtf: URIRef  # EDTF of a post's start, when xsd cannot say it
    endEdtf: URIRef  # EDTF of a post's end, when xsd cannot say it
    startDate: URIRef  # when a post was taken up, typed by precision
    endDate: URIRef  # when a post was left, typed by precision
    retrieved: URIRef  # when the copy of a source at hand was captured
    # events
    hasRole: URIRef  # event -> its sem:Role nodes
    follows: URIRef  # event -> an event before it
    leadsTo: URIRef  # event -> an event it led to
    outcome: URIRef  # what an event produced
    # statements
    speaker: URIRef
    text: URIRef
    mode: URIRef
    about: URIRef
    aboutEvent: URIRef
    aboutActor: URIRef
    channel: URIRef
    jointSpeaker: URIRef  # each actor who spoke a statement's words jointly
    aboutPlace: URIRef
    aboutTopic: URIRef  # a concept of the topic scheme
    saidAt: URIRef  # statement -> the event where it was said
    # actors and places
    country: URIRef
    # sources
    sourceKind: URIRef
    file: URIRef
    sha256: URIRef
    reliability: URIRef
    credibility: URIRef
    # evidence
    evidence: URIRef
    confidence: URIRef
    draft: URIRef
    # order of multi-valued fields (rdf:Seq nodes, written only for two values or more)
    aliasOrder: URIRef
    followsOrder: URIRef
    leadsToOrder: URIRef
    aboutEventOrder: URIRef
    aboutActorOrder: URIRef
    jointSpeakerOrder: URIRef
    aboutPlaceOrder: URIRef
    aboutTopicOrder: URIRef
    # reports: one source's account of an event (a sem:View sem:accordingTo its source)
    Report: URIRef  # a sem:View of an event as one source gives it (prov:Entity)
    reportOf: URIRef  # report -> the event it describes (narrows dcterms:subject)
    DyadIndex: URIRef  # a store's index of its reports for the dyad view (rdf.dyad_index)
    sourceActor: URIRef  # report -> the doer (narrows sem:hasActor)
    targetActor: URIRef  # report -> the target (narrows sem:hasActor)
    actorOrder: URIRef  # order of a report's other actors
    sourceName: URIRef  # the doer as the source writes it
    targetName: URIRef  # the target as the source writes it
    cameoCode: URIRef  # the CAMEO event code the source gives
    ploverCode: URIRef  # the PLOVER event category the source gives
    goldstein: URIRef  # the Goldstein scale value the source gives
    intensity: URIRef  # the ICEWS intensity the source gives
    quadClass: URIRef  # the CAMEO quad class the source gives
    row: URIRef  # the line or record number of the row in dg:rowFile
    rowFile: URIRef  # the name of the file a report's row was read from


XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
"""XML Schema datatypes (an open namespace: rdflib's closed one warns when probed)."""
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
"""Simple Event Model."""
SCHEMA = Namespace("https://schema.org/")
"""schema.org (the https form, as in release 30.0)."""
PROV = Namespace("http://www.w3.org/ns/prov#")
"""W3C PROV-O."""
OA = Namespace("http://www.w3.org/ns/oa#")
"""W3C Web Annotation vocabulary."""
ORG = Namespace("http://www.w3.org/ns/org#")
"""W3C Organization ontology."""
TIME = Namespace("http://www.w3.org/2006/time#")
"""W3C/OGC OWL-Time."""
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
"""W3C Basic Geo (WGS84 lat/long)."""
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
"""Wikidata items, the objects of ``owl:sameAs``."""
LANGUAGE = "http://id.loc.gov/vocabulary/iso639-1/"
"""Library of Congress ISO 639-1 languages, the ``dcterms:language`` of a two-letter code."""

EVENT_TYPE = Namespace(_iri.EVENT_TYPE)
"""SKOS concepts of the event types (``ontology/event-types.ttl``), e.g. ``EVENT_TYPE.summit``."""
ROLE = Namespace("https://w3id.org/diplograph/role/")
"""SKOS concepts of the roles an actor plays in an event (``sem:roleType`` values)."""
MODE = Namespace("https://w3id.org/diplograph/mode/")
"""SKOS concepts of how a statement's words reach us."""
SOURCE_KIND = Namespace("https://w3id.org/diplograph/source-kind/")
"""SKOS concepts of the kinds of source document."""
TOPIC = Namespace("https://w3id.org/diplograph/topic/")
"""SKOS concepts of the issues a statement is about (``ontology/topics.ttl``)."""

PREFIXES: dict[str, str] = {
    "dg": ONTOLOGY,
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "org": str(ORG),
    "foaf": str(FOAF),
    "time": str(TIME),
    "geo": str(GEO),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WIKIDATA),
    "et": str(EVENT_TYPE),
    "role": str(ROLE),
    "mode": str(MODE),
    "kind": str(SOURCE_KIND),
    "topic": str(TOPIC),
}
"""Prefixes declared in every Turtle, TriG and JSON-LD file diplograph writes."""
