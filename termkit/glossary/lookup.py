"""Which glossary terms occur in a text, with what to use instead and their equivalents."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from termkit.glossary.index import TermIndex
from termkit.i18n import _
from termkit.lang import codes


@dataclass
class Found:
    """One glossary term found in the text; ``text[start:end]`` of the text is ``text``."""

    start: int
    end: int
    text: str
    concept: str                         # the concept's id
    term: str                            # the glossary term matched
    status: str | None
    lang: str                            # the language section the term is in
    use: list[str]                       # for a forbidden term: the terms to use instead
    equivalents: dict[str, list[str]]    # target language → the terms to use there

    def line(self) -> str:
        """The line ``termkit glossary lookup`` prints."""
        status = f" ({self.status})" if self.status else ""
        line = f"{self.start}-{self.end}  {self.text}  →  {self.concept}: {self.term}{status}"
        if self.use:
            line += "  " + _("[do not use; use: {terms}]").format(terms=" | ".join(self.use))
        for code, terms in self.equivalents.items():
            line += f"  {code}: {' | '.join(terms) or '—'}"
        return line


def lookup(index: TermIndex, text: str, lang: str = "fr",
           targets: list[str] | None = None) -> list[Found]:
    """The glossary terms of ``lang`` in ``text``, in text order, each with its equivalents in
    ``targets`` (default: every other language of the glossary) and, when it is deprecated or
    superseded, the ``lang`` terms to use instead."""
    if targets is None:
        targets = [code for code in index.glossary.languages() if not codes.same(code, lang)]
    found = []
    for match in index.find(text, lang):
        concept, term = match.concept, match.term
        found.append(Found(match.start, match.end, match.text, concept.id, term.text,
                           term.status, match.lang,
                           concept.equivalents(lang) if term.forbidden else [],
                           {code: concept.equivalents(code, term) for code in targets}))
    return found


def report(file: str, lang: str, found: list[Found]) -> dict[str, Any]:
    """The JSON form of a lookup: file, lang and the matches."""
    return {"file": file, "lang": lang, "matches": [asdict(item) for item in found]}
