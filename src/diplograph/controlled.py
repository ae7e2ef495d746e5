"""The controlled lists of the records: kinds of actor, event types, roles, modes, topics.

They are plain enumerations, kept apart from the pydantic models of
:mod:`diplograph.model` (which uses and re-exports them), so code that only
names a type or a role, such as a query on a store, does not import the models.

>>> EventType("summit") in MEETING_TYPES, Role.MEDIATOR in PRINCIPAL_ROLES
(True, False)
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "MEETING_TYPES",
    "PRINCIPAL_ROLES",
    "ActorKind",
    "EventType",
    "Role",
    "SourceKind",
    "StatementMode",
    "Topic",
]


class ActorKind(StrEnum):
    """What kind of actor a record describes."""

    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    GOVERNMENT_BODY = "government_body"
    MEDIA = "media"


class EventType(StrEnum):
    """The controlled list of event types (a SKOS scheme in ``ontology/event-types.ttl``)."""

    SUMMIT = "summit"
    MEETING = "meeting"
    TALKS = "talks"
    VISIT = "visit"
    BORDER_CROSSING = "border_crossing"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    MEDIATION = "mediation"
    MISSILE_TEST = "missile_test"
    MILITARY_EXERCISE = "military_exercise"
    SANCTIONS = "sanctions"
    STATEMENT = "statement"
    REPORT = "report"
    PRESS_CONFERENCE = "press_conference"
    ARMED_CONFLICT = "armed_conflict"


MEETING_TYPES = frozenset({EventType.SUMMIT, EventType.MEETING, EventType.TALKS})
"""Event types that count as a meeting between their principal participants."""


class Role(StrEnum):
    """The part an actor plays in an event (a SEM role type)."""

    HOST = "host"
    GUEST = "guest"
    ATTENDEE = "attendee"
    MEDIATOR = "mediator"
    ACCOMPANYING = "accompanying"
    OBSERVER = "observer"
    SIGNATORY = "signatory"
    AGENT = "agent"


PRINCIPAL_ROLES = frozenset({Role.HOST, Role.GUEST, Role.ATTENDEE, Role.SIGNATORY, Role.AGENT})
"""Roles that mean an actor took part itself (not as mediator, escort or observer)."""


class StatementMode(StrEnum):
    """How the words of a statement reach us."""

    DIRECT_QUOTE = "direct_quote"
    PARAPHRASE = "paraphrase"
    REPORT = "report"


class Topic(StrEnum):
    """What a statement is about, as an issue (a SKOS scheme in ``ontology/topics.ttl``)."""

    DENUCLEARIZATION = "denuclearization"
    NUCLEAR_FACILITIES = "nuclear_facilities"
    MISSILE_TESTING = "missile_testing"
    SANCTIONS = "sanctions"
    SANCTIONS_RELIEF = "sanctions_relief"
    MILITARY_EXERCISES = "military_exercises"
    SECURITY_GUARANTEES = "security_guarantees"
    PEACE_REGIME = "peace_regime"
    INTER_KOREAN_COOPERATION = "inter_korean_cooperation"
    FAMILY_REUNIONS = "family_reunions"
    REMAINS_REPATRIATION = "remains_repatriation"
    SUMMIT_DIPLOMACY = "summit_diplomacy"


class SourceKind(StrEnum):
    """What kind of document a source is."""

    NEWS_ARTICLE = "news_article"
    PRESS_RELEASE = "press_release"
    OFFICIAL_DOCUMENT = "official_document"
    REPORT = "report"
    REFERENCE = "reference"
    DATASET = "dataset"
    TRANSCRIPT = "transcript"
    OTHER = "other"
