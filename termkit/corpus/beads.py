"""The one-bead-per-line ``beads`` format of a sentence alignment (as the align-dev gold files).

A line is ``[<src indices>]:[<tgt indices>]`` with 0-based sentence indices separated by
``", "`` (``[3, 4]:[3]``, ``[12]:[]``); a prediction may append ``:<score>``. The format holds
sentence indices only: a bitext read from it has empty texts.
"""

from __future__ import annotations

import os
import re

from termkit.corpus.model import Bead, Bitext, Pair, Side
from termkit.errors import TermkitError
from termkit.i18n import _

_LINE = re.compile(r"^\[((?:\d+(?:, \d+)*)?)\]:\[((?:\d+(?:, \d+)*)?)\](?::(-?[0-9.eE+-]+))?$")


def format_bead(bead: Bead, score: bool = False) -> str:
    """One line of the beads format (``score=True`` appends ``:<score>``)."""
    line = "[{}]:[{}]".format(", ".join(map(str, bead.src)), ", ".join(map(str, bead.tgt)))
    if score and bead.score is not None:
        line += f":{bead.score:.3f}"
    return line


def parse_bead(line: str) -> Bead:
    """Parse one line; ``ValueError`` if it is not in the beads format."""
    found = _LINE.match(line.strip())
    if not found:
        raise ValueError(_("not a bead: {line!r}").format(line=line.strip()[:60]))
    src, tgt, score = found.groups()

    def ints(text: str) -> tuple[int, ...]:
        return tuple(int(x) for x in text.split(", ")) if text else ()

    return Bead(ints(src), ints(tgt), float(score) if score else None)


def format_beads(beads: list[Bead], score: bool = False) -> str:
    """The beads format for a whole alignment, one bead per line."""
    return "".join(format_bead(bead, score) + "\n" for bead in beads)


def parse_beads(text: str, name: str | os.PathLike = "<beads>") -> list[Bead]:
    """Parse a beads file's text; a bad line is a ``TermkitError`` naming file and line."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            beads.append(parse_bead(line))
        except ValueError as exc:
            raise TermkitError(f"{name}:{number}: {exc}") from None
    return beads


def loads(data: bytes, name: str | os.PathLike = "<beads>", *, src_lang: str = "fr",
          tgt_lang: str = "en") -> Bitext:
    """A bitext of sentence indices (empty texts) from beads-format bytes."""
    from termkit.io import decode

    pairs = [Pair(Side(src_lang, "", sentences=bead.src), Side(tgt_lang, "", sentences=bead.tgt),
                  score=bead.score)
             for bead in parse_beads(decode(data, name), name)]
    return Bitext(src_lang, tgt_lang, pairs)


def kept(bitext: Bitext) -> list[Pair]:
    """The pairs written: every one, blank ones included (indices stay line numbers)."""
    return list(bitext.pairs)


def dumps(bitext: Bitext, *, score: bool = False) -> bytes:
    """Every pair as a bead line; a pair without sentence indices (not from an alignment) is
    an error naming it."""
    for number, pair in enumerate(bitext.pairs, 1):
        if not pair.source.sentences and not pair.target.sentences:
            raise TermkitError(_("unit {n} has no sentence indices (x-termkit-bead): only an "
                                 "alignment can be written as beads").format(n=number))
    return format_beads(bitext.beads(), score).encode("utf-8")
