"""The ``termkit`` command: a thin layer over the library.

Exit codes: 0 success; 1 checks failed (invalid glossary, missed terms…);
2 usage or input error (bad option, unreadable or malformed file, missing model).
"""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from termkit import __version__
from termkit.cli import glossary, mt, text, tmx
from termkit.errors import TermkitError
from termkit.i18n import _, translate_typer

translate_typer()  # typer's help panels and usage errors in the user's language too


def _translate_help(option) -> None:
    """typer writes the help of ``-h/--help`` in English: translate it."""
    if option is not None:
        option.help = _("Show this message and exit.")


def _translate_sub_help(group, ctx: typer.Context) -> None:
    for command in getattr(group, "commands", {}).values():
        _translate_help(command.get_help_option(ctx))
        _translate_sub_help(command, ctx)


class _Group(TyperGroup):
    """The root group: a ``TermkitError`` becomes one line on stderr and its exit code."""

    def get_help_option(self, ctx: typer.Context):
        option = super().get_help_option(ctx)
        _translate_help(option)
        _translate_sub_help(self, ctx)  # before any sub-command parses its -h
        return option

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except TermkitError as exc:
            typer.echo(_("termkit: error: {message}").format(message=exc), err=True)
            ctx.exit(exc.exit_code)


app = typer.Typer(
    name="termkit",
    cls=_Group,
    help=_("French-English translation and terminology toolkit."),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                        help=_("Print the version and exit."))) -> None:
    """The root options (the help text is the app's, translated)."""


glossary.register(app)
text.register(app)
mt.register(app)
tmx.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning user errors into one line on stderr."""
    try:
        app(args=argv, prog_name="termkit")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo(_("termkit: interrupted"), err=True)
        sys.exit(130)
