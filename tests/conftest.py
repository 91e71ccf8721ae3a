"""Shared test fixtures: paths to the project's data and to ../shared (skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

# Tests assert English messages: pin the interface language before termkit is imported
# (tests of the French interface set LANGUAGE themselves in a child process).
os.environ["LANGUAGE"] = "en"

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder; the test is skipped when it is not there."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def cli():
    """Run the termkit CLI in-process: ``cli("glossary", "stats", path)`` → click Result."""
    from termkit.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=True)

    return run
