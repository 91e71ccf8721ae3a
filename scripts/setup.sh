#!/usr/bin/env bash
# Set up termkit in ./.venv (idempotent). Installs Apertium from Debian when run as root.
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
# torch (pulled by argostranslate) is pinned by constraints.txt to the CPU build.
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"
