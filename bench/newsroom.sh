#!/usr/bin/env bash
# Newsroom benchmark: with N articles (default 10,000) present, signs in as an administrator made
# for the run by `create-admin` and measures, one request at a time as one journalist works:
#   1. the editor page of SAMPLES different articles (GET /newsroom/articles/{id});
#   2. saving an article SAMPLES times (POST, each save a new revision of a changed body);
#   3. the server-rendered preview of a long body SAMPLES times (POST /newsroom/articles/preview);
# and prints p50, p95 and max of each (goal: p95 <= 100 ms); then
#   4. schedules SCHEDULED articles a little ahead and polls their permalinks every 200 ms,
#      printing the delay from the scheduled time to the first 200 (goal: within a minute).
#
#   bench/newsroom.sh                     # N=10000, port 8093, data in bench/data/newsroom
#   N=2000 SAMPLES=100 bench/newsroom.sh
#
# Needs: Java 17+, Maven (the jar), curl, awk. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
PORT=${PORT:-8093}
SAMPLES=${SAMPLES:-300}
WARMUP=${WARMUP:-200}
SCHEDULED=${SCHEDULED:-3}
DATA=${DATA:-bench/data/newsroom}
. bench/lib.sh

create_admin
start_broadsheet
echo "Broadsheet ready: $(grep -o 'Benchmark data ready.*' "$LOG" | head -1)"

JAR_COOKIES=$(mktemp)
WORK=$(mktemp -d)
trap 'kill $JAVA_PID 2>/dev/null; wait $JAVA_PID 2>/dev/null || true; rm -rf "$JAR_COOKIES" "$WORK"' EXIT
C=(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES")

sign_in

# Article ids spread over the whole archive.
MAX_ID=$("${C[@]}" "$BASE/newsroom/articles" | grep -o 'href="/newsroom/articles/[0-9]*"' | grep -o '[0-9]*' | sort -n | tail -1)
ids=()
for i in $(seq 1 "$SAMPLES"); do ids+=($(( (i * 7919) % MAX_ID + 1 ))); done

# 1. Editor pages (warm-up first: the JIT compiles the editor's path)
for i in $(seq 1 "$WARMUP"); do "${C[@]}" -o /dev/null "$BASE/newsroom/articles/${ids[$((i % SAMPLES))]}"; done
: > "$WORK/editor"
for id in "${ids[@]}"; do
  "${C[@]}" -o /dev/null -w '%{time_total}\n' "$BASE/newsroom/articles/$id" >> "$WORK/editor"
done

# 2. Saves: one article, each save from the version the last one made, body changed each time.
ARTICLE=${ids[0]}
SAVE_BODY='Paragraph one of a benchmark body, saved again (%s).

## A subheading

Paragraph two, with [a link](https://example.org/) and some more words to render.'
save_once() { save_article "$ARTICLE" "$(printf "$SAVE_BODY" "$1")"; }
for i in $(seq 1 20); do save_once "warm-up $i" >/dev/null; done
: > "$WORK/save"
for i in $(seq 1 "$SAMPLES"); do
  out=$(save_once "run $i")
  [[ ${out#* } == 303 ]] || { echo "save answered ${out#* }" >&2; exit 1; }
  echo "${out% *}" >> "$WORK/save"
done

# 3. Previews of a long body (about 60 paragraphs with subheadings, lists and links).
BODY=$(for p in $(seq 1 20); do
  printf '## Part %d\n\nA paragraph of the preview benchmark with *emphasis*, a [link](https://example.org/%d) and more words.\n\n- one\n- two\n\n' "$p" "$p"
done)
"${C[@]}" -o "$WORK/new.html" "$BASE/newsroom/articles/new"
PTOKEN=$(token "$WORK/new.html")
preview() {
  "${C[@]}" -o /dev/null -w '%{time_total}\n' --data-urlencode "_csrf=$PTOKEN" --data-urlencode "headline=Preview benchmark" \
    --data-urlencode "standfirst=A standfirst." --data-urlencode "body=$BODY" "$BASE/newsroom/articles/preview"
}
for i in $(seq 1 "$WARMUP"); do preview >/dev/null; done
: > "$WORK/preview"
for i in $(seq 1 "$SAMPLES"); do preview >> "$WORK/preview"; done

echo
echo "Newsroom, $N articles, one request at a time (curl time_total):"
stats "editor page load" "$WORK/editor"
stats "save" "$WORK/save"
stats "preview" "$WORK/preview"

# 4. Scheduled articles: scheduled 20, 35, 50... s ahead, permalinks polled every 200 ms.
echo
echo "Scheduled time to visible on the site:"
"${C[@]}" -o "$WORK/new.html" "$BASE/newsroom/articles/new"
pids=()
for k in $(seq 1 "$SCHEDULED"); do
  (
    at=$(( $(date +%s) + 5 + 15 * k ))
    local_time=$(date -u -d "@$at" +%Y-%m-%dT%H:%M:%S)
    slug="scheduled-bench-$at-$k"
    author=$(choice "$WORK/new.html" author-1)
    code=$("${C[@]}" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$(token "$WORK/new.html")" \
      --data-urlencode "headline=Scheduled benchmark $k" --data-urlencode "slug=$slug" --data-urlencode "standfirst=Due at $local_time." \
      --data-urlencode "body=Scheduled body." --data-urlencode "section=americas" --data-urlencode "authors=$author" \
      --data-urlencode "action=schedule" --data-urlencode "publishAt=$local_time" "$BASE/newsroom/articles")
    [[ $code == 303 ]] || { echo "  schedule $k answered $code" >&2; exit 1; }
    url="$BASE/americas/$(date -u -d "@$at" +%Y/%m/%d)/$slug"
    while [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") != 200 ]]; do sleep 0.2; done
    seen=$(date +%s.%N)
    awk -v s="$seen" -v a="$at" -v k="$k" 'BEGIN { printf "  article %d: visible %.1f s after its scheduled time\n", k, s - a }'
  ) &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
