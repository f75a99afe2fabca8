#!/usr/bin/env bash
# The REST API's article list: with N generated articles (default 20,000), the first page of
# /api/v1/articles (kept by the reader cache) and page PAGE (default 500) reached through the
# cursor of each Link: rel="next" header, loaded by wrk; prints req/s and latency for each.
# Goals: >= 3,000 req/s for the first page, >= 1,000 req/s for page 500.
#
#   bench/api.sh
#   N=30000 PAGE=1000 bench/api.sh
#
# Needs: Java 17+, Maven (the jar), wrk, curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-20000}
PAGE=${PAGE:-500}
LIMIT=${LIMIT:-20}
PORT=${PORT:-8099}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
DATA=${DATA:-bench/data/api}
# shellcheck source=bench/lib.sh
. bench/lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ $((N / LIMIT)) -ge "$PAGE" ] || { echo "N=$N articles do not fill $PAGE pages of $LIMIT" >&2; exit 1; }

start_broadsheet

FIRST="$BASE/api/v1/articles?limit=$LIMIT"
url=$FIRST
started=$(date +%s.%N)
for _ in $(seq 2 "$PAGE"); do
  next=$(curl -sf -o /dev/null -D - "$url" | tr -d '\r' | grep -i '^link:' | grep -o '<[^>]*>; rel="next"' | sed 's/^<//; s/>.*//')
  [ -n "$next" ] || { echo "no rel=next after $url" >&2; exit 1; }
  url=$next
done
walked=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {printf "%.1f", a - b}')
DEEP=$url
curl -sf "$DEEP" | head -c 300 >/dev/null || { echo "page $PAGE does not answer" >&2; exit 1; }

load() { # name url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" \
    | awk -v name="$1" '/^Requests\/sec/ {rps = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2} /Non-2xx/ {bad = $NF}
        END {printf "%-28s %10s req/s  p50 %8s  p99 %8s%s\n", name, rps, p50, p99, bad ? "  NON-2xx: " bad : ""}'
}

printf '\n%s articles, %s per page; walking to page %s through the cursor took %s s (%s requests)\n' "$N" "$LIMIT" "$PAGE" "$walked" "$((PAGE - 1))"
load "first page" "$FIRST"
load "page $PAGE (cursor)" "$DEEP"
load "first page, again" "$FIRST"
load "page $PAGE, again" "$DEEP"
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
