"""The atomic writers: whole-folder swaps, leftovers of killed runs, errors that name the target."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph import _atomic
from diplograph._atomic import atomic_folder, atomic_write


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _folder(path: Path, files: dict[str, str]) -> None:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text)


def _read(path: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(path.iterdir())}


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_a_folder_is_replaced_whole_and_kept_entries_survive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:  # a system without renameat2: the swap takes two renames
        monkeypatch.setattr(_atomic, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    _folder(out, {"a.yaml": "old a", "b.yaml": "old b", "notes.txt": "mine"})
    with atomic_folder(out, keep=lambda name: not name.endswith(".yaml")) as tmp:
        (tmp / "a.yaml").write_text("new a")
    assert _read(out) == {"a.yaml": "new a", "notes.txt": "mine"}
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_a_failure_leaves_the_old_folder_and_names_the_target(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _folder(out, {"a.yaml": "old"})
    with pytest.raises(OSError) as info, atomic_folder(out) as tmp:
        (tmp / "a.yaml").write_text("new")
        open(tmp / "missing" / "b.yaml", "w")  # noqa: SIM115 - fails: no such folder
    assert info.value.filename == str(out / "missing" / "b.yaml")
    assert _read(out) == {"a.yaml": "old"}
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_leftovers_of_dead_runs_are_removed_and_a_half_swap_is_undone(tmp_path: Path) -> None:
    dead = _dead_pid()
    # killed while writing: a temporary folder and a temporary file
    _folder(tmp_path / f".out.{dead}.abc.tmp", {"a.yaml": "half"})
    (tmp_path / f".korea.ttl.{dead}.xyz.tmp").write_text("half")
    # a live writer's temporary file is left alone
    (tmp_path / f".korea.ttl.{os.getpid()}.live.tmp").write_text("busy")
    # killed between the two renames of a swap: the old folder is parked, no target
    parked = tmp_path / f".old.{dead}.old.q.tmp"
    parked.mkdir()
    _folder(parked / "x", {"a.yaml": "old"})
    with atomic_write(tmp_path / "korea.ttl", text=True) as fh:
        fh.write("new")
    with atomic_folder(tmp_path / "out") as tmp:
        (tmp / "a.yaml").write_text("new")
    with atomic_folder(tmp_path / "old", keep=lambda name: True) as tmp:
        (tmp / "b.yaml").write_text("new")
    assert _read(tmp_path / "old") == {"a.yaml": "old", "b.yaml": "new"}
    assert sorted(os.listdir(tmp_path)) == [
        f".korea.ttl.{os.getpid()}.live.tmp",
        "korea.ttl",
        "old",
        "out",
    ]
