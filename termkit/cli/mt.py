"""``termkit translate`` and ``termkit models``: offline MT with glossary enforcement."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import List, Optional

import typer

from termkit import io
from termkit.errors import ChecksFailed, TermkitError
from termkit.i18n import _

models_group = typer.Typer(name="models", no_args_is_help=True,
                           help=_("Install, list and remove Argos translation models."))


class Format(str, enum.Enum):
    text = "text"
    json = "json"
    tmx = "tmx"


class EngineName(str, enum.Enum):
    argos = "argos"
    apertium = "apertium"


def register(app: typer.Typer) -> None:
    """Add ``translate`` and the ``models`` group to the main app."""
    app.command("translate")(translate_command)
    app.add_typer(models_group, name="models")


def translate_command(
    file: str = typer.Argument("-", help=_("Text to translate, one paragraph per line (- = stdin).")),
    source: str = typer.Option(..., "--from", "-f", help=_("Source language: fr or en.")),
    target: str = typer.Option(..., "--to", "-t", help=_("Target language: en or fr.")),
    glossary: Optional[str] = typer.Option(None, "--glossary", "-g",
                                           help=_("Glossary to enforce (.tbx, .csv, .tsv).")),
    model: Optional[str] = typer.Option(None, "--model", "-m",
                                        help=_("Argos package (.argosmodel or folder) to use.")),
    engine: Optional[EngineName] = typer.Option(None, "--engine", "-e",
                                                help=_("argos or apertium (default: automatic).")),
    fmt: Optional[Format] = typer.Option(
        None, "--format", help=_("Output format (default: the one the output file's extension "
                                 "names, .tmx or .json; else text).")),
    as_json: bool = typer.Option(False, "--json", help=_("Same as --format json.")),
    output: str = typer.Option("-", "--output", "-o", help=_("Output file (- = stdout).")),
    beam_size: int = typer.Option(4, "--beam-size", min=1, max=16, help=_("Beam size (argos).")),
    compute_type: str = typer.Option("default", "--compute-type",
                                     help=_("CTranslate2 compute type: default, int8, float32…")),
    method: Optional[str] = typer.Option(None, "--method",
                                         help=_("Enforcement: none, or steps joined by + from "
                                                "mask, rerank, prefix, postedit.")),
    strict: bool = typer.Option(False, "--strict",
                                help=_("Exit with status 1 when glossary terms are missed.")),
) -> None:
    """Translate text offline, one output line per input line, enforcing a glossary."""
    from termkit.mt.report import output_format, translate_document

    text = io.read_text(file)
    index = None
    if glossary is not None:
        from termkit.glossary.formats import load
        from termkit.glossary.index import TermIndex

        index = TermIndex(load(glossary))
    run = translate_document(
        text, source, target, name="<stdin>" if file == "-" else file, index=index,
        glossary_file=glossary, engine=engine.value if engine else None, model=model,
        beam_size=beam_size, compute_type=compute_type, method=method, show_progress=True,
        notify=_notify)
    chosen = Format.json.value if as_json else fmt.value if fmt else output_format(output)
    io.write_bytes(output, run.dumps(chosen))
    if run.missed:
        typer.echo(_("termkit: warning: {n} glossary term(s) missed (see --json)")
                   .format(n=run.missed), err=True)
        if strict:
            raise ChecksFailed(_("{n} glossary term(s) missed").format(n=run.missed))


def _notify(message: str) -> None:
    typer.echo(f"termkit: {message}", err=True)


@models_group.command("install")
def models_install(args: List[str] = typer.Argument(
        ..., help=_("A .argosmodel file or package folder; or SOURCE TARGET (e.g. fr en) to "
                    "download from the Argos index (needs a network)."))) -> None:
    """Install an Argos model from a file, or download one from the Argos index."""
    from termkit.mt import models

    if len(args) == 2 and not Path(args[0]).exists():
        package = models.download(args[0], args[1], notify=_notify)
    elif len(args) == 1:
        package = models.install(args[0])
    else:
        raise TermkitError(_("give one .argosmodel file, or two language codes (fr en)"))
    typer.echo(_("installed {name} ({a}→{b}) in {path}").format(
        name=package.name, a=package.source, b=package.target, path=package.path))


@models_group.command("list")
def models_list(as_json: bool = typer.Option(False, "--json", help=_("Print JSON."))) -> None:
    """List installed models."""
    from termkit.mt import models

    listing = models.listing()
    if as_json:
        typer.echo(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    if not listing["models"]:
        typer.echo(_("no models installed in {dir}").format(dir=listing["models_dir"]))
    for row in listing["models"]:
        typer.echo(f"{row['name']}\t{row['from']}→{row['to']}\t{row['version']}\t{row['path']}")


@models_group.command("remove")
def models_remove(name: str = typer.Argument(..., help=_("Model name or pair (fr-en).")))\
        -> None:
    """Remove an installed model."""
    from termkit.mt import models

    for path in models.remove(name):
        typer.echo(_("removed {path}").format(path=path))
