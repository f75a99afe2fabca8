#!/usr/bin/env bash
# What recording metrics costs (issue 13): the cached article page with metrics as the site runs
# by default (every request timed per route, the Prometheus registry, the management port) against
# the same jar with request timing off and no Prometheus export (--broadsheet.metrics.requests=false
# --management.prometheus.metrics.export.enabled=false --management.server.port=-1). The request id
# stays in both: it is logging, not metrics.
#
# Both sites run at once, each on its own data directory with the demo edition; each is warmed up
# (WARMUP, 30 s of wrk on the article: the JIT needs about that), then ROUNDS rounds of wrk for
# DURATION on each, one after the other and in alternating order, so that both see the machine in
# the same states. Prints each round, the medians, and the ratio with/without (the goal: >= 0.95).
# Then the page cache's hits on the site with metrics, which shows the page was answered from it.
#
#   flock /tmp/mvn.lock bench/metrics.sh     # never beside a build: the lock is the builds' lock
#   ROUNDS=9 DURATION=15s CONNECTIONS=64 bench/metrics.sh
#   BASELINE_JAR=/tmp/before.jar bench/metrics.sh   # "without" is another build, as it starts
#
# Needs: Java 17+, the jar (target/broadsheet.jar: mvn package -DskipTests), wrk, curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
PORT_ON=${PORT_ON:-8093}
PORT_OFF=${PORT_OFF:-8094}
MANAGEMENT_ON=${MANAGEMENT_ON:-8193}
JAR=${JAR:-target/broadsheet.jar}
BASELINE_JAR=${BASELINE_JAR:-$JAR}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m}
OFF_ARGS=${OFF_ARGS:-"--broadsheet.metrics.requests=false --management.prometheus.metrics.export.enabled=false \
--management.server.port=-1"}

for tool in wrk curl java; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk curl)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "No $JAR: mvn package -DskipTests (under the build lock) first" >&2; exit 1; }
for p in "$PORT_ON" "$PORT_OFF" "$MANAGEMENT_ON"; do
  curl -s -o /dev/null "http://127.0.0.1:$p/" && { echo "Something already answers on port $p" >&2; exit 1; }
done

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start() { # name jar port args...
  local name=$1 jar=$2 port=$3
  shift 3
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$jar" --server.port="$port" --broadsheet.data-dir="$WORK/$name" "$@" \
    >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ] && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "$name stopped:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$name did not start" >&2
  exit 1
}

echo "Starting both sites (demo edition)..."
start with "$JAR" "$PORT_ON" --management.server.port="$MANAGEMENT_ON"
# shellcheck disable=SC2086
start without "$BASELINE_JAR" "$PORT_OFF" $OFF_ARGS
# The same article on both: the front page's first story (the demo edition is the same on both).
ARTICLE=$(curl -s "http://127.0.0.1:$PORT_ON/" | grep -o 'href="/[a-z0-9-]*/[0-9]\{4\}/[0-9]\{2\}/[0-9]\{2\}/[a-z0-9-]*"' |
  head -1 | sed 's/href="//;s/"$//')
[ -n "$ARTICLE" ] || { echo "No article link on the front page" >&2; exit 1; }
for port in "$PORT_ON" "$PORT_OFF"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$ARTICLE")
  [ "$code" = 200 ] || { echo "$ARTICLE answers $code on $port" >&2; exit 1; }
done
echo "Article: $ARTICLE; $CONNECTIONS connections, $THREADS threads; warm-up $WARMUP each, $ROUNDS rounds of $DURATION"

rps() { # port duration
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "http://127.0.0.1:$1$ARTICLE" >"$WORK/wrk.txt"
  if grep -q "Non-2xx" "$WORK/wrk.txt"; then echo "non-2xx answers on $1:" >&2; cat "$WORK/wrk.txt" >&2; exit 1; fi
  awk '/^Requests\/sec/ {printf "%.0f", $2}' "$WORK/wrk.txt"
}

rps "$PORT_ON" "$WARMUP" >/dev/null
rps "$PORT_OFF" "$WARMUP" >/dev/null
ON=()
OFF=()
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    on=$(rps "$PORT_ON" "$DURATION"); off=$(rps "$PORT_OFF" "$DURATION")
  else
    off=$(rps "$PORT_OFF" "$DURATION"); on=$(rps "$PORT_ON" "$DURATION")
  fi
  ON+=("$on"); OFF+=("$off")
  printf 'round %d: with metrics %6d req/s   without %6d req/s\n' "$round" "$on" "$off"
done

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
MON=$(median "${ON[@]}")
MOFF=$(median "${OFF[@]}")
echo "median: with metrics $MON req/s, without $MOFF req/s, ratio $(awk -v a="$MON" -v b="$MOFF" 'BEGIN {printf "%.3f", a / b}') (goal >= 0.95)"
echo "with metrics, from /actuator/prometheus on port $MANAGEMENT_ON:"
curl -s "http://127.0.0.1:$MANAGEMENT_ON/actuator/prometheus" |
  grep -E '^broadsheet_page_cache_requests_total|^broadsheet_http_requests_seconds_count\{.*route="page-cache"' | sed 's/^/  /'
