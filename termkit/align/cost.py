"""Bead costs: a Gale–Church length model in log space, and bead-type priors.

``-log erfc`` is computed directly in log space (the Chebyshev fit of erfc quoted in
*Numerical Recipes*, relative error < 1.2e-7), so no tail ever underflows to ``-inf``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

#: bead types the aligner considers, as (source count, target count)
TYPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))

#: prior weights of the bead types (relative frequencies in translated prose; a null bead's
#: weight is raised because leaving a sentence out is safer than a wrong merge)
PRIORS = {(1, 1): 0.70, (1, 0): 0.12, (0, 1): 0.12, (2, 1): 0.10, (1, 2): 0.08,
          (2, 2): 0.01, (3, 1): 0.02, (1, 3): 0.02}

SMOOTH = 1.0       # pseudo-mass pulling the Dice score of key-poor beads towards PRIOR_DICE
PRIOR_DICE = 0.3
LENGTH_WEIGHT = 0.35   # the length model's weight against the lexical and prior costs

_ERFC = (-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807,
         -1.13520398, 1.48851587, -0.82215223, 0.17087277)


def neg_log_erfc(z: np.ndarray) -> np.ndarray:
    """``-log(erfc(z))`` for ``z >= 0``, stable for any size of ``z``."""
    t = 1.0 / (1.0 + 0.5 * z)
    poly = np.full_like(t, _ERFC[-1])
    for coef in _ERFC[-2::-1]:
        poly = poly * t + coef
    return -(np.log(t) - z * z + poly)


def length_cost(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float, variance: float
                ) -> np.ndarray:
    """Gale–Church cost ``-log P(|delta|)`` of aligning blocks of these character lengths.

    ``ratio`` is target characters per source character, ``variance`` the variance of the
    target length per source character.
    """
    mean = np.maximum((src_len + tgt_len / ratio) / 2.0, 1.0)
    delta = (tgt_len - ratio * src_len) / np.sqrt(variance * mean)
    return neg_log_erfc(np.abs(delta) / math.sqrt(2.0))


def variance(src_lens: np.ndarray, tgt_lens: np.ndarray, ratio) -> float:
    """The variance of the target length per source character, from 1-1 aligned lengths:
    the median of the squared residuals (robust to a few wrong beads) rescaled to a variance
    (the median of a chi-squared variable with one degree of freedom is 0.455)."""
    resid = (tgt_lens - ratio * src_lens) ** 2 / np.maximum(src_lens, 1.0)
    return min(max(float(np.median(resid)) / 0.455, 1.0), 50.0)


def prior_costs() -> dict[tuple[int, int], float]:
    """``-log p`` of each bead type."""
    return {kind: -math.log(p) for kind, p in PRIORS.items()}


@dataclass
class Model:
    """What the bead costs of one document pair depend on.

    ``src_pos``/``tgt_pos`` are cumulative character lengths and ``src_mass``/``tgt_mass``
    cumulative anchor weights (``n+1``/``m+1`` values); ``overlap[s, t - lo[s]]`` is the
    lexical overlap of source ``s`` and target ``t`` (see ``anchors.Lexical.band``).
    """

    src_pos: np.ndarray
    tgt_pos: np.ndarray
    src_mass: np.ndarray
    tgt_mass: np.ndarray
    ratio: float | np.ndarray   # one value, or one per DP row (n+1 values)
    variance: float
    lexical_weight: float
    priors: dict[tuple[int, int], float] = field(default_factory=prior_costs)

    def ratio_at(self, rows: np.ndarray):
        """The length ratio at these DP rows."""
        return self.ratio[rows] if isinstance(self.ratio, np.ndarray) else self.ratio


def bead_costs(model: Model, start: np.ndarray, width: int, overlap: np.ndarray, lo: np.ndarray,
               first: int, last: int, row0: int = 0) -> dict[tuple[int, int], np.ndarray]:
    """Cost arrays ``(last - first, width)`` of every bead type ending at each cell of rows
    ``first .. last - 1`` of the band (row ``i`` covers columns ``start[i] + k``);
    ``overlap`` holds sources ``row0 ..`` (see ``anchors.Lexical.band``).
    """
    n, m = len(model.src_pos) - 1, len(model.tgt_pos) - 1
    rows = np.arange(first, last)[:, None]
    cols = start[first:last, None] + np.arange(width)[None, :]
    span = overlap.shape[1]
    cache: dict[tuple[int, int], np.ndarray] = {}

    def pair(p: int, q: int) -> np.ndarray:
        """overlap of source row-1-p with target column-1-q, 0 outside the band."""
        if (p, q) not in cache:
            s = np.clip(rows - 1 - p, row0, row0 + len(overlap) - 1)
            t = cols - 1 - q
            k = t - lo[s]
            ok = (rows - 1 - p >= row0) & (t >= 0) & (k >= 0) & (k < span)
            cache[p, q] = np.where(ok, overlap[s - row0, np.clip(k, 0, span - 1)], 0.0)
        return cache[p, q]

    def block(cumulative: np.ndarray, index: np.ndarray, size: int, top: int) -> np.ndarray:
        return cumulative[np.clip(index, 0, top)] - cumulative[np.clip(index - size, 0, top)]

    out = {}
    for kind in TYPES:
        a, b = kind
        valid = (rows >= a) & (cols >= b) & (cols <= m)
        if a and b:
            length = length_cost(block(model.src_pos, rows, a, n), block(model.tgt_pos, cols, b, m),
                                 model.ratio_at(rows), model.variance)
            shared = sum(pair(p, q) for p in range(a) for q in range(b))
            mass = block(model.src_mass, rows, a, n) + block(model.tgt_mass, cols, b, m)
            dice = np.minimum((2.0 * shared + SMOOTH * PRIOR_DICE) / (mass + SMOOTH), 1.0)
            cost = (model.priors[kind] + LENGTH_WEIGHT * length
                    + model.lexical_weight * (1.0 - dice) * (a + b) / 2.0)
        else:  # a sentence left out: its length says nothing, it just misses its anchors
            cost = np.full(valid.shape, model.priors[kind] + model.lexical_weight * (a + b) / 2.0)
        out[kind] = np.where(valid, cost, np.inf)
    return out
