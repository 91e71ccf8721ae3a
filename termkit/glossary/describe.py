"""Concepts as indented text, with all their terms, statuses and definitions."""

from __future__ import annotations

from termkit.glossary.edit import find_concepts
from termkit.glossary.model import Concept, Glossary
from termkit.i18n import _


def describe(glossary: Glossary, query: str | None = None,
             langs: list[str] | None = None) -> list[str]:
    """One text block per concept: all of them, or those ``query`` finds (its id, else a term;
    of the one language when ``langs`` names one); ``langs`` limits the languages shown. An
    empty list when ``query`` finds nothing."""
    if query is None:
        concepts = glossary.concepts
    else:
        concepts = find_concepts(glossary, query, langs[0] if langs and len(langs) == 1
                                 else None)
    return ["\n".join(concept_lines(concept, langs)) for concept in concepts]


def concept_lines(concept: Concept, langs: list[str] | None = None) -> list[str]:
    """A concept as indented text lines (only the languages ``langs`` when given)."""
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
