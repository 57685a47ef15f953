#!/usr/bin/env bash
# Create .venv and install Isnad (idempotent: a second run only checks).
#
# torch comes first, and as the CPU build: an unpinned torch pulled in by
# sentence-transformers would be the multi-GB CUDA build from the default index.
# We ask PyTorch's CPU wheel index for it explicitly; where that index cannot be
# reached, pip falls back to whatever this machine's pip is configured with
# (its index, mirror or find-links). On a machine with a GPU this still installs
# the CPU build: Isnad's models are small and run on the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
LLM=0  # --llm: also the optional local language model (scripts/setup_llm.sh)
if [[ ${1:-} == --llm ]]; then LLM=1; shift; fi
REQ=${1:-requirements.txt}
TORCH=torch==2.13.0
TORCH_CPU_INDEX=${ISNAD_TORCH_INDEX:-https://download.pytorch.org/whl/cpu}
stamp=.venv/.installed-$(cat requirements.txt "$REQ" pyproject.toml | sha256sum | cut -c1-16)
say() { echo "[isnad setup] $*" >&2; }
if [[ ! -x .venv/bin/python ]]; then
  say "creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
if [[ ! -f $stamp ]]; then
  pip=(.venv/bin/python -m pip --disable-pip-version-check)
  "${pip[@]}" install --quiet --upgrade pip
  if ! .venv/bin/python -c "import torch, sys; sys.exit(torch.__version__.split('+')[0] != '${TORCH#torch==}')" 2>/dev/null; then
    say "installing $TORCH (CPU build) from $TORCH_CPU_INDEX"
    if ! "${pip[@]}" install --quiet --timeout 20 --retries 1 --index-url "$TORCH_CPU_INDEX" "$TORCH"; then
      say "the CPU wheel index is not reachable: installing $TORCH from the configured pip index"
      "${pip[@]}" install --quiet "$TORCH"
    fi
  fi
  say "installing $REQ (a few minutes on a fresh machine)"
  "${pip[@]}" install --quiet -r "$REQ"
  say "installing Isnad itself (editable: the \`isnad\` command)"
  "${pip[@]}" install --quiet --no-deps --no-build-isolation -e .
  "${pip[@]}" check
  touch "$stamp"
  say "environment ready"
fi
if (( LLM )); then
  scripts/setup_llm.sh
fi
