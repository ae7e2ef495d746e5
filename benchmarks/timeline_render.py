"""Time to draw timelines, beside a plain matplotlib scatter of the same points as the floor.

Run: ``.venv/bin/python benchmarks/timeline_render.py [--events 10000] [--labelled 500]``

Prints, for each case, the median of ``--repeat`` runs of building the figure
and writing it (PNG at 100 dpi, SVG), and for the labelled case how many
labels were placed and how many pairs of label boxes overlap on the rendered
figure (must be 0). Targets: 10,000 events under 2 s to PNG and 3 s to SVG;
500 labelled events under 5 s.
"""

from __future__ import annotations

import argparse
import io
import itertools
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure

from diplograph.dates import PartialDate, parse_date
from diplograph.rows import EventRow, ParticipantRow
from diplograph.timeline import plot_timeline, timeline_axes
from diplograph.timeline.labels import overlaps

TYPES = ["summit", "meeting", "talks", "visit", "missile_test", "statement", "sanctions"]


def synthetic(n: int, seed: int = 1) -> list[EventRow]:
    """``n`` events over 2000-2019 among 24 actors: mostly days, some months and spans."""
    rng = random.Random(seed)
    actors = [f"actor-{k:02d}" for k in range(24)]
    weights = [1 / (k + 1) for k in range(24)]
    rows = []
    start = date(2000, 1, 1)
    for i in range(n):
        day = start + timedelta(days=rng.randrange(0, 7300))
        kind = rng.random()
        if kind < 0.1:
            when: object = PartialDate(day.year, day.month)
        elif kind < 0.2:
            when = parse_date(f"{day.isoformat()}/{(day + timedelta(days=2)).isoformat()}")
        else:
            when = PartialDate.from_date(day)
        who = set(rng.choices(actors, weights, k=rng.choice([1, 1, 2, 3])))
        rows.append(
            EventRow(
                f"e{i}",
                f"Event number {i}",
                rng.choice(TYPES),
                when,  # type: ignore[arg-type]
                participants=tuple(ParticipantRow(a, a.title(), "attendee") for a in sorted(who)),
            )
        )
    return rows


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def scatter(rows: list[EventRow], fmt: str) -> None:
    """The floor: one scatter of the same points, no lanes, labels or legend."""
    import matplotlib.dates as mdates

    xs = [mdates.date2num(r.time.earliest) for r in rows]
    ys = [hash(r.participants[0].actor) % 7 for r in rows]
    fig = Figure(figsize=(12, 8), dpi=100)
    ax = fig.add_subplot()
    ax.scatter(xs, ys, s=49)
    fig.savefig(io.BytesIO(), format=fmt)


def timeline(
    rows: list[EventRow], fmt: str, label_top: int | None = None, width: float = 12.0
) -> Figure:
    ax = plot_timeline(rows, label_top=label_top, dpi=100, width=width)
    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    fig.savefig(io.BytesIO(), format=fmt)
    return fig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--labelled", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--labelled-width", type=float, default=40.0, help="inches; room for the labels"
    )
    args = parser.parse_args()

    rows = synthetic(args.events)
    print(f"{'case':<44} {'seconds':>8} {'floor':>8} {'x floor':>8} {'target':>7}")
    for fmt, target in (("png", 2.0), ("svg", 3.0)):
        floor = median_time(lambda fmt=fmt: scatter(rows, fmt), args.repeat)
        got = median_time(lambda fmt=fmt: timeline(rows, fmt), args.repeat)
        case = f"{args.events:,} events -> {fmt.upper()}"
        print(f"{case:<44} {got:8.2f} {floor:8.2f} {got / floor:8.1f} {target:7.1f}")

    few = synthetic(args.labelled, seed=2)
    floor = median_time(lambda: scatter(few, "png"), args.repeat)
    wide = args.labelled_width
    got = median_time(
        lambda: timeline(few, "png", label_top=args.labelled, width=wide), args.repeat
    )
    fig = timeline(few, "png", label_top=args.labelled, width=wide)
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = []
    for a in fig.axes:
        for t in a.texts:
            if (t.get_gid() or "").startswith("label:"):
                b = t.get_window_extent(renderer)
                boxes.append((b.x0, b.y0, b.x1, b.y1))
    clashes = sum(overlaps(a, b) for a, b in itertools.combinations(boxes, 2))
    case = f"{args.labelled} events, label_top={args.labelled}, {wide:g} in -> PNG"
    print(f"{case:<44} {got:8.2f} {floor:8.2f} {got / floor:8.1f} {5.0:7.1f}")
    panels = len(timeline_axes(fig.axes[0]))
    print(
        f"  labels placed: {len(boxes)} of {args.labelled} (the rest stay marks); "
        f"overlapping label pairs: {clashes}; panels: {panels}"
    )


if __name__ == "__main__":
    main()
