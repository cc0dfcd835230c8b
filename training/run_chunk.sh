#!/usr/bin/env bash
# One time-boxed step of the training pipeline (see README.md). Run it again until it prints
# "status": "finished" in its SUMMARY line; each call resumes training/runs/<name>/last.pt if present,
# and once training is done evaluates (PyTorch + ONNX), exports models/ppe-detector.onnx and copies the
# artefacts to $OUT.
#   OUT=/tmp/out bash training/run_chunk.sh --epochs 120 --cache-ram
# Environment: PPE_DATA (dataset folder, default training/data/ppe), OUT (artefact folder), PYTHON.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONUNBUFFERED=1
DATA="${PPE_DATA:-training/data/ppe}"
if [ ! -e "$DATA" ]; then
  echo "dataset not found at $DATA (copy it there or set PPE_DATA)" >&2
  exit 2
fi
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null || echo "no GPU visible"
exec "${PYTHON:-python3}" training/pipeline.py --data "$DATA" --out "${OUT:-training/runs/out}" "$@"
