"""requirements.lock: write it from ``pip freeze``, or check an environment against it.

    pip freeze --all | python scripts/lockfile.py pins > body      (used by scripts/lock.sh)
    python scripts/lockfile.py check requirements.lock             (used by scripts/setup.sh)

``pins`` turns freeze lines into sorted ``name==version`` lines: names in their canonical form,
local version labels (torch's ``+cpu``) dropped so that a pin matches the same release from any
index. ``check`` lists each installed package that the lock does not pin (or pins at another
version) and each pinned package that is not installed, and exits 1 if there is one.
pip itself and termkit are not part of the lock.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import distributions

UNLOCKED = {"pip", "termkit"}


def canonical(name: str) -> str:
    """A distribution name as PyPI compares it (``Jinja2``, ``typing_extensions`` → ``jinja2``,
    ``typing-extensions``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def release(version: str) -> str:
    """A version without its local label (``2.13.0+cpu`` → ``2.13.0``)."""
    return version.split("+", 1)[0]


def read_pins(lines) -> dict[str, str]:
    """``{name: version}`` from ``name==version`` lines (comments and blank lines skipped)."""
    pins = {}
    for number, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep or not name.strip() or not version.strip():
            raise SystemExit(f"lockfile: line {number}: not a name==version pin: {line!r}")
        pins[canonical(name.strip())] = release(version.strip())
    return pins


def pins(lines) -> str:
    """The body of the lock from ``pip freeze`` lines."""
    found = read_pins(lines)
    return "".join(f"{name}=={found[name]}\n" for name in sorted(found) if name not in UNLOCKED)


def differences(lock: dict[str, str]) -> list[str]:
    """How the installed packages differ from the lock, one line each."""
    installed = {canonical(dist.metadata["Name"]): release(dist.version)
                 for dist in distributions()}
    problems = []
    for name in sorted(installed.keys() - UNLOCKED):
        if name not in lock:
            problems.append(f"{name}=={installed[name]} is installed but not pinned")
        elif lock[name] != installed[name]:
            problems.append(f"{name}=={installed[name]} is installed, the lock pins {lock[name]}")
    problems += [f"{name}=={lock[name]} is pinned but not installed"
                 for name in sorted(lock.keys() - installed.keys())]
    return problems


def main(argv: list[str]) -> int:
    if argv[1:2] == ["pins"] and len(argv) == 2:
        sys.stdout.write(pins(sys.stdin))
        return 0
    if argv[1:2] == ["check"] and len(argv) == 3:
        with open(argv[2], encoding="utf-8") as handle:
            problems = differences(read_pins(handle))
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1 if problems else 0
    print("usage: lockfile.py pins < freeze.txt | lockfile.py check requirements.lock",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
