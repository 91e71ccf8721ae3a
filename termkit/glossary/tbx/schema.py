"""The bundled TBX RELAX NG schemas (TBX-Basic, TBX-Core) and streaming validation against them.

A document is checked once, as the reader streams it: each entry against the schema's
``conceptEntry`` pattern as soon as it is parsed (memory stays bounded), then the rest of the
document (header, back matter) against the full schema with the entries left out. libxml2's
errors become messages a terminologist understands.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from lxml import etree

from termkit.glossary.problems import Problem
from termkit.glossary.tbx.vocab import TBX_NS, local
from termkit.i18n import _

#: the schemas are package data of termkit.glossary (see pyproject.toml)
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_FILES = {"TBX-Basic": "TBXcoreStructV03_TBX-Basic_integrated.rng",
                "TBX-Core": "TBXcoreStructV03_TBX-Core_integrated.rng"}
DEFAULT = "TBX-Basic"
RNG = "{http://relaxng.org/ns/structure/1.0}"
#: libxml2 errors that only repeat a more precise error about the same element
CASCADE = ("RELAXNG_ERR_EXTRACONTENT", "RELAXNG_ERR_NOELEM", "RELAXNG_ERR_CONTENTVALID",
           "RELAXNG_ERR_INTERSEQ", "RELAXNG_ERR_INTEREXTRA", "RELAXNG_ERR_ELEMNOTEMPTY",
           "RELAXNG_ERR_NOSTATE", "RELAXNG_ERR_INTERNODATA", "RELAXNG_ERR_ELEMEXTRANS")


@dataclass(frozen=True)
class Schema:
    """A dialect's RELAX NG schema in the three forms streaming validation needs."""

    dialect: str
    entry: etree.RelaxNG     # start = conceptEntry
    outline: etree.RelaxNG   # whole document, every conceptEntry must be empty
    types: dict              # element name → allowed values of its type attribute
    elements: frozenset      # names of the TBX elements the schema knows


@lru_cache(maxsize=None)
def _grammar(dialect: str) -> etree._ElementTree:
    """The parsed RELAX NG grammar of ``dialect`` (never modified: callers copy it)."""
    return etree.parse(str(SCHEMA_DIR / SCHEMA_FILES[dialect]))


@lru_cache(maxsize=None)
def _types(dialect: str) -> dict[str, list[str]]:
    """Element name → allowed values of its ``type`` attribute, from the grammar."""
    defines = {d.get("name"): d for d in _grammar(dialect).getroot().iter(RNG + "define")}
    return {name[:-6]: [v.text for v in d.iter(RNG + "value")]
            for name, d in defines.items() if name.endswith(".types")}


@lru_cache(maxsize=None)
def schema(dialect: str = DEFAULT) -> Schema:
    """The bundled schema of ``dialect`` (TBX-Basic or TBX-Core)."""
    grammar = _grammar(dialect)
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
    return Schema(dialect, etree.RelaxNG(entry), etree.RelaxNG(outline), _types(dialect),
                  elements)


@lru_cache(maxsize=None)
def category_elements(dialect: str = DEFAULT) -> dict[str, str]:
    """Data category → the DCA element that holds it (``customerSubset`` → ``admin``) in the
    bundled schema of ``dialect`` (TBX-Basic when it has none)."""
    types = _types(dialect if dialect in SCHEMA_FILES else DEFAULT)
    return {category: element for element, categories in types.items()
            for category in categories}


def _found(scope: etree._Element, line: int, name: str) -> etree._Element | None:
    for node in scope.iter():
        if isinstance(node.tag, str) and node.sourceline == line and \
                local(node.tag) == name:
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
    name = local(node.tag)
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
        if not isinstance(node.tag, str) or not node.tag.startswith("{%s}" % TBX_NS):
            continue
        name = local(node.tag)
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


class Checker:
    """Checks one TBX document against its dialect's schema while the reader streams it:
    ``entry`` (the reader's ``on_entry``) checks each entry, ``finish`` the rest.

    ``dialect`` forces the schema; by default the document's own ``type`` picks it.
    """

    def __init__(self, name: str, dialect: str | None = None):
        self.name = name
        self.dialect = dialect
        self.problems: list[Problem] = []
        self._schema: Schema | None = None
        self._chosen = False

    def entry(self, entry: etree._Element) -> None:
        """Check one entry (``conceptEntry``) of a v3 document; v2 entries are skipped."""
        if not self._chosen:
            self._chosen = True
            root = entry.getroottree().getroot()
            if local(root.tag) == "tbx":
                self._schema = self._pick(root.get("type"))
        sch = self._schema
        if sch is None:
            return
        # Validate a detached copy: validating an element of the tree iterparse is still
        # building corrupts libxml2's memory (seen as segfaults on real files).
        # (lxml's __deepcopy__ copies the subtree into a new document; called directly, it
        # skips copy.deepcopy's memo bookkeeping)
        alone = entry.__deepcopy__(None)
        if not sch.entry.validate(alone):
            self.problems.extend(schema_problems(sch.entry.error_log, alone, sch, self.name,
                                                 entry.get("id")))

    def finish(self, root: etree._Element, version: int | None) -> list[Problem]:
        """Check the document outside its entries (``root`` once every entry was seen) and
        return all the problems found."""
        if version == 3:
            sch = self._schema if self._chosen else self._pick(root.get("type"))
            if not sch.outline.validate(root):
                self.problems.extend(schema_problems(sch.outline.error_log, root, sch,
                                                     self.name, None))
        else:
            self.problems.append(Problem(self.name, None, None, _(
                "TBX v2 (martif) file: no schema is bundled for TBX v2, so only termkit's own "
                "checks were run"), "warning"))
        return self.problems

    def _pick(self, kind: str | None) -> Schema:
        dialect = self.dialect or kind or DEFAULT
        if dialect not in SCHEMA_FILES:
            self.problems.append(Problem(self.name, None, None, _(
                "dialect '{0}' has no bundled schema; checked against TBX-Basic").format(
                    dialect), "warning"))
            dialect = DEFAULT
        return schema(dialect)
