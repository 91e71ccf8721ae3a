"""THE tokenizer: a text is cut into words (letters and digits, with combining accents and
invisible characters inside) and single punctuation marks; spaces, hyphens, zero-width spaces
and the BOM only separate: ``l’ONUDC`` → ``l`` ``’`` ``ONUDC``, ``jour-là`` → ``jour`` ``là``.

Two readings of the same tokens:

- :func:`tokens` (with offsets) and :func:`words` (strings) — every token: what the glossary
  matcher keys (:mod:`termkit.lang.normalise`);
- :func:`kinds` — ``(kind, text)`` pieces, what the alignment anchors and the language guess
  read: a word mixing digits and letters is cut where they meet (``7ème`` → ``7`` ``ème``), a
  number keeps the points and commas between its digits (``158,000``, ``3.5``) and a piece is a
  ``number``, a ``word`` (letters only) or a ``punct`` mark. Unless :func:`joined_numbers`,
  the pieces of a text are those of its tokens taken one by one (a reader may cache them).
"""

from __future__ import annotations

import re
from itertools import groupby

SEPARATORS = "\\-\u2010\u2011\u2012\u2212\u200b\ufeff"  # hyphens, zero-width space, BOM
INVISIBLE = "\u00ad\u2060"                              # soft hyphen, word joiner: ignored
#: a word (with combining accents and invisible characters) or one punctuation mark; the
#: modifier apostrophe ʼ is a mark, like ’
TOKEN = re.compile(rf"[^\W\u02bc](?:[^\W\u02bc]|[\u0300-\u036f{INVISIBLE}])*"
                   rf"|[^\w\s{SEPARATORS}{INVISIBLE}]|\u02bc")

NUMBER, WORD, PUNCT = "number", "word", "punct"
_IN_NUMBER = ".,"   # between two digits (no space), part of the number: 158,000 3.5 1.000,5


def tokens(text: str) -> list[re.Match]:
    """The tokens of ``text`` (``.group()``, ``.start()``, ``.end()`` of each)."""
    return list(TOKEN.finditer(text))


def words(text: str, *, marks: bool = True) -> list[str]:
    """The token strings of ``text`` (what :func:`tokens` finds, without offsets); without its
    punctuation marks unless ``marks``."""
    found = TOKEN.findall(text)
    return found if marks else [token for token in found if is_word(token)]


def is_word(token: str) -> bool:
    """Is a token a word (not a punctuation mark)?"""
    return token != "\u02bc" and (token[0].isalnum() or token[0] == "_")


def _kind(char: str) -> str | None:
    """The kind of one character of a word: digit, letter (also ², ½) or neither (_, accents)."""
    if char.isdecimal():
        return NUMBER
    return WORD if char.isalnum() else None


def _runs(token: str) -> list[tuple[str | None, str]]:
    """(kind, text) of the parts of a token: one mark, or a word cut into letters and digits."""
    if not is_word(token):
        return [(PUNCT, token)]
    return [(kind, "".join(chars)) for kind, chars in groupby(token, _kind)]


def joined_numbers(text: str) -> bool:
    """Does a point or comma stand between two digits somewhere in ``text`` (3.5, 158,000)?"""
    for mark in _IN_NUMBER:
        at = text.find(mark, 1)
        while at > 0:
            if text[at - 1].isdecimal():
                end = at + 1
                while end < len(text) and text[end] in _IN_NUMBER:
                    end += 1
                if end < len(text) and text[end].isdecimal():
                    return True
            at = text.find(mark, at + 1)
    return False


def kinds(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` of every piece of ``text``: ``number`` (``158,000``), ``word`` (letters
    only: ``ème``) or ``punct`` (one mark); underscores and combining accents only separate."""
    out: list[tuple[str, str]] = []
    joins_at = -1   # where a number, or a point or comma right after one, ends
    marks = 0       # points and commas since that number
    for match in TOKEN.finditer(text):
        token, pos = match.group(), match.start()
        for kind, run in [(NUMBER, token)] if token.isdecimal() else _runs(token):
            piece = run
            if kind == NUMBER and marks and pos == joins_at:      # 158 , 000 → 158,000
                first = len(out) - marks - 1
                piece = "".join(part for _, part in out[first:]) + run
                del out[first:]
                marks = 0
            elif kind == PUNCT and run in _IN_NUMBER and pos == joins_at:
                marks += 1
            else:
                marks = 0
            if kind is not None:
                out.append((kind, piece))
            pos += len(run)
            joins_at = pos if kind == NUMBER or marks else -1
    return out
