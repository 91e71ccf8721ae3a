"""The library API: translate paragraphs with an engine and, optionally, a glossary."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from termkit import progress, segment
from termkit.errors import TermkitError
from termkit.glossary.model import Glossary
from termkit.i18n import _
from termkit.mt import enforce
from termkit.mt.check import Check, check, needs

#: the longest paragraph accepted, in characters
MAX_LINE = 100_000
#: sentences longer than this (characters) are cut at spaces before translation
MAX_SENTENCE = 500
#: sentences per engine call (progress advances per batch)
BATCH = 256


@dataclass
class Segment:
    """One sentence: source, output and the glossary check (None without a glossary)."""

    source: str
    output: str
    check: Check | None = None


@dataclass
class Result:
    """One paragraph: source, output (one line) and its sentences."""

    source: str
    output: str
    segments: list[Segment] = field(default_factory=list)

    @property
    def missed(self) -> int:
        return sum(len(s.check.missed) for s in self.segments if s.check)


def translate(texts: list[str], src: str, tgt: str, *, glossary: Glossary | str | None = None,
              engine=None, model: str | os.PathLike | None = None, beam_size: int = 4,
              compute_type: str = "default", method: str | None = None,
              show_progress: bool = False, name: str = "<text>") -> list[Result]:
    """Translate each text (a paragraph, one output line each), enforcing ``glossary`` terms.

    ``engine`` is an engine object, ``"argos"``, ``"apertium"`` or None (automatic choice);
    ``method`` is ``none`` or steps of ``enforce.STEPS`` joined by ``+`` (default per engine);
    ``name`` (the input file's) starts error messages about a text.
    """
    if engine is None or isinstance(engine, str):
        from termkit.mt.engine import choose
        engine = choose(src, tgt, engine=engine, model=str(model) if model else None,
                        beam_size=beam_size, compute_type=compute_type)[0]
    if isinstance(glossary, (str, os.PathLike)):
        from termkit.glossary.files import load
        glossary = load(glossary)
    matchers = prepare(glossary, src, tgt) if glossary is not None else None
    chosen = enforce.steps(method, engine.name)
    pieces, owners = [], []
    for index, text in enumerate(texts):
        if len(text) > MAX_LINE:
            raise TermkitError(_("{name}: line {n}: too long ({size} characters; the limit is "
                                 "{limit})").format(name=name, n=index + 1, size=len(text),
                                                    limit=MAX_LINE))
        for sentence in sentences(text, src, _too_long(engine)):
            pieces.append(sentence)
            owners.append(index)
    outputs: list[str] = []
    batches = range(0, len(pieces), BATCH)
    for start in (progress.track(batches, len(batches), _("translating"))
                  if show_progress else batches):
        outputs += run(engine, pieces[start:start + BATCH], src, tgt, matchers, chosen)
    results = [Result(text, "") for text in texts]
    for index, source, output in zip(owners, pieces, outputs):
        verdict = check(source, output, *matchers) if matchers else None
        results[index].segments.append(Segment(source, output, verdict))
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


_MATCHERS: dict[tuple, tuple] = {}


def prepare(glossary: Glossary, src: str, tgt: str) -> tuple:
    """(source matcher, target matcher) for a glossary, after checking its target terms."""
    key = (id(glossary), src, tgt)
    if key not in _MATCHERS:
        from termkit.glossary.match import Matcher

        for concept in glossary:
            section = concept.lang(tgt)
            if section and any(not term.text.strip() for term in section.terms):
                raise TermkitError(_("glossary concept {id}: empty {lang} term")
                                   .format(id=concept.id, lang=tgt))
        _MATCHERS.clear()
        _MATCHERS[key] = (glossary, Matcher(glossary, src), Matcher(glossary, tgt))
    return _MATCHERS[key][1:]


def run(engine, sentences: list[str], src: str, tgt: str, matchers, steps: set[str]) -> list[str]:
    """Translate a batch of sentences, enforcing the glossary when there is one."""
    if not matchers:
        return engine.translate(sentences)
    matcher_src, matcher_tgt = matchers
    wanted = [needs(s, matcher_src, tgt) for s in sentences]
    masked = [enforce.mask(s, n, src) if "mask" in steps else enforce.Masked(s, {}, list(n))
              for s, n in zip(sentences, wanted)]
    if steps & {"rerank", "prefix"} and hasattr(engine, "decode"):
        from termkit.mt import constrain
        raw = constrain.decode(engine, masked, steps, matcher_tgt)
    else:
        raw = engine.translate([m.text for m in masked])
    outputs, missing = [], []
    for m, text, need in zip(masked, raw, wanted):
        text = enforce.restore(text, m, tgt)[0]
        outputs.append(text)
        missing.append(enforce.shortfall(text, need, matcher_tgt))
    if "postedit" in steps and any(missing):
        sources = sorted({n.source for lost in missing for n in lost})
        greedy = {"beam_size": 1} if hasattr(engine, "decode") else {}   # terms: short, cheap
        rendering = dict(zip(sources, engine.translate(sources, **greedy)))
        for i, lost in enumerate(missing):
            for need in sorted(lost, key=lambda n: -n.start):
                outputs[i] = enforce.postedit(outputs[i], need, len(sentences[i]), tgt,
                                              matcher_tgt, rendering.get(need.source, ""))
    return [enforce.fix_forbidden(re.sub(r"\s+", " ", o).strip(), matcher_tgt, tgt)
            for o in outputs]
