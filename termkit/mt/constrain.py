"""Constrained decoding with CTranslate2: n-best reranking and ``target_prefix`` re-decoding.

Works on masked sentences (``enforce.Masked``): the goal is every placeholder in the output.
"""

from __future__ import annotations

from termkit.glossary.index import TermIndex
from termkit.mt.ct2 import CT2Engine, Hypothesis
from termkit.mt.enforce import Masked, has_all, occurrences

#: re-decoding rounds (one placeholder forced per round); what is still missing after them is
#: left to the post-edit step
ROUNDS = 8


def decode(engine: CT2Engine, masked: list[Masked], steps: set[str], index: TermIndex,
           target: str) -> list[str]:
    """The output of each masked sentence, placeholders still in (restore them afterwards);
    ``index`` finds the ``target`` terms a hypothesis keeps."""
    matcher = index.matcher(target)
    texts = [m.text for m in masked]
    width = engine.beam_size if "rerank" in steps else 1
    guided = "prefix" in steps
    nbest = engine.decode(texts, num_hypotheses=width, attention=guided)
    best = [max(hyps, key=lambda h: (_kept(h.text, m, matcher), h.score))
            for hyps, m in zip(nbest, masked)]
    if guided:
        for _ in range(min(ROUNDS, max((len(m.slots) for m in masked), default=0))):
            todo = [i for i, m in enumerate(masked) if has_all(best[i].text, m) < len(m.slots)]
            if not todo:
                break
            prefixes = [_prefix(engine, masked[i], best[i]) for i in todo]
            again = engine.decode([texts[i] for i in todo], prefixes=prefixes, attention=True)
            for i, prefix, hyps in zip(todo, prefixes, again):
                hyp = _separate(engine, hyps[0], len(prefix))
                if has_all(hyp.text, masked[i]) >= has_all(best[i].text, masked[i]):
                    best[i] = hyp
    return [h.text for h in best]


def _kept(text: str, masked: Masked, matcher) -> int:
    """Placeholders kept plus unmasked target terms present."""
    return has_all(text, masked) + sum(1 for need in masked.rest
                                       if matcher.contains(text, need.term))


def _prefix(engine: CT2Engine, masked: Masked, hyp: Hypothesis) -> list[str]:
    """Hypothesis pieces up to where the first missing placeholder belongs, then the placeholder."""
    holder = next(h for h in masked.slots if not occurrences(h, hyp.text))
    holder_pieces = engine.tokenize([holder])[0]
    source = engine.tokenize([masked.text])[0]
    cols = _locate(source, holder_pieces, holder)
    keep = _kept_until(engine, hyp, masked)
    starts = [j for j, piece in enumerate(hyp.pieces)
              if j >= keep and (piece.startswith("▁") or not piece[:1].isalnum() or j == 0)]
    starts = starts or [len(hyp.pieces)]
    if cols and hyp.attention:
        at = max(starts, key=lambda j: sum(hyp.attention[j][c] for c in cols
                                           if j < len(hyp.attention) and
                                           c < len(hyp.attention[j])))
    else:   # no alignment: the placeholder's relative position in the source
        want = len(hyp.pieces) * masked.text.find(holder) / max(1, len(masked.text))
        at = min(starts, key=lambda j: abs(j - want))
    return hyp.pieces[:at] + holder_pieces


def _kept_until(engine: CT2Engine, hyp: Hypothesis, masked: Masked) -> int:
    """The shortest piece prefix that holds every placeholder the hypothesis has: inserting
    after it keeps them all, so each round adds one placeholder and none is lost."""
    have = has_all(hyp.text, masked)
    if not have:
        return 0
    for j in range(1, len(hyp.pieces) + 1):
        if has_all(engine.detokenize(hyp.pieces[:j]), masked) == have:
            return j
    return len(hyp.pieces)


def _locate(source: list[str], pieces: list[str], holder: str) -> list[int]:
    """Indexes of the placeholder's pieces in the source pieces."""
    n = len(pieces)
    for k in range(len(source) - n + 1):
        if source[k:k + n] == pieces:
            return list(range(k, k + n))
    return [k for k, piece in enumerate(source) if holder in piece]


def _separate(engine: CT2Engine, hyp: Hypothesis, forced: int) -> Hypothesis:
    """Keep the forced placeholder a word of its own if the model glued letters to it."""
    rest = hyp.pieces[forced:]
    if rest and rest[0][:1].isalnum():
        pieces = hyp.pieces[:forced] + ["▁"] + rest
        attention = hyp.attention and hyp.attention[:forced + 1] + hyp.attention[forced:]
        return Hypothesis(pieces, engine.detokenize(pieces), hyp.score, attention)
    return hyp
