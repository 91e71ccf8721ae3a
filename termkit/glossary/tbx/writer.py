"""Streaming TBX writer: v3 TBX-Basic DCA (default) or v2 ``<martif type="TBX-Basic">``.

Entries are written one at a time into an ``etree.xmlfile``, so writing never holds the whole
document. An entry without kept XML is serialised straight to text (``_Text``, byte for byte what
lxml would write, several times faster); the others are built as small lxml elements, with the
elements kept verbatim in ``extra`` written back in place.
"""

from __future__ import annotations

import io
import os
import re
from typing import IO

from lxml import etree

from termkit import xmlsafe
from termkit.errors import TermkitError
from termkit.glossary.model import Concept, Glossary, Term
from termkit.glossary.tbx.indent import PADS, UNIT, indent
from termkit.glossary.tbx.vocab import (DEFAULT_SOURCE_DESC, STATUS_EXPORT, TBX_NS, TK_NS, V2, V3,
                                        XML_LANG, Names, local)
from termkit.io import atomic_write

BASIC = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
XML_MODELS = (
    f'href="{BASIC}TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"',
    f'href="{BASIC}TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"',
)
V2_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
TERM_NOTES = {"termNote", "termNoteGrp", "termCompList"}
FILE_DESC = ("titleStmt", "publicationStmt", "sourceDesc")
HEADER_ORDER = ("fileDesc", "encodingDesc", "revisionDesc")


class _Builder:
    """Turns model objects into (namespace-free) TBX elements."""

    def __init__(self, glossary: Glossary, names: Names):
        self.names = names
        self.parser = xmlsafe.parser()
        targets = {ref for concept in glossary.concepts for ref in concept.xrefs}
        self.labels = {c.id: _label(c, glossary.lang) for c in glossary.concepts
                       if c.id in targets} if targets else {}

    def fragment(self, text: str) -> etree._Element:
        try:
            return etree.fromstring(text, self.parser)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise TermkitError(f"cannot write TBX: kept XML is not well-formed ({exc}): "
                               f"{text[:80]}") from None

    def header(self, glossary: Glossary) -> etree._Element:
        head = etree.Element(self.names.header)
        desc = etree.SubElement(head, "fileDesc")
        kept = [self.fragment(text) for text in glossary.header]
        parts = [el for el in kept if local(el.tag) in FILE_DESC]
        if glossary.title and not any(local(el.tag) == "titleStmt" for el in parts):
            title = etree.Element("titleStmt")
            etree.SubElement(title, "title").text = glossary.title
            parts.insert(0, title)
        if not any(local(el.tag) == "sourceDesc" for el in parts):
            parts.append(self.fragment(DEFAULT_SOURCE_DESC))
        for el in sorted(parts, key=lambda e: FILE_DESC.index(local(e.tag))):
            desc.append(el)
        rest = [el for el in kept if local(el.tag) not in FILE_DESC]
        order = {name: i for i, name in enumerate(HEADER_ORDER)}
        for el in sorted(rest, key=lambda e: order.get(local(e.tag), len(order))):
            head.append(el)
        return head

    def concept(self, concept: Concept) -> etree._Element:
        entry = etree.Element(self.names.entry, id=concept.id)
        _text(entry, "descrip", concept.subject_field, type="subjectField")
        _described(entry, "definition", concept.definition, concept.source)
        _text(entry, "note", concept.note)
        for target in concept.xrefs:
            _text(entry, "ref", self.labels.get(target) or target, type="crossReference",
                  target=target)
        self.extras(entry, concept.extra)
        for code, section in concept.langs.items():
            lang = etree.SubElement(entry, self.names.lang)
            lang.set(XML_LANG, section.lang or code)
            _described(lang, "definition", section.definition, section.source)
            _text(lang, "note", section.note)
            self.extras(lang, section.extra)
            for term in section.terms:
                lang.append(self.term(term))
        return entry

    def term(self, term: Term) -> etree._Element:
        sec = etree.Element(self.names.term)
        text = etree.SubElement(sec, "term")
        text.text = term.text
        if term.id:
            text.set("id", term.id)
        if term.status:
            _text(sec, "termNote", STATUS_EXPORT.get(term.status, term.status),
                  type="administrativeStatus")
        _text(sec, "termNote", term.part_of_speech, type="partOfSpeech")
        _text(sec, "termNote", term.gender, type="grammaticalGender")
        if term.number and self.names.version == 3:  # not a TBX-Basic category: termNoteGrp + DCT
            group = etree.SubElement(sec, "termNoteGrp")
            number = etree.SubElement(group, f"{{{TK_NS}}}grammaticalNumber", nsmap={"tk": TK_NS})
            number.text = term.number
        else:
            _text(sec, "termNote", term.number, type="grammaticalNumber")
        _text(sec, "termNote", term.term_type, type="termType")
        kept = [self.fragment(text) for text in term.extra]
        # kept termNotes must stay with the term notes, before the descriptive elements
        sec.extend(el for el in kept if local(el.tag) in TERM_NOTES)
        _described(sec, "context", term.context, term.source)
        _text(sec, "note", term.note)
        sec.extend(el for el in kept if local(el.tag) not in TERM_NOTES)
        return sec

    def extras(self, parent: etree._Element, kept: list[str]) -> None:
        parent.extend(self.fragment(text) for text in kept)


def _text(parent: etree._Element, tag: str, value: str | None, **attrs: str) -> None:
    if value:
        etree.SubElement(parent, tag, attrs).text = value


def _described(parent: etree._Element, kind: str, value: str | None,
               source: str | None) -> None:
    """``descrip`` (definition/context) and its source, grouped when both are there."""
    if value and source:
        parent = etree.SubElement(parent, "descripGrp")
    _text(parent, "descrip", value, type=kind)
    _text(parent, "admin", source, type="source")


def _label(concept: Concept, lang: str | None) -> str | None:
    """The term naming ``concept`` in a cross-reference: preferred, document language first."""
    first = concept.lang(lang) if lang else None
    for section in ([first] if first else []) + list(concept.langs.values()):
        term = section.preferred()
        if term is not None:
            return term.text
    return None


#: characters lxml refuses or escapes in ways the text path does not: such concepts take the
#: element path (which raises or escapes exactly as before)
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _esc(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _leaf(kids: list[str], tag: str, value: str | None, attrs: str = "") -> None:
    if value:
        kids.append(f"<{tag}{attrs}>{_esc(value)}</{tag}>")


def _box(start: str, tag: str, kids: list[str], level: int) -> str:
    """An element holding ``kids``, indented as ``indent`` lays out element-only content."""
    if not kids:
        return start[:-1] + "/>"
    pad = PADS[level + 1]
    return start + pad + pad.join(kids) + PADS[level] + f"</{tag}>"


class _Text:
    """Serialises concepts without extra elements straight to indented TBX text.

    The same output as building lxml elements, indenting and serialising them, several times
    faster. ``concept`` returns None when the element path must be taken (kept XML, characters
    lxml refuses or escapes specially, values that are not strings).
    """

    def __init__(self, names: Names, labels: dict[str, str | None]):
        self.names = names
        self.labels = labels

    def concept(self, concept: Concept, level: int = 3) -> str | None:
        if concept.extra or any(section.extra or any(term.extra for term in section.terms)
                                for section in concept.langs.values()):
            return None
        try:
            text = self._concept(concept, level)
        except (AttributeError, TypeError):
            return None
        return None if _SPECIAL.search(text) else text

    def _concept(self, concept: Concept, level: int) -> str:
        names = self.names
        kids: list[str] = []
        _leaf(kids, "descrip", concept.subject_field, ' type="subjectField"')
        self._described(kids, "definition", concept.definition, concept.source, level + 1)
        _leaf(kids, "note", concept.note)
        for target in concept.xrefs:
            _leaf(kids, "ref", self.labels.get(target) or target,
                  f' type="crossReference" target="{_attr(target)}"')
        for code, section in concept.langs.items():
            sub: list[str] = []
            self._described(sub, "definition", section.definition, section.source, level + 2)
            _leaf(sub, "note", section.note)
            sub.extend(self._term(term, level + 2) for term in section.terms)
            kids.append(_box(f'<{names.lang} xml:lang="{_attr(section.lang or code)}">',
                             names.lang, sub, level + 1))
        return _box(f'<{names.entry} id="{_attr(concept.id)}">', names.entry, kids, level)

    def _term(self, term: Term, level: int) -> str:
        kids = [f'<term id="{_attr(term.id)}">' if term.id else "<term>"]
        kids[0] += _esc(term.text) + "</term>"
        if term.status:
            _leaf(kids, "termNote", STATUS_EXPORT.get(term.status, term.status),
                  ' type="administrativeStatus"')
        _leaf(kids, "termNote", term.part_of_speech, ' type="partOfSpeech"')
        _leaf(kids, "termNote", term.gender, ' type="grammaticalGender"')
        if term.number and self.names.version == 3:  # see _Builder.term
            number = f'<tk:grammaticalNumber xmlns:tk="{TK_NS}">{_esc(term.number)}' \
                "</tk:grammaticalNumber>"
            kids.append(_box("<termNoteGrp>", "termNoteGrp", [number], level + 1))
        else:
            _leaf(kids, "termNote", term.number, ' type="grammaticalNumber"')
        _leaf(kids, "termNote", term.term_type, ' type="termType"')
        self._described(kids, "context", term.context, term.source, level + 1)
        _leaf(kids, "note", term.note)
        return _box(f"<{self.names.term}>", self.names.term, kids, level)

    @staticmethod
    def _described(kids: list[str], kind: str, value: str | None, source: str | None,
                   level: int) -> None:
        """The text form of ``_described``."""
        into = [] if value and source else kids
        _leaf(into, "descrip", value, f' type="{kind}"')
        _leaf(into, "admin", source, ' type="source"')
        if into is not kids:
            kids.append(_box("<descripGrp>", "descripGrp", into, level))


def stream(glossary: Glossary, out: IO[bytes], version: int = 3) -> None:
    """Write ``glossary`` as TBX to the binary file ``out``, one entry at a time."""
    if version not in (2, 3):
        raise TermkitError(f"unknown TBX version {version}; use 2 or 3")
    names = V3 if version == 3 else V2
    build = _Builder(glossary, names)
    lang = glossary.lang or next(iter(glossary.languages()), None) or "en"
    # termkit writes TBX-Basic data categories, which TBX-Core (DCT only) cannot hold
    dialect = glossary.dialect if (glossary.dialect or "").startswith("TBX-") and \
        glossary.dialect != "TBX-Core" else "TBX-Basic"
    ns = TBX_NS if version == 3 else None
    qname = (lambda name: f"{{{ns}}}{name}") if ns else (lambda name: name)
    # literal "xml:lang": xmlfile would otherwise declare a prefix for the xml namespace
    attrs = {"type": dialect, "style": "dca", "xml:lang": lang} if ns else \
        {"type": dialect, "xml:lang": lang}
    header = build.header(glossary)
    indent(header, 1)
    header.tail = "\n" + UNIT
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        if ns:
            for model in XML_MODELS:
                instruction = etree.ProcessingInstruction("xml-model", model)
                instruction.tail = "\n"
                xf.write(instruction)
        else:
            xf.write_doctype(V2_DOCTYPE)
        with xf.element(qname(names.root), attrs, nsmap={None: ns} if ns else None):
            xf.write("\n" + UNIT)
            xf.write(header)
            with xf.element(qname("text")):
                xf.write("\n" + UNIT * 2)
                with xf.element(qname("body")):
                    _entries(glossary, build, xf, out)
                for text in glossary.extra:
                    back = build.fragment(text)
                    indent(back, 2)
                    back.tail = None
                    xf.write("\n" + UNIT * 2)
                    xf.write(back)
                xf.write("\n" + UNIT)
            xf.write("\n")


def _entries(glossary: Glossary, build: _Builder, xf, out: IO[bytes]) -> None:
    """Write the entries: as text when possible (in batches), else as lxml elements."""
    text = _Text(build.names, build.labels)
    last = len(glossary.concepts) - 1
    batch: list[str] = []
    size = 0
    for index, concept in enumerate(glossary.concepts):
        tail = PADS[3] if index < last else PADS[2]
        done = text.concept(concept)
        if done is not None:
            batch.append((PADS[3] if index == 0 else "") + done + tail)
            size += len(done)
            if size < 1 << 20:
                continue
        if batch:  # raw text goes straight to ``out`` once xmlfile has flushed its buffer
            xf.flush()
            out.write("".join(batch).encode("utf-8"))
            batch, size = [], 0
        if done is None:
            try:
                entry = build.concept(concept)
            except ValueError as exc:  # lxml refuses control characters and the like
                raise TermkitError(f"cannot write TBX: concept {concept.id}: {exc}") from None
            indent(entry, 3)
            if index == 0:
                xf.write(PADS[3])
            entry.tail = tail
            xf.write(entry)
    if batch:
        xf.flush()
        out.write("".join(batch).encode("utf-8"))


def write(glossary: Glossary, path: str | os.PathLike, version: int = 3) -> None:
    """Write ``glossary`` atomically as TBX v3 (TBX-Basic DCA) or v2 (``-`` is stdout)."""
    with atomic_write(path, "wb") as out:
        stream(glossary, out, version)


def dumps(glossary: Glossary, version: int = 3) -> bytes:
    """The TBX document as bytes."""
    buffer = io.BytesIO()
    stream(glossary, buffer, version)
    return buffer.getvalue()
