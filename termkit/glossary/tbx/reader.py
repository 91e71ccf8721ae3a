"""Streaming TBX reader: v3 (ISO 30042:2019, DCA and DCT styles) and v2 (``<martif>``).

Entries are parsed one at a time with ``lxml.etree.iterparse`` (the safe options of
``termkit.xmlsafe``) and cleared once converted, so memory stays bounded. What termkit does not
interpret is kept verbatim (serialised XML without the TBX namespace) in the ``extra`` lists.
"""

from __future__ import annotations

import io
import os
import re
from typing import IO, Callable

from lxml import etree

from termkit import io as tkio
from termkit import xmlsafe
from termkit.errors import TermkitError
from termkit.glossary.gcpause import paused_gc
from termkit.glossary.model import Concept, Glossary
from termkit.glossary.tbx.convert import Converter
from termkit.glossary.tbx.vocab import ENTRIES, HEADERS, VERSIONS, XML_LANG, local

HEAD = 65536
#: objects allocated by a load beyond which the cyclic garbage collector is run once at its end
GC_AFTER = 100_000
_TAGS = tuple("{*}" + name for name in (*VERSIONS, *ENTRIES, *HEADERS, "back"))
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
    if root is not None and local(root.rpartition(":")[2]) not in VERSIONS:
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



class Reader:
    """One streaming pass over a TBX document; ``on_entry(element)`` sees each entry first."""

    def __init__(self, name: str | os.PathLike,
                 on_entry: Callable[[etree._Element], None] | None = None):
        self.name = str(name)
        self.on_entry = on_entry
        self.glossary = Glossary()
        self.root: etree._Element | None = None
        self.version: int | None = None
        self.convert = Converter()
        self._unnamed: list[Concept] = []  # entries without an id, named once all ids are known

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
                    elif name in HEADERS:
                        self._no_entities(el)
                        self.convert.header(el, self.glossary)
                    elif name == "back":
                        self._no_entities(el)
                        self.glossary.extra.append(self.convert.verbatim(el))
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
        if el.getparent() is not None or name not in VERSIONS:
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
        self.version = VERSIONS[name]
        self.convert = Converter(el.tag[1:].partition("}")[0] if el.tag.startswith("{") else "")
        glossary = self.glossary
        glossary.lang = el.get(XML_LANG) or el.get("lang")
        dialect = el.get("type") or ""
        glossary.dialect = dialect if re.fullmatch(r"TBX-.+", dialect) else "TBX-Basic"

    def _entry(self, el: etree._Element) -> None:
        if self.on_entry is not None:
            self.on_entry(el)
        self._no_entities(el)
        concept = self.convert.concept(el)
        if not concept.id:
            self._unnamed.append(concept)
        self.glossary.concepts.append(concept)
        el.clear()
        parent = el.getparent()
        while el.getprevious() is not None:
            del parent[0]

    def _no_entities(self, el: etree._Element) -> None:
        if self._doctype:
            for ref in el.iter(etree.Entity):
                raise TermkitError(f"{self.name}:{ref.sourceline}: undefined entity reference "
                                   f"{ref.text} (entities are not allowed)")


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
                return VERSIONS.get(local(el.tag))
    except (OSError, etree.XMLSyntaxError):
        return None
    return None


def read(path: str | os.PathLike,
         on_entry: Callable[[etree._Element], None] | None = None) -> Glossary:
    """Read a TBX v3 or v2 file (``-`` is stdin), streaming."""
    return parse(path, on_entry).glossary


def loads(data: bytes, name: str | os.PathLike = "<input>",
          on_entry: Callable[[etree._Element], None] | None = None) -> Glossary:
    """Read a TBX document held in memory."""
    return parse_bytes(data, name, on_entry).glossary


def parse(path: str | os.PathLike,
          on_entry: Callable[[etree._Element], None] | None = None) -> Reader:
    """Read a TBX file (``-`` is stdin); the reader holds the glossary, ``root`` and ``version``."""
    name = "<stdin>" if str(path) == "-" else str(path)
    reader = Reader(name, on_entry)
    with open_source(path) as source:
        try:
            head = source.read(HEAD)
            source.seek(0)
        except OSError as exc:
            raise TermkitError(f"{name}: cannot read ({exc.strerror})") from None
        reader.run(source, head)
    return reader


def parse_bytes(data: bytes, name: str | os.PathLike = "<input>",
                on_entry: Callable[[etree._Element], None] | None = None) -> Reader:
    """``parse`` for a document held in memory."""
    reader = Reader(name, on_entry)
    reader.run(io.BytesIO(data), data[:HEAD])
    return reader
