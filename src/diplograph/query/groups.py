"""What the dyad's two back ends share: the quad classes and the groups they count reports in.

:mod:`diplograph.query.dyad` builds the table from these groups, which either
the Python back end (over records) or :mod:`diplograph.query.dyad_store` (one
query in a store) produces.

>>> s = Spread()
>>> s.add(2, 2.0, 10.0)
>>> s.mean, s.sd
(1.0, 2.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from .bins import Period

__all__ = ["QUADS", "UNCLASSIFIED", "Group", "Key", "Spread"]

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
"""The CAMEO quad classes, in the order of their numbers 1 to 4."""

UNCLASSIFIED = "unclassified"

Key = tuple[str, Period, Period, str, str]
"""A group of reports: source, periods of the first and last day, direction, class."""


@dataclass
class Spread:
    """Count, sum and sum of squares of some values; their mean and (population) spread."""

    n: int = 0
    total: float = 0.0
    squares: float = 0.0

    def add(self, n: int, total: float, squares: float) -> None:
        self.n += n
        self.total += total
        self.squares += squares

    @property
    def mean(self) -> float:
        return self.total / self.n if self.n else math.nan

    @property
    def sd(self) -> float:
        """The standard deviation, ``sqrt(E[x²] - E[x]²)``.

        >>> Spread(2, 2.0, 10.0).sd
        2.0
        """
        if not self.n:
            return math.nan
        return math.sqrt(max(self.squares / self.n - self.mean**2, 0.0))


@dataclass
class Group:
    """Reports of one source, period span, direction and class: their count, days and scores."""

    n: int
    first: date
    last: date
    goldstein: Spread = field(default_factory=Spread)
    intensity: Spread = field(default_factory=Spread)
