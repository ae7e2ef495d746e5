"""The README stays true: its command examples print what it shows, and it covers every command.

Each ```console block of README.md holds ``$ diplograph ...`` lines followed by
their output. The examples run in order, in one scratch folder (so an example
may use a file an earlier one wrote), and their output must match; a line
``...`` stands for any number of lines. ``pytest --update-goldens`` rewrites
the outputs in place (keeping each block's ``...`` cut), to be read over before
committing.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from diplograph import bundled_data
from diplograph.cli import cli
from diplograph.cli._base import folder_label

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


@dataclass
class Example:
    command: str
    expected: list[str]
    span: tuple[int, int]  # where the output lines sit in the README text


def examples(text: str) -> list[Example]:
    out: list[Example] = []
    for block in BLOCK.finditer(text):
        body = block.group(1)
        offset = block.start(1)
        parts = re.split(r"^(\$ .*\n)", body, flags=re.MULTILINE)
        pos = offset + len(parts[0])
        for cmd, output in zip(parts[1::2], parts[2::2], strict=True):
            start = pos + len(cmd)
            out.append(Example(cmd[2:].strip(), output.splitlines(), (start, start + len(output))))
            pos = start + len(output)
    return out


def matches(expected: list[str], got: list[str]) -> bool:
    """``expected`` equals ``got``, a ``...`` line standing for any run of lines."""
    if not expected:
        return not got
    if expected[0] == "...":
        return any(matches(expected[1:], got[i:]) for i in range(len(got) + 1))
    return bool(got) and expected[0] == got[0] and matches(expected[1:], got[1:])


def cut_like(expected: list[str], got: list[str]) -> list[str]:
    """``got``, cut where ``expected`` has a ``...``: as many lines before and after it."""
    if "..." not in expected:
        return got
    i = expected.index("...")
    head, tail = expected[:i], expected[i + 1 :]
    if len(head) + len(tail) >= len(got):
        return got
    return [*got[: len(head)], "...", *(got[len(got) - len(tail) :] if tail else [])]


def run(command: str) -> list[str]:
    argv = shlex.split(command)
    assert argv[0] == "diplograph", command
    result = CliRunner().invoke(cli, argv[1:], prog_name="diplograph")
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), f"{command}: {result.exception!r}"
    return [line.rstrip() for line in result.output.splitlines()]


def test_readme_examples_print_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_goldens: bool
) -> None:
    text = README.read_text(encoding="utf-8")
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(tmp_path)
    found = examples(text)
    assert len(found) >= 20
    replacements: list[tuple[tuple[int, int], str]] = []
    failures: list[str] = []
    for ex in found:
        got = run(ex.command)
        if update_goldens:
            new = "\n".join(cut_like(ex.expected, got))
            replacements.append((ex.span, new + "\n" if new else ""))
        elif not matches(ex.expected, got):
            failures.append(
                f"$ {ex.command}\n--- README\n"
                + "\n".join(ex.expected)
                + "\n--- printed\n"
                + "\n".join(got)
            )
    if update_goldens:
        for (start, end), new in reversed(replacements):
            text = text[:start] + new + text[end:]
        README.write_text(text, encoding="utf-8")
    assert not failures, "\n\n".join(failures)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out += _commands(cmd, (*prefix, name))
        else:
            out.append(" ".join((*prefix, name)))
    return out


def test_every_command_is_in_the_readme_and_has_help() -> None:
    text = README.read_text(encoding="utf-8")
    for command in _commands(cli):
        assert f"diplograph {command}" in text or f"`{command}`" in text, command
        result = CliRunner().invoke(cli, [*command.split(), "--help"])
        assert result.exit_code == 0 and len(result.output.splitlines()) > 3, command


def test_a_checkouts_data_folder_is_named_as_the_shipped_dataset(tmp_path: Path) -> None:
    """Run from a source checkout, the README's commands read ./data, which holds the
    shipped dataset alone: they name it as the README shows, not as 'data'."""
    shipped = bundled_data()
    assert folder_label(shipped.parent) == "the shipped Korea 2018-2019 dataset"
    copy = tmp_path / "data"
    shutil.copytree(shipped, copy / shipped.name)
    assert folder_label(copy) == str(copy)  # a copy is the analyst's own folder
    result = CliRunner().invoke(
        cli,
        [
            "--data",
            str(shipped.parent),
            "--data",
            str(ROOT / "tests/data/layers/analyst"),
            "validate",
        ],
    )
    assert result.output.splitlines()[0] == (
        "layer 1: the shipped Korea 2018-2019 dataset: 55 records, "
        "0 addition(s) to earlier records, 0 problem(s)"
    ), result.output
