"""Fitting a restored term into its sentence: French elision and articles, a/an, plurals.

``join(before, term, ...)`` returns the text before (its last word adjusted) and the term as it
should follow: "le" + "ONUDC" → "l’ONUDC"; "contre" + "traite" (feminine) → "contre la traite";
"de" + "trafic" → "du trafic"; "l’" + "trafic" → "le trafic"; "a" + "UNODC" → "a UNODC" (letters).
"""

from __future__ import annotations

import re

from termkit.glossary.match import normalise
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
#: French singular determiners and their plurals (before a term restored in the plural)
PLURAL_OF = {"du": "des", "au": "aux", "un": "des", "une": "des", "ce": "ces", "cet": "ces",
             "cette": "ces", "son": "ses", "sa": "ses", "mon": "mes", "ma": "mes", "ton": "tes",
             "ta": "tes", "notre": "nos", "votre": "vos", "leur": "leurs"}
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


def join_fr(before: str, term: Term, *, article: bool, text: str | None = None,
            plural: bool = False) -> tuple[str, str]:
    """French: fix the word before the term (elision, gender, number) and add an article if
    wanted. ``text`` is the term's form to use (its plural when ``plural``), the term's own text
    by default: "le" + "ONG" (plural) → "les ONG", "de" + "victimes" (plural) → "des victimes".
    """
    if plural:
        term = Term(text or term.text, gender=term.gender, number="plural",
                    part_of_speech=term.part_of_speech)
    text = text or term.text
    many = term.number == "plural"
    vowel = starts_with_vowel(text)
    elided = _ELIDED_TAIL.search(before)
    if elided and elided.group("word").lower() in ELIDED:
        word = elided.group("word")
        head = before[:elided.start()]
        if vowel and not (many and word.lower() == "l"):
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
    if many and low in PLURAL_OF:                 # notre pays membre → nos pays membres
        return _glue(head, _case(PLURAL_OF[low], word)), text
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


def join_en(before: str, term: Term, text: str | None = None, plural: bool = False
            ) -> tuple[str, str]:
    """English: "a" / "an" before the term, none before a ``plural`` (``text``: the form to
    use, the term's by default)."""
    text = text or term.text
    tail = _TAIL.search(before)
    if plural and tail and tail.group("word").lower() == "this":
        return _glue(before[:tail.start()], _case("these", tail.group("word"))), text
    if tail and tail.group("word").lower() in ("a", "an") and not tail.group("apos"):
        word = tail.group("word")
        if plural:
            return before[:tail.start()], text
        if text[:2].isupper():          # an acronym is read letter by letter
            an = text[:1] in "AEFHILMNORSX"
        else:
            an = starts_with_vowel(text) and text[:1] not in "hH"
        return _glue(before[:tail.start()], _case("an" if an else "a", word)), text
    return before, text


#: words that make the noun after them plural ("les ONG", "ses pays membres", "de nombreux pays")
PLURAL_BEFORE = {
    "fr": {"les", "des", "ces", "ses", "mes", "tes", "nos", "vos", "leurs", "aux", "plusieurs",
           "quelques", "certains", "certaines", "nombreux", "nombreuses", "divers", "diverses",
           "différents", "différentes", "tous", "toutes", "deux", "trois", "quatre", "cinq",
           "six", "sept", "huit", "neuf", "dix", "cent", "mille"},
    "en": {"these", "those", "several", "many", "numerous", "various", "both", "few", "multiple",
           "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred",
           "thousand"}}
#: words that end a term's head phrase (head noun and adjectives): "victim | of trafficking"
LINKS = {"fr": {"de", "d", "du", "des", "à", "au", "aux", "pour", "contre", "en", "sur", "dans",
                "par", "avec", "sans", "entre", "visant"},
         "en": {"of", "in", "for", "on", "against", "to", "with", "by", "from", "at", "into",
                "under"}}     # not and/or: "recovery and reflection period(s)"
#: French words that never take the plural inside a term ("organisation non gouvernementale")
INVARIABLE_FR = {"non", "très", "plus", "bien", "mal", "trop", "quasi", "et", "ou"}
_ARTICLES = {"l", "le", "la", "les", "un", "une"}
_WORD = re.compile(r"[^\W_]+")
_IRREGULAR = {"en": {"child": "children", "woman": "women", "man": "men", "foot": "feet"},
              "fr": {"travail": "travaux", "bleu": "bleus", "pneu": "pneus"}}


def _lang(lang: str) -> str:
    return lang.split("-")[0].lower()


def _key(word: str) -> str:
    """A word's first letters, lowercase ("l’application" → "l")."""
    found = _WORD.match(word.lower())
    return found.group() if found else ""


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
    lang = _lang(lang)
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
    """Is the term occurrence ``text[start:end]`` plural? Its head phrase's endings tell
    ("victimes de traite", "pays membres", "member countries"), else the word before it
    ("les ONG", "ses pays", "d’autres ONG", "these NGO")."""
    lang = _lang(lang)
    words = _WORD.findall(text[start:end])
    head = words[:_head_end(words, lang)]
    marks = [marked(w, lang) for w in (head if lang == "fr" else head[-1:])]
    if True in marks or False in marks:
        return True in marks
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 80):start])][-2:]
    plural_before = PLURAL_BEFORE.get(lang, set())
    if not before:
        return False
    last = before[-1]
    if last in plural_before or (last.isdigit() and int(last) > 1):
        return True
    return (len(before) == 2 and marked(last, lang) is True
            and before[0] in plural_before | {"d", "de"})


def countable(term: Term, names: list[str] = ()) -> bool:
    """Can a plural source make ``term`` plural? Not if the glossary writes it in the plural or
    it is a proper noun (UNODC, Frontex) or verb. Without a part of speech, a capitalised term is
    a name, and an acronym too when ``names`` (its concept's terms) has a capitalised full name."""
    if term.number == "plural" or term.part_of_speech in ("properNoun", "verb"):
        return False
    if term.part_of_speech or not term.text[:1].isupper():
        return True
    if not term.text.isupper():
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


def plural(term: str, lang: str) -> str:
    """The plural of a (multi-word) term: in English its head noun, the last word before any
    "of/in/for" ("victims of trafficking", "member countries", "NGOs"); in French the head
    noun, the first word, and the adjectives up to the first preposition ("services chargés de
    l’application de la loi"); French acronyms are invariable (ONG)."""
    lang = _lang(lang)
    words = term.split(" ")
    if not words or not term.strip():
        return term
    end = _head_end(words, lang)
    if not words[0 if lang == "fr" else end - 1].replace("-", "").isalpha():
        return term                                      # I-24/7, 2011/36/UE
    if lang != "fr":
        words[end - 1] = _plural_word(words[end - 1], lang)
        return " ".join(words)
    for i in range(end):
        word = words[i]
        if i and (_key(word) in INVARIABLE_FR or not word.replace("-", "").isalpha()):
            continue
        words[i] = _plural_word(word, lang)
    return " ".join(words)
