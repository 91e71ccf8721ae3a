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


def syntax_error(name: str | os.PathLike, exc: etree.XMLSyntaxError,
                 truncated: bool = False) -> TermkitError:
    """Turn an lxml syntax error into a one-line ``TermkitError`` naming the file and line
    (``truncated``: the document does not end properly)."""
    message = str(exc.msg if getattr(exc, "msg", None) else "").strip()
    line = exc.lineno or (exc.position[0] if exc.position else 0)
    if not message or message.startswith("no element found"):
        # libxml2 reports some errors (undefined entities) only in the error log
        errors = [e for e in exc.error_log if e.level >= etree.ErrorLevels.ERROR]
        if errors:
            message, line = errors[-1].message, errors[-1].line
    lines = (message or str(exc)).strip().splitlines()
    message = re.sub(r",? line \d+, column \d+$", "", lines[0] if lines else "").strip() \
        or "unreadable XML"
    if message.startswith("Excessive depth"):
        message = "elements nested too deeply"
    elif "character encoding" in message or "not proper UTF-8" in message:
        message = f"not valid UTF-8 ({message})"
    if truncated:
        message = f"file is truncated or not closed properly ({message})"
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
