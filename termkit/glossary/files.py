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


def load(path: str | os.PathLike) -> Glossary:
    """Read a TBX (v2 or v3) or CSV/TSV glossary."""
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
