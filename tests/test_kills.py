"""SIGKILL mid-write: the output is the old one or the new one, never a mix, and leftovers go.

A real ``diplograph`` process is started and killed with SIGKILL as soon as its
temporary output appears (then a few milliseconds later, at random), again and
again. After each kill the output must be exactly the previous output or
exactly the new one; the next complete run removes what the kills left.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplograph import bundled_data, load
from diplograph.kg import KnowledgeGraph
from diplograph.load import dump
from diplograph.model import Event, Participant
from diplograph.rdf.io import write_rdf

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
KILLS = 6


def _other(kg: KnowledgeGraph) -> KnowledgeGraph:
    """``kg`` with every name changed and no statements: each canonical file differs."""
    records = []
    for r in kg.records():
        kind = type(r).__name__
        if kind == "Statement":
            continue
        field = {"Source": "title", "Actor": "name", "Place": "name", "Event": "label"}[kind]
        records.append(r.model_copy(update={field: getattr(r, field) + " (B)"}))
    return KnowledgeGraph.from_records(records)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "diplograph", *args]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _kill_when(command: list[str], parent: Path, prefix: str, delay: float) -> bool:
    """Run ``command``; SIGKILL it ``delay`` s after a name starting with ``prefix`` appears."""
    proc = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if any(name.startswith(prefix) for name in os.listdir(parent)):
                time.sleep(delay)
                proc.kill()
                return True
            time.sleep(0.0005)
        return False
    finally:
        proc.kill()
        proc.wait()


def _leftovers(parent: Path, prefix: str) -> list[str]:
    return sorted(n for n in os.listdir(parent) if n.startswith(prefix))


@pytest.fixture(scope="module")
def two_exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("rdf")
    kg = load(bundled_data())
    return write_rdf(kg, folder / "a.ttl"), write_rdf(_other(kg), folder / "b.ttl")


def test_import_rdf_killed_mid_write_leaves_the_old_folder_or_the_new(
    tmp_path: Path, two_exports: tuple[Path, Path]
) -> None:
    a, b = two_exports
    out = tmp_path / "out"
    subprocess.run(_cli("import", "rdf", str(a), "-o", str(out)), env=ENV, check=True)
    (out / "notes.txt").write_text("kept across every write")
    old = _snapshot(out)
    rng = random.Random(14)
    killed, states = 0, []
    for _ in range(KILLS):
        command = _cli("import", "rdf", str(b), "-o", str(out), "--force")
        delay = rng.uniform(0, 0.05) if states else 0.0  # the first kill: as the write begins
        killed += _kill_when(command, tmp_path, ".out.", delay)
        states.append(_snapshot(out))
    assert killed == KILLS  # every kill landed after the write had begun
    assert _leftovers(tmp_path, ".out.")  # and at least one before it ended
    subprocess.run(_cli("import", "rdf", str(b), "-o", str(out), "--force"), env=ENV, check=True)
    assert _leftovers(tmp_path, ".out.") == []
    new = _snapshot(out)
    assert set(new) == {*old} - {"statements.yaml"} and new["notes.txt"] == old["notes.txt"]
    assert load(out) == _other(load(bundled_data()))
    for state in states:
        assert state in (old, new), sorted(state)


def _grown(kg: KnowledgeGraph, n: int = 3000) -> KnowledgeGraph:
    """``kg`` with ``n`` more events, so that writing its RDF takes long enough to be killed."""
    extra = [
        Event(
            id=f"extra-{i}",
            label=f"Extra meeting {i}",
            type="meeting",
            time=f"2019-{1 + i % 12:02d}",
            participants=[Participant(actor="kim-jong-un"), Participant(actor="moon-jae-in")],
        )
        for i in range(n)
    ]
    return KnowledgeGraph.from_records([*kg.records(), *extra])


def test_export_killed_mid_write_leaves_the_old_file_or_the_new(tmp_path: Path) -> None:
    data_b = tmp_path / "b"
    dump(_grown(_other(load(bundled_data()))), data_b)
    out = tmp_path / "korea.nq"
    subprocess.run(_cli("export", "-o", str(out)), env=ENV, check=True)
    old = out.read_bytes()
    command = _cli("--data", str(data_b), "export", "-o", str(out))
    rng = random.Random(14)
    seen = set()
    for k in range(KILLS):
        delay = rng.uniform(0, 0.004) if k else 0.0  # the first kill: as the write begins
        assert _kill_when(command, tmp_path, ".korea.nq.", delay)
        seen.add(out.read_bytes())
    assert _leftovers(tmp_path, ".korea.nq.")  # some kill landed before the rename
    subprocess.run(command, env=ENV, check=True)
    new = out.read_bytes()
    assert new != old
    assert seen <= {old, new}
    assert _leftovers(tmp_path, ".korea.nq.") == []
