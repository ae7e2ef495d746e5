"""Load speed: a synthetic data folder read by diplograph.load, against plain YAML parsing.

Prints events per second for ``diplograph.load`` (YAML parse with line numbers, pydantic
validation, integrity checks) beside the floor of parsing the same files with PyYAML's C
loader and nothing else, measured in the same run.

    .venv/bin/python benchmarks/load_speed.py --events 10000 100000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

from diplograph import load

TYPES = ["summit", "meeting", "talks", "visit", "statement"]


def write_folder(folder: Path, n_events: int) -> None:
    """A folder with n_events events among n_events // 10 actors, one statement per 5 events."""
    n_actors = max(2, n_events // 10)
    lines = ["sources:", "  - id: src", "    title: Synthetic source", "actors:"]
    for i in range(n_actors):
        lines += [f"  - id: a{i}", "    kind: person", f"    name: Actor {i}"]
    lines.append("events:")
    for i in range(n_events):
        month = i % 12 + 1
        day = i % 28 + 1
        time_text = f"2019-{month:02d}" if i % 7 == 0 else f"2019-{month:02d}-{day:02d}"
        lines += [
            f"  - id: e{i}",
            f"    label: Event {i}",
            f"    type: {TYPES[i % len(TYPES)]}",
            f"    time: {time_text}",
            "    participants:",
            f"      - {{actor: a{i % n_actors}, role: host}}",
            f"      - {{actor: a{(i * 7 + 1) % n_actors}, role: guest}}",
            "    evidence:",
            "      - {source: src, quote: synthetic}",
        ]
    lines.append("statements:")
    for i in range(0, n_events, 5):
        lines += [
            f"  - id: s{i}",
            f"    speaker: a{i % n_actors}",
            "    date: 2019-07-01",
            f"    text: Statement {i}",
            f"    about_events: [e{i}]",
            "    evidence:",
            "      - {source: src, quote: synthetic}",
        ]
    (folder / "all.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    print(f"{'events':>9} {'records':>9} {'yaml only (s)':>14} {'load (s)':>9} {'events/s':>10}")
    for n in args.events:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_folder(folder, n)
            text = (folder / "all.yaml").read_text(encoding="utf-8")
            t0 = time.perf_counter()
            yaml.load(text, Loader=loader)
            floor = time.perf_counter() - t0
            t0 = time.perf_counter()
            kg = load(folder)
            took = time.perf_counter() - t0
            print(f"{n:>9,} {len(kg):>9,} {floor:>14.2f} {took:>9.2f} {n / took:>10,.0f}")


if __name__ == "__main__":
    main()
