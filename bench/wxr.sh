#!/usr/bin/env bash
# WordPress import and export at scale: generates a WXR file of POSTS posts and COMMENTS comments
# (defaults 100,000 and 300,000; kept in bench/data/wxr and reused), imports it into an empty data
# directory with `import-wxr` under HEAP (default -Xmx512m), then exports it with `export-wxr`.
# Prints for each the time, posts/s, the peak Java heap (from the GC log: the most in use before
# a collection) and the peak resident memory of the Java process.
#
#   bench/wxr.sh
#   POSTS=20000 COMMENTS=60000 bench/wxr.sh
#   EXPORT=no IMPORT_OPTS=-XX:StartFlightRecording=filename=import.jfr bench/wxr.sh   # import only, profiled
#
# Needs: Java 17+, Maven (the jar), python3. Loopback only; nothing is fetched (the generated
# attachments are none, and --uploads is not needed).
set -euo pipefail
cd "$(dirname "$0")/.."

POSTS=${POSTS:-100000}
COMMENTS=${COMMENTS:-300000}
HEAP=${HEAP:--Xmx512m}
WORK=${WORK:-bench/data/wxr}
JAR=${JAR:-target/broadsheet.jar}
EXPORT=${EXPORT:-yes}
IMPORT_OPTS=${IMPORT_OPTS:-}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"

FILE="$WORK/generated-$POSTS-$COMMENTS.xml"
if [ ! -s "$FILE" ]; then
  started=$(date +%s.%N)
  python3 bench/wxr-generate.py "$FILE.part" "$POSTS" "$COMMENTS" && mv "$FILE.part" "$FILE"
  printf 'generated %s (%s MB) in %.0f s\n' "$FILE" "$(($(stat -c %s "$FILE") / 1048576))" "$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {print a - b}')"
fi

# Runs the jar with a command, sampling the process's resident memory; prints seconds, peak RSS
# (MB) and peak heap before a collection (MB, from the GC log).
measure() { # name java-options args...
  local name=$1 opts=$2; shift 2
  local gclog="$WORK/$name-gc.log" rss=0 started ended pid pm p t java_cpu=0
  declare -A pg_cpu=()
  started=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $HEAP $opts -Xlog:gc:file="$gclog" -jar "$JAR" "$@" >"$WORK/$name.out" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    now=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${now:-0}" -gt "$rss" ] && rss=$now
    # Processor time (clock ticks) of the Java process and of its PostgreSQL's processes, the last seen of each.
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) && java_cpu=$t
    pm=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pm" ]; then
      for p in $pm $(pgrep -P "$pm" 2>/dev/null || true); do
        t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) && pg_cpu[$p]=$t
      done
    fi
    sleep 0.5
  done
  local rc=0
  wait "$pid" || rc=$?
  # import-wxr exits 1 when some items failed (listed in its report): the import still ran to the end
  if [ "$rc" -ne 0 ] && ! { [ "$rc" -eq 1 ] && grep -q '^Report written' "$WORK/$name.out"; }; then
    echo "$name failed; see $WORK/$name.out" >&2; tail -20 "$WORK/$name.out" >&2; exit 1
  fi
  ended=$(date +%s.%N)
  heap=$(grep -o '[0-9]*M->' "$gclog" | tr -d 'M>-' | sort -n | tail -1)
  local ticks; ticks=$(getconf CLK_TCK)
  printf '%s\n' "${pg_cpu[@]:-0}" | awk -v j="$java_cpu" -v hz="$ticks" \
    '{s += $1} END {printf "processor time: Java %.0f s, PostgreSQL %.0f s (sampled every 0.5 s)\n", j / hz, s / hz}' >"$WORK/$name-cpu.txt"
  echo "$(awk -v a="$ended" -v b="$started" 'BEGIN {print a - b}') $((rss / 1024)) ${heap:-0}"
}

DATA="$WORK/site"
rm -rf "$DATA"
read -r secs rss heap < <(measure import "$IMPORT_OPTS" import-wxr "$FILE" --broadsheet.data-dir="$DATA")
printf '\nimport of %s posts, %s comments (%s MB): %.0f s, %.0f posts/s; peak RSS %s MB, peak heap %s MB (%s)\n' \
  "$POSTS" "$COMMENTS" "$(($(stat -c %s "$FILE") / 1048576))" "$secs" "$(awk -v a="$POSTS" -v b="$secs" 'BEGIN {print a / b}')" "$rss" "$heap" "$HEAP"
# The content is imported once the items are written. The command leaves the search vectors of
# the stories it imports to the site (its catch-up indexes them when it starts), and says so.
grep -E 'items written in' "$WORK/import.out" | sed 's/^/  | content: /' || true
# The second half's rate, from the progress line (items done and the rate since the run began, each
# second): once the JIT has compiled the hot code, what a larger file would import at.
tr '\r' '\n' <"$WORK/import.out" | awk '
  / items, [0-9]+\/s/ { split($1, d, "/"); r = $3; sub("/s,", "", r); if (!half && d[1] >= d[2] / 2 && r > 0) { half = d[1]; t = d[1] / r } }
  / items written in / { n = $1; s = $5; if (half && s > t) printf "  | second half: %d items in %.1f s, %.0f/s\n", n - half, s - t, (n - half) / (s - t) }'
sed 's/^/  | /' "$WORK/import-cpu.txt"
grep -a '^Search: ' "$WORK/import.out" | sed 's/^/  | /' || true
grep -o 'the last [0-9]* imported stories indexed, [0-9]* ms after stopping began' "$WORK/import.out" | sed 's/^/  | search catch-up: /' || true
grep -A9 '^WordPress import' "$WORK/import.out" | sed 's/^/  | /'; { grep -c '^failed:' "$WORK/import.out" || true; } | sed 's/^/  | failure lines: /'

machine() {
  printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}
if [ "$EXPORT" = no ]; then machine; exit 0; fi
read -r secs rss heap < <(measure export "" export-wxr "$WORK/exported.xml" --broadsheet.data-dir="$DATA")
printf '\nexport: %.0f s, %s MB written; peak RSS %s MB, peak heap %s MB\n' "$secs" "$(($(stat -c %s "$WORK/exported.xml") / 1048576))" "$rss" "$heap"
machine
