"""The records stages hand each other: aligned or translated segment pairs with provenance.

A :class:`Bitext` is a list of :class:`Pair` records in one language direction. Each pair has a
source and a target :class:`Side`: the text, its language and where it comes from (document,
1-based line numbers, 0-based sentence indices, i.e. the side of the alignment bead). A pair
also carries its confidence ``score`` and free ``props`` (key/value) and ``notes``. The fields
a TMX file can hold but termkit does not interpret (attributes, inline markup, other elements)
are kept in ``attrs`` / ``markup`` / ``extra`` so that a TMX → records → TMX round-trip loses
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from termkit.lang import codes

#: the confidence of a sentence left unaligned (a 1-0 or 0-1 bead): worth a look, not alarming
NULL_CONFIDENCE = 0.25


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


@dataclass
class Side:
    """One language version of a pair, with its provenance."""

    lang: str
    text: str
    doc: str | None = None                   # the document's name (a path as given), if any
    lines: tuple[int, ...] = ()              # 1-based lines of ``doc`` the text comes from
    sentences: tuple[int, ...] = ()          # 0-based sentence indices in ``doc`` (bead side)
    markup: str | None = None                # TMX inline markup of the segment, verbatim
    attrs: dict[str, str] = field(default_factory=dict)      # other attributes (TMX tuv)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)           # other elements, serialised


@dataclass
class Pair:
    """A source segment and its target segment (aligned, translated or from a memory)."""

    source: Side
    target: Side
    score: float | None = None               # alignment confidence or match score, in [0, 1]
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)      # other attributes (TMX tu)
    extra: list[str] = field(default_factory=list)           # other elements, serialised
    others: list[Side] = field(default_factory=list)         # further languages (TMX tuv)

    @property
    def bead(self) -> Bead:
        """The alignment bead this pair stands for (sentence indices and score)."""
        return Bead(self.source.sentences, self.target.sentences, self.score)

    @property
    def blank(self) -> bool:
        """True when both sides are blank (a paragraph break of a pre-segmented input)."""
        return not self.source.text.strip() and not self.target.text.strip()

    def prop(self, kind: str) -> str | None:
        """The value of the first property of this type."""
        return next((value for key, value in self.props if key == kind), None)

    def side(self, lang: str) -> Side | None:
        """The side in ``lang`` (``en`` also finds ``en-GB``), source first."""
        for side in (self.source, self.target, *self.others):
            if side.lang == lang or codes.same(side.lang, lang):
                return side
        return None


@dataclass
class Bitext:
    """Pairs in one direction (``src_lang`` → ``tgt_lang``), with document-level metadata."""

    src_lang: str
    tgt_lang: str
    pairs: list[Pair] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)     # TMX header attributes
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)           # other header elements
    version: str = "1.4"

    def __iter__(self) -> Iterator[Pair]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def beads(self) -> list[Bead]:
        """The alignment as beads (one per pair)."""
        return [pair.bead for pair in self.pairs]
