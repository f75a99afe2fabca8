#!/usr/bin/env bash
# Lays out the jar for a fast start: extracts it (Spring Boot's own tools mode: an application
# jar beside its libraries, which the JVM opens directly instead of through nested jars) and
# records what the JVM loads in a training run, which starts the application up to the end of its
# context refresh against a throwaway data directory, then exits:
#   - on Java 25 and later, an ahead-of-time cache (JEP 514/515: classes loaded and linked, and
#     method profiles), broadsheet.aot;
#   - on Java 17 to 24, a class-data-sharing archive (classes parsed and verified), broadsheet.jsa.
# It writes the option that uses it to jvm.args, a java argument file, so the service starts the
# same way with either (docs/performance.md, "Start-up"):
#
#   deploy/prepare.sh target/broadsheet.jar /opt/broadsheet
#   java @/opt/broadsheet/jvm.args -jar /opt/broadsheet/broadsheet.jar
#
# JAVA is the java the service runs (default: java on the PATH) and JAVA_OPTS the options it runs
# with (heap, collector), which the training run uses too, so that what it records fits the
# service's JVM. Run it again after every upgrade of the jar or of Java: a cache or archive serves only
# the jar and JVM that made it; a stale one is ignored with a warning and the site starts the slow
# way.
set -euo pipefail
JAR=${1:?usage: deploy/prepare.sh BROADSHEET_JAR DIRECTORY}
DIR=${2:?usage: deploy/prepare.sh BROADSHEET_JAR DIRECTORY}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd) # jvm.args names the cache by its absolute path
rm -rf "$DIR/lib" "$DIR/broadsheet.jar" "$DIR/broadsheet.jsa" "$DIR/broadsheet.aot" "$DIR/jvm.args"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR"
# The tools name the application jar after the one extracted; the service runs broadsheet.jar.
NAME=$(basename "$JAR")
[ "$NAME" = broadsheet.jar ] || mv "$DIR/$NAME" "$DIR/broadsheet.jar"

if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q '\bAOTCacheOutput\b'; then
  KIND="an ahead-of-time cache"; CACHE="$DIR/broadsheet.aot"
  RECORD="-XX:AOTCacheOutput=$CACHE"; USE="-XX:AOTCache=$CACHE"
else
  KIND="a class-data-sharing archive"; CACHE="$DIR/broadsheet.jsa"
  RECORD="-XX:ArchiveClassesAtExit=$CACHE"; USE="-XX:SharedArchiveFile=$CACHE"
fi

TRAINING=$(mktemp -d)
# -Dspring.context.exit=onRefresh: Spring stops once every bean is made, before the site serves.
# It halts the JVM, so no shutdown hook stops the training's embedded PostgreSQL: this does.
stop_training() {
  local pid
  pid=$(head -1 "$TRAINING/postgres/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$TRAINING"
}
trap stop_training EXIT
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS "$RECORD" -Dspring.context.exit=onRefresh \
  -jar "$DIR/broadsheet.jar" --broadsheet.data-dir="$TRAINING" --broadsheet.demo=false \
  --server.port=0 --management.server.port=0 >"$TRAINING/training.log" 2>&1 \
  || { echo "The training run failed:" >&2; tail -30 "$TRAINING/training.log" >&2; exit 1; }
[ -s "$CACHE" ] || { echo "The training run made no ${KIND#* }:" >&2; tail -30 "$TRAINING/training.log" >&2; exit 1; }

# A java that does not know the option (the service moved to an older Java without running this
# again) would refuse to start; with IgnoreUnrecognizedVMOptions it starts the slow way instead.
cat >"$DIR/jvm.args" <<EOF
# Written by deploy/prepare.sh for $("$JAVA" -version 2>&1 | head -1 | tr -d '"'): $KIND.
-XX:+IgnoreUnrecognizedVMOptions
$USE
EOF
echo "Prepared $DIR: broadsheet.jar, lib/, jvm.args and $(basename "$CACHE"), $KIND ($(du -m "$CACHE" | cut -f1) MB)"
