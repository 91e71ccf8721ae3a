"""The columns of the CSV/TSV layouts and the model field each holds."""

from __future__ import annotations

LONG_COLUMNS = ("concept_id", "lang", "term", "status", "part_of_speech", "term_type", "gender",
                "number", "context", "term_source", "term_note", "definition", "lang_note",
                "lang_source", "subject_field", "concept_note", "concept_source", "xrefs")
#: columns written after LONG_COLUMNS only when some concept or term uses them
OPTIONAL_COLUMNS = ("concept_definition", "term_id")
REQUIRED_COLUMNS = ("concept_id", "lang", "term")
#: CSV column → model attribute, per level
TERM_FIELDS = {"status": "status", "part_of_speech": "part_of_speech", "term_type": "term_type",
               "gender": "gender", "number": "number", "context": "context",
               "term_source": "source", "term_note": "note", "term_id": "id"}
LANG_FIELDS = {"definition": "definition", "lang_note": "note", "lang_source": "source"}
CONCEPT_FIELDS = {"subject_field": "subject_field", "concept_note": "note",
                  "concept_source": "source", "concept_definition": "definition"}
WIDE_CONCEPT_COLUMNS = ("concept_id", "subject_field", "concept_note", "concept_source", "xrefs")
WIDE_LANG_COLUMNS = ("term", "synonyms", "deprecated", "definition", "note", "source")
SEPARATOR = " | "
