#!/usr/bin/env bash
# Three nodes behind nginx: node A runs with its embedded PostgreSQL and N generated articles
# (default 2,000); nodes B and C are the same jar pointed at A's PostgreSQL; nginx, with
# deploy/nginx/broadsheet.conf (ports and directories put in by sed), balances the three and
# caches reader pages as their headers allow. Every node keeps reader data for 10 minutes, so
# only the event bus brings a change across. On loopback, the script measures and prints:
#
#   1. publish to visible: SAMPLES times, an editor on node A publishes a new story (a real
#      newsroom request) and a reader polls its address through nginx without pause: the time
#      from A's answer to the first 200 with the headline, and to three in a row (nginx sends
#      successive requests to successive nodes, so by then A, B and C have each served it);
#   2. req/s of an old article's page (comments closed, so public) through nginx's cache,
#      through nginx without a cache (a second server block proxying to the same three nodes)
#      and from node A alone, with wrk at CONNECTIONS connections for DURATION after a warm-up;
#
# then the machine and its load average.
#
#   bench/cluster.sh                       # N=2000, SAMPLES=100, wrk 20 s; data in bench/data/cluster
#   N=200 SAMPLES=5 DURATION=3s WARMUP=2s bench/cluster.sh   # a smoke run
#
# Ports (loopback): A 8095, B 8096, C 8097, nginx 8098 (cached) and 8099 (not cached).
# Needs: Java 17+, Maven (the jar), curl, awk, nginx (Debian nginx-light), wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-2000}
PORT=${PORT:-8095}
PORT_B=${PORT_B:-8096}
PORT_C=${PORT_C:-8097}
LB_PORT=${LB_PORT:-8098}
DIRECT_PORT=${DIRECT_PORT:-8099}
SAMPLES=${SAMPLES:-100}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s} # the article page's path needs about 30 s before the JIT has compiled it
CONNECTIONS=${CONNECTIONS:-64}
DATA=${DATA:-bench/data/cluster}
NGINX=${NGINX:-nginx}
TTL=(--broadsheet.articles.cache-ttl=10m --broadsheet.comments.cache-ttl=10m --broadsheet.site.cache-ttl=10m)
LB="http://127.0.0.1:$LB_PORT"
DIRECT="http://127.0.0.1:$DIRECT_PORT"
command -v "$NGINX" >/dev/null || { echo "nginx not found (apt-get install nginx-light)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found" >&2; exit 1; }
. bench/lib.sh

PIDS=()
JAR_COOKIES=$(mktemp)
WORK=$(mktemp -d)
# nginx and nodes B and C first, then A: its PostgreSQL must outlive the others' shutdown.
stop_all() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  [[ -z ${JAVA_PID:-} ]] || { kill "$JAVA_PID" 2>/dev/null; wait "$JAVA_PID" 2>/dev/null || true; }
  rm -rf "$JAR_COOKIES" "$WORK"
}

create_admin
start_broadsheet "${TTL[@]}" --broadsheet.proxies=127.0.0.1
trap stop_all EXIT
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
echo "Node A ready on :$PORT (PostgreSQL on :$PG_PORT): $(grep -o 'Benchmark data ready.*' "$LOG" | head -1)"

# start_node NAME PORT: the jar pointed at A's PostgreSQL, with a data directory of its own.
start_node() {
  local dir="$DATA-$1"
  mkdir -p "$dir"
  # shellcheck disable=SC2086
  # Each node's actuator on a random management port: they would all want 8081.
  java $JAVA_OPTS -jar "$JAR" --server.port="$2" --management.server.port=0 --broadsheet.data-dir="$dir" --broadsheet.demo=false \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" --spring.datasource.username=postgres \
    --broadsheet.proxies=127.0.0.1 "${TTL[@]}" >"$dir/server.log" 2>&1 &
  PIDS+=($!)
}
start_node b "$PORT_B"
start_node c "$PORT_C"
for node in b c; do
  for _ in $(seq 1 120); do
    grep -q "Started BroadsheetApplication" "$DATA-$node/server.log" && break
    grep -q "APPLICATION FAILED\|Application run failed" "$DATA-$node/server.log" &&
      { echo "node $node stopped; see $DATA-$node/server.log" >&2; tail -20 "$DATA-$node/server.log" >&2; exit 1; }
    sleep 1
  done
  grep -q "Started BroadsheetApplication" "$DATA-$node/server.log" || { echo "node $node did not start" >&2; exit 1; }
done
echo "Nodes B and C ready on :$PORT_B and :$PORT_C"

# nginx: deploy/nginx/broadsheet.conf with this run's ports and directories, as a child process
# (not a daemon) with its own prefix, plus a server block on DIRECT_PORT that only proxies.
NGX="$(pwd)/$DATA-nginx"
rm -rf "$NGX" && mkdir -p "$NGX/cache" "$NGX/tmp"
sed -e "s/server 127.0.0.1:8081 /server 127.0.0.1:$PORT /" -e "s/server 127.0.0.1:8082 /server 127.0.0.1:$PORT_B /" \
  -e "s/server 127.0.0.1:8083 /server 127.0.0.1:$PORT_C /" -e "s/listen 80;/listen 127.0.0.1:$LB_PORT;/" \
  -e "s#/var/cache/nginx/broadsheet#$NGX/cache#" deploy/nginx/broadsheet.conf > "$NGX/broadsheet.conf"
cat > "$NGX/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    include $NGX/broadsheet.conf;
    server {
        listen 127.0.0.1:$DIRECT_PORT;
        location / {
            proxy_pass http://broadsheet;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
EOF
"$NGINX" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" -t -q
"$NGINX" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" &
PIDS+=($!)
for _ in $(seq 1 50); do curl -s -o /dev/null "$LB/" && break; sleep 0.1; done
echo "nginx on :$LB_PORT (cache) and :$DIRECT_PORT (no cache), $("$NGINX" -v 2>&1 | sed 's/.*: //')"

sign_in
# The newest story's section and author, for the new stories.
curl -s -b "$JAR_COOKIES" -o "$WORK/new.html" "$BASE/newsroom/articles/new"
SECTION=$(choice "$WORK/new.html" section)
AUTHOR=$(choice "$WORK/new.html" author-1)
[[ -n $SECTION && -n $AUTHOR ]] || { echo "no section or author offered in the editor" >&2; exit 1; }

# publish NAME: a new story published on A; prints its address on the site and the time of A's answer.
publish() {
  local slug="cluster-${1// /-}-$(date +%s%N)" code
  curl -s -b "$JAR_COOKIES" -o "$WORK/new.html" "$BASE/newsroom/articles/new"
  code=$(curl -s -b "$JAR_COOKIES" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$(token "$WORK/new.html")" \
    --data-urlencode "headline=Cluster story $1" --data-urlencode "slug=$slug" --data-urlencode "standfirst=Published on node A." \
    --data-urlencode "body=A story published on node A and read through the load balancer." \
    --data-urlencode "section=$SECTION" --data-urlencode "authors=$AUTHOR" --data-urlencode "action=publish" \
    "$BASE/newsroom/articles")
  local saved
  saved=$(date +%s.%N)
  [[ $code == 303 ]] || { echo "publish answered $code" >&2; exit 1; }
  echo "/$SECTION/$(date -u +%Y/%m/%d)/$slug $saved"
}

for i in $(seq 1 10); do # warm-up: the publishing path and the new page's path on every node
  out=$(publish "warm-up $i")
  path=${out% *}
  for _ in 1 2 3 4 5 6; do curl -s -o /dev/null "$LB$path"; done
done

: > "$WORK/first"; : > "$WORK/all"
for i in $(seq 1 "$SAMPLES"); do
  out=$(publish "run $i")
  path=${out% *} saved=${out#* }
  polls=0 streak=0 first=""
  while (( streak < 3 )); do
    if curl -s "$LB$path" | grep -qF "Cluster story run $i<"; then
      streak=$((streak + 1))
      [[ -n $first ]] || first=$(date +%s.%N)
    else
      streak=0
    fi
    polls=$((polls + 1))
    (( polls < 100000 )) || { echo "run $i never showed through nginx" >&2; exit 1; }
  done
  all=$(date +%s.%N)
  awk -v s="$first" -v a="$saved" 'BEGIN { printf "%.6f\n", s - a }' >> "$WORK/first"
  awk -v s="$all" -v a="$saved" 'BEGIN { printf "%.6f\n", s - a }' >> "$WORK/all"
done

# An old story (its comments closed, so its page is public): one from the middle of the
# articles sitemap.
SITEMAP=$(curl -s "$BASE/sitemap.xml" | grep -o '<loc>[^<]*articles[^<]*</loc>' | head -1 | sed 's/<[^>]*>//g; s#^https\?://[^/]*##')
OLD=$(curl -s "$BASE$SITEMAP" | grep -o '<loc>[^<]*</loc>' | sed 's/<[^>]*>//g; s#^https\?://[^/]*##' | awk '{ l[NR] = $0 } END { print l[int(NR / 2)] }')
[[ -n $OLD ]] || { echo "no article found in the sitemap" >&2; exit 1; }
curl -s -o /dev/null "$LB$OLD"
curl -s -D "$WORK/headers" -o /dev/null "$LB$OLD"
CC=$(grep -i '^cache-control:' "$WORK/headers" | tr -d '\r' | sed 's/^[^:]*: //')
STATUS=$(grep -i '^x-cache-status:' "$WORK/headers" | tr -d '\r' | sed 's/^[^:]*: //')
echo "Old story $OLD: Cache-Control: $CC; nginx cache on a second request: $STATUS"

# rate URL: wrk's req/s, p50 and p99 for URL (after WARMUP on it).
rate() {
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$1" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" > "$WORK/wrk"
  awk '/Requests\/sec/ { r = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
       /Non-2xx/ { bad = $NF } END { printf "%10.0f  %8s  %8s  %s\n", r, p50, p99, (bad ? bad " non-2xx" : "") }' "$WORK/wrk"
}
NOCACHE=$(rate "$DIRECT$OLD")
CACHED=$(rate "$LB$OLD")
NODE_A=$(rate "$BASE$OLD")

echo
echo "Three nodes behind nginx, $N articles, node caches 10 min; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "A story published on node A, polled through nginx with curl back to back:"
stats "first seen" "$WORK/first"
stats "seen 3 times in a row" "$WORK/all"
echo
echo "An old article's page through nginx, wrk $CONNECTIONS connections, $DURATION after $WARMUP of warm-up:"
printf "%-28s %10s  %8s  %8s\n" "" "req/s" "p50" "p99"
printf "%-28s %s\n" "nginx cache" "$CACHED"
printf "%-28s %s\n" "nginx, no cache (3 nodes)" "$NOCACHE"
printf "%-28s %s\n" "node A alone, no nginx" "$NODE_A"
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
