"""Reading CSV/TSV glossaries of either layout, with the line of each concept and warnings."""

from __future__ import annotations

import csv as _csv
import dataclasses
import io as _io
import os
from typing import Iterator

from termkit import io
from termkit.errors import TermkitError
from termkit.glossary.csv.columns import (CONCEPT_FIELDS, LANG_FIELDS, LONG_COLUMNS,
                                          OPTIONAL_COLUMNS, REQUIRED_COLUMNS, TERM_FIELDS,
                                          WIDE_CONCEPT_COLUMNS, WIDE_LANG_COLUMNS)
from termkit.glossary.gcpause import paused_gc
from termkit.glossary.model import Concept, Glossary, LangSec, Term, status_value
from termkit.i18n import _
from termkit.lang.codes import LANG_CODE


class CsvError(TermkitError):
    """A malformed CSV/TSV glossary: the file, the line (1-based) and what is wrong."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


@dataclasses.dataclass
class Parsed:
    """What ``parse`` found: the glossary and where things are in the file."""

    glossary: Glossary
    layout: str                                           # "long" or "wide"
    delimiter: str
    lines: dict[str, int] = dataclasses.field(default_factory=dict)   # concept id → its first line
    #: (line, concept id, message) for things read but not quite right
    warnings: list[tuple[int, str, str]] = dataclasses.field(default_factory=list)


def read(path: str | os.PathLike, delimiter: str | None = None, prefer: str = ",") -> Glossary:
    """Read a long or wide CSV/TSV glossary (``-`` is stdin); see :func:`parse`."""
    return parse_file(path, delimiter, prefer).glossary


def loads(data: bytes | str, name: str = "<input>", delimiter: str | None = None,
          prefer: str = ",") -> Glossary:
    """Read a CSV/TSV glossary held in memory; see :func:`parse`."""
    return parse(data, name, delimiter, prefer).glossary


def parse_file(path: str | os.PathLike, delimiter: str | None = None,
               prefer: str = ",") -> Parsed:
    """Read a CSV/TSV glossary and report line numbers and warnings (for validation)."""
    name = "<stdin>" if str(path) == "-" else str(path)
    return parse(io.read_bytes(path), name, delimiter, prefer)


def parse(data: bytes | str, name: str = "<input>", delimiter: str | None = None,
          prefer: str = ",") -> Parsed:
    """Parse CSV/TSV text; the layout is told by the header, the delimiter too unless given
    (``prefer`` first, then comma, tab, semicolon; ``prefer`` when the header tells none)."""
    text = io.decode(data, name) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    delimiter = delimiter or _sniff(text, prefer)
    rows = _rows(text, name, delimiter)
    header = next(rows, None)
    if header is None or not any(cell.strip() for cell in header[1]):
        raise CsvError(name, 1, _("empty file, expected a header row with concept_id, lang, term"))
    names = [cell.strip() for cell in header[1]]
    while names and not names[-1]:
        names.pop()
    parsed = Parsed(Glossary(), _layout(names), delimiter)
    if parsed.layout == "long":
        columns, handle = _long_header(names, name), _long_row
    else:
        columns, handle = _wide_header(names, name), _wide_row
    state: dict[str, Concept] = {}
    with paused_gc():
        _read_rows(rows, columns, handle, parsed, state, name)
    return parsed


def _read_rows(rows, columns, handle, parsed, state, name) -> None:
    """Check each non-blank record's width and hand its cells, by column, to ``handle``."""
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(columns) or any(cell.strip() for cell in row[len(columns):]):
            raise CsvError(name, line, _("row has {n} fields, the header has {m} "
                                         "(a missing or extra delimiter?)").format(
                                             n=len(row), m=len(columns)))
        values = dict(zip(columns, map(str.strip, row)))
        handle(values, parsed, state, name, line)


def sniff(path: str | os.PathLike, prefer: str = ",") -> tuple[str, str]:
    """(layout, delimiter) of an existing CSV/TSV file, from its header row only (``prefer``:
    as in :func:`parse`)."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16).decode("utf-8", errors="replace").removeprefix("\ufeff")
    first = head.splitlines()[0] if head else ""
    delimiter = _sniff(first, prefer)
    return _layout(next(_csv.reader([first], delimiter=delimiter), [])), delimiter


def _layout(names: list[str]) -> str:
    """``long`` when the header names a ``lang`` column or no ``term_L`` column, else ``wide``."""
    names = [name.strip() for name in names]
    if "lang" in (name.lower() for name in names) or not _wide_columns(names):
        return "long"
    return "wide"


def _sniff(text: str, prefer: str) -> str:
    """The delimiter whose split of the first line yields a ``concept_id`` column (``prefer``
    tried first, and taken when none does)."""
    first = text.split("\n", 1)[0]
    order = list(dict.fromkeys([prefer, ",", "\t", ";"]))
    for delimiter in order:
        if "concept_id" in (cell.strip().lower() for cell in first.split(delimiter)):
            return delimiter
    return order[0]


def _rows(text: str, name: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) for each record; a malformed record is a ``CsvError``."""
    reader = _csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for row in reader:
            yield line, row
            line = reader.line_num + 1
    except _csv.Error as exc:
        raise CsvError(name, reader.line_num or line,
                       _("malformed {kind} ({error})").format(
                           kind="TSV" if delimiter == "\t" else "CSV", error=exc)) from None


def _long_header(names: list[str], name: str) -> list[str]:
    columns = [n.lower() for n in names]
    known = set(LONG_COLUMNS) | set(OPTIONAL_COLUMNS)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CsvError(name, 1, _("missing required column(s) {missing}; the header must name "
                                  "at least concept_id, lang, term").format(
                                      missing=", ".join(missing)))
    for column in columns:
        if column not in known:
            raise CsvError(name, 1, _("unknown column {column!r}; known columns: {known}").format(
                column=column, known=", ".join(LONG_COLUMNS + OPTIONAL_COLUMNS)))
    _no_duplicates(columns, name)
    return columns


def _wide_columns(names: list[str]) -> list[tuple[str, str]]:
    """(field, language) for each per-language wide column; empty if the header is not wide."""
    found = []
    for column in names:
        field, lang = _wide_lang_column(column)
        if field is not None:
            found.append((field, lang))
    return found if any(f == "term" for f, _l in found) else []


def _wide_lang_column(column: str) -> tuple[str | None, str]:
    """(field, language) of a ``field_L`` column, split at the first ``_`` (``term_fr_FR``: the
    language ``fr_FR``, which validation reports); (None, "") for any other column."""
    prefix, _sep, lang = column.partition("_")
    lang = lang.strip()
    if prefix.lower() in WIDE_LANG_COLUMNS and LANG_CODE.fullmatch(lang.replace("_", "-")):
        return prefix.lower(), lang
    return None, ""


def _wide_header(names: list[str], name: str) -> list[str]:
    columns = []
    for column in names:
        lowered = column.lower()
        field, lang = _wide_lang_column(column)
        if lowered in WIDE_CONCEPT_COLUMNS or lowered == "concept_definition":
            columns.append(lowered)
        elif field is not None:
            columns.append(f"{field}_{lang}")
        else:
            raise CsvError(name, 1, _("unknown column {column!r} in a wide (one row per concept) "
                                      "file; expected concept_id, subject_field, concept_note, "
                                      "concept_source, xrefs and term_L, synonyms_L, deprecated_L, "
                                      "definition_L, note_L, source_L").format(column=column))
    if "concept_id" not in columns:
        raise CsvError(name, 1, _("missing required column concept_id"))
    _no_duplicates(columns, name)
    return columns


def _no_duplicates(columns: list[str], name: str) -> None:
    seen = set()
    for column in columns:
        if column in seen:
            raise CsvError(name, 1, _("column {column!r} appears twice").format(column=column))
        seen.add(column)


def _concept(values: dict[str, str], parsed: Parsed, state: dict[str, Concept], name: str,
             line: int) -> Concept:
    """The concept a row belongs to, created on first sight; fills concept-level fields."""
    concept_id = values["concept_id"]
    if not concept_id:
        raise CsvError(name, line, _("empty concept_id"))
    concept = state.get(concept_id)
    if concept is None:
        concept = state[concept_id] = Concept(concept_id)
        parsed.glossary.concepts.append(concept)
        parsed.lines[concept_id] = line
    elif state.get("") is not concept:
        parsed.warnings.append((line, concept_id, _(
            "rows of this concept are not consecutive (it starts at line {first})").format(
                first=parsed.lines[concept_id])))
    state[""] = concept  # the last concept seen
    _fill(concept, CONCEPT_FIELDS, values, parsed, line, concept_id)
    xrefs = [ref.strip() for ref in values.get("xrefs", "").split("|") if ref.strip()]
    if xrefs and not concept.xrefs:
        concept.xrefs = xrefs
    elif xrefs and xrefs != concept.xrefs:
        parsed.warnings.append((line, concept_id, _("xrefs differ from an earlier row; "
                                                    "the first value is kept")))
    return concept


def _fill(target, fields: dict[str, str], values: dict[str, str], parsed: Parsed, line: int,
          concept_id: str) -> None:
    """Set each empty attribute from its column; a different later value is a warning."""
    for column, attribute in fields.items():
        value = values.get(column)
        if not value:
            continue
        current = getattr(target, attribute)
        if current is None:
            setattr(target, attribute, value)
        elif current != value:
            parsed.warnings.append((line, concept_id, _(
                "{column} differs from an earlier row; the first value is kept").format(
                    column=column)))


def _long_row(values: dict[str, str], parsed: Parsed, state: dict[str, Concept], name: str,
              line: int) -> None:
    lang, text = values["lang"], values["term"]
    if not lang:
        raise CsvError(name, line, _("empty lang"))
    term_values = {attr: values.get(column) or None for column, attr in TERM_FIELDS.items()}
    if not text and (any(term_values.values()) or not any(
            values.get(column) for column in (*LANG_FIELDS, *CONCEPT_FIELDS, "xrefs"))):
        raise CsvError(name, line, _("empty term"))
    if term_values["status"]:
        # the TBX reader's spellings; a value termkit does not know is kept (validate reports it)
        term_values["status"] = status_value(term_values["status"])
    concept = _concept(values, parsed, state, name, line)
    section = concept.langs.get(lang)
    if section is None:
        section = concept.langs[lang] = LangSec(lang)
    if text:
        section.terms.append(Term(text=text, **term_values))
    _fill(section, LANG_FIELDS, values, parsed, line, concept.id)


def _wide_row(values: dict[str, str], parsed: Parsed, state: dict[str, Concept], name: str,
              line: int) -> None:
    concept = _concept(values, parsed, state, name, line)
    langs = dict.fromkeys(column.partition("_")[2] for column in values
                          if column.partition("_")[0] in WIDE_LANG_COLUMNS)
    for lang in langs:
        get = lambda key: values.get(f"{key}_{lang}", "")  # noqa: E731
        terms = [Term(get("term"), status="preferred")] if get("term") else []
        for key, status in (("synonyms", "admitted"), ("deprecated", "deprecated")):
            terms += [Term(text.strip(), status=status) for text in get(key).split("|")
                      if text.strip()]
        if not terms and not any(get(key) for key in ("definition", "note", "source")):
            continue
        section = concept.langs.get(lang)
        if section is None:
            section = concept.langs[lang] = LangSec(lang)
        section.terms += terms
        _fill(section, {f"{key}_{lang}": key for key in ("definition", "note", "source")},
              values, parsed, line, concept.id)
    if not any(section.terms for section in concept.langs.values()):
        raise CsvError(name, line, _("concept {id} has no term in any language").format(
            id=concept.id))
