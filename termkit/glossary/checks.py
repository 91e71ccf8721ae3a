"""termkit's own checks of a glossary, beyond what a schema can say.

Each check is a small function with the same signature, ``check(glossary, where)``, that yields
``Problem`` records (made by ``where.problem(concept, message, severity)``, which knows the file
and each concept's line); ``CHECKS`` lists them and ``run`` runs them all, as Babel's catalogue
checkers are run.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterator, Sequence

from termkit.glossary.model import STATUSES, Concept, Glossary, Term
from termkit.glossary.problems import Problem
from termkit.glossary.tbx.vocab import PICKLISTS
from termkit.i18n import _
from termkit.lang import codes


class Where:
    """Makes the problems of one glossary: its file name and, given one line per concept (in
    order), the line each concept starts at."""

    def __init__(self, glossary: Glossary, file: str = "",
                 lines: Sequence[int | None] | None = None):
        self.glossary = glossary
        self.file = str(file)
        self.lines = lines
        self._by_concept: dict[int, int | None] | None = None  # built on the first problem

    def problem(self, concept: Concept | None, message: str,
                severity: str = "error") -> Problem:
        """A problem of ``concept`` (None: of the whole file)."""
        if concept is None:
            return Problem(self.file, None, None, message, severity)
        if self.lines and self._by_concept is None:
            # keyed by identity, not id: a file may use one concept id twice
            self._by_concept = {id(c): line for c, line in zip(self.glossary.concepts,
                                                               self.lines)}
        line = self._by_concept.get(id(concept)) if self._by_concept else None
        return Problem(self.file, line, concept.id, message, severity)


def duplicate_ids(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """Concept ids and term ids must be unique in the file."""
    seen: set[str] = set()
    for concept in glossary.concepts:
        ids = [concept.id]
        for section in concept.langs.values():
            for term in section.terms:
                if term.id:
                    ids.append(term.id)
        for ident in ids:
            if ident in seen:
                yield where.problem(concept, _("the id '{0}' is used more than once")
                                    .format(ident))
            seen.add(ident)


def concept_without_terms(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """A concept needs a term in some language."""
    for concept in glossary.concepts:
        if not _has_terms(concept):
            yield where.problem(concept, _("the concept has no terms"))


def langsec_without_terms(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """A language section needs a term (unless the whole concept has none: reported once)."""
    for concept in glossary.concepts:
        if _has_terms(concept):
            for code, section in concept.langs.items():
                if not section.terms:
                    yield where.problem(concept, _("the language section '{0}' has no terms")
                                        .format(code))


def empty_terms(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """A term needs text."""
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if not term.text.strip():
                    yield where.problem(concept, _("a term in '{0}' is empty").format(code))


def unknown_statuses(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """A status must be one of ``STATUSES``."""
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if term.status is not None and term.status not in STATUSES:
                    yield where.problem(concept, _(
                        "term '{0}' ({1}) has an unknown status '{2}' (use preferred, admitted, "
                        "deprecated or superseded)").format(term.text, code, term.status))


def bad_languages(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """Language codes (of the file and of each language section) must be BCP 47 tags."""
    if glossary.lang is not None and not codes.valid(glossary.lang):
        yield where.problem(None, _("the file's language '{0}' is not a valid language code")
                            .format(glossary.lang))
    valid: dict[str, bool] = {}  # a file uses few codes: match each once
    for concept in glossary.concepts:
        for code in concept.langs:
            known = valid.get(code)
            if known is None:
                known = valid[code] = codes.valid(code)
            if known:
                continue
            if not code:
                yield where.problem(concept, _("a language section has no language code "
                                               "(xml:lang)"))
            else:
                hint = code.replace("_", "-") if "_" in code else "fr, en-GB"
                yield where.problem(concept, _("'{0}' is not a valid language code (BCP 47, "
                                               "e.g. {1})").format(code, hint))


def missing_xrefs(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """A cross-reference must name a concept of the file."""
    ids = {concept.id for concept in glossary.concepts}
    for concept in glossary.concepts:
        for target in concept.xrefs:
            if target not in ids:
                yield where.problem(concept, _("cross-reference to '{0}', which is not a "
                                               "concept in this file").format(target))


def conflicting_statuses(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """A term preferred in one place and deprecated/superseded in another."""
    forbidden: list[tuple[str, Concept, str]] = []
    for concept, code, term in _statused(glossary, lambda term: term.forbidden):
        forbidden.append((_term_key(code, term), concept,
                          f"'{term.text}' ({code}) is {term.status}"))
    if not forbidden:
        return
    # only the keys of forbidden terms are looked up: a large glossary's preferred terms are not
    # all kept in memory
    wanted = {key for key, _concept, _what in forbidden}
    preferred: dict[str, Concept] = {}
    for concept, code, term in _statused(glossary, lambda term: term.status == "preferred"):
        key = _term_key(code, term)
        if key in wanted:
            preferred.setdefault(key, concept)
    for key, concept, what in forbidden:
        other = preferred.get(key)
        if other is concept:
            yield where.problem(concept, _("term {0} but also preferred").format(what))
        elif other is not None:
            yield where.problem(concept, _("term {0} here but preferred in concept '{1}'")
                                .format(what, other.id), "warning")


def _statused(glossary: Glossary, keep: Callable[[Term], bool]) -> Iterator[tuple]:
    """(concept, language, term) for each term with a status that ``keep`` accepts."""
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if term.status is not None and keep(term):
                    yield concept, code, term


def _term_key(code: str, term: Term) -> str:
    return codes.base(code) + "\x00" + term.text.casefold()


def duplicate_terms(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """The same term twice in one language section (ignoring case) is a warning."""
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            texts = [term.text.casefold() for term in section.terms if term.text]
            if len(texts) < 2 or len(set(texts)) == len(texts):
                continue
            counts = Counter(texts)
            for text, count in counts.items():
                if count > 1:
                    yield where.problem(concept, _("term '{0}' appears {1} times in '{2}'")
                                        .format(text, count, code), "warning")


def unknown_values(glossary: Glossary, where: Where) -> Iterator[Problem]:
    """Part of speech, gender and term type outside the TBX-Basic picklists."""
    picklists = PICKLISTS.items()
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if term.part_of_speech is None and term.gender is None and \
                        term.term_type is None:
                    continue
                for field, allowed in picklists:
                    value = getattr(term, field)
                    if value is not None and value not in allowed:
                        yield where.problem(concept, _("term '{0}' ({1}): {2} '{3}' is not a "
                                                       "TBX-Basic value ({4})").format(
                            term.text, code, field.replace("_", " "), value,
                            ", ".join(allowed)), "warning")


def _has_terms(concept: Concept) -> bool:
    return any(section.terms for section in concept.langs.values())


Check = Callable[[Glossary, Where], Iterator[Problem]]
CHECKS: list[Check] = [
    duplicate_ids, concept_without_terms, langsec_without_terms, empty_terms, unknown_statuses,
    bad_languages, missing_xrefs, conflicting_statuses, duplicate_terms, unknown_values,
]


def run(glossary: Glossary, file: str = "", lines: Sequence[int | None] | None = None,
        checks: Sequence[Check] | None = None) -> list[Problem]:
    """The problems the ``checks`` (default: ``CHECKS``) find, check after check; ``lines`` (one
    per concept, in order) gives each problem its line."""
    where = Where(glossary, file, lines)
    return [problem for check in (CHECKS if checks is None else checks)
            for problem in check(glossary, where)]
