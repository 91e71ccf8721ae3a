"""The one place that picks a bitext format: by name, else by file extension, else (stdin) by
content.

Every format module has the same shape: ``loads(data: bytes, name) -> Bitext``,
``dumps(bitext, **options) -> bytes`` and ``kept(bitext) -> list[Pair]`` (the pairs ``dumps``
writes: formats of texts leave out the pairs the aligner marked blank or unaligned).

========  ==========  ==========================================================
format    extension   holds
========  ==========  ==========================================================
tmx       .tmx        TMX 1.4b, read and written losslessly (:mod:`.tmx`)
tsv       .tsv        source, target, score (:mod:`.tsv`)
json      .json       beads with their texts, a report and a signature (:mod:`.json`)
beads     .beads      sentence indices, one bead per line (:mod:`.beads`)
========  ==========  ==========================================================
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from termkit.errors import TermkitError
from termkit.i18n import _

if TYPE_CHECKING:   # the CLI imports this module at start-up: the records load with a format
    from termkit.corpus.model import Bitext

#: format name → extension
FORMATS = {"beads": ".beads", "tsv": ".tsv", "tmx": ".tmx", "json": ".json"}


def _known() -> str:
    return ", ".join(FORMATS)


def module(fmt: str):
    """The module of a format, by name (``tmx``, ``tsv``, ``json``, ``beads``)."""
    if fmt not in FORMATS:
        raise TermkitError(_("unknown format {fmt!r}; use one of {known}").format(
            fmt=fmt, known=_known()))
    return importlib.import_module(f"termkit.corpus.{fmt}")


def format_of(path: str | os.PathLike, fmt: str | None = None,
              default: str | None = None) -> str:
    """``fmt`` when given, else the format the file name's extension names, else ``default``
    (for ``-``, stdout, and any other extension); without a default, a clear error for an
    unknown extension."""
    if fmt is not None:
        module(fmt)
        return fmt
    suffix = Path(str(path)).suffix.lower()
    for name, extension in FORMATS.items():
        if suffix == extension:
            return name
    if default is not None:
        return default
    raise TermkitError(_("{path}: unknown format {suffix!r}; use {known}").format(
        path=path, suffix=suffix or _("(no extension)"),
        known=", ".join(FORMATS.values())))


def memory_format(path: str | os.PathLike) -> str | None:
    """The format of a translation memory to read: the one its extension names, TMX for any
    other name (``memory.xml``), None for stdin (``-``: told by content)."""
    return None if str(path) == "-" else format_of(path, default="tmx")


def sniff(data: bytes) -> str:
    """The format bytes without a file name (stdin) look like."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "tmx"
    if head.startswith(b"{"):
        return "json"
    if head.startswith(b"[") and b"]:[" in head.split(b"\n", 1)[0]:
        return "beads"
    return "tsv"


def loads(data: bytes, name: str | os.PathLike = "<input>", fmt: str | None = None,
          **options) -> Bitext:
    """Parse ``data`` in ``fmt``, else in the format ``name`` names (``-``: told by content)."""
    if fmt is None:
        fmt = sniff(data) if str(name) in ("-", "<stdin>") else format_of(name)
    return module(fmt).loads(data, "<stdin>" if str(name) == "-" else name, **options)


def dumps(bitext: Bitext, fmt: str, **options) -> bytes:
    """The bitext as bytes in ``fmt`` (options go to the format's writer)."""
    return module(fmt).dumps(bitext, **options)


def read(path: str | os.PathLike, fmt: str | None = None, **options) -> Bitext:
    """Read a bitext file (``-`` is stdin, whose content tells the format unless ``fmt``)."""
    from termkit.io import read_bytes

    return loads(read_bytes(path), path, fmt, **options)


def _output_format(path: str | os.PathLike, fmt: str | None) -> str:
    if fmt is None and str(path) == "-":
        raise TermkitError(_("give the output format (--format) to write to stdout"))
    return format_of(path, fmt)


def write(bitext: Bitext, path: str | os.PathLike, fmt: str | None = None, **options) -> int:
    """Write the bitext atomically in ``fmt``, else in the format the extension names (``-``
    is stdout and needs ``fmt``); the number of units written."""
    from termkit.io import write_bytes

    fmt = _output_format(path, fmt)
    write_bytes(path, dumps(bitext, fmt, **options))
    return len(module(fmt).kept(bitext))


def convert(source: str | os.PathLike, output: str | os.PathLike, fmt: str | None = None, *,
            source_fmt: str | None = None) -> int:
    """Read a bitext file (``-``: stdin) in ``source_fmt`` (else the format its name or
    content tells) and write every unit of it to ``output`` in ``fmt`` (else the format the
    extension names); the number of units written. A bitext the output format cannot hold is
    an error naming ``source``."""
    from termkit.io import write_bytes

    fmt = _output_format(output, fmt)
    bitext = read(source, source_fmt)
    try:
        data = dumps(bitext, fmt)
    except TermkitError as exc:
        name = "<stdin>" if str(source) == "-" else source
        raise TermkitError(_("{path}: {reason}").format(path=name, reason=exc)) from None
    write_bytes(output, data)
    return len(module(fmt).kept(bitext))
