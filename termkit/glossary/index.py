"""The term index: the one answer to "which glossary terms are in this text?".

A :class:`TermIndex` is built once from a glossary and handed to every stage that asks
(lookup, alignment anchors, translation and its output check, catalogue checks, term
extraction). It holds one :class:`Matcher` per language tag (``en-GB`` and ``en-US`` sections
of one glossary each get theirs), and is identified by the glossary's content
:attr:`~TermIndex.fingerprint`.

An index is built from the glossary as it is and does not follow edits of it: its matchers and
its fingerprint are each computed on first use and then kept. After an edit, build a new index
(it gets a new fingerprint); do not edit a glossary while an index of it is in use.

A matcher cuts text and terms into tokens (:mod:`termkit.lang.tokens`) and keys every token
(:mod:`termkit.lang.normalise`: lowercase, apostrophes unified, French and English plural →
singular). One Aho–Corasick automaton over the keys of all terms of a language finds the
terms, at token boundaries only. All-caps acronyms (``OIM``, ``UE``) match only words written
in capitals.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import ahocorasick

from termkit.glossary.model import Concept, Glossary, Term
from termkit.lang import codes
from termkit.lang.normalise import Keys

__all__ = ["Match", "Matcher", "TermIndex", "fingerprint"]


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary term; ``text[start:end]`` of the searched text is ``text``."""

    start: int
    end: int
    text: str
    concept: Concept = field(hash=False)
    term: Term = field(hash=False)
    lang: str = ""


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isupper()


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    term: Term
    lang: str
    acronyms: tuple[int, ...]   # indexes of the term's tokens that are all-caps acronyms


def _acronyms_ok(acronyms: tuple[int, ...], found: list[re.Match], first: int) -> bool:
    """Are the text's words at the term's acronym positions written as acronyms?"""
    for i in acronyms:
        word = found[first + i].group()
        # written in capitals (NGOs too); long ones may also be written as names (Interpol)
        if not (word.isupper() or (word[-1] == "s" and word[:-1].isupper())
                or (len(word) >= 5 and word.istitle())):
            return False
    return True


class Matcher:
    """Finds the terms of one language of a glossary in texts (one automaton for all terms)."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang = lang
        self._keys = Keys(lang)
        self._automaton = ahocorasick.Automaton()
        self._patterns: dict[str, tuple[str, tuple[int, ...]]] = {}   # text → (key, acronyms)
        entries: dict[str, list[_Entry]] = {}
        for concept in glossary:
            section = concept.lang(lang)
            if section is None:
                continue
            for term in section.terms:
                pattern, acronyms = self._pattern(term.text)
                if pattern:
                    entries.setdefault(pattern, []).append(
                        _Entry(concept, term, section.lang, acronyms))
        for pattern, group in entries.items():
            plain = not any(entry.acronyms for entry in group)
            self._automaton.add_word(pattern, (pattern.count(" ") - 1, group, plain))
        self._empty = not entries
        if entries:
            self._automaton.make_automaton()

    def _pattern(self, term_text: str) -> tuple[str, tuple[int, ...]]:
        found, keys, _ = self._keys.tokens(term_text)
        if not found:
            return "", ()
        acronyms = tuple(i for i, m in enumerate(found) if _is_acronym(m.group()))
        self._patterns[term_text] = keys, acronyms
        return keys, acronyms

    def find(self, text: str) -> list[Match]:
        """Every term occurrence: leftmost-longest, non-overlapping, sorted by start."""
        if self._empty or not text:
            return []
        found, keys, starts = self._keys.tokens(text)
        candidates = []
        for end, (ntok, group, plain) in self._automaton.iter(keys):
            last = bisect_right(starts, end) - 1
            first = last - ntok + 1
            if plain:
                candidates.append((first, -last, group[0]))
                continue
            for entry in group:
                if _acronyms_ok(entry.acronyms, found, first):
                    candidates.append((first, -last, entry))
                    break
        candidates.sort()   # leftmost first, then longest (two candidates never share a span)
        matches: list[Match] = []
        taken = -1
        for first, neg_last, entry in candidates:
            if first <= taken:
                continue
            taken = -neg_last
            start, stop = found[first].start(), found[taken].end()
            matches.append(Match(start, stop, text[start:stop], entry.concept, entry.term,
                                 entry.lang))
        return matches

    def contains(self, text: str, term: Term) -> bool:
        """Does ``text`` contain ``term`` (any term, also one outside this glossary)?"""
        pattern, acronyms = self._patterns.get(term.text) or self._pattern(term.text)
        if not pattern or not text:
            return False
        found, keys, starts = self._keys.tokens(text)
        pos = keys.find(pattern)
        while pos >= 0:
            if _acronyms_ok(acronyms, found, bisect_left(starts, pos + 1)):
                return True
            pos = keys.find(pattern, pos + 1)
        return False


# ---------------------------------------------------------------- the index

def fingerprint(glossary: Glossary) -> str:
    """The sha256 (hex) of the glossary's content: concepts, language sections and terms with
    every field, in order. Equal content gives an equal fingerprint, any edit a new one."""
    digest = hashlib.sha256()
    for concept in glossary:
        # the dataclass repr names every field and quotes every string: one text per content
        digest.update(repr(concept).encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()


class TermIndex:
    """One matcher per language tag over one glossary, each built once, on first use; see the
    module docstring (an index does not follow later edits of its glossary)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._matchers: dict[str, Matcher] = {}
        self._fingerprint: str | None = None

    @property
    def fingerprint(self) -> str:
        """The glossary's content fingerprint (see :func:`fingerprint`), computed on first use
        and then kept."""
        if self._fingerprint is None:
            self._fingerprint = fingerprint(self.glossary)
        return self._fingerprint

    def matcher(self, lang: str) -> Matcher:
        """The matcher of the terms in ``lang``, keyed by its tag (``fr-FR`` and ``fr_FR`` share
        one; ``fr`` has its own): each concept's section is chosen by :meth:`Concept.lang`
        (the same tag, else the first of the same language)."""
        key = codes.loose_tag(lang)
        found = self._matchers.get(key)
        if found is None:
            found = self._matchers[key] = Matcher(self.glossary, key)
        return found

    def find(self, text: str, lang: str) -> list[Match]:
        """Every term occurrence of ``lang`` in ``text`` (leftmost-longest, sorted by start)."""
        return self.matcher(lang).find(text)
