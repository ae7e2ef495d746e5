"""The RDF terms of the mapping as pyoxigraph nodes, built once from :mod:`diplograph.rdf.vocab`.

Both directions of the mapping (the writers and the reader) take their terms
from here, so a term is spelled once. Names are ``PREFIX_term``
(``DG_speaker``, ``SEM_hasActor``) except for a few that every record uses
(``A`` for ``rdf:type``, ``ID``, ``LABEL``, ...). :data:`KIND_CLASSES` gives
the class that finds each record kind, from :data:`diplograph.kinds.KINDS`.

Examples
--------
>>> DG_speaker
'https://w3id.org/diplograph/ontology#speaker'
>>> KIND_CLASSES["statements"].value
'https://w3id.org/diplograph/ontology#Statement'
"""

from __future__ import annotations

from functools import lru_cache

from pyoxigraph import BlankNode, Literal, NamedNode

from ..dates import Precision
from ..kinds import KINDS
from ..model import ActorKind, EventType, Role, SourceKind, StatementMode, Topic
from .vocab import (
    DCTERMS,
    DG,
    EVENT_TYPE,
    FOAF,
    GEO,
    MODE,
    OA,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    ROLE,
    SCHEMA,
    SEM,
    SKOS,
    SOURCE_KIND,
    TIME,
    TOPIC,
    XSD,
)

Term = NamedNode | BlankNode | Literal
Spo = tuple[NamedNode, NamedNode, Term]
"""A triple of pyoxigraph terms as a plain tuple."""

Lit = tuple[str, str]
"""A literal as the writers make it: ``(lexical form, datatype IRI)``, ``""`` for xsd:string."""
Obj = str | Lit
"""The object of a written triple: an IRI (a ``str``) or a :data:`Lit`."""
Row = tuple[str, str, Obj]
"""A triple as the writers make it: plain strings, no pyoxigraph object per term."""


def iri_node(iri: str) -> str:
    """A term's IRI as a plain string, the form the writers use."""
    return str(iri)


# Terms as pyoxigraph nodes, built once.
A = iri_node(RDF.type)
ID = iri_node(DCTERMS.identifier)
LABEL = iri_node(RDFS.label)
COMMENT = iri_node(RDFS.comment)
VALUE = iri_node(RDF.value)
SEQ = iri_node(RDF.Seq)
SAME_AS = iri_node(OWL.sameAs)
DERIVED = iri_node(PROV.wasDerivedFrom)
EVIDENCE = iri_node(DG.evidence)

XSD_DATE = iri_node(XSD.date)
XSD_BY_PRECISION = {
    Precision.DAY: XSD_DATE,
    Precision.MONTH: iri_node(XSD.gYearMonth),
    Precision.YEAR: iri_node(XSD.gYear),
}
XSD_INT = iri_node(XSD.integer)
XSD_NNI = iri_node(XSD.nonNegativeInteger)
XSD_DECIMAL = iri_node(XSD.decimal)
XSD_ANYURI = iri_node(XSD.anyURI)
XSD_BOOLEAN = iri_node(XSD.boolean)

ACTOR_CLASS = {
    ActorKind.PERSON: iri_node(SCHEMA.Person),
    ActorKind.STATE: iri_node(SCHEMA.Country),
    ActorKind.ORGANIZATION: iri_node(SCHEMA.Organization),
    ActorKind.GOVERNMENT_BODY: iri_node(SCHEMA.GovernmentOrganization),
    ActorKind.MEDIA: iri_node(SCHEMA.NewsMediaOrganization),
}
SOURCE_CLASS = {
    SourceKind.NEWS_ARTICLE: iri_node(SCHEMA.NewsArticle),
    SourceKind.REPORT: iri_node(SCHEMA.Report),
    SourceKind.DATASET: iri_node(SCHEMA.Dataset),
    SourceKind.REFERENCE: iri_node(SCHEMA.Article),
}
CREATIVE_WORK = iri_node(SCHEMA.CreativeWork)

# OWL-Time: the same dates as a time:Interval with instants typed by precision.
OT_HAS_TIME = iri_node(TIME.hasTime)
OT_INTERVAL = iri_node(TIME.Interval)
OT_INSTANT = iri_node(TIME.Instant)
OT_BEGINNING = iri_node(TIME.hasBeginning)
OT_END = iri_node(TIME.hasEnd)
OT_IN_XSD = {
    Precision.DAY: iri_node(TIME.inXSDDate),
    Precision.MONTH: iri_node(TIME.inXSDgYearMonth),
    Precision.YEAR: iri_node(TIME.inXSDgYear),
}

STAMPS = {
    "begin": iri_node(SEM.hasBeginTimeStamp),
    "end": iri_node(SEM.hasEndTimeStamp),
    "earliest_begin": iri_node(SEM.hasEarliestBeginTimeStamp),
    "latest_begin": iri_node(SEM.hasLatestBeginTimeStamp),
    "earliest_end": iri_node(SEM.hasEarliestEndTimeStamp),
    "latest_end": iri_node(SEM.hasLatestEndTimeStamp),
}


# Every other term the mapping writes, as pyoxigraph nodes built once (a namespace
# attribute costs more than the triple it goes into).
DCTERMS_issued = iri_node(DCTERMS.issued)
DCTERMS_language = iri_node(DCTERMS.language)
DCTERMS_publisher = iri_node(DCTERMS.publisher)
DCTERMS_title = iri_node(DCTERMS.title)
DG_Evidence = iri_node(DG.Evidence)
DG_Source = iri_node(DG.Source)
DG_Statement = iri_node(DG.Statement)
DG_aboutActor = iri_node(DG.aboutActor)
DG_aboutActorOrder = iri_node(DG.aboutActorOrder)
DG_aboutEvent = iri_node(DG.aboutEvent)
DG_aboutEventOrder = iri_node(DG.aboutEventOrder)
DG_aliasOrder = iri_node(DG.aliasOrder)
DG_channel = iri_node(DG.channel)
DG_jointSpeaker = iri_node(DG.jointSpeaker)
DG_jointSpeakerOrder = iri_node(DG.jointSpeakerOrder)
DG_aboutPlace = iri_node(DG.aboutPlace)
DG_aboutPlaceOrder = iri_node(DG.aboutPlaceOrder)
DG_aboutTopic = iri_node(DG.aboutTopic)
DG_aboutTopicOrder = iri_node(DG.aboutTopicOrder)
DG_saidAt = iri_node(DG.saidAt)
DG_country = iri_node(DG.country)
DG_credibility = iri_node(DG.credibility)
DG_confidence = iri_node(DG.confidence)
DG_draft = iri_node(DG.draft)
DG_edtf = iri_node(DG.edtf)
DG_endEdtf = iri_node(DG.endEdtf)
DG_file = iri_node(DG.file)
DG_follows = iri_node(DG.follows)
DG_followsOrder = iri_node(DG.followsOrder)
DG_hasRole = iri_node(DG.hasRole)
DG_issuedEdtf = iri_node(DG.issuedEdtf)
DG_leadsTo = iri_node(DG.leadsTo)
DG_leadsToOrder = iri_node(DG.leadsToOrder)
DG_mode = iri_node(DG.mode)
DG_outcome = iri_node(DG.outcome)
DG_reliability = iri_node(DG.reliability)
DG_retrieved = iri_node(DG.retrieved)
DG_retrievedEdtf = iri_node(DG.retrievedEdtf)
DG_sourceKind = iri_node(DG.sourceKind)
DG_speaker = iri_node(DG.speaker)
DG_startEdtf = iri_node(DG.startEdtf)
DG_text = iri_node(DG.text)
OA_TextPositionSelector = iri_node(OA.TextPositionSelector)
OA_TextQuoteSelector = iri_node(OA.TextQuoteSelector)
OA_end = iri_node(OA.end)
OA_hasSelector = iri_node(OA.hasSelector)
OA_hasSource = iri_node(OA.hasSource)
OA_start = iri_node(OA.start)
ORG_Post = iri_node(ORG.Post)
ORG_holds = iri_node(ORG.holds)
ORG_memberOf = iri_node(ORG.memberOf)
ORG_postIn = iri_node(ORG.postIn)
PROV_Entity = iri_node(PROV.Entity)
SCHEMA_Event = iri_node(SCHEMA.Event)
SCHEMA_Place = iri_node(SCHEMA.Place)
SCHEMA_containedInPlace = iri_node(SCHEMA.containedInPlace)
SCHEMA_description = iri_node(SCHEMA.description)
SCHEMA_startDate = iri_node(SCHEMA.startDate)  # read from files written by 0.1
SCHEMA_endDate = iri_node(SCHEMA.endDate)
DG_startDate = iri_node(DG.startDate)
DG_endDate = iri_node(DG.endDate)
FOAF_Agent = iri_node(FOAF.Agent)
ORG_Organization = iri_node(ORG.Organization)
DCTERMS_Agent = iri_node(DCTERMS.Agent)
DCTERMS_LinguisticSystem = iri_node(DCTERMS.LinguisticSystem)
SCHEMA_url = iri_node(SCHEMA.url)
SEM_Actor = iri_node(SEM.Actor)
SEM_Event = iri_node(SEM.Event)
SEM_Place = iri_node(SEM.Place)
SEM_Role = iri_node(SEM.Role)
SEM_eventType = iri_node(SEM.eventType)
SEM_hasActor = iri_node(SEM.hasActor)
SEM_hasPlace = iri_node(SEM.hasPlace)
SEM_roleType = iri_node(SEM.roleType)
SEM_subEventOf = iri_node(SEM.subEventOf)
SKOS_altLabel = iri_node(SKOS.altLabel)

DG_sha256 = iri_node(DG.sha256)
OA_exact = iri_node(OA.exact)
OA_prefix = iri_node(OA.prefix)
OA_suffix = iri_node(OA.suffix)
# The SKOS concept of each controlled value. One dict per enum: the enums are StrEnums, so
# "report" the event type, the statement mode and the source kind are equal keys.
EVENT_TYPES = {v: iri_node(f"{EVENT_TYPE}{v.value}") for v in EventType}
ROLES = {v: iri_node(f"{ROLE}{v.value}") for v in Role}
MODES = {v: iri_node(f"{MODE}{v.value}") for v in StatementMode}
SOURCE_KINDS = {v: iri_node(f"{SOURCE_KIND}{v.value}") for v in SourceKind}
TOPICS = {v: iri_node(f"{TOPIC}{v.value}") for v in Topic}


@lru_cache(maxsize=64)
def member(i: int) -> str:
    """``rdf:_i``, the i-th member of an rdf:Seq."""
    return f"{RDF}_{i}"


GEO_lat = iri_node(GEO.lat)
GEO_long = iri_node(GEO.long)


def expand(curie: str) -> NamedNode:
    """The node of a CURIE with one of the shipped prefixes: ``sem:Event``.

    >>> expand("sem:Event").value
    'http://semanticweb.cs.vu.nl/2009/11/sem/Event'
    """
    prefix, _, local = curie.partition(":")
    return NamedNode(f"{PREFIXES[prefix]}{local}")


KIND_CLASSES: dict[str, NamedNode] = {key: expand(k.rdf_class) for key, k in KINDS.items()}
"""The class that finds the records of each kind, by kind key."""
