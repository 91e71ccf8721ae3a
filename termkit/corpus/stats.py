"""Counts that describe a bitext (a translation memory): units, segments, words (numbers
included, by termkit's tokenizer) and characters per language, the distribution of the
alignment scores, the tool that made it."""

from __future__ import annotations

from typing import Any

from termkit.corpus.model import Bitext
from termkit.i18n import _

BINS = 10   # score bins of width 0.1; the last one holds 1.0


def stats(bitext: Bitext) -> dict[str, Any]:
    """A JSON-ready summary; per-language dicts are keyed by language code as written in the
    file (``fr`` and ``fr-FR`` apart), in first-seen order. ``scores`` is None when no unit has
    a score; else its count, mean, min, max and ``bins``: the count per 0.1 (``"0.9-1.0"``)."""
    from termkit.lang.tokens import PUNCT, kinds

    segments: dict[str, int] = {}
    words: dict[str, int] = {}
    characters: dict[str, int] = {}
    for pair in bitext:
        for side in pair.sides():
            if side.missing:
                continue
            segments[side.lang] = segments.get(side.lang, 0) + 1
            words[side.lang] = words.get(side.lang, 0) + sum(
                kind != PUNCT for kind, _ in kinds(side.text))
            characters[side.lang] = characters.get(side.lang, 0) + len(side.text)
    scores = [pair.score for pair in bitext if pair.score is not None]
    header = bitext.header
    return {
        "units": len(bitext),
        "source_language": bitext.src_lang or None,
        "target_language": bitext.tgt_lang or None,
        "languages": list(segments),
        "segments": segments,
        "words": words,
        "characters": characters,
        "scores": _distribution(scores) if scores else None,
        "creation_tool": header.get("creationtool"),
        "creation_tool_version": header.get("creationtoolversion"),
        "creation_date": header.get("creationdate"),
    }


def _distribution(scores: list[float]) -> dict[str, Any]:
    counts = [0] * BINS
    for score in scores:
        counts[min(max(int(score * BINS), 0), BINS - 1)] += 1
    return {"units": len(scores), "mean": round(sum(scores) / len(scores), 3),
            "min": min(scores), "max": max(scores),
            "bins": {f"{k / BINS:.1f}-{(k + 1) / BINS:.1f}": count
                     for k, count in enumerate(counts)}}


def text(result: dict[str, Any], name: str) -> str:
    """The summary as a few lines of text."""
    out = [_("{name}: {units} units, languages: {langs}").format(
        name=name, units=result["units"], langs=", ".join(result["languages"]) or "-")]
    if result["creation_tool"]:
        tool = " ".join(filter(None, (result["creation_tool"], result["creation_tool_version"])))
        out.append(_("  created by {tool}").format(tool=tool) + (
            f" ({result['creation_date']})" if result["creation_date"] else ""))
    for lang in result["languages"]:
        out.append(_("  {lang}: {segments} segments, {words} words, {characters} characters")
                   .format(lang=lang, segments=result["segments"][lang],
                           words=result["words"][lang], characters=result["characters"][lang]))
    scores = result["scores"]
    if scores:
        out.append(_("  scores ({n} units): mean {mean:.3f}, min {low:.3f}, max {high:.3f}")
                   .format(n=scores["units"], mean=scores["mean"], low=scores["min"],
                           high=scores["max"]))
        out.extend(f"    {span}: {count}" for span, count in scores["bins"].items() if count)
    return "\n".join(out) + "\n"
