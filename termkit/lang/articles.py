"""Fitting a noun into a sentence after the words before it: French elision, articles and their
agreement, English a/an.

:func:`join` returns the text before (its last word adjusted) and the noun as it should follow:
"le" + "ONUDC" → "l’ONUDC"; "contre" + "traite" (feminine) → "contre la traite"; "de" + "trafic"
→ "du trafic"; "l’" + "trafic" → "le trafic"; "a" + "UNODC" → "a UNODC" (read letter by letter).
The noun is anything with ``text``, ``gender`` and ``number`` (a glossary term, say).
"""

from __future__ import annotations

import re

from termkit.lang import codes
from termkit.lang.inflect import Noun
from termkit.lang.normalise import APOSTROPHES

VOWELS = "aeiouyhàâäéèêëîïôöûüœæAEIOUYHÀÂÄÉÈÊËÎÏÔÖÛÜŒÆ"
#: elided forms and their full forms
ELIDED = {"l": "le", "d": "de", "qu": "que", "j": "je", "m": "me", "t": "te", "s": "se",
          "n": "ne", "c": "ce", "lorsqu": "lorsque", "puisqu": "puisque", "jusqu": "jusque"}
FULL = {full: short for short, full in ELIDED.items() if short != "l"}
DETERMINERS = {"le", "la", "les", "l’", "un", "une", "des", "du", "au", "aux", "ce", "cet",
               "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre",
               "vos", "mon", "ma", "mes", "chaque", "tout", "toute", "tous", "toutes", "aucun",
               "aucune", "plusieurs", "quelques", "certains", "certaines"}
#: prepositions after which a French common noun takes the definite article; it takes one after
#: any other word too ("combattre la traite") except those of NO_ARTICLE (measured on EN→FR
#: with Apertium: chrF 51.6 → 52.3)
PREPOSITIONS = {"de", "à", "contre", "dans", "sur", "pour", "avec", "par", "entre", "sans",
                "vers", "chez", "envers", "concernant", "selon", "sous", "face"}
#: after these words a noun takes no article ("en détention", "deux victimes")
NO_ARTICLE = DETERMINERS | {"en", "sans", "ni", "deux", "trois", "quatre", "cinq", "six", "sept",
                            "huit", "neuf", "dix", "cent", "mille", "divers", "diverses",
                            "différents", "différentes", "nombreux", "nombreuses", "dont",
                            "quelque", "chaque", "et", "ou"}
#: French singular determiners and their plurals (before a noun put in the plural)
PLURAL_OF = {"du": "des", "au": "aux", "un": "des", "une": "des", "ce": "ces", "cet": "ces",
             "cette": "ces", "son": "ses", "sa": "ses", "mon": "mes", "ma": "mes", "ton": "tes",
             "ta": "tes", "notre": "nos", "votre": "vos", "leur": "leurs"}
_CONTRACT = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}
_TAIL = re.compile(rf"(?P<word>[^\W\d_]+)(?P<apos>[{APOSTROPHES}])?\s*$")
_ELIDED_TAIL = re.compile(rf"(?<![^\W\d_])(?P<word>[^\W\d_]{{1,7}})[{APOSTROPHES}]\s*$")
#: an elided word right at the end (the next word follows the apostrophe: "l’ONUDC")
_ELIDED_END = re.compile(rf"(?<![^\W\d_])(?P<word>[^\W\d_]{{1,7}})[{APOSTROPHES}]$")
#: an elided word at the start ("l’art", "qu’il")
_ELIDED_START = re.compile(rf"(?P<word>[^\W\d_]{{1,7}})[{APOSTROPHES}]")


def starts_with_vowel(text: str) -> bool:
    return bool(text) and text[0] in VOWELS


def match_case(word: str, like: str) -> str:
    """``word`` capitalised when ``like`` is."""
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def join(before: str, noun: Noun, lang: str, *, text: str | None = None, plural: bool = False,
         article: bool = True) -> tuple[str, str]:
    """The text ``before`` a noun (adjusted) and the noun as it follows, in ``lang``'s rules
    (French: :func:`join_fr`, English: :func:`join_en`; other languages: as written)."""
    lang = codes.base(lang)
    if lang == "fr":
        return join_fr(before, noun, article=article, text=text, plural=plural)
    if lang == "en":
        return join_en(before, noun, text, plural=plural)
    return before, text or noun.text


def strip_elision(word: str) -> str:
    """``word`` without the elided French word it starts with: "l’art" → "art", "qu’il" →
    "il", "Dʼabord" → "abord"; other words as they are ("O’Brien", "aujourd’hui")."""
    elided = _ELIDED_START.match(word)
    if elided and elided.group("word").lower() in ELIDED:
        return word[elided.end():]
    return word


def unelide(before: str) -> str:
    """``before`` with a final elided French word written in full, for a word that may not
    start with a vowel to follow it: "que l’" → "que le ", "D’" → "De "."""
    elided = _ELIDED_END.search(before)
    if elided and elided.group("word").lower() in ELIDED:
        word = elided.group("word")
        return before[:elided.start()] + match_case(ELIDED[word.lower()], word) + " "
    return before


def _article(text: str, gender: str | None, many: bool) -> str | None:
    """The French definite article before ``text``, or None if its gender is unknown."""
    if many:
        return "les"
    if starts_with_vowel(text):
        return "l’"
    return {"feminine": "la", "masculine": "le"}.get(gender or "")


def _glue(before: str, word: str) -> str:
    """``before`` + ``word`` + the space the noun needs (none after an apostrophe)."""
    return before + word + ("" if word.endswith("’") else " ")


def join_fr(before: str, noun: Noun, *, article: bool, text: str | None = None,
            plural: bool = False) -> tuple[str, str]:
    """French: fix the word before the noun (elision, gender, number) and add an article if
    wanted. ``text`` is the noun's form to use (its plural when ``plural``), the noun's own text
    by default: "le" + "ONG" (plural) → "les ONG", "de" + "victimes" (plural) → "des victimes".
    """
    text = text or noun.text
    many = plural or noun.number == "plural"
    vowel = starts_with_vowel(text)
    elided = _ELIDED_TAIL.search(before)
    if elided and elided.group("word").lower() in ELIDED:
        word = elided.group("word")
        head = before[:elided.start()]
        if vowel and not (many and word.lower() == "l"):
            return _glue(head, word + "’"), text
        full = ELIDED[word.lower()]
        if full == "le":
            full = _article(text, noun.gender, many) or "le"
        return _glue(head, match_case(full, word)), text
    tail = _TAIL.search(before)
    word = tail.group("word") if tail else ""
    head = before[:tail.start()] if tail else before
    low = word.lower()
    if low in ("le", "la", "les"):
        art = _article(text, noun.gender, many) or low
        prev = _TAIL.search(head)
        pair = (prev.group("word").lower(), art) if prev else None
        if pair in _CONTRACT:
            return _glue(head[:prev.start()], match_case(_CONTRACT[pair], prev.group("word"))), \
                text
        return _glue(head, match_case(art, word)), text
    if many and low in PLURAL_OF:                 # notre pays membre → nos pays membres
        return _glue(head, match_case(PLURAL_OF[low], word)), text
    if low in ("du", "au") and vowel:
        return _glue(head, match_case("de l’" if low == "du" else "à l’", word)), text
    wants = article and (low in PREPOSITIONS or not before.strip() or (
        low not in NO_ARTICLE and not before.rstrip()[-1:].isdigit()))
    art = _article(text, noun.gender, many) if wants and low not in DETERMINERS else None
    if art:
        if low in ("de", "à"):
            combined = _CONTRACT.get((low, art), f"{low} {art}")
            return _glue(head, match_case(combined, word)), text
        if not before.strip():
            return _glue(before, match_case(art, "A")), text
        return _glue(before.rstrip() + " ", art), text
    if low in FULL and vowel:
        return _glue(head, match_case(FULL[low] + "’", word)), text
    return before, text


def join_en(before: str, noun: Noun, text: str | None = None, plural: bool = False
            ) -> tuple[str, str]:
    """English: "a" / "an" before the noun, none before a ``plural`` (``text``: the form to
    use, the noun's by default)."""
    text = text or noun.text
    tail = _TAIL.search(before)
    if plural and tail and tail.group("word").lower() == "this":
        return _glue(before[:tail.start()], match_case("these", tail.group("word"))), text
    if tail and tail.group("word").lower() in ("a", "an") and not tail.group("apos"):
        word = tail.group("word")
        if plural:
            return before[:tail.start()], text
        if text[:2].isupper():          # an acronym is read letter by letter
            an = text[:1] in "AEFHILMNORSX"
        else:
            an = starts_with_vowel(text) and text[:1] not in "hH"
        return _glue(before[:tail.start()], match_case("an" if an else "a", word)), text
    return before, text
