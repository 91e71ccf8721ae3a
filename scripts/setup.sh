#!/usr/bin/env bash
# Set up termkit in ./.venv from requirements.lock (idempotent: re-installs only when the lock,
# pyproject.toml or constraints.txt changed). Installs Apertium from Debian when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v apertium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Apertium (apertium apertium-fr-es apertium-en-es)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        apertium apertium-fr-es apertium-en-es >/dev/null) \
      || echo "setup: warning: Apertium could not be installed; its engine and tests are skipped" >&2
  else
    echo "setup: note: Apertium not found; install apertium apertium-fr-es apertium-en-es for the rule-based engine" >&2
  fi
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# Install termkit (editable) with its [dev] extra at the versions of requirements.lock (made by
# scripts/lock.sh), only when the lock, the ranges or this script changed since the last install
# (a stamp of their sha256 in .venv); TERMKIT_REINSTALL=1 installs anyway. The lock is a pip
# constraints file given through PIP_CONSTRAINT so that it also pins termkit's build
# requirement (setuptools) in pip's isolated build environment.
STAMP=.venv/termkit-install.sha256
stamp=$( (cat requirements.lock pyproject.toml constraints.txt scripts/setup.sh; .venv/bin/python -VV) \
  | sha256sum | cut -d' ' -f1)
if [ "${TERMKIT_REINSTALL:-}" != 1 ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi
rm -f "$STAMP"
echo "setup: installing termkit and its dev dependencies from requirements.lock" >&2
PIP_CONSTRAINT="$PWD/requirements.lock" \
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
# The lock must pin exactly what was installed: a package it does not pin (a dependency added to
# pyproject.toml without running scripts/lock.sh, or a package installed by hand) is reported;
# with TERMKIT_LOCK_STRICT=1 (as in .ci/run) that fails the set-up.
if ! .venv/bin/python scripts/lockfile.py check requirements.lock; then
  if [ "${TERMKIT_LOCK_STRICT:-}" = 1 ]; then
    echo "setup: error: .venv differs from requirements.lock (above): run scripts/lock.sh" >&2
    exit 1
  fi
  echo "setup: warning: .venv differs from requirements.lock (above): run scripts/lock.sh if" \
    "pyproject.toml changed, or remove .venv to start clean" >&2
fi
echo "$stamp" > "$STAMP"
