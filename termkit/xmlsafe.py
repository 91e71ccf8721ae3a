"""Safe XML parsing shared by the TBX and TMX formats.

Entities are never expanded, no DTD is loaded, the network is never touched and libxml2's
default size and depth limits stay on (no ``huge_tree``). A document type declaration is
allowed (TBX v2 files name their DTD) but one that declares entities is refused outright:
no termkit format needs them and they are the vehicle of billion-laughs and XXE attacks.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from termkit.errors import TermkitError

#: keyword arguments for ``etree.XMLParser`` and ``etree.iterparse``
SAFE_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
)

def check_prolog(head: bytes, name: str | os.PathLike) -> None:
    """Refuse a document whose prolog declares entities.

    ``head`` is the start of the file (the prolog sits before the root element).
    """
    doctype = head.find(b"<!DOCTYPE")
    if doctype >= 0 and b"<!ENTITY" in head[doctype:]:
        raise TermkitError(f"{name}: entity declarations are not allowed (possible XML entity attack)")


def parser() -> etree.XMLParser:
    """A new parser with the safe options."""
    return etree.XMLParser(**SAFE_OPTIONS)


def syntax_error(name: str | os.PathLike, exc: etree.XMLSyntaxError) -> TermkitError:
    """Turn an lxml syntax error into a one-line ``TermkitError`` naming the file and line."""
    message = str(exc.msg if getattr(exc, "msg", None) else exc).splitlines()[0]
    message = re.sub(r",? line \d+, column \d+$", "", message)
    line = exc.lineno or (exc.position[0] if exc.position else 0)
    return TermkitError(f"{name}:{line}: malformed XML: {message}")


def parse_bytes(data: bytes, name: str | os.PathLike = "<input>") -> etree._ElementTree:
    """Parse a whole document safely; errors become a one-line ``TermkitError``."""
    if not data.strip():
        raise TermkitError(f"{name}: empty file")
    check_prolog(data[:65536], name)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_error(name, exc) from None
    if root is None:
        raise TermkitError(f"{name}: no XML root element")
    return root.getroottree()
