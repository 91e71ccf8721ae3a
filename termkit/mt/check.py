"""Check a translation against the glossary: required target terms found or missed, forbidden used.

The same check serves ``termkit translate`` and ``termkit po check``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from termkit.glossary.index import TermIndex
from termkit.glossary.model import Concept, Term
from termkit.lang.inflect import countable, is_plural


@dataclass
class Need:
    """A glossary term in the source text and the target term it requires."""

    start: int            # char offsets of the source surface
    end: int
    source: str           # the source surface as written
    concept: Concept
    term: Term            # the target term to produce (preferred)
    dnt: bool = False     # do-not-translate: the target term is the source term itself
    plural: bool = False  # the source has the term in the plural and the target term inflects


@dataclass
class Check:
    """The outcome of checking one source/output pair."""

    required: list[Need] = field(default_factory=list)
    found: list[Need] = field(default_factory=list)
    missed: list[Need] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)   # forbidden target terms in the output

    @property
    def ok(self) -> bool:
        return not self.missed and not self.forbidden

    def as_dict(self) -> dict:
        """JSON-ready: term lists for each outcome."""
        return {"required": [_need_dict(n) for n in self.required],
                "found": [_need_dict(n) for n in self.found],
                "missed": [_need_dict(n) for n in self.missed],
                "forbidden": list(self.forbidden)}


def _need_dict(need: Need) -> dict:
    return {"concept": need.concept.id, "source": need.source, "target": need.term.text}


def needs(text: str, index: TermIndex, src: str, tgt: str) -> list[Need]:
    """The ``tgt`` terms ``text`` (in ``src``) requires: one per glossary match that has a
    usable target term."""
    found = []
    for match in index.find(text, src):
        term = match.concept.equivalent(match.term, tgt)
        if term is None or not term.text.strip():
            continue
        names = [t.text for t in match.concept.lang(tgt).terms]
        plural = (countable(term, names) and not _mass(match)
                  and is_plural(text, match.start, match.end, src))
        found.append(Need(match.start, match.end, match.text, match.concept, term,
                          dnt=term.text == match.term.text, plural=plural))
    return found


def _mass(match) -> bool:
    """A plural source term of a concept that also has singular source terms is a wording of an
    uncountable concept ("migrations illégales" ~ "migration irrégulière" → irregular migration);
    a concept with plural source terms only (services de la protection de l’enfance) counts."""
    section = match.concept.lang(match.lang)
    return match.term.number == "plural" and section is not None and any(
        t.number != "plural" for t in section.terms)


def check(source: str, output: str, index: TermIndex, src: str, tgt: str,
          required: list[Need] | None = None) -> Check:
    """Which required target terms ``output`` has, which it misses, and forbidden terms it uses
    (``required``: the source's :func:`needs`, when the caller has them already)."""
    matcher = index.matcher(tgt)
    if required is None:
        required = needs(source, index, src, tgt)
    matches = matcher.find(output)
    have = Counter(m.concept.id for m in matches if not m.term.forbidden)
    result = Check(required=required,
                   forbidden=[m.text for m in matches if m.term.forbidden])
    for need in required:
        if need.concept.id not in have and _contains(matcher, output, need, tgt):
            have[need.concept.id] = 1
    for need in required:
        cid = need.concept.id
        if have[cid] > 0:
            have[cid] -= 1
            result.found.append(need)
        else:
            result.missed.append(need)
    return result


def _contains(matcher, output: str, need: Need, tgt: str) -> bool:
    section = need.concept.lang(tgt)
    return any(matcher.contains(output, term) for term in section.terms if not term.forbidden)
