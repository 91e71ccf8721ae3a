"""Strict and lax precision, recall and F1 of predicted beads against gold beads.

As in Vecalign/Bertalign (after Sennrich & Volk 2011), micro-averaged over documents:
a bead counts *strictly* when the gold has the same source and target sets; *laxly* when
one of its source sentences is gold-aligned to one of its target sentences (null beads count
only when exact). Precision is over all predicted beads; recall over the non-null gold beads.
"""

from __future__ import annotations

from dataclasses import dataclass

from termkit.corpus.model import Bead


@dataclass
class Counts:
    """True-positive and total counts, strict and lax, for precision or recall."""

    strict: int = 0
    lax: int = 0
    total: int = 0

    def add(self, other: "Counts") -> None:
        self.strict += other.strict
        self.lax += other.lax
        self.total += other.total


def _hits(tested: list[Bead], reference: list[Bead]) -> Counts:
    exact = {(b.src, b.tgt) for b in reference}
    linked = {(s, t) for b in reference for s in b.src for t in b.tgt}
    counts = Counts(total=len(tested))
    for bead in tested:
        if (bead.src, bead.tgt) in exact:
            counts.strict += 1
            counts.lax += 1
        elif any((s, t) in linked for s in bead.src for t in bead.tgt):
            counts.lax += 1
    return counts


def counts(gold: list[Bead], predicted: list[Bead]) -> tuple[Counts, Counts]:
    """(precision counts, recall counts) of one document."""
    precision = _hits(predicted, gold)
    recall = _hits([b for b in gold if not b.null], [b for b in predicted if not b.null])
    return precision, recall


def prf(pairs: list[tuple[list[Bead], list[Bead]]]) -> dict[str, float]:
    """Micro-averaged ``{p_strict, r_strict, f1_strict, p_lax, r_lax, f1_lax}`` over
    (gold, predicted) pairs of documents."""
    p_total, r_total = Counts(), Counts()
    for gold, predicted in pairs:
        p, r = counts(gold, predicted)
        p_total.add(p)
        r_total.add(r)
    result = {}
    for mode in ("strict", "lax"):
        p = getattr(p_total, mode) / p_total.total if p_total.total else 0.0
        r = getattr(r_total, mode) / r_total.total if r_total.total else 0.0
        result[f"p_{mode}"] = p
        result[f"r_{mode}"] = r
        result[f"f1_{mode}"] = 2 * p * r / (p + r) if p + r else 0.0
    return result
