"""The banded dynamic programme over bead types.

Cell ``(i, j)`` is the best cost of aligning the first ``i`` source and ``j`` target
sentences. Row ``i`` only keeps columns ``start[i] .. start[i] + width - 1`` (a band around
an expected path), so time and memory are linear in the document length. Rows are computed
one at a time with numpy; the 0-1 beads inside a row are a min-plus prefix scan
(``minimum.accumulate``), so nothing loops over cells in Python.
"""

from __future__ import annotations

import numpy as np

from termkit.align.cost import TYPES


def band(centre: np.ndarray, m: int, half: int) -> tuple[np.ndarray, int]:
    """Row starts and width of a band of ``2*half+1`` columns around ``centre`` (n+1 values).

    The band is at least as wide as the average slope needs, so that consecutive rows always
    overlap and the last row reaches column ``m``.
    """
    rows = len(centre) - 1
    half = max(half, -(-m // max(rows, 1)) + 4)
    width = min(2 * half + 1, m + 1)
    start = np.clip(np.round(centre).astype(np.int64) - half, 0, m + 1 - width)
    start = np.maximum.accumulate(start)  # monotone rows
    start[0] = 0
    start[-1] = m + 1 - width
    # consecutive rows must overlap enough for every bead type to connect them
    for i in range(1, len(start)):
        start[i] = min(start[i], start[i - 1] + max(width - 4, 1))
    for i in range(len(start) - 2, -1, -1):
        start[i] = max(start[i], start[i + 1] - max(width - 4, 1), 0)
    return start, width


def solve(costs, start: np.ndarray, width: int, m: int, chunk: int = 2048
          ) -> list[tuple[int, int, int, int]]:
    """The cheapest path through the band as beads ``(i0, i1, j0, j1)``, in document order.

    ``costs(r0, r1)`` returns, for each bead type ``(a, b)``, an array ``(r1 - r0, width)``:
    the cost of that bead ending at cell ``(i, start[i] + k)`` (``inf`` where impossible).
    Only the last rows of the table are kept; the back-pointers take one byte per cell.
    """
    rows = len(start)
    jumps = [int(np.max(start[a:] - start[:-a])) if rows > a else 0 for a in (1, 2, 3)]
    pad = max(jumps) + 4
    inf = np.inf
    table = np.full((4, width + 2 * pad), inf)   # rows i, i-1, i-2, i-3 (by i % 4)
    back = np.zeros((rows, width), dtype=np.int8)
    kinds = [kind for kind in TYPES if kind[0] > 0]
    codes = np.array([TYPES.index(kind) for kind in kinds], dtype=np.int8)
    insert = TYPES.index((0, 1))
    stacked = np.empty((len(kinds), rows and min(chunk, rows), width))
    cand = np.empty((len(kinds), width))
    final = inf
    for i in range(rows):
        if i % chunk == 0:
            block = costs(i, min(i + chunk, rows))
            stacked = np.stack([block[kind] for kind in kinds])
            inserts = block[(0, 1)]
        r = i % chunk
        for index, (a, b) in enumerate(kinds):
            if i < a:
                cand[index] = inf
            else:
                offset = int(start[i] - start[i - a]) - b + pad
                cand[index] = table[(i - a) % 4, offset: offset + width]
        cand += stacked[:, r]
        pick = np.argmin(cand, axis=0)
        best = cand[pick, np.arange(width)]
        choice = codes[pick]
        if i == 0:
            best[0] = 0.0
        # 0-1 beads within the row: D[k] = min(best[k], D[k-1] + c01[k])
        step = inserts[r].copy()
        step[0] = 0.0
        step[~np.isfinite(step)] = 1e12
        run = np.cumsum(step)
        scan = np.minimum.accumulate(best - run)
        left = np.full(width, inf)
        left[1:] = run[1:] + scan[:-1]
        from_left = left < best
        row = np.where(from_left, left, best)
        row[row >= 1e11] = inf
        choice[from_left] = insert
        table[i % 4, pad: pad + width] = row
        back[i] = choice
        if i == rows - 1:
            final = row[m - int(start[i])]
    if not np.isfinite(final):
        raise RuntimeError("alignment band is disconnected")
    path = []
    i, j = rows - 1, m
    while i > 0 or j > 0:
        a, b = TYPES[back[i, j - int(start[i])]]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    return path[::-1]


def group_nulls(path: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Merge runs of 0-1 (or of 1-0) beads into one bead, as the gold convention does."""
    out: list[tuple[int, int, int, int]] = []
    for bead in path:
        if out:
            i0, i1, j0, j1 = out[-1]
            if bead[0] == bead[1] and i0 == i1 and j1 == bead[2]:
                out[-1] = (i0, i1, j0, bead[3])
                continue
            if bead[2] == bead[3] and j0 == j1 and i1 == bead[0]:
                out[-1] = (i0, bead[1], j0, j1)
                continue
        out.append(bead)
    return out
