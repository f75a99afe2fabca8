#!/usr/bin/env bash
# Makes src/main/resources/broadsheet/startup-classes.txt: the classes of the jar and its libraries
# that a start of the site loads, in the order it loads them, for platform.StartupClasses to load
# ahead of the main thread. Run it after a dependency changes (StartupClassesTests says when):
# it starts the jar twice on a throwaway data directory (the first start makes the cluster and the
# demo edition), records the second start's class loading (-Xlog:class+load) until the front page
# answers, and keeps the names whose source is the jar.
#
#   bench/startup-classes.sh                 # builds target/broadsheet.jar when missing
#   JAR=path/to/broadsheet.jar bench/startup-classes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18097}
N=0
WORK=$(mktemp -d)
DATA="$WORK/data"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/lib.sh
. bench/lib.sh
OUT=src/main/resources/broadsheet/startup-classes.txt

# One start, recording class loading into $WORK/classes.log when asked; stops after / answers 200.
one_start() { # record?
  local record=() pid
  [ "$1" = yes ] && record=(-Xlog:class+load=info:file="$WORK/classes.log")
  # shellcheck disable=SC2086
  java $JAVA_OPTS "${record[@]}" -Dbroadsheet.startup.preload=false -jar "$JAR" --server.port="$PORT" \
    --management.server.port=0 --broadsheet.data-dir="$DATA" >"$WORK/start.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ]; then
      [ "$1" = yes ] && cp "$WORK/classes.log" "$WORK/until-first-page.log"
      kill $pid; wait $pid 2>/dev/null || true
      return 0
    fi
    kill -0 $pid 2>/dev/null || { echo "Broadsheet stopped:" >&2; tail -20 "$WORK/start.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "The front page did not answer 200 within a minute" >&2
  kill $pid
  exit 1
}

one_start no
one_start yes
{
  echo "# The classes a start of the site loads from the jar, in order (platform.StartupClasses)."
  echo "# Made by bench/startup-classes.sh; run it again when StartupClassesTests asks."
  # Classes from the jar's own classes and its nested libraries, not generated ones (proxies,
  # lambdas, CGLIB subclasses, hidden classes), each once.
  grep -E 'source: jar:nested:.*!BOOT-INF/(classes|lib/)' "$WORK/until-first-page.log" \
    | awk '{print $2}' | grep -v -e '\$\$' -e '/' -e '\$Proxy' | awk '!seen[$0]++'
} >"$OUT"
echo "$(grep -vc '^#' "$OUT") class names written to $OUT ($(java -version 2>&1 | head -1))"
