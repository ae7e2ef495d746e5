"""Layered folders: a synthetic base folder loaded alone, and with an analyst's layer on top.

Prints the seconds of ``diplograph.load`` on the base folder (the baseline, measured in
the same run) beside ``diplograph.layers.load_layers`` on the base plus a layer of new
events and of additions (evidence and links) to one base event in ten.

    .venv/bin/python benchmarks/layers_speed.py --events 10000 50000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from diplograph import load
from diplograph.layers import load_layers

sys.path.insert(0, str(Path(__file__).parent))
from load_speed import write_folder


def write_layer(folder: Path, n_events: int) -> int:
    """New events (one per 20 base events) and additions to one base event in ten."""
    lines = ["events:"]
    for i in range(0, n_events, 20):
        lines += [
            f"  - id: layer-e{i}",
            f"    label: Layer event {i}",
            "    type: meeting",
            "    time: 2019-08-01",
            f"    part_of: e{i}",
            "    evidence:",
            "      - {source: src, quote: synthetic}",
        ]
    (folder / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    adds = ["events:"]
    count = 0
    for i in range(0, n_events, 10):
        adds += [
            f"  - id: e{i}",
            f"    follows: [e{(i + 1) % n_events}]",
            "    evidence:",
            "      - {source: src, quote: added}",
        ]
        count += 1
    (folder / "additions.yaml").write_text("\n".join(adds) + "\n", encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 50_000])
    args = parser.parse_args()
    head = f"{'events':>9} {'additions':>10} {'base alone (s)':>15} {'layered (s)':>12}"
    print(f"{head} {'ratio':>6}")
    for n in args.events:
        with tempfile.TemporaryDirectory() as tmp:
            base, layer = Path(tmp) / "base", Path(tmp) / "layer"
            base.mkdir()
            layer.mkdir()
            write_folder(base, n)
            added = write_layer(layer, n)
            t0 = time.perf_counter()
            load(base)
            alone = time.perf_counter() - t0
            t0 = time.perf_counter()
            layered = load_layers([base, layer])
            took = time.perf_counter() - t0
            assert len(layered.additions[1]) == added
            print(f"{n:>9,} {added:>10,} {alone:>15.2f} {took:>12.2f} {took / alone:>6.2f}")


if __name__ == "__main__":
    main()
