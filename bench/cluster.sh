#!/usr/bin/env bash
# Two-node benchmark: node A runs with its embedded PostgreSQL and N generated articles (default
# 2,000); node B is the same jar pointed at A's PostgreSQL, as a second node behind a load
# balancer would be. Both keep reader data in memory for 10 minutes, so only the event bus can
# bring a change across. SAMPLES times, an editor on A renames a published story's headline
# (a real newsroom save), and a reader polls the story's page on B without pause; the script
# prints p50, p95 and max of the time from A's answer to B's first page with the new headline
# (before the event bus: up to the cache TTL, 30 s by default), and the same on A itself, the
# floor of this measurement (a curl's own time).
#
#   bench/cluster.sh                      # N=2000, ports 8095 (A) and 8096 (B), data in bench/data/cluster
#   SAMPLES=20 bench/cluster.sh
#
# Needs: Java 17+, Maven (the jar), curl, awk. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-2000}
PORT=${PORT:-8095}
PORT_B=${PORT_B:-8096}
SAMPLES=${SAMPLES:-100}
DATA=${DATA:-bench/data/cluster}
TTL=(--broadsheet.articles.cache-ttl=10m --broadsheet.comments.cache-ttl=10m --broadsheet.site.cache-ttl=10m)
BASE_B="http://127.0.0.1:$PORT_B"
. bench/lib.sh

create_admin
start_broadsheet "${TTL[@]}"
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
echo "Node A ready on :$PORT (PostgreSQL on :$PG_PORT): $(grep -o 'Benchmark data ready.*' "$LOG" | head -1)"

LOG_B="$DATA-b/server.log"
mkdir -p "$DATA-b"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT_B" --broadsheet.data-dir="$DATA-b" \
  --broadsheet.demo=false --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
  --spring.datasource.username=postgres "${TTL[@]}" >"$LOG_B" 2>&1 &
B_PID=$!
JAR_COOKIES=$(mktemp)
WORK=$(mktemp -d)
trap 'kill $B_PID $JAVA_PID 2>/dev/null; wait $B_PID $JAVA_PID 2>/dev/null || true; rm -rf "$JAR_COOKIES" "$WORK"' EXIT
for _ in $(seq 1 120); do
  grep -q "Started BroadsheetApplication" "$LOG_B" && break
  kill -0 $B_PID 2>/dev/null || { echo "node B stopped; see $LOG_B" >&2; tail -20 "$LOG_B" >&2; exit 1; }
  sleep 1
done
echo "Node B ready on :$PORT_B"

sign_in
# The newest published story: its editor id and its address on the site.
curl -s -b "$JAR_COOKIES" -o "$WORK/list.html" "$BASE/newsroom/articles?status=published"
ID=$(grep -o 'href="/newsroom/articles/[0-9]*"' "$WORK/list.html" | head -1 | grep -o '[0-9]*')
PATH_ON_SITE=$(grep -o 'class="nr-small" href="[^"]*"' "$WORK/list.html" | head -1 | sed 's/.*href="//;s/"$//')
[[ -n $ID && -n $PATH_ON_SITE ]] || { echo "no published story found" >&2; exit 1; }
echo "Story $ID at $PATH_ON_SITE"

BODY='A story renamed on node A while readers read it on node B.'
for i in $(seq 1 10); do # warm-up: both nodes' paths compiled, B's cache filled
  save_article "$ID" "$BODY" "Cluster warm-up $i" >/dev/null
  curl -s -o /dev/null "$BASE_B$PATH_ON_SITE"
done

: > "$WORK/B"; : > "$WORK/A"
# measure NODE_BASE FILE: each time, rename the story on A, then poll NODE_BASE until it shows.
measure() {
  for i in $(seq 1 "$SAMPLES"); do
    headline="Cluster run $i at $(date +%s%N)"
    curl -s -o /dev/null "$1$PATH_ON_SITE" # the node holds the old headline in its cache
    out=$(save_article "$ID" "$BODY" "$headline")
    saved=$(date +%s.%N)
    [[ ${out#* } == 303 ]] || { echo "save answered ${out#* }" >&2; exit 1; }
    polls=0
    until curl -s "$1$PATH_ON_SITE" | grep -qF "$headline"; do
      polls=$((polls + 1))
      (( polls < 100000 )) || { echo "$1 never showed run $i" >&2; exit 1; }
    done
    seen=$(date +%s.%N)
    awk -v s="$seen" -v a="$saved" 'BEGIN { printf "%.6f\n", s - a }' >> "$2"
  done
}
measure "$BASE_B" "$WORK/B"
measure "$BASE" "$WORK/A" # the floor: the node that saved, whose cache is cleared in the save itself

echo
echo "A change saved on node A, first seen (cache TTL 10 min; curl polls back to back):"
stats "on node B" "$WORK/B"
stats "on node A itself" "$WORK/A"
