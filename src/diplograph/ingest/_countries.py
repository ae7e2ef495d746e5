"""Country names of ISO 3166 (from ``pycountry``), so any state an article names is an actor.

A name the model marks as a place is a state when it is a country's short,
common or official name ("Luxembourg", "Ireland", "Republic of Singapore"),
or a misspelling of a name of several words ("United Stated").
"""

from __future__ import annotations

import functools

from rapidfuzz import fuzz, process

from ..kg import normalize_name
from ._lexicon import COUNTRIES

__all__ = ["country_name"]


@functools.cache
def _names() -> dict[str, str]:
    """Folded country name -> the name a new state gets."""
    import pycountry

    index: dict[str, str] = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        display = common or c.name
        if "," in display:  # "Korea, Republic of": no short name to give it
            continue
        for name in (c.name, common, getattr(c, "official_name", None)):
            if name and "," not in name:
                index.setdefault(normalize_name(name), display)
    for name in COUNTRIES:  # the project's own forms first ("Russia", "South Korea")
        index[normalize_name(name)] = name
    index[normalize_name("Republic of Korea")] = "South Korea"
    index[normalize_name("Democratic People's Republic of Korea")] = "North Korea"
    return index


@functools.cache
def _long_names() -> tuple[str, ...]:
    return tuple(sorted({n for n in COUNTRIES if " " in n}))


def country_name(text: str) -> str | None:
    """The country ``text`` names, if any.

    >>> country_name("Luxembourg"), country_name("the United Stated"), country_name("Vienna")
    ('Luxembourg', 'United States', None)
    """
    words = text.strip()
    if words.lower().startswith("the "):
        words = words[4:]
    found = _names().get(normalize_name(words))
    if found is not None or " " not in words:
        return found
    best = process.extractOne(words, _long_names(), scorer=fuzz.ratio, score_cutoff=90)
    return None if best is None else str(best[0])
