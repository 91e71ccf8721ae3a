"""Glossary validation: the TBX schema check and termkit's own checks, in file order.

A TBX v3 file is read once: the schema check (``tbx.schema.Checker``) sees each entry as the
reader streams it, then the rest of the document; termkit's checks (``checks``) then run on the
glossary read. TBX v2 and CSV/TSV files get termkit's checks only (CSV: with the reader's
warnings, each problem on the line where its concept starts).

The format is the registry's answer (``formats.by_name`` for a file, ``formats.sniff`` for
bytes); ``VALIDATORS`` holds the validation of each format it names.
"""

from __future__ import annotations

import os
from typing import Callable

from termkit import io
from termkit.glossary import checks, formats
from termkit.glossary.problems import Problem

#: a format's validation: ``(format, path or bytes, name, dialect) -> problems``
Validator = Callable[..., list[Problem]]


def validate(path: str | os.PathLike, dialect: str | None = None) -> list[Problem]:
    """All problems of a glossary file (``-``: stdin, its format told by its content).

    ``dialect`` forces the TBX schema (``TBX-Basic`` or ``TBX-Core``); by default the file's own
    ``type`` picks it. Unreadable or hostile files raise ``TermkitError``.
    """
    if str(path) == "-":
        return validate_bytes(io.read_bytes("-"), "<stdin>", dialect)
    fmt = formats.by_name(path)
    return VALIDATORS[fmt.name](fmt, path, str(path), dialect)


def validate_bytes(data: bytes, name: str = "<input>",
                   dialect: str | None = None) -> list[Problem]:
    """``validate`` for a glossary held in memory; ``name`` names it in the problems."""
    fmt = formats.sniff(data)
    return VALIDATORS[fmt.name](fmt, data, name, dialect)


def _tbx(fmt: formats.Format, source, name: str, dialect: str | None) -> list[Problem]:
    """Stream a TBX document (a file or bytes) once, checking as it goes."""
    from termkit.glossary.tbx import reader
    from termkit.glossary.tbx.schema import Checker

    schema = Checker(name, dialect)
    lines: list[int] = []

    def on_entry(entry) -> None:
        lines.append(entry.sourceline)
        schema.entry(entry)

    if isinstance(source, bytes):
        read = reader.parse_bytes(source, name, on_entry)
    else:
        read = reader.parse(source, on_entry)
    problems = schema.finish(read.root, read.version)
    problems.extend(checks.run(read.glossary, name, lines))
    problems.sort(key=lambda problem: problem.line or 0)
    return problems


def _csv(fmt: formats.Format, source, name: str, dialect: str | None) -> list[Problem]:
    """The reader's warnings, then termkit's checks, each problem on its concept's first line."""
    from termkit.glossary import csv

    data = source if isinstance(source, bytes) else io.read_bytes(source)
    parsed = csv.parse(data, name, prefer=fmt.delimiter)
    found = [Problem(name, line, concept_id, message, "warning")
             for line, concept_id, message in parsed.warnings]
    lines = [parsed.lines.get(concept.id) for concept in parsed.glossary.concepts]
    return found + checks.run(parsed.glossary, name, lines)


#: format name (``formats.FORMATS``) → its validation
VALIDATORS: dict[str, Validator] = {"tbx": _tbx, "csv": _csv, "tsv": _csv}
