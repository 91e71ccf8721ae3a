"""The Argos engine: CTranslate2 + SentencePiece driven directly (batched, model loaded once)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.mt.package import Package

#: sentences per CTranslate2 call (CTranslate2 sorts them by length inside)
BATCH = 16
#: longest input and output in pieces (models with learned positions stop at 256)
MAX_PIECES = 250


@dataclass
class Hypothesis:
    """One decoded hypothesis: target pieces (prefix token removed), text, score, attention."""

    pieces: list[str]
    text: str
    score: float
    attention: list[list[float]] | None = None   # one row per target piece, over source pieces


_CACHE: dict[tuple, tuple] = {}


def _load(package_id: str, package: Package, compute_type: str, threads: int):
    """The (translator, sentencepiece) pair for a package, loaded once per process."""
    key = (package_id, compute_type, threads)
    if key not in _CACHE:
        _CACHE.clear()          # keep one model in memory
        _CACHE[key] = _open(package_id, package, compute_type, threads)
    return _CACHE[key]


def _open(package_id: str, package: Package, compute_type: str, threads: int):
    import ctranslate2
    import sentencepiece

    try:
        translator = ctranslate2.Translator(package_id, device="cpu", compute_type=compute_type,
                                            inter_threads=threads, intra_threads=1,
                                            files=package.model_files)
        sp = sentencepiece.SentencePieceProcessor(model_proto=package.sentencepiece)
    except (RuntimeError, ValueError, OSError) as exc:
        raise TermkitError(_("{path}: cannot load model ({error})").format(
            path=package.path, error=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        ) from None
    return translator, sp


class CT2Engine:
    """Translate with an Argos package; the model is loaded once per process and cached."""

    name = "argos"

    def __init__(self, package: Package, *, beam_size: int = 4, compute_type: str = "default",
                 threads: int = 0):
        self.package = package
        self.source, self.target = package.source, package.target
        self.beam_size = max(1, int(beam_size))
        self.id = package.id
        threads = threads or min(os.cpu_count() or 1, 4)   # workers, one thread each:
        # batches split across workers beat one worker with several threads (measured ×1.4)
        self.translator, self.sp = _load(self.id, package, compute_type, threads)
        self.prefix = [package.target_prefix] if package.target_prefix else []
        #: the most source pieces a sentence may have (translate.py cuts longer ones)
        self.max_pieces = MAX_PIECES - 2

    def tokenize(self, texts: list[str]) -> list[list[str]]:
        """SentencePiece pieces of each text."""
        return self.sp.encode(texts, out_type=str)

    def detokenize(self, pieces: list[str]) -> str:
        """Text from pieces (SentencePiece's own decoder: ``_`` and spacing kept)."""
        return self.sp.decode_pieces(pieces).strip()

    def decode(self, texts: list[str], *, num_hypotheses: int = 1,
               prefixes: list[list[str] | None] | None = None, attention: bool = False,
               beam_size: int | None = None) -> list[list[Hypothesis]]:
        """Beam-search each text; ``prefixes`` are forced target pieces (after the model prefix)."""
        if not texts:
            return []
        source = self.tokenize(texts)
        target = [self.prefix + (prefixes[i] if prefixes and prefixes[i] else [])
                  for i in range(len(texts))]
        options = dict(beam_size=max(beam_size or self.beam_size, num_hypotheses),
                       num_hypotheses=num_hypotheses, return_scores=True,
                       return_attention=attention, max_input_length=MAX_PIECES)
        # batches of similar length, each with an output limit fitting its inputs (a runaway
        # repetition then cannot hold a whole batch up), queued to all workers at once
        order = sorted(range(len(texts)), key=lambda i: len(source[i]))
        pending = []
        for start in range(0, len(order), BATCH):
            group = order[start:start + BATCH]
            limit = max(len(source[i]) + len(target[i]) for i in group)
            pending.append((group, self.translator.translate_batch(
                [source[i] for i in group],
                target_prefix=[target[i] for i in group] if any(target) else None,
                max_decoding_length=min(MAX_PIECES, limit * 3 // 2 + 10),
                asynchronous=True, **options)))
        results = [None] * len(texts)
        for group, batch in pending:
            for i, result in zip(group, batch):
                results[i] = result.result()
        skip = len(self.prefix)
        out = []
        for result in results:
            hyps = []
            for k, pieces in enumerate(result.hypotheses):
                pieces = pieces[skip:]
                att = result.attention[k][skip:] if attention else None
                hyps.append(Hypothesis(pieces, self.detokenize(pieces), result.scores[k], att))
            out.append(hyps)
        return out

    def translate(self, texts: list[str], *, beam_size: int | None = None) -> list[str]:
        """The best translation of each text."""
        return [hyps[0].text for hyps in self.decode(texts, beam_size=beam_size)]
