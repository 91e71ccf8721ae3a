"""The shape of the code: the layer contract (.importlinter) holds, it covers every top-level
module, and no module grows past the size a reader can hold in mind."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "termkit"
#: the most lines a module may have (DEVELOPERS.md: modules stay small)
MAX_LINES = 400


def _layers() -> list[str]:
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    text = config["importlinter:contract:layers"]["layers"]
    return [name.strip() for line in text.splitlines() for name in line.split("|")
            if name.strip()]


def test_every_top_level_module_has_a_layer():
    layered = set(_layers())
    modules = {f"termkit.{path.stem}" for path in PACKAGE.glob("*.py")
               if path.stem not in ("__init__", "__main__")}
    packages = {f"termkit.{path.parent.name}" for path in PACKAGE.glob("*/__init__.py")}
    unlisted = sorted((modules | packages) - layered)
    assert not unlisted, f"add to a layer in .importlinter: {unlisted}"


def test_imports_point_down_and_have_no_cycles():
    done = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports; "
                           "import sys; sys.exit(lint_imports(no_cache=True, no_logo=True))"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_no_module_is_too_long():
    long = {str(path.relative_to(ROOT)): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"
