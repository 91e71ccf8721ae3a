"""The records stages hand each other: aligned or translated segment pairs with provenance.

A :class:`Bitext` is a list of :class:`Pair` records in one language direction. Each pair has a
source and a target :class:`Side`: the text, its language and where it comes from (document,
1-based line numbers, 0-based sentence indices, i.e. the side of the alignment bead). A pair
also carries its confidence ``score`` and free ``props`` (key/value) and ``notes``. The fields
a TMX file can hold but termkit does not interpret (attributes, inline markup, other elements)
are kept in ``attrs`` / ``markup`` / ``extra`` (and the attributes of a ``prop`` or ``note`` in
:class:`Prop` / :class:`Note`) so that a TMX → records → TMX round-trip loses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from termkit.lang import codes

#: the confidence of a sentence left unaligned (a 1-0 or 0-1 bead): worth a look, not alarming
NULL_CONFIDENCE = 0.25

#: the properties that carry a pair's score and its bead (sentence indices) in a file
SCORE_PROP, BEAD_PROP = "x-termkit-score", "x-termkit-bead"

#: characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, U+FFFE/U+FFFF, surrogates)
_UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the characters XML cannot hold: what every record text a stage makes is
    (so that any format can write it) and what the TMX writer leaves out."""
    return _UNFIT.sub("", text)


class _Attributed:
    """Equality of a :class:`Prop` or :class:`Note` that also compares its ``attrs``."""

    _base: type

    def __eq__(self, other):
        if not isinstance(other, self._base):
            return NotImplemented
        return self._base.__eq__(self, other) and self.attrs == getattr(other, "attrs", {})

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal


class Prop(_Attributed, tuple):
    """A property: unpacks as ``(type, value)``; ``attrs`` keeps its other attributes (TMX
    ``xml:lang``, ``o-encoding``). A plain ``(type, value)`` tuple is a property too."""

    _base = tuple
    __hash__ = tuple.__hash__

    def __new__(cls, kind: str, value: str, attrs: dict[str, str] | None = None):
        self = super().__new__(cls, (kind, value))
        self.attrs = dict(attrs or {})
        return self

    def __getnewargs__(self):
        return self[0], self[1], self.attrs


class Note(_Attributed, str):
    """A note's text; ``attrs`` keeps its attributes (TMX ``xml:lang``, ``o-encoding``). A plain
    string is a note too."""

    _base = str
    __hash__ = str.__hash__

    def __new__(cls, text: str, attrs: dict[str, str] | None = None):
        self = super().__new__(cls, text)
        self.attrs = dict(attrs or {})
        return self

    def __getnewargs__(self):
        return str(self), self.attrs


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
    lines: tuple[int, ...] = ()              # 1-based line of each sentence in ``doc``
    sentences: tuple[int, ...] = ()          # 0-based sentence indices in ``doc`` (bead side)
    markup: str | None = None                # TMX inline markup of the segment, verbatim
    attrs: dict[str, str] = field(default_factory=dict)      # other attributes (TMX tuv)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)           # other elements, serialised
    missing: bool = False    # the unit has no segment in this language (a one-language TMX unit)


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
    #: the order the sides were read in, as indices into ``[source, target, *others]`` (TMX
    #: units whose first ``tuv`` is not the source); empty: that order
    order: tuple[int, ...] = ()
    #: set where an alignment becomes records (:mod:`termkit.align.documents`), never by a
    #: reader, so that every unit of a memory read from a file is written again. ``blank``:
    #: blank lines of a pre-segmented input (a paragraph break); ``unaligned``: sentences left
    #: unaligned (a 1-0 or 0-1 bead). Formats of sentence indices (beads, JSON) keep such
    #: pairs; TSV leaves out blank ones, TMX both (they are not translation units).
    blank: bool = False
    unaligned: bool = False

    @property
    def bead(self) -> Bead:
        """The alignment bead this pair stands for (sentence indices and score)."""
        return Bead(self.source.sentences, self.target.sentences, self.score)

    def sides(self) -> list[Side]:
        """The sides in the order they were read (see ``order``)."""
        found = [self.source, self.target, *self.others]
        return [found[i] for i in self.order] if self.order else found

    def prop(self, kind: str) -> str | None:
        """The value of the first property of this type."""
        return next((value for key, value in self.props if key == kind), None)

    def side(self, lang: str) -> Side | None:
        """The side in ``lang`` (``en`` also finds ``en-GB``), source first."""
        for side in (self.source, self.target, *self.others):
            if not side.missing and (side.lang == lang or codes.same(side.lang, lang)):
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
