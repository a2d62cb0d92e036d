#!/usr/bin/env bash
# Installs what the training pipeline needs, from Debian packages only (PyPI is not reachable here).
# OpenBLAS matters: without it Debian torch falls back to the reference BLAS and is ~30x slower.
set -euo pipefail
pkgs=(python3-torch python3-onnx python3-numpy libopenblas0-pthread)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
/usr/bin/python3 -c 'import torch, onnx, numpy; print("torch", torch.__version__, "onnx", onnx.__version__, "numpy", numpy.__version__)'
