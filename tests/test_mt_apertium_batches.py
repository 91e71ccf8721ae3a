"""The Apertium engine's batching when the pipeline shifts lines (no Apertium needed: the
pipeline is replaced by a stand-in)."""

from __future__ import annotations

from termkit.mt import apertium


def _engine(monkeypatch, calls):
    engine = object.__new__(apertium.ApertiumEngine)   # no apertium on the machine needed

    def run(text):   # upper-cases; a "|" in a sentence becomes a line break, as a shift would
        calls.append(text.count("\n"))
        return text.upper().replace("|", "\n")

    monkeypatch.setattr(engine, "_run", run)
    return engine


def test_a_shifted_batch_is_halved_not_run_sentence_by_sentence(monkeypatch):
    calls = []
    texts = [f"phrase {i}." for i in range(64)]
    texts[37] = "une | coupure."
    out = _engine(monkeypatch, calls).translate(texts)
    assert out[:3] == ["PHRASE 0.", "PHRASE 1.", "PHRASE 2."] and len(out) == 64
    assert out[37] == "UNE COUPURE." and out[63] == "PHRASE 63."
    assert len(calls) <= 1 + 2 * 6          # log2(64) halvings, two runs each
    assert sum(calls) <= 64 * 3              # sentences sent to the pipeline, all runs together


def test_unshifted_batch_is_one_run(monkeypatch):
    calls = []
    assert _engine(monkeypatch, calls).translate(["a.", "", "b  c."]) == ["A.", "", "B C."]
    assert calls == [3]
