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


def save(glossary: Glossary, path: str | os.PathLike, *, tbx_version: int = 3,
         layout: str = "long") -> None:
    """Write atomically in the format the extension names."""
    if kind(path) == "tbx":
        from termkit.glossary import tbx
        tbx.write(glossary, path, version=tbx_version)
    else:
        from termkit.glossary import csv
        csv.write(glossary, path, layout=layout)
