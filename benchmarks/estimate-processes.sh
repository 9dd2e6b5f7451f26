#!/usr/bin/env bash
# Whole-process times of `monitor estimate` (issue 4): JVM start, command line, reading the counts, the estimation
# and the output, as a user runs them. Each command runs RUNS times (after one unmeasured run that fills the page
# cache); the script prints the median, minimum and maximum wall-clock seconds (bash's EPOCHREALTIME, so no GNU time
# is needed) and the target.
#
#   bash benchmarks/estimate-processes.sh                 # both launchers, 11 runs each
#   RUNS=21 LAUNCHERS=jar bash benchmarks/estimate-processes.sh
#
# Launchers: "script" is examples/monitor (the tool's launcher: the client compiler only for `estimate`), "jar" is
# plain `java -jar examples/target/monitor.jar`. Environment: RUNS (default 11), LAUNCHERS (default "script jar"),
# BUILD=0 to use an existing examples/target/monitor.jar. Exits 1 when a median misses its target.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-11}"
LAUNCHERS="${LAUNCHERS:-script jar}"
JAR=examples/target/monitor.jar
TABLES=monitor-indicators/src/test/resources/org/tipmonitor/indicators/estimation

if [[ "${BUILD:-1}" == 1 || ! -f "$JAR" ]]; then
    echo "== building $JAR"
    mvn -B -q -DskipTests -pl examples -am package
fi

# name | target seconds | arguments
CASES=(
    "bootstrap-selection (Ned, stepwise, 1,000 replicates)|1.3|estimate --counts $TABLES/Ned.csv --model stepwise --ci bootstrap-selection"
    "five-list BIC search (Ned_5, 6,212 models)|0.5|estimate --counts $TABLES/Ned_5.csv --model bic --ci none"
    "six-list BIC search (Ned, 32,768 models)|2|estimate --counts $TABLES/Ned.csv --model bic --ci none"
)

now() { echo "${EPOCHREALTIME/[.,]/}"; } # microseconds
seconds() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1e6 }'; }

missed=0
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown); $(nproc) cores; $(java -version 2>&1 | head -1)"
printf '%-8s %-50s %8s %8s %8s %8s\n' launcher command median min max target
for launcher in $LAUNCHERS; do
    case "$launcher" in
        script) run=(bash examples/monitor) ;;
        jar) run=(java -jar "$JAR") ;;
        *) echo "estimate-processes.sh: unknown launcher $launcher" >&2; exit 2 ;;
    esac
    for case in "${CASES[@]}"; do
        IFS='|' read -r name target args <<< "$case"
        read -ra argv <<< "$args"
        "${run[@]}" "${argv[@]}" > /dev/null
        times=()
        for ((i = 0; i < RUNS; i++)); do
            start=$(now)
            "${run[@]}" "${argv[@]}" > /dev/null
            times+=($(( $(now) - start )))
        done
        sorted=($(printf '%s\n' "${times[@]}" | sort -n))
        median=${sorted[$((RUNS / 2))]}
        printf '%-8s %-50s %8s %8s %8s %8s\n' "$launcher" "$name" "$(seconds "$median")" "$(seconds "${sorted[0]}")" \
            "$(seconds "${sorted[$((RUNS - 1))]}")" "$target"
        if awk -v m="$median" -v t="$target" 'BEGIN { exit !(m / 1e6 >= t) }'; then
            missed=1
        fi
    done
done
exit "$missed"
