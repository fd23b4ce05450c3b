#!/usr/bin/env bash
# `make interop-test`: installs the PyTorch companion (interop/pytorch) and its requirements in a
# virtual environment under .build, then runs its tests against the episcope binary $1: short
# CPU trainings that Episcope evaluates, torchrun with two processes, and every shipped model's
# scores in PyTorch against Episcope's. Not part of `make test` (it downloads PyTorch).
set -eu
bin=$(realpath "$1")
venv=.build/interop-venv
stamp=$venv/.installed
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if [ ! -f "$stamp" ] || [ interop/pytorch/pyproject.toml -nt "$stamp" ]; then
  # PyTorch's CPU wheel is a fifth of the default one; when its host cannot be reached, PyPI's.
  "$venv/bin/pip" install --retries 0 --timeout 20 --index-url https://download.pytorch.org/whl/cpu torch \
    || "$venv/bin/pip" install torch
  "$venv/bin/pip" install -e interop/pytorch
  touch "$stamp"
fi
data=${EPISCOPE_DATA:-$("$bin" data --json | "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["directory"])')}
cd interop/pytorch/tests
EPISCOPE_BINARY=$bin EPISCOPE_DATA=$data EPISCOPE_THREADS=1 OMP_NUM_THREADS=1 "../../../$venv/bin/python" -m unittest -v
