"""Editing a glossary: find terms and concepts, add a term, change a status, merge, save in place.

Plain functions over the model; each raises ``TermkitError`` for anything the user can cause.
Reading and writing the file edited is ``formats``' job (``formats.save_like`` keeps its format).

Merging (``merge``): concepts with the same id are the same concept. Their language sections and
terms (same text) are joined field by field: a field empty on one side is filled from the other;
a field set differently on both sides is a *conflict*, resolved by ``on_conflict`` ("keep" A's
value, "replace" with B's, or "error"). Concepts of B with a new id are appended. Concepts with
different ids that share a preferred term in a language are *not* joined (the same term can name
different concepts, e.g. in different subject fields): they are reported as possible duplicates
for a terminologist to decide.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from termkit.errors import TermkitError
from termkit.glossary.model import STATUSES, Concept, Glossary, LangSec, Term
from termkit.i18n import _
from termkit.lang import codes
from termkit.lang.normalise import plain

TERM_ATTRS = ("status", "part_of_speech", "gender", "number", "term_type", "context", "source",
              "note", "id")
LANG_ATTRS = ("definition", "note", "source")
CONCEPT_ATTRS = ("subject_field", "definition", "note", "source")
CONFLICT_POLICIES = ("keep", "replace", "error")


def _check_status(status: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise TermkitError(_("unknown status {status!r}; use one of {known}").format(
            status=status, known=", ".join(STATUSES)))


def language(code: str) -> str:
    """The language code an edit stores: any spelling of a language tag as the well-formed tag
    (``fr_FR`` → ``fr-FR``, ``EN`` → ``en``: :func:`termkit.lang.codes.tag`); a clear error for
    anything that cannot be one."""
    try:
        return codes.tag(code or "")
    except TermkitError:
        raise TermkitError(_("invalid language code {lang!r} (expected e.g. fr, en, en-GB)").format(
            lang=code)) from None


def new_id(glossary: Glossary) -> str:
    """A concept id not yet used: the glossary's own numbering continued (``c007`` → ``c008``)
    when most ids follow it, else the first free ``c{n}`` from the number of concepts + 1."""
    used = {concept.id for concept in glossary}
    numbered = [m.groups() for m in (re.fullmatch(r"(.*?)(\d+)", i) for i in used) if m]
    common = Counter(p for p, _n in numbered).most_common(1)
    if common and common[0][1] * 2 > len(used):
        prefix = common[0][0]
        digits = [n for p, n in numbered if p == prefix]
        width, number = max(len(n) for n in digits), max(int(n) for n in digits) + 1
    else:
        prefix, width, number = "c", 1, len(used) + 1
    while f"{prefix}{number:0{width}d}" in used:
        number += 1
    return f"{prefix}{number:0{width}d}"


def add_term(glossary: Glossary, concept_id: str | None, lang: str, text: str,
             status: str | None = None, *, part_of_speech: str | None = None,
             term_type: str | None = None, gender: str | None = None, number: str | None = None,
             context: str | None = None, source: str | None = None, note: str | None = None,
             definition: str | None = None, subject_field: str | None = None) -> Concept:
    """Add a term to a concept (created if missing; ``concept_id=None`` makes a new id).

    ``lang`` is stored as its well-formed tag (:func:`language`); the term goes into the
    concept's section of that language (:meth:`Concept.lang`), made when it has none.
    ``definition`` sets the language section's definition, ``subject_field`` the concept's.
    A term already in that concept and language is an error. Returns the concept.
    """
    text = (text or "").strip()
    if not text:
        raise TermkitError(_("empty term"))
    lang = language(lang)
    _check_status(status)
    concept = glossary.get(concept_id) if concept_id else None
    if concept is None:
        concept = Concept(concept_id or new_id(glossary))
        glossary.concepts.append(concept)
    section = concept.lang(lang)
    # a region named (en-AU) goes to its own section, or to the bare language's (en) that
    # serves every region, never into another region's (en-GB)
    if section is None or (lang != codes.base(lang)
                           and codes.loose_tag(section.lang) not in (lang, codes.base(lang))):
        section = concept.langs[lang] = LangSec(lang)
    if any(term.text == text for term in section.terms):
        raise TermkitError(_("concept {id} already has the {lang} term {text!r}; use set-status "
                             "to change it").format(id=concept.id, lang=section.lang,
                                                    text=text))
    section.terms.append(Term(text, status=status, part_of_speech=part_of_speech, gender=gender,
                              number=number, term_type=term_type, context=context, source=source,
                              note=note))
    if definition:
        section.definition = definition
    if subject_field:
        concept.subject_field = subject_field
    return concept


def find_terms(glossary: Glossary, text: str, lang: str,
               concept_id: str | None = None) -> list[tuple[Concept, Term]]:
    """The (concept, term) pairs whose term in ``lang`` is ``text`` (exact, else as typed: case,
    apostrophes and spaces aside, :func:`termkit.lang.normalise.plain`)."""
    if concept_id is not None and glossary.get(concept_id) is None:
        raise TermkitError(_("no concept {id}").format(id=concept_id))
    pairs = [(concept, term) for concept in glossary
             if concept_id is None or concept.id == concept_id
             for _code, term in concept.terms(lang)]
    exact = [(c, t) for c, t in pairs if t.text == text.strip()]
    typed = plain(text)
    return exact or [(c, t) for c, t in pairs if plain(t.text) == typed]


def find_concepts(glossary: Glossary, query: str, lang: str | None = None) -> list[Concept]:
    """Concepts whose id is ``query``, else with a term equal to it as typed (case, apostrophes
    and spaces aside: :func:`termkit.lang.normalise.plain`), else with a term containing it
    (terms of ``lang`` only, when given)."""
    if glossary.get(query.strip()) is not None:
        return [glossary.get(query.strip())]
    needle = plain(query)
    for same in (str.__eq__, str.__contains__):
        found = [concept for concept in glossary
                 if any(same(plain(term.text), needle) for _l, term in concept.terms(lang))]
        if found:
            return found
    return []


def set_status(glossary: Glossary, text: str, lang: str, status: str | None,
               concept_id: str | None = None) -> tuple[Concept, Term]:
    """Set the status of the ``lang`` term ``text`` (any spelling of the tag: :func:`language`);
    ambiguous unless one concept has it.

    Other terms are left alone (making a term preferred does not demote another one).
    """
    lang = language(lang)
    _check_status(status)
    found = find_terms(glossary, text, lang, concept_id)
    if not found:
        raise TermkitError(_("no {lang} term {text!r}").format(lang=lang, text=text))
    concepts = list(dict.fromkeys(concept.id for concept, _term in found))
    if len(concepts) > 1:
        raise TermkitError(_("the {lang} term {text!r} is in several concepts ({ids}); "
                             "choose one with --concept").format(lang=lang, text=text,
                                                                 ids=", ".join(concepts)))
    for _concept, term in found:
        term.status = status
    return found[0]


@dataclass
class Conflict:
    """One field set differently in both glossaries."""

    concept_id: str
    where: str          # "concept", "fr" (language section) or "fr term 'x'"
    field: str
    a: str
    b: str


@dataclass
class MergeReport:
    """What ``merge`` did."""

    added: list[str] = field(default_factory=list)    # ids of B's concepts appended
    joined: list[str] = field(default_factory=list)   # ids present in both
    conflicts: list[Conflict] = field(default_factory=list)
    #: (A's concept id, B's concept id, language, term): same preferred term, different ids
    duplicates: list[tuple[str, str, str, str]] = field(default_factory=list)


def merge(a: Glossary, b: Glossary, on_conflict: str = "keep") -> tuple[Glossary, MergeReport]:
    """A new glossary with A's concepts joined with B's (see the module docstring)."""
    if on_conflict not in CONFLICT_POLICIES:
        raise TermkitError(_("unknown conflict policy {value!r}; use keep, replace or "
                             "error").format(value=on_conflict))
    result, report = copy.deepcopy(a), MergeReport()
    for attr in ("title", "lang"):
        if getattr(result, attr) is None:
            setattr(result, attr, getattr(b, attr))
    by_id = {concept.id: concept for concept in result}
    preferred = {}
    for concept in result:
        for key, _text in _preferred_terms(concept):
            preferred.setdefault(key, concept.id)
    for other in b:
        mine = by_id.get(other.id)
        if mine is None:
            mine = by_id[other.id] = copy.deepcopy(other)
            result.concepts.append(mine)
            report.added.append(other.id)
            for key, text in _preferred_terms(other):
                if key in preferred:
                    report.duplicates.append((preferred[key], other.id, key[0], text))
            continue
        report.joined.append(other.id)
        _join(mine, other, CONCEPT_ATTRS, (mine.id, "concept"), on_conflict, report)
        mine.xrefs += [ref for ref in other.xrefs if ref not in mine.xrefs]
        for lang, section in other.langs.items():
            target = mine.langs.get(lang)
            if target is None:
                mine.langs[lang] = copy.deepcopy(section)
                continue
            _join(target, section, LANG_ATTRS, (mine.id, lang), on_conflict, report)
            for term in section.terms:
                same = next((t for t in target.terms if t.text == term.text), None)
                if same is None:
                    target.terms.append(copy.deepcopy(term))
                else:
                    _join(same, term, TERM_ATTRS, (mine.id, f"{lang} term {term.text!r}"),
                          on_conflict, report)
    return result, report


def _preferred_terms(concept: Concept):
    """((base language, casefolded text), text) for each language's preferred term(s)."""
    for lang in concept.langs:
        for text in concept.equivalents(lang):
            yield (codes.base(lang), text.casefold()), text


def _join(target, other, attrs: tuple[str, ...], where: tuple[str, str], on_conflict: str,
          report: MergeReport) -> None:
    """Fill ``target``'s empty attributes from ``other``; resolve differing ones."""
    for attr in attrs:
        mine, theirs = getattr(target, attr), getattr(other, attr)
        if theirs is None or theirs == mine:
            continue
        if mine is None:
            setattr(target, attr, theirs)
            continue
        conflict = Conflict(where[0], where[1], attr, mine, theirs)
        if on_conflict == "error":
            raise TermkitError(_("concept {id}: {where} {field} differs: {a!r} vs {b!r}").format(
                id=where[0], where=where[1], field=attr, a=mine, b=theirs))
        report.conflicts.append(conflict)
        if on_conflict == "replace":
            setattr(target, attr, theirs)
    target.extra += [item for item in other.extra if item not in target.extra]
