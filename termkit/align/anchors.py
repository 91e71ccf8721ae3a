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
import re
import unicodedata
from bisect import bisect_left
from collections import Counter

import numpy as np

from termkit.align.lexicon import FR_EN

PREFIX = 5  # letters kept of a word: cognates share their first letters
_TOKEN = re.compile(r"(\d[\d.,]*\d|\d)|([^\W\d_]+)|([?!«»“”\"])")
_FOLD: dict[int, str] = {}


def _fold_table() -> dict[int, str]:
    if not _FOLD:
        for code in range(0xC0, 0x250):
            base = unicodedata.normalize("NFD", chr(code))[0].lower()
            if base.isascii():
                _FOLD[code] = base
        _FOLD.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae"})
    return _FOLD


def fold(word: str) -> str:
    """Lowercase and strip accents (``Été`` → ``ete``)."""
    return word.lower().translate(_fold_table())


def _lemma_fr(word: str) -> str | None:
    """The English translation of a folded French word, trying simple plural/feminine forms."""
    found = FR_EN.get(word)
    if found is None and len(word) > 3:
        for ending in ("s", "x", "e", "es"):
            if word.endswith(ending) and word[: -len(ending)] in FR_EN:
                return FR_EN[word[: -len(ending)]]
    return found


_WORD_KEYS: dict[tuple[str, bool], str | None] = {}


def _word_key(word: str, french: bool) -> str | None:
    """The key of one word (cached): its lexicon translation or itself, cut to PREFIX."""
    found = _WORD_KEYS.get((word, french), "")
    if found != "":
        return found
    folded = fold(word)
    english = _lemma_fr(folded) if french else None
    if english is not None:
        found = english[:PREFIX]
    else:
        found = folded[:PREFIX] if len(folded) >= 2 or folded == "i" else None
    if len(_WORD_KEYS) < 1_000_000:
        _WORD_KEYS[word, french] = found
    return found


def keys(text: str, lang: str) -> Counter:
    """The bag of anchor keys of one sentence."""
    found: list[str] = []
    french = lang.split("-")[0].lower() == "fr"
    stripped = text.lstrip()
    if stripped[:1] in "—–-" and stripped[:1]:
        found.append("Q")  # a French dialogue dash plays the part of an English quote
    for number, word, punct in _TOKEN.findall(text):
        if word:
            key = _word_key(word, french)
            if key is not None:
                found.append(key)
        elif number:
            found.append("#" + number.replace(".", "").replace(",", ""))
        else:
            found.append(punct if punct in "?!" else "Q")
    return Counter(found)


_STOP = {
    "fr": set("le la les des du de un une et est sont dans pour par sur avec que qui ne pas "
              "au aux il elle ils elles nous vous je ce cette ces son sa ses leur mais".split()),
    "en": set("the of and to in is are was were for on with that which not by it he she they "
              "we you this these his her their but from at an".split()),
}


def language_of(sentences: list[str], sample: int = 200) -> str | None:
    """``fr`` or ``en`` by frequent function words, ``None`` when unclear."""
    hits = Counter()
    for text in sentences[:sample]:
        for word in _TOKEN.findall(text.lower()):
            for lang, words in _STOP.items():
                if word[1] in words:
                    hits[lang] += 1
    total = sum(hits.values())
    if total < 5:
        return None
    lang, count = hits.most_common(1)[0]
    return lang if count >= 0.75 * total else None


def glossary_keys(sentences: list[str], glossary, lang: str) -> list[Counter]:
    """Concept keys (``G:<id>``) of the glossary terms found in each sentence."""
    from termkit.glossary.match import Matcher

    matcher = Matcher(glossary, lang)
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
