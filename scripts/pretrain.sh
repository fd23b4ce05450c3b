#!/usr/bin/env bash
# Trains every shipped model from scratch with fixed seeds into assets/models/, resuming any run
# that was interrupted (each writes checkpoints as it goes), then evaluates each and stores the
# results in its metadata. Hours on a 2-core laptop: run it in the background and come back.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/episcope
RUNS=${EPISCOPE_RUNS:-runs}
OUT=assets/models
mkdir -p "$RUNS" "$OUT"

train() {  # name, then train arguments
  local name=$1; shift
  local model="$RUNS/$name.safetensors"
  if [ -f "$model" ]; then "$BIN" train --resume --out "$model" "$@" 2>&1 | tail -n 3
  else "$BIN" train "$@" --out "$model" 2>&1 | tail -n 3; fi
}

train maml-sine            maml --dataset sine --seed 3
train pretrained-sine      pretrained --dataset sine --seed 4
train protonet-omniglot-1shot protonet --ways 60 --shots 1 --queries 5 --iterations 6000 --lr-decay-every 2000 --test-setting 5x1 --seed 1
train protonet-omniglot-5shot protonet --ways 60 --shots 5 --queries 5 --iterations 5000 --lr-decay-every 2000 --test-setting 5x5 --seed 2
train protonet-omniglot-lake  protonet --split lake --ways 60 --shots 1 --queries 5 --iterations 4000 --lr-decay-every 2000 --test-setting 20x1 --seed 5
train maml-omniglot-5w1s   maml --seed 6
train fomaml-omniglot-5w1s fomaml --seed 7
train reptile-omniglot-5w5s reptile --seed 8

# Evaluate and ship: results go into the model's metadata (scripts/ship-model.sh).
for name in maml-sine pretrained-sine protonet-omniglot-1shot protonet-omniglot-5shot protonet-omniglot-lake \
            maml-omniglot-5w1s fomaml-omniglot-5w1s reptile-omniglot-5w5s; do
  [ -f "$RUNS/$name.safetensors" ] && "$BIN" ship "$RUNS/$name.safetensors" --to "$OUT/$name.safetensors"
done
