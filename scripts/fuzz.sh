#!/usr/bin/env bash
# `make fuzz`: fuzzes each reader of outside bytes with libFuzzer and the address sanitizer.
#
# Builds EpiscopeFuzz apart from the normal build (scratch path .build-fuzz) with coverage
# instrumentation, ASan and libFuzzer; writes seed inputs with the project's own files and writers
# (and a few drawings from the Omniglot folder, when there is one) into .build-fuzz/corpus; runs
# each reader in turn, on one core, for FUZZ_SECONDS or FUZZ_RUNS executions; and copies every
# crash, hang or out-of-memory input to Tests/FuzzRegressions/<reader>/, which `make test` replays.
#
#   FUZZ_SECONDS=60   time per reader          FUZZ_RUNS=-1  executions per reader (-1: no limit)
#   FUZZ_READERS="png zip safetensors cache lecture"
#   EPISCOPE_DATA=DIR the Omniglot folder for PNG seeds (default ../shared/omniglot)
set -eu
# Swift keeps some runtime allocations to process exit; they are not the readers' leaks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
seconds=${FUZZ_SECONDS:-60}
runs=${FUZZ_RUNS:--1}
readers=${FUZZ_READERS:-png zip safetensors cache lecture}
data=${EPISCOPE_DATA:-../shared/omniglot}
scratch=.build-fuzz
binary=$scratch/release/EpiscopeFuzz

# -sanitize=fuzzer would link libFuzzer's own main(), which clashes with the target's main.swift;
# so the coverage flags are given by hand and the library without main() is linked, and the
# target calls LLVMFuzzerRunDriver itself. ld.gold fails on the sanitized objects; lld does not.
swiftc=$(readlink -f "$(command -v swiftc || echo "$(dirname "$(readlink -f "$(command -v "$SWIFT")")")/swiftc")")
nomain=$(find "$(dirname "$swiftc")/../lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' 2>/dev/null | head -n 1)
if [ -z "$nomain" ]; then
  echo "fuzz: this Swift toolchain has no libclang_rt.fuzzer_no_main (libFuzzer); cannot fuzz" >&2
  exit 1
fi
$SWIFT build -c release --scratch-path "$scratch" --product EpiscopeFuzz \
  -Xswiftc -DEPISCOPE_FUZZ -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -use-ld=lld -Xlinker "$nomain" -Xlinker -lstdc++

# MARK: Seeds (rewritten on every run; libFuzzer adds what it finds beside them)
corpus=$scratch/corpus
mkdir -p "$corpus"/{png,zip,safetensors,cache,lecture}
cp assets/lectures/*.lecture "$corpus/lecture/"
# The small sine models; the Omniglot ones (450 KB) would raise the input size limit for nothing.
cp assets/models/*sine*.safetensors "$corpus/safetensors/"
small=$data/images_background_small1.zip
if [ -f "$small" ] && command -v python3 >/dev/null; then
  # A few real drawings, and two tiny archives in Omniglot's layout (one character, 20 drawers)
  # from which EpiscopeFuzz writes a cache file with the project's own cache writer.
  python3 - "$small" "$corpus" "$scratch/seed-archives" <<'PY'
import os, sys, zipfile
small, corpus, folder = sys.argv[1:]
with zipfile.ZipFile(small) as z:
    pngs = sorted(n for n in z.namelist() if n.endswith(".png"))[:20]
    drawings = [z.read(n) for n in pngs]
for i, d in enumerate(drawings[:6]):
    open(os.path.join(corpus, "png", f"omniglot-{i}.png"), "wb").write(d)
os.makedirs(folder, exist_ok=True)
for set_, alphabet, ident in (("background", "Alpha", 1), ("evaluation", "Beta", 2)):
    path = os.path.join(folder, f"images_{set_}.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for drawer, d in enumerate(drawings, 1):
            z.writestr(f"images_{set_}/{alphabet}/character01/{ident:04d}_{drawer:02d}.png", d)
    open(os.path.join(corpus, "zip", f"{set_}.zip"), "wb").write(open(path, "rb").read())
PY
  SWIFT_BACKTRACE=enable=no "$binary" seed-cache "$scratch/seed-archives" "$corpus/cache"
else
  echo "fuzz: no $small (or no python3): the png, zip and cache readers start from empty corpora" >&2
fi

# MARK: Runs
status=0
for reader in $readers; do
  regressions=Tests/FuzzRegressions/$reader
  artifacts=$scratch/artifacts/$reader
  mkdir -p "$artifacts"
  seeds=("$corpus/$reader")
  [ -d "$regressions" ] && seeds+=("$regressions")
  echo "== fuzz $reader: ${seconds}s, runs $runs" >&2
  # Swift's backtracer takes minutes per crash under ASan; libFuzzer reports crashes itself.
  # A decoded input may take 10 s and 2 GB at most; more is a hang or unbounded memory.
  SWIFT_BACKTRACE=enable=no "$binary" "$reader" "${seeds[@]}" \
    -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 2>"$scratch/$reader.log" || status=1
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done|SUMMARY)' "$scratch/$reader.log" >&2 || true
  for found in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/slow-unit-*; do
    [ -e "$found" ] || continue
    mkdir -p "$regressions"
    mv "$found" "$regressions/"
    echo "fuzz $reader: kept $(basename "$found") in $regressions (log: $scratch/$reader.log)" >&2
  done
done
exit $status
