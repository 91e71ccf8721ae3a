"""Glossary validation: the official TBX RELAX NG schema plus termkit's own checks.

``validate(path)`` streams a TBX v3 file once: each entry is checked against the schema's
``conceptEntry`` pattern as soon as it is parsed (memory stays bounded), the rest of the document
(header, back matter) against the full schema with the entries left out, then the glossary
against termkit's checks. TBX v2 and CSV files get termkit's checks only (CSV: ``csv.problems``).
"""

from __future__ import annotations

import copy
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from lxml import etree

from termkit.glossary import files, tbx_read
from termkit.glossary.model import STATUSES, TERM_TYPES, Concept, Glossary, Term
from termkit.i18n import _
from termkit.lang.codes import LANG_CODE

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_FILES = {"TBX-Basic": "TBXcoreStructV03_TBX-Basic_integrated.rng",
                "TBX-Core": "TBXcoreStructV03_TBX-Core_integrated.rng"}
RNG = "{http://relaxng.org/ns/structure/1.0}"
#: TBX-Basic picklists (values outside them are warnings)
PICKLISTS = {
    "part_of_speech": ("noun", "verb", "adjective", "adverb", "properNoun", "other"),
    "gender": ("masculine", "feminine", "neuter", "other"),
    "term_type": TERM_TYPES,
}
#: libxml2 errors that only repeat a more precise error about the same element
CASCADE = ("RELAXNG_ERR_EXTRACONTENT", "RELAXNG_ERR_NOELEM", "RELAXNG_ERR_CONTENTVALID",
           "RELAXNG_ERR_INTERSEQ", "RELAXNG_ERR_INTEREXTRA", "RELAXNG_ERR_ELEMNOTEMPTY",
           "RELAXNG_ERR_NOSTATE", "RELAXNG_ERR_INTERNODATA", "RELAXNG_ERR_ELEMEXTRANS")


@dataclass
class Problem:
    """One finding: where it is (file, line, concept) and what is wrong."""

    file: str
    line: int | None
    concept_id: str | None
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        concept = f" [{self.concept_id}]" if self.concept_id else ""
        return f"{where}:{concept} {self.severity}: {self.message}"


class Finding(NamedTuple):
    """What a check function yields; ``check`` adds file and line."""

    concept: Concept | None
    message: str
    severity: str = "error"


# -- schema -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Schema:
    """A dialect's RELAX NG schema in the three forms streaming validation needs."""

    dialect: str
    entry: etree.RelaxNG     # start = conceptEntry
    outline: etree.RelaxNG   # whole document, every conceptEntry must be empty
    types: dict              # element name → allowed values of its type attribute
    elements: frozenset      # names of the TBX elements the schema knows


@lru_cache(maxsize=None)
def schema(dialect: str = "TBX-Basic") -> Schema:
    """The bundled schema of ``dialect`` (TBX-Basic or TBX-Core)."""
    grammar = etree.parse(str(SCHEMA_DIR / SCHEMA_FILES[dialect]))
    types = _types(grammar)
    entry = copy.deepcopy(grammar)
    start = entry.getroot().find(RNG + "start")
    start[:] = [etree.Element(RNG + "ref", name="conceptEntry")]
    outline = copy.deepcopy(grammar)
    define = next(d for d in outline.getroot().iter(RNG + "define")
                  if d.get("name") == "conceptEntry")
    element = etree.Element(RNG + "element", name="conceptEntry")
    etree.SubElement(element, RNG + "empty")
    define[:] = [element]
    elements = frozenset(e.get("name") for e in grammar.getroot().iter(RNG + "element")
                         if e.get("name"))
    return Schema(dialect, etree.RelaxNG(entry), etree.RelaxNG(outline), types, elements)


def _types(grammar: etree._ElementTree) -> dict[str, list[str]]:
    """Element name → allowed values of its ``type`` attribute, from a RELAX NG grammar."""
    defines = {d.get("name"): d for d in grammar.getroot().iter(RNG + "define")}
    return {name[:-6]: [v.text for v in d.iter(RNG + "value")]
            for name, d in defines.items() if name.endswith(".types")}


@lru_cache(maxsize=None)
def category_elements(dialect: str = "TBX-Basic") -> dict[str, str]:
    """Data category → the DCA element that holds it (``customerSubset`` → ``admin``) in the
    bundled schema of ``dialect`` (TBX-Basic when it has none)."""
    grammar = etree.parse(str(SCHEMA_DIR / SCHEMA_FILES.get(dialect, SCHEMA_FILES["TBX-Basic"])))
    return {category: element for element, categories in _types(grammar).items()
            for category in categories}


def _found(scope: etree._Element, line: int, name: str) -> etree._Element | None:
    for node in scope.iter():
        if isinstance(node.tag, str) and node.sourceline == line and \
                tbx_read.local(node.tag) == name:
            return node
    return None


def _plain(error, scope: etree._Element, sch: Schema) -> str:
    """A message a terminologist understands for one libxml2 RelaxNG error."""
    text, kind = error.message, error.type_name
    words = re.findall(r"(?:element|attribute|for element|content:) ?(\S+)", text)
    if kind == "RELAXNG_ERR_ELEMWRONG" and words:
        return _("<{0}> is not allowed here").format(words[0])
    if kind == "RELAXNG_ERR_ELEMNAME":
        match = re.search(r"Expecting element (\S+), got (\S+)", text)
        if match:
            return _("expected <{0}> but found <{1}> (wrong element or wrong order)").format(
                *match.groups())
    if kind == "RELAXNG_ERR_INVALIDATTR":
        match = re.search(r"Invalid attribute (\S+) for element (\S+)", text)
        if match:
            return _("<{1}> does not allow the attribute {0}").format(*match.groups())
    if kind == "RELAXNG_ERR_TYPEVAL":
        match = re.search(r"Type (\S+) doesn't allow value '(.*)'", text)
        if match:
            datatype, value = match.groups()
            hint = {"ID": _("an identifier must start with a letter or '_' and contain no "
                            "spaces"),
                    "date": _("dates are written YYYY-MM-DD"),
                    "language": _("use a language code such as fr or en-GB")}.get(datatype, "")
            return _("'{0}' is not a valid {1} value").format(value, datatype) + \
                (f" ({hint})" if hint else "")
    if kind == "RELAXNG_ERR_ATTRVALID":
        name = re.search(r"Element (\S+) failed", text)
        node = _found(scope, error.line, name.group(1)) if name else None
        if node is not None:
            return _bad_attributes(node, sch)
    if kind == "RELAXNG_ERR_DUPID":
        return _("the id {0} is used more than once").format(text.split()[1])
    if kind == "RELAXNG_ERR_EXTRACONTENT":
        match = re.search(r"Element (\S+) has extra content: (\S+)", text)
        if match:
            return _("<{1}> is not allowed inside <{0}> at this position "
                     "(wrong element or wrong order)").format(*match.groups())
    if kind == "RELAXNG_ERR_NOELEM":
        match = re.search(r"Expecting an element (\S+), got nothing", text)
        if match:
            return _("a required <{0}> is missing").format(match.group(1))
    if kind == "RELAXNG_ERR_CONTENTVALID":
        return _("<{0}> has content {1} does not allow (an element is wrong, missing or out of "
                 "order)").format(words[0] if words else "?", sch.dialect)
    return text


def _bad_attributes(node: etree._Element, sch: Schema) -> str:
    name = tbx_read.local(node.tag)
    kind = node.get("type")
    allowed = sch.types.get(name)
    if kind is not None and allowed is not None and kind not in allowed:
        choices = ", ".join(allowed) if allowed else _("none")
        return _('<{0} type="{1}">: "{1}" is not a {2} data category for <{0}> '
                 "(allowed: {3})").format(name, kind, sch.dialect, choices)
    if name == "tbx":
        return _('the <tbx> root needs type="TBX-…", style="dca" or "dct" and xml:lang')
    return _("<{0}> has a missing or invalid attribute").format(name)


def diagnose(scope: etree._Element, sch: Schema) -> Iterator[tuple[int, str]]:
    """(line, message) for common mistakes libxml2 reports only vaguely."""
    for node in scope.iter():
        if not isinstance(node.tag, str) or not node.tag.startswith("{%s}" % tbx_read.TBX_NS):
            continue
        name = tbx_read.local(node.tag)
        allowed = sch.types.get(name)
        text = (node.text or "").strip()
        if name not in sch.elements:
            yield node.sourceline, _("<{0}> is not a TBX element").format(name)
        elif allowed is not None and node.get("type") not in (None, *allowed):
            yield node.sourceline, _bad_attributes(node, sch)
        elif name == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            yield node.sourceline, _("the date '{0}' must be written YYYY-MM-DD").format(text)
        elif name == "xref" and not re.match(r"https?://.", node.get("target") or ""):
            yield node.sourceline, _("<xref> needs a target that is an http(s) address")


def schema_problems(log, scope: etree._Element, sch: Schema, file: str,
                    concept_id: str | None) -> list[Problem]:
    """Turn a RelaxNG error log about ``scope`` into problems, dropping cascading repeats."""
    found = list(diagnose(scope, sch))
    lines = {line for line, _message in found}
    problems = [Problem(file, line, concept_id, message) for line, message in found]
    errors = [e for e in log if e.type_name != "RELAXNG_OK" and e.line not in lines]
    if found:  # libxml2's element-order errors are then usually echoes of these
        errors = [e for e in errors if e.type_name not in ("RELAXNG_ERR_ELEMNAME",
                                                           "RELAXNG_ERR_ATTRVALID")]
    precise = [e for e in errors if e.type_name not in CASCADE]
    if precise:
        typed_lines = {e.line for e in precise if e.type_name in
                       ("RELAXNG_ERR_TYPEVAL", "RELAXNG_ERR_INVALIDATTR")}
        chosen = [e for e in precise if not (e.type_name == "RELAXNG_ERR_ATTRVALID"
                                             and e.line in typed_lines)]
    else:
        chosen = [] if problems else sorted(errors, key=lambda e: CASCADE.index(e.type_name))[:1]
    seen = set()
    for error in chosen:
        message = _plain(error, scope, sch)
        if (error.line, message) not in seen:
            seen.add((error.line, message))
            problems.append(Problem(file, error.line or None, concept_id, message))
    return problems


# -- termkit's own checks -----------------------------------------------------------------

def duplicate_ids(glossary: Glossary) -> Iterator[Finding]:
    """Concept ids and term ids must be unique in the file."""
    seen: set[str] = set()
    for concept in glossary.concepts:
        ids = [concept.id]
        for section in concept.langs.values():
            for term in section.terms:
                if term.id:
                    ids.append(term.id)
        for ident in ids:
            if ident in seen:
                yield Finding(concept, _("the id '{0}' is used more than once").format(ident))
            seen.add(ident)


def concept_without_terms(glossary: Glossary) -> Iterator[Finding]:
    for concept in glossary.concepts:
        if not _has_terms(concept):
            yield Finding(concept, _("the concept has no terms"))


def langsec_without_terms(glossary: Glossary) -> Iterator[Finding]:
    for concept in glossary.concepts:
        if _has_terms(concept):
            for code, section in concept.langs.items():
                if not section.terms:
                    yield Finding(concept, _("the language section '{0}' has no terms")
                                  .format(code))


def empty_terms(glossary: Glossary) -> Iterator[Finding]:
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if not term.text.strip():
                    yield Finding(concept, _("a term in '{0}' is empty").format(code))


def unknown_statuses(glossary: Glossary) -> Iterator[Finding]:
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if term.status is not None and term.status not in STATUSES:
                    yield Finding(concept, _("term '{0}' ({1}) has an unknown status '{2}' (use "
                                             "preferred, admitted, deprecated or superseded)")
                                  .format(term.text, code, term.status))


def bad_languages(glossary: Glossary) -> Iterator[Finding]:
    if glossary.lang is not None and not LANG_CODE.fullmatch(glossary.lang):
        yield Finding(None, _("the file's language '{0}' is not a valid language code")
                      .format(glossary.lang))
    valid: dict[str, bool] = {}  # a file uses few codes: match each once
    for concept in glossary.concepts:
        for code in concept.langs:
            known = valid.get(code)
            if known is None:
                known = valid[code] = bool(LANG_CODE.fullmatch(code))
            if known:
                continue
            if not code:
                yield Finding(concept, _("a language section has no language code (xml:lang)"))
            else:
                hint = code.replace("_", "-") if "_" in code else "fr, en-GB"
                yield Finding(concept, _("'{0}' is not a valid language code (BCP 47, e.g. "
                                         "{1})").format(code, hint))


def missing_xrefs(glossary: Glossary) -> Iterator[Finding]:
    ids = {concept.id for concept in glossary.concepts}
    for concept in glossary.concepts:
        for target in concept.xrefs:
            if target not in ids:
                yield Finding(concept, _("cross-reference to '{0}', which is not a concept in "
                                         "this file").format(target))


def conflicting_statuses(glossary: Glossary) -> Iterator[Finding]:
    """A term preferred in one place and deprecated/superseded in another."""
    forbidden: list[tuple[str, Concept, str]] = []
    for concept, code, term in _statused(glossary, lambda term: term.forbidden):
        forbidden.append((_term_key(code, term), concept,
                          f"'{term.text}' ({code}) is {term.status}"))
    if not forbidden:
        return
    # only the keys of forbidden terms are looked up: a large glossary's preferred terms are not
    # all kept in memory
    wanted = {key for key, _concept, _what in forbidden}
    preferred: dict[str, Concept] = {}
    for concept, code, term in _statused(glossary, lambda term: term.status == "preferred"):
        key = _term_key(code, term)
        if key in wanted:
            preferred.setdefault(key, concept)
    for key, concept, what in forbidden:
        other = preferred.get(key)
        if other is concept:
            yield Finding(concept, _("term {0} but also preferred").format(what))
        elif other is not None:
            yield Finding(concept, _("term {0} here but preferred in concept '{1}'")
                          .format(what, other.id), "warning")


def _statused(glossary: Glossary, keep: Callable[[Term], bool]) -> Iterator[tuple]:
    """(concept, language, term) for each term with a status that ``keep`` accepts."""
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if term.status is not None and keep(term):
                    yield concept, code, term


def _term_key(code: str, term: Term) -> str:
    return code.split("-")[0].lower() + "\x00" + term.text.casefold()


def duplicate_terms(glossary: Glossary) -> Iterator[Finding]:
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            texts = [term.text.casefold() for term in section.terms if term.text]
            if len(texts) < 2 or len(set(texts)) == len(texts):
                continue
            counts = Counter(texts)
            for text, count in counts.items():
                if count > 1:
                    yield Finding(concept, _("term '{0}' appears {1} times in '{2}'")
                                  .format(text, count, code), "warning")


def unknown_values(glossary: Glossary) -> Iterator[Finding]:
    """Part of speech, gender and term type outside the TBX-Basic picklists."""
    picklists = PICKLISTS.items()
    for concept in glossary.concepts:
        for code, section in concept.langs.items():
            for term in section.terms:
                if term.part_of_speech is None and term.gender is None and \
                        term.term_type is None:
                    continue
                for field, allowed in picklists:
                    value = getattr(term, field)
                    if value is not None and value not in allowed:
                        yield Finding(concept, _("term '{0}' ({1}): {2} '{3}' is not a "
                                                 "TBX-Basic value ({4})").format(
                            term.text, code, field.replace("_", " "), value,
                            ", ".join(allowed)), "warning")


def _has_terms(concept: Concept) -> bool:
    return any(section.terms for section in concept.langs.values())


CHECKS: list[Callable[[Glossary], Iterator[Finding]]] = [
    duplicate_ids, concept_without_terms, langsec_without_terms, empty_terms, unknown_statuses,
    bad_languages, missing_xrefs, conflicting_statuses, duplicate_terms, unknown_values,
]


def check(glossary: Glossary, file: str = "", lines: list[int] | None = None) -> list[Problem]:
    """termkit's own checks; ``lines`` (one per concept) gives each problem its line."""
    where: dict[int, int] = {}
    problems = []
    for run in CHECKS:
        for finding in run(glossary):
            concept = finding.concept
            if lines and not where:
                where = {id(c): line for c, line in zip(glossary.concepts, lines)}
            problems.append(Problem(str(file), where.get(id(concept)) if concept else None,
                                    concept.id if concept else None, finding.message,
                                    finding.severity))
    return problems


# -- the whole file -----------------------------------------------------------------------

def validate(path: str | os.PathLike, dialect: str | None = None) -> list[Problem]:
    """All problems of a glossary file: TBX schema (v3) and termkit's checks, in file order.

    ``dialect`` forces the schema (``TBX-Basic`` or ``TBX-Core``); by default the file's own
    ``type`` picks it. Unreadable or hostile files raise ``TermkitError``.
    """
    name = str(path)
    if files.kind(path) != "tbx":
        from termkit.glossary import csv

        return csv.problems(path)
    problems: list[Problem] = []
    lines: list[int] = []
    chosen: list[Schema] = []

    def on_entry(entry: etree._Element) -> None:
        lines.append(entry.sourceline)
        if not chosen:
            root = entry.getroottree().getroot()
            if tbx_read.local(root.tag) != "tbx":
                chosen.append(None)
            else:
                chosen.append(_pick(root.get("type"), dialect, name, problems))
        sch = chosen[0]
        # Validate a detached copy: validating an element of the tree iterparse is still
        # building corrupts libxml2's memory (seen as segfaults on real files).
        # (lxml's __deepcopy__ copies the subtree into a new document; called directly, it
        # skips copy.deepcopy's memo bookkeeping)
        alone = entry.__deepcopy__(None)
        if sch is not None and not sch.entry.validate(alone):
            problems.extend(schema_problems(sch.entry.error_log, alone, sch, name,
                                            entry.get("id")))

    glossary, reader = tbx_read.parse(path, on_entry)
    if reader.version == 3:
        sch = chosen[0] if chosen else _pick(reader.root.get("type"), dialect, name, problems)
        if not sch.outline.validate(reader.root):
            problems.extend(schema_problems(sch.outline.error_log, reader.root, sch, name, None))
    else:
        problems.append(Problem(name, None, None, _(
            "TBX v2 (martif) file: no schema is bundled for TBX v2, so only termkit's own "
            "checks were run"), "warning"))
    problems.extend(check(glossary, name, lines))
    problems.sort(key=lambda p: p.line or 0)
    return problems


def _pick(kind: str | None, forced: str | None, name: str, problems: list[Problem]) -> Schema:
    dialect = forced or kind or "TBX-Basic"
    if dialect not in SCHEMA_FILES:
        problems.append(Problem(name, None, None, _(
            "dialect '{0}' has no bundled schema; checked against TBX-Basic").format(dialect),
            "warning"))
        dialect = "TBX-Basic"
    return schema(dialect)
