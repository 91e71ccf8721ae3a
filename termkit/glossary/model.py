"""The glossary model: concept → language sections → terms, as in TBX (ISO 30042).

Formats (``tbx``, ``csv``) only read and write this model. Information a format holds but
termkit does not interpret is kept verbatim in ``extra`` (serialised XML elements, in
document order) so that a round-trip loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from termkit.lang import codes

#: administrative statuses termkit knows (TBX ``administrativeStatus`` without ``Term-admn-sts``)
STATUSES = ("preferred", "admitted", "deprecated", "superseded")
#: TBX-Basic ``termType`` values
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
#: term types that name a form (an acronym's equivalent is an acronym, a full form's a full form)
FORMS = ("acronym", "abbreviation", "shortForm", "fullForm")
#: status spellings (lower case, without ``-admn-sts`` and ``term``) → model status
STATUS_ALIASES = {
    "preferred": "preferred", "standardized": "preferred", "legal": "preferred",
    "regulated": "preferred", "recommended": "preferred",
    "admitted": "admitted", "permitted": "admitted", "accepted": "admitted",
    "allowed": "admitted",
    "deprecated": "deprecated", "forbidden": "deprecated", "notrecommended": "deprecated",
    "rejected": "deprecated",
    "superseded": "superseded", "obsolete": "superseded", "outdated": "superseded",
}


@lru_cache(maxsize=1024)
def status_value(raw: str) -> str:
    """THE status rule: the model status of a value read from TBX or CSV
    (``preferredTerm-admn-sts``, ``Preferred``, ``standardized`` → ``preferred``).

    A value termkit does not know is returned stripped but otherwise unchanged (validation
    reports it).
    """
    key = raw.strip().lower().replace("-admn-sts", "").replace("_", "").replace(" ", "")
    key = key.removesuffix("term").removesuffix("-")
    return STATUS_ALIASES.get(key, raw.strip())


@dataclass(slots=True)
class Term:
    """One term of one language section."""

    text: str
    status: str | None = None          # preferred, admitted, deprecated, superseded
    part_of_speech: str | None = None  # noun, verb, adjective, adverb, properNoun, other
    gender: str | None = None          # masculine, feminine, neuter, other
    number: str | None = None          # singular, plural, ...
    term_type: str | None = None       # fullForm, acronym, abbreviation, shortForm, variant, phrase
    context: str | None = None         # a sentence showing the term in use
    source: str | None = None
    note: str | None = None
    id: str | None = None
    extra: list[str] = field(default_factory=list)

    @property
    def forbidden(self) -> bool:
        """True for a term that must never be produced (deprecated or superseded)."""
        return self.status in ("deprecated", "superseded")


@dataclass(slots=True)
class LangSec:
    """The terms of one concept in one language, with language-level information."""

    lang: str
    terms: list[Term] = field(default_factory=list)
    definition: str | None = None
    note: str | None = None
    source: str | None = None
    extra: list[str] = field(default_factory=list)

    def preferred(self) -> Term | None:
        """The term to use: the first preferred one, else the first not forbidden one."""
        allowed = [term for term in self.terms if not term.forbidden]
        for term in allowed:
            if term.status == "preferred":
                return term
        return allowed[0] if allowed else None


@dataclass(slots=True)
class Concept:
    """One concept (TBX ``conceptEntry`` / ``termEntry``)."""

    id: str
    langs: dict[str, LangSec] = field(default_factory=dict)  # keyed by language code, in order
    subject_field: str | None = None
    definition: str | None = None      # concept-level definition (TBX allows it there too)
    note: str | None = None
    source: str | None = None
    xrefs: list[str] = field(default_factory=list)  # ids of related concepts (crossReference)
    extra: list[str] = field(default_factory=list)

    def lang(self, code: str) -> LangSec | None:
        """The language section for ``code``: the one of the same tag
        (:func:`termkit.lang.codes.loose_tag`: ``fr_FR`` is ``fr-FR``, case aside), else the
        section of the bare language (``en-US`` finds ``en``), else the first of the same
        language (``en`` and ``en-US`` find ``en-GB``: :func:`termkit.lang.codes.same`)."""
        if code in self.langs:
            return self.langs[code]
        wanted, bare = codes.loose_tag(code), codes.base(code)
        found, found_bare = None, False
        for key, section in self.langs.items():
            tagged = codes.loose_tag(key)
            if tagged == wanted:
                return section
            if tagged == bare and not found_bare:
                found, found_bare = section, True
            elif found is None and codes.same(key, code):
                found = section
        return found

    def equivalent(self, source: Term, code: str) -> Term | None:
        """The ``code`` term to use for ``source``: the preferred one, or the best allowed term
        of the same form when ``source`` is an acronym, abbreviation, short or full form
        (ONUDC → UNODC, not United Nations Office on Drugs and Crime)."""
        section = self.lang(code)
        if section is None:
            return None
        if source.term_type in FORMS:
            same = [t for t in section.terms if t.term_type == source.term_type and not t.forbidden]
            if same:
                return next((t for t in same if t.status == "preferred"), same[0])
        return section.preferred()

    def equivalents(self, code: str, source: Term | None = None) -> list[str]:
        """The texts of the ``code`` terms to use: every preferred one, else the first allowed
        one; with a ``source`` term, its equivalent of the same form comes first."""
        section = self.lang(code)
        if section is None:
            return []
        preferred = [term.text for term in section.terms if term.status == "preferred"]
        first = section.preferred()
        found = preferred or ([first.text] if first else [])
        same = self.equivalent(source, code) if source is not None else None
        if same is not None:
            found = [same.text] + [text for text in found if text != same.text]
        return found

    def terms(self, code: str | None = None) -> Iterator[tuple[str, Term]]:
        """(language, term) pairs, of one language or of all."""
        for key, section in self.langs.items():
            if code is None or section is self.lang(code):
                for term in section.terms:
                    yield key, term


@dataclass(slots=True)
class Glossary:
    """A terminology collection."""

    concepts: list[Concept] = field(default_factory=list)
    lang: str | None = None            # the document's main language (xml:lang of the root)
    title: str | None = None
    dialect: str = "TBX-Basic"
    header: list[str] = field(default_factory=list)   # serialised header elements, verbatim
    extra: list[str] = field(default_factory=list)    # back matter and other verbatim elements

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        """The concept with this id, or None."""
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        return None

    def languages(self) -> list[str]:
        """Every language code used, in first-seen order."""
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for code in concept.langs:
                seen.setdefault(code, None)
        return list(seen)
