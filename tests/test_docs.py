"""Docs that cannot drift: the command reference is generated from the code and checked here."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_command_reference_matches_the_code():
    done = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "docs/cli.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": ""},
    )
    assert done.returncode == 0, (
        "docs/cli.md is out of date: run `.venv/bin/cog -r docs/cli.md`\n"
        + done.stdout
        + done.stderr
    )


def test_every_command_has_an_example():
    from click.testing import CliRunner

    from wirecrawl.cli import cli

    def walk(group, prefix):
        for name, command in group.commands.items():
            yield [*prefix, name]
            if hasattr(command, "commands"):
                yield from walk(command, [*prefix, name])

    missing = [
        " ".join(path)
        for path in walk(cli, [])
        if "Example:" not in CliRunner().invoke(cli, [*path, "--help"]).output
    ]
    assert not missing, f"commands whose --help has no Example: line: {missing}"
