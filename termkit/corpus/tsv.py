"""Tab-separated sentence pairs: ``source<TAB>target<TAB>score`` (the score column only for
pairs that have one).

A line break or tab inside a segment cannot be held: it becomes a space. Pairs the aligner
marked blank (paragraph breaks of a pre-segmented input) are left out; sentences left unaligned
have an empty column. The file names no languages: a bitext read from it is ``fr`` → ``en``
unless told otherwise.
"""

from __future__ import annotations

import os
import re

from termkit.corpus.model import Bitext, Pair, Side
from termkit.errors import TermkitError
from termkit.i18n import _

_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _cell(text: str) -> str:
    return _BREAKS.sub(" ", text)


def kept(bitext: Bitext) -> list[Pair]:
    """The pairs written as lines: all but those the aligner marked blank."""
    return [pair for pair in bitext.pairs if not pair.blank]


def dumps(bitext: Bitext) -> bytes:
    """One line per pair of :func:`kept`."""
    rows = []
    for pair in kept(bitext):
        row = f"{_cell(pair.source.text)}\t{_cell(pair.target.text)}"
        rows.append(row + (f"\t{pair.score:.3f}\n" if pair.score is not None else "\n"))
    return "".join(rows).encode("utf-8")


def loads(data: bytes, name: str | os.PathLike = "<tsv>", *, src_lang: str = "fr",
          tgt_lang: str = "en") -> Bitext:
    """Pairs from TSV bytes (two or three columns); a bad line is an error naming it."""
    from termkit.io import decode

    pairs = []
    for number, line in enumerate(decode(data, name).split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        score = None
        if len(cells) == 3:
            try:
                score = float(cells[2]) if cells[2].strip() else None
            except ValueError:
                raise TermkitError(_("{name}:{line}: the third column is not a score: "
                                     "{value!r}").format(name=name, line=number,
                                                         value=cells[2][:40])) from None
        elif len(cells) != 2:
            raise TermkitError(_("{name}:{line}: expected source<TAB>target[<TAB>score], found "
                                 "{n} columns").format(name=name, line=number, n=len(cells)))
        pairs.append(Pair(Side(src_lang, cells[0]), Side(tgt_lang, cells[1]), score=score))
    return Bitext(src_lang, tgt_lang, pairs)
