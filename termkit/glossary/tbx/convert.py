"""Turning the elements of a TBX document into model objects (the reader's conversion half).

Plain elements whose data category termkit knows fill model fields; anything else is kept
verbatim (serialised without the TBX namespace, indentation dropped) in the ``extra`` lists.
"""

from __future__ import annotations

import copy
import sys

from lxml import etree

from termkit.glossary.model import Concept, Glossary, LangSec, Term, status_value
from termkit.glossary.tbx.indent import compact
from termkit.glossary.tbx.vocab import (CONCEPT_FIELDS, DEFAULT_SOURCE_DESC, GROUPS, LANG_FIELDS,
                                        LANGS, TERM_FIELDS, TERMS, TK_NS, TYPED, XML_LANG, XREF,
                                        local)

#: fields whose few distinct values are interned (saves memory on large files)
PICKED = {"part_of_speech", "gender", "number", "term_type", "subject_field"}
#: term data category → (field, how its normalised value is stored)
TERM_PLAIN = {key: (attr, status_value if attr == "status" else
                    sys.intern if attr in PICKED else None)
              for key, attr in TERM_FIELDS.items()}


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _dct_to_dca(node: etree._Element, categories: dict[str, str]) -> None:
    """Turn a DCT element of a TBX-Basic data category into its DCA form, in place
    (``<min:customerSubset>`` → ``<admin type="customerSubset">``): termkit writes DCA, where
    DCT elements next to DCA ones are invalid. Other elements are left alone. ``categories``:
    ``schema.category_elements()``."""
    name = local(node.tag)
    element = categories.get(name)
    if element is None or node.tag.startswith("{%s}" % TK_NS) or "type" in node.attrib:
        return
    attrs = dict(node.attrib)
    node.tag = element
    node.attrib.clear()
    node.set("type", name)
    for key, value in attrs.items():
        node.set(key, value)


class Converter:
    """Converts the elements of one document whose TBX namespace is ``ns`` (``""``: none)."""

    def __init__(self, ns: str = ""):
        self.ns = ns
        self._kinds: dict = {}
        self._termgrp = "{%s}termGrp" % ns if ns else "termGrp"
        self._categories: dict[str, str] | None = None   # for DCT elements, on first use

    def _category_elements(self) -> dict[str, str]:
        if self._categories is None:
            from termkit.glossary.tbx.schema import category_elements  # parses the schema

            self._categories = category_elements()
        return self._categories

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
                    _dct_to_dca(node, self._category_elements())
            etree.cleanup_namespaces(clone)
        compact(clone)
        clone.tail = None
        return etree.tostring(clone, encoding="unicode")

    def concept(self, el: etree._Element) -> Concept:
        """The concept of an entry (its id is empty when the entry has none)."""
        concept = Concept(el.get("id") or "")
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

    def header(self, el: etree._Element, glossary: Glossary) -> None:
        """Fill ``glossary``'s title and kept header elements from a TBX header."""
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
