#!/usr/bin/env bash
# Runs two criterion bench executables at the same time, one on each core,
# swapping cores every round, so that whatever a noisy host does falls on
# both alike; the figures of one round compare, those of two rounds may not.
# Build each head's executable first (`cargo bench --bench frames --no-run`
# prints its path) and copy it aside.
#
#   benches/paired.sh BEFORE AFTER ROUNDS 'criterion filter' > pairs.log
#
# Each line of the output is the executable's name, then criterion's line.
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: $0 BEFORE_EXECUTABLE AFTER_EXECUTABLE ROUNDS FILTER" >&2
  exit 2
fi
before=$1 after=$2 rounds=$3 filter=$4
[ "$(nproc)" -ge 2 ] || { echo "$0: needs two cores, one for each executable" >&2; exit 2; }
for executable in "$before" "$after"; do
  # Their output is filtered to criterion's lines, so a wrong path would
  # otherwise show as empty rounds.
  [ -x "$executable" ] || { echo "$0: $executable is not an executable file" >&2; exit 2; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { # core executable
  taskset -c "$1" "$2" --bench "$filter" --warm-up-time 1 --measurement-time 3 --noplot 2>&1 |
    grep -E '^[a-z].*/|time:' | sed "s|^|$(basename "$2") |"
}
for round in $(seq "$rounds"); do
  first=$((round % 2)) second=$(((round + 1) % 2))
  echo "== round $round $(date +%T): $(basename "$before") on cpu$first, $(basename "$after") on cpu$second"
  run "$first" "$before" > "$out/before" &
  run "$second" "$after" > "$out/after" &
  wait
  cat "$out/before" "$out/after"
done
