"""TBX glossaries: read v3 (ISO 30042:2019, DCA and DCT) and v2 (martif); write v3 TBX-Basic or v2.

``read(path)`` and ``loads(data, name)`` stream the document into a ``Glossary``;
``write(glossary, path, version=3)`` and ``dumps(glossary, version=3)`` stream it back out.
Inside: ``vocab`` (TBX names and data categories), ``reader`` + ``convert``, ``writer`` +
``indent``, ``schema`` (the bundled RELAX NG schemas and validation against them). This face
imports them (and lxml) on first use, so that ``vocab`` is light to import.
"""

from __future__ import annotations

import os
from typing import Callable

from termkit.glossary.model import Glossary


def read(path: str | os.PathLike, on_entry: Callable | None = None) -> Glossary:
    """Read a TBX v3 or v2 file (``-`` is stdin), streaming; ``on_entry(element)`` sees each
    entry element first."""
    from termkit.glossary.tbx import reader

    return reader.read(path, on_entry)


def loads(data: bytes, name: str | os.PathLike = "<input>") -> Glossary:
    """Read a TBX document held in memory; ``name`` names it in error messages."""
    from termkit.glossary.tbx import reader

    return reader.loads(data, name)


def version(path: str | os.PathLike) -> int | None:
    """The TBX version of a file (3 or 2) from its root element; None when it has no TBX root."""
    from termkit.glossary.tbx import reader

    return reader.version(path)


def write(glossary: Glossary, path: str | os.PathLike, version: int = 3) -> None:
    """Write atomically as TBX v3 (TBX-Basic DCA) or v2 (``-`` is stdout)."""
    from termkit.glossary.tbx import writer

    writer.write(glossary, path, version)


def dumps(glossary: Glossary, version: int = 3) -> bytes:
    """The TBX document as bytes."""
    from termkit.glossary.tbx import writer

    return writer.dumps(glossary, version)


__all__ = ["dumps", "loads", "read", "version", "write"]
