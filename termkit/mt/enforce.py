"""Glossary enforcement around any engine.

Steps, each optional (``method`` names them joined by ``+``):

- ``mask``: replace each source term by a name-like placeholder the model copies (``Tom``),
  restore the glossary's target term afterwards (case, French elision and articles);
- ``rerank``: decode n-best (CTranslate2) and keep the best hypothesis that keeps the most
  placeholders / target terms;
- ``prefix``: for a placeholder still missing, re-decode with ``target_prefix`` = the hypothesis
  up to where the model attended to it + the placeholder (CTranslate2): inclusion guaranteed;
- ``postedit``: for a term still missing, replace another term of the concept in the output
  (admitted or forbidden), else the engine's own rendering of the source term, else insert the
  target term where it belongs.

Forbidden target terms are always replaced by the preferred term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from termkit.errors import TermkitError
from termkit.glossary.index import TermIndex
from termkit.i18n import _
from termkit.lang import articles, codes
from termkit.lang.inflect import countable, is_plural, plural
from termkit.mt.check import Need

#: name-like placeholders, in order of preference (the tiny test model copies "Tom" best)
PLACEHOLDERS = ("Tom", "Jana", "Nils", "Boris", "Tim", "Laura", "Nina", "Kurt", "Sven", "Olga",
                "Igor", "Rita", "Hugo", "Ines", "Lars", "Vera")
STEPS = ("mask", "rerank", "prefix", "postedit")
#: the default combination per engine: the best term accuracy, then chrF, then speed measured
#: by benchmarks/bench_mt.py (see README: tiny model and Apertium, FR→EN domain sentences)
DEFAULT = {"argos": "rerank+postedit", "apertium": "mask+postedit"}


def steps(method: str | None, engine_name: str) -> set[str]:
    """The set of steps a method string names (``none`` = no enforcement but forbidden terms)."""
    method = method or DEFAULT.get(engine_name, "mask+postedit")
    if method == "none":
        return set()
    chosen = set(method.split("+"))
    unknown = chosen - set(STEPS)
    if unknown:
        raise TermkitError(_("unknown enforcement step {step}; use none or a +-joined "
                             "combination of {steps}").format(step=sorted(unknown)[0],
                                                              steps=", ".join(STEPS)))
    return chosen


@dataclass
class Masked:
    """A source sentence with placeholders, and which need each placeholder stands for."""

    text: str
    slots: dict[str, Need] = field(default_factory=dict)
    rest: list[Need] = field(default_factory=list)    # needs left unmasked


def mask(text: str, needs: list[Need], source: str) -> Masked:
    """Replace each term occurrence by a placeholder absent from ``text`` (French elision undone)."""
    free = [p for p in PLACEHOLDERS if not occurrences(p, text)]
    french = codes.base(source) == "fr"
    slots, rest, parts, pos = {}, [], [], 0
    for need in needs:
        if not free:
            rest.append(need)
            continue
        holder = free.pop(0)
        before = text[pos:need.start]
        if french:
            before = articles.unelide(before)
        parts += [before, holder]
        pos = need.end
        slots[holder] = need
    parts.append(text[pos:])
    return Masked("".join(parts), slots, rest)


def occurrences(holder: str, text: str) -> list[re.Match]:
    """Where placeholder ``holder`` occurs in ``text`` as a word."""
    return list(re.finditer(rf"(?<!\w){re.escape(holder)}(?!\w)", text))


def place(before: str, need: Need, target: str) -> tuple[str, str]:
    """The text before a restored term (adjusted) and the term as it should appear there."""
    form = plural(need.term.text, target) if need.plural else need.term.text
    # an article before a common noun: l’ONUDC, la traite; but INTERPOL, Frontex as written
    before, text = articles.join(before, need.term, target, text=form, plural=need.plural,
                                 article=not need.dnt)
    if not any(ch.isalnum() for ch in before) and not need.dnt:
        text = text[:1].upper() + text[1:]
    return before, text


def restore(output: str, masked: Masked, target: str) -> tuple[str, list[Need]]:
    """Put the target terms in for the placeholders; the needs whose placeholder was lost."""
    found = []
    for holder, need in masked.slots.items():
        output = re.sub(rf"(?<!\w){holder}(?:\W+{holder})+(?!\w)", holder, output)
        for m in occurrences(holder, output):
            found.append((m.start(), m.end(), need))
    missing = [need for holder, need in masked.slots.items() if not occurrences(holder, output)]
    out, pos = "", 0
    for start, end, need in sorted(found, key=lambda f: f[0]):
        before, text = place(out + output[pos:start], need, target)
        out, pos = before + text, end
    return out + output[pos:], missing


def has_all(text: str, masked: Masked) -> int:
    """How many placeholders ``text`` keeps."""
    return sum(1 for holder in masked.slots if occurrences(holder, text))


def postedit(output: str, need: Need, source_len: int, index: TermIndex, target: str,
             rendering: str = "") -> str:
    """Put a missing target term in: replace another term of its concept (admitted, forbidden),
    else the engine's own ``rendering`` of the source term, else insert it at the word boundary
    nearest its relative position in the source (never inside another glossary term)."""
    found = index.find(output, target)
    same = [m for m in found if m.concept is need.concept and m.term is not need.term]
    if same:
        before, text = place(output[:same[0].start], need, target)
        return before + text + output[same[0].end:]
    if rendering.strip():
        hit = re.search(rf"(?<!\w){re.escape(rendering.strip().rstrip('.'))}(?!\w)", output,
                        re.IGNORECASE)
        if hit and not any(m.start < hit.end() and hit.start() < m.end for m in found):
            before, text = place(output[:hit.start()], need, target)
            return before + text + output[hit.end():]
    body = output.rstrip()
    tail = output[len(body):]
    stop = re.search(r"[.!?…:;]+[\"»”’)]*$", body)
    end = stop.start() if stop else len(body)
    want = round(end * need.start / max(1, source_len))
    bounds = [b for b in [0] + [m.end() for m in re.finditer(r"\s+", body[:end])] + [end]
              if not any(m.start < b < m.end for m in found)]
    at = min(bounds, key=lambda b: abs(b - want))
    before = body[:at]
    if at == end and before and not before.endswith(" "):
        before += " "
    before, text = place(before, need, target)
    after = body[at:end]
    sep = " " if after and not after.startswith(" ") else ""
    return before + text + sep + after + body[end:] + tail


def shortfall(output: str, needs: list[Need], index: TermIndex, target: str) -> list[Need]:
    """The needs whose preferred target term the output lacks (occurrences are counted)."""
    have = Counter(id(m.term) for m in index.find(output, target))
    lost = []
    for need in needs:
        if have[id(need.term)] > 0:
            have[id(need.term)] -= 1
        else:
            lost.append(need)
    return lost


def fix_forbidden(output: str, index: TermIndex, target: str) -> str:
    """Replace every forbidden target term by its concept's preferred term."""
    for m in reversed(index.find(output, target)):
        if not m.term.forbidden:
            continue
        section = m.concept.lang(target)
        good = section.preferred() if section else None
        if good is None:
            continue
        text = good.text
        if is_plural(output, m.start, m.end, target) and countable(
                good, [t.text for t in section.terms]):
            text = plural(text, target)
        if m.text[:1].isupper() and not m.start:
            text = text[:1].upper() + text[1:]
        output = output[:m.start] + text + output[m.end:]
    return output
