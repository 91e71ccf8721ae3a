"""Start-up cost of the command line: ``termkit --help`` and a one-sentence ``glossary lookup``.

Each command runs as a fresh process of the same interpreter, as the ``termkit`` console script
does (``from termkit.cli import main``), ``--runs`` times, the commands taking turns so that the
machine's load falls on all of them alike; a warm-up round comes first. For each command:
the median wall time (from the start of the process to its end, as ``os.wait4`` reports it),
the median CPU time (user + system: less moved by other load on the machine than wall time) and
the median peak RSS of that process. The baseline, measured in the same run, is
``python -c pass``; the ratios and the extra milliseconds are against it.
``--root DIR`` measures another checkout of termkit (put first on PYTHONPATH, its glossary
used) with the same interpreter; ``--before DIR`` measures a second checkout in the same rounds
and prints the ratios of the first to it (before/after a change).
Prints ``name=value`` lines.

    python benchmarks/bench_startup.py [--runs 20] [--root DIR] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Le rôle de l’ONUDC contre la traite d’êtres humains"
CONSOLE = "import sys; from termkit.cli import main; sys.argv[0] = 'termkit'; sys.exit(main())"


class Command:
    """One measured command: its argv, and the checkout it runs from (first on PYTHONPATH)."""

    def __init__(self, argv: list[str], root: Path):
        self.argv, self.root, self.env = argv, root, environment(root)


def commands(root: Path, before: Path | None) -> dict[str, Command]:
    """The measured commands by name, the baseline first; ``before_…`` ones for ``before``."""
    termkit = [sys.executable, "-c", CONSOLE]
    measured = {"python": Command([sys.executable, "-c", "pass"], root)}
    for prefix, checkout in (("", root), ("before_", before)):
        if checkout is None:
            continue
        glossary = str(checkout / "glossaries" / "trafficking.tbx")
        measured[f"{prefix}help"] = Command([*termkit, "--help"], checkout)
        measured[f"{prefix}lookup"] = Command([*termkit, "glossary", "lookup", glossary, SENTENCE],
                                              checkout)
    return measured


def environment(root: Path) -> dict[str, str]:
    """The environment of every run: ``root`` first on the import path, English messages."""
    env = dict(os.environ, LANGUAGE="en", NO_COLOR="1", COLUMNS="100")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))
    return env


def run_once(name: str, command: Command) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one run; a failing run stops the benchmark."""
    start = time.perf_counter()
    process = subprocess.Popen(command.argv, env=command.env, cwd=command.root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"bench_startup: {name} exited {process.returncode}:\n{error}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def measure(measured: dict[str, Command], runs: int) -> dict[str, tuple[float, float, float]]:
    """{name: medians of (wall s, CPU s, peak RSS MB)} over ``runs`` rounds after a warm-up."""
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in measured}
    for round_number in range(runs + 1):
        for name, command in measured.items():
            result = run_once(name, command)
            if round_number:  # round 0 warms the disk cache and .pyc files
                samples[name].append(result)
    return {name: tuple(statistics.median(column) for column in zip(*values))
            for name, values in samples.items()}


def termkit_location(root: Path) -> str:
    """Where the measured runs import termkit from (to check that ``--root`` took effect)."""
    result = subprocess.run([sys.executable, "-c", "import termkit; print(termkit.__file__)"],
                            env=environment(root), cwd=root, capture_output=True, text=True,
                            check=True)
    return str(Path(result.stdout.strip()).parent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="measured rounds (default 20)")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the termkit checkout to measure (default: this one)")
    parser.add_argument("--before", type=Path,
                        help="another checkout to measure in the same rounds, for ratios")
    args = parser.parse_args()
    root = args.root.resolve()
    before = args.before.resolve() if args.before else None
    print(f"python={platform.python_version()}")
    print(f"termkit={termkit_location(root)}")
    if before:
        print(f"before_termkit={termkit_location(before)}")
    print(f"runs={args.runs}", flush=True)
    results = measure(commands(root, before), args.runs)
    for name, (seconds, cpu, rss) in results.items():
        print(f"{name}_ms={seconds * 1000:.1f}")
        print(f"{name}_cpu_ms={cpu * 1000:.1f}")
        print(f"{name}_peak_rss_mb={rss:.1f}")
    for name in results:
        if name != "python":
            ratios(name, results[name], "python", results["python"])
    for name in ("help", "lookup"):
        if f"before_{name}" in results:
            ratios(name, results[name], "before", results[f"before_{name}"])


def ratios(name: str, result: tuple[float, float, float], other: str,
           baseline: tuple[float, float, float]) -> None:
    """Print ``name``'s extra milliseconds and its ratios against ``other``."""
    (seconds, cpu, rss), (base_s, base_cpu, base_rss) = result, baseline
    print(f"{name}_extra_ms_vs_{other}={(seconds - base_s) * 1000:.1f}")
    print(f"{name}_time_ratio_vs_{other}={seconds / base_s:.2f}")
    print(f"{name}_cpu_ratio_vs_{other}={cpu / base_cpu:.2f}")
    print(f"{name}_rss_ratio_vs_{other}={rss / base_rss:.2f}")


if __name__ == "__main__":
    main()
