#!/usr/bin/env bash
# Comment benchmark: generates N articles (default 10,000), the newest with 500 threaded comments,
# with the comment flood limits off, moderation off (every comment approved) and comments never
# closing; then
#   1. reads the article page with 500 comments and a like page with none (wrk, 64 connections),
#      as browsers ask (Accept-Encoding: gzip) and without compression, and prints req/s, p99 and
#      the ratios;
#   2. posts new comments to a third article (wrk, 32 connections, bench/post-form.lua, the form
#      as a browser posts it: its hidden fields, the page's cookies, Origin and Sec-Fetch-Site),
#      prints accepted comments/s and p99, and checks that the article's comment count went up
#      by exactly the number of comments accepted ("lost: 0");
#   3. prints a summary. Goal: >= 500 accepted/s, none lost, the page with comments within 20%
#      of the page without.
#
#   bench/comments.sh                    # N=10000, port 8091, data in bench/data/comments
#   N=2000 DURATION=10s bench/comments.sh
#   APP_ARGS="--broadsheet.comments.cache-ttl=0" bench/comments.sh
#
# Comments are generated with the newest article, so a data directory made with another N (or
# by bench/run.sh) has none: use a fresh DATA directory then. Each run posts to an article that
# has no comments yet.
#
# Needs: Java 17+, Maven, wrk (apt-get install -y wrk), curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
COMMENTS=${COMMENTS:-500}
PORT=${PORT:-8091}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
POST_DURATION=${POST_DURATION:-20s}
POST_CONNECTIONS=${POST_CONNECTIONS:-32}
POST_WARMUP=${POST_WARMUP:-5s}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-20s}
DATA=${DATA:-bench/data/comments}
COMMENT_ARGS="--broadsheet.comments.flood-interval=0 --broadsheet.comments.flood-per-hour=0 \
--broadsheet.comments.moderation=none --broadsheet.comments.close-after-days=0"

# shellcheck source=bench/lib.sh
. bench/lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

curl -s -o /dev/null "$BASE/" && { echo "Something already answers on port $PORT: choose another PORT" >&2; exit 1; }
echo "Starting Broadsheet on port $PORT with $N articles, $COMMENTS comments on the newest (data in $DATA;"
echo "  JVM: $JAVA_OPTS; args: $COMMENT_ARGS ${APP_ARGS:-})"
# shellcheck disable=SC2086
start_broadsheet --broadsheet.generate-comments="$COMMENTS" $COMMENT_ARGS ${APP_ARGS:-}
grep "Generated\|Benchmark" "$LOG" | sed 's/.*\(Generated\|Benchmark\)/  \1/'

WITH=$(grep -o 'Benchmark article with comments: [^ ]*' "$LOG" | tail -1 | awk '{print $NF}')
WITHOUT=$(grep -o 'Benchmark article without comments: [^ ]*' "$LOG" | tail -1 | awk '{print $NF}')
[[ "$WITH" == /* && "$WITHOUT" == /* ]] || { echo "The log names no benchmark articles; see $LOG" >&2; exit 1; }

# The count in the page's comment heading ("1,234 Comments", "Be the first to comment" = 0).
comment_count() {
  curl -sf "$BASE$1" | grep -o 'id="comments-heading">[^<]*' | sed 's/.*>//; s/,//g' \
    | awk '{print ($1 ~ /^[0-9]+$/) ? $1 : 0}'
}
[ "$(comment_count "$WITH")" -ge "$COMMENTS" ] || {
  echo "$WITH has fewer than $COMMENTS comments: start with a fresh DATA directory (rm -r $DATA)" >&2; exit 1; }
[ "$(comment_count "$WITHOUT")" -eq 0 ] || { echo "$WITHOUT has comments; use a fresh DATA directory" >&2; exit 1; }

# Articles with no comments yet, from the middle of the archive, to post to.
fresh_articles() {
  local page=$((N / 40 + 1)) url
  for _ in 1 2 3 4 5; do
    for url in $(curl -sf "$BASE/page/$page" | grep -o 'class="teaser-headline"><a href="[^"]*"' | sed 's/.*href="//; s/"$//'); do
      [ "$url" != "$WITH" ] && [ "$url" != "$WITHOUT" ] && [ "$(comment_count "$url")" -eq 0 ] && echo "$url"
    done
    page=$((page + 1))
  done
}
mapfile -t FRESH < <(fresh_articles | head -2)
[ "${#FRESH[@]}" -eq 2 ] || { echo "Found no two articles without comments to post to" >&2; exit 1; }
POST_WARM_ARTICLE=${FRESH[0]}
POST_ARTICLE=${FRESH[1]}

wrk_field() { # wrk output, then: rps | p50 | p99 | errors
  case $1 in
    rps) awk '/^Requests\/sec/ {print $2}' ;;
    p50) awk '$1 == "50%" {print $2}' ;;
    p99) awk '$1 == "99%" {print $2}' ;;
    errors) awk '/Non-2xx|Socket errors/ {e = e $0 " "} END {print (e == "" ? "0" : e)}' ;;
  esac
}

# ---- 1. Reading: the page with comments against a like page without, as browsers ask for it
# (Accept-Encoding: gzip, deflate, br) and as a client that takes no compression asks.
BROWSER_ENCODING="Accept-Encoding: gzip, deflate, br"
size() { curl -sf ${2:+-H "$2"} "$BASE$1" | wc -c; }
echo
echo "Reading: $(size "$WITH") bytes with comments ($WITH; $(size "$WITH" "$BROWSER_ENCODING") sent gzip),"
echo "         $(size "$WITHOUT") bytes without ($WITHOUT; $(size "$WITHOUT" "$BROWSER_ENCODING") sent gzip)"
# The JIT needs a while for the page with comments: 10 s of warm-up measured it at half its
# settled rate. Each page is warmed up both ways.
echo "Warming up (JIT) for $WARMUP per page and encoding..."
for path in "$WITH" "$WITHOUT"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$BROWSER_ENCODING" "$BASE$path" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE$path" >/dev/null
done
# Java CPU (user + system) per request, from /proc: what the server spends, whatever the client costs.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$JAVA_PID/stat"; }
printf '\n%-26s %10s %10s %10s %10s %10s\n' page "req/s" "p50" "p99" "CPU/req" "errors"
declare -A RPS P99 RATIO CPU
for enc in browser plain; do
  for name in with without; do
    path=$WITH; [ $name = without ] && path=$WITHOUT
    header=(); [ $enc = browser ] && header=(-H "$BROWSER_ENCODING")
    before=$(cpu_ticks)
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$BASE$path")
    CPU[$enc-$name]=$(awk -v t="$(( $(cpu_ticks) - before ))" -v hz="$(getconf CLK_TCK)" \
      -v n="$(echo "$out" | awk '/requests in/ {print $1}')" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
    RPS[$enc-$name]=$(echo "$out" | wrk_field rps); P99[$enc-$name]=$(echo "$out" | wrk_field p99)
    printf '%-26s %10s %10s %10s %10s %10s\n' "$name comments ($enc)" "${RPS[$enc-$name]}" "$(echo "$out" | wrk_field p50)" \
      "${P99[$enc-$name]}" "${CPU[$enc-$name]} us" "$(echo "$out" | wrk_field errors)"
  done
  RATIO[$enc]=$(awk -v a="${RPS[$enc-with]}" -v b="${RPS[$enc-without]}" 'BEGIN {printf "%.2f", a / b}')
  echo "with / without ($enc): ${RATIO[$enc]}"
done

# ---- 2. Posting. One reader's form (its hidden fields as the page gives them, the page's
# cookies, if any) per article, posted again and again with new text: the server checks the form,
# not who sends it.
COOKIES=$(mktemp)
PAGE=$(mktemp)
trap 'rm -f "$COOKIES" "$PAGE"; kill $JAVA_PID 2>/dev/null; wait $JAVA_PID 2>/dev/null || true' EXIT
form_of() { # article URL -> FIELDS (the form's hidden fields, URL-encoded) and COOKIE (the header, or -)
  local action
  curl -sf -b "$COOKIES" -c "$COOKIES" -o "$PAGE" "$BASE$1"
  { read -r action; read -r FIELDS; } < <(bench/form-fields.py <"$PAGE")
  COOKIE=$(sed 's/^#HttpOnly_//' "$COOKIES" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}')
  COOKIE=${COOKIE:--}
  [ -n "$FIELDS" ] || { echo "Could not read the comment form of $1" >&2; exit 1; }
}
form_of "$POST_WARM_ARTICLE"; WARM_FIELDS=$FIELDS; WARM_COOKIE=$COOKIE
form_of "$POST_ARTICLE"
ARTICLE_ID=$(sed -n 's/.*\(^\|&\)article=\([0-9]*\).*/\2/p' <<<"$FIELDS")
BEFORE=$(comment_count "$POST_ARTICLE")
sleep 4 # broadsheet.comments.min-form-time is 3 s

echo
echo "Posting: warming up for $POST_WARMUP on $POST_WARM_ARTICLE..."
RUN=$(date +%s)
wrk -t"$THREADS" -c"$POST_CONNECTIONS" -d"$POST_WARMUP" -s bench/post-form.lua "$BASE/comments" \
  -- "$WARM_FIELDS" "$WARM_COOKIE" "$BASE" "$RUN-warm" \
  | grep '^accepted\|^refused' | sed 's/^/  /'
echo "Posting to $POST_ARTICLE ($BEFORE comments) for $POST_DURATION at $POST_CONNECTIONS connections..."
out=$(wrk -t"$THREADS" -c"$POST_CONNECTIONS" -d"$POST_DURATION" --latency -s bench/post-form.lua "$BASE/comments" \
  -- "$FIELDS" "$COOKIE" "$BASE" "$RUN")
ACCEPTED=$(echo "$out" | awk '$1 == "accepted" {print $2}')
ACCEPTED_RATE=$(echo "$out" | awk '$1 == "accepted/s" {print $2}')
REFUSED=$(echo "$out" | awk '$1 == "refused" {$1 = ""; print substr($0, 2)}')
POST_P50=$(echo "$out" | wrk_field p50)
POST_P99=$(echo "$out" | wrk_field p99)
SOCKET_ERRORS=$(echo "$out" | awk '/Socket errors/ {$1 = $2 = ""; print substr($0, 3)}')
printf '%-17s %10s %10s %10s %10s\n' "" "accepted/s" "p50" "p99" "refused"
printf '%-17s %10s %10s %10s %10s\n' "new comments" "$ACCEPTED_RATE" "$POST_P50" "$POST_P99" "$REFUSED"
[ -z "$SOCKET_ERRORS" ] || echo "socket errors: $SOCKET_ERRORS"

# Every accepted comment must be on the page. Approving clears this node's caches at once;
# a request cut off by the end of the run may have been stored without wrk counting it.
sleep 2
AFTER=$(comment_count "$POST_ARTICLE")
LOST=$((BEFORE + ACCEPTED - AFTER))
echo "comments on the article: $BEFORE before, $ACCEPTED accepted, $AFTER after"
if [ "$LOST" -le 0 ]; then
  echo "lost: 0$([ "$LOST" -lt 0 ] && echo " ($((-LOST)) more stored than wrk saw accepted: answers cut off at the end)")"
else
  echo "lost: $LOST"
fi
PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$LOG" | tail -1 | awk '{print $NF}')
if command -v psql >/dev/null && [ -n "$PG_PORT" ]; then
  echo "approved comments in the database: $(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc \
    "select count(*) from comment where article_id = ${ARTICLE_ID:-0} and status = 'approved'" 2>/dev/null || echo "(psql failed)")"
fi

# ---- 3. Summary
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
verdict() { [ "$1" = 1 ] && echo "ok" || echo "MISSED"; }
cat <<EOF

Summary ($N articles; $MACHINE)
  read, $COMMENTS comments:   ${RPS[browser-with]} req/s, p99 ${P99[browser-with]} (gzip, as browsers ask); ${RPS[plain-with]} req/s, p99 ${P99[plain-with]} (no compression)
  read, no comments:    ${RPS[browser-without]} req/s, p99 ${P99[browser-without]} (gzip); ${RPS[plain-without]} req/s, p99 ${P99[plain-without]} (no compression)
  Java CPU per request: ${CPU[browser-with]} us with comments, ${CPU[browser-without]} us without (gzip); ${CPU[plain-with]} / ${CPU[plain-without]} us (no compression)
  with / without:       ${RATIO[browser]} as browsers ask (goal >= 0.80: $(verdict "$(awk -v r="${RATIO[browser]}" 'BEGIN {print (r >= 0.8)}')")); ${RATIO[plain]} without compression
  post:                 $ACCEPTED_RATE accepted/s, p99 $POST_P99, refused: $REFUSED   (goal >= 500/s: $(verdict "$(awk -v r="$ACCEPTED_RATE" 'BEGIN {print (r >= 500)}')"))
  lost:                 $((LOST > 0 ? LOST : 0))   (goal 0: $(verdict $((LOST <= 0))))
EOF
