"""Align two documents: segment them, align their sentences, and return the sentence pairs as
records with their provenance (document, lines, sentence indices, score)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from termkit.align.aligner import align
from termkit.corpus.model import Bitext, Pair, Side, clean
from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.lang import codes

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


def align_documents(src_text: str, tgt_text: str, *, src_lang: str = "fr", tgt_lang: str = "en",
                    src_doc: str | None = None, tgt_doc: str | None = None,
                    presegmented: bool = False, index=None, glossary=None, embed=None,
                    embed_threshold: float | None = None, warn: Warn | None = None) -> Bitext:
    """Align a document and its translation sentence by sentence: one pair per bead, in
    order, every sentence in exactly one pair (a side's text is its sentences joined by a
    space, whitespace collapsed).

    ``index`` (a TermIndex) or ``glossary`` adds term pairs as anchors; ``embed`` and
    ``embed_threshold``: see :func:`termkit.align.align`. ``warn`` receives the warnings: a
    document that looks like the other language, documents too different to be translations
    of each other (:func:`termkit.align.report.mismatch`).
    """
    from termkit.align import report

    src, src_lines = sentences_of(src_text, src_lang, src_doc, presegmented)
    tgt, tgt_lines = sentences_of(tgt_text, tgt_lang, tgt_doc, presegmented)
    say = warn or (lambda message: None)
    for message in (check_language(src, src_lang, src_doc),
                    check_language(tgt, tgt_lang, tgt_doc)):
        if message:
            say(message)
    beads = align(src, tgt, glossary=glossary, index=index, src_lang=codes.base(src_lang),
                  tgt_lang=codes.base(tgt_lang), embed=embed, embed_threshold=embed_threshold)
    bitext = Bitext(src_lang, tgt_lang, [
        Pair(_side(src_lang, src_doc, src, src_lines, bead.src),
             _side(tgt_lang, tgt_doc, tgt, tgt_lines, bead.tgt), score=bead.score)
        for bead in beads])
    message = report.mismatch_warning(report.review(bitext), src_doc, tgt_doc)
    if message:
        say(message)
    return bitext
