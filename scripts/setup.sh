#!/usr/bin/env bash
# Create .venv and install Isnad (idempotent: a second run only checks).
# torch comes first, pinned to the CPU wheel: an unpinned torch pulled in by
# sentence-transformers would be a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
REQ=${1:-requirements.txt}
stamp=.venv/.installed-$(cat requirements.txt "$REQ" | sha256sum | cut -c1-16)
if [[ ! -x .venv/bin/python ]]; then
  echo "creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
if [[ ! -f $stamp ]]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet "torch==2.13.0" --find-links /opt/wheels
  .venv/bin/python -m pip install --quiet -r "$REQ"
  .venv/bin/python -m pip check
  touch "$stamp"
fi
