#!/usr/bin/env bash
# Feed benchmark: generates N articles (default 10,000), then runs wrk for 20 s at 64 connections
# against the site's RSS feed, its Atom feed and its JSON Feed (and the RSS feed once more with
# "Accept-Encoding: gzip", as feed readers ask), each after a 30 s warm-up, and prints req/s,
# p50 and p99 latency and the size of each answer. Feeds are full text, 20 stories, as shipped.
#
#   bench/feeds.sh                        # N=10000, port 8092, data in bench/data
#   N=2000 WARMUP=10s DURATION=10s bench/feeds.sh
#   APP_ARGS="--broadsheet.feeds.content=summary" bench/feeds.sh
#   JAR=/tmp/before.jar bench/feeds.sh    # another build
#
# Needs: Java 17+, Maven (the jar), wrk (apt-get install -y wrk), curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
PORT=${PORT:-8092}
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

# name, path, extra wrk arguments
FEEDS=("rss|/feed|" "atom|/feed/atom|" "json|/feed.json|" "rss-gzip|/feed|Accept-Encoding: gzip")

for entry in "${FEEDS[@]}"; do
  IFS='|' read -r name path header <<<"$entry"
  code=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' ${header:+-H "$header"} "$BASE$path")
  [[ $code == 200* ]] || { echo "$path answers $code" >&2; exit 1; }
done

printf '\n%-9s %-11s %10s %10s %10s %10s %10s\n' feed url "bytes" "req/s" "p50" "p99" "errors"
for entry in "${FEEDS[@]}"; do
  IFS='|' read -r name path header <<<"$entry"
  args=(-t"$THREADS" -c"$CONNECTIONS")
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" -d"$WARMUP" "$BASE$path" >/dev/null
  bytes=$(curl -s ${header:+-H "$header"} "$BASE$path" | wc -c)
  out=$(wrk "${args[@]}" -d"$DURATION" --latency "$BASE$path")
  rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {e = e $0 " "} END {print (e == "" ? "0" : e)}')
  printf '%-9s %-11s %10s %10s %10s %10s %10s\n' "$name" "$path" "$bytes" "$rps" "$p50" "$p99" "$errors"
done
printf '\nMachine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
