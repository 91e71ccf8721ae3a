"""``termkit glossary``: validate, convert, inspect and edit TBX and CSV/TSV glossaries."""

from __future__ import annotations

import dataclasses
import enum
import json
from pathlib import Path
from typing import Optional

import typer

from termkit import io
from termkit.errors import ChecksFailed, TermkitError
from termkit.glossary import csv, edit, files
from termkit.glossary.model import STATUSES, Concept, Glossary
from termkit.glossary.stats import UNSPECIFIED
from termkit.glossary.stats import stats as glossary_stats
from termkit.i18n import _
from termkit.signature import signature

group = typer.Typer(
    name="glossary",
    help=_("Validate, convert, inspect and edit glossaries (TBX v2/v3, CSV, TSV)."),
    no_args_is_help=True,
)



def _choice(name: str, values) -> type[enum.Enum]:
    """An enum for a typer option whose value must be one of ``values``."""
    return enum.Enum(name, {value: value for value in values}, type=str)


Format = _choice("Format", ("tbx", "csv", "tsv"))
TbxVersion = _choice("TbxVersion", ("2", "3"))
Layout = _choice("Layout", ("long", "wide"))
Status = _choice("Status", STATUSES)
Policy = _choice("Policy", edit.CONFLICT_POLICIES)
FILE = typer.Argument(..., metavar="FILE", help=_("Glossary file: .tbx, .csv or .tsv."))
JSON = typer.Option(False, "--json", help=_("Print JSON (with a signature) instead of text."))
TBX_VERSION = typer.Option(TbxVersion("3"), "--tbx-version",
                           help=_("TBX version to write."))
TO = typer.Option(None, "--to",
                  help=_("Output format (needed with -o -); default: from the extension."))


def register(app: typer.Typer) -> None:
    """Add the ``glossary`` command group to the main app."""
    app.add_typer(group, name="glossary")


def _json(data: dict, path: str) -> None:
    data["signature"] = signature(glossary=path)
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _write(glossary: Glossary, path: str, to: str | None, tbx_version: str = "3",
           layout: str = "long") -> None:
    """Write in the format ``to`` or, for a file, the one its extension names."""
    files.save(glossary, path, tbx_version=int(tbx_version), layout=layout, to=to)


def _wide_warning(file: str) -> None:
    """Warn on stderr that the wide layout of ``file`` drops term-level information."""
    message = _("{file} has the wide layout, which keeps no part of speech, type, note or "
                "source for a term").format(file=file)
    typer.echo(_("termkit: warning: {message}").format(message=message), err=True)


def _done(message: str, output: str = "") -> None:
    """A summary line: stdout, unless stdout carries the glossary itself."""
    typer.echo(message, err=output == "-")


@group.command(help=_("Check a glossary (TBX schema and termkit's checks); exit 1 if it is "
                      "invalid."))
def validate(file: str = FILE, as_json: bool = JSON) -> None:
    problems = _problems(file)
    errors = [p for p in problems if p.severity == "error"]
    if as_json:
        _json({"file": file, "valid": not errors, "errors": len(errors),
               "warnings": len(problems) - len(errors),
               "problems": [dataclasses.asdict(p) for p in problems]}, file)
    else:
        for problem in problems:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            concept = f" concept {problem.concept_id}:" if problem.concept_id else ""
            level = _(" warning:") if problem.severity == "warning" else ""
            typer.echo(f"{where}:{concept}{level} {problem.message}")
        if not errors:
            typer.echo(_("{file}: valid").format(file=file))
    if errors:
        raise ChecksFailed(_("{file}: invalid ({n} errors)").format(file=file, n=len(errors)))


def _problems(file: str) -> list:
    """The problems of a glossary file; stdin (``-``) is saved to a temporary file first, its
    format told by its content, and the problems and errors name it ``<stdin>``."""
    from termkit.glossary.validate import validate as file_problems

    if file != "-":
        return file_problems(file)
    import tempfile

    data = io.read_bytes("-")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"stdin.{files.sniff(data)}"
        path.write_bytes(data)
        try:
            found = file_problems(path)
        except TermkitError as exc:
            raise TermkitError(str(exc).replace(str(path), "<stdin>")) from None
    return [dataclasses.replace(p, file="<stdin>") for p in found]


@group.command(help=_("Convert between TBX, CSV and TSV (formats from the file extensions)."))
def convert(
    source: str = FILE,
    output: str = typer.Option(..., "-o", "--output", help=_("Output file, or - for stdout.")),
    tbx_version: TbxVersion = TBX_VERSION,
    layout: Layout = typer.Option(Layout("long"), "--layout",
                                  help=_("CSV/TSV layout: one row per term or per concept.")),
    to: Optional[Format] = TO,
) -> None:
    glossary = files.load(source)
    _write(glossary, output, to and to.value, tbx_version.value, layout.value)
    if layout.value == "wide" and files.output_format(output, to and to.value) != "tbx" \
            and csv.wide_drops(glossary):
        _wide_warning("<stdout>" if output == "-" else output)
    if output != "-":
        typer.echo(_("{output}: {n} concepts written").format(output=output, n=len(glossary)))


@group.command(help=_("Count concepts, terms per language, statuses and term types."))
def stats(file: str = FILE, as_json: bool = JSON) -> None:
    result = glossary_stats(files.load(file))
    if as_json:
        _json({"file": file, **result}, file)
        return
    from rich.console import Console
    from rich.table import Table

    langs = result["languages"]
    typer.echo(_("{file}: {concepts} concepts, {terms} terms").format(file=file, **result))
    table = Table()
    table.add_column("")
    for lang in langs:
        table.add_column(lang, justify="right")

    def row(label: str, values) -> None:
        table.add_row(label, *(str(value) for value in values))

    row(_("terms"), (result["terms_per_language"][lang] for lang in langs))
    for status in (*STATUSES, UNSPECIFIED):
        if any(result["statuses"][lang].get(status) for lang in langs):
            row(status if status != UNSPECIFIED else _("no status"),
                (result["statuses"][lang].get(status, 0) for lang in langs))
    types = dict.fromkeys(t for lang in langs for t in result["term_types"][lang])
    for term_type in types:
        row(_("type: {type}").format(type=term_type if term_type != UNSPECIFIED
                                     else _("unspecified")),
            (result["term_types"][lang].get(term_type, 0) for lang in langs))
    row(_("definitions"), (result["definitions"][lang] for lang in langs))
    row(_("concepts without a term"), (len(result["concepts_missing"][lang]) for lang in langs))
    Console(soft_wrap=False).print(table)


def _describe(concept: Concept, langs: list[str] | None) -> list[str]:
    """A concept as indented text lines."""
    head = concept.id + (f"  [{concept.subject_field}]" if concept.subject_field else "")
    lines = [head]
    for label, value in ((_("definition"), concept.definition), (_("note"), concept.note),
                         (_("source"), concept.source)):
        if value:
            lines.append(f"  {label}: {value}")
    if concept.xrefs:
        see_also = _("see also")
        lines.append(f"  {see_also}: {', '.join(concept.xrefs)}")
    for code, section in concept.langs.items():
        if langs and not any(concept.lang(lang) is section for lang in langs):
            continue
        lines.append(f"  {code}")
        for term in section.terms:
            facts = [term.status or _("no status"), term.part_of_speech, term.gender,
                     term.number, term.term_type]
            lines.append(f"    {term.text}  ({', '.join(f for f in facts if f)})")
            for label, value in ((_("context"), term.context), (_("source"), term.source),
                                 (_("note"), term.note)):
                if value:
                    lines.append(f"      {label}: {value}")
        for label, value in ((_("definition"), section.definition), (_("note"), section.note),
                             (_("source"), section.source)):
            if value:
                lines.append(f"    {label}: {value}")
    return lines


@group.command(help=_("Show concepts with all their terms, statuses and definitions."))
def show(
    file: str = FILE,
    term: Optional[str] = typer.Argument(None, metavar="TERM",
                                         help=_("A term or concept id (default: all).")),
    lang: Optional[str] = typer.Option(None, "--lang",
                                       help=_("Only these languages (comma-separated).")),
) -> None:
    glossary = files.load(file)
    langs = [code.strip() for code in lang.split(",") if code.strip()] if lang else None
    if term is None:
        concepts = glossary.concepts
    else:
        concepts = edit.find_concepts(glossary, term, langs[0] if langs and len(langs) == 1
                                      else None)
        if not concepts:
            raise ChecksFailed(_("{file}: no concept with a term {term!r}").format(file=file,
                                                                                  term=term))
    typer.echo("\n\n".join("\n".join(_describe(concept, langs)) for concept in concepts))


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
    from termkit.glossary.match import Matcher

    glossary = files.load(file)
    if text == "-":
        text = io.read_text("-")
    base = lang.split("-")[0].lower()
    targets = [code.strip() for code in target.split(",")] if target else \
        [code for code in glossary.languages() if code.split("-")[0].lower() != base]
    found = []
    for match in Matcher(glossary, lang).find(text):
        found.append({"start": match.start, "end": match.end, "text": match.text,
                      "concept": match.concept.id, "term": match.term.text,
                      "status": match.term.status, "lang": match.lang,
                      "use": edit.equivalents(match.concept, lang) if match.term.forbidden
                      else [],
                      "equivalents": {code: edit.equivalents(match.concept, code, match.term)
                                      for code in targets}})
    if as_json:
        _json({"file": file, "lang": lang, "matches": found}, file)
        return
    if not found:
        typer.echo(_("no glossary term found"), err=True)
    for item in found:
        status = f" ({item['status']})" if item["status"] else ""
        line = (f"{item['start']}-{item['end']}  {item['text']}  →  {item['concept']}: "
                f"{item['term']}{status}")
        if item["use"]:
            line += "  " + _("[do not use; use: {terms}]").format(terms=" | ".join(item["use"]))
        for code, terms in item["equivalents"].items():
            line += f"  {code}: {' | '.join(terms) or '—'}"
        typer.echo(line)


def _load_for_edit(file: str, create: bool = False) -> Glossary:
    if create and file != "-" and not Path(file).exists():
        files.kind(file)  # a clear error for an unknown extension
        return Glossary()
    return files.load(file)


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
    glossary = _load_for_edit(file, create=True)
    try:
        entry = edit.add_term(glossary, concept, lang, term, status and status.value,
                              part_of_speech=pos,
                              term_type=term_type, note=note, source=source,
                              definition=definition)
    except TermkitError as exc:
        raise _edit_error(file, exc) from None
    if any((pos, term_type, note, source)) and files.kind(file) == "csv" \
            and Path(file).is_file() and csv.sniff(file)[0] == "wide":
        _wide_warning(file)
    edit.save_like(glossary, file)
    typer.echo(_("{file}: added {lang} term {term!r} to concept {id}").format(
        file=file, lang=lang, term=term.strip(), id=entry.id))


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
    glossary = _load_for_edit(file)
    try:
        entry, found = edit.set_status(glossary, term, lang, status.value, concept)
    except TermkitError as exc:
        raise _edit_error(file, exc) from None
    edit.save_like(glossary, file)
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
    result, report = edit.merge(files.load(first), files.load(second), on_conflict.value)
    _write(result, output, to and to.value, tbx_version.value)
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
