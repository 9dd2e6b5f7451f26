#!/usr/bin/env bash
# Large files and memory: generates an exchange file of about TARGET_BYTES (default 1 GB) with
# `monitor generate`, validates it with `java -Xmx128m -jar monitor-cli/target/monitor.jar validate`, and reports the
# validation's wall-clock time, records/s, MB/s and peak resident set size (GNU time's "Maximum resident set size").
#
#   bash benchmarks/large-file.sh                      # about 1 GB, 128 MB heap
#   TARGET_BYTES=200000000 HEAP=96m bash benchmarks/large-file.sh
#
# Environment: TARGET_BYTES (default 1000000000), HEAP (default 128m), SEED (default 20191018), WORK_DIR (default a
# fresh temporary directory; the generated file is deleted at the end unless KEEP=1), BUILD=0 to use an existing
# monitor-cli/target/monitor.jar. Needs GNU time at /usr/bin/time (Debian: apt-get install time).
# Exits non-zero if the generated file does not validate or the heap is too small.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_BYTES="${TARGET_BYTES:-1000000000}"
HEAP="${HEAP:-128m}"
SEED="${SEED:-20191018}"
JAR=monitor-cli/target/monitor.jar
CALIBRATION_VICTIMS=20000

if [[ ! -x /usr/bin/time ]]; then
    echo "large-file.sh: GNU time is needed at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 2
fi
if [[ "${BUILD:-1}" == 1 || ! -f "$JAR" ]]; then
    echo "== building $JAR"
    mvn -B -q -DskipTests -pl monitor-cli -am package
fi

work="${WORK_DIR:-$(mktemp -d)}"
mkdir -p "$work"
cleanup() {
    if [[ "${KEEP:-0}" != 1 ]]; then
        rm -f "$work/calibration.json" "$work/large.json"
    fi
}
trap cleanup EXIT

# The size per victim (with their registrations, and the offenders and cases that scale alike) from a small file.
java -jar "$JAR" generate --victims "$CALIBRATION_VICTIMS" --seed "$SEED" --out "$work/calibration.json"
per_victim=$(( $(stat -c %s "$work/calibration.json") / CALIBRATION_VICTIMS ))
victims=$(( TARGET_BYTES / per_victim ))

echo "== generating about $TARGET_BYTES bytes: --victims $victims (about $per_victim bytes per victim)"
/usr/bin/time -v -o "$work/generate.time" \
    java -jar "$JAR" generate --victims "$victims" --seed "$SEED" --out "$work/large.json"
bytes=$(stat -c %s "$work/large.json")

echo "== validating $bytes bytes with -Xmx$HEAP"
status=0
/usr/bin/time -v -o "$work/validate.time" \
    java "-Xmx$HEAP" -jar "$JAR" validate "$work/large.json" > "$work/validate.txt" 2> "$work/validate.err" \
    || status=$?
cat "$work/validate.txt"
if [[ $status -ne 0 ]]; then
    echo "large-file.sh: validation exited with status $status after $(grep 'Elapsed (wall clock)' \
        "$work/validate.time" | awk '{print $NF}')" >&2
    if grep -q OutOfMemoryError "$work/validate.err"; then
        echo "large-file.sh: the file does not fit in -Xmx$HEAP: the file-level checks keep every person key and" \
            "record id (README, Performance); try a larger HEAP" >&2
        grep -m 3 -A 3 OutOfMemoryError "$work/validate.err" >&2
    else
        cat "$work/validate.err" >&2
    fi
    exit "$status"
fi

# GNU time's wall clock is [h:]mm:ss.ss; turn it into seconds.
seconds() {
    grep 'Elapsed (wall clock) time' "$1" | awk '{print $NF}' \
        | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }'
}
records=$(grep -Eo 'read [0-9,]+' "$work/validate.txt" | tr -d ',' | awk '{s += $2} END {print s}')
generate_s=$(seconds "$work/generate.time")
validate_s=$(seconds "$work/validate.time")
rss_kb=$(grep 'Maximum resident set size' "$work/validate.time" | awk '{print $NF}')
generate_rss_kb=$(grep 'Maximum resident set size' "$work/generate.time" | awk '{print $NF}')

echo "== result"
awk -v bytes="$bytes" -v records="$records" -v gs="$generate_s" -v vs="$validate_s" -v rss="$rss_kb" \
    -v grss="$generate_rss_kb" -v heap="$HEAP" -v cores="$(nproc)" 'BEGIN {
    printf "file:      %.1f MB, %d records\n", bytes / 1e6, records
    printf "generate:  %.1f s, peak RSS %.0f MB\n", gs, grss / 1024
    printf "validate:  %.1f s with -Xmx%s: %.0f records/s, %.1f MB/s, peak RSS %.0f MB\n", vs, heap, records / vs,
        bytes / 1e6 / vs, rss / 1024
    printf "machine:   %d cores; whole processes, JVM start included\n", cores
}'
