"""Glossary formats: THE place that tells a glossary's format from its file name (or, for stdin,
its content), and the registry of formats, each with the same reader/writer shape.

``FORMATS`` holds ``tbx`` (.tbx, .xml), ``csv`` (.csv, .txt) and ``tsv`` (.tsv). Each ``Format``
reads a file (``read(path)``) or bytes (``loads(data, name)``) into a ``Glossary`` and writes one
to a file (``write(glossary, path, **options)``, atomically) or to bytes (``dumps(glossary,
**options)``). The options are ``save``'s: ``tbx_version`` (2 or 3), ``layout`` (long or wide)
and ``delimiter``; a format ignores the ones of other formats, so one call serves every format.
``load(path)`` and ``save(glossary, path, ...)`` sit on top; ``-`` is stdin / stdout.

The format modules (and lxml) are imported only when a file of theirs is read or written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from termkit import io
from termkit.errors import TermkitError
from termkit.glossary.model import Glossary
from termkit.i18n import _


class Format:
    """One glossary format; see the module docstring for the shape every format has."""

    name = ""
    suffixes: tuple[str, ...] = ()

    def read(self, path: str | os.PathLike) -> Glossary:
        """Read the file ``path``."""
        raise NotImplementedError

    def loads(self, data: bytes, name: str = "<input>") -> Glossary:
        """Read a document held in memory; ``name`` names it in error messages."""
        raise NotImplementedError

    def write(self, glossary: Glossary, path: str | os.PathLike, **options: Any) -> None:
        """Write ``glossary`` to ``path`` atomically."""
        raise NotImplementedError

    def dumps(self, glossary: Glossary, **options: Any) -> bytes:
        """The document as bytes."""
        raise NotImplementedError

    def like(self, path: str | os.PathLike) -> dict[str, Any]:
        """The options that write ``path`` again as it is (its defaults for a new file)."""
        raise NotImplementedError


class Tbx(Format):
    """TBX v3 or v2 (``termkit.glossary.tbx``); option ``tbx_version``."""

    name = "tbx"
    suffixes = (".tbx", ".xml")

    def read(self, path):
        from termkit.glossary import tbx

        return tbx.read(path)

    def loads(self, data, name="<input>"):
        from termkit.glossary import tbx

        return tbx.loads(data, name)

    def write(self, glossary, path, *, tbx_version: int = 3, **other):
        from termkit.glossary import tbx

        tbx.write(glossary, path, version=tbx_version)

    def dumps(self, glossary, *, tbx_version: int = 3, **other):
        from termkit.glossary import tbx

        return tbx.dumps(glossary, version=tbx_version)

    def like(self, path):
        from termkit.glossary import tbx

        return {"tbx_version": (tbx.version(path) if Path(path).is_file() else None) or 3}


class Csv(Format):
    """CSV or TSV, long or wide (``termkit.glossary.csv``); options ``layout``, ``delimiter``.

    ``delimiter`` is the format's own (the one written, and the one a header that tells none is
    read with); ``bom``: files of this format start with a UTF-8 BOM (so that spreadsheets
    detect UTF-8)."""

    def __init__(self, name: str, suffixes: tuple[str, ...], delimiter: str, bom: bool):
        self.name, self.suffixes, self.delimiter, self.bom = name, suffixes, delimiter, bom

    def read(self, path):
        from termkit.glossary import csv

        return csv.read(path, prefer=self.delimiter)

    def loads(self, data, name="<input>"):
        from termkit.glossary import csv

        return csv.loads(data, name, prefer=self.delimiter)

    def write(self, glossary, path, *, layout: str = "long", delimiter: str | None = None,
              **other):
        from termkit.glossary import csv

        csv.write(glossary, path, layout=layout, delimiter=delimiter or self.delimiter,
                  bom=self.bom)

    def dumps(self, glossary, *, layout: str = "long", delimiter: str | None = None, **other):
        from termkit.glossary import csv

        return csv.dumps(glossary, layout=layout, delimiter=delimiter or self.delimiter)

    def like(self, path):
        from termkit.glossary import csv

        layout, delimiter = csv.sniff(path, self.delimiter) if Path(path).is_file() else \
            ("long", None)
        return {"layout": layout, "delimiter": delimiter}


FORMATS: dict[str, Format] = {fmt.name: fmt for fmt in (
    Tbx(), Csv("csv", (".csv", ".txt"), ",", bom=True), Csv("tsv", (".tsv",), "\t", bom=False))}


def by_name(path: str | os.PathLike) -> Format:
    """The format a file name's extension names; a clear error for any other."""
    suffix = Path(str(path)).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    raise TermkitError(_("{path}: unknown glossary format {suffix!r}; use .tbx, .csv or "
                         ".tsv").format(path=path, suffix=suffix or _("(no extension)")))


def sniff(data: bytes) -> Format:
    """TBX when the bytes look like XML, else CSV (for stdin, which has no name)."""
    head = data[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return FORMATS["tbx" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "csv"]


def output_format(path: str | os.PathLike, to: str | None = None) -> str:
    """``tbx``, ``csv`` or ``tsv``: ``to`` when given, else from the extension (stdout, ``-``,
    needs ``to``)."""
    if to is not None:
        if to not in FORMATS:
            raise TermkitError(_("unknown glossary format {name!r}; use tbx, csv or tsv").format(
                name=to))
        return to
    if str(path) == "-":
        raise TermkitError(_("writing to stdout (-o -) needs --to tbx, csv or tsv"))
    return by_name(path).name


def loads(data: bytes, name: str = "<input>") -> Glossary:
    """Read a glossary held in memory, its format told by its content."""
    return sniff(data).loads(data, name)


def load(path: str | os.PathLike) -> Glossary:
    """Read a TBX (v2 or v3) or CSV/TSV glossary; ``-`` reads stdin, whose content tells which."""
    if str(path) == "-":
        return loads(io.read_bytes("-"), "<stdin>")
    return by_name(path).read(path)


def load_or_new(path: str | os.PathLike) -> Glossary:
    """``load``, or an empty glossary when the file does not exist yet (its extension must still
    name a format)."""
    if str(path) != "-" and not Path(path).exists():
        by_name(path)
        return Glossary()
    return load(path)


def save(glossary: Glossary, path: str | os.PathLike, *, tbx_version: int = 3,
         layout: str = "long", to: str | None = None, delimiter: str | None = None) -> None:
    """Write atomically in the format ``to`` (tbx, csv, tsv) or the one the extension names;
    ``-`` is stdout. ``delimiter`` overrides the CSV/TSV one."""
    fmt = FORMATS[output_format(path, to)]
    options = {"tbx_version": tbx_version, "layout": layout, "delimiter": delimiter}
    if str(path) == "-":  # the whole document first: no half-written output on an error
        io.write_bytes("-", fmt.dumps(glossary, **options))
    else:
        fmt.write(glossary, path, **options)


def save_like(glossary: Glossary, path: str | os.PathLike) -> None:
    """Write ``glossary`` over ``path`` atomically, in the format, TBX version, CSV layout and
    delimiter the existing file has."""
    save(glossary, path, **by_name(path).like(path))


def layout_of(path: str | os.PathLike) -> str:
    """The layout of an existing CSV/TSV file, ``wide`` or ``long`` (``long`` for anything else:
    TBX, stdin, a new file)."""
    try:
        fmt = by_name(path)
    except TermkitError:
        return "long"
    return fmt.like(path)["layout"] if isinstance(fmt, Csv) else "long"


def drops_details(glossary: Glossary, path: str | os.PathLike, *, to: str | None = None,
                  layout: str = "long") -> bool:
    """Would writing ``glossary`` to ``path`` in ``layout`` lose term details? The wide CSV/TSV
    layout keeps no part of speech, type, note or source of a term."""
    if layout != "wide" or output_format(path, to) == "tbx":
        return False
    from termkit.glossary import csv

    return csv.wide_drops(glossary)
