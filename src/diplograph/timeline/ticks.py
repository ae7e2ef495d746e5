"""Date tick labels at the ticks' own precision; imported only when a chart is drawn.

>>> from datetime import date
>>> import matplotlib.dates as mdates
>>> DateTicks().format_ticks([mdates.date2num(date(2018, m, 1)) for m in (11, 12)] +
...     [mdates.date2num(date(2019, 1, 1))])
['Nov\\n2018', 'Dec', 'Jan\\n2019']
"""

from __future__ import annotations

from typing import Any

from matplotlib.ticker import Formatter

__all__ = ["DateTicks"]


class DateTicks(Formatter):
    """Tick labels at the ticks' precision; the year on the first tick and each new year."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]

    def format_ticks(self, values: Any) -> list[str]:
        import matplotlib.dates as mdates

        days = [mdates.num2date(v).date() for v in values]  # type: ignore[no-untyped-call]
        if all(d.month == 1 and d.day == 1 for d in days):
            return [str(d.year) for d in days]
        out = []
        for i, d in enumerate(days):
            text = f"{d:%b}" if all(x.day == 1 for x in days) else f"{d.day} {d:%b}"
            if i == 0 or d.year != days[i - 1].year:
                text += f"\n{d.year}"
            out.append(text)
        return out
