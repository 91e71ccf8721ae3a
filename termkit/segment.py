"""Sentence segmentation for French and English, by rules.

Every non-empty line is a paragraph; sentences never cross lines. Inside a line, a sentence
ends after ``.``, ``!``, ``?`` or an ellipsis (with the closing quotes and brackets that follow)
when the next word starts like a sentence (capital, digit, opening quote) and the word before a
period is not an abbreviation (M., Mme, art. 5, U.S., e.g.) or an initial (Ronald K. Noble).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termkit.lang.abbreviations import BEFORE_NUMBER, MAY_END, STARTERS, TITLES
from termkit.lang.articles import strip_elision


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text`` is ``source[start:end]``; ``paragraph`` counts non-empty lines."""

    text: str
    start: int
    end: int
    paragraph: int


_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
#: end punctuation, then closing quotes/brackets (a straight quote only right after it), then space
_END = re.compile(r"(?P<end>[.!?…](?:[.!?…]|\s(?=[!?]))*)"
                  r"(?P<close>[\"']?(?:\s*[»”’)\]])*)(?=\s)")
_OPENERS = "«“‘\"'([¿¡"
_DASHES = "-–—•·*"
_STRIP_BEFORE = "([«“\"'‘"
_NUMBERING = re.compile(r"\d{1,3}|[ivxlcIVXLC]{1,5}|[a-zA-Z]")   # 1. En plus… / IV. Titre
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+-?[^\W\d_]{1,3}")   # U.S, e.g, i.e, J.-C


def _starts_sentence(line: str, pos: int) -> bool:
    """Does the text at ``pos`` look like the start of a sentence?"""
    char = line[pos]
    if char.isupper() or char.isdigit() or char in _OPENERS:
        return True
    if char in _DASHES:   # dialogue dash or bullet: look at the word after it
        rest = line[pos + 1:pos + 4].lstrip()
        return not rest or not rest[0].islower()
    return False


def _word_before(line: str, end: int) -> tuple[str, int]:
    """The word before ``end`` (without an elided article: l’art → art) and where it starts."""
    start = end
    while start > 0 and not line[start - 1].isspace() and end - start < 40:
        start -= 1
    word = line[start:end].lstrip(_STRIP_BEFORE)
    return strip_elision(word), start


def _next_word(line: str, pos: int) -> str:
    stop = pos
    while stop < len(line) and line[stop].isalpha():
        stop += 1
    return line[pos:stop]


def _is_end(line: str, mark: re.Match, nxt: int, begin: int) -> bool:
    """Is the end mark ``mark``, followed by the sentence-like text at ``nxt``, a sentence end?"""
    if line[mark.start() - 1:mark.start()] in ("[", "(") and mark.group("end")[0] != "?":
        return False                                # an omission mark: [...] or (…)
    if mark.group("end") != "." or mark.group("close"):
        return True
    word, start = _word_before(line, mark.start())
    if not word:
        return True
    if start == begin and _NUMBERING.fullmatch(word):   # a list number opening the sentence
        return False
    if word in TITLES:
        return False
    if word in BEFORE_NUMBER and line[nxt].isdigit():
        return False
    if len(word) == 1 and word.isalpha():           # an initial: Ronald K. Noble
        return False
    if word in MAY_END:
        return line[nxt].isupper()
    if _DOTTED.fullmatch(word):                     # U.S. Army vs U.S. The
        return _next_word(line, nxt) in STARTERS
    return True


def _skip_space(line: str, pos: int) -> int:
    while pos < len(line) and line[pos].isspace():
        pos += 1
    return pos


def _line_sentences(line: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    quotes, counted = 0, 0      # straight double quotes seen so far: odd = a quote is open
    for mark in _END.finditer(line):
        end = mark.end()
        nxt = _skip_space(line, end)
        if nxt < len(line) and line[nxt] == '"':
            quotes += line.count('"', counted, nxt)
            counted = nxt
            if quotes % 2:      # a detached closing quote: `risque. " Cette`
                end = nxt + 1
                nxt = _skip_space(line, end)
        if nxt >= len(line) or not _starts_sentence(line, nxt):
            continue
        if _is_end(line, mark, nxt, begin):
            spans.append((begin, end))
            begin = nxt
    spans.append((begin, len(line)))
    return spans


def sentences(text: str, lang: str) -> list[Sentence]:
    """The sentences of ``text`` (``fr`` or ``en``); offsets index into ``text``."""
    result: list[Sentence] = []
    paragraph = 0
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        if line.isspace():
            continue
        base = line_match.start()
        for start, end in _line_sentences(line):
            piece = line[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            first = base + start + lead
            result.append(Sentence(stripped, first, first + len(stripped), paragraph))
        paragraph += 1
    return result


def split(text: str, lang: str) -> list[str]:
    """Just the sentence strings of ``text``."""
    return [sentence.text for sentence in sentences(text, lang)]


def one_per_line(found: list[Sentence]) -> str:
    """The sentences one per line, the whitespace inside each collapsed to one space."""
    return "".join(" ".join(sentence.text.split()) + "\n" for sentence in found)


def as_json(found: list[Sentence], file: str, lang: str) -> dict:
    """The sentences of a document as JSON data: its ``file`` and ``lang``, every sentence with
    its offsets and paragraph, and the signature."""
    from termkit.signature import signature

    return {"file": file, "lang": lang,
            "sentences": [{"text": s.text, "start": s.start, "end": s.end,
                           "paragraph": s.paragraph} for s in found],
            "signature": signature(lang=lang)}
