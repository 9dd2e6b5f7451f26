#!/usr/bin/env bash
# Start-up as whole processes (issue 14, item 5): the small `monitor` commands and the JShell notebook's way to its
# prompt, as a user starts them. Each command runs RUNS times after one unmeasured run that fills the page cache; the
# script prints the median, minimum and maximum wall-clock seconds and the median CPU seconds (user + system of the
# process and the children it waited for: GNU time's %U + %S, so the JShell agent's JVM is included) and the target.
#
#   bash benchmarks/start-processes.sh                       # both launchers and the notebook, 11 runs each
#   RUNS=5 LAUNCHERS=script NOTEBOOK=0 bash benchmarks/start-processes.sh
#
# Launchers: "script" is monitor-cli/monitor (the tool's launcher: the class-data archive the build made and the JVM
# options that suit the subcommand), "jar" is plain `java -jar monitor-cli/target/monitor.jar`. The notebook is
# `bash examples/jshell.sh --no-build < /dev/null`: JShell loads examples/jshell/monitor.jsh, shows its prompt, reads
# the end of its input and exits. Environment: RUNS (default 11; the notebook runs NOTEBOOK_RUNS, default 5),
# LAUNCHERS (default "script jar"), NOTEBOOK=0 to leave the notebook out, BUILD=0 to use the existing
# monitor-cli/target/monitor.jar. Needs GNU time at /usr/bin/time (Debian: apt-get install time). Targets (issue 14):
# 0.3 s for --version, --help and schema through the launcher, 3 s for the notebook, both as median CPU seconds
# (wall-clock time on a machine shared with other work measures the other work too). Exits 1 when a median misses
# its target.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-11}"
NOTEBOOK_RUNS="${NOTEBOOK_RUNS:-5}"
LAUNCHERS="${LAUNCHERS:-script jar}"
JAR=monitor-cli/target/monitor.jar
TINY=monitor-io/src/test/resources/org/tipmonitor/io/golden/valid/victims-and-offenders.json
TABLE=monitor-cli/src/main/resources/org/tipmonitor/cli/data/ned-2010-2015.csv

if [[ ! -x /usr/bin/time ]]; then
    echo "start-processes.sh: GNU time is needed at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 2
fi
if [[ "${BUILD:-1}" == 1 || ! -f "$JAR" ]]; then
    echo "== building $JAR"
    mvn -B -q -DskipTests -pl monitor-cli,examples -am package
fi

# name | target wall seconds through the launcher ("-": none) | arguments
CASES=(
    "--version|0.3|--version"
    "--help|0.3|--help"
    "schema|0.3|schema"
    "validate (a 2-victim golden file)|-|validate $TINY"
    "estimate (bundled Ned table, defaults)|-|estimate --counts $TABLE"
)

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Runs "$@" RUNS times; sets the globals wall (sorted, microseconds) and cpu (sorted, centiseconds).
measure() {
    local runs="$1"; shift
    "$@" > /dev/null 2>&1 < /dev/null || true
    local walls=() cpus=() status
    for ((i = 0; i < runs; i++)); do
        status=0
        /usr/bin/time -o "$log" -f '%e %U %S' "$@" > /dev/null 2>&1 < /dev/null || status=$?
        if [[ "$status" -ne 0 ]]; then
            echo "start-processes.sh: '$*' exited with status $status" >&2
            exit 2
        fi
        read -r e u s < <(tail -1 "$log")
        walls+=("$(awk -v x="$e" 'BEGIN { printf "%d", x * 100 }')")
        cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 100 }')")
    done
    mapfile -t wall < <(printf '%s\n' "${walls[@]}" | sort -n)
    mapfile -t cpu < <(printf '%s\n' "${cpus[@]}" | sort -n)
}
seconds() { awk -v cs="$1" 'BEGIN { printf "%.2f", cs / 100 }'; }

missed=0
row() { # launcher name target-kind target runs
    local median_wall=${wall[$(($5 / 2))]} median_cpu=${cpu[$(($5 / 2))]} verdict=""
    if [[ "$4" != - ]]; then
        local value=$median_wall
        [[ "$3" == cpu ]] && value=$median_cpu
        if awk -v v="$value" -v t="$4" 'BEGIN { exit !(v / 100 >= t) }'; then
            verdict=" MISSED"; missed=1
        fi
    fi
    printf '%-8s %-40s %7s %7s %7s %7s %12s\n' "$1" "$2" "$(seconds "$median_wall")" "$(seconds "${wall[0]}")" \
        "$(seconds "${wall[$(($5 - 1))]}")" "$(seconds "$median_cpu")" "$([[ "$4" == - ]] && echo - || echo "$4 $3")$verdict"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown); $(nproc) cores; $(java -version 2>&1 | head -1)"
printf '%-8s %-40s %7s %7s %7s %7s %12s\n' launcher command wall min max cpu target
for launcher in $LAUNCHERS; do
    case "$launcher" in
        script) run=(bash monitor-cli/monitor) ;;
        jar) run=(java -jar "$JAR") ;;
        *) echo "start-processes.sh: unknown launcher $launcher" >&2; exit 2 ;;
    esac
    for case in "${CASES[@]}"; do
        IFS='|' read -r name target args <<< "$case"
        read -ra argv <<< "$args"
        measure "$RUNS" "${run[@]}" "${argv[@]}"
        [[ "$launcher" == script ]] || target=-
        row "$launcher" "$name" cpu "$target" "$RUNS"
    done
done
if [[ "${NOTEBOOK:-1}" == 1 ]]; then
    measure "$NOTEBOOK_RUNS" bash examples/jshell.sh --no-build
    row jshell "notebook to its prompt (monitor.jsh)" cpu 3 "$NOTEBOOK_RUNS"
fi
exit "$missed"
