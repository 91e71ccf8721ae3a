"""Benchmark TBX load, validate and write on a generated 100,000-concept TBX v3 file (~130 MB).

Each step runs in its own subprocess; its peak RSS is read by a small wrapper process with
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``. The baseline is a plain
``lxml.etree.parse`` of the same file, measured in the same run. ``--repeat N`` runs every step
N times and keeps the fastest time (the machine is shared: one run can be slowed by others).
``objects`` is a reference floor: building the same number of model instances (Concept,
LangSec, Term) from ready-made strings, with the garbage collector handled as the reader does.
Prints ``name=value`` lines.

    python benchmarks/bench_tbx.py [--concepts 100000] [--dir DIR] [--repeat 1]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent

WORDS_FR = ("traite", "victime", "migrants", "exploitation", "frontière", "enquête", "réseau",
            "protection", "enfant", "travail", "forcé", "passeur", "organe", "police", "justice")
WORDS_EN = ("trafficking", "victim", "migrants", "exploitation", "border", "investigation",
            "network", "protection", "child", "labour", "forced", "smuggler", "organ", "police",
            "justice")


def _words(pool: tuple[str, ...], seed: int, count: int) -> str:
    return " ".join(pool[(seed * 7 + i * 3) % len(pool)] for i in range(count))


def _langsec(lang: str, pool: tuple[str, ...], i: int) -> str:
    definition = escape(_words(pool, i, 7).capitalize() + ".")
    context = escape(_words(pool, i + 5, 7).capitalize() + ".")
    return (f'        <langSec xml:lang="{lang}">\n'
            f'          <descrip type="definition">{definition}</descrip>\n'
            "          <termSec>\n"
            f"            <term>{escape(_words(pool, i, 3))} {i}</term>\n"
            '            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>\n'
            '            <termNote type="partOfSpeech">noun</termNote>\n'
            f'            <descrip type="context">{context}</descrip>\n'
            "          </termSec>\n"
            "          <termSec>\n"
            f"            <term>{escape(_words(pool, i + 1, 2))} {i}</term>\n"
            '            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>\n'
            "          </termSec>\n"
            "        </langSec>\n")


def generate(path: Path, concepts: int) -> None:
    """Write a TBX-Basic v3 file with ``concepts`` fr+en concepts (terms, definitions, contexts)."""
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" '
                  'xml:lang="fr">\n  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n'
                  "        <p>termkit benchmark</p>\n      </sourceDesc>\n    </fileDesc>\n"
                  "  </tbxHeader>\n  <text>\n    <body>\n")
        for i in range(concepts):
            out.write(f'      <conceptEntry id="c{i}">\n'
                      '        <descrip type="subjectField">migration</descrip>\n'
                      + _langsec("fr", WORDS_FR, i) + _langsec("en", WORDS_EN, i)
                      + "      </conceptEntry>\n")
        out.write("    </body>\n  </text>\n</tbx>\n")


def build_objects(concepts: int) -> float:
    """Seconds to build the model instances a load of the generated file makes (strings aside)."""
    import gc

    from termkit.glossary.model import Concept, LangSec, Term

    texts = [[f"{kind} {i}" for kind in ("def", "term", "ctx", "variant")] for i in range(concepts)]
    start = time.perf_counter()
    gc.disable()
    glossary = []
    for i, (definition, text, context, variant) in enumerate(texts):
        concept = Concept(f"c{i}", subject_field="migration")
        for lang in ("fr", "en"):
            concept.langs[lang] = LangSec(lang, definition=definition, terms=[
                Term(text, status="preferred", part_of_speech="noun", context=context),
                Term(variant, status="admitted")])
        glossary.append(concept)
    gc.enable()
    gc.collect()
    return time.perf_counter() - start


def run_step(step: str, path: str, out: str) -> None:
    """Body of one measured step (runs in the grandchild); prints its time in seconds."""
    sys.path.insert(0, str(ROOT))
    from lxml import etree

    from termkit.glossary import tbx, validate

    start = time.perf_counter()
    if step == "objects":
        count = int(out)
        seconds = build_objects(count)
        start = time.perf_counter() - seconds
    elif step == "parse":
        tree = etree.parse(path)
        count = len(tree.getroot()[1][0])
    elif step == "load":
        count = len(tbx.read(path))
    elif step == "validate":
        count = len(validate.validate(path))
    elif step == "write":
        glossary = tbx.read(path)
        count = len(glossary)
        start = time.perf_counter()
        tbx.write(glossary, out)
    else:
        raise SystemExit(f"unknown step {step}")
    print(f"{time.perf_counter() - start:.3f} {count}")


def measure(step: str, path: Path, out: Path | str, repeat: int = 1) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, count) of one step, each run in a fresh process: the fastest
    time and the highest peak of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        result = subprocess.run([sys.executable, __file__, "--wrap", step, str(path), str(out)],
                                check=True, capture_output=True, text=True)
        seconds, count, rss_kb = result.stdout.split()
        runs.append((float(seconds), int(rss_kb) / 1024, int(count)))
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[0][2]


def wrap(step: str, path: str, out: str) -> None:
    """Run the step in a child and report its time and its peak RSS (RUSAGE_CHILDREN)."""
    result = subprocess.run([sys.executable, __file__, "--step", step, path, out],
                            check=True, capture_output=True, text=True)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(result.stdout.strip(), rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--dir", help="work in this folder (kept) instead of a temporary one")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each step N times, keep the fastest (default 1)")
    parser.add_argument("--step", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--wrap", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        return run_step(*args.step)
    if args.wrap:
        return wrap(*args.wrap)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.dir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path, out = folder / "bench.tbx", folder / "bench-out.tbx"
        start = time.perf_counter()
        generate(path, args.concepts)
        print(f"concepts={args.concepts}")
        print(f"file_mb={path.stat().st_size / 2**20:.1f}")
        print(f"generate_s={time.perf_counter() - start:.2f}")
        results = {}
        print(f"repeat={args.repeat}")
        seconds, rss, _count = measure("objects", path, args.concepts, args.repeat)
        results["objects"] = (seconds, rss)
        print(f"objects_s={seconds:.2f}")
        print(f"objects_peak_rss_mb={rss:.0f}")
        for step in ("parse", "load", "validate", "write"):
            seconds, rss, count = measure(step, path, out, args.repeat)
            results[step] = (seconds, rss)
            print(f"{step}_s={seconds:.2f}")
            print(f"{step}_peak_rss_mb={rss:.0f}")
            print(f"{step}_count={count}")
        base_s, base_rss = results["parse"]
        print(f"objects_time_ratio_vs_lxml_parse={results['objects'][0] / base_s:.2f}")
        for step in ("load", "validate", "write"):
            print(f"{step}_time_ratio_vs_lxml_parse={results[step][0] / base_s:.2f}")
            print(f"{step}_rss_ratio_vs_lxml_parse={results[step][1] / base_rss:.2f}")
        print(f"written_mb={out.stat().st_size / 2**20:.1f}")


if __name__ == "__main__":
    main()
