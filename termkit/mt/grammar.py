"""Fitting a restored term into its sentence: French elision and articles, a/an, plurals.

``join(before, term, ...)`` returns the text before (its last word adjusted) and the term as it
should follow: "le" + "ONUDC" → "l’ONUDC"; "contre" + "traite" (feminine) → "contre la traite";
"de" + "trafic" → "du trafic"; "l’" + "trafic" → "le trafic"; "a" + "UNODC" → "a UNODC" (letters).
"""

from __future__ import annotations

import re

from termkit.glossary.model import Term

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
_CONTRACT = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}
_TAIL = re.compile(r"(?P<word>[^\W\d_]+)(?P<apos>['’ʼ])?\s*$")
_ELIDED_TAIL = re.compile(r"(?<![^\W\d_])(?P<word>[^\W\d_]{1,7})['’ʼ]\s*$")


def starts_with_vowel(text: str) -> bool:
    return bool(text) and text[0] in VOWELS


def _case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _article(term: Term) -> str | None:
    """The definite article for a French term, or None if its gender is unknown."""
    if term.number == "plural":
        return "les"
    if starts_with_vowel(term.text):
        return "l’"
    return {"feminine": "la", "masculine": "le"}.get(term.gender or "")


def _glue(before: str, word: str) -> str:
    """``before`` + ``word`` + the space the term needs (none after an apostrophe)."""
    return before + word + ("" if word.endswith("’") else " ")


def join_fr(before: str, term: Term, *, article: bool, text: str | None = None
            ) -> tuple[str, str]:
    """French: fix the word before the term (elision, gender) and add an article if wanted.

    ``text`` is the term's form to use (e.g. its plural); the term's own text by default.
    """
    if text is not None and text != term.text:
        term = Term(text, gender=term.gender, number="plural", part_of_speech=term.part_of_speech)
    text = term.text
    vowel = starts_with_vowel(text)
    elided = _ELIDED_TAIL.search(before)
    if elided and elided.group("word").lower() in ELIDED:
        word = elided.group("word")
        head = before[:elided.start()]
        if vowel:
            return _glue(head, word + "’"), text
        full = ELIDED[word.lower()]
        if full == "le":
            full = _article(term) or "le"
        return _glue(head, _case(full, word)), text
    tail = _TAIL.search(before)
    word = tail.group("word") if tail else ""
    head = before[:tail.start()] if tail else before
    low = word.lower()
    if low in ("le", "la", "les"):
        art = _article(term) or low
        prev = _TAIL.search(head)
        pair = (prev.group("word").lower(), art) if prev else None
        if pair in _CONTRACT:
            return _glue(head[:prev.start()], _case(_CONTRACT[pair], prev.group("word"))), text
        return _glue(head, _case(art, word)), text
    if low in ("du", "au") and vowel:
        return _glue(head, _case("de l’" if low == "du" else "à l’", word)), text
    wants = article and (low in PREPOSITIONS or not before.strip() or (
        low not in NO_ARTICLE and not before.rstrip()[-1:].isdigit()))
    art = _article(term) if wants and low not in DETERMINERS else None
    if art:
        if low in ("de", "à"):
            combined = _CONTRACT.get((low, art), f"{low} {art}")
            return _glue(head, _case(combined, word)), text
        if not before.strip():
            return _glue(before, _case(art, "A")), text
        return _glue(before.rstrip() + " ", art), text
    if low in FULL and vowel:
        return _glue(head, _case(FULL[low] + "’", word)), text
    return before, text


def join_en(before: str, term: Term, text: str | None = None) -> tuple[str, str]:
    """English: "a" / "an" before the term (``text``: the form to use, the term's by default)."""
    text = text or term.text
    tail = _TAIL.search(before)
    if tail and tail.group("word").lower() in ("a", "an") and not tail.group("apos"):
        word = tail.group("word")
        if text[:2].isupper():          # an acronym is read letter by letter
            an = text[:1] in "AEFHILMNORSX"
        else:
            an = starts_with_vowel(text) and text[:1] not in "hH"
        return _glue(before[:tail.start()], _case("an" if an else "a", word)), text
    return before, text


def _head(words: list[str], lang: str) -> int:
    """Index of the word that takes the plural: the first in French, the last in English."""
    return 0 if lang.startswith("fr") else len(words) - 1


def is_plural(surface: str, term: str, lang: str) -> bool:
    """Is ``surface`` (the text matched) a plural of the glossary ``term``?"""
    said, base = surface.split(), term.split()
    if not said or len(said) != len(base) or term.isupper():
        return False
    a, b = said[_head(said, lang)].lower(), base[_head(base, lang)].lower()
    return a != b and a[-1:] in "sx" and b[-1:] not in "sx" or (a, b) == ("children", "child")


def plural(term: str, lang: str) -> str:
    """The plural of a (multi-word) term: its head word inflected by rule."""
    words = term.split()
    if not words or term.isupper():
        return term
    i = _head(words, lang)
    word = words[i]
    low = word.lower()
    if lang.startswith("fr"):
        if low.endswith(("s", "x", "z")):
            new = word
        elif low.endswith(("eau", "eu")):
            new = word + "x"
        elif low.endswith("al"):
            new = word[:-2] + "aux"
        else:
            new = word + "s"
    else:
        irregular = {"child": "children", "woman": "women", "man": "men"}
        if low in irregular:
            new = irregular[low]
        elif low.endswith("y") and low[-2:-1] not in "aeiou":
            new = word[:-1] + "ies"
        elif low.endswith(("s", "x", "ch", "sh", "z")):
            new = word + "es"
        else:
            new = word + "s"
    words[i] = new
    return " ".join(words)
