"""TMX 1.4b translation memories: write and read, with a lossless round-trip.

Attributes termkit does not interpret, ``prop`` and ``note`` elements, inline markup inside
``seg`` (``bpt``, ``ph``…) and unknown elements are all kept, so ``dumps(loads(data))``
gives back the same memory. Parsing goes through :mod:`termkit.xmlsafe`.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field

from lxml import etree

from termkit import __version__
from termkit.errors import TermkitError
from termkit.lang import codes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, U+FFFE/U+FFFF, surrogates)
_UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the characters XML cannot hold (what every termkit TMX writer does)."""
    return _UNFIT.sub("", text)


class _Attributed:
    """Equality of a ``prop`` or ``note`` that also compares its ``attrs``."""

    _base: type

    def __eq__(self, other):
        if not isinstance(other, self._base):
            return NotImplemented
        return self._base.__eq__(self, other) and self.attrs == getattr(other, "attrs", {})

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal


class Prop(_Attributed, tuple):
    """A ``prop``: unpacks as ``(type, value)``; ``attrs`` keeps its other attributes
    (``xml:lang``, ``o-encoding``)."""

    _base = tuple
    __hash__ = tuple.__hash__

    def __new__(cls, kind: str, value: str, attrs: dict[str, str] | None = None):
        self = super().__new__(cls, (kind, value))
        self.attrs = dict(attrs or {})
        return self

    def __getnewargs__(self):
        return self[0], self[1], self.attrs


class Note(_Attributed, str):
    """A ``note``'s text; ``attrs`` keeps its attributes (``xml:lang``, ``o-encoding``)."""

    _base = str
    __hash__ = str.__hash__

    def __new__(cls, text: str, attrs: dict[str, str] | None = None):
        self = super().__new__(cls, text)
        self.attrs = dict(attrs or {})
        return self

    def __getnewargs__(self):
        return str(self), self.attrs


@dataclass
class Variant:
    """One language version of a unit (``tuv``): its segment text, or verbatim inline markup."""

    lang: str
    text: str
    markup: str | None = None     # inner XML of ``seg`` when it holds inline elements
    attrs: dict[str, str] = field(default_factory=dict)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)   # other child elements, serialised


@dataclass
class Unit:
    """A translation unit (``tu``)."""

    variants: list[Variant]
    attrs: dict[str, str] = field(default_factory=dict)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)   # unknown child elements, serialised

    def text(self, lang: str) -> str | None:
        """The segment of the first variant in ``lang`` (``en`` also finds ``en-GB``)."""
        for variant in self.variants:
            if variant.lang == lang or codes.same(variant.lang, lang):
                return variant.text
        return None

    def prop(self, kind: str) -> str | None:
        """The value of the first ``prop`` of this type."""
        return next((value for key, value in self.props if key == kind), None)


@dataclass
class Memory:
    """A TMX document: header attributes, properties and notes, and units."""

    units: list[Unit] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    version: str = "1.4"
    extra: list[str] = field(default_factory=list)   # other header elements (ude), serialised

    @property
    def srclang(self) -> str | None:
        return self.header.get("srclang")


def now() -> str:
    """A TMX date: ``YYYYMMDDThhmmssZ`` in UTC."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def new_header(srclang: str, **attrs: str) -> dict[str, str]:
    """The required header attributes for a memory written by termkit."""
    header = {"creationtool": "termkit", "creationtoolversion": __version__,
              "datatype": "plaintext", "segtype": "sentence", "adminlang": "en",
              "srclang": srclang, "o-tmf": "termkit", "creationdate": now()}
    header.update(attrs)
    return header


# ---------------------------------------------------------------- writing

def _child(parent: etree._Element, tag: str, attrs: dict[str, str],
           props: list[tuple[str, str]], notes: list[str], extra: list[str] = ()
           ) -> etree._Element:
    """A new child element with its attributes, ``prop``/``note`` children and kept extras."""
    element = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        element.set(key, value)
    for prop in props:
        kind, value = prop
        attrib = {"type": kind, **getattr(prop, "attrs", {})}
        etree.SubElement(element, "prop", attrib=attrib).text = value
    for note in notes:
        etree.SubElement(element, "note", attrib=getattr(note, "attrs", {})).text = str(note)
    for xml in extra:
        element.append(etree.fromstring(xml))
    return element


def _check_text(text: str, where: str) -> str:
    try:
        etree.Element("x").text = text
    except ValueError:
        raise TermkitError(f"{where}: text contains characters XML cannot hold") from None
    return text


def dumps(memory: Memory) -> bytes:
    """The memory as TMX bytes (UTF-8, indented)."""
    root = etree.Element("tmx", version=memory.version)
    _child(root, "header", memory.header, memory.props, memory.notes, memory.extra)
    body = etree.SubElement(root, "body")
    segs = []
    for number, unit in enumerate(memory.units, 1):
        tu = _child(body, "tu", unit.attrs, unit.props, unit.notes, unit.extra)
        for variant in unit.variants:
            tuv = _child(tu, "tuv", {XML_LANG: variant.lang, **variant.attrs}, variant.props,
                         variant.notes, variant.extra)
            segs.append((etree.SubElement(tuv, "seg"), variant, number))
    etree.indent(root, space="  ")
    # fill the segments after indenting: their content is significant and stays verbatim
    for seg, variant, number in segs:
        if variant.markup is not None:
            try:
                fragment = etree.fromstring(f"<seg>{variant.markup}</seg>")
            except etree.XMLSyntaxError:
                raise TermkitError(f"unit {number}: malformed inline markup") from None
            seg.text = fragment.text
            seg.extend(list(fragment))
        else:
            seg.text = _check_text(variant.text, f"unit {number}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(memory: Memory, path: str | os.PathLike) -> None:
    """Write the memory atomically (``-`` is stdout)."""
    from termkit.io import write_bytes

    write_bytes(path, dumps(memory))


# ---------------------------------------------------------------- reading

def _inner(element: etree._Element) -> str:
    """The inner XML of an element, verbatim."""
    parts = [_escape(element.text or "")]
    for child in element:
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts)


def _compact(element: etree._Element) -> str:
    """An element serialised without its indentation (whitespace-only text is layout)."""
    copy = etree.fromstring(etree.tostring(element, with_tail=False))
    for node in copy.iter():
        if node.text is not None and not node.text.strip() and len(node):
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return etree.tostring(copy, encoding="unicode")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _split_children(element: etree._Element):
    """(props, notes, other child elements) of a TMX element."""
    props, notes, others = [], [], []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "prop":
            attrs = {k: v for k, v in child.attrib.items() if k != "type"}
            props.append(Prop(child.get("type", ""), child.text or "", attrs))
        elif child.tag == "note":
            notes.append(Note(child.text or "", dict(child.attrib)))
        else:
            others.append(child)
    return props, notes, others


def loads(data: bytes, name: str | os.PathLike = "<tmx>") -> Memory:
    """Parse TMX bytes; malformed or non-TMX input is a ``TermkitError`` naming ``name``."""
    from termkit.xmlsafe import parse_bytes

    root = parse_bytes(data, name).getroot()
    if root.tag != "tmx":
        raise TermkitError(f"{name}: not a TMX file (root element <{root.tag}>)")
    header = root.find("header")
    body = root.find("body")
    if header is None or body is None:
        raise TermkitError(f"{name}: TMX needs a <header> and a <body>")
    memory = Memory(header=dict(header.attrib), version=root.get("version", "1.4"))
    memory.props, memory.notes, others = _split_children(header)
    memory.extra = [_compact(element) for element in others]
    for tu in body.iter("tu"):
        props, notes, others = _split_children(tu)
        unit = Unit(variants=[], attrs=dict(tu.attrib), props=props, notes=notes)
        for child in others:
            if child.tag != "tuv":
                unit.extra.append(_compact(child))
                continue
            lang = child.get(XML_LANG) or child.get("lang")
            if not lang:
                raise TermkitError(f"{name}:{child.sourceline}: <tuv> without xml:lang")
            attrs = {k: v for k, v in child.attrib.items() if k not in (XML_LANG, "lang")}
            vprops, vnotes, vothers = _split_children(child)
            seg = next((e for e in vothers if e.tag == "seg"), None)
            if seg is None:
                raise TermkitError(f"{name}:{child.sourceline}: <tuv> without <seg>")
            markup = _inner(seg) if len(seg) else None
            unit.variants.append(Variant(lang, "".join(seg.itertext()), markup, attrs,
                                         vprops, vnotes,
                                         [_compact(e) for e in vothers if e is not seg]))
        memory.units.append(unit)
    return memory


def read(path: str | os.PathLike) -> Memory:
    """Read a TMX file."""
    from termkit.io import read_bytes

    return loads(read_bytes(path), path)


# ---------------------------------------------------------------- from an alignment

def from_pairs(pairs: list[tuple[str, str, float | None, str | None]], src_lang: str,
               tgt_lang: str, props: list[tuple[str, str]] = ()) -> Memory:
    """A memory from ``(source, target, score, bead)`` pairs; the score and the bead (when not
    None) become the properties ``x-termkit-score`` and ``x-termkit-bead``, and ``props`` are
    added to every unit. Characters XML cannot hold are left out (see :func:`clean`)."""
    date = now()
    memory = Memory(header=new_header(src_lang, creationdate=date))
    for number, (source, target, score, bead) in enumerate(pairs, 1):
        unit_props = [("x-termkit-bead", bead)] if bead is not None else []
        if score is not None:
            unit_props.insert(0, ("x-termkit-score", f"{score:.3f}"))
        memory.units.append(Unit(
            variants=[Variant(src_lang, clean(source)), Variant(tgt_lang, clean(target))],
            attrs={"tuid": str(number), "creationdate": date}, props=unit_props + list(props)))
    return memory
