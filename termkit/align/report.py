"""A summary of an alignment for review: bead types and low-confidence regions, and whether
the documents look like translations of each other at all."""

from __future__ import annotations

from collections import Counter

from termkit.corpus.model import Bead, Bitext

LOW = 0.5   # beads scoring below this are flagged
MISMATCH = 0.45   # a mean confidence below this: the documents do not look like translations


def _span(beads: list[Bead], side: str) -> list[int]:
    indices = [i for bead in beads for i in getattr(bead, side)]
    return [min(indices), max(indices)] if indices else []


def summary(beads: list[Bead], low: float = LOW) -> dict:
    """Counts of bead types, mean confidence, and regions of consecutive low-confidence beads
    (0-based sentence ranges, inclusive)."""
    scores = [bead.score for bead in beads if bead.score is not None]
    regions, run = [], []
    for bead in beads + [None]:
        if bead is not None and bead.score is not None and bead.score < low:
            run.append(bead)
            continue
        if run:
            regions.append({"src": _span(run, "src"), "tgt": _span(run, "tgt"), "beads": len(run),
                            "confidence": round(sum(b.score for b in run) / len(run), 3)})
        run = []
    types = Counter(bead.kind for bead in beads)
    return {"beads": len(beads), "types": dict(types.most_common()),
            "mean_confidence": round(sum(scores) / len(scores), 3) if scores else None,
            "low_confidence_beads": sum(1 for s in scores if s < low),
            "low_confidence_regions": regions}


def text(report: dict, line_of: tuple[list[int], list[int]] | None = None,
         presegmented: bool = False) -> str:
    """The summary as a few lines of text, numbers counted from 1: sentence numbers, followed by
    the line each is on when ``line_of`` (source and target line numbers of every sentence) is
    given; line numbers when the inputs were ``presegmented`` (one sentence per line)."""
    from termkit.i18n import _

    def numbers(first: int, last: int) -> str:
        return f"{first}" if first == last else f"{first}-{last}"

    def side(span: list[int], lines: list[int] | None) -> str:
        if not span:
            return "-"
        found = numbers(span[0] + 1, span[1] + 1)
        if lines is None:
            return found
        first, last = lines[span[0]], lines[span[1]]
        where = _("{s} (line {l})") if first == last else _("{s} (lines {l})")
        return where.format(s=found, l=numbers(first, last))

    out = [_("beads: {n} ({types})").format(
        n=report["beads"], types=", ".join(f"{k}: {v}" for k, v in report["types"].items()))]
    if report["mean_confidence"] is not None:
        out.append(_("mean confidence: {c:.2f}; low-confidence beads: {k}").format(
            c=report["mean_confidence"], k=report["low_confidence_beads"]))
    review = (_("  review: source lines {s}, target lines {t} ({n} beads, confidence {c:.2f})")
              if presegmented else
              _("  review: source sentences {s}, target sentences {t} ({n} beads, confidence "
                "{c:.2f})"))
    src_lines, tgt_lines = line_of or (None, None)
    for region in report["low_confidence_regions"]:
        out.append(review.format(s=side(region["src"], src_lines),
                                 t=side(region["tgt"], tgt_lines), n=region["beads"],
                                 c=region["confidence"]))
    return "\n".join(out) + "\n"


def review(bitext: Bitext, low: float = LOW) -> dict:
    """The :func:`summary` of an aligned bitext, pairs of blank lines left out."""
    return summary([pair.bead for pair in bitext if not pair.blank], low)


def mismatch(facts: dict) -> bool:
    """Do the documents look too different to be translations of each other (3 beads or more,
    mean confidence below MISMATCH)?"""
    return facts["beads"] >= 3 and facts["mean_confidence"] < MISMATCH


def mismatch_warning(facts: dict, src_doc: str | None, tgt_doc: str | None) -> str | None:
    """The warning to give when :func:`mismatch`, else None."""
    from termkit.i18n import _

    if not mismatch(facts):
        return None
    return _("{a} and {b} look too different to be translations of each other (mean "
             "confidence {c:.2f}); check the alignment").format(
                 a=src_doc, b=tgt_doc, c=facts["mean_confidence"])


def line_of(bitext: Bitext) -> tuple[list[int], list[int]]:
    """The source and the target line of every sentence of an aligned bitext, by index."""
    found: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for pair in bitext:
        for side, lines in zip((pair.source, pair.target), found):
            lines.update(zip(side.sentences, side.lines))
    return tuple([lines.get(i, 0) for i in range(max(lines, default=-1) + 1)] for lines in found)


def review_text(bitext: Bitext, facts: dict, presegmented: bool = False) -> str:
    """:func:`text` for an aligned bitext: sentence numbers with their lines, or line numbers
    when the documents were ``presegmented``."""
    return text(facts, None if presegmented else line_of(bitext), presegmented)
