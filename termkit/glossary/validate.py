"""Glossary validation: the TBX schema check and termkit's own checks, in file order.

A TBX v3 file is read once: the schema check (``tbx.schema.Checker``) sees each entry as the
reader streams it, then the rest of the document; termkit's checks (``checks``) then run on the
glossary read. TBX v2 and CSV/TSV files get termkit's checks only (CSV: with the reader's
warnings, each problem on the line where its concept starts).
"""

from __future__ import annotations

import os
from typing import Callable

from termkit import io
from termkit.glossary import checks, formats
from termkit.glossary.problems import Problem


def validate(path: str | os.PathLike, dialect: str | None = None) -> list[Problem]:
    """All problems of a glossary file (``-``: stdin, its format told by its content).

    ``dialect`` forces the TBX schema (``TBX-Basic`` or ``TBX-Core``); by default the file's own
    ``type`` picks it. Unreadable or hostile files raise ``TermkitError``.
    """
    if str(path) == "-":
        return validate_bytes(io.read_bytes("-"), "<stdin>", dialect)
    name = str(path)
    if formats.by_name(path).name == "tbx":
        from termkit.glossary.tbx import reader

        return _tbx(lambda on_entry: reader.parse(path, on_entry), name, dialect)
    from termkit.glossary import csv

    return _csv(csv.parse_file(path), name)


def validate_bytes(data: bytes, name: str = "<input>",
                   dialect: str | None = None) -> list[Problem]:
    """``validate`` for a glossary held in memory; ``name`` names it in the problems."""
    if formats.sniff(data).name == "tbx":
        from termkit.glossary.tbx import reader

        return _tbx(lambda on_entry: reader.parse_bytes(data, name, on_entry), name, dialect)
    from termkit.glossary import csv

    return _csv(csv.parse(data, name), name)


def _tbx(parse: Callable, name: str, dialect: str | None) -> list[Problem]:
    """Stream a TBX document through ``parse(on_entry)`` once, checking as it goes."""
    from termkit.glossary.tbx.schema import Checker

    schema = Checker(name, dialect)
    lines: list[int] = []

    def on_entry(entry) -> None:
        lines.append(entry.sourceline)
        schema.entry(entry)

    read = parse(on_entry)
    problems = schema.finish(read.root, read.version)
    problems.extend(checks.run(read.glossary, name, lines))
    problems.sort(key=lambda problem: problem.line or 0)
    return problems


def _csv(parsed, name: str) -> list[Problem]:
    """The reader's warnings, then termkit's checks, each problem on its concept's first line."""
    found = [Problem(name, line, concept_id, message, "warning")
             for line, concept_id, message in parsed.warnings]
    lines = [parsed.lines.get(concept.id) for concept in parsed.glossary.concepts]
    return found + checks.run(parsed.glossary, name, lines)
