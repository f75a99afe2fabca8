#!/usr/bin/env bash
# Sitemap benchmark: generates N articles (default 100,000) through the article service, then
# times the sitemap index, the first articles sitemap (50,000 URLs) and the news sitemap with
# curl (time_total; WARMUP requests first, then the median of RUNS), and prints the resident
# memory of the Java process before and during the requests (sampled every 0.1 s).
#
#   bench/sitemaps.sh                     # N=100000, port 8092, data in bench/data/sitemaps
#   N=20000 RUNS=5 bench/sitemaps.sh
#   APP_ARGS="--broadsheet.articles.cache-ttl=0" bench/sitemaps.sh   # index without the reader cache
#   JAR=/tmp/before.jar bench/sitemaps.sh                            # another build
#
# The generator dates its newest story an hour before it ran, then one every 97 minutes back
# over two years (wrapping round), so a fresh data directory has a few hundred stories in the
# news sitemap's 48 hours (about 29 per 10,837 articles); one generated days ago has none there:
# use a fresh DATA directory to time a full news sitemap.
#
# Needs: Java 17+, Maven, curl, python3 (to check the XML is well-formed). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
PORT=${PORT:-8092}
RUNS=${RUNS:-7}
WARMUP=${WARMUP:-3}
DATA=${DATA:-bench/data/sitemaps}

# shellcheck source=bench/lib.sh
. bench/lib.sh

echo "Starting Broadsheet on port $PORT with $N articles (data in $DATA; JVM: $JAVA_OPTS; args: ${APP_ARGS:-none})"
started=$(date +%s)
# shellcheck disable=SC2086
start_broadsheet ${APP_ARGS:-}
grep "Generated\|Benchmark data ready" "$LOG" | sed 's/.*: /  /'
echo "  ready after $(($(date +%s) - started)) s"

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) * 1000 }'; }

# The highest resident memory of the Java process while the requests run.
PEAK=$DATA/peak-rss
BEFORE=$(rss_mb $JAVA_PID)
echo "$BEFORE" >"$PEAK"
( while kill -0 $JAVA_PID 2>/dev/null; do
    p=$(cat "$PEAK"); r=$(rss_mb $JAVA_PID); [ "$r" -gt "$p" ] && echo "$r" >"$PEAK"; sleep 0.1
  done ) &
SAMPLER=$!
trap 'kill $SAMPLER $JAVA_PID 2>/dev/null; wait $JAVA_PID 2>/dev/null || true' EXIT

# One sitemap: the first request's time, then WARMUP more, then RUNS timed; prints a table row.
# Extra curl arguments (--compressed) follow the path.
measure() { # name path [curl args]
  local name=$1 path=$2 out first times=() i
  shift 2
  out=$DATA/$name.xml
  first=$(curl -s "$@" -o "$out" -w '%{time_total}' "$BASE$path")
  for ((i = 0; i < WARMUP; i++)); do curl -s "$@" -o /dev/null "$BASE$path"; done
  for ((i = 0; i < RUNS; i++)); do times+=("$(curl -s "$@" -o "$out" -w '%{time_total}' "$BASE$path")"); done
  local size urls
  size=$(curl -s "$@" -o /dev/null -w '%{size_download}' "$BASE$path")
  urls=$(grep -o '<loc>' "$out" | wc -l)
  python3 -c 'import sys, xml.etree.ElementTree as t; t.parse(sys.argv[1])' "$out" 2>/dev/null \
    || echo "  $name: NOT WELL-FORMED XML (or no python3)" >&2
  printf '%-26s %-32s %8s %10s %12s %12s\n' "$name" "$path" "$urls" "$((size / 1024)) KB" \
    "$(awk -v t="$first" 'BEGIN { printf "%.1f", t * 1000 }') ms" "$(printf '%s\n' "${times[@]}" | median) ms"
}

printf '\n%-26s %-32s %8s %10s %12s %12s\n' sitemap path URLs size first "median of $RUNS"
measure index /sitemap.xml
measure articles-1 /sitemaps/articles-1.xml
measure "articles-1 (gzip)" /sitemaps/articles-1.xml --compressed
measure news /sitemaps/news.xml
measure tags-1 /sitemaps/tags-1.xml

printf '\nJava resident memory: %s MB before the requests, at most %s MB during them (RSS)\n' "$BEFORE" "$(cat "$PEAK")"
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
