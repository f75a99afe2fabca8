#!/usr/bin/env bash
# Slow request bodies against the site's 8 request threads, and whether virtual threads help
# (issue 13, "Slow clients"). For each configuration (CONFIGS: Java 17 and Java 25 with platform
# threads, Java 25 with virtual threads; each with the least body rate on and off, and the bound on
# threads waiting for bodies as the site sets it or off) it starts
# target/broadsheet.jar on a small generated data set (N articles, kept in DATA), and:
#   1. the cached front page's throughput with wrk (after a warm-up), nobody trickling;
#   2. TRICKLERS clients trickling a comment form's body at a byte a second (python3, loopback),
#      each connecting again as soon as the server cuts it off, so that they never let up;
#   3. meanwhile a reader's front page, one request every INTERVAL seconds (SAMPLES of them, for
#      at most READ_FOR seconds, each given up after READ_TIMEOUT): median, p99, how many were given
#      up (counted at READ_TIMEOUT);
#   4. how many trickling connections the server closed in that time (each then connects again).
# It prints one line per configuration, then the machine.
#
#   /work/tools/mvn-locked -q -o package -DskipTests     # the jar, first
#   flock /tmp/mvn.lock bash bench/slow-clients.sh      # never beside a build: the builds' lock
#   TRICKLERS=64 CONFIGS="25:true:1KB 25:false:1KB" flock /tmp/mvn.lock bash bench/slow-clients.sh
#
# CONFIGS is a list of JAVA:VIRTUAL:LEAST_RATE[:WAITING], JAVA being 17 or 25 (JAVA17, JAVA25: their
# homes), VIRTUAL true, false or auto (not set: what the site chooses by itself), LEAST_RATE 0 for
# none, and WAITING broadsheet.request-body.waiting-readers (auto, the default: not set; 0: no bound).
# Needs: Java 17 and 25, wrk, curl, python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-2000}
PORT=${PORT:-8094}
DATA=${DATA:-bench/data/slow-clients}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
CONFIGS=${CONFIGS:-"17:false:1KB:0 17:false:1KB 25:false:1KB:0 25:false:1KB 25:true:1KB 25:auto:1KB"}
TRICKLERS=${TRICKLERS:-32}
SAMPLES=${SAMPLES:-60}
INTERVAL=${INTERVAL:-0.5}
READ_FOR=${READ_FOR:-30}
READ_TIMEOUT=${READ_TIMEOUT:-10}
GRACE=${GRACE:-5s}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-8}

# shellcheck source=bench/lib.sh
. bench/lib.sh
for tool in wrk curl python3; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk curl python3)" >&2; exit 1; }
done
WORK=$(mktemp -d)
BASE_PATH=$PATH

# Keeps $TRICKLERS connections trickling a comment form's body at a byte a second until killed;
# counts in $WORK/cut the connections the server closed.
trickle() {
  exec python3 - "$PORT" "$TRICKLERS" "$WORK/cut" <<'EOF'
import asyncio, sys
port, clients, counter = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
body = b"article=1&token=x&subject=&name=Slow&email=slow%40example.com&comment=" + b"s" * 4000
head = (b"POST /comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
cut = 0
async def one():
    global cut
    while True:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(head)
            for byte in body:
                writer.write(bytes([byte]))
                await writer.drain()
                if reader.at_eof() or writer.is_closing():
                    break
                await asyncio.sleep(1)
                if len(reader._buffer) or reader.at_eof():  # an answer came: the server cut it off
                    break
            writer.close()
        except OSError:
            await asyncio.sleep(0.1)  # refused: the server is not there (yet)
        cut += 1
        with open(counter, "w") as f:
            f.write(str(cut))
async def main():
    await asyncio.gather(*(one() for _ in range(clients)))
asyncio.run(main())
EOF
}

# A reader's front page, one request after another: "p50 p99 given-up n" in ms.
readers() {
  : > "$WORK/times"
  local given_up=0 started=$SECONDS t
  for _ in $(seq 1 "$SAMPLES"); do
    (( SECONDS - started < READ_FOR )) || break
    if ! t=$(curl -s -o /dev/null -m "$READ_TIMEOUT" -w '%{time_total}' "$BASE/"); then
      given_up=$((given_up + 1))
    fi
    echo "$t" >> "$WORK/times"
    sleep "$INTERVAL"
  done
  sort -n "$WORK/times" | awk -v g="$given_up" '{ v[NR] = $1 * 1000 } END {
    p50 = int(NR * 0.50 + 0.5); p99 = int(NR * 0.99 + 0.5); if (p99 > NR) p99 = NR; if (p50 < 1) p50 = 1
    printf "%9.1f %9.1f %5d/%d", v[p50], v[p99], g, NR }'
}

throughput() {
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE/" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/" > "$WORK/wrk"
  awk '/Requests\/sec/ { r = $2 } /^ +99%/ { p99 = $2 } END { printf "%9.0f %8s", r, p99 }' "$WORK/wrk"
}

printf '%-52s %9s %8s | %9s %9s %9s %9s\n' "configuration ($TRICKLERS trickling)" "req/s" "p99" \
  "read p50" "read p99" "given up" "closed"
for config in $CONFIGS; do
  IFS=: read -r version virtual rate waiting <<<"$config"
  waiting=${waiting:-auto}
  home=JAVA$version
  export PATH="${!home}/bin:$BASE_PATH"
  threads=()
  [ "$virtual" = auto ] || threads=(--spring.threads.virtual.enabled="$virtual")
  [ "$waiting" = auto ] || threads+=(--broadsheet.request-body.waiting-readers="$waiting")
  LOG_NAME="server-$version-$virtual-$rate-$waiting.log" start_broadsheet "${threads[@]}" \
    --broadsheet.request-body.least-rate="$rate" --broadsheet.request-body.grace="$GRACE"
  rps=$(throughput)
  echo 0 > "$WORK/cut"
  trickle & TRICKLE_PID=$!
  trap 'kill $TRICKLE_PID $JAVA_PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
  sleep 3
  read_line=$(readers)
  kill $TRICKLE_PID; wait $TRICKLE_PID 2>/dev/null || true
  case $virtual in true) threads=virtual ;; false) threads=platform ;; *) threads="auto threads" ;; esac
  bound=${waiting/#0/none}
  printf '%-52s %s | %s %9s\n' "Java $version, $threads, least rate ${rate/#0/off}, waiting ${bound}" "$rps" "$read_line" \
    "$(cat "$WORK/cut")"
  stop_broadsheet
done
printf 'Machine: %s cores, %s; grace %s; cached front page with wrk -c%s for %s\n' "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$GRACE" "$CONNECTIONS" "$DURATION"
rm -rf "$WORK"
