#!/usr/bin/env bash
# The article page with every cache off, an older build against this one, on the same data in the
# same hour: the older jar (OLD_JAR, required) generates N articles (default 10,000) into a data
# directory of its own, a copy is migrated by the newer jar (NEW_JAR, default
# target/broadsheet.jar), and the two then serve the same article in turn, ROUNDS times (default
# 3): WARMUP of wrk (30 s), then DURATION (20 s) at CONNECTIONS (64). Prints each run and the
# medians with their ratio. For goals stated against "today", measured on another machine.
#
#   git worktree add /tmp/old 6f8acc0 && (cd /tmp/old && mvn -q package -DskipTests)
#   OLD_JAR=/tmp/old/target/broadsheet.jar bench/nocache-before-after.sh
#
# Data are kept in WORK (bench/data/before-after) and reused; delete it after changing OLD_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${OLD_JAR:?name the older build: OLD_JAR=path/to/broadsheet.jar}"
NEW_JAR=${NEW_JAR:-target/broadsheet.jar}
N=${N:-10000}
PORT=${PORT:-8090}
WORK=${WORK:-bench/data/before-after}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
JAR=$NEW_JAR
. bench/lib.sh
for tool in wrk curl python3; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk curl python3)" >&2; exit 1; }
done
[ -f "$OLD_JAR" ] || { echo "No jar at $OLD_JAR" >&2; exit 2; }

if [ ! -s "$WORK/article" ]; then
  rm -rf "$WORK" && mkdir -p "$WORK"
  echo "Generating $N articles with $OLD_JAR"
  DATA=$WORK/old JAR=$OLD_JAR LOG_NAME=generate.log start_broadsheet
  curl -s "$BASE/page/20" | grep -o '<a href="/[a-z0-9-]*/[0-9]\{4\}/[0-9][0-9]/[0-9][0-9]/[^"]*"' | head -1 \
    | sed 's/<a href="//; s/"$//' >"$WORK/article.part"
  stop_broadsheet
  cp -a "$WORK/old" "$WORK/new"
  DATA=$WORK/new JAR=$NEW_JAR LOG_NAME=migrate.log start_broadsheet
  stop_broadsheet
  [ -s "$WORK/article.part" ] || { echo "No article found on /page/20" >&2; exit 1; }
  mv "$WORK/article.part" "$WORK/article"
fi
ARTICLE=$(cat "$WORK/article")
echo "Article $ARTICLE, every cache off ($NO_CACHE_ARGS)"

RESULTS=$WORK/results
: >"$RESULTS"
for round in $(seq "$ROUNDS"); do
  for side in old new; do
    if [ $side = old ]; then JAR=$OLD_JAR; else JAR=$NEW_JAR; fi
    DATA=$WORK/$side LOG_NAME=run.log start_broadsheet $NO_CACHE_ARGS
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$ARTICLE")
    [ "$code" = 200 ] || { echo "$side: $ARTICLE answers $code" >&2; exit 1; }
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE$ARTICLE" >/dev/null
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$ARTICLE")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    printf '%s  round %d  %-4s %10s req/s  p99 %s  non-2xx/3xx %s  load %s\n' "$(date +%H:%M)" "$round" "$side" "$rps" \
      "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)" \
      "$(cut -d' ' -f1 /proc/loadavg)"
    printf '%s\t%s\n' "$side" "$rps" >>"$RESULTS"
    stop_broadsheet
  done
done
python3 - "$RESULTS" <<'EOF'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().split("\n") if l]
med = {s: statistics.median(float(r[1]) for r in rows if r[0] == s) for s in ("old", "new")}
print("Medians: old %.0f req/s, new %.0f req/s, new/old %.2f" % (med["old"], med["new"], med["new"] / med["old"]))
EOF
printf 'Machine: %s cores, %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
