"""A summary of an alignment for review: bead types and low-confidence regions."""

from __future__ import annotations

from collections import Counter

from termkit.align.beads import Bead

LOW = 0.5   # beads scoring below this are flagged


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


def text(report: dict) -> str:
    """The summary as a few lines of text (sentence numbers counted from 1)."""
    from termkit.i18n import _

    def lines(span: list[int]) -> str:
        return "-" if not span else (f"{span[0] + 1}" if span[0] == span[1]
                                     else f"{span[0] + 1}-{span[1] + 1}")

    out = [_("beads: {n} ({types})").format(
        n=report["beads"], types=", ".join(f"{k}: {v}" for k, v in report["types"].items()))]
    if report["mean_confidence"] is not None:
        out.append(_("mean confidence: {c:.2f}; low-confidence beads: {k}").format(
            c=report["mean_confidence"], k=report["low_confidence_beads"]))
    for region in report["low_confidence_regions"]:
        out.append(_("  review: source lines {s}, target lines {t} ({n} beads, confidence {c:.2f})")
                   .format(s=lines(region["src"]), t=lines(region["tgt"]), n=region["beads"],
                           c=region["confidence"]))
    return "\n".join(out) + "\n"
