#!/usr/bin/env bash
# Lays out the jar for a fast start: extracts it (Spring Boot's own tools mode: an application
# jar beside its libraries, which the JVM opens directly instead of through nested jars) and
# records a class-data-sharing archive from a training run, which starts the application up to
# the end of its context refresh against a throwaway data directory, then exits. On the
# benchmark machine this takes start-up from about 11.7 s to about 7.9 s (docs/performance.md).
#
#   deploy/prepare.sh target/broadsheet.jar /opt/broadsheet
#   java -XX:SharedArchiveFile=/opt/broadsheet/broadsheet.jsa -jar /opt/broadsheet/broadsheet.jar
#
# Run it again after every upgrade (an archive only serves the very jar and JVM that made it; a
# stale one is ignored with a warning and the site starts the slow way). Needs the same java as
# the service.
set -euo pipefail
JAR=${1:?usage: deploy/prepare.sh BROADSHEET_JAR DIRECTORY}
DIR=${2:?usage: deploy/prepare.sh BROADSHEET_JAR DIRECTORY}
JAVA=${JAVA:-java}

mkdir -p "$DIR"
rm -rf "$DIR/lib" "$DIR/broadsheet.jar" "$DIR/broadsheet.jsa"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR"
# The tools name the application jar after the one extracted; the service runs broadsheet.jar.
NAME=$(basename "$JAR")
[ "$NAME" = broadsheet.jar ] || mv "$DIR/$NAME" "$DIR/broadsheet.jar"

TRAINING=$(mktemp -d)
trap 'rm -rf "$TRAINING"' EXIT
# -Dspring.context.exit=onRefresh: Spring stops once every bean is made, before the site serves.
"$JAVA" -XX:ArchiveClassesAtExit="$DIR/broadsheet.jsa" -Dspring.context.exit=onRefresh \
  -jar "$DIR/broadsheet.jar" --broadsheet.data-dir="$TRAINING" --broadsheet.demo=false \
  --server.port=0 --management.server.port=0 >"$TRAINING/training.log" 2>&1 \
  || { echo "The training run failed:" >&2; tail -30 "$TRAINING/training.log" >&2; exit 1; }
echo "Prepared $DIR: broadsheet.jar, lib/ and broadsheet.jsa ($(du -m "$DIR/broadsheet.jsa" | cut -f1) MB)"
