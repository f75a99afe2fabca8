#!/usr/bin/env bash
# What the "Related" slot costs on the article page: with N generated articles (default
# 10,000), the same article page is loaded by wrk with the slot and without it
# (--broadsheet.related.enabled=false), ROUNDS times alternately, each after a warm-up; prints
# each run's req/s, the medians and their ratio (goal: with / without >= 0.9). Before each
# warm-up it also times the first visit to FIRST (default 60) other articles, one by one: what a
# page costs when neither the article nor its related list is kept yet.
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
FIRST=${FIRST:-60}
DATA=${DATA:-bench/data/related}
# shellcheck source=bench/lib.sh
. bench/lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

stop_broadsheet() { kill "$JAVA_PID" 2>/dev/null; wait "$JAVA_PID" 2>/dev/null || true; }

run() { # $1: with|without; prints req/s
  if [ "$1" = with ]; then start_broadsheet; else start_broadsheet --broadsheet.related.enabled=false; fi
  [ -s "$DATA/article" ] || curl -sf "$BASE/page/$((N / 40 + 1))" \
    | grep -o 'class="teaser-headline"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//' >"$DATA/article"
  ARTICLE=$(cat "$DATA/article")
  first_visits "$1"
  local related
  related=$(curl -sf "$BASE$ARTICLE" | grep -c 'id="related-heading"' || true)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE$ARTICLE" >/dev/null
  local rps
  rps=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$BASE$ARTICLE" | awk '/^Requests\/sec/ {print $2}')
  stop_broadsheet
  echo "$1 related-section-on-page=$related req/s=$rps" >&2
  echo "$rps"
}

# Times the first visit to $FIRST articles listed on archive pages 2, 3, ... (each page lists 20).
first_visits() { # with|without
  local page=2 urls=()
  while [ "${#urls[@]}" -lt "$FIRST" ]; do
    mapfile -t -O "${#urls[@]}" urls < <(curl -sf "$BASE/page/$page" \
      | grep -o 'class="teaser-headline"><a href="[^"]*"' | sed 's/.*href="//; s/"$//')
    page=$((page + 1))
  done
  for url in "${urls[@]:0:$FIRST}"; do curl -s -o /dev/null -w '%{time_total}\n' "$BASE$url"; done \
    | sort -n | awk -v m="$1" '{v[NR] = $1 * 1000} END {printf "%s first visits: n=%d p50 %.1f ms p95 %.1f ms\n", m, NR, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)]}' >&2
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

rm -f "$DATA/article"
WITH=(); WITHOUT=()
for _ in $(seq 1 "$ROUNDS"); do
  WITH+=("$(run with)")
  WITHOUT+=("$(run without)")
done
with=$(printf '%s\n' "${WITH[@]}" | median)
without=$(printf '%s\n' "${WITHOUT[@]}" | median)
printf '\narticle page %s, %s articles\n' "$(cat "$DATA/article")" "$N"
printf 'with Related:    %s req/s (median of %s)\n' "$with" "${WITH[*]}"
printf 'without Related: %s req/s (median of %s)\n' "$without" "${WITHOUT[*]}"
awk -v a="$with" -v b="$without" 'BEGIN {printf "ratio with/without: %.2f\n", a / b}'
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
