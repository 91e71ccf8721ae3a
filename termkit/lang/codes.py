"""THE language-code rule: every module that compares, checks or normalises a language code
calls this one.

``fr``, ``FR``, ``fr-FR``, ``fr_FR``, ``fr-CA``, ``fr_FR.UTF-8`` and ``fr_FR@euro`` (POSIX
locales), ``fra`` and ``fre`` (ISO 639-2) all mean French: :func:`base` gives ``fr`` for each,
:func:`normal` the tag termkit records (``fr-FR``). termkit translates between French and
English only (:func:`pair`; :func:`direction` reads one written as a word: ``fr_FR-en``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from termkit.errors import TermkitError
from termkit.i18n import _

#: a valid language tag, BCP 47-ish (language, script, region, variants, extensions, private
#: use); match with ``fullmatch`` (see :func:`valid`)
LANG_CODE = re.compile(
    r"[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[xX](?:-[A-Za-z0-9]{1,8})+")
#: the languages termkit's language knowledge, segmenter and engines cover
SUPPORTED = ("fr", "en")
#: ISO 639-2/3 codes of the supported languages → their ISO 639-1 code
_THREE = {"fra": "fr", "fre": "fr", "eng": "en"}
_SEPARATORS = re.compile(r"[-_]")


def _locale(code: str) -> str:
    """The code without a POSIX locale's encoding and modifier: ``fr_FR.UTF-8@euro`` → ``fr_FR``."""
    return code.strip().split(".")[0].split("@")[0]


def base(code: str | None) -> str:
    """The primary language subtag, lowercase: ``fr_FR`` → ``fr``, ``EN-gb`` → ``en``,
    ``fra`` → ``fr``; ``""`` for None or an empty code."""
    if not code:
        return ""
    head = _SEPARATORS.split(_locale(code), 1)[0].lower()
    return _THREE.get(head, head)


def same(a: str | None, b: str | None) -> bool:
    """Do two codes name the same language (``fr`` and ``fr_CA``: yes)?"""
    return bool(a) and base(a) == base(b)


def valid(code: str | None) -> bool:
    """Is ``code`` a well-formed language tag (``fr``, ``en-GB``; not ``fr_FR``, not ``""``)?"""
    return bool(code) and LANG_CODE.fullmatch(code) is not None


def tag(code: str) -> str:
    """The code as a well-formed tag: ``fr_fr`` → ``fr-FR``, ``EN`` → ``en``, ``zh_hant_tw`` →
    ``zh-Hant-TW``, ``fr_FR.UTF-8@euro`` → ``fr-FR`` (what termkit writes in TBX and TMX); a
    clear error when it cannot be one."""
    parts = _SEPARATORS.split(_locale(code))
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    result = "-".join(out)
    if not valid(result):
        raise TermkitError(_("{code!r} is not a language code (use e.g. fr, en, fr-FR, en-GB)")
                           .format(code=code))
    return result


def supported(code: str) -> str:
    """The base code of a language termkit covers; a clear error for any other."""
    found = base(code)
    if found not in SUPPORTED:
        raise TermkitError(_("termkit works with French and English (fr, en, fr-FR, en_GB…), "
                             "not {code!r}").format(code=code))
    return found


def pair(source: str, target: str) -> tuple[str, str]:
    """(source, target) base codes of a translation direction: French↔English only."""
    src, tgt = base(source), base(target)
    if src not in SUPPORTED or tgt not in SUPPORTED:
        raise TermkitError(_("termkit translates between French and English (fr, en), not "
                             "{a}→{b}").format(a=source, b=target))
    if src == tgt:
        raise TermkitError(_("source and target language are both {lang}").format(lang=src))
    return src, tgt


def direction(text: str) -> tuple[str, str] | None:
    """The two codes of a French↔English direction written as one word, as written: ``fr-en``
    → (``fr``, ``en``), ``fr_FR-en`` → (``fr_FR``, ``en``), ``en-GB_fr`` → (``en-GB``, ``fr``);
    None when ``text`` is not one (a model name, ``fr-FR``, ``fr-de``)."""
    for at, char in enumerate(text):
        if char in "-_":
            source, target = text[:at], text[at + 1:]
            if (base(source) in SUPPORTED and base(target) in SUPPORTED
                    and base(source) != base(target) and _is_tag(source) and _is_tag(target)):
                return source, target
    return None


def _is_tag(code: str) -> bool:
    try:
        tag(code)
    except TermkitError:
        return False
    return True


def other(code: str) -> str:
    """The other supported language: ``fr`` → ``en``, ``en_GB`` → ``fr``."""
    return "en" if supported(code) == "fr" else "fr"


@lru_cache(maxsize=1024)
def loose_tag(code: str) -> str:
    """:func:`tag` for a code that can be one (``fr_FR`` and ``FR-fr`` → ``fr-FR``), else the code
    as it is: what language sections and matchers are told apart by."""
    try:
        return tag(code)
    except TermkitError:
        return code


def normal(code: str) -> str:
    """A French or English code as termkit records and writes it: a well-formed tag keeping
    the region (``fr_FR`` → ``fr-FR``, ``EN`` → ``en``), the base code when the tag would not
    start with it (``fra`` → ``fr``) or cannot be one; a clear error for any other language."""
    found = supported(code)
    tagged = loose_tag(code)
    return tagged if _SEPARATORS.split(tagged, 1)[0] == found else found
