"""Glossary matcher speed: build for N terms, match ~1 MB of text, against a naive baseline.

Two glossaries: ``dense`` (random 1–4-word phrases from the text, so common words such as
"de" are terms: a worst case with a match every few words) and ``realistic`` (the shipped
glossary padded to N terms with random 3–5-word phrases, which rarely occur).

The baseline, measured in the same run, is a bare Aho–Corasick automaton over the lowercased
terms run on the lowercased text (no tokens, no inflection, no offsets mapping, no boundaries).
Prints ``name=value`` lines. Usage: python benchmarks/match_speed.py [--terms 10000] [--mb 1]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import ahocorasick

from termkit.glossary.index import Matcher
from termkit.glossary.model import Concept, Glossary, LangSec, Term

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus-candidates"
FALLBACK = ("La traite des êtres humains et le trafic de migrants sont des infractions graves. "
            "Les services chargés de l’application de la loi coopèrent avec l’OIM et l’ONUDC. ")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--mb", type=float, default=1.0)
    args = parser.parse_args()
    paths = sorted(CORPUS.glob("*.fr.txt"))
    sample = "\n".join(p.read_text(encoding="utf-8") for p in paths) if paths else FALLBACK
    size = int(args.mb * 1_000_000)
    text = (sample * (size // len(sample) + 1))[:size]
    words = sample.split()
    rng = random.Random(1)
    real: list[str] = []
    shipped = ROOT / "glossaries" / "trafficking.csv"
    if shipped.exists():
        from termkit.glossary.formats import load
        real = [t.text for c in load(shipped) for _, t in c.terms("fr")]
    for name, sizes, seed_terms in (("dense", (1, 4), []), ("realistic", (3, 5), real)):
        terms = set(seed_terms)
        while len(terms) < args.terms:
            terms.add(" ".join(rng.choice(words) for _ in range(rng.randint(*sizes))))
        run(name, terms, text)


def run(name: str, terms: set[str], text: str) -> None:
    glossary = Glossary([Concept(f"c{i}", {"fr": LangSec("fr", [Term(t)])})
                         for i, t in enumerate(sorted(terms))])
    began = time.perf_counter()
    matcher = Matcher(glossary, "fr")
    build = time.perf_counter() - began
    began = time.perf_counter()
    matches = matcher.find(text)
    find = time.perf_counter() - began

    began = time.perf_counter()
    naive = ahocorasick.Automaton()
    for term in terms:
        naive.add_word(term.lower(), term)
    naive.make_automaton()
    naive_build = time.perf_counter() - began
    began = time.perf_counter()
    naive_hits = sum(1 for _ in naive.iter(text.lower()))
    naive_find = time.perf_counter() - began

    print(f"{name}.terms={len(terms)}")
    print(f"{name}.text_chars={len(text)}")
    print(f"{name}.termkit.build_s={build:.3f}")
    print(f"{name}.termkit.find_s={find:.3f}")
    print(f"{name}.termkit.matches={len(matches)}")
    print(f"{name}.termkit.mb_per_s={len(text) / 1e6 / find:.2f}")
    print(f"{name}.baseline.build_s={naive_build:.3f}")
    print(f"{name}.baseline.find_s={naive_find:.3f}")
    print(f"{name}.baseline.hits_overlapping_unbounded={naive_hits}")
    print(f"{name}.find_ratio_vs_baseline={find / naive_find:.2f}")


if __name__ == "__main__":
    main()
