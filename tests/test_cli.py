"""The command-line frame: version, help, error handling and exit codes."""

import subprocess
import sys

import typer

from termkit import __version__
from termkit.errors import ChecksFailed, TermkitError


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"termkit {__version__}"


def test_help_lists_command_groups(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for group in ("segment", "align", "translate", "glossary", "models"):
        assert group in result.output


def test_python_dash_m_runs():
    proc = subprocess.run([sys.executable, "-m", "termkit", "--version"],
                          capture_output=True, text=True, check=False, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"termkit {__version__}"


def test_unknown_command_is_usage_error(cli):
    result = cli("no-such-command")
    assert result.exit_code == 2


def test_user_error_is_one_line_exit_2_and_checks_exit_1(monkeypatch):
    from typer.testing import CliRunner

    from termkit.cli import _Group

    app = typer.Typer(cls=_Group)

    @app.command()
    def boom(kind: str) -> None:
        if kind == "input":
            raise TermkitError("x.tbx: bad thing")
        raise ChecksFailed("2 problems")

    @app.command()
    def other() -> None:  # a second command so that "boom" is a subcommand
        pass

    runner = CliRunner()
    result = runner.invoke(app, ["boom", "input"])
    assert result.exit_code == 2
    assert result.output.strip() == "termkit: error: x.tbx: bad thing"
    result = runner.invoke(app, ["boom", "checks"])
    assert result.exit_code == 1
