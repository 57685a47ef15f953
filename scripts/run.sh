#!/usr/bin/env bash
# The one command that runs Isnad: sets up .venv, ingests the sample collection
# on first start (empty store), and serves the UI + API on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
export HF_HUB_OFFLINE=1
exec .venv/bin/python -m bot serve "$@"
