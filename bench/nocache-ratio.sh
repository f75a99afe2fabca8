#!/usr/bin/env bash
# The article page with every cache off against nginx serving the same page as a static file,
# side by side, in rounds (issue 12: "article page with every cache off >= 3,000 req/s", measured
# where nginx made 118,000 req/s; so >= 0.025 of nginx-static on any machine). Uses the data
# bench/run.sh generated (DATA; run that first) and the article it chose (the static copy it left
# in DATA/static/article.html names it). Starts Broadsheet with every cache off, warms it up
# (on the article and a young one, in turn, until the JIT has settled: bench/lib.sh's
# warm_up, WARMUP_MIN to WARMUP_MAX seconds), then ROUNDS times, one after the other: nginx, the
# article, a young article (comment form open), each with wrk for DURATION at CONNECTIONS. Prints
# each round's req/s and ratios, then the median ratio of each page and the machine.
#
#   flock /tmp/mvn.lock bench/run.sh                  # once: the data and the static copy
#   flock /tmp/mvn.lock bench/nocache-ratio.sh
#   ROUNDS=5 CONNECTIONS=8 flock /tmp/mvn.lock bench/nocache-ratio.sh
#
# Needs: Java 17+, wrk, nginx-light, curl, python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
PORT=${PORT:-8090}
NGINX_PORT=${NGINX_PORT:-8190}
DATA=${DATA:-bench/data/reader}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP_MIN=${WARMUP_MIN:-30}
WARMUP_MAX=${WARMUP_MAX:-180}
# As bench/run.sh generated the data (a start with other counts would not find it ready).
GENERATE_ARGS="--broadsheet.generate-sections=${SECTIONS:-20} --broadsheet.generate-authors=${AUTHORS:-200} \
--broadsheet.generate-tags=${TAGS:-2000} --broadsheet.generate-archive-comments=${COMMENTS:-500000}"

# shellcheck source=bench/lib.sh
. bench/lib.sh
for tool in wrk nginx curl python3; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk nginx-light curl python3)" >&2; exit 1; }
done
STATIC="$DATA/static/article.html"
[ -s "$STATIC" ] && [ -s "$DATA/generated" ] || { echo "No data in $DATA: run bench/run.sh first" >&2; exit 1; }
ARTICLE=$(grep -o '<link rel="canonical" href="[^"]*"' "$STATIC" | sed 's/.*href="[a-z]*:\/\/[^/]*//; s/"$//')
[ -n "$ARTICLE" ] || { echo "No canonical address in $STATIC" >&2; exit 1; }

cleanup() { stop_nginx; [ -n "${JAVA_PID:-}" ] && stop_broadsheet; }
trap cleanup EXIT
# shellcheck disable=SC2086
LOG_NAME=nocache-ratio.log start_broadsheet $GENERATE_ARGS $NO_CACHE_ARGS
trap cleanup EXIT
YOUNG=$(curl -sf "$BASE/page/2" | grep -o 'class="teaser-headline"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//')
for path in "$ARTICLE" "$YOUNG"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
  [ "$code" = 200 ] || { echo "$path answers $code" >&2; exit 1; }
done
start_nginx "$DATA/static" "$NGINX_PORT"
echo "article $ARTICLE, young $YOUNG; nginx-static $(wc -c <"$STATIC") bytes"
echo "Warming up on the two articles until the JIT settles, then 5 s on nginx"
warm_up "$WARMUP_MIN" "$WARMUP_MAX" "$CONNECTIONS" "$BASE$ARTICLE" "$BASE$YOUNG"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT/article.html" >/dev/null

printf '%5s %12s %14s %8s %8s %14s %8s %8s\n' round nginx "article" p99 ratio "young" p99 ratio
RATIOS_A=()
RATIOS_Y=()
for round in $(seq 1 "$ROUNDS"); do
  wrk_run -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/article.html"
  nginx_rps=$WRK_RPS
  wrk_run -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$ARTICLE"
  a_rps=$WRK_RPS a_p99=$WRK_P99 a_bad=$WRK_BAD
  wrk_run -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$YOUNG"
  y_rps=$WRK_RPS y_p99=$WRK_P99 y_bad=$WRK_BAD
  [ "$a_bad" = 0 ] && [ "$y_bad" = 0 ] || echo "round $round: $a_bad and $y_bad answers were not 2xx or 3xx" >&2
  ra=$(awk -v a="$a_rps" -v b="$nginx_rps" 'BEGIN {printf "%.4f", a / b}')
  ry=$(awk -v a="$y_rps" -v b="$nginx_rps" 'BEGIN {printf "%.4f", a / b}')
  RATIOS_A+=("$ra")
  RATIOS_Y+=("$ry")
  printf '%5s %12s %14s %8s %8s %14s %8s %8s\n' "$round" "$nginx_rps" "$a_rps" "$a_p99" "$ra" "$y_rps" "$y_p99" "$ry"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "median ratio to nginx-static at $CONNECTIONS connections: article $(median "${RATIOS_A[@]}")," \
  "young article $(median "${RATIOS_Y[@]}") (the goal, 3,000 req/s where nginx made 118,000: 0.0254)"
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
