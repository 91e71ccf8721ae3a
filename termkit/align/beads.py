"""Beads: the units of a sentence alignment, and the one-bead-per-line ``beads`` format.

A line is ``[<src indices>]:[<tgt indices>]`` with 0-based indices separated by ``", "``
(``[3, 4]:[3]``, ``[12]:[]``); a prediction may append ``:<score>``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from termkit.errors import TermkitError

NULL_CONFIDENCE = 0.25  # a sentence left unaligned: worth a look, not alarming

_LINE = re.compile(r"^\[((?:\d+(?:, \d+)*)?)\]:\[((?:\d+(?:, \d+)*)?)\](?::(-?[0-9.eE+-]+))?$")


@dataclass(frozen=True)
class Bead:
    """Source and target sentence indices aligned together, with a confidence in [0, 1]."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float | None = None

    @property
    def kind(self) -> str:
        """The bead type, e.g. ``"2-1"``."""
        return f"{len(self.src)}-{len(self.tgt)}"

    @property
    def null(self) -> bool:
        """True for a 1-0 or 0-1 (insertion or deletion) bead."""
        return not self.src or not self.tgt


def format_bead(bead: Bead, score: bool = False) -> str:
    """One line of the beads format (``score=True`` appends ``:<score>``)."""
    line = "[{}]:[{}]".format(", ".join(map(str, bead.src)), ", ".join(map(str, bead.tgt)))
    if score and bead.score is not None:
        line += f":{bead.score:.3f}"
    return line


def dumps(beads: list[Bead], score: bool = False) -> str:
    """The beads format for a whole alignment, one bead per line."""
    return "".join(format_bead(bead, score) + "\n" for bead in beads)


def parse_bead(line: str) -> Bead:
    """Parse one line; ``ValueError`` if it is not in the beads format."""
    found = _LINE.match(line.strip())
    if not found:
        raise ValueError(f"not a bead: {line.strip()[:60]!r}")
    src, tgt, score = found.groups()

    def ints(text: str) -> tuple[int, ...]:
        return tuple(int(x) for x in text.split(", ")) if text else ()

    return Bead(ints(src), ints(tgt), float(score) if score else None)


def loads(text: str, name: str | os.PathLike = "<beads>") -> list[Bead]:
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


def read(path: str | os.PathLike) -> list[Bead]:
    """Read a beads file."""
    from termkit.io import read_text

    return loads(read_text(path), path)
