"""Indentation of element-only TBX content: dropped on reading, added on writing."""

from __future__ import annotations

from lxml import etree

from termkit.glossary.tbx.vocab import INLINE

UNIT = "  "
PADS = tuple("\n" + UNIT * level for level in range(16))


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
    """Drop indentation whitespace inside element-only content (the inverse of ``indent``)."""
    if element_only(el):
        el.text = None
        for child in el:
            child.tail = None
    for child in el:
        if isinstance(child.tag, str):
            compact(child)


def indent(el: etree._Element, level: int) -> None:
    """Pretty-print element-only content in place (leaves and mixed content are untouched)."""
    if not element_only(el):
        return
    pad = PADS[level + 1] if level < 15 else "\n" + UNIT * (level + 1)
    el.text = pad
    for child in el:
        child.tail = pad
        if len(child):  # leaves, comments and processing instructions have nothing to indent
            indent(child, level + 1)
    el[-1].tail = PADS[level] if level < 16 else "\n" + UNIT * level
