"""Lexical anchors between sentences: numbers, names and acronyms, cognates, punctuation,
translations from a small built-in lexicon and, when given, glossary term pairs.

Every sentence becomes a bag of *keys*; a French and an English token share a key when they
are the same number, the same word up to accents and case (names, acronyms), cognates (same
first letters after accent folding) or a lexicon translation pair. Keys are weighted by
their rarity in the document pair (inverse document frequency), so that names and numbers
count much more than frequent words.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter

import numpy as np

from termkit.lang import codes
from termkit.lang.lexicon import english
from termkit.lang.normalise import fold
from termkit.lang.tokens import NUMBER, WORD, joined_numbers, kinds, words

PREFIX = 5  # letters kept of a word: cognates share their first letters
_QUOTES = "«»“”\""   # any quote is the key Q; ? and ! are their own keys

_TOKEN_KEYS: dict[bool, dict[str, tuple[str, ...]]] = {False: {}, True: {}}  # French? → keys


def _word_key(word: str, french: bool) -> str | None:
    """The key of one word: its lexicon translation or itself, cut to PREFIX."""
    folded = fold(word)
    translation = english(folded) if french else None
    if translation is not None:
        return translation[:PREFIX]
    return folded[:PREFIX] if len(folded) >= 2 or folded == "i" else None


def _piece_keys(pieces: list[tuple[str, str]], french: bool) -> list[str]:
    """The keys of (kind, text) pieces (:func:`termkit.lang.tokens.kinds`)."""
    found = []
    for kind, piece in pieces:
        if kind == WORD:
            key = _word_key(piece, french)
            if key is not None:
                found.append(key)
        elif kind == NUMBER:
            found.append("#" + piece.replace(".", "").replace(",", ""))
        elif piece in "?!":
            found.append(piece)
        elif piece in _QUOTES:
            found.append("Q")
    return found


def keys(text: str, lang: str) -> Counter:
    """The bag of anchor keys of one sentence."""
    french = codes.base(lang) == "fr"
    stripped = text.lstrip()
    # a French dialogue dash plays the part of an English quote
    found = ["Q"] if stripped[:1] in "—–-" and stripped[:1] else []
    if joined_numbers(text):            # 3.5, 158,000: the pieces of the whole text
        found += _piece_keys(kinds(text), french)
        return Counter(found)
    cache = _TOKEN_KEYS[french]         # else the keys of each token, cached
    for token in words(text):
        known = cache.get(token)
        if known is None:
            known = tuple(_piece_keys(kinds(token), french))
            if len(cache) < 500_000:
                cache[token] = known
        found += known
    return Counter(found)


def glossary_keys(sentences: list[str], index, lang: str) -> list[Counter]:
    """Concept keys (``G:<id>``) of the glossary terms found in each sentence, by ``index`` (a
    :class:`~termkit.glossary.index.TermIndex`)."""
    matcher = index.matcher(lang)
    return [Counter("G:" + match.concept.id for match in matcher.find(text)) for text in sentences]


def _occurrences(bags: list[Counter], ids: dict[str, int]) -> tuple[np.ndarray, ...]:
    """(sentence, key id, count) arrays of the keys in ``ids``."""
    sent, key, count = [], [], []
    for index, bag in enumerate(bags):
        for word, times in bag.items():
            code = ids.get(word)
            if code is not None:
                sent.append(index)
                key.append(code)
                count.append(times)
    return (np.array(sent, dtype=np.int64), np.array(key, dtype=np.int64),
            np.array(count, dtype=float))


class Lexical:
    """Weighted key overlap between source and target sentences, looked up in a band."""

    def __init__(self, src_bags: list[Counter], tgt_bags: list[Counter]):
        df: Counter = Counter()
        for bag in src_bags:
            df.update(bag.keys())
        tgt_df: Counter = Counter()
        for bag in tgt_bags:
            tgt_df.update(bag.keys())
        total = len(src_bags) + len(tgt_bags)
        self.weight = {key: math.log(total / (df[key] + count))
                       for key, count in tgt_df.items() if key in df}
        self.n, self.m = len(src_bags), len(tgt_bags)
        self.anchors = _anchors(src_bags, tgt_bags, df, tgt_df)
        ids = {key: code for code, key in enumerate(self.weight)}
        self._w = np.array(list(self.weight.values()), dtype=float)
        self._src = _occurrences(src_bags, ids)
        tgt = _occurrences(tgt_bags, ids)
        # target occurrences sorted by (key, sentence) for range look-ups
        self._stride = len(tgt_bags) + 1
        order = np.argsort(tgt[1] * self._stride + tgt[0], kind="stable")
        self._tgt = tuple(array[order] for array in tgt)
        self._tgt_code = self._tgt[1] * self._stride + self._tgt[0]
        self.src_mass = np.bincount(self._src[0], self._w[self._src[1]] * self._src[2],
                                    minlength=len(src_bags))
        self.tgt_mass = np.bincount(tgt[0], self._w[tgt[1]] * tgt[2], minlength=len(tgt_bags))
        # the weight of all keys, shared or not: how much of a sentence could have matched
        self.src_all = np.array([sum(math.log(total / (df[k] + tgt_df.get(k, 0))) * c
                                     for k, c in bag.items()) for bag in src_bags])
        self.tgt_all = np.array([sum(math.log(total / (tgt_df[k] + df.get(k, 0))) * c
                                     for k, c in bag.items()) for bag in tgt_bags])

    def band(self, lo: np.ndarray, width: int, rows: tuple[int, int] | None = None,
             chunk: int = 1 << 21) -> np.ndarray:
        """``out[s, k]`` = overlap of source ``s`` with target ``lo[s] + k`` (0 ≤ k < width):
        the sum over shared keys of weight × the smaller count. ``rows=(r0, r1)`` computes
        only sources ``r0 .. r1 - 1`` (``out[s - r0]``)."""
        r0, r1 = rows or (0, self.n)
        out = np.zeros((r1 - r0) * width)
        sent, key, count = self._src
        if rows:
            keep = slice(*np.searchsorted(sent, [r0, r1]))
            sent, key, count = sent[keep], key[keep], count[keep]
        if not len(sent):
            return out.reshape(r1 - r0, width)
        base = key * self._stride
        first = np.searchsorted(self._tgt_code, base + np.maximum(lo[sent], 0))
        last = np.searchsorted(self._tgt_code, base + np.minimum(lo[sent] + width, self._stride))
        sizes = last - first
        ends = np.cumsum(sizes)
        # expand (occurrence → matching target occurrences) in chunks to bound memory
        begin = 0
        while begin < len(sent):
            stop = int(np.searchsorted(ends, (ends[begin - 1] if begin else 0) + chunk)) + 1
            stop = min(max(stop, begin + 1), len(sent))
            size = sizes[begin:stop]
            total = int(size.sum())
            if total:
                occ = np.repeat(np.arange(begin, stop), size)
                offsets = np.arange(total) - np.repeat(np.cumsum(size) - size, size)
                at = first[occ] + offsets
                s = sent[occ]
                value = self._w[key[occ]] * np.minimum(count[occ], self._tgt[2][at])
                out += np.bincount((s - r0) * width + (self._tgt[0][at] - lo[s]), value,
                                   minlength=(r1 - r0) * width)
            begin = stop
        return out.reshape(r1 - r0, width)

def _anchors(src_bags: list[Counter], tgt_bags: list[Counter], src_df: Counter,
             tgt_df: Counter) -> list[tuple[int, int]]:
    """Monotone chain of sentence pairs sharing a key found once on each side, near the
    diagonal: the centre of the first pass's band."""
    n, m = len(src_bags), len(tgt_bags)
    if not n or not m:
        return []
    tolerance = max(20.0, 0.1 * max(n, m))
    unique = {key: t for t, bag in enumerate(tgt_bags) for key in bag
              if tgt_df[key] == 1 and src_df.get(key) == 1 and len(key) > 2}
    candidates = []
    for s, bag in enumerate(src_bags):
        for key in bag:
            t = unique.get(key)
            if t is not None and abs(t - s * m / n) <= tolerance:
                candidates.append((s, t))
    return _chain(sorted(set(candidates)))


def _chain(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain increasing in both coordinates (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(points)
    for index, (s, t) in enumerate(points):
        at = bisect_left(tails, t)
        # points with the same s must not chain: they are sorted by t, so bisect keeps them apart
        if at and points[tail_at[at - 1]][0] == s:
            continue
        if at == len(tails):
            tails.append(t)
            tail_at.append(index)
        else:
            tails[at] = t
            tail_at[at] = index
        parent[index] = tail_at[at - 1] if at else -1
    chain = []
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        chain.append(points[index])
        index = parent[index]
    return chain[::-1]
