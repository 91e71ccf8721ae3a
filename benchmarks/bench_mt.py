"""MT benchmark: throughput against argostranslate, enforcement overhead, term accuracy, chrF.

    .venv/bin/python benchmarks/bench_mt.py [--shared ../shared] [--glossary PATH]

Prints ``name=value`` lines. Same model (the tiny Argos package in ../shared/models) and same
sentences for every figure, all measured in this one run. argostranslate runs offline: its
packages and caches go to a temporary folder and its sentence splitter is replaced by termkit's
(argostranslate would otherwise download one).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit import segment  # noqa: E402
from termkit.glossary.index import Matcher  # noqa: E402
from termkit.mt import apertium, constrain, enforce  # noqa: E402
from termkit.mt.ct2 import CT2Engine  # noqa: E402
from termkit.mt.package import read  # noqa: E402
from termkit.mt.translate import translate  # noqa: E402

METHODS = {"argos": ["none", "mask", "mask+rerank", "mask+rerank+prefix",
                     "mask+rerank+prefix+postedit", "mask+rerank+postedit", "postedit",
                     "rerank+postedit"],
           "apertium": ["none", "mask", "mask+postedit", "postedit"]}


def out(name: str, value) -> None:
    print(f"{name}={value:.3f}" if isinstance(value, float) else f"{name}={value}", flush=True)


def corpus(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """All French paragraphs, and (fr, en) paragraph pairs of files whose line counts match."""
    paragraphs, pairs = [], []
    for fr_path in sorted(folder.glob("*.fr.txt")):
        fr = [l.strip() for l in fr_path.read_text(encoding="utf-8").splitlines() if l.strip()]
        paragraphs += fr
        en_path = fr_path.with_name(fr_path.name.replace(".fr.txt", ".en.txt"))
        if en_path.exists():
            en = [l.strip() for l in en_path.read_text(encoding="utf-8").splitlines()
                  if l.strip()]
            if len(en) == len(fr):
                pairs += list(zip(fr, en))
    return paragraphs, pairs


def load_glossary(explicit: str | None):
    from termkit.glossary.formats import load

    for path in [explicit, ROOT / "glossaries" / "trafficking.tbx",
                 ROOT / "glossaries" / "trafficking.csv"]:
        if path and Path(path).exists():
            return load(path), str(path)
    spec = importlib.util.spec_from_file_location("d", ROOT / "tests" / "data" / "mt" / "domain.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build(), "tests/data/mt/domain.py"


def argos_baseline(package_path: Path, paragraphs: list[str]) -> float:
    """Seconds for argostranslate.translate.translate() over the paragraphs (offline)."""
    tmp = tempfile.mkdtemp(prefix="argos-bench-")
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = os.path.join(tmp, var.lower())
    os.environ["ARGOS_PACKAGES_DIR"] = os.path.join(tmp, "packages")
    os.environ["ARGOS_BEAM_SIZE"] = "4"
    os.environ["ARGOS_DEVICE_TYPE"] = "cpu"
    import argostranslate.package
    import argostranslate.translate as at

    class OfflineSentencizer:                      # termkit's splitter, no download
        def __init__(self, pkg):
            self.lang = pkg.from_code

        def split_sentences(self, text):
            return segment.split(text, self.lang) or [text]

    at.MiniSBDSentencizer = OfflineSentencizer
    at.StanzaSentencizer = OfflineSentencizer
    argostranslate.package.install_from_path(package_path)
    at.translate(paragraphs[0], "fr", "en")        # load the model
    return best_of(2, lambda: [at.translate(p, "fr", "en") for p in paragraphs])


def best_of(runs: int, work) -> tuple[float, float]:
    """The shortest wall time and the shortest CPU time (this process, its threads and its
    children, e.g. Apertium) of ``runs`` runs: the machine is shared, CPU time is steadier."""
    walls, cpus = [], []
    for _ in range(runs):
        before, start = sum(os.times()[:4]), time.perf_counter()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(sum(os.times()[:4]) - before)
    return min(walls), min(cpus)


def scores(results, refs, glossary, tgt: str) -> dict:
    """Term accuracy (any allowed target term; the preferred one), chrF against references."""
    import sacrebleu

    matcher = Matcher(glossary, tgt)
    segments = [s for r in results for s in r.segments]
    required = sum(len(s.check.required) for s in segments)
    found = sum(len(s.check.found) for s in segments)
    exact = sum(1 for s in segments for n in s.check.required
                if matcher.contains(s.output, n.term))
    forbidden = sum(len(s.check.forbidden) for s in segments)
    chrf = sacrebleu.corpus_chrf([r.output for r in results[:len(refs)]], [refs]).score \
        if refs else float("nan")
    return {"sentences_with_terms": sum(1 for s in segments if s.check.required),
            "terms": required, "term_acc": 100.0 * found / max(1, required),
            "term_exact": 100.0 * exact / max(1, required), "forbidden": forbidden,
            "chrf": chrf}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--glossary", default=None)
    parser.add_argument("--beam-size", type=int, default=4)
    args = parser.parse_args()
    shared = Path(args.shared)
    package_path = shared / "models" / "translate-fr_en-0_1.argosmodel"
    paragraphs, pairs = corpus(shared / "data" / "corpus-candidates")
    for seed in sorted((shared / "seeds").glob("*.txt")):       # the French INTERPOL seed texts
        paragraphs += [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()
                       if len(line.strip()) > 30 and line.strip() not in paragraphs]
    glossary, glossary_name = load_glossary(args.glossary)
    sentences = [s for p in paragraphs for s in segment.split(p, "fr")]
    out("model", read(package_path).id)
    out("glossary", glossary_name)
    out("beam_size", args.beam_size)
    out("paragraphs", len(paragraphs))
    out("sentences", len(sentences))

    engine = CT2Engine(read(package_path), beam_size=args.beam_size)
    translate(paragraphs[:2], "fr", "en", engine=engine)                     # warm-up
    plain, plain_cpu = best_of(3, lambda: translate(paragraphs, "fr", "en", engine=engine))
    enforced, enforced_cpu = best_of(3, lambda: translate(paragraphs, "fr", "en", engine=engine,
                                                          glossary=glossary))
    baseline, baseline_cpu = argos_baseline(package_path, paragraphs)
    out("termkit_sentences_per_s", len(sentences) / plain)
    out("termkit_enforced_sentences_per_s", len(sentences) / enforced)
    out("argostranslate_sentences_per_s", len(sentences) / baseline)
    out("speedup_vs_argostranslate", baseline / plain)
    out("speedup_vs_argostranslate_cpu", baseline_cpu / plain_cpu)
    out("enforcement_method", enforce.DEFAULT["argos"])
    out("enforcement_overhead", enforced / plain)
    out("enforcement_overhead_cpu", enforced_cpu / plain_cpu)

    fr = [p[0] for p in pairs] + [p for p in paragraphs if p not in {q[0] for q in pairs}]
    refs = [p[1] for p in pairs]
    out("chrf_reference_paragraphs", len(refs))
    engines = {"argos": engine}
    if apertium.available("fr", "en"):
        engines["apertium"] = apertium.ApertiumEngine("fr", "en")
    else:
        print("# apertium not installed: skipped", flush=True)
    for name, chosen in engines.items():
        plain = best_of(2, lambda: translate(fr, "fr", "en", engine=chosen))
        out(f"{name}.no_glossary.seconds", plain[0])
        for method in METHODS[name]:
            rounds = [constrain.ROUNDS] if "prefix" not in method else [1, constrain.ROUNDS]
            for constrain.ROUNDS in rounds:
                label = method + (f"@{constrain.ROUNDS}" if "prefix" in method else "")
                measure(chosen, label, method, fr, refs, glossary, plain)
            constrain.ROUNDS = rounds[-1]

    # the other direction: English paragraphs of the aligned pairs, French references
    en, fr_refs = [p[1] for p in pairs], [p[0] for p in pairs]
    reverse = {"argos": CT2Engine(read(shared / "models" / "translate-en_fr-0_1.argosmodel"),
                                  beam_size=args.beam_size)}
    if "apertium" in engines:
        reverse["apertium"] = apertium.ApertiumEngine("en", "fr")
    for name, chosen in reverse.items():
        plain = best_of(1, lambda: translate(en, "en", "fr", engine=chosen))
        for method in ("none", enforce.DEFAULT[name]):
            measure(chosen, method, method, en, fr_refs, glossary, plain, "en", "fr")


def measure(engine, label: str, method: str, texts: list[str], refs: list[str], glossary,
            plain: tuple[float, float], src: str = "fr", tgt: str = "en") -> None:
    """Translate with one method; print its scores."""
    results = []
    seconds = best_of(2 if src == "fr" else 1, lambda: results.__setitem__(
        slice(None), translate(texts, src, tgt, engine=engine, glossary=glossary, method=method)))
    name = engine.name if src == "fr" else f"{engine.name}.{src}-{tgt}"
    for key, value in scores(results, refs, glossary, tgt).items():
        out(f"{name}.{label}.{key}", value)
    out(f"{name}.{label}.seconds", seconds[0])
    out(f"{name}.{label}.overhead", seconds[0] / plain[0])
    out(f"{name}.{label}.overhead_cpu", seconds[1] / plain[1])


if __name__ == "__main__":
    main()
