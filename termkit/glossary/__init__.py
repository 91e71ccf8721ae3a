"""Glossaries: the model and its formats (TBX v3/v2, CSV/TSV), checks, editing and look-ups.

Imports point down this list (a module uses only those below it):

- ``lookup``, ``describe``, ``stats``: what ``termkit glossary`` computes (found terms with
  their equivalents, concept descriptions, counts); ``edit``: add terms, set statuses, merge
- ``validate``: the TBX schema check and ``checks`` (termkit's own checks), on a file or bytes
- ``index``: which glossary terms occur in a text (one matcher per language tag)
- ``formats``: THE place that tells a format from a file name or content, and the registry of
  formats (``tbx``, ``csv``, ``tsv``) with one reader/writer shape; ``load`` / ``save``
- ``tbx/`` (vocab, reader + convert, writer + indent, schema) and ``csv/`` (columns, reader,
  writer): one package per format
- ``model`` (concepts, language sections, terms; the status rule), ``problems`` (what checks
  find), ``gcpause``
"""

from termkit.glossary.model import STATUSES, TERM_TYPES, Concept, Glossary, LangSec, Term

__all__ = ["STATUSES", "TERM_TYPES", "Concept", "Glossary", "LangSec", "Term"]
