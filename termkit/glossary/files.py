"""Load and save a glossary by file extension (.tbx/.xml: TBX; .csv, .tsv: CSV/TSV)."""

from __future__ import annotations

import os
from pathlib import Path

from termkit.errors import TermkitError
from termkit.glossary.model import Glossary

TBX_SUFFIXES = (".tbx", ".xml")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")


def kind(path: str | os.PathLike) -> str:
    """``tbx`` or ``csv`` from the file name; a clear error for anything else."""
    suffix = Path(str(path)).suffix.lower()
    if suffix in TBX_SUFFIXES:
        return "tbx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise TermkitError(f"{path}: unknown glossary format {suffix or '(no extension)'!r}; "
                       "use .tbx, .csv or .tsv")


def sniff(data: bytes) -> str:
    """``tbx`` when the bytes look like XML, else ``csv`` (for stdin, which has no name)."""
    head = data[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return "tbx" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "csv"


def load(path: str | os.PathLike) -> Glossary:
    """Read a TBX (v2 or v3) or CSV/TSV glossary; ``-`` reads stdin, whose content tells which."""
    if str(path) == "-":
        from termkit.io import read_bytes

        data = read_bytes("-")
        if sniff(data) == "tbx":
            from termkit.glossary import tbx
            return tbx.loads(data, "<stdin>")
        from termkit.glossary import csv
        return csv.parse(data, "<stdin>").glossary
    if kind(path) == "tbx":
        from termkit.glossary import tbx
        return tbx.read(path)
    from termkit.glossary import csv
    return csv.read(path)


def output_format(path: str | os.PathLike, to: str | None = None) -> str:
    """``tbx``, ``csv`` or ``tsv``: ``to`` when given, else from the extension (stdout, ``-``,
    needs ``to``)."""
    if to is not None:
        return to
    if str(path) == "-":
        from termkit.i18n import _

        raise TermkitError(_("writing to stdout (-o -) needs --to tbx, csv or tsv"))
    if kind(path) == "tbx":
        return "tbx"
    return "tsv" if Path(str(path)).suffix.lower() == ".tsv" else "csv"


def save(glossary: Glossary, path: str | os.PathLike, *, tbx_version: int = 3,
         layout: str = "long", to: str | None = None, delimiter: str | None = None) -> None:
    """Write atomically in the format ``to`` (tbx, csv, tsv) or the one the extension names;
    ``-`` is stdout. ``delimiter`` overrides the CSV/TSV one."""
    to = output_format(path, to)
    if to == "tbx":
        from termkit.glossary import tbx

        if str(path) == "-":  # the whole document first: no half-written output on an error
            from termkit.io import write_bytes

            write_bytes("-", tbx.dumps(glossary, version=tbx_version))
        else:
            tbx.write(glossary, path, version=tbx_version)
    else:
        from termkit.glossary import csv

        csv.write(glossary, path, layout=layout,
                  delimiter=delimiter or ("\t" if to == "tsv" else ","))
