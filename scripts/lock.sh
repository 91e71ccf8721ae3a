#!/usr/bin/env bash
# Make requirements.lock: the exact version of every package the dev install pulls (termkit's
# dependencies, its [dev] extra and its build requirement setuptools, all of them, transitively).
# scripts/setup.sh installs from it, so every machine and CI get the same versions.
#
# A throw-away venv is built from pyproject.toml's ranges with the newest versions they allow
# (and constraints.txt's pins: torch 2.13.0, whose CPU build lies on this machine's disk), then
# frozen. Run it after changing a dependency in pyproject.toml, or to take newer releases; then
# run `bash scripts/test.sh` (setup.sh re-installs because the lock changed) and commit the lock.
#   bash scripts/lock.sh                 PYTHON=python3.11 bash scripts/lock.sh
# The lock holds for the interpreter and platform it was made with (named in its header).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PY" -m venv "$work/venv"
pip=("$work/venv/bin/python" -m pip --disable-pip-version-check)
# --upgrade-strategy eager: what the venv came with (setuptools) is raised to the newest allowed too
"${pip[@]}" install -q --upgrade --upgrade-strategy eager -c constraints.txt ".[dev]" "setuptools>=68"
{
  echo "# The exact version of every package of termkit's dev install, made by scripts/lock.sh"
  echo "# from pyproject.toml's ranges and constraints.txt; scripts/setup.sh installs from it."
  echo "# Do not edit by hand: change pyproject.toml or constraints.txt and run scripts/lock.sh."
  echo "# Made with $("$work/venv/bin/python" -c 'import platform; print("Python", platform.python_version(), "on", platform.system(), platform.machine())')."
  # pip is the installer, not a package of the install; a local label (torch's +cpu) is left
  # out so that the pin also matches the build an index serves where that file is not on disk
  "${pip[@]}" freeze --all --exclude pip --exclude termkit | "$work/venv/bin/python" scripts/lockfile.py pins
} > "$work/requirements.lock"
mv "$work/requirements.lock" requirements.lock
echo "lock: requirements.lock pins $(grep -vc '^#' requirements.lock) packages"
