"""What the command modules share: option choices and the warning line."""

from __future__ import annotations

import enum
from typing import Iterable

import typer

from termkit.i18n import _


def choice(name: str, values: Iterable[str]) -> type[enum.Enum]:
    """An enum for a typer option whose value must be one of ``values``."""
    return enum.Enum(name, {value: value for value in values}, type=str)


def warn(message: str) -> None:
    """``termkit: warning: MESSAGE`` on stderr."""
    typer.echo(_("termkit: warning: {message}").format(message=message), err=True)
