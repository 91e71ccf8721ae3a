"""The library API: translate paragraphs with an engine and, optionally, a glossary.

Each sentence comes back as a corpus record (:class:`termkit.corpus.model.Pair`: the source
sentence with its document, line and sentence index, the output, the model id) with its
glossary check; :func:`termkit.mt.report.bitext` gathers them into a ``Bitext``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from termkit import progress, segment
from termkit.corpus.model import Pair, Side
from termkit.errors import TermkitError
from termkit.glossary.index import TermIndex
from termkit.glossary.model import Glossary
from termkit.i18n import _
from termkit.lang import codes
from termkit.mt import enforce
from termkit.mt.check import Check, Need, check, needs

#: the longest paragraph accepted, in characters
MAX_LINE = 100_000
#: sentences longer than this (characters) are cut at spaces before translation
MAX_SENTENCE = 500
#: sentences per engine call (progress advances per batch)
BATCH = 256
#: the pair property naming the engine's model
MODEL_PROP = "x-termkit-model"


@dataclass
class Segment:
    """One sentence: the translated pair (source and output, with provenance) and its glossary
    check (None without a glossary)."""

    pair: Pair
    check: Check | None = None

    @property
    def source(self) -> str:
        return self.pair.source.text

    @property
    def output(self) -> str:
        return self.pair.target.text


@dataclass
class Result:
    """One paragraph: source, output (one line) and its sentences."""

    source: str
    output: str
    segments: list[Segment] = field(default_factory=list)

    @property
    def required(self) -> int:
        return sum(len(s.check.required) for s in self.segments if s.check)

    @property
    def missed(self) -> int:
        return sum(len(s.check.missed) for s in self.segments if s.check)


def translate(texts: list[str], src: str, tgt: str, *,
              glossary: TermIndex | Glossary | None = None, engine=None,
              model: str | os.PathLike | None = None, beam_size: int = 4,
              compute_type: str = "default", method: str | None = None,
              show_progress: bool = False, name: str | None = None) -> list[Result]:
    """Translate each text (a paragraph, one output line each), enforcing ``glossary`` terms.

    ``src`` and ``tgt`` are French and English in any spelling (``fr``, ``fr_FR``, ``en-GB``):
    the engine works with the language, the glossary's terms are those of the section of the
    tag (``en-US`` terms for ``en_US``, else the ``en`` ones); ``glossary`` is a term index or
    a glossary (indexed once for this call); ``engine`` is an engine object, ``"argos"``,
    ``"apertium"`` or None (automatic choice); ``method`` is ``none`` or steps of
    ``enforce.STEPS`` joined by ``+`` (default per engine); ``name`` (the input file's) is the
    records' document and starts error messages.
    """
    source, target = codes.pair(src, tgt)
    langs = codes.normal(src), codes.normal(tgt)
    if engine is None or isinstance(engine, str):
        from termkit.mt.engine import choose
        engine = choose(source, target, engine=engine, model=str(model) if model else None,
                        beam_size=beam_size, compute_type=compute_type)[0]
    index = term_index(glossary, langs[1])
    chosen = enforce.steps(method, engine.name)
    pieces, owners = [], []
    for number, text in enumerate(texts):
        if len(text) > MAX_LINE:
            raise TermkitError(_("{name}: line {n}: too long ({size} characters; the limit is "
                                 "{limit})").format(name=name or "<text>", n=number + 1,
                                                    size=len(text), limit=MAX_LINE))
        for sentence in sentences(text, source, _too_long(engine)):
            pieces.append(sentence)
            owners.append(number)
    outputs: list[str] = []
    wanted: list[list[Need] | None] = []
    batches = range(0, len(pieces), BATCH)
    for start in (progress.track(batches, len(batches), _("translating"))
                  if show_progress else batches):
        batch = pieces[start:start + BATCH]
        wanted += [needs(s, index, *langs) for s in batch] if index else [None] * len(batch)
        outputs += run(engine, batch, wanted[start:], *langs, index, chosen)
    results = [Result(text, "") for text in texts]
    for k, (number, sentence, output) in enumerate(zip(owners, pieces, outputs)):
        where = {"lines": (number + 1,), "sentences": (k,)}
        pair = Pair(Side(langs[0], sentence, doc=name, **where), Side(langs[1], output, **where),
                    props=[(MODEL_PROP, engine.id)])
        verdict = check(sentence, output, index, *langs, wanted[k]) if index else None
        results[number].segments.append(Segment(pair, verdict))
    for result in results:
        result.output = " ".join(s.output for s in result.segments if s.output)
    return results


def _too_long(engine):
    """A test for sentences the engine would truncate (more pieces than its model takes)."""
    limit = getattr(engine, "max_pieces", None)
    if limit is None:
        return None
    # a sentence has at most one piece per character more than one: only long ones are encoded
    return lambda sentence: len(sentence) >= limit and len(engine.tokenize([sentence])[0]) > limit


def sentences(text: str, lang: str, too_long=None) -> list[str]:
    """The sentences of a paragraph; very long ones (over ``MAX_SENTENCE`` characters, or what
    ``too_long`` says an engine would truncate) are cut at spaces."""
    out = []
    for sentence in segment.split(" ".join(text.split()), lang):
        while len(sentence) > MAX_SENTENCE or (too_long and too_long(sentence)):
            size = min(MAX_SENTENCE, len(sentence))
            while True:  # the longest head, cut at a space, that fits
                cut = sentence.rfind(" ", 0, size)
                cut = cut if cut > 0 else size
                if size == 1 or not (too_long and too_long(sentence[:cut].strip())):
                    break
                size = max(size * 2 // 3, 1)
            out.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            out.append(sentence)
    return out


def term_index(glossary: TermIndex | Glossary | None, target: str) -> TermIndex | None:
    """The term index of a glossary (the index itself if given one), after checking its
    ``target`` terms; None without a glossary."""
    if glossary is None:
        return None
    if isinstance(glossary, TermIndex):
        index = glossary
    elif isinstance(glossary, Glossary):
        index = TermIndex(glossary)
    else:
        raise TypeError(f"glossary: a TermIndex or a Glossary, not {type(glossary).__name__}")
    for concept in index.glossary:
        section = concept.lang(target)
        if section and any(not term.text.strip() for term in section.terms):
            raise TermkitError(_("glossary concept {id}: empty {lang} term")
                               .format(id=concept.id, lang=target))
    return index


def run(engine, sentences: list[str], wanted: list[list[Need]], src: str, tgt: str,
        index: TermIndex | None, steps: set[str]) -> list[str]:
    """Translate a batch of sentences, putting in the target terms each one ``wanted``
    (:func:`~termkit.mt.check.needs`) with the glossary terms of ``index``, if given (``src``
    and ``tgt``: the languages as tagged, see :func:`translate`)."""
    if index is None:
        return engine.translate(sentences)
    masked = [enforce.mask(s, n, src) if "mask" in steps else enforce.Masked(s, {}, list(n))
              for s, n in zip(sentences, wanted)]
    if steps & {"rerank", "prefix"} and hasattr(engine, "decode"):
        from termkit.mt import constrain
        raw = constrain.decode(engine, masked, steps, index, tgt)
    else:
        raw = engine.translate([m.text for m in masked])
    outputs, missing = [], []
    for m, text, need in zip(masked, raw, wanted):
        text = enforce.restore(text, m, tgt)[0]
        outputs.append(text)
        missing.append(enforce.shortfall(text, need, index, tgt))
    if "postedit" in steps and any(missing):
        sources = sorted({n.source for lost in missing for n in lost})
        greedy = {"beam_size": 1} if hasattr(engine, "decode") else {}   # terms: short, cheap
        rendering = dict(zip(sources, engine.translate(sources, **greedy)))
        for i, lost in enumerate(missing):
            for need in sorted(lost, key=lambda n: -n.start):
                outputs[i] = enforce.postedit(outputs[i], need, len(sentences[i]), index, tgt,
                                              rendering.get(need.source, ""))
    return [enforce.fix_forbidden(re.sub(r"\s+", " ", o).strip(), index, tgt) for o in outputs]
