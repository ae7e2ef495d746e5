"""CAMEO and PLOVER codes: event types, type families, and the country codes mapped to states.

The CAMEO event codes that stand for a diplograph event type are the
``skos:closeMatch`` codes of ``ontology/event-types.ttl``; a code with no type
stays a CAMEO code on the report. Where one CAMEO code matches several types
(040 is both summit and meeting) the broader type is taken.

>>> cameo_type("043"), cameo_type("0431"), cameo_type("036")
(<EventType.VISIT: 'visit'>, <EventType.VISIT: 'visit'>, None)
>>> quad_class("190"), family_of_code("036"), family_of_type(EventType.SUMMIT)
(4, 'cooperation', 'cooperation')
>>> COUNTRIES["PRK"].name
'North Korea'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..model import EventType
from .report import slug

__all__ = [
    "ACTOR_TYPES",
    "CAMEO_TYPES",
    "COUNTRIES",
    "PLOVER_CATEGORIES",
    "Country",
    "cameo_plover",
    "cameo_type",
    "family_of_code",
    "family_of_plover",
    "family_of_type",
    "is_cameo_code",
    "quad_class",
]

CAMEO_TYPES: dict[str, EventType] = {
    "010": EventType.STATEMENT,
    "017": EventType.BORDER_CROSSING,
    "040": EventType.MEETING,
    "042": EventType.VISIT,
    "043": EventType.VISIT,
    "045": EventType.MEDIATION,
    "046": EventType.TALKS,
    "057": EventType.AGREEMENT,
    "150": EventType.MILITARY_EXERCISE,
    "163": EventType.SANCTIONS,
    "190": EventType.ARMED_CONFLICT,
}
"""The CAMEO code of each event type (its skos:closeMatch), reversed."""

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")

_MATERIAL = frozenset(
    {
        EventType.MISSILE_TEST,
        EventType.MILITARY_EXERCISE,
        EventType.SANCTIONS,
        EventType.ARMED_CONFLICT,
    }
)

# CAMEO roots to PLOVER categories (the root rows of the CAMEO-to-PLOVER table).
_ROOT_PLOVER = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
# Codes whose PLOVER category differs from their root's.
_CODE_PLOVER = {"036": "AGREE", "057": "SUPPORT", "163": "COERCE"}

PLOVER_CATEGORIES: dict[str, str] = {
    **dict.fromkeys(
        ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"], "cooperation"
    ),
    **dict.fromkeys(
        ["ACCUSE", "INVESTIGATE", "REQUEST", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN"],
        "verbal-conflict",
    ),
    "PROTEST": "verbal-conflict",
    **dict.fromkeys(["MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT"], "material-conflict"),
}
"""PLOVER event categories and the family (cooperation or conflict) each belongs to."""

PLOVER_TYPES: dict[str, EventType] = {
    "CONSULT": EventType.MEETING,
    "SANCTION": EventType.SANCTIONS,
    "FIGHT": EventType.ARMED_CONFLICT,
}
"""The PLOVER categories that stand for one diplograph event type."""


@dataclass(frozen=True)
class Country:
    """A CAMEO country code's state: its actor id, name and Wikidata item (when known)."""

    id: str
    name: str
    wikidata: str | None


COUNTRIES: dict[str, Country] = {
    code: Country(id, name, qid)
    for code, id, name, qid in [
        ("USA", "united-states", "United States", "Q30"),
        ("PRK", "north-korea", "North Korea", "Q423"),
        ("KOR", "south-korea", "South Korea", "Q884"),
        ("CHN", "china", "China", "Q148"),
        ("JPN", "japan", "Japan", "Q17"),
        ("RUS", "russia", "Russia", "Q159"),
        ("SGP", "singapore", "Singapore", "Q334"),
        ("VNM", "vietnam", "Vietnam", "Q881"),
        ("GBR", "united-kingdom", "United Kingdom", "Q145"),
        ("FRA", "france", "France", "Q142"),
        ("DEU", "germany", "Germany", "Q183"),
        ("IND", "india", "India", "Q668"),
        ("PAK", "pakistan", "Pakistan", "Q843"),
        ("IRN", "iran", "Iran", "Q794"),
        ("IRQ", "iraq", "Iraq", "Q796"),
        ("ISR", "israel", "Israel", "Q801"),
        ("SYR", "syria", "Syria", "Q858"),
        ("AFG", "afghanistan", "Afghanistan", "Q889"),
        ("UKR", "ukraine", "Ukraine", "Q212"),
        ("TUR", "turkey", "Turkey", "Q43"),
        ("MNG", "mongolia", "Mongolia", "Q711"),
        ("PHL", "philippines", "Philippines", "Q928"),
        ("AUS", "australia", "Australia", "Q408"),
        ("CAN", "canada", "Canada", "Q16"),
        ("HUN", "hungary", "Hungary", "Q28"),
        ("ROU", "romania", "Romania", "Q218"),
        ("LBY", "libya", "Libya", "Q1016"),
        ("EGY", "egypt", "Egypt", "Q79"),
        ("NGA", "nigeria", "Nigeria", "Q1033"),
        ("ZAF", "south-africa", "South Africa", "Q258"),
    ]
}
"""The CAMEO country codes this package maps to states with their Wikidata items."""

_CAMEO_ONLY = {"ROM": "ROU", "TMP": "TLS", "MTN": "MNE", "IMY": "IMN"}
"""CAMEO's own codes for states whose ISO 3166 code differs."""


def _iso_name(entry: Any) -> str:
    name = str(getattr(entry, "common_name", None) or entry.name)
    if ", " in name:  # "Congo, The Democratic Republic of the", "Virgin Islands, British"
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    return name.removeprefix("The ")


@functools.cache
def country(code: str) -> Country | None:
    """The state of a CAMEO country code (ISO 3166 alpha-3 in the main), else None.

    Regions (``MEA``, Middle East) and codes that are no country give None.

    >>> country("PRK")
    Country(id='north-korea', name='North Korea', wikidata='Q423')
    >>> country("BEL")
    Country(id='belgium', name='Belgium', wikidata=None)
    >>> country("ROM").name, country("COD").name, country("MEA")
    ('Romania', 'Democratic Republic of the Congo', None)
    """
    code = code.strip().upper()
    code = _CAMEO_ONLY.get(code, code)
    if code in COUNTRIES:
        return COUNTRIES[code]
    if len(code) != 3 or not code.isalpha():
        return None
    import pycountry

    entry = pycountry.countries.get(alpha_3=code)
    if entry is None:
        return None
    name = _iso_name(entry)
    return Country(slug(name), name, None)


@functools.cache
def country_named(name: str) -> str | None:
    """The CAMEO/ISO code of a country written out by name ("Bangladesh"), else None.

    >>> country_named("Bangladesh"), country_named("North Korea"), country_named("Police")
    ('BGD', 'PRK', None)
    """
    folded = name.strip().casefold()
    for code, c in COUNTRIES.items():
        if c.name.casefold() == folded:
            return code
    if len(folded) < 4:
        return None
    import pycountry

    for entry in pycountry.countries:
        names = (entry.name, getattr(entry, "common_name", ""), getattr(entry, "official_name", ""))
        if folded in {n.casefold() for n in names if n}:
            return str(entry.alpha_3)
    return None


ACTOR_TYPES: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "LEG": "legislature",
    "JUD": "judiciary",
    "COP": "police",
    "SPY": "intelligence service",
    "MED": "media",
    "BUS": "business",
    "OPP": "opposition",
}
"""CAMEO actor role codes turned into a body of the state (USAGOV: the US government)."""


def is_cameo_code(code: str) -> bool:
    """True for a code of CAMEO's shape: root 01 to 20, then up to two digits."""
    return _CODE.match(code) is not None


def cameo_type(code: str) -> EventType | None:
    """The event type of a CAMEO code (or of its three-digit base code), else None."""
    return CAMEO_TYPES.get(code) or CAMEO_TYPES.get(code[:3])


def quad_class(code: str) -> int:
    """CAMEO quad class of a code: 1 verbal and 2 material cooperation, 3 and 4 conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def family_of_code(code: str) -> str:
    """``cooperation``, ``verbal-conflict`` or ``material-conflict``."""
    return ("cooperation", "cooperation", "verbal-conflict", "material-conflict")[
        quad_class(code) - 1
    ]


def family_of_type(kind: EventType) -> str:
    """The family of an event type: the military and coercive ones are material conflict."""
    return "material-conflict" if kind in _MATERIAL else "cooperation"


def family_of_plover(category: str) -> str | None:
    """The family of a PLOVER category, or None for one this table does not know."""
    return PLOVER_CATEGORIES.get(category)


def cameo_plover(code: str) -> str | None:
    """The PLOVER category of a CAMEO code (CAMEO-to-PLOVER table), None for roots 01-02.

    >>> cameo_plover("043"), cameo_plover("0431"), cameo_plover("163"), cameo_plover("010")
    ('CONSULT', 'CONSULT', 'COERCE', None)
    """
    return _CODE_PLOVER.get(code[:3]) or _ROOT_PLOVER.get(code[:2])
