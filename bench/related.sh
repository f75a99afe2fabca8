#!/usr/bin/env bash
# What the "Related" slot costs on the article page: with N generated articles (default
# 10,000), the same article page is loaded by wrk with the slot and without it
# (--broadsheet.related.enabled=false), ROUNDS times alternately, each after a warm-up; prints
# each run's req/s, the medians and their ratio (goal: with / without >= 0.9).
#
#   bench/related.sh                      # N=10000, port 8098, data in bench/data/related
#   ROUNDS=3 DURATION=20s bench/related.sh
#
# Needs: Java 17+, Maven (the jar), wrk, curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
PORT=${PORT:-8098}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
DATA=${DATA:-bench/data/related}
# shellcheck source=bench/lib.sh
. bench/lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

stop_broadsheet() { kill "$JAVA_PID" 2>/dev/null; wait "$JAVA_PID" 2>/dev/null || true; }

run() { # $1: with|without; prints req/s
  if [ "$1" = with ]; then start_broadsheet; else start_broadsheet --broadsheet.related.enabled=false; fi
  [ -n "${ARTICLE:-}" ] || ARTICLE=$(curl -sf "$BASE/page/$((N / 40 + 1))" \
    | grep -o 'class="teaser-headline"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//')
  local related
  related=$(curl -sf "$BASE$ARTICLE" | grep -c 'id="related-heading"' || true)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE$ARTICLE" >/dev/null
  local rps
  rps=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$BASE$ARTICLE" | awk '/^Requests\/sec/ {print $2}')
  stop_broadsheet
  echo "$1 related-section-on-page=$related req/s=$rps" >&2
  echo "$rps"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

WITH=(); WITHOUT=()
for _ in $(seq 1 "$ROUNDS"); do
  WITH+=("$(run with)")
  WITHOUT+=("$(run without)")
done
with=$(printf '%s\n' "${WITH[@]}" | median)
without=$(printf '%s\n' "${WITHOUT[@]}" | median)
printf '\narticle page %s, %s articles\n' "$ARTICLE" "$N"
printf 'with Related:    %s req/s (median of %s)\n' "$with" "${WITH[*]}"
printf 'without Related: %s req/s (median of %s)\n' "$without" "${WITHOUT[*]}"
awk -v a="$with" -v b="$without" 'BEGIN {printf "ratio with/without: %.2f\n", a / b}'
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
