#!/usr/bin/env bash
# Reader-site benchmark: generates N articles (default 10,000) through the article service,
# then runs wrk for 20 s at 64 connections against an article page, the front page and a
# section page, and prints req/s, p99 latency and the resident memory of the Java process
# and of the embedded PostgreSQL (separately).
#
#   bench/run.sh                 # N=10000, port 8090, data in bench/data
#   N=2000 DURATION=10s bench/run.sh
#   JAVA_OPTS="-Xmx512m" bench/run.sh
#   APP_ARGS="--broadsheet.articles.cache-ttl=0" bench/run.sh     # without the reader data cache
#   JAR=/tmp/before.jar bench/run.sh                             # another build
#
# Needs: Java 17+, Maven, wrk (apt-get install -y wrk), curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
PORT=${PORT:-8090}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-30s}
DATA=${DATA:-bench/data}

# shellcheck source=bench/lib.sh
. bench/lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "Starting Broadsheet on port $PORT with $N articles (data in $DATA; JVM: $JAVA_OPTS; args: ${APP_ARGS:-none})"
# shellcheck disable=SC2086
start_broadsheet ${APP_ARGS:-}
grep "Generated\|Benchmark data ready" "$LOG" | sed 's/.*: /  /'

# An article from the middle of the archive, and the first section.
ARTICLE=$(curl -sf "$BASE/page/$((N / 40 + 1))" | grep -o 'class="teaser-headline"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//')
SECTION=$(curl -sf "$BASE/" | grep -o 'href="/[a-z-]\+"' | head -1 | sed 's/href="//; s/"$//')
[ -n "$ARTICLE" ] && [ -n "$SECTION" ] || { echo "Could not find an article and a section to test" >&2; exit 1; }

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
pg_pss_mb() {
  local total=0 pid
  for pid in $(pgrep -f "postgres -D .*$(basename "$DATA")/postgres" ; pgrep -P "$(pgrep -f "postgres -D .*$(basename "$DATA")/postgres" | head -1)" 2>/dev/null); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null) # gone meanwhile: 0
    total=$((total + ${v:-0}))
  done
  echo $((total / 1024))
}

# The highest resident memory seen while the load runs, sampled every second.
PEAK=$DATA/peak-rss
echo "0 0" >"$PEAK"
( while kill -0 $JAVA_PID 2>/dev/null; do
    read -r j p <"$PEAK"; jr=$(rss_mb $JAVA_PID); pr=$(pg_pss_mb)
    echo "$(( jr > j ? jr : j )) $(( pr > p ? pr : p ))" >"$PEAK"; sleep 1
  done ) &
SAMPLER=$!
trap 'kill $SAMPLER $JAVA_PID 2>/dev/null; wait $JAVA_PID 2>/dev/null || true' EXIT

PAGES=("article $ARTICLE" "front /" "section $SECTION")
echo "Warming up (JIT) for $WARMUP per page..."
for entry in "${PAGES[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE${entry#* }" >/dev/null
done

printf '\n%-10s %-60s %10s %10s %10s %10s\n' page url "req/s" "p50" "p99" "errors"
for entry in "${PAGES[@]}"; do
  name=${entry%% *}; path=${entry#* }
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")
  rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {e = e $0 " "} END {print (e == "" ? "0" : e)}')
  printf '%-10s %-60s %10s %10s %10s %10s\n' "$name" "$path" "$rps" "$p50" "$p99" "$errors"
done
read -r JAVA_PEAK PG_PEAK <"$PEAK"
printf '\nPeak resident memory under load: Java %s MB (RSS), embedded PostgreSQL %s MB (PSS over all its processes)\n' \
  "$JAVA_PEAK" "$PG_PEAK"
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
