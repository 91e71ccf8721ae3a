"""``termkit glossary``: validate, convert, inspect and edit TBX and CSV/TSV glossaries."""

from __future__ import annotations

import json
from typing import Optional

import typer

from termkit import io
from termkit.cli.common import choice, warn
from termkit.errors import ChecksFailed, TermkitError
from termkit.glossary import edit, formats
from termkit.glossary import stats as glossary_stats
from termkit.glossary.model import STATUSES
from termkit.i18n import _
from termkit.signature import signature

group = typer.Typer(
    name="glossary",
    help=_("Validate, convert, inspect and edit glossaries (TBX v2/v3, CSV, TSV)."),
    no_args_is_help=True,
)


Format = choice("Format", formats.FORMATS)
TbxVersion = choice("TbxVersion", ("2", "3"))
Layout = choice("Layout", ("long", "wide"))
Status = choice("Status", STATUSES)
Policy = choice("Policy", edit.CONFLICT_POLICIES)
FILE = typer.Argument(..., metavar="FILE", help=_("Glossary file: .tbx, .csv or .tsv."))
JSON = typer.Option(False, "--json", help=_("Print JSON (with a signature) instead of text."))
TBX_VERSION = typer.Option(TbxVersion("3"), "--tbx-version",
                           help=_("TBX version to write."))
TO = typer.Option(None, "--to",
                  help=_("Output format (needed with -o -); default: from the extension."))


def register(app: typer.Typer) -> None:
    """Add the ``glossary`` command group to the main app."""
    app.add_typer(group, name="glossary")


def _json(data: dict, path: str, index=None) -> None:
    data["signature"] = signature(glossary=path, index=index)
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _wide_warning(file: str) -> None:
    """Warn on stderr that the wide layout of ``file`` drops term-level information."""
    warn(_("{file} has the wide layout, which keeps no part of speech, type, note or "
           "source for a term").format(file=file))


def _done(message: str, output: str = "") -> None:
    """A summary line: stdout, unless stdout carries the glossary itself."""
    typer.echo(message, err=output == "-")


@group.command(help=_("Check a glossary (TBX schema and termkit's checks); exit 1 if it is "
                      "invalid."))
def validate(file: str = FILE, as_json: bool = JSON) -> None:
    from termkit.glossary import problems
    from termkit.glossary.validate import validate as file_problems

    found = file_problems(file)
    errors = problems.errors(found)
    if as_json:
        _json(problems.report(file, found), file)
    else:
        for problem in found:
            typer.echo(problem.text())
        if not errors:
            typer.echo(_("{file}: valid").format(file=file))
    if errors:
        raise ChecksFailed(_("{file}: invalid ({n} errors)").format(file=file, n=len(errors)))


@group.command(help=_("Convert between TBX, CSV and TSV (formats from the file extensions)."))
def convert(
    source: str = FILE,
    output: str = typer.Option(..., "-o", "--output", help=_("Output file, or - for stdout.")),
    tbx_version: TbxVersion = TBX_VERSION,
    layout: Layout = typer.Option(Layout("long"), "--layout",
                                  help=_("CSV/TSV layout: one row per term or per concept.")),
    to: Optional[Format] = TO,
) -> None:
    glossary = formats.load(source)
    formats.save(glossary, output, tbx_version=int(tbx_version.value), layout=layout.value,
                 to=to and to.value)
    if formats.drops_details(glossary, output, to=to and to.value, layout=layout.value):
        _wide_warning("<stdout>" if output == "-" else output)
    if output != "-":
        typer.echo(_("{output}: {n} concepts written").format(output=output, n=len(glossary)))


@group.command(help=_("Count concepts, terms per language, statuses and term types."))
def stats(file: str = FILE, as_json: bool = JSON) -> None:
    result = glossary_stats.stats(formats.load(file))
    if as_json:
        _json(glossary_stats.report(file, result), file)
        return
    from rich.console import Console
    from rich.table import Table

    typer.echo(_("{file}: {concepts} concepts, {terms} terms").format(file=file, **result))
    table = Table()
    table.add_column("")
    for lang in result["languages"]:
        table.add_column(lang, justify="right")
    for label, counts in glossary_stats.table(result):
        table.add_row(label, *(str(count) for count in counts))
    Console(soft_wrap=False).print(table)


@group.command(help=_("Show concepts with all their terms, statuses and definitions."))
def show(
    file: str = FILE,
    term: Optional[str] = typer.Argument(None, metavar="TERM",
                                         help=_("A term or concept id (default: all).")),
    lang: Optional[str] = typer.Option(None, "--lang",
                                       help=_("Only these languages (comma-separated).")),
) -> None:
    from termkit.glossary.describe import describe

    langs = [code.strip() for code in lang.split(",") if code.strip()] if lang else None
    blocks = describe(formats.load(file), term, langs)
    if term is not None and not blocks:
        raise ChecksFailed(_("{file}: no concept with a term {term!r}").format(file=file,
                                                                              term=term))
    typer.echo("\n\n".join(blocks))


@group.command(help=_("Find which glossary terms occur in TEXT (elision, plural and case aware)."))
def lookup(
    file: str = FILE,
    text: str = typer.Argument(..., metavar="TEXT",
                               help=_("The text to search, or - to read stdin.")),
    lang: str = typer.Option("fr", "--lang", help=_("Language of the text.")),
    target: Optional[str] = typer.Option(
        None, "--target", help=_("Languages of the equivalents (comma-separated; default: "
                                 "all others).")),
    as_json: bool = JSON,
) -> None:
    from termkit.glossary.index import TermIndex
    from termkit.glossary.lookup import lookup as find_terms
    from termkit.glossary.lookup import report

    index = TermIndex(formats.load(file))
    if text == "-":
        text = io.read_text("-")
    targets = [code.strip() for code in target.split(",")] if target else None
    found = find_terms(index, text, lang, targets)
    if as_json:
        _json(report(file, lang, found), file, index)
        return
    if not found:
        typer.echo(_("no glossary term found"), err=True)
    for item in found:
        typer.echo(item.line())


def _edit_error(file: str, exc: TermkitError) -> TermkitError:
    return TermkitError(f"{file}: {exc}")


@group.command(help=_("Add a term to a concept (created if needed) and save the file in place."))
def add(
    file: str = typer.Argument(..., metavar="FILE",
                               help=_("Glossary to edit in place (created if missing).")),
    concept: Optional[str] = typer.Option(None, "--concept",
                                          help=_("Concept id (default: a new concept).")),
    lang: str = typer.Option(..., "--lang", help=_("Language code, e.g. fr, en.")),
    term: str = typer.Option(..., "--term", help=_("The term.")),
    status: Optional[Status] = typer.Option(None, "--status"),
    pos: Optional[str] = typer.Option(None, "--pos", help=_("Part of speech, e.g. noun.")),
    term_type: Optional[str] = typer.Option(None, "--type",
                                            help=_("Term type, e.g. fullForm, acronym.")),
    note: Optional[str] = typer.Option(None, "--note"),
    source: Optional[str] = typer.Option(None, "--source"),
    definition: Optional[str] = typer.Option(None, "--definition",
                                             help=_("Definition in this language.")),
) -> None:
    glossary = formats.load_or_new(file)
    try:
        entry = edit.add_term(glossary, concept, lang, term, status and status.value,
                              part_of_speech=pos,
                              term_type=term_type, note=note, source=source,
                              definition=definition)
    except TermkitError as exc:
        raise _edit_error(file, exc) from None
    if formats.drops_details(glossary, file, layout=formats.layout_of(file)):
        _wide_warning(file)
    formats.save_like(glossary, file)
    typer.echo(_("{file}: added {lang} term {term!r} to concept {id}").format(
        file=file, lang=entry.lang(lang).lang, term=term.strip(), id=entry.id))


@group.command("set-status", help=_("Set a term's administrative status and save the file in "
                                    "place."))
def set_status(
    file: str = typer.Argument(..., metavar="FILE", help=_("Glossary to edit in place.")),
    status: Status = typer.Argument(..., metavar="STATUS", help=_("The new status.")),
    lang: str = typer.Option(..., "--lang", help=_("Language of the term.")),
    term: str = typer.Option(..., "--term", help=_("The term.")),
    concept: Optional[str] = typer.Option(None, "--concept",
                                          help=_("Concept id, when the term is in several.")),
) -> None:
    glossary = formats.load(file)
    try:
        lang = edit.language(lang)
        entry, found = edit.set_status(glossary, term, lang, status.value, concept)
    except TermkitError as exc:
        raise _edit_error(file, exc) from None
    formats.save_like(glossary, file)
    typer.echo(_("{file}: concept {id}: {lang} term {term!r} is now {status}").format(
        file=file, id=entry.id, lang=lang, term=found.text, status=status.value))


@group.command(help=_("Merge B into A by concept id; report conflicts and possible duplicates."))
def merge(
    first: str = typer.Argument(..., metavar="A", help=_("Glossary A (wins conflicts with keep).")),
    second: str = typer.Argument(..., metavar="B", help=_("Glossary B.")),
    output: str = typer.Option(..., "-o", "--output", help=_("Output file, or - for stdout.")),
    on_conflict: Policy = typer.Option(Policy("keep"), "--on-conflict",
                                       help=_("keep A's value, replace with B's, or error.")),
    tbx_version: TbxVersion = TBX_VERSION,
    to: Optional[Format] = TO,
) -> None:
    result, report = edit.merge(formats.load(first), formats.load(second), on_conflict.value)
    formats.save(result, output, tbx_version=int(tbx_version.value), to=to and to.value)
    _done(_("{output}: {n} concepts ({joined} joined, {added} added from {b}), {c} conflicts "
            "({policy})").format(output=output, n=len(result), joined=len(report.joined),
                                 added=len(report.added), b=second, c=len(report.conflicts),
                                 policy=on_conflict.value), output)
    for conflict in report.conflicts:
        _done(_("conflict: concept {id}: {where} {field}: {a!r} vs {b!r}").format(
            id=conflict.concept_id, where=conflict.where, field=conflict.field, a=conflict.a,
            b=conflict.b), output)
    for a_id, b_id, lang, term in report.duplicates:
        _done(_("possible duplicate: concepts {a} and {b} share the {lang} term {term!r}").format(
            a=a_id, b=b_id, lang=lang, term=term), output)
