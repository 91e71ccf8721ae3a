"""Writing CSV/TSV glossaries in either layout."""

from __future__ import annotations

import csv as _csv
import io as _io
import os
from typing import Iterable, Iterator

from termkit import io
from termkit.errors import TermkitError
from termkit.glossary.csv.columns import (CONCEPT_FIELDS, LANG_FIELDS, LONG_COLUMNS,
                                          OPTIONAL_COLUMNS, SEPARATOR, TERM_FIELDS,
                                          WIDE_CONCEPT_COLUMNS, WIDE_LANG_COLUMNS)
from termkit.glossary.model import Concept, Glossary, LangSec, Term
from termkit.i18n import _


def write(glossary: Glossary, path: str | os.PathLike, layout: str = "long",
          delimiter: str = ",", bom: bool = False) -> None:
    """Write atomically (``-`` is stdout), with a UTF-8 BOM first when ``bom`` (the ``csv``
    format of ``termkit.glossary.formats`` has one, for spreadsheets; ``tsv`` has none)."""
    with io.atomic_write(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        _write_rows(handle, rows(glossary, layout), delimiter)


def dumps(glossary: Glossary, layout: str = "long", delimiter: str = ",") -> bytes:
    """The CSV/TSV document of a glossary, UTF-8 without a BOM."""
    buffer = _io.StringIO(newline="")
    _write_rows(buffer, rows(glossary, layout), delimiter)
    return buffer.getvalue().encode("utf-8")


def _write_rows(handle, records: Iterable[list[str]], delimiter: str) -> None:
    writer = _csv.writer(handle, delimiter=delimiter,
                         lineterminator="\n" if delimiter == "\t" else "\r\n")
    writer.writerows(records)


def rows(glossary: Glossary, layout: str = "long") -> Iterator[list[str]]:
    """The header and then the rows of either layout."""
    if layout == "long":
        return _long_rows(glossary)
    if layout == "wide":
        return _wide_rows(glossary)
    raise TermkitError(_("unknown CSV layout {layout!r}; use long or wide").format(layout=layout))


def _long_rows(glossary: Glossary) -> Iterator[list[str]]:
    optional = [column for column in OPTIONAL_COLUMNS if _used(glossary, column)]
    columns = list(LONG_COLUMNS) + optional
    yield columns
    for concept in glossary:
        concept_cells = {column: getattr(concept, attr) for column, attr in CONCEPT_FIELDS.items()}
        concept_cells["xrefs"] = SEPARATOR.join(concept.xrefs)
        for lang, section in concept.langs.items():
            lang_cells = {column: getattr(section, attr) for column, attr in LANG_FIELDS.items()}
            terms: list[Term | None] = list(section.terms)
            if not terms and any((*lang_cells.values(), *concept_cells.values())):
                terms = [None]  # a row with only language / concept information
            for term in terms:
                cells = {"concept_id": concept.id, "lang": lang, **lang_cells, **concept_cells}
                if term is not None:
                    cells["term"] = term.text
                    cells.update({column: getattr(term, attr)
                                  for column, attr in TERM_FIELDS.items()})
                yield [cells.get(column) or "" for column in columns]
                lang_cells = concept_cells = {}


def _used(glossary: Glossary, column: str) -> bool:
    if column == "concept_definition":
        return any(concept.definition for concept in glossary)
    return any(term.id for concept in glossary for _lang, term in concept.terms())


def _wide_rows(glossary: Glossary) -> Iterator[list[str]]:
    langs = glossary.languages()
    concept_columns = list(WIDE_CONCEPT_COLUMNS)
    if _used(glossary, "concept_definition"):
        concept_columns.append("concept_definition")
    yield concept_columns + [f"{key}_{lang}" for lang in langs for key in WIDE_LANG_COLUMNS]
    for concept in glossary:
        row = [concept.id, concept.subject_field, concept.note, concept.source,
               SEPARATOR.join(concept.xrefs)]
        if len(concept_columns) > len(WIDE_CONCEPT_COLUMNS):
            row.append(concept.definition)
        for lang in langs:
            row += _wide_cells(concept, concept.langs.get(lang))
        yield [cell or "" for cell in row]


def wide_drops(glossary: Glossary) -> bool:
    """Does a term hold information the wide layout cannot (part of speech, type, note...)?"""
    attrs = [attr for attr in TERM_FIELDS.values() if attr != "status"]
    return any(getattr(term, attr) for concept in glossary for _lang, term in concept.terms()
               for attr in attrs)


def _wide_cells(concept: Concept, section: LangSec | None) -> list[str | None]:
    if section is None:
        return [None] * len(WIDE_LANG_COLUMNS)
    for term in section.terms:
        if "|" in term.text:
            raise TermkitError(_("concept {id}: term {term!r} contains '|', which the wide "
                                 "layout uses as a separator; use the long layout").format(
                                     id=concept.id, term=term.text))
    first = section.preferred()
    synonyms = [t.text for t in section.terms if not t.forbidden and t is not first]
    forbidden = [t.text for t in section.terms if t.forbidden]
    return [first.text if first else None, SEPARATOR.join(synonyms), SEPARATOR.join(forbidden),
            section.definition, section.note, section.source]
