"""Counts that describe a glossary: concepts, terms, statuses and term types per language."""

from __future__ import annotations

from collections import Counter
from typing import Any

from termkit.glossary.model import STATUSES, Glossary
from termkit.i18n import _

UNSPECIFIED = "unspecified"


def stats(glossary: Glossary) -> dict[str, Any]:
    """A JSON-ready summary; per-language dicts are keyed by language code in first-seen order.

    ``statuses`` and ``term_types`` count terms (``unspecified`` when the field is empty);
    ``concepts_missing`` lists the ids of concepts with no term in that language.
    """
    langs = glossary.languages()
    terms = dict.fromkeys(langs, 0)
    statuses: dict[str, Counter] = {lang: Counter() for lang in langs}
    types: dict[str, Counter] = {lang: Counter() for lang in langs}
    definitions = dict.fromkeys(langs, 0)
    missing: dict[str, list[str]] = {lang: [] for lang in langs}
    without_terms = 0
    for concept in glossary:
        if not any(section.terms for section in concept.langs.values()):
            without_terms += 1
        for lang in langs:
            section = concept.langs.get(lang)
            if section is None or not section.terms:
                missing[lang].append(concept.id)
                if section is None:
                    continue
            definitions[lang] += bool(section.definition)
            for term in section.terms:
                terms[lang] += 1
                statuses[lang][term.status or UNSPECIFIED] += 1
                types[lang][term.term_type or UNSPECIFIED] += 1
    return {
        "concepts": len(glossary),
        "terms": sum(terms.values()),
        "languages": langs,
        "terms_per_language": terms,
        "statuses": {lang: dict(counts.most_common()) for lang, counts in statuses.items()},
        "term_types": {lang: dict(counts.most_common()) for lang, counts in types.items()},
        "definitions": definitions,
        "concepts_without_terms": without_terms,
        "concepts_missing": missing,
    }


def table(result: dict[str, Any]) -> list[tuple[str, list[int]]]:
    """The rows of the summary table of ``stats``' result: (label, one count per language)."""
    langs = result["languages"]

    def per_lang(values: dict[str, Any], key: str | None = None) -> list[int]:
        return [values[lang] if key is None else values[lang].get(key, 0) for lang in langs]

    rows = [(_("terms"), per_lang(result["terms_per_language"]))]
    for status in (*STATUSES, UNSPECIFIED):
        if any(result["statuses"][lang].get(status) for lang in langs):
            rows.append((status if status != UNSPECIFIED else _("no status"),
                         per_lang(result["statuses"], status)))
    for term_type in dict.fromkeys(t for lang in langs for t in result["term_types"][lang]):
        label = _("type: {type}").format(type=term_type if term_type != UNSPECIFIED
                                         else _("unspecified"))
        rows.append((label, per_lang(result["term_types"], term_type)))
    rows.append((_("definitions"), per_lang(result["definitions"])))
    rows.append((_("concepts without a term"),
                 [len(result["concepts_missing"][lang]) for lang in langs]))
    return rows


def report(file: str, result: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of ``stats``' result: the file, then the counts."""
    return {"file": file, **result}
