# Shared by the benchmark scripts: starts Broadsheet from target/broadsheet.jar with generated
# data and waits until the data is ready. Expects JAVA_OPTS, PORT, DATA and N to be set;
# the arguments are extra application arguments. Sets JAVA_PID and LOG, and stops the server
# when the calling script exits.
start_broadsheet() {
  mkdir -p "$DATA"
  LOG="$DATA/server.log"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar target/broadsheet.jar --server.port="$PORT" --broadsheet.data-dir="$DATA" \
    --broadsheet.generate-articles="$N" --logging.level.org.broadsheet.demo=INFO "$@" >"$LOG" 2>&1 &
  JAVA_PID=$!
  trap 'kill $JAVA_PID 2>/dev/null; wait $JAVA_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 1800); do
    grep -q "Benchmark data ready" "$LOG" && return 0
    kill -0 $JAVA_PID 2>/dev/null || { echo "Broadsheet stopped; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 1
  done
  echo "Broadsheet did not get its data ready; see $LOG" >&2
  exit 1
}
