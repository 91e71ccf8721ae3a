"""Sentence segmentation: accuracy and speed, termkit vs segtok, sentencex, pysbd.

Cases are in tests/data/segment/: ``cases.jsonl`` (the rules were tuned on it) and
``heldout.jsonl`` (written before running any segmenter on it, never tuned on).
Prints ``name=value`` lines: per segmenter and set the share of cases split exactly right,
sentence-start precision/recall/F1 on the align-dev novels (../shared, when present), then
sentences per second on the French and English corpus texts (repeated), and the speed ratio
of termkit against segtok (the fastest library) measured in the same run. Libraries that are
not installed are skipped. Usage: python benchmarks/segment_accuracy.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from termkit.segment import split

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "segment"
CORPUS = ROOT.parent / "shared" / "data" / "corpus-candidates"
NOVELS = ROOT.parent / "shared" / "data" / "align-dev"


def boundaries(segment, lang: str, side: str) -> tuple[int, int, int]:
    """True/false positives and misses of sentence starts on the align-dev novels.

    The novels are one sentence per line (segmented by the corpus authors); each document is
    joined into one paragraph and segmented again.
    """
    tp = fp = fn = 0
    for doc in sorted(p for p in NOVELS.iterdir() if p.is_dir()):
        gold_sentences = (doc / side).read_text(encoding="utf-8").splitlines()
        text = " ".join(gold_sentences)
        gold, pos = set(), 0
        for sentence in gold_sentences[:-1]:
            pos += len(sentence) + 1
            gold.add(pos)
        got, pos = set(), 0
        for sentence in segment(text, lang):
            found = text.find(sentence, pos)
            if found > 0:
                got.add(found)
            pos = max(pos, found + len(sentence))
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
    return tp, fp, fn


def segmenters() -> dict:
    found = {"termkit": lambda text, lang: split(text, lang)}
    try:
        from segtok.segmenter import split_multi
        found["segtok"] = lambda text, lang: [s.strip() for s in split_multi(text) if s.strip()]
    except ImportError:
        pass
    try:
        import sentencex
        found["sentencex"] = lambda text, lang: [
            s.strip() for s in sentencex.segment(lang, text) if s.strip()]
    except ImportError:
        pass
    try:
        import pysbd
        cache = {}

        def run(text, lang):
            if lang not in cache:
                cache[lang] = pysbd.Segmenter(language=lang, clean=False)
            return [s.strip() for s in cache[lang].segment(text) if s.strip()]
        found["pysbd"] = run
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--show", action="store_true", help="print the cases each one gets wrong")
    args = parser.parse_args()
    sets = {name: [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(
        encoding="utf-8").splitlines() if line] for name in ("cases", "heldout")}
    texts = {}
    for lang in ("fr", "en"):
        lines = []
        for path in sorted(CORPUS.glob(f"*.{lang}.txt")):
            text = path.read_text(encoding="utf-8")
            lines += [line for line in text.splitlines() if line.strip()]
        texts[lang] = "\n".join(lines * args.repeat)
    speeds = {}
    for name, segment in segmenters().items():
        for set_name, cases in sets.items():
            right = {"fr": 0, "en": 0}
            for case in cases:
                got = segment(" ".join(case["sentences"]), case["lang"])
                if got == case["sentences"]:
                    right[case["lang"]] += 1
                elif args.show:
                    print(f"# {name} {set_name} {case['lang']}: {got}")
            total = {lang: sum(c["lang"] == lang for c in cases) for lang in right}
            print(f"{name}.{set_name}.accuracy={sum(right.values()) / len(cases):.3f}")
            for lang in right:
                print(f"{name}.{set_name}.accuracy.{lang}={right[lang] / total[lang]:.3f}")
        if NOVELS.is_dir():
            for lang, side in (("fr", "src.txt"), ("en", "tgt.txt")):
                tp, fp, fn = boundaries(segment, lang, side)
                precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
                f1 = 2 * precision * recall / max(precision + recall, 1e-9)
                print(f"{name}.novels.{lang}.precision={precision:.3f}")
                print(f"{name}.novels.{lang}.recall={recall:.3f}")
                print(f"{name}.novels.{lang}.f1={f1:.3f}")
        if not CORPUS.is_dir():
            continue
        count, began = 0, time.perf_counter()
        for lang, text in texts.items():
            for line in text.splitlines():   # libraries get one paragraph at a time, like termkit
                count += len(segment(line, lang))
        speeds[name] = count / (time.perf_counter() - began)
        print(f"{name}.sentences_per_s={speeds[name]:.0f}")
    if "segtok" in speeds:
        print(f"termkit_vs_segtok.speed_ratio={speeds['termkit'] / speeds['segtok']:.2f}")


if __name__ == "__main__":
    main()
