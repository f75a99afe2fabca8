#!/usr/bin/env bash
# Two or more builds' WordPress imports compared in the same hour: bench/wxr.sh (import only) on
# each jar in turn, ROUNDS times (default 3), then the median of each. On this kind of VM the same
# jar's import moves by 10-15% within an hour, more than most changes: only jars run in turn, and
# their medians, say which is faster.
#
#   bench/wxr-ab.sh before.jar target/broadsheet.jar
#   ROUNDS=5 POSTS=27000 COMMENTS=81000 bench/wxr-ab.sh a.jar b.jar c.jar
#
# Prints, per run: the whole command (time, posts/s), the items once started, and Java's and
# PostgreSQL's processor time; then per jar the medians. The other settings are bench/wxr.sh's
# (POSTS, COMMENTS, HEAP, WORK, IMPORT_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 2 ] || { echo "usage: bench/wxr-ab.sh JAR JAR [JAR...]" >&2; exit 2; }
for jar in "$@"; do [ -f "$jar" ] || { echo "No jar at $jar" >&2; exit 2; }; done
ROUNDS=${ROUNDS:-3}
WORK=${WORK:-bench/data/wxr}
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

for round in $(seq "$ROUNDS"); do
  for jar in "$@"; do
    out=$(JAR="$jar" WORK="$WORK" EXPORT=no bash bench/wxr.sh 2>&1) || { echo "$out" | tail -20 >&2; exit 1; }
    whole=$(grep -o '^import of .*: [0-9]* s, [0-9]* posts/s' <<<"$out" | sed 's/.*: //')
    started=$(grep -o 'items written in [0-9.]* s, [0-9]*/s' <<<"$out" | sed 's/items written in //')
    cpu=$(grep -o 'Java [0-9]* s, PostgreSQL [0-9]* s' <<<"$out")
    printf '%s  round %d  %-40s whole %-22s once started %-18s %s\n' "$(date +%H:%M)" "$round" "$jar" "$whole" "$started" "$cpu"
    printf '%s\t%s\t%s\t%s\t%s\n' "$jar" "$(awk '{print $1}' <<<"$whole")" "$(awk '{print $3}' <<<"$started" | tr -d '/s')" \
      "$(awk '{print $2}' <<<"$cpu")" "$(awk '{print $5}' <<<"$cpu")" >>"$RESULTS"
  done
done

echo
echo "Medians over $ROUNDS rounds:"
for jar in "$@"; do
  awk -F'\t' -v jar="$jar" '$1 == jar' "$RESULTS" | python3 -c '
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in sys.stdin]
med = lambda i: statistics.median(float(r[i]) for r in rows)
posts = int(sys.argv[2])
print("  %-40s whole %.0f s (%.0f posts/s), once started %.0f items/s, Java %.0f s, PostgreSQL %.0f s"
      % (sys.argv[1], med(1), posts / med(1), med(2), med(3), med(4)))' "$jar" "${POSTS:-100000}"
done
printf 'Machine: %s cores, %s, load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
