# Shared by the benchmark scripts, sourced after they set PORT, DATA and N: the JVM options
# (JAVA_OPTS, a small fixed heap unless given), the jar (JAR, built when missing), BASE, and the
# functions that start Broadsheet and make an administrator.
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m}
BASE="http://127.0.0.1:$PORT"
JAR=${JAR:-target/broadsheet.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests

# Starts Broadsheet from $JAR with generated data and waits until the data is ready; the
# arguments are extra application arguments. Sets JAVA_PID and LOG, and stops the server when
# the calling script exits.

start_broadsheet() {
  mkdir -p "$DATA"
  LOG="$DATA/server.log"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --broadsheet.data-dir="$DATA" \
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

# An administrator for this run, made the way an operator would, with `create-admin` (the site
# must not be running on DATA yet). Sets EMAIL and PASSWORD.
create_admin() {
  EMAIL="bench-$(date +%s)@bench.example"
  PASSWORD="bench $(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
  mkdir -p "$DATA"
  # shellcheck disable=SC2086
  printf '%s\n' "$PASSWORD" | java $JAVA_OPTS -jar "$JAR" create-admin --email "$EMAIL" \
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
