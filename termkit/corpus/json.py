"""JSON bitexts: the beads of an alignment with their texts, a review report and a signature.

``{"beads": [{"src": [0], "tgt": [0], "score": 0.9, "src_text": …, "tgt_text": …}, …],
"report": …, "signature": {…, "src_lang": "fr", "tgt_lang": "en"}}``; a pair's properties
(other than its score and bead), notes and further languages, when it has some, are under
``props``, ``notes`` and ``others``.
Every pair is kept, blank ones included (indices stay line numbers).
"""

from __future__ import annotations

import json
import os
from typing import Any

from termkit.corpus.model import BEAD_PROP, SCORE_PROP, Bitext, Pair, Side
from termkit.errors import TermkitError
from termkit.i18n import _


def _entry(pair: Pair) -> dict[str, Any]:
    entry = {"src": list(pair.source.sentences), "tgt": list(pair.target.sentences),
             "score": pair.score, "src_text": pair.source.text, "tgt_text": pair.target.text}
    props = [list(prop) for prop in pair.props if prop[0] not in (SCORE_PROP, BEAD_PROP)]
    if props:
        entry["props"] = props
    if pair.notes:
        entry["notes"] = [str(note) for note in pair.notes]
    if pair.others:
        entry["others"] = [{"lang": side.lang, "text": side.text} for side in pair.others]
    return entry


def kept(bitext: Bitext) -> list[Pair]:
    """The pairs written: every one."""
    return list(bitext.pairs)


def dumps(bitext: Bitext, *, report: dict | None = None,
          signature: dict[str, Any] | None = None) -> bytes:
    """The bitext as indented JSON; ``signature`` defaults to termkit's with the languages."""
    if signature is None:
        from termkit.signature import signature as make

        signature = make(src_lang=bitext.src_lang, tgt_lang=bitext.tgt_lang)
    data = {"beads": [_entry(pair) for pair in bitext.pairs], "report": report,
            "signature": signature}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _side(lang: str, entry: dict, text: str, indices: str) -> Side:
    return Side(lang, str(entry.get(text) or ""),
                sentences=tuple(int(i) for i in entry.get(indices) or ()))


def loads(data: bytes, name: str | os.PathLike = "<json>") -> Bitext:
    """A bitext from JSON bytes as :func:`dumps` writes them."""
    from termkit.io import decode

    try:
        found = json.loads(decode(data, name))
    except json.JSONDecodeError as exc:
        raise TermkitError(_("{name}:{line}: not valid JSON ({reason})").format(
            name=name, line=exc.lineno, reason=exc.msg)) from None
    if not isinstance(found, dict) or not isinstance(found.get("beads"), list):
        raise TermkitError(_("{name}: not a termkit bitext (no \"beads\" list)").format(
            name=name))
    sig = found.get("signature") or {}
    src_lang, tgt_lang = sig.get("src_lang") or "fr", sig.get("tgt_lang") or "en"
    pairs = []
    for number, entry in enumerate(found["beads"], 1):
        try:
            pairs.append(Pair(
                _side(src_lang, entry, "src_text", "src"),
                _side(tgt_lang, entry, "tgt_text", "tgt"),
                score=None if entry.get("score") is None else float(entry["score"]),
                props=[(str(k), str(v)) for k, v in entry.get("props") or ()],
                notes=[str(note) for note in entry.get("notes") or ()],
                others=[Side(str(o["lang"]), str(o.get("text") or "")) for o in
                        entry.get("others") or ()]))
        except (AttributeError, KeyError, TypeError, ValueError):
            raise TermkitError(_("{name}: bead {n} is not a termkit bead").format(
                name=name, n=number)) from None
    return Bitext(src_lang, tgt_lang, pairs)
