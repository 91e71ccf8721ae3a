"""Grammatical number of French and English nouns and noun phrases: is an occurrence plural
(:func:`is_plural`), can a noun take the plural (:func:`countable`), and its plural form
(:func:`plural`: the head noun, and in French its adjectives).

A noun is anything with ``text``, ``gender``, ``number`` and ``part_of_speech`` (:class:`Noun`;
a glossary term is one).
"""

from __future__ import annotations

from typing import Protocol

from termkit.lang import codes, tokens
from termkit.lang.normalise import normalise


class Noun(Protocol):
    """What the language rules read of a noun (TBX values: ``feminine``, ``plural``,
    ``properNoun``; None when unknown)."""

    text: str
    gender: str | None
    number: str | None
    part_of_speech: str | None


#: words that make the noun after them plural ("les ONG", "ses pays membres", "de nombreux pays")
PLURAL_BEFORE = {
    "fr": {"les", "des", "ces", "ses", "mes", "tes", "nos", "vos", "leurs", "aux", "plusieurs",
           "quelques", "certains", "certaines", "nombreux", "nombreuses", "divers", "diverses",
           "différents", "différentes", "tous", "toutes", "deux", "trois", "quatre", "cinq",
           "six", "sept", "huit", "neuf", "dix", "cent", "mille"},
    "en": {"these", "those", "several", "many", "numerous", "various", "both", "few", "multiple",
           "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred",
           "thousand"}}
#: words that end a noun's head phrase (head noun and adjectives): "victim | of trafficking"
LINKS = {"fr": {"de", "d", "du", "des", "à", "au", "aux", "pour", "contre", "en", "sur", "dans",
                "par", "avec", "sans", "entre", "visant"},
         "en": {"of", "in", "for", "on", "against", "to", "with", "by", "from", "at", "into",
                "under"}}     # not and/or: "recovery and reflection period(s)"
#: French words that never take the plural inside a noun phrase ("organisation non
#: gouvernementale")
INVARIABLE_FR = {"non", "très", "plus", "bien", "mal", "trop", "quasi", "et", "ou"}
_ARTICLES = {"l", "le", "la", "les", "un", "une"}
_IRREGULAR = {"en": {"child": "children", "woman": "women", "man": "men", "foot": "feet"},
              "fr": {"travail": "travaux", "bleu": "bleus", "pneu": "pneus"}}


def _key(word: str) -> str:
    """A word's first token, lowercase, if it is a word ("l’application" → "l")."""
    found = tokens.TOKEN.match(word.lower())
    return found.group() if found and tokens.is_word(found.group()) else ""


def _head_end(words: list[str], lang: str) -> int:
    """How many words the head phrase (head noun and its adjectives) has."""
    links = LINKS.get(lang, set())
    for i in range(1, len(words)):
        if _key(words[i]) in links or (lang == "fr" and i + 1 < len(words)
                                       and _key(words[i + 1]) in _ARTICLES):
            return i        # "migrant faisant l’objet …": a participle with its object
    return len(words)


def marked(word: str, lang: str) -> bool | None:
    """True if ``word`` has a plural ending (victimes, agencies, NGOs, children), False if it
    has a singular one, None if it cannot tell (pays, ONG, process)."""
    lang = codes.base(lang)
    if not word.isalpha() or (word.isupper() and len(word) >= 2):
        return None
    if lang == "en" and len(word) >= 3 and word[-1] == "s" and word[:-1].isupper():
        return True
    low = word.lower()
    changed = normalise(low, lang) != low
    if low[-1:] in ("sxz" if lang == "fr" else "s"):
        return True if changed else None
    return True if changed and lang == "en" else False


def is_plural(text: str, start: int, end: int, lang: str) -> bool:
    """Is the noun occurrence ``text[start:end]`` plural? Its head phrase's endings tell
    ("victimes de traite", "pays membres", "member countries"), else the word before it
    ("les ONG", "ses pays", "d’autres ONG", "these NGO")."""
    lang = codes.base(lang)
    words = tokens.words(text[start:end], marks=False)
    head = words[:_head_end(words, lang)]
    marks = [marked(w, lang) for w in (head if lang == "fr" else head[-1:])]
    if True in marks or False in marks:
        return True in marks
    before = [w.lower() for w in tokens.words(text[max(0, start - 80):start], marks=False)][-2:]
    plural_before = PLURAL_BEFORE.get(lang, set())
    if not before:
        return False
    last = before[-1]
    if last in plural_before or (last.isdigit() and int(last) > 1):
        return True
    return (len(before) == 2 and marked(last, lang) is True
            and before[0] in plural_before | {"d", "de"})


def countable(noun: Noun, names: list[str] = ()) -> bool:
    """Can a plural occurrence make ``noun`` plural? Not if it is written in the plural or is a
    proper noun (UNODC, Frontex) or verb. Without a part of speech, a capitalised noun is a name,
    and an acronym too when ``names`` (the other names of the same thing) has a capitalised full
    name."""
    if noun.number == "plural" or noun.part_of_speech in ("properNoun", "verb"):
        return False
    if noun.part_of_speech or not noun.text[:1].isupper():
        return True
    if not noun.text.isupper():
        return False
    return not any(len(n.split()) > 1 and all(w[:1].isupper() for w in n.split() if len(w) > 3)
                   for n in names)


def _plural_word(word: str, lang: str) -> str:
    low = word.lower()
    if marked(word, lang):
        return word                                     # already plural: rights, NGOs
    irregular = _IRREGULAR["fr" if lang == "fr" else "en"]
    if low in irregular:
        return word[:1] + irregular[low][1:]
    if word.isupper() and len(word) >= 2:
        return word if lang == "fr" else word + "s"     # ONG invariable; NGO → NGOs
    if lang == "fr":
        if low.endswith(("s", "x", "z")):
            return word
        if low.endswith(("eau", "eu", "au")):
            return word + "x"
        if low.endswith("al"):
            return word[:-2] + "aux"
        return word + "s"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith(("s", "x", "ch", "sh", "z")):
        return word + "es"
    return word + "s"


def plural(text: str, lang: str) -> str:
    """The plural of a (multi-word) noun: in English its head noun, the last word before any
    "of/in/for" ("victims of trafficking", "member countries", "NGOs"); in French the head
    noun, the first word, and the adjectives up to the first preposition ("services chargés de
    l’application de la loi"); French acronyms are invariable (ONG)."""
    lang = codes.base(lang)
    words = text.split(" ")
    if not words or not text.strip():
        return text
    end = _head_end(words, lang)
    if not words[0 if lang == "fr" else end - 1].replace("-", "").isalpha():
        return text                                      # I-24/7, 2011/36/UE
    if lang != "fr":
        words[end - 1] = _plural_word(words[end - 1], lang)
        return " ".join(words)
    for i in range(end):
        word = words[i]
        if i and (_key(word) in INVARIABLE_FR or not word.replace("-", "").isalpha()):
            continue
        words[i] = _plural_word(word, lang)
    return " ".join(words)
