"""A translation run of a whole document, and what it gives a user: the text, the JSON report
(sentences, glossary checks, summary, signature) or a TMX memory.

    index = TermIndex(termkit.glossary.formats.load("g.tbx"))
    run = translate_document(text, "fr", "en", name="in.txt", index=index,
                             glossary_file="g.tbx")
    data = run.dumps("json")      # bytes; "text" and "tmx" too (output_format("out.tmx"))
    run.missed                    # glossary terms the output lacks
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Callable

from termkit.corpus.model import Bitext
from termkit.errors import TermkitError
from termkit.glossary.index import TermIndex
from termkit.i18n import _
from termkit.lang import codes
from termkit.mt.engine import Engine, choose
from termkit.mt.translate import Result, translate

#: what a run is written as (:meth:`Run.dumps`)
FORMATS = ("text", "json", "tmx")


def output_format(path: str | os.PathLike) -> str:
    """The format an output file's name names: ``tmx`` (``.tmx``), ``json`` (``.json``), else
    ``text`` (also for ``-``, stdout); the extensions are those of :mod:`termkit.corpus.formats`."""
    from termkit.corpus.formats import format_of

    named = "text" if str(path) == "-" else format_of(path, default="text")
    return named if named in FORMATS else "text"


def paragraphs(text: str, name: str | None = None) -> list[str]:
    """The paragraphs of a document, one per line (the last line break ends the last one); an
    error naming the document when none has any text."""
    lines = [line.rstrip("\r") for line in text.removesuffix("\n").split("\n")]
    if not any(line.strip() for line in lines):
        raise TermkitError(_("{file}: empty input, nothing to translate")
                           .format(file=name or "<text>"))
    return lines


@dataclass
class Run:
    """The paragraphs of one document translated, and how (languages as given, the engine,
    the term index and the name of its glossary file, the enforcement method asked for)."""

    results: list[Result]
    source: str
    target: str
    engine: Engine
    index: TermIndex | None = None
    glossary_file: str | os.PathLike | None = None
    method: str | None = None

    @property
    def required(self) -> int:
        return sum(r.required for r in self.results)

    @property
    def missed(self) -> int:
        return sum(r.missed for r in self.results)

    def bitext(self) -> Bitext:
        """The run's sentence pairs as one ``Bitext`` (blank paragraphs have none)."""
        return bitext(self.results, self.source, self.target)

    def signature(self) -> dict:
        """How the run was made: model, glossary sha256 and fingerprint, engine, languages,
        beam, method."""
        from termkit.mt.enforce import DEFAULT
        from termkit.signature import signature

        method = self.method or (DEFAULT.get(self.engine.name) if self.index else None)
        return signature(model=self.engine.id, glossary=self.glossary_file, index=self.index,
                         engine=self.engine.name, source=codes.normal(self.source),
                         target=codes.normal(self.target),
                         beam_size=getattr(self.engine, "beam_size", None), method=method)

    def summary(self) -> dict:
        return {"paragraphs": len(self.results),
                "segments": sum(len(r.segments) for r in self.results),
                "terms_required": self.required, "terms_missed": self.missed}

    def as_json(self) -> dict:
        """The JSON report: signature, paragraphs with their sentences and checks, summary."""
        paragraphs = []
        for r in self.results:
            segments = []
            for s in r.segments:
                entry = {"source": s.source, "output": s.output}
                if s.check is not None:
                    entry.update(s.check.as_dict())
                segments.append(entry)
            paragraphs.append({"source": r.source, "output": r.output, "segments": segments})
        return {"signature": self.signature(), "paragraphs": paragraphs,
                "summary": self.summary()}

    def dumps(self, fmt: str) -> bytes:
        """The run in a format of ``FORMATS``: ``text`` (one output line per input line),
        ``json`` (:meth:`as_json`) or ``tmx`` (one unit per sentence, with the model id)."""
        if fmt == "text":
            return "".join(r.output + "\n" for r in self.results).encode("utf-8")
        if fmt == "json":
            return (json.dumps(self.as_json(), ensure_ascii=False, indent=2) + "\n").encode(
                "utf-8")
        if fmt == "tmx":
            from termkit.corpus import formats

            return formats.dumps(self.bitext(), "tmx")
        raise TermkitError(_("unknown output format {name!r}; use {formats}")
                           .format(name=fmt, formats=", ".join(FORMATS)))


def bitext(results: list[Result], source: str, target: str) -> Bitext:
    """The sentence pairs of translated paragraphs, in order, as one ``Bitext``."""
    return Bitext(codes.normal(source), codes.normal(target),
                  [s.pair for r in results for s in r.segments])


def translate_document(text: str, source: str, target: str, *, name: str | None = None,
                       index: TermIndex | None = None,
                       glossary_file: str | os.PathLike | None = None,
                       engine: str | None = None, model: str | os.PathLike | None = None,
                       beam_size: int = 4, compute_type: str = "default",
                       method: str | None = None, show_progress: bool = False,
                       notify: Callable[[str], None] | None = None) -> Run:
    """Translate a document (one paragraph per line) with the engine :func:`engine.choose`
    picks, whose one-line message goes to ``notify``, enforcing the terms of ``index``;
    ``glossary_file`` (the index's file, ``-`` for stdin) goes into the signature only."""
    lines = paragraphs(text, name)
    chosen, message = choose(source, target, engine=engine, model=str(model) if model else None,
                             beam_size=beam_size, compute_type=compute_type)
    if notify is not None:
        notify(message)
    results = translate(lines, source, target, glossary=index, engine=chosen, method=method,
                        show_progress=show_progress, name=name)
    return Run(results, source, target, chosen, index, glossary_file, method)
