"""Property-based fuzzing: mutated data files and Turtle never crash, hang or leave files behind.

Each example mutates one file of the shipped dataset (or a Turtle export of
it), runs a command on it in-process, and checks: exit status 0, 1 or 2; no
traceback and no "unexpected" error (the last-resort handler's, which means a
bug); nothing left in the folder but the output asked for; and for ``import
rdf`` the old output folder intact unless the import succeeded. The number of
examples is bounded so that the test stays fast; ``tests/fuzz_run.py`` runs
the same mutations by the thousand in subprocesses with a timeout each.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import pytest
from _fuzz import TURTLE_SNIPPETS, YAML_SNIPPETS, mutate
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph import bundled_data
from diplograph.cli import cli

FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CORPUS = Path(__file__).parent / "data" / "fuzz"


def _clean(result: Result) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback: {result.exception!r}") from result.exception
    assert "Traceback" not in result.output
    assert "Error: unexpected" not in result.output, result.output


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _check_yaml(name: str, data: bytes, command: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        d = root / "d"
        shutil.copytree(bundled_data(), d)
        (d / name).write_bytes(data)
        before = _files(root)
        args = {
            "validate": ["validate"],
            "events": ["events", "--json"],
            "export": ["export", "-f", "trig", "-o", str(root / "out.trig")],
        }[command]
        result = CliRunner().invoke(cli, ["--data", str(d), *args])
        _clean(result)
        made = {"out.trig"} if command == "export" and result.exit_code == 0 else set()
        assert _files(root) == before | made


@pytest.fixture(scope="module")
def turtle(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("fuzz") / "korea.ttl"
    assert CliRunner().invoke(cli, ["export", "-o", str(out)]).exit_code == 0
    return out.read_bytes()


def _check_turtle(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in.ttl").write_bytes(data)
        out = root / "out"
        out.mkdir()
        (out / "events.yaml").write_text("events: []\n")
        result = CliRunner().invoke(cli, ["import", "rdf", str(root / "in.ttl"), "-o", str(out)])
        _clean(result)
        result = CliRunner().invoke(
            cli, ["import", "rdf", str(root / "in.ttl"), "-o", str(out), "--force"]
        )
        _clean(result)
        assert sorted(p.name for p in root.iterdir()) == ["in.ttl", "out"]
        if result.exit_code != 0:
            assert [p.name for p in out.iterdir()] == ["events.yaml"]
            assert (out / "events.yaml").read_text() == "events: []\n"


@FUZZ
@given(
    rng=st.randoms(use_true_random=False),
    name=st.sampled_from(["sources.yaml", "actors.yaml", "places.yaml", "events.yaml"]),
    command=st.sampled_from(["validate", "events", "export"]),
)
def test_mutated_yaml_gives_a_clean_answer(rng: random.Random, name: str, command: str) -> None:
    original = (bundled_data() / name).read_bytes()
    _check_yaml(name, mutate(original, rng, YAML_SNIPPETS), command)


@FUZZ
@given(rng=st.randoms(use_true_random=False))
def test_mutated_turtle_gives_a_clean_answer(turtle: bytes, rng: random.Random) -> None:
    _check_turtle(mutate(turtle, rng, TURTLE_SNIPPETS))


@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*")) if CORPUS.is_dir() else [], ids=lambda p: p.name
)
def test_the_fuzz_corpus_gives_clean_answers(path: Path) -> None:
    """Inputs a fuzz run once crashed on; ``NAME.yaml`` stands for events.yaml of the dataset."""
    if path.suffix == ".ttl":
        _check_turtle(path.read_bytes())
    else:
        for command in ("validate", "events", "export"):
            _check_yaml("events.yaml", path.read_bytes(), command)
