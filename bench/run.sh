#!/usr/bin/env bash
# Reader-site benchmark (issue 12). Generates, once, N articles (default 100,000) in SECTIONS
# sections (20), by AUTHORS authors (200), with two of TAGS topic tags each (2,000), and COMMENTS
# approved comments spread over them (500,000); the data directory is kept, and a later run with
# the same counts reuses it. Then, in one run:
#   1. nginx (Debian's nginx-light, a child of this script on loopback, its prefix under DATA)
#      serves the HTML of the benchmark article as a static file: the yardstick;
#   2. Broadsheet as it runs by default (every cache on): warm-up on the article until the JIT
#      has settled (bench/lib.sh's warm_up: WARMUP_MIN, 30 s, to WARMUP_MAX, 180 s), then WARMUP,
#      5 s, on each other page,
#      then wrk for DURATION at each of CONNECTIONS (8 and 64) on an article from the middle of
#      the archive, a young article (comment form open), the front page, a section page, a tag
#      page, search, the RSS feed, a 304 revalidation (If-None-Match with the article's ETag;
#      every answer must be a 304), the article with gzip negotiated, and a comment POST (the
#      form's hidden fields as the page gives them, Origin and Sec-Fetch-Site as a browser sends)
#      to a young article that holds HELD (50,000) comments for moderation, a spam wave;
#   3. Broadsheet started again on the same data with every cache off (NO_CACHE_ARGS): the two
#      articles again, after a warm-up on both until the JIT has settled (the same bounds: with
#      every cache off it compiles for a minute or more at 64 connections on two cores).
# It prints one table (page, connections, req/s, p50, p99, ratio to nginx-static req/s at the same
# connection count, answers that were neither 2xx nor 3xx), the Java process's resident memory
# after the run and its peak under load, heap used after the run, and the start-up time of each
# start on existing data (launch to the first 200 on /, and Spring's "Started … in" line), then
# the medians of STARTUP_ROUNDS (3) more starts each of the jar and of the layout a service runs
# (deploy/prepare.sh: extracted, with a class-data-sharing archive or an ahead-of-time cache), in
# turn, and of that layout on OTHER_JAVA (another Java, say 25) when given.
#
#   flock /tmp/mvn.lock bench/run.sh      # never beside a build: the lock is the builds' lock
#   N=10000 COMMENTS=50000 DATA=bench/data/small DURATION=10s bench/run.sh
#   CONNECTIONS=64 bench/run.sh
#   JAVA_OPTS="-Xmx512m" bench/run.sh
#   JAR=/tmp/before.jar bench/run.sh      # another build
#   OTHER_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run.sh   # start-up on Java 25 too
#
# Needs: Java 17+ (jcmd, jstat), Maven (the jar), wrk, nginx-light, curl, python3, psql. Loopback only.
# Generating the default data takes about 4.5 minutes on two cores, search vectors included.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
SECTIONS=${SECTIONS:-20}
AUTHORS=${AUTHORS:-200}
TAGS=${TAGS:-2000}
COMMENTS=${COMMENTS:-500000}
HELD=${HELD:-50000}
PORT=${PORT:-8090}
NGINX_PORT=${NGINX_PORT:-8190}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8 64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5s}
WARMUP_MIN=${WARMUP_MIN:-30}
WARMUP_MAX=${WARMUP_MAX:-180}
STARTUP_ROUNDS=${STARTUP_ROUNDS:-3}
DATA=${DATA:-bench/data/reader}
SEARCH=${SEARCH:-/search?q=water}
GENERATE_ARGS="--broadsheet.generate-sections=$SECTIONS --broadsheet.generate-authors=$AUTHORS \
--broadsheet.generate-tags=$TAGS --broadsheet.generate-archive-comments=$COMMENTS"
# Posting many comments from one address: no flood limits (they only concern posting).
SITE_ARGS="--broadsheet.comments.flood-interval=0 --broadsheet.comments.flood-per-hour=0"

# shellcheck source=bench/lib.sh
. bench/lib.sh
for tool in wrk nginx curl python3 jstat jcmd; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk nginx-light curl python3)" >&2; exit 1; }
done
for p in "$PORT" "$NGINX_PORT"; do
  curl -s -o /dev/null "http://127.0.0.1:$p/" && { echo "Something already answers on port $p" >&2; exit 1; }
done
mkdir -p "$DATA"
WORK=$(mktemp -d)
SAMPLER=
cleanup() {
  if [ -n "$SAMPLER" ]; then kill "$SAMPLER" 2>/dev/null || true; fi
  stop_nginx
  [ -n "${JAVA_PID:-}" ] && stop_broadsheet
  rm -rf "$WORK"
}
trap cleanup EXIT
# start_broadsheet sets a trap of its own; this one stops everything this script started.
start() { start_broadsheet "$@"; trap cleanup EXIT; }

# ---- Data, once: a start that generates it (and waits for the search vectors), then a stop.
SPEC="$N articles, $SECTIONS sections, $AUTHORS authors, $TAGS tags, $COMMENTS comments"
if [ "$(cat "$DATA/generated" 2>/dev/null)" != "$SPEC" ]; then
  [ -e "$DATA/generated" ] && { echo "$DATA holds other data ($(cat "$DATA/generated")): choose another DATA" >&2; exit 1; }
  echo "Generating $SPEC in $DATA (once)..."
  started=$(date +%s)
  # shellcheck disable=SC2086
  LOG_NAME=generate.log start $GENERATE_ARGS
  grep -o "Generated .*" "$LOG" | sed 's/^/  /'
  # start_broadsheet waited for the search vectors too (made on another connection).
  echo "  generated in $(($(date +%s) - started)) s, search vectors included"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc "select 'in the database: ' ||
    (select count(*) from article) || ' articles, ' || (select count(*) from section) || ' sections, ' ||
    (select count(*) from author) || ' authors, ' || (select count(*) from tag) || ' tags, ' ||
    (select count(*) from comment) || ' comments'" | sed 's/^/  /' || true
  # As autovacuum leaves a live site: after the generator's bulk writes, pages are not all-visible
  # and index-only scans (a tag's stories, a section's newest) read the table as well.
  vacuumed=$(date +%s)
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "vacuum (analyze)"
  echo "  vacuumed in $(($(date +%s) - vacuumed)) s"
  stop_broadsheet; JAVA_PID=
  echo "$SPEC" >"$DATA/generated"
fi

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# Heap in use (MB) from jstat -gc: survivors, eden and old generation.
heap_mb() {
  jstat -gc "$1" | awk 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i}
    NR == 2 {printf "%.0f", ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024}'
}
# The highest resident memory of the Java process while it runs, sampled every second, into $1.
sample_peak() {
  echo 0 >"$1"
  ( while kill -0 "$JAVA_PID" 2>/dev/null; do
      r=$(rss_mb "$JAVA_PID" 2>/dev/null || echo 0); p=$(cat "$1")
      [ "${r:-0}" -gt "$p" ] && echo "$r" >"$1"; sleep 1
    done ) &
  SAMPLER=$!
}
stop_sampler() { kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=; }
started_line() { grep -o "Started [A-Za-z]* in [0-9.]* seconds[^)]*)" "$LOG" | tail -1; }

ROWS=()
declare -A NGINX_RPS
ratio() { # rps connections
  awk -v a="$1" -v b="${NGINX_RPS[$2]:-0}" 'BEGIN {print (b > 0 && a != "") ? sprintf("%.3f", a / b) : "-"}'
}
row() { # page connections [bad-count override]
  local r
  r=$(printf '%-22s %5s %10s %9s %9s %7s %8s' "$1" "$2" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$(ratio "$WRK_RPS" "$2")" "${3:-$WRK_BAD}")
  ROWS+=("$r")
  echo "$r"
}
header() { printf '%-22s %5s %10s %9s %9s %7s %8s\n' page conns "req/s" p50 p99 "/nginx" "non-2/3xx"; }

# ---- Broadsheet, every cache on (as it runs by default), on the existing data.
echo "Starting Broadsheet on port $PORT (data in $DATA; JVM: $JAVA_OPTS; args: $SITE_ARGS ${APP_ARGS:-})"
# shellcheck disable=SC2086
LOG_NAME=cached.log start $GENERATE_ARGS $SITE_ARGS ${APP_ARGS:-}
STARTUP_CACHED="$STARTUP_MS ms to the first 200 on /; $(started_line)"
echo "  start-up: $STARTUP_CACHED"

teasers() { curl -sf "$BASE$1" | grep -o 'class="teaser-headline"><a href="[^"]*"' | sed 's/.*href="//; s/"$//'; }
ARTICLE=$(teasers "/page/$((N / 40 + 1))" | head -1)
mapfile -t YOUNG < <(teasers /page/2 | head -2)
SECTION=/$(cut -d/ -f2 <<<"$ARTICLE")
TAG=/tag/bench-topic-7
[ -n "$ARTICLE" ] && [ "${#YOUNG[@]}" -eq 2 ] && [ -n "$SECTION" ] || { echo "Could not find the pages to test" >&2; exit 1; }
for path in "$ARTICLE" "${YOUNG[@]}" "$SECTION" "$TAG" "$SEARCH" /feed; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
  [ "$code" = 200 ] || { echo "$path answers $code" >&2; exit 1; }
done
curl -sf -D "$WORK/headers" -o "$WORK/article.html" "$BASE$ARTICLE"
ETAG=$(awk 'tolower($1) == "etag:" {sub(/\r$/, ""); $1 = ""; print substr($0, 2)}' "$WORK/headers")
describe() { # path
  local h
  h=$(curl -s -D - -o "$WORK/page.html" "$BASE$1" | tr -d '\r')
  printf '%s bytes; %s; %s; comment form %s' "$(wc -c <"$WORK/page.html")" \
    "$(grep -i '^cache-control:' <<<"$h" | cut -d' ' -f2- || echo 'no Cache-Control')" \
    "$(grep -qi '^etag:' <<<"$h" && echo "ETag" || echo "no ETag")" \
    "$(grep -q 'id="comment-form"' "$WORK/page.html" && echo open || echo closed)"
}
echo "Pages:"
echo "  article  $ARTICLE ($(describe "$ARTICLE"))"
echo "  young    ${YOUNG[0]} ($(describe "${YOUNG[0]}"))"
echo "  posting  ${YOUNG[1]}"
echo "  section  $SECTION, tag $TAG, search $SEARCH, feed /feed"

# ---- nginx, serving the article's HTML as a static file.
mkdir -p "$DATA/static"
cp "$WORK/article.html" "$DATA/static/article.html"
start_nginx "$DATA/static" "$NGINX_PORT"
echo
echo "nginx-static: $(wc -c <"$DATA/static/article.html") bytes, http://127.0.0.1:$NGINX_PORT/article.html"
header
wrk -t"$THREADS" -c64 -d5s "http://127.0.0.1:$NGINX_PORT/article.html" >/dev/null
for c in $CONNECTIONS; do
  wrk_run -t"$THREADS" -c"$c" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/article.html"
  NGINX_RPS[$c]=$WRK_RPS
  row nginx-static "$c"
done
stop_nginx

# name|path|extra header
GETS=("article|$ARTICLE|" "article-young|${YOUNG[0]}|" "front|/|" "section|$SECTION|" "tag|$TAG|"
  "search|$SEARCH|" "rss|/feed|" "article-gzip|$ARTICLE|Accept-Encoding: gzip")
PEAK_CACHED=$WORK/peak-cached
sample_peak "$PEAK_CACHED"
echo
echo "Warming up (JIT) on the article until the JIT settles, then $WARMUP on each other page..."
warm_up "$WARMUP_MIN" "$WARMUP_MAX" 64 "$BASE$ARTICLE"
for entry in "${GETS[@]}"; do
  IFS='|' read -r name path extra <<<"$entry"
  [ "$name" = article ] || wrk -t"$THREADS" -c64 -d"$WARMUP" ${extra:+-H "$extra"} "$BASE$path" >/dev/null
done
echo
echo "Broadsheet, every cache on:"
header
for entry in "${GETS[@]}"; do
  IFS='|' read -r name path extra <<<"$entry"
  for c in $CONNECTIONS; do
    wrk_run -t"$THREADS" -c"$c" -d"$DURATION" --latency ${extra:+-H "$extra"} "$BASE$path"
    row "$name" "$c"
  done
done

# 304: every answer must be a 304; anything else (a 200 included) is counted as bad.
if [ -n "$ETAG" ]; then
  for c in $CONNECTIONS; do
    wrk_run -t"$THREADS" -c"$c" -d"$DURATION" --latency -s bench/statuses.lua -H "If-None-Match: $ETAG" "$BASE$ARTICLE"
    row "article-304" "$c" "$(awk '/^statuses/ {for (i = 2; i <= NF; i++) {split($i, s, ":"); if (s[1] != 304) n += s[2]}} END {print n + 0}' <<<"$WRK_OUT")"
  done
else
  echo "article-304: $ARTICLE has no ETag; no revalidation to measure"
fi

# Comment POSTs to a young article: its form read as a browser reads it, posted after min-form-time.
curl -sf -c "$WORK/cookies" -o "$WORK/form.html" "$BASE${YOUNG[1]}"
{ read -r ACTION; read -r FIELDS; } < <(bench/form-fields.py <"$WORK/form.html")
ACTION=${ACTION%%#*}
[[ $ACTION == /* ]] || ACTION=${ACTION#"$BASE"}
echo "Posting to $BASE$ACTION: $FIELDS"
# A spam wave: the article holds HELD comments for moderation before the POSTs (topped up with
# SQL on fresh data; each run's POSTs add theirs, held too, as first comments are), so that every
# run posts under the same kind of queue. A queue that grew once cost each POST a second of the
# database (docs/performance.md, session 32).
POST_ID=$(sed -n 's/.*\(^\|&\)article=\([0-9]*\).*/\2/p' <<<"$FIELDS")
[ -n "$POST_ID" ] || { echo "The form names no article" >&2; exit 1; }
HELD_BEFORE=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc \
  "select count(*) from comment where article_id = $POST_ID and status = 'pending'")
if [ "$HELD_BEFORE" -lt "$HELD" ]; then
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "
    insert into comment (article_id, status, author_name, author_email, body, body_html, ip, created_at, updated_at)
    select $POST_ID, 'pending', 'Held reader ' || g, 'held' || g || '@wave.example', 'Held comment ' || g || ', one of a wave.',
           '<p>Held comment ' || g || ', one of a wave.</p>', '192.0.2.7', now() - interval '1 hour', now() - interval '1 hour'
    from generate_series(1, $((HELD - HELD_BEFORE))) g" -c "analyze comment"
fi
echo "  article $POST_ID holds $((HELD_BEFORE > HELD ? HELD_BEFORE : HELD)) comments for moderation"
COOKIE=$(sed 's/^#HttpOnly_//' "$WORK/cookies" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}')
sleep 4
for c in $CONNECTIONS; do
  wrk_run -t"$THREADS" -c"$c" -d"$DURATION" --latency -s bench/post-form.lua "$BASE$ACTION" \
    -- "$FIELDS" "${COOKIE:--}" "$BASE" "$(date +%s)-$c"
  row "comment-post" "$c" "$(awk '/^refused/ {n = 0; for (i = 2; i <= NF; i++) {split($i, s, ":"); n += s[2]}; print n}' <<<"$WRK_OUT")"
  echo "  $(grep '^accepted/s\|^refused' <<<"$WRK_OUT" | tr '\n' ' ')"
done
stop_sampler
RSS_AFTER=$(rss_mb "$JAVA_PID")
HEAP_AFTER=$(heap_mb "$JAVA_PID")
jcmd "$JAVA_PID" GC.run >/dev/null
HEAP_LIVE=$(heap_mb "$JAVA_PID")
stop_broadsheet; JAVA_PID=

# ---- Broadsheet again on the same data, every cache off.
echo
echo "Starting Broadsheet with every cache off ($NO_CACHE_ARGS)"
# shellcheck disable=SC2086
LOG_NAME=no-cache.log start $GENERATE_ARGS $SITE_ARGS $NO_CACHE_ARGS ${APP_ARGS:-}
STARTUP_NO_CACHE="$STARTUP_MS ms to the first 200 on /; $(started_line)"
echo "  start-up: $STARTUP_NO_CACHE"
PEAK_NO_CACHE=$WORK/peak-no-cache
sample_peak "$PEAK_NO_CACHE"
echo "Warming up (JIT) on both articles until the JIT settles..."
warm_up "$WARMUP_MIN" "$WARMUP_MAX" 64 "$BASE$ARTICLE" "$BASE${YOUNG[0]}"
header
for entry in "article-nocache|$ARTICLE" "article-young-nocache|${YOUNG[0]}"; do
  for c in $CONNECTIONS; do
    wrk_run -t"$THREADS" -c"$c" -d"$DURATION" --latency "$BASE${entry#*|}"
    row "${entry%%|*}" "$c"
  done
done
stop_sampler
RSS_AFTER_NO_CACHE=$(rss_mb "$JAVA_PID")
HEAP_AFTER_NO_CACHE=$(heap_mb "$JAVA_PID")
stop_broadsheet; JAVA_PID=

# ---- Start-up on the same data, STARTUP_ROUNDS times in turn: the jar as built, and the layout
# deploy/prepare.sh makes for a service (extracted, with a class-data-sharing archive, or the
# ahead-of-time cache on Java 25 and later); with OTHER_JAVA, also that layout on that Java.
echo
echo "Start-up: the jar and the deployed layout (deploy/prepare.sh), $STARTUP_ROUNDS starts each, in turn"
JAVA_OPTS="$JAVA_OPTS" deploy/prepare.sh "$JAR" "$WORK/app" >/dev/null
[ -z "${OTHER_JAVA:-}" ] || JAVA="$OTHER_JAVA" JAVA_OPTS="$JAVA_OPTS" deploy/prepare.sh "$JAR" "$WORK/other" >/dev/null
# One start and stop with JAVA, JAR and JAVA_OPTS as given before the call; adds its STARTUP_MS
# to the variable named (not in a subshell: start's trap would clean up the whole run there).
timed_start() {
  # shellcheck disable=SC2086
  LOG_NAME=startup.log start $GENERATE_ARGS $SITE_ARGS ${APP_ARGS:-}
  stop_broadsheet; JAVA_PID=
  printf -v "$1" '%s%s ' "${!1}" "$STARTUP_MS"
}
PLAIN_STARTS=""
DEPLOYED_STARTS=""
OTHER_STARTS=""
for _ in $(seq 1 "$STARTUP_ROUNDS"); do
  timed_start PLAIN_STARTS
  JAR="$WORK/app/broadsheet.jar" JAVA_OPTS="$JAVA_OPTS @$WORK/app/jvm.args" timed_start DEPLOYED_STARTS
  [ -z "${OTHER_JAVA:-}" ] || JAVA="$OTHER_JAVA" JAR="$WORK/other/broadsheet.jar" \
    JAVA_OPTS="$JAVA_OPTS @$WORK/other/jvm.args" timed_start OTHER_STARTS
done
echo "  the jar: $PLAIN_STARTS ms; deployed: $DEPLOYED_STARTS ms${OTHER_JAVA:+; deployed on $OTHER_JAVA: $OTHER_STARTS ms}"

# The Java and what deploy/prepare.sh recorded for it, from the first line of the layout's jvm.args.
layout_of() { sed -n 's/^# Written by deploy\/prepare.sh for \(.*\)\.$/\1/p' "$1/jvm.args"; }

# ---- The table
echo
echo "Reader pages: $SPEC; wrk $DURATION per row, $THREADS threads, on the same machine"
header
printf '%s\n' "${ROWS[@]}"
echo
echo "Java process (JVM: $JAVA_OPTS):"
echo "  every cache on:  RSS after the run $RSS_AFTER MB, peak under load $(cat "$PEAK_CACHED") MB;" \
  "heap used after the run $HEAP_AFTER MB ($HEAP_LIVE MB after a full GC)"
echo "  every cache off: RSS after the run $RSS_AFTER_NO_CACHE MB, peak under load $(cat "$PEAK_NO_CACHE") MB;" \
  "heap used after the run $HEAP_AFTER_NO_CACHE MB"
echo "  start-up on existing data: caches on: $STARTUP_CACHED"
echo "                             caches off: $STARTUP_NO_CACHE"
echo "  start-up, launch to the first 200 on /, $STARTUP_ROUNDS starts each, ms: the jar $(spread <<<"$PLAIN_STARTS");" \
  "deployed (deploy/prepare.sh; $(layout_of "$WORK/app")) $(spread <<<"$DEPLOYED_STARTS")"
[ -z "${OTHER_JAVA:-}" ] || echo "                             deployed (deploy/prepare.sh; $(layout_of "$WORK/other"))" \
  "$(spread <<<"$OTHER_STARTS")"
printf 'Machine: %s cores, %s, %s MB RAM, load average before the table %s\n' "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(awk '/^MemTotal/ {printf "%.0f", $2 / 1024}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
