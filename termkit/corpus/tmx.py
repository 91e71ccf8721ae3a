"""TMX 1.4b translation memories ↔ bitexts, with a lossless round-trip.

A unit (``tu``) is a :class:`~termkit.corpus.model.Pair`: its ``tuv`` in the header's
``srclang`` is the source, the first in another language the target (that language is the
bitext's ``tgt_lang``), further ones are ``others``; the order they came in is kept. Attributes
termkit does not interpret, ``prop`` and ``note`` elements (with their attributes), inline
markup inside ``seg`` (``bpt``, ``ph``…) and unknown elements are all kept, so
``dumps(loads(data))`` gives back the same memory. The properties ``x-termkit-score`` and
``x-termkit-bead`` are also read as the pair's ``score`` and sentence indices, and written from
them for an aligned pair (one with a score). A side's ``text`` is the segment's plain text:
the content of the inline codes (``bpt``, ``ept``, ``ph``, ``it``, ``ut``) left out, except
their sub-flow text (``sub``), and highlighted text (``hi``) kept, as TMX 1.4b defines them;
its ``markup`` is the segment's content verbatim, written back as it was. Parsing goes through
:mod:`termkit.xmlsafe`.
"""

from __future__ import annotations

import copy
import datetime as _dt
import os

from lxml import etree

from termkit import __version__
from termkit.corpus.beads import format_bead, parse_bead
from termkit.corpus.model import BEAD_PROP as BEAD, SCORE_PROP as SCORE
from termkit.corpus.model import Bitext, Note, Pair, Prop, Side, clean
from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.lang import codes

XML_NS = "{http://www.w3.org/XML/1998/namespace}"
XML_LANG = XML_NS + "lang"
#: more attributes than this on one element take the one-pass path (libxml2 looks an attribute
#: up, and appends one, by walking the element's list: one at a time, n attributes cost n²)
MANY = 32
_ALL = etree.XPath("@*")
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", "\t": "&#9;",
                               "\n": "&#10;", "\r": "&#13;"})
#: the inline elements that hold native codes (formatting of the original file), not text
CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})


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

def _element(parent: etree._Element, tag: str, attrs: dict[str, str]) -> etree._Element:
    """A new child element with these attributes; many of them are given to the parser, which
    builds them in one pass (see MANY)."""
    attrs = {key: clean(value) for key, value in attrs.items()}
    if len(attrs) <= MANY or any(k.startswith("{") and not k.startswith(XML_NS) for k in attrs):
        return etree.SubElement(parent, tag, attrib=attrs)
    start = " ".join(f'{key.replace(XML_NS, "xml:")}="{value.translate(_ATTR_ESCAPES)}"'
                     for key, value in attrs.items())
    element = _fragment(f"<{tag} {start}/>")
    parent.append(element)
    return element


def _child(parent: etree._Element, tag: str, attrs: dict[str, str],
           props: list[tuple[str, str]], notes: list[str], extra: list[str]) -> etree._Element:
    """A new child element with its attributes, ``prop``/``note`` children and kept extras."""
    element = _element(parent, tag, attrs)
    for prop in props:
        kind, value = prop
        _element(element, "prop", {"type": kind, **getattr(prop, "attrs", {})}).text = \
            clean(value)
    for note in notes:
        _element(element, "note", getattr(note, "attrs", {})).text = clean(note)
    for xml in extra:
        element.append(_fragment(xml))
    return element


def _fragment(xml: str) -> etree._Element:
    from termkit.xmlsafe import parser

    return etree.fromstring(xml, parser())


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _unit_props(pair: Pair) -> list[tuple[str, str]]:
    """The unit's properties; an aligned pair (one with a score) also has ``x-termkit-score``
    and ``x-termkit-bead``, made from its score and sentence indices (first, when the pair does
    not have them yet)."""
    props = list(pair.props)
    wanted = {}
    if pair.score is not None:
        wanted[SCORE] = (f"{pair.score:.3f}", lambda value: _number(value) == pair.score)
        if pair.source.sentences or pair.target.sentences:
            bead = format_bead(pair.bead)
            wanted[BEAD] = (bead, lambda value: value == bead)
    front = []
    for kind, (value, agrees) in wanted.items():
        at = next((i for i, prop in enumerate(props) if prop[0] == kind), None)
        if at is None:
            front.append((kind, value))
        elif not agrees(props[at][1]):
            props[at] = Prop(kind, value, getattr(props[at], "attrs", {}))
    return front + props


def kept(bitext: Bitext) -> list[Pair]:
    """The pairs written as units: all but those the aligner marked blank or unaligned."""
    return [pair for pair in bitext.pairs if not (pair.blank or pair.unaligned)]


def dumps(bitext: Bitext) -> bytes:
    """The bitext as TMX bytes (UTF-8, indented): one unit per pair of :func:`kept`, without
    the characters XML cannot hold. A bitext without header attributes (not read from a TMX)
    gets termkit's header, and its units ids and the creation date."""
    date = now()
    fresh = not bitext.header
    header = new_header(bitext.src_lang, creationdate=date) if fresh else bitext.header
    root = etree.Element("tmx", version=bitext.version)
    segs = []
    number = 0
    try:
        _child(root, "header", header, bitext.props, bitext.notes, bitext.extra)
        body = etree.SubElement(root, "body")
        for pair in kept(bitext):
            number += 1
            attrs = pair.attrs or ({"tuid": str(number), "creationdate": date} if fresh else {})
            tu = _child(body, "tu", attrs, _unit_props(pair), pair.notes, pair.extra)
            for side in pair.sides():
                if side.missing:
                    continue
                tuv = _child(tu, "tuv", {XML_LANG: side.lang, **side.attrs}, side.props,
                             side.notes, side.extra)
                segs.append((etree.SubElement(tuv, "seg"), side, number))
    except (ValueError, etree.XMLSyntaxError) as exc:
        message = (_("unit {n}: cannot be written as TMX ({reason})") if number else
                   _("header: cannot be written as TMX ({reason})"))
        raise TermkitError(message.format(n=number, reason=exc)) from None
    etree.indent(root, space="  ")
    # fill the segments after indenting: their content is significant and stays verbatim
    for seg, side, number in segs:
        if side.markup is not None:
            try:
                fragment = _fragment(f"<seg>{side.markup}</seg>")
            except etree.XMLSyntaxError:
                raise TermkitError(_("unit {n}: malformed inline markup").format(
                    n=number)) from None
            seg.text = fragment.text
            seg.extend(list(fragment))
        else:
            seg.text = clean(side.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------- reading

def _inner(element: etree._Element) -> str:
    """The inner XML of an element, verbatim."""
    parts = [_escape(element.text or "")]
    for child in element:
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts)


def _compact(element: etree._Element) -> str:
    """An element serialised without its indentation (whitespace-only text is layout)."""
    element = copy.deepcopy(element)
    for node in element.iter():
        if node.text is not None and not node.text.strip() and len(node):
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return etree.tostring(element, encoding="unicode", with_tail=False)


def _attributes(element: etree._Element) -> dict[str, str]:
    """The attributes of an element (many of them read in one pass, see MANY)."""
    attrib = element.attrib
    return dict(attrib) if len(attrib) <= MANY else {a.attrname: str(a) for a in _ALL(element)}


def _plain(element: etree._Element) -> str:
    """The plain text of a segment (or of a ``hi`` or ``sub`` in it): its text and every
    child's tail; a child's text unless it is an inline code, of which only the ``sub``
    elements count."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in CODES:
            parts.extend(_plain(sub) for sub in child if sub.tag == "sub")
        elif isinstance(child.tag, str):
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _split_children(element: etree._Element):
    """(props, notes, other child elements) of a TMX element."""
    props, notes, others = [], [], []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "prop":
            attrs = _attributes(child)
            props.append(Prop(attrs.pop("type", ""), child.text or "", attrs))
        elif child.tag == "note":
            notes.append(Note(child.text or "", _attributes(child)))
        else:
            others.append(child)
    return props, notes, others


def _side(tuv: etree._Element, name: str | os.PathLike) -> Side:
    """One ``tuv`` as a side (its language, segment and everything else it holds)."""
    attrs = _attributes(tuv)
    lang = attrs.pop(XML_LANG, None)
    legacy = attrs.pop("lang", None)        # TMX 1.1's lang attribute: written as xml:lang
    lang = lang or legacy
    if not lang:
        raise TermkitError(_("{name}:{line}: <tuv> without xml:lang").format(
            name=name, line=tuv.sourceline))
    props, notes, others = _split_children(tuv)
    seg = next((e for e in others if e.tag == "seg"), None)
    if seg is None:
        raise TermkitError(_("{name}:{line}: <tuv> without <seg>").format(
            name=name, line=tuv.sourceline))
    return Side(lang, _plain(seg), markup=_inner(seg) if len(seg) else None,
                attrs=attrs, props=props, notes=notes,
                extra=[_compact(e) for e in others if e is not seg])


def _pair(sides: list[Side], src_lang: str, tgt_lang: str, tu: etree._Element,
          name: str | os.PathLike) -> Pair:
    props, notes, others = _split_children(tu)
    found = list(sides)
    source = next((s for s in found if codes.same(s.lang, src_lang)), None)
    target = next((s for s in found if s is not source and codes.same(s.lang, tgt_lang)), None)
    rest = [s for s in found if s is not source and s is not target]
    source = source or Side(src_lang, "", missing=True)
    target = target or Side(tgt_lang, "", missing=True)
    places = [source, target, *rest]
    order = tuple(next(i for i, s in enumerate(places) if s is side) for side in found)
    score = next((_number(value) for kind, value in props if kind == SCORE), None)
    bead = next((value for kind, value in props if kind == BEAD), None)
    if bead is not None:
        try:
            parsed = parse_bead(bead)
        except ValueError:
            pass
        else:
            source.sentences, target.sentences = parsed.src, parsed.tgt
    return Pair(source, target, score=score, props=props, notes=notes, attrs=_attributes(tu),
                extra=[_compact(e) for e in others if e.tag != "tuv"], others=rest,
                order=() if order == tuple(range(len(places))) else order)


def loads(data: bytes, name: str | os.PathLike = "<tmx>") -> Bitext:
    """Parse TMX bytes; malformed or non-TMX input is a ``TermkitError`` naming ``name``."""
    from termkit.xmlsafe import parse_bytes

    root = parse_bytes(data, name).getroot()
    if root.tag != "tmx":
        raise TermkitError(_("{name}: not a TMX file (root element <{tag}>)").format(
            name=name, tag=root.tag))
    header = root.find("header")
    body = root.find("body")
    if header is None or body is None:
        raise TermkitError(_("{name}: TMX needs a <header> and a <body>").format(name=name))
    units = [(tu, [_side(tuv, name) for tuv in tu if tuv.tag == "tuv"]) for tu in body.iter("tu")]
    langs = [side.lang for _, sides in units for side in sides]
    src_lang = header.get("srclang") or ""
    if not src_lang or src_lang.lower() == "*all*":
        src_lang = langs[0] if langs else ""
    tgt_lang = next((lang for lang in langs if not codes.same(lang, src_lang)), "")
    if units and not tgt_lang:
        raise TermkitError(_("{name}: no segment in a language other than {lang!r}; a TMX of "
                             "translations has two").format(name=name, lang=src_lang))
    props, notes, others = _split_children(header)
    return Bitext(src_lang, tgt_lang,
                  [_pair(sides, src_lang, tgt_lang, tu, name) for tu, sides in units],
                  header=_attributes(header), props=props, notes=notes,
                  extra=[_compact(element) for element in others],
                  version=root.get("version", "1.4"))
