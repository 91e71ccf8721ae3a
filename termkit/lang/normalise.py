"""Normalisation: the key of a token, under which equal words match.

:class:`Keys` gives a token's *matching key* (memoised, one per language):
lowercase, apostrophes and dashes unified, invisible characters dropped, NFC, and for French
and English words the singular (``victimes`` → ``victime``, ``agencies`` → ``agency``),
in French also the masculine (``policières`` → ``policier``). :func:`normalise` keys a whole
text. :func:`fold` is the coarser folding of the alignment anchors: lowercase without accents.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

from termkit.lang import codes
from termkit.lang.tokens import TOKEN

#: the apostrophes a French elision is written with (l'ONUDC, l’ONUDC, lʼONUDC)
APOSTROPHES = "'’ʼ"
#: apostrophes and the marks typed for one → ', long dashes → –, invisible characters dropped
_UNIFY = str.maketrans({**dict.fromkeys(APOSTROPHES + "‘`´′", "'"), "—": "–", "―": "–",
                        "\u00ad": None, "\u2060": None})

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
    """Masculine singular-ish key of a lowercase French word: victimes → victime, policières →
    policier, chargées → chargé, internationaux → international; ``des`` → ``de``."""
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
    """Singular key of a lowercase English word: agencies → agency, witnesses → witness."""
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


class Keys:
    """Token → matching key for one language, memoised (the matcher's hot path)."""

    def __init__(self, lang: str) -> None:
        self.singular = _SINGULAR.get(codes.base(lang))
        self.memo: dict[str, str] = {}

    def __call__(self, token: str) -> str:
        key = self.memo.get(token)
        if key is None:
            key = token.translate(_UNIFY).lower()
            if not key.isascii():
                key = unicodedata.normalize("NFC", key)
            if self.singular is not None and key.isalpha():
                key = self.singular(key)
            if len(self.memo) < 500_000:
                self.memo[token] = key
        return key

    def tokens(self, text: str) -> tuple[list[re.Match], str, list[int]]:
        """Tokens of ``text``, the key string ``" k1 k2 … "`` and where each key starts in it."""
        found = list(TOKEN.finditer(text))
        get = self.memo.get
        keys = [get(word) or self(word) for word in map(re.Match.group, found)]
        starts = list(accumulate([len(key) + 1 for key in keys], initial=1))
        return found, " " + " ".join(keys) + " ", starts


@lru_cache(maxsize=None)
def _shared(lang: str) -> Keys:
    return Keys(lang)


def keys(lang: str) -> Keys:
    """The shared :class:`Keys` of a language (``fr``, ``fr-FR`` and ``fr_FR`` share one), for
    readers that key word after word (its memo grows with the words it sees)."""
    return _shared(codes.base(lang))


def plain(text: str) -> str:
    """``text`` with case, apostrophes (’ ' ʼ), long dashes and invisible characters folded, and
    spaces collapsed: how a person may type a term ("trafic d'êtres humains" for "trafic
    d’êtres humains"); no plural or other inflection is undone."""
    return " ".join(unicodedata.normalize("NFC", text.translate(_UNIFY)).casefold().split())


def normalise(text: str, lang: str) -> str:
    """The key string of ``text`` (tokens' keys joined by single spaces): equal keys match."""
    return keys(lang).tokens(text)[1].strip()


_ACCENTS: dict[int, str] = {}


def _accent_table() -> dict[int, str]:
    if not _ACCENTS:
        for code in range(0xC0, 0x250):
            base = unicodedata.normalize("NFD", chr(code))[0].lower()
            if base.isascii():
                _ACCENTS[code] = base
        _ACCENTS.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae"})
    return _ACCENTS


def fold(word: str) -> str:
    """Lowercase without accents (``Été`` → ``ete``, ``cœur`` → ``coeur``): the anchors' key."""
    return word.lower().translate(_accent_table())
