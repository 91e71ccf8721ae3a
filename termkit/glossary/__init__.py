"""Glossaries: the model and its formats (TBX v3/v2, CSV/TSV)."""

from termkit.glossary.model import STATUSES, TERM_TYPES, Concept, Glossary, LangSec, Term

__all__ = ["STATUSES", "TERM_TYPES", "Concept", "Glossary", "LangSec", "Term"]
