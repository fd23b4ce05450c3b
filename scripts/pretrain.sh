#!/usr/bin/env bash
# Trains every shipped model from scratch with fixed seeds into assets/models/, resuming any run
# that was interrupted (each writes checkpoints as it goes; runs too long for one sitting keep
# their model and resume state in training/), then evaluates each and stores the results in its
# metadata. Hours on a 2-core laptop: run it in the background and come back. Every line names
# its total iterations, because a resumed run otherwise keeps the total it was last given.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/episcope
RUNS=${EPISCOPE_RUNS:-training}
OUT=assets/models
mkdir -p "$RUNS" "$OUT"

train() {  # name, then train arguments
  local name=$1; shift
  local model="$RUNS/$name.safetensors"
  if [ -f "$model" ]; then "$BIN" train --resume --out "$model" "$@" 2>&1 | tail -n 3
  else "$BIN" train "$@" --out "$model" 2>&1 | tail -n 3; fi
}

train maml-sine            maml --dataset sine --iterations 70000 --inner-steps 10 --meta-loss first-last --seed 0
train pretrained-sine      pretrained --dataset sine --iterations 70000 --seed 4
train protonet-omniglot-1shot protonet --ways 60 --shots 1 --queries 5 --iterations 6000 --lr-decay-every 2000 --test-setting 5x1 --seed 1
train protonet-omniglot-5shot protonet --ways 60 --shots 5 --queries 5 --iterations 5000 --lr-decay-every 2000 --test-setting 5x5 --seed 2
train protonet-omniglot-lake  protonet --split lake --ways 60 --shots 1 --queries 5 --iterations 2000 --lr-decay-every 1000 --validate-every 250 --test-setting 20x1 --seed 5
train matching-omniglot-1shot matching --similarity-scale 10 --ways 20 --shots 1 --queries 5 --iterations 10000 --lr-decay-every 2000 --validate-every 500 --validation-episodes 200 --checkpoint-every 250 --test-setting 5x1 --seed 11
train siamese-omniglot     siamese --split lake --ways 20 --shots 1 --queries 5 --iterations 10000 --lr-decay-every 2000 --validate-every 500 --validation-episodes 200 --checkpoint-every 250 --test-setting 5x1 --seed 12
train relation-omniglot-5way1shot relation --ways 5 --shots 1 --queries 19 --iterations 20000 --lr-decay-every 5000 --validate-every 1000 --validation-episodes 200 --checkpoint-every 250 --test-setting 5x1 --seed 13
train relation-omniglot-5way5shot relation --ways 5 --shots 5 --queries 15 --iterations 20000 --lr-decay-every 5000 --validate-every 1000 --validation-episodes 200 --checkpoint-every 250 --test-setting 5x5 --seed 14
train maml-omniglot-5w1s   maml --iterations 30000 --validate-every 250 --validation-episodes 100 --checkpoint-every 50 --seed 6
train fomaml-omniglot-5w1s fomaml --iterations 8000 --validate-every 250 --validation-episodes 200 --checkpoint-every 50 --seed 7
train reptile-omniglot-5w5s reptile --iterations 40000 --validate-every 5000 --validation-episodes 100 --checkpoint-every 500 --seed 8
train mann-omniglot-5class mann --iterations 100000 --seed 3
train lstm-omniglot-5class lstm --iterations 8703 --seed 4

# Evaluate and ship: results go into the model's metadata. A run ships the model that did best on
# its validation episodes (X.best.safetensors, early stopping as the papers), else its last one.
for name in maml-sine pretrained-sine protonet-omniglot-1shot protonet-omniglot-5shot protonet-omniglot-lake matching-omniglot-1shot siamese-omniglot relation-omniglot-5way1shot relation-omniglot-5way5shot \
            maml-omniglot-5w1s fomaml-omniglot-5w1s reptile-omniglot-5w5s mann-omniglot-5class lstm-omniglot-5class; do
  model="$RUNS/$name.best.safetensors"
  [ -f "$model" ] || model="$RUNS/$name.safetensors"
  [ -f "$model" ] && "$BIN" ship "$model" --to "$OUT/$name.safetensors"
done
