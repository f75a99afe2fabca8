# Shared by the benchmark scripts, sourced after they set PORT, DATA and N: the JVM (JAVA, the
# java on the PATH unless given) and its options (JAVA_OPTS, a small fixed heap unless given),
# the jar (JAR, built when missing), BASE, the settings that turn every cache off (NO_CACHE_ARGS,
# unless given), and the functions that start Broadsheet and make an administrator.
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m}
BASE="http://127.0.0.1:$PORT"
# Every cache of reader data, related lists and pages off: the benchmarks' "every cache off".
NO_CACHE_ARGS=${NO_CACHE_ARGS:-"--broadsheet.articles.cache-ttl=0 --broadsheet.comments.cache-ttl=0 \
--broadsheet.site.cache-ttl=0 --broadsheet.search.cache-ttl=0 --broadsheet.search.keep-related=false \
--broadsheet.page-cache.max-size=0"}
JAR=${JAR:-target/broadsheet.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests

# Starts Broadsheet from $JAR with generated data and waits until the data is ready; the
# arguments are extra application arguments. Sets JAVA_PID, LOG (the log of this start, kept as
# LOG_NAME, default server.log, in DATA), and STARTUP_MS: the time from launching java to the
# first 200 on / (on data generated before; a start that generates answers / before its data is
# ready). Stops the server when the calling script exits.
start_broadsheet() {
  mkdir -p "$DATA"
  LOG="$DATA/${LOG_NAME:-server.log}"
  STARTUP_MS=
  local launched now
  launched=$(date +%s%3N)
  # shellcheck disable=SC2086
  # The actuator on a random management port (MANAGEMENT_PORT to choose one): 8081 may be taken.
  "$JAVA" $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --management.server.port="${MANAGEMENT_PORT:-0}" --broadsheet.data-dir="$DATA" \
    --broadsheet.generate-articles="$N" --logging.level.org.broadsheet.demo=INFO "$@" >"$LOG" 2>&1 &
  JAVA_PID=$!
  trap 'kill $JAVA_PID 2>/dev/null; wait $JAVA_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 36000); do
    if [ -z "$STARTUP_MS" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ]; then
      now=$(date +%s%3N)
      STARTUP_MS=$((now - launched))
    fi
    [ -n "$STARTUP_MS" ] && grep -q "Benchmark data ready" "$LOG" && { wait_for_search_vectors; return 0; }
    kill -0 $JAVA_PID 2>/dev/null || { echo "Broadsheet stopped; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 0.1
  done
  echo "Broadsheet did not get its data ready; see $LOG" >&2
  exit 1
}

# Generated articles get their search vectors after their batch, on another connection (the
# search catch-up): waits until none waits, so that no measurement shares the processor with it
# and searches find every story. Sets PG_PORT (the embedded PostgreSQL's, from LOG).
wait_for_search_vectors() {
  PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$LOG" | tail -1 | awk '{print $NF}')
  command -v psql >/dev/null && [ -n "$PG_PORT" ] || { echo "(no psql: not waiting for search vectors)" >&2; return 0; }
  local waiting
  for _ in $(seq 1 1200); do
    waiting=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc \
      "select count(*) from article where search_vector is null and status = 'published'" 2>/dev/null || echo "?")
    [ "$waiting" = 0 ] && return 0
    sleep 1
  done
  echo "Stories still without search vectors after 20 minutes: $waiting" >&2
}

# Stops the Broadsheet started by start_broadsheet and waits until it has exited (a stop finishes
# the search vectors an import left waiting first).
stop_broadsheet() {
  kill "$JAVA_PID" 2>/dev/null || true
  wait "$JAVA_PID" 2>/dev/null || true
}

# An administrator for this run, made the way an operator would, with `create-admin` (the site
# must not be running on DATA yet). Sets EMAIL and PASSWORD.
create_admin() {
  EMAIL="bench-$(date +%s)@bench.example"
  PASSWORD="bench $(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
  mkdir -p "$DATA"
  # shellcheck disable=SC2086
  printf '%s\n' "$PASSWORD" | "$JAVA" $JAVA_OPTS -jar "$JAR" create-admin --email "$EMAIL" \
    --name "Bench Editor" --password-stdin --broadsheet.data-dir="$DATA" --logging.level.root=WARN >"$DATA/create-admin.log" 2>&1 \
    || { echo "create-admin failed; see $DATA/create-admin.log" >&2; tail -20 "$DATA/create-admin.log" >&2; exit 1; }
}

# Form helpers over a saved page: the CSRF token, a field's value (its HTML character references
# decoded, so that posting it back keeps the text), a select's chosen option (its first option
# with a value when none is chosen).
token() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }
field() {
  grep -o "name=\"$2\"[^>]*value=\"[^\"]*\"" "$1" | head -1 | sed 's/.*value="//;s/"$//' |
    sed "s/&#39;/'/g; s/&#34;/\"/g; s/&quot;/\"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g"
}
choice() {
  local options
  options=$(sed -n "/<select id=\"$2\"/,/<\/select>/p" "$1" | grep -o '<option value="[a-z0-9-]\+"[^>]*>')
  { grep ' selected' <<<"$options" || head -1 <<<"$options"; } | head -1 | sed 's/<option value="//;s/".*//'
}

# Signs in at BASE as EMAIL/PASSWORD with curl's cookie jar JAR_COOKIES (WORK: a scratch directory).
sign_in() {
  local c=(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES") code
  "${c[@]}" -o "$WORK/signin.html" "$BASE/newsroom/sign-in"
  code=$("${c[@]}" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$(token "$WORK/signin.html")" \
    --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" "$BASE/newsroom/sign-in")
  [[ $code == 302 ]] || { echo "sign-in failed: $code" >&2; exit 1; }
}

# p50, p95 and max of a file of durations in seconds, one per line, printed in ms.
stats() { # name file
  sort -n "$2" | awk -v name="$1" '{ v[NR] = $1 * 1000 } END {
    p50 = v[int(NR * 0.50 + 0.5)]; p95 = v[int(NR * 0.95 + 0.5)];
    printf "%-22s n=%d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", name, NR, p50, p95, v[NR] }'
}

# Saves article ID as the editor's form shows it (a new revision), with BODY and, when given,
# a new HEADLINE; prints curl's time_total and the status code (303 when saved).
save_article() { # id body [headline]
  local c=(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES")
  "${c[@]}" -o "$WORK/form.html" "$BASE/newsroom/articles/$1"
  local args=(--data-urlencode "_csrf=$(token "$WORK/form.html")" --data-urlencode "version=$(field "$WORK/form.html" version)"
    --data-urlencode "action=save")
  args+=(--data-urlencode "headline=${3:-$(field "$WORK/form.html" headline)}")
  args+=(--data-urlencode "slug=$(field "$WORK/form.html" slug)")
  args+=(--data-urlencode "section=$(choice "$WORK/form.html" section)")
  args+=(--data-urlencode "authors=$(choice "$WORK/form.html" author-1)")
  args+=(--data-urlencode "body=$2")
  "${c[@]}" -o /dev/null -w '%{time_total} %{http_code}\n' "${args[@]}" "$BASE/newsroom/articles/$1"
}

# Starts nginx (Debian's nginx-light) as a child of this script, not a daemon, serving the files of
# directory ROOT on loopback port PORT, with its prefix, configuration, temporary directories, pid
# file and error log under NGINX_DIR (default $DATA/nginx): the system's configuration and
# directories are not used. Stock settings otherwise (sendfile on as Debian ships it, one worker
# per core, keep-alive as nginx's defaults). Sets NGINX_PID; stop it with stop_nginx.
start_nginx() { # root port
  local dir root
  dir=$(realpath -m "${NGINX_DIR:-$DATA/nginx}")
  root=$(realpath "$1")
  command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
  mkdir -p "$dir/logs" "$dir/temp"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $dir/temp/body;
  proxy_temp_path $dir/temp/proxy;
  fastcgi_temp_path $dir/temp/fastcgi;
  scgi_temp_path $dir/temp/scgi;
  uwsgi_temp_path $dir/temp/uwsgi;
  types { text/html html; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$2;
    root $root;
  }
}
CONF
  nginx -t -q -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" || { echo "nginx refused $dir/nginx.conf" >&2; exit 1; }
  nginx -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    [ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$2/")" != 000 ] && return 0
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "nginx did not start; see $dir/logs/error.log" >&2
  exit 1
}

stop_nginx() {
  [ -n "${NGINX_PID:-}" ] || return 0
  kill "$NGINX_PID" 2>/dev/null || true
  wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=
}

# Runs wrk and sets WRK_RPS, WRK_P50, WRK_P99 (as wrk prints them), WRK_BAD (answers that were
# not 2xx or 3xx, plus socket errors) and WRK_OUT (the whole output). Arguments: wrk's.
wrk_run() {
  WRK_OUT=$(wrk "$@")
  WRK_RPS=$(awk '/^Requests\/sec/ {print $2}' <<<"$WRK_OUT")
  WRK_P50=$(awk '$1 == "50%" {print $2}' <<<"$WRK_OUT")
  WRK_P99=$(awk '$1 == "99%" {print $2}' <<<"$WRK_OUT")
  WRK_BAD=$(awk '/Non-2xx or 3xx responses/ {n += $NF}
    /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$WRK_OUT")
}

# Warms Broadsheet up with wrk on the given URLs, in turn, 10 s at a time, until the JIT has
# settled: at least MIN seconds (default 30), then until a round of 10 s adds less than half a
# second of compile time (jstat's count, all compiler threads), at most MAX seconds (default
# 180). On two cores the page with every cache off keeps C2 busy for a minute or more under
# load; measured earlier, the first minute runs at half the speed of the third. Sets
# WARM_SECONDS and prints what it did. Needs jstat (the JDK's); without it, MIN seconds.
# Arguments: MIN MAX CONNECTIONS URL...
warm_up() {
  local min=$1 max=$2 conns=$3 before after spent=0
  shift 3
  jit_seconds() { jstat -compiler "$JAVA_PID" 2>/dev/null | awk 'NR == 2 {print $4}'; }
  before=$(jit_seconds)
  while :; do
    for url in "$@"; do wrk -t"${THREADS:-2}" -c"$conns" -d10s "$url" >/dev/null; spent=$((spent + 10)); done
    after=$(jit_seconds)
    if [ -z "$after" ]; then
      [ "$spent" -ge "$min" ] && break
    elif [ "$spent" -ge "$min" ] && awk -v a="$after" -v b="$before" -v n=$# 'BEGIN {exit !(a - b < 0.5 * n)}'; then
      break
    fi
    [ "$spent" -ge "$max" ] && { echo "(the JIT was still compiling after $spent s of warm-up)" >&2; break; }
    before=$after
  done
  WARM_SECONDS=$spent
  echo "Warmed up for $spent s (JIT compile time ${after:-unknown} s in all)"
}

# "median M (lowest-highest)" of the numbers on standard input, separated by spaces or lines.
spread() {
  tr ' ' '\n' | grep . | sort -n \
    | awk '{a[NR] = $1} END {printf "median %s (%s-%s)", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, a[1], a[NR]}'
}
