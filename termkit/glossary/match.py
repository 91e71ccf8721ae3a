"""The one glossary matcher: which glossary terms occur in a text, and where.

Text and terms are cut into tokens (words, single punctuation marks; hyphens and spaces only
separate) and every token gets a key: lowercase, apostrophes unified, plural → singular for
French and English (``victimes`` → ``victime``, ``agencies`` → ``agency``). One Aho–Corasick
automaton over the keys of all terms of a language finds the terms, at token boundaries only.
All-caps acronyms (``OIM``, ``UE``) match only words written in capitals.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

import ahocorasick

from termkit.glossary.model import Concept, Glossary, Term

_SKIP = "\\-\u2010\u2011\u2012\u2212\u200b\ufeff"  # hyphens, zero-width space, BOM: separators
_INVISIBLE = "\u00ad\u2060"                      # soft hyphen, word joiner: ignored inside words
#: a word (with combining accents and invisible characters) or one punctuation mark
_TOKEN = re.compile(rf"[^\W\u02bc](?:[^\W\u02bc]|[\u0300-\u036f{_INVISIBLE}])*"
                    rf"|[^\w\s{_SKIP}{_INVISIBLE}]|\u02bc")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'",
                       "—": "–", "―": "–", "\u00ad": None, "\u2060": None})


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary term; ``text[start:end]`` of the searched text is ``text``."""

    start: int
    end: int
    text: str
    concept: Concept = field(hash=False)
    term: Term = field(hash=False)
    lang: str = ""


# ---------------------------------------------------------------- token normalisation

_FR_KEEP = {
    "pays", "fois", "mois", "temps", "corps", "cas", "prix", "voix", "bras", "procès", "accès",
    "succès", "progrès", "excès", "recours", "cours", "discours", "concours", "secours", "dos",
    "repos", "avis", "fils", "sans", "plus", "moins", "très", "après", "depuis", "dans", "sous",
    "vers", "alors", "toujours", "jamais", "parfois", "abus", "refus", "choix", "paix", "taux",
    "faux", "deux", "trois", "six", "dix", "gens", "mœurs", "ailleurs", "lors", "hors", "puis",
    "mais", "jus", "virus", "bus", "campus", "consensus", "processus", "biais", "anglais",
    "français", "relais", "palais", "frais",
}
_EN_IRREGULAR = {
    "children": "child", "women": "woman", "men": "man", "people": "people", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "data": "data", "criteria": "criterion",
    "phenomena": "phenomenon", "analyses": "analysis", "crises": "crisis", "bases": "basis",
    "lives": "life", "wives": "wife", "knives": "knife", "thieves": "thief", "halves": "half",
    "selves": "self", "leaves": "leaf",
}
_EN_KEEP = {
    "news", "series", "species", "means", "police", "status", "business", "process", "access",
    "us", "is", "has", "was", "its", "this", "thus", "as", "his", "yes", "less", "across",
    "address", "progress", "success", "witness", "congress", "headquarters", "arms", "customs",
    "always", "perhaps", "whereas", "towards", "afterwards", "various", "serious", "previous",
}


#: feminine endings → masculine (after the plural is gone), applied to words of 6+ letters
_FR_FEMININE = (("ière", "ier"), ("euse", "eur"), ("trice", "teur"), ("enne", "en"),
                ("elle", "el"), ("ale", "al"), ("aine", "ain"), ("ante", "ant"), ("ente", "ent"),
                ("ive", "if"), ("ée", "é"))


def _fr_singular(word: str) -> str:
    """Masculine singular-ish key: victimes → victime, policières → policier, chargées → chargé."""
    if word == "des":
        return "de"                           # trafic des migrants ~ trafic de migrants
    if len(word) <= 3 or word in _FR_KEEP:
        return word
    if word.endswith("eaux"):
        return word[:-1]                      # bureaux → bureau
    if word.endswith("aux"):
        return word[:-3] + "al"               # internationaux → international
    if word.endswith(("eux", "oux")):
        return word[:-1]                      # lieux → lieu
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]                      # victimes → victime
    if len(word) >= 6:
        for feminine, masculine in _FR_FEMININE:
            if word.endswith(feminine):
                return word[:-len(feminine)] + masculine
    return word


def _en_singular(word: str) -> str:
    if word in _EN_IRREGULAR:
        return _EN_IRREGULAR[word]
    if len(word) <= 3 or word in _EN_KEEP or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"                # agencies → agency
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]                      # witnesses → witness, boxes → box
    if word.endswith(("ss", "us", "is")):
        return word                           # business, virus, analysis
    return word[:-1]                          # victims → victim


_SINGULAR = {"fr": _fr_singular, "en": _en_singular}


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isupper()


class _Keys:
    """Token → key, memoised, for one language."""

    def __init__(self, lang: str) -> None:
        self.singular = _SINGULAR.get(lang.split("-")[0].lower())
        self.memo: dict[str, str] = {}

    def __call__(self, token: str) -> str:
        key = self.memo.get(token)
        if key is None:
            key = token.translate(_FOLD).lower()
            if not key.isascii():
                key = unicodedata.normalize("NFC", key)
            if self.singular is not None and key.isalpha():
                key = self.singular(key)
            if len(self.memo) < 500_000:
                self.memo[token] = key
        return key

    def tokens(self, text: str) -> tuple[list[re.Match], str, list[int]]:
        """Tokens of ``text``, the key string ``" k1 k2 … "`` and where each key starts in it."""
        found = list(_TOKEN.finditer(text))
        get = self.memo.get
        keys = [get(word) or self(word) for word in map(re.Match.group, found)]
        starts = list(accumulate([len(key) + 1 for key in keys], initial=1))
        return found, " " + " ".join(keys) + " ", starts


def normalise(text: str, lang: str) -> str:
    """The key string of ``text`` (tokens' keys joined by single spaces): equal keys match."""
    return _Keys(lang).tokens(text)[1].strip()


# ---------------------------------------------------------------- the matcher

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
        self._keys = _Keys(lang)
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

    def terms_in(self, text: str) -> list[Concept]:
        """The concepts whose terms occur in ``text``, once each, in order of first occurrence."""
        seen: dict[int, Concept] = {}
        for match in self.find(text):
            seen.setdefault(id(match.concept), match.concept)
        return list(seen.values())
