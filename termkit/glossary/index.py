"""The term index: the one answer to "which glossary terms are in this text?".

A :class:`TermIndex` is built once from a glossary and handed to every stage that asks
(lookup, alignment anchors, translation and its output check, catalogue checks, term
extraction). It holds one matcher per language, built on first use, and is identified by the
glossary's content :attr:`~TermIndex.fingerprint`: an edited glossary is a new index, never a
stale cached one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from termkit.glossary.match import Match, Matcher
from termkit.glossary.model import Glossary
from termkit.lang import codes

__all__ = ["Match", "Matcher", "TermIndex", "fingerprint"]


def fingerprint(glossary: Glossary) -> str:
    """The sha256 (hex) of the glossary's content: concepts, language sections and terms with
    every field, in order. Equal content gives an equal fingerprint, any edit a new one."""
    digest = hashlib.sha256()
    for concept in glossary:
        digest.update(json.dumps(asdict(concept), ensure_ascii=False, sort_keys=True)
                      .encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


class TermIndex:
    """One matcher per language over one glossary, each built once, on first use."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._matchers: dict[str, Matcher] = {}
        self._fingerprint: str | None = None

    @property
    def fingerprint(self) -> str:
        """The glossary's content fingerprint (see :func:`fingerprint`), computed once."""
        if self._fingerprint is None:
            self._fingerprint = fingerprint(self.glossary)
        return self._fingerprint

    def matcher(self, lang: str) -> Matcher:
        """The matcher of the terms in ``lang`` (``fr``, ``fr-FR`` and ``fr_FR`` share one)."""
        key = codes.base(lang)
        found = self._matchers.get(key)
        if found is None:
            found = self._matchers[key] = Matcher(self.glossary, key)
        return found

    def find(self, text: str, lang: str) -> list[Match]:
        """Every term occurrence of ``lang`` in ``text`` (leftmost-longest, sorted by start)."""
        return self.matcher(lang).find(text)
