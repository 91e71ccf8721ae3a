"""``termkit tmx``: convert a TMX translation memory, describe one."""

from __future__ import annotations

import json
from typing import Optional

import typer

from termkit.cli.common import choice
from termkit.corpus.formats import FORMATS
from termkit.i18n import _

group = typer.Typer(name="tmx", help=_("Convert and describe TMX translation memories."),
                    no_args_is_help=True)
Format = choice("Format", FORMATS)
FILE = typer.Argument(..., metavar="FILE", help=_("TMX file (or .tsv, .json, .beads), - for "
                                                   "stdin."))


def register(app: typer.Typer) -> None:
    """Add the ``tmx`` group to the main app."""
    app.add_typer(group)


@group.command(help=_("Convert a translation memory (TMX; TSV, JSON or beads by extension) to "
                      "TMX, TSV, JSON or beads (format from the output's extension)."))
def convert(
    file: str = FILE,
    output: str = typer.Option("-", "-o", "--output",
                               help=_("Output file (written atomically); - is stdout.")),
    fmt: Optional[Format] = typer.Option(
        None, "--format", help=_("Output format (needed with -o -); default: from the "
                                 "extension.")),
) -> None:
    from termkit.corpus import formats

    written = formats.convert(file, output, fmt and fmt.value,
                              source_fmt=formats.memory_format(file))
    if output != "-":
        typer.echo(_("{output}: {n} units written").format(output=output, n=written))


@group.command(help=_("Count units, segments, words and characters per language, and "
                      "alignment scores."))
def stats(file: str = FILE,
          as_json: bool = typer.Option(False, "--json",
                                       help=_("Print JSON (with a signature) instead of "
                                              "text."))) -> None:
    from termkit.corpus import formats, stats as corpus_stats

    result = corpus_stats.stats(formats.read(file, formats.memory_format(file)))
    name = "<stdin>" if file == "-" else file
    if as_json:
        from termkit.signature import signature

        typer.echo(json.dumps({"file": name, **result, "signature": signature()},
                              ensure_ascii=False, indent=2))
        return
    typer.echo(corpus_stats.text(result, name), nl=False)
