#!/usr/bin/env bash
# Search benchmark: with N generated articles (default 100,000; their text comes from the demo
# edition's words, see demo/GeneratedText), measures /search for 20 typical one- and two-word
# queries and 5 phrase queries:
#   1. each query once, one at a time, on a fresh server (after a JIT warm-up on other words):
#      the latency of a search nobody made before (nothing kept in memory for it);
#   2. wrk, DURATION at CONNECTIONS (8) connections, cycling through the 25 queries: p50, p95, p99;
#   3. wrk, DURATION at CONNECTIONS connections, one common one-word query: requests per second.
# CACHE=off starts the site with broadsheet.search.cache-ttl=0, so that 2 and 3 measure the SQL
# and rendering of every request (goals: p95 <= 50 ms at 8 connections; >= 500 req/s for a
# common word).
#
#   bench/search.sh                          # N=100000, port 8094, data in bench/data/search
#   CACHE=off bench/search.sh                # every request searches the database
#   N=10000 DURATION=10s bench/search.sh
#
# Needs: Java 17+, Maven (the jar), wrk, curl, awk. Loopback only. Generating 100,000 articles
# takes about 4 minutes on two cores (batches, since issue 12), once: a later run on the same DATA reuses them.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
PORT=${PORT:-8094}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
CACHE=${CACHE:-on}
DATA=${DATA:-bench/data/search}
. bench/lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

WORDS=(water election vaccine canal harvest drought court inflation tourism earthquake
  "port strike" "central bank" "rail line" "water supply" "trade talks" "olive growers"
  "election campaign" "interest rates" "border crossing" "housing crisis")
PHRASES=('"prime minister"' '"red sea"' '"civil defence"' '"interest rates"' '"olive oil"')
COMMON=${COMMON:-water}
WARM_WORDS=(government minister people country region river market bank coast police
  village port trade border farmers company workers project city officials)

args=()
[[ $CACHE == off ]] && args+=(--broadsheet.search.cache-ttl=0)
echo "Starting Broadsheet on port $PORT with $N articles (data in $DATA; cache $CACHE)"
start_broadsheet "${args[@]}" ${APP_ARGS:-}
grep "Generated\|Benchmark data ready" "$LOG" | sed 's/.*: /  /'

WORK=$(mktemp -d)
trap 'kill $JAVA_PID 2>/dev/null; wait $JAVA_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
# /search?q= with the text percent-encoded (the queries here are ASCII).
path() {
  local s=$1 out= c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      ' ') out+=+ ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '/search?q=%s' "$out"
}

for q in "${WORDS[@]}" "${PHRASES[@]}"; do path "$q"; echo; done >"$WORK/paths"
for q in "${WARM_WORDS[@]}"; do path "$q"; echo; done >"$WORK/warm"

echo "Warming up the JIT on other words..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/search-mix.lua "$BASE" -- "$WORK/warm" >/dev/null

echo
echo "1. Each query once, one at a time, searched for the first time:"
for q in "${WORDS[@]}" "${PHRASES[@]}"; do
  curl -s -o "$WORK/page.html" -w '%{time_total} %{http_code}\n' "$BASE$(path "$q")" >"$WORK/one"
  read -r t code <"$WORK/one"
  [[ $code == 200 ]] || echo "  $q answered $code" >&2
  echo "$t" >>"$WORK/first"
  printf '  %-22s %7.1f ms  %s\n' "$q" "$(awk -v t="$t" 'BEGIN {print t * 1000}')" \
    "$(grep -o 'class="search-summary">[^<]*' "$WORK/page.html" | sed 's/.*>//' | cut -c1-48)"
done
stats "first searches" "$WORK/first"

echo
echo "2. The 25 queries in turn, $CONNECTIONS connections, $DURATION:"
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/search-mix.lua "$BASE" -- "$WORK/paths")
echo "$out" | grep -E "Requests/sec|percentiles|Non-2xx|Socket errors" | sed 's/^/  /'

echo
echo "3. One common word (\"$COMMON\"), $CONNECTIONS connections, $DURATION:"
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$(path "$COMMON")")
echo "$out" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors" | sed 's/^/  /'

printf '\nMachine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
