"""The command line: version, help on every command, stats, demo."""

from __future__ import annotations

import json
import subprocess
import sys

import click
from click.testing import CliRunner

from diplograph import __version__, bundled_data
from diplograph.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        out.append((*prefix, name))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, (*prefix, name))
    return out


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"diplograph, version {__version__}"


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for path in _commands(cli):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage: " in result.stdout
        doc = cli.get_command(click.Context(cli), path[0])
        assert doc is not None and doc.help, path


def test_stats_json() -> None:
    result = CliRunner().invoke(cli, ["--data", str(bundled_data()), "stats", "--json"])
    assert result.exit_code == 0
    counts = json.loads(result.stdout)
    assert set(counts) == {"sources", "actors", "places", "events", "statements"}
    assert counts["events"] >= 12


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diplograph", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert __version__ in result.stdout
