"""Every command and option of the CLI is documented in the README (datasette's rule)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from eventwire.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full + " "))
        else:
            out.append((full, cmd))
    return out


COMMANDS = _commands(main)


def test_readme_opens_with_the_two_commands() -> None:
    first = [line for line in README.splitlines()[:4] if line.startswith("make ")]
    assert [line.split()[:2] for line in first] == [["make", "demo"], ["make", "test"]]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_is_documented(name: str, command: click.Command) -> None:
    assert f"eventwire {name}" in README, f"`eventwire {name}` is not in the README"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), (
                f"option {param.opts} of `eventwire {name}` is not in the README")
