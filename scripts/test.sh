#!/usr/bin/env bash
# The one command that runs the tests: sets up .venv with the test extras, makes
# sure Debian's chromium is there for the browser test, then runs pytest offline.
# Lint and format check (ruff, configured in pyproject.toml) run first. Extra arguments go to pytest (e.g. scripts/test.sh -k chunking).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
scripts/ensure_chromium.sh
export HF_HUB_OFFLINE=1
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
exec .venv/bin/python -m pytest "$@"
