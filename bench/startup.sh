#!/usr/bin/env bash
# Start-up on existing data, several ways side by side, ROUNDS times each (interleaved, so that
# the machine's noise falls on all alike): the jar as built; the same without its second thread
# loading classes (-Dbroadsheet.startup.preload=false); the jar extracted; the layout a service
# runs (deploy/prepare.sh: extracted, with the class-data-sharing archive or, on Java 25 and
# later, the ahead-of-time cache it records); OLD_JAR, an older build, when given; and the jar and
# the deployed layout on OTHER_JAVA, another Java, when given. Prints, for each, the median and the
# range of the time from launching java to the first 200 on /, and of Spring's "Started … in".
#
#   bench/startup.sh                          # on bench/data/reader (made by bench/run.sh)
#   ROUNDS=9 DATA=bench/data/small bench/startup.sh
#   OLD_JAR=/tmp/before.jar bench/startup.sh
#   OTHER_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh
#
# Needs: Java 17+, Maven (the jar), curl. Run it alone (under the build lock on shared machines).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18091}
DATA=${DATA:-bench/data/reader}
ROUNDS=${ROUNDS:-5}
N=0
# shellcheck source=bench/lib.sh
. bench/lib.sh
[ -d "$DATA/postgres" ] || { echo "No data in $DATA: run bench/run.sh first (or give DATA)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAVA_OPTS="$JAVA_OPTS" deploy/prepare.sh "$JAR" "$WORK/app" >/dev/null
[ -z "${OTHER_JAVA:-}" ] || JAVA="$OTHER_JAVA" JAVA_OPTS="$JAVA_OPTS" deploy/prepare.sh "$JAR" "$WORK/other" >/dev/null

# One start: prints "<ms to first 200> <seconds in Started line>".
one_start() { # java jar java-options...
  local java=$1 jar=$2 launched pid ms=""
  shift 2
  launched=$(date +%s%3N)
  # shellcheck disable=SC2086
  "$java" $JAVA_OPTS "$@" -jar "$jar" --server.port="$PORT" --broadsheet.data-dir="$DATA" \
    --broadsheet.demo=false >"$WORK/start.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ]; then ms=$(($(date +%s%3N) - launched)); break; fi
    kill -0 $pid 2>/dev/null || { echo "Broadsheet stopped:" >&2; tail -20 "$WORK/start.log" >&2; exit 1; }
    sleep 0.05
  done
  kill $pid; wait $pid 2>/dev/null || true
  echo "$ms $(grep -o 'Started [A-Za-z]* in [0-9.]*' "$WORK/start.log" | awk '{print $NF}')"
}

declare -A first started
VARIANTS=(jar jar-no-preload extracted deployed)
[ -n "${OLD_JAR:-}" ] && VARIANTS+=(old-jar)
[ -n "${OTHER_JAVA:-}" ] && VARIANTS+=(other-jar other-deployed)
for round in $(seq 1 "$ROUNDS"); do
  for v in "${VARIANTS[@]}"; do
    case $v in
      jar) r=$(one_start "$JAVA" "$JAR") ;;
      jar-no-preload) r=$(one_start "$JAVA" "$JAR" -Dbroadsheet.startup.preload=false) ;;
      old-jar) r=$(one_start "$JAVA" "$OLD_JAR") ;;
      extracted) r=$(one_start "$JAVA" "$WORK/app/broadsheet.jar") ;;
      deployed) r=$(one_start "$JAVA" "$WORK/app/broadsheet.jar" @"$WORK/app/jvm.args") ;;
      other-jar) r=$(one_start "$OTHER_JAVA" "$JAR") ;;
      other-deployed) r=$(one_start "$OTHER_JAVA" "$WORK/other/broadsheet.jar" @"$WORK/other/jvm.args") ;;
    esac
    first[$v]+="${r% *} "; started[$v]+="${r#* } "
    echo "round $round, $v: ${r% *} ms to the first 200 (Started in ${r#* } s)"
  done
done

echo
echo "Start-up on $DATA, $ROUNDS rounds, JVM: $JAVA_OPTS"
echo "java: $("$JAVA" -version 2>&1 | head -1)${OTHER_JAVA:+; other: $("$OTHER_JAVA" -version 2>&1 | head -1)}"
for v in "${VARIANTS[@]}"; do
  printf '%-15s first 200 on / ms: %-28s Started in s: %s\n' "$v" "$(echo "${first[$v]}" | spread)" "$(echo "${started[$v]}" | spread)"
done
