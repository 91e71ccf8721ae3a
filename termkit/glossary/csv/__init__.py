"""CSV and TSV glossaries: one row per term ("long", the default) or per concept ("wide").

Long layout columns, in this order (also in the README, "CSV and TSV")::

    concept_id, lang, term, status, part_of_speech, term_type, gender, number, context,
    term_source, term_note, definition, lang_note, lang_source, subject_field, concept_note,
    concept_source, xrefs  [, concept_definition, term_id  -- only written when used]

Language fields (definition, lang_note, lang_source) and concept fields (subject_field,
concept_note, concept_source, xrefs, concept_definition) are written on the first row of their
language / concept; the reader takes the first non-empty value. ``xrefs`` are concept ids
separated by `` | ``. A row with an empty term may carry only language or concept fields.

Wide layout, one row per concept::

    concept_id, subject_field, concept_note, concept_source, xrefs [, concept_definition],
    then for each language L: term_L, synonyms_L, deprecated_L, definition_L, note_L, source_L

``term_L`` is the preferred term (read back as ``preferred``), ``synonyms_L`` the other allowed
terms (read back as ``admitted``), ``deprecated_L`` the deprecated and superseded ones (read back
as ``deprecated``), each list separated by `` | ``. The wide layout cannot hold term-level
information (part of speech, type, gender, number, context, source, note, id), the
deprecated/superseded distinction, terms without a status, the order of terms across statuses,
or a term containing ``|``.

Neither layout holds document-level information (title, main language, header), verbatim XML
(``extra``), leading/trailing spaces of values, or a concept or language section with neither a
term nor any information. Files are UTF-8 (a BOM is accepted; ``write(..., bom=True)``
writes one so that spreadsheets detect UTF-8), CRLF line ends with a comma or semicolon, LF with
a tab; the delimiter (comma, tab or semicolon) is detected from the header when not given.
Which delimiter and BOM a file gets is the format's choice (``termkit.glossary.formats``:
``csv`` comma and BOM, ``tsv`` tab and none), never this package's.

Inside: ``columns`` (the layouts' columns), ``reader``, ``writer``.
"""

from termkit.glossary.csv.columns import (CONCEPT_FIELDS, LANG_FIELDS, LONG_COLUMNS,
                                          OPTIONAL_COLUMNS, REQUIRED_COLUMNS, SEPARATOR,
                                          TERM_FIELDS, WIDE_CONCEPT_COLUMNS, WIDE_LANG_COLUMNS)
from termkit.glossary.csv.reader import CsvError, Parsed, loads, parse, parse_file, read, sniff
from termkit.glossary.csv.writer import dumps, rows, wide_drops, write

__all__ = ["CONCEPT_FIELDS", "LANG_FIELDS", "LONG_COLUMNS", "OPTIONAL_COLUMNS",
           "REQUIRED_COLUMNS", "SEPARATOR", "TERM_FIELDS", "WIDE_CONCEPT_COLUMNS",
           "WIDE_LANG_COLUMNS", "CsvError", "Parsed", "dumps", "loads", "parse", "parse_file",
           "read", "rows", "sniff", "wide_drops", "write"]
