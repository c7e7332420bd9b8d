#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time (ctest, label "fuzz", asan preset):
#   run-fuzzer.sh <binary> <seconds> <seed corpus dir> [libFuzzer flags...]
# The committed corpus (tests/fuzz/corpus/...) is read, never written: new inputs go to a
# scratch directory. A fresh seed each run, printed first, so a failure can be replayed with
# -seed=N. Crash inputs land in $AGENTDESK_ARTIFACTS/fuzz-<name>-crash-<sha1>.
set -uo pipefail
binary=$1
seconds=$2
corpus=$3
shift 3
name=$(basename "$binary")
seed=${AGENTDESK_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
artifacts=${AGENTDESK_ARTIFACTS:-$scratch}
echo "fuzz: $name seed $seed, ${seconds} s, corpus $(ls "$corpus" | wc -l) files from $corpus"
"$binary" -seed="$seed" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
    -print_final_stats=1 -artifact_prefix="$artifacts/fuzz-$name-" "$@" "$scratch" "$corpus" \
    >"$scratch/log" 2>&1
rc=$?
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$scratch/log" | sed "s/^/fuzz: $name /"
execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$scratch/log" | grep -oE '[0-9]+$')
cov=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$scratch/log" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+$')
echo "fuzz: $name executions ${execs:-?}, coverage ${cov:-?} edges, new inputs $(ls "$scratch" | grep -vc '^log$'), exit $rc"
if [ $rc -ne 0 ]; then
    tail -80 "$scratch/log"
    echo "fuzz: $name failed with seed $seed; reproduce: $binary <crash file> (see $artifacts)"
fi
exit $rc
