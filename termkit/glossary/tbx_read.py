"""Streaming TBX reader: v3 (ISO 30042:2019, DCA and DCT styles) and v2 (``<martif>``).

Entries are parsed one at a time with ``lxml.etree.iterparse`` (the safe options of
``termkit.xmlsafe``) and cleared once converted, so memory stays bounded. What termkit does not
interpret is kept verbatim (serialised XML without the TBX namespace) in the ``extra`` lists.
"""

from __future__ import annotations

import copy
import io
import os
import re
import sys
from functools import lru_cache
from typing import IO, Callable

from lxml import etree

from termkit import io as tkio
from termkit import xmlsafe
from termkit.errors import TermkitError
from termkit.glossary.gcpause import paused_gc
from termkit.glossary.model import Concept, Glossary, LangSec, Term

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: termkit's namespace for data categories TBX-Basic lacks (grammaticalNumber)
TK_NS = "urn:termkit:tbx"
#: the sourceDesc termkit writes when a glossary has none (dropped again on reading)
DEFAULT_SOURCE_DESC = "<sourceDesc><p>termkit</p></sourceDesc>"
HEAD = 65536
#: objects allocated by a load beyond which the cyclic garbage collector is run once at its end
GC_AFTER = 100_000

#: administrative status values (lower case, without ``-admn-sts`` and ``term``) → model status
STATUS_ALIASES = {
    "preferred": "preferred", "standardized": "preferred", "legal": "preferred",
    "regulated": "preferred", "recommended": "preferred",
    "admitted": "admitted", "permitted": "admitted", "accepted": "admitted",
    "allowed": "admitted",
    "deprecated": "deprecated", "forbidden": "deprecated", "notrecommended": "deprecated",
    "rejected": "deprecated",
    "superseded": "superseded", "obsolete": "superseded", "outdated": "superseded",
}
#: model status → TBX value written
STATUS_EXPORT = {s: f"{s}Term-admn-sts" for s in ("preferred", "admitted", "deprecated",
                                                   "superseded")}
XREF = "crossReference"
CONCEPT_FIELDS = {"subjectField": "subject_field", "definition": "definition", "note": "note",
                  "source": "source", XREF: "xrefs"}
LANG_FIELDS = {"definition": "definition", "note": "note", "source": "source"}
TERM_FIELDS = {"administrativeStatus": "status", "normativeAuthorization": "status",
               "partOfSpeech": "part_of_speech", "grammaticalGender": "gender",
               "grammaticalNumber": "number", "termType": "term_type", "context": "context",
               "source": "source", "note": "note"}
#: fields whose few distinct values are interned (saves memory on large files)
PICKED = {"part_of_speech", "gender", "number", "term_type", "subject_field"}
GROUPS = {"descripGrp", "adminGrp", "termNoteGrp"}
TYPED = {"descrip", "admin", "termNote", "ref", "xref"}
INLINE = {"hi", "foreign", "sc", "ec", "ph", "bpt", "ept", "it", "ut"}
ENTRIES = {"conceptEntry", "termEntry"}
LANGS = {"langSec", "langSet"}
TERMS = {"termSec", "tig", "ntig"}
_TAGS = tuple("{*}" + name for name in
              ("tbx", "martif", "conceptEntry", "termEntry", "tbxHeader", "martifHeader", "back"))


def local(tag: str) -> str:
    """The local name of a Clark-notation tag."""
    return tag.rpartition("}")[2]


@lru_cache(maxsize=1024)
def status_value(raw: str) -> str:
    """The model status for a TBX value (``preferredTerm-admn-sts`` → ``preferred``).

    A value termkit does not know is returned unchanged (validation reports it).
    """
    key = raw.strip().lower().replace("-admn-sts", "").replace("_", "").replace(" ", "")
    key = key.removesuffix("term").removesuffix("-")
    return STATUS_ALIASES.get(key, raw.strip())


#: term data category → (field, how its normalised value is stored)
TERM_PLAIN = {key: (attr, status_value if attr == "status" else
                    sys.intern if attr in PICKED else None)
              for key, attr in TERM_FIELDS.items()}


def element_only(el: etree._Element) -> bool:
    """True when ``el`` has child elements and only whitespace between them (no inline markup)."""
    if len(el) == 0 or (el.text and el.text.strip()):
        return False
    for child in el:
        tag = child.tag
        if tag.__class__ is str and tag.rpartition("}")[2] in INLINE:
            return False
        tail = child.tail
        if tail and tail.strip():
            return False
    return True


def compact(el: etree._Element) -> None:
    """Drop indentation whitespace inside element-only content (the inverse of indenting)."""
    if element_only(el):
        el.text = None
        for child in el:
            child.tail = None
    for child in el:
        if isinstance(child.tag, str):
            compact(child)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\s>\[]+\s+(?:SYSTEM\s+([\"'])(.*?)\1|"
                      rb"PUBLIC\s+([\"']).*?\3\s+([\"'])(.*?)\4)", re.S)


def _root_name(head: bytes) -> str | None:
    """The root element's name from the start of a document, or None if not found there."""
    pos, size = 0, len(head)
    while pos < size:
        if head[pos:pos + 1].isspace():
            pos += 1
        elif head.startswith(b"<?", pos) or head.startswith(b"<!--", pos):
            end = head.find(b"?>" if head[pos + 1:pos + 2] == b"?" else b"-->", pos + 2)
            if end < 0:
                return None
            pos = end + 2
        elif head.startswith(b"<!DOCTYPE", pos):
            close = head.find(b">", pos)
            bracket = head.find(b"[", pos)
            if 0 <= bracket < close:
                close = head.find(b">", head.find(b"]", bracket))
            if close < 0:
                return None
            pos = close + 1
        else:
            match = re.match(rb"<([^\s/>]+)", head[pos:pos + 300])
            return match.group(1).decode("utf-8", "replace") if match else None
    return None


def check_head(head: bytes, name: str) -> bytes:
    """Refuse empty, binary, entity-declaring or non-TBX input; return the head as UTF-8."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    elif b"\x00" in head[:8192]:
        raise TermkitError(f"{name}: binary file, expected a TBX (XML) file")
    if not head.strip():
        raise TermkitError(f"{name}: empty file, expected a TBX (XML) file")
    xmlsafe.check_prolog(head, name)
    doctype = _DOCTYPE.search(head)
    system = doctype and (doctype.group(2) or doctype.group(5) or b"").decode("utf-8", "replace")
    if system and re.match(r"[A-Za-z][\w+.-]*:|[/\\]", system):
        raise TermkitError(f"{name}: refusing the external DTD reference {system!r} (DTDs are "
                           "never loaded; remove the DOCTYPE line)")
    root = _root_name(head.removeprefix(b"\xef\xbb\xbf"))
    if root is not None and local(root.rpartition(":")[2]) not in ("tbx", "martif"):
        raise TermkitError(f"{name}: not a TBX file (root element <{root}>, "
                           "expected <tbx> or <martif>)")
    return head


def _ends_properly(source: IO[bytes], root: etree._Element) -> bool:
    """Does the document end with its root's closing tag (a cheap truncation test)?"""
    try:
        size = source.seek(0, os.SEEK_END)
        source.seek(max(0, size - 1024))
        tail = source.read()
    except (OSError, ValueError):
        return True
    tail = re.sub(rb"<!--.*?-->|<\?.*?\?>", b"", tail, flags=re.S).rstrip()
    name = (f"{root.prefix}:" if root.prefix else "") + local(root.tag)
    return tail.endswith(b"</" + name.encode() + b">") or tail.endswith(b"/>")


def _dct_to_dca(node: etree._Element) -> None:
    """Turn a DCT element of a TBX-Basic data category into its DCA form, in place
    (``<min:customerSubset>`` → ``<admin type="customerSubset">``): termkit writes DCA, where
    DCT elements next to DCA ones are invalid. Other elements are left alone."""
    from termkit.glossary.validate import category_elements

    name = local(node.tag)
    element = category_elements().get(name)
    if element is None or node.tag.startswith("{%s}" % TK_NS) or "type" in node.attrib:
        return
    attrs = dict(node.attrib)
    node.tag = element
    node.attrib.clear()
    node.set("type", name)
    for key, value in attrs.items():
        node.set(key, value)


class Reader:
    """One streaming pass over a TBX document; ``on_entry(element)`` sees each entry first."""

    def __init__(self, name: str | os.PathLike,
                 on_entry: Callable[[etree._Element], None] | None = None):
        self.name = str(name)
        self.on_entry = on_entry
        self.glossary = Glossary()
        self.root: etree._Element | None = None
        self.version: int | None = None
        self.ns = ""
        self._kinds: dict = {}
        self._termgrp = "termGrp"
        self._unnamed: list[Concept] = []  # entries without an id, named once all ids are known

    # -- driving the parser -------------------------------------------------------------
    def run(self, source: IO[bytes], head: bytes) -> Glossary:
        """Parse ``source`` (``head`` = its first bytes) and return the glossary."""
        utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
        head = check_head(head, self.name)
        self._doctype = b"<!DOCTYPE" in head
        events = etree.iterparse(source, events=("start", "end"), tag=_TAGS,
                                 **xmlsafe.SAFE_OPTIONS)
        # The model makes no reference cycles, yet on a large file the cyclic collector, woken
        # again and again by the many objects allocated, took half the load time; it is paused
        # and, after a large load, run once (else it would run up to three times later on).
        with paused_gc(collect_after=GC_AFTER):
            try:
                for event, el in events:
                    if event == "start":
                        if self.root is None:
                            self._start(el)
                        continue
                    name = local(el.tag)
                    if name in ENTRIES:
                        self._entry(el)
                    elif name in ("tbxHeader", "martifHeader"):
                        self._no_entities(el)
                        self._header(el)
                    elif name == "back":
                        self._no_entities(el)
                        self.glossary.extra.append(self.verbatim(el))
            except etree.XMLSyntaxError as exc:
                truncated = self.root is not None and not utf16 and \
                    not _ends_properly(source, self.root)
                raise xmlsafe.syntax_error(self.name, exc, truncated) from None
        if self.root is None:
            raise TermkitError(f"{self.name}: not a TBX file (expected <tbx> or <martif> root)")
        self._name_unnamed()
        return self.glossary

    def _name_unnamed(self) -> None:
        """Give entries without an id ``c1``, ``c2``… skipping the ids the file uses."""
        if not self._unnamed:
            return
        used = {concept.id for concept in self.glossary.concepts}
        number = 0
        for concept in self._unnamed:
            number += 1
            while f"c{number}" in used:
                number += 1
            concept.id = f"c{number}"

    def _start(self, el: etree._Element) -> None:
        name = local(el.tag)
        if el.getparent() is not None or name not in ("tbx", "martif"):
            root = el.getroottree().getroot()
            raise TermkitError(f"{self.name}: not a TBX file (root element "
                               f"<{local(root.tag)}>, expected <tbx> or <martif>)")
        # the prolog check reads only the head of the file: a long comment can push a DOCTYPE
        # past it, so look at the DTD libxml2 actually saw as well
        docinfo = el.getroottree().docinfo
        dtd = docinfo.internalDTD
        if dtd is not None and any(True for _entity in dtd.iterentities()):
            raise TermkitError(f"{self.name}: entity declarations are not allowed "
                               "(possible XML entity attack)")
        self._doctype = self._doctype or bool(docinfo.doctype)
        self.root = el
        self.version = 3 if name == "tbx" else 2
        self.ns = el.tag[1:].partition("}")[0] if el.tag.startswith("{") else ""
        self._termgrp = "{%s}termGrp" % self.ns if self.ns else "termGrp"
        glossary = self.glossary
        glossary.lang = el.get(XML_LANG) or el.get("lang")
        dialect = el.get("type") or ""
        glossary.dialect = dialect if re.fullmatch(r"TBX-.+", dialect) else "TBX-Basic"

    def _entry(self, el: etree._Element) -> None:
        if self.on_entry is not None:
            self.on_entry(el)
        self._no_entities(el)
        self.glossary.concepts.append(self._concept(el))
        el.clear()
        parent = el.getparent()
        while el.getprevious() is not None:
            del parent[0]

    def _no_entities(self, el: etree._Element) -> None:
        if self._doctype:
            for ref in el.iter(etree.Entity):
                raise TermkitError(f"{self.name}:{ref.sourceline}: undefined entity reference "
                                   f"{ref.text} (entities are not allowed)")

    # -- conversion ---------------------------------------------------------------------
    def core(self, el: etree._Element) -> str | None:
        """The local name of a TBX element, None for comments and other namespaces."""
        return self._kind(el.tag)[1]

    def _kind(self, tag) -> tuple[str, str | None]:
        """(kind, TBX name) of a tag, cached: kind is skip, dct, note, typed, group or other."""
        known = self._kinds.get(tag)
        if known is not None:
            return known
        if not isinstance(tag, str):
            known = ("skip", None)
        else:
            ns, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
            if ns != self.ns:
                known = ("dct", None)
            else:
                kind = "note" if name == "note" else "typed" if name in TYPED else \
                    "group" if name in GROUPS else "other"
                known = (kind, name)
        self._kinds[tag] = known
        return known

    def verbatim(self, el: etree._Element) -> str:
        """``el`` serialised without the TBX namespace and without indentation."""
        clone = copy.deepcopy(el)
        if self.ns:
            prefix = "{%s}" % self.ns
            for node in clone.iter():
                if isinstance(node.tag, str) and node.tag.startswith(prefix):
                    node.tag = node.tag[len(prefix):]
                elif isinstance(node.tag, str) and node.tag.startswith("{"):
                    _dct_to_dca(node)
            etree.cleanup_namespaces(clone)
        compact(clone)
        clone.tail = None
        return etree.tostring(clone, encoding="unicode")

    def _concept(self, el: etree._Element) -> Concept:
        concept = Concept(el.get("id") or "")
        if not concept.id:
            self._unnamed.append(concept)
        kinds = self._kinds
        for child in el:
            tag = child.tag
            kind, name = kinds.get(tag) or self._kind(tag)
            if name in LANGS:
                self._langsec(concept, child)
            elif kind == "typed":
                if not self._plain(concept, child, CONCEPT_FIELDS):
                    self._field(concept, child, CONCEPT_FIELDS, kind)
            elif kind != "skip":
                self._field(concept, child, CONCEPT_FIELDS, kind)
        return concept

    def _langsec(self, concept: Concept, el: etree._Element) -> None:
        code = sys.intern((el.get(XML_LANG) or el.get("lang") or "").strip())
        section = concept.langs.get(code)
        if section is None:
            section = concept.langs[code] = LangSec(code)
        terms = section.terms
        kinds = self._kinds
        for child in el:
            tag = child.tag
            kind, name = kinds.get(tag) or self._kind(tag)
            if name in TERMS:
                terms.append(self._term(child))
            elif kind == "typed":
                if not self._plain(section, child, LANG_FIELDS):
                    self._field(section, child, LANG_FIELDS, kind)
            elif kind != "skip":
                self._field(section, child, LANG_FIELDS, kind)

    def _term(self, el: etree._Element) -> Term:
        term = Term("")
        found = False
        children = el
        if len(el) and el[0].tag == self._termgrp:  # v2 ntig: termGrp holds the term
            children = list(el)
            children[:1] = list(children[0])
        kinds = self._kinds
        for child in children:
            tag = child.tag
            kind, name = kinds.get(tag) or self._kind(tag)
            if kind == "typed":
                # the common case, inlined: <termNote type="...">plain text</termNote>
                if not len(child):
                    attrs = child.items()
                    if len(attrs) == 1 and attrs[0][0] == "type":
                        spec = TERM_PLAIN.get(attrs[0][1])
                        text = child.text
                        if spec is not None and text:
                            attr, convert = spec
                            if getattr(term, attr) is None:
                                value = " ".join(text.split())
                                if value:
                                    setattr(term, attr, convert(value) if convert else value)
                                    continue
                self._field(term, child, TERM_FIELDS, kind)
            elif name == "term" and not found:
                found = True
                text = child.text if not len(child) else "".join(child.itertext())
                term.text = " ".join(text.split()) if text else ""
                term.id = child.get("id") or el.get("id")
            elif kind != "skip":
                self._field(term, child, TERM_FIELDS, kind)
        return term

    @staticmethod
    def _plain(obj, el: etree._Element, fields: dict[str, str]) -> bool:
        """Set a free field of ``obj`` from a typed element holding plain text only."""
        if len(el):
            return False
        attrs = el.items()
        if len(attrs) != 1 or attrs[0][0] != "type":
            return False
        attr = fields.get(attrs[0][1])
        text = el.text
        if attr is None or attr == "xrefs" or not text or getattr(obj, attr) is not None:
            return False
        value = " ".join(text.split())
        if not value:
            return False
        setattr(obj, attr, status_value(value) if attr == "status" else
                sys.intern(value) if attr in PICKED else value)
        return True

    def _field(self, obj, el: etree._Element, fields: dict[str, str], kind: str) -> None:
        """Interpret ``el`` into a field of ``obj`` if it is plain and the field is free."""
        if kind == "group":
            items = None if el.attrib else [self._item(child) for child in el]
            if not items or None in items or not self._assign(obj, items, fields):
                obj.extra.append(self.verbatim(el))
            return
        item = self._item(el)
        attr = fields.get(item[0]) if item else None
        if attr == "xrefs":
            obj.xrefs.append(item[1])
        elif attr is not None and getattr(obj, attr) is None:
            setattr(obj, attr, status_value(item[1]) if attr == "status" else item[1])
        else:
            obj.extra.append(self.verbatim(el))

    def _item(self, el: etree._Element) -> tuple[str, str] | None:
        """(data category, value) of a plain element, or None."""
        kind = (self._kinds.get(el.tag) or self._kind(el.tag))[0]
        if kind == "typed":
            key = el.get("type")
        elif kind == "note":
            key = "note"
        elif kind == "dct":
            key = local(el.tag)
        else:
            return None
        if key is None or len(el):
            return None
        names = el.keys()
        if names:
            allowed = ("type", "target") if key == XREF else ("type",) if kind == "typed" else ()
            if any(attr not in allowed for attr in names):
                return None
        value = el.get("target") if key == XREF else " ".join((el.text or "").split())
        return (key, value) if value else None

    @staticmethod
    def _assign(obj, items: list[tuple[str, str]], fields: dict[str, str]) -> bool:
        keys = [key for key, _ in items]
        if len(set(keys)) != len(keys):
            return False
        for key in keys:
            attr = fields.get(key)
            if attr is None or (attr != "xrefs" and getattr(obj, attr) is not None):
                return False
        for key, value in items:
            attr = fields[key]
            if attr == "xrefs":
                obj.xrefs.append(value)
            else:
                setattr(obj, attr, status_value(value) if attr == "status" else value)
        return True

    def _header(self, el: etree._Element) -> None:
        glossary = self.glossary
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if self.core(child) != "fileDesc":
                glossary.header.append(self.verbatim(child))
                continue
            for sub in child:
                if not isinstance(sub.tag, str):
                    continue
                if self.core(sub) == "titleStmt" and glossary.title is None:
                    title = self._title(sub)
                    if title:
                        glossary.title = title
                        continue
                text = self.verbatim(sub)
                if text != DEFAULT_SOURCE_DESC:
                    glossary.header.append(text)

    def _title(self, el: etree._Element) -> str | None:
        """The title of a titleStmt holding nothing else."""
        if el.attrib or len(el) != 1:
            return None
        title = el[0]
        if self.core(title) != "title" or title.attrib or len(title):
            return None
        return _clean(title.text) or None


def open_source(path: str | os.PathLike) -> IO[bytes]:
    """Open ``path`` for reading (``-`` is stdin) or raise a one-line ``TermkitError``."""
    if str(path) == "-":
        return io.BytesIO(tkio.read_bytes("-"))
    try:
        return open(path, "rb")
    except OSError:
        tkio.read_bytes(path)  # fails the same way, with termkit's one-line message
        raise


def version(path: str | os.PathLike) -> int | None:
    """The TBX version of a file from its root element (3: ``<tbx>``, 2: ``<martif>``), read up
    to the root's start tag only; None when there is no such root."""
    try:
        with open(path, "rb") as source:
            for _event, el in etree.iterparse(source, events=("start",), **xmlsafe.SAFE_OPTIONS):
                return {"tbx": 3, "martif": 2}.get(local(el.tag))
    except (OSError, etree.XMLSyntaxError):
        return None
    return None


def read(path: str | os.PathLike,
         on_entry: Callable[[etree._Element], None] | None = None) -> Glossary:
    """Read a TBX v3 or v2 file (``-`` is stdin), streaming."""
    return parse(path, on_entry)[0]


def parse(path: str | os.PathLike,
          on_entry: Callable[[etree._Element], None] | None = None) -> tuple[Glossary, Reader]:
    """Like ``read`` but also returns the reader (its ``root`` and ``version``)."""
    name = "<stdin>" if str(path) == "-" else str(path)
    reader = Reader(name, on_entry)
    with open_source(path) as source:
        try:
            head = source.read(HEAD)
            source.seek(0)
        except OSError as exc:
            raise TermkitError(f"{name}: cannot read ({exc.strerror})") from None
        reader.run(source, head)
    return reader.glossary, reader


def loads(data: bytes, name: str | os.PathLike = "<input>") -> Glossary:
    """Read a TBX document held in memory."""
    return Reader(name).run(io.BytesIO(data), data[:HEAD])
