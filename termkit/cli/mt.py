"""CLI commands (filled in by the feature that owns this module)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
