#!/usr/bin/env bash
# Set up (if needed) and run the test suite. pytest's "no tests collected" (exit 5) is a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 2
.venv/bin/python -m pytest -q "$@"
rc=$?
if [ "$rc" = 5 ]; then echo "test: no tests were collected: failing" >&2; exit 1; fi
exit "$rc"
