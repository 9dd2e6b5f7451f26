#!/usr/bin/env bash
# Whole-process times of `monitor estimate` (issues 4 and 14): JVM start, command line, reading the counts, the
# estimation and the output, as a user runs them, and optionally the R packages doing the same on the same tables in
# the same run (issue 14, item 6). Each command runs RUNS times (after one unmeasured run that fills the page cache);
# the script prints the median, minimum and maximum wall-clock seconds (bash's EPOCHREALTIME), the median CPU
# seconds (user + system of the process and the children it waited for, from GNU time at /usr/bin/time; "-" without
# it), the load average before and after, and the target.
#
#   bash benchmarks/estimate-processes.sh                 # both launchers, 11 runs each, R when installed
#   RUNS=21 LAUNCHERS=jar R=0 bash benchmarks/estimate-processes.sh
#   R_RUNS=1 CASES_MATCHING=UK bash benchmarks/estimate-processes.sh
#
# Launchers: "script" is monitor-cli/monitor (the tool's launcher: the client compiler only for `estimate` and the
# class-data archive the build made), "jar" is plain `java -jar monitor-cli/target/monitor.jar`.
#
# The R column. When `Rscript` is on the PATH and the case's package is installed (MultipleSystemsEstimation for the
# BIC searches, SparseMSE for the bootstrap), the script also times the R equivalent of each case, as a process
# (`Rscript -e ...`: R's start, loading the package, reading the same CSV, the estimation), interleaved with the
# Java runs of the same case: round i runs every launcher once and then R once (R runs only in the first R_RUNS
# rounds, default 3, since one R run takes from seconds to minutes), so that both see the same load. It prints R's
# median and the ratio R median / Java median for each launcher (wall-clock, then CPU seconds: on a machine shared
# with other work the CPU ratio is the steadier one), against the ratio targets of issue 14 (40x for the
# UK five-list search, 150x for the UK six-list search, 300x for the bootstrap with re-selection). When Rscript or a
# package is missing it says which and prints the Java columns only. The R calls are those the project's reference
# values come from (docs/background/algorithms.md sections 4 and 5.1; the tests that cite them):
#   BIC searches   library(MultipleSystemsEstimation); estimate_population(z, method = "bic", nboot = 0)
#   bootstrap      library(SparseMSE); estimatepopulation(z, nboot = 1000)   (stepwise, pthresh 0.02, seed 1234)
# (the package must be attached: estimate_population finds its model catalogue `hiermodels` on the search path)
# with z <- read.csv(table): the list columns then the count column, as the CSV files hold them. Each R run's
# printed result is kept in a temporary directory (its path is printed) to compare with monitor's estimate.
#
# Environment: RUNS (default 11), LAUNCHERS (default "script jar"), BUILD=0 to use an existing
# monitor-cli/target/monitor.jar, R=0 to leave R out, R_RUNS (default 3), RSCRIPT (default Rscript), CASES_MATCHING (a
# grep -E pattern on the case names; default all). Exits 1 when a Java median misses its target or a measured ratio
# misses its target, 2 on a failed command.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-11}"
R_RUNS="${R_RUNS:-3}"
LAUNCHERS="${LAUNCHERS:-script jar}"
RSCRIPT="${RSCRIPT:-Rscript}"
MATCHING="${CASES_MATCHING:-.}"
JAR=monitor-cli/target/monitor.jar
TABLES=monitor-indicators/src/test/resources/org/tipmonitor/indicators/estimation

if [[ "${BUILD:-1}" == 1 || ! -f "$JAR" ]]; then
    echo "== building $JAR"
    mvn -B -q -DskipTests -pl monitor-cli -am package
fi

MSE_BIC='library(MultipleSystemsEstimation); print(estimate_population(z, method = "bic", nboot = 0))'
SPARSE_BOOT='library(SparseMSE); print(estimatepopulation(z, nboot = 1000))'
# name | Java target seconds ("-": none) | table | monitor arguments after --counts TABLE | R package ("-": none) |
# R expression on z | ratio target ("-": none)
CASES=(
    "bootstrap-selection (Ned, stepwise, 1,000 replicates)|1.3|Ned|--model stepwise --ci bootstrap-selection|SparseMSE|$SPARSE_BOOT|300"
    "five-list BIC search (Ned_5, 6,212 models)|0.5|Ned_5|--model bic --ci none|MultipleSystemsEstimation|$MSE_BIC|-"
    "six-list BIC search (Ned, 32,768 models)|2|Ned|--model bic --ci none|MultipleSystemsEstimation|$MSE_BIC|-"
    "UK five-list BIC search (UKdat_5, 6,212 models)|-|UKdat_5|--model bic --ci none|MultipleSystemsEstimation|$MSE_BIC|40"
    "UK six-list BIC search (UKdat, 32,768 models)|-|UKdat|--model bic --ci none|MultipleSystemsEstimation|$MSE_BIC|150"
)

now() { echo "${EPOCHREALTIME/[.,]/}"; } # microseconds
seconds() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1e6 }'; }
cpu_seconds() { [[ "$1" == - ]] && echo - || awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1e3 }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
maximum() { printf '%s\n' "$@" | sort -n | tail -1; }

# R: which packages are installed (a case whose package is missing gets no R column).
declare -A r_has=()
r_note=""
if [[ "${R:-1}" == 0 ]]; then
    r_note="R column: left out (R=0)"
elif ! command -v "$RSCRIPT" > /dev/null 2>&1; then
    r_note="R column: not measured: $RSCRIPT is not on the PATH (install R and the packages MultipleSystemsEstimation and SparseMSE)"
else
    missing=()
    for package in MultipleSystemsEstimation SparseMSE; do
        if "$RSCRIPT" -e "quit(status = if (requireNamespace('$package', quietly = TRUE)) 0 else 1)" > /dev/null 2>&1; then
            r_has[$package]=1
        else
            missing+=("$package")
        fi
    done
    r_note="R column: $("$RSCRIPT" --version 2>&1 | head -1)"
    if ((${#missing[@]} > 0)); then
        r_note+="; not installed, so not measured for their cases: ${missing[*]}"
    fi
fi
r_out="$(mktemp -d)"

java_command() { # launcher: sets the global array java_cmd
    case "$1" in
        script) java_cmd=(bash monitor-cli/monitor) ;;
        jar) java_cmd=(java -jar "$JAR") ;;
        *) echo "estimate-processes.sh: unknown launcher $1" >&2; exit 2 ;;
    esac
}
timed() { # output-file command...: runs the command, prints its wall-clock microseconds and, with GNU time, its CPU
    # milliseconds (user + system); exits 2 when it fails
    local start status=0 cpu=- out="$1"
    shift
    start=$(now)
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -o "$cpu_log" -f '%U %S' "$@" > "$out" 2>&1 < /dev/null || status=$?
    else
        "$@" > "$out" 2>&1 < /dev/null || status=$?
    fi
    local wall=$(( $(now) - start ))
    if [[ "$status" -ne 0 ]]; then
        echo "estimate-processes.sh: '$*' exited with status $status" >&2
        exit 2
    fi
    if [[ -x /usr/bin/time ]]; then
        cpu=$(tail -1 "$cpu_log" | awk '{ printf "%d", ($1 + $2) * 1000 }')
    fi
    echo "$wall $cpu"
}
cpu_log="$(mktemp)"
trap 'rm -f "$cpu_log"' EXIT

missed=0
echo "load average at start: $(loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "$r_note"
printf '%-8s %-50s %8s %8s %8s %8s %8s\n' launcher command median min max target cpu
for case in "${CASES[@]}"; do
    IFS='|' read -r name target table args package rexpr ratio_target <<< "$case"
    grep -qE -- "$MATCHING" <<< "$name" || continue
    read -ra argv <<< "estimate --counts $TABLES/$table.csv $args"
    with_r=0
    if [[ "$package" != - && -n "${r_has[$package]:-}" ]]; then
        with_r=1
    fi
    declare -A times=() cpus=()
    for launcher in $LAUNCHERS; do
        java_command "$launcher"
        "${java_cmd[@]}" "${argv[@]}" > /dev/null
        times[$launcher]=""
        cpus[$launcher]=""
    done
    r_times=()
    r_cpus=()
    for ((i = 0; i < RUNS; i++)); do
        for launcher in $LAUNCHERS; do
            java_command "$launcher"
            read -r wall cpu < <(timed /dev/null "${java_cmd[@]}" "${argv[@]}")
            times[$launcher]+=" $wall"
            cpus[$launcher]+=" $cpu"
        done
        if ((with_r && i < R_RUNS)); then
            read -r wall cpu < <(timed "$r_out/$table-$package-$i.txt" \
                "$RSCRIPT" -e "z <- read.csv('$TABLES/$table.csv')" -e "$rexpr")
            r_times+=("$wall")
            r_cpus+=("$cpu")
        fi
    done
    declare -A medians=() cpu_medians=()
    for launcher in $LAUNCHERS; do
        read -ra ts <<< "${times[$launcher]}"
        read -ra cs <<< "${cpus[$launcher]}"
        m=$(median "${ts[@]}")
        medians[$launcher]=$m
        cpu_medians[$launcher]=$(median "${cs[@]}")
        printf '%-8s %-50s %8s %8s %8s %8s %8s\n' "$launcher" "$name" "$(seconds "$m")" \
            "$(seconds "$(minimum "${ts[@]}")")" "$(seconds "$(maximum "${ts[@]}")")" "$target" \
            "$(cpu_seconds "${cpu_medians[$launcher]}")"
        if [[ "$target" != - ]] && awk -v m="$m" -v t="$target" 'BEGIN { exit !(m / 1e6 >= t) }'; then
            missed=1
        fi
    done
    if ((with_r)); then
        rm=$(median "${r_times[@]}")
        rc=$(median "${r_cpus[@]}")
        printf '%-8s %-50s %8s %8s %8s %8s %8s\n' R "$name" "$(seconds "$rm")" "$(seconds "$(minimum "${r_times[@]}")")" \
            "$(seconds "$(maximum "${r_times[@]}")")" - "$(cpu_seconds "$rc")"
        for launcher in $LAUNCHERS; do
            m=${medians[$launcher]}
            ratio=$(awk -v r="$rm" -v m="$m" 'BEGIN { printf "%.1f", r / m }')
            cpu_ratio=$(awk -v r="$rc" -v m="${cpu_medians[$launcher]}" \
                'BEGIN { if (r == "-" || m == "-" || m == 0) print "-"; else printf "%.1fx", r / m }')
            printf '%-8s %-50s %7sx %26s %8s\n' "R/$launcher" "$name" "$ratio" \
                "$([[ "$ratio_target" != - ]] && echo ">= ${ratio_target}x" || echo -)" "$cpu_ratio"
            if [[ "$ratio_target" != - ]] && awk -v r="$rm" -v m="$m" -v t="$ratio_target" 'BEGIN { exit !(r / m < t) }'; then
                missed=1
            fi
        done
    fi
    unset times cpus medians cpu_medians
done
echo "load average at end: $(loadavg)"
if ((${#r_has[@]} > 0)); then
    echo "R's printed results: $r_out"
else
    rmdir "$r_out"
fi
exit "$missed"
