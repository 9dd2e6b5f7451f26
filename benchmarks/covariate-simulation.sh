#!/usr/bin/env bash
# Evidence for the report's estimate of minors among victims of domestic sexual exploitation (issue 11): the
# report's analysis run on many generated datasets whose true population is known, with bias, RMSE and interval
# coverage for the total 2014-2018, each year and the share of the form, against the targets.
#
# For each seed S of 1..N it runs
#     java -jar JAR generate --victims V --seed S --out DIR/S.json --truth DIR/S.csv --heterogeneity H
#     java -jar JAR report --input DIR/S.json --format json > DIR/S.report.json
# and then benchmarks/covariate_simulation.py, which reads the report's object minorsDomesticSexual, the truth CSV
# and the registered victims of each dataset and prints the table (see that file for the definitions).
#
# Usage: bash benchmarks/covariate-simulation.sh [options]
#   -n, --datasets N        number of datasets, seeds FIRST..FIRST+N-1 (default: 40)
#       --first-seed S      first seed (default: 1)
#       --victims V         registered victims per dataset, as generate --victims (default: 5133, the published
#                           scale: 1,255 + 1,300 + 952 + 958 + 668)
#       --heterogeneity H   unobserved heterogeneity of generate, 0 <= H < 1 (default: 0, none)
#       --jar PATH          the command-line tool (default: monitor-cli/target/monitor.jar; build it with
#                           mvn -B -DskipTests -pl monitor-cli -am package)
#   -j, --jobs J            datasets run at the same time (default: 2)
#       --dir DIR           where the files go; kept (default: a new temporary directory, removed at the end
#                           unless --keep)
#       --keep              keep the temporary directory
#       --report-arg ARG    one more argument for monitor report (repeatable), e.g. --report-arg --no-protect
#       --format F          text or json (default: text)
#       --check             exit 1 when a target is missed (default: exit 0 once evaluated)
#   -h, --help              this text
#
# Exit status: 0 evaluated; 1 a target missed (with --check); 2 a usage error, a failed run, or a report without
# minorsDomesticSexual (the tool does not make the estimate this script evaluates).
#
# Time: about 20 s of one core per dataset at the published scale (generate about 2 s, report the rest); 40
# datasets take about 7 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '/^# Usage:/,/^# Time:/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
fail() { echo "covariate-simulation.sh: $*" >&2; exit 2; }

datasets=40
first_seed=1
victims=5133
heterogeneity=0
jar=monitor-cli/target/monitor.jar
jobs=2
dir=""
keep=0
format=text
check=""
report_args=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        -n|--datasets) datasets="${2:?}"; shift 2 ;;
        --first-seed) first_seed="${2:?}"; shift 2 ;;
        --victims) victims="${2:?}"; shift 2 ;;
        --heterogeneity) heterogeneity="${2:?}"; shift 2 ;;
        --jar) jar="${2:?}"; shift 2 ;;
        -j|--jobs) jobs="${2:?}"; shift 2 ;;
        --dir) dir="${2:?}"; shift 2 ;;
        --keep) keep=1; shift ;;
        --report-arg) report_args+=("${2:?}"); shift 2 ;;
        --format) format="${2:?}"; shift 2 ;;
        --check) check=--check; shift ;;
        -h|--help) usage; exit 0 ;;
        *) fail "unknown option $1 (see --help)" ;;
    esac
done

[[ "$datasets" =~ ^[1-9][0-9]*$ ]] || fail "--datasets must be a whole number of at least 1: $datasets"
[[ "$first_seed" =~ ^-?[0-9]+$ ]] || fail "--first-seed must be a whole number: $first_seed"
[[ "$victims" =~ ^[1-9][0-9]*$ ]] || fail "--victims must be a whole number of at least 1: $victims"
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || fail "--jobs must be a whole number of at least 1: $jobs"
[[ "$format" == text || "$format" == json ]] || fail "--format must be text or json: $format"
[[ -f "$jar" ]] || fail "no $jar: build it with mvn -B -DskipTests -pl monitor-cli -am package, or give --jar"
command -v python3 > /dev/null || fail "python3 is needed for the evaluation"

if [[ -z "$dir" ]]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/covariate-simulation.XXXXXX")"
    [[ "$keep" == 1 ]] || trap 'rm -rf "$dir"' EXIT
else
    mkdir -p "$dir"
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

# One dataset: generate with its truth, then the report as JSON. A failure leaves DIR/S.failed with the reason.
run_seed() {
    local seed="$1" base="$dir/$1"
    rm -f "$base.failed"
    if ! java -jar "$jar" generate --victims "$victims" --seed "$seed" --out "$base.json" --truth "$base.csv" \
            --heterogeneity "$heterogeneity" 2> "$base.err"; then
        { echo "generate failed:"; cat "$base.err"; } > "$base.failed"
        return 1
    fi
    # The report exits 1 when the data fail validation; generated data never do, so any non-zero status fails.
    if ! java -jar "$jar" report --input "$base.json" --format json ${report_args[@]+"${report_args[@]}"} \
            > "$base.report.json.tmp" 2> "$base.err"; then
        { echo "report failed:"; cat "$base.err"; } > "$base.failed"
        return 1
    fi
    mv "$base.report.json.tmp" "$base.report.json"
    rm -f "$base.err"
}
export -f run_seed
export dir jar victims heterogeneity
export report_args_line="${report_args[*]+"${report_args[*]}"}"

last_seed=$((first_seed + datasets - 1))
echo "covariate simulation: $datasets datasets (seeds $first_seed-$last_seed), --victims $victims," \
    "--heterogeneity $heterogeneity, $jobs at a time, files in $dir" >&2

# The first dataset alone: stop at once if the report lacks the estimate, rather than after all of them.
run_seed "$first_seed" || fail "seed $first_seed: $(cat "$dir/$first_seed.failed")"
python3 - "$dir/$first_seed.report.json" <<'EOF' || exit 2
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as handle:
    report = json.load(handle)
if "minorsDomesticSexual" not in report:
    sys.exit(f"covariate-simulation.sh: the report has no object 'minorsDomesticSexual' ({path} has "
             f"{', '.join(sorted(report))}): this monitor.jar does not make the estimate of minors of domestic "
             f"sexual exploitation that this script evaluates (issue 11); build one that does")
EOF

if [[ "$datasets" -gt 1 ]]; then
    # Bash arrays do not cross into xargs' shells: the extra report arguments are passed again, word by word.
    seq $((first_seed + 1)) "$last_seed" | xargs -P "$jobs" -I{} bash -c \
        'report_args=(); [[ -n "$report_args_line" ]] && read -ra report_args <<< "$report_args_line"; run_seed "$1"' \
        _ {} || true
fi
failed=("$dir"/*.failed)
if [[ -e "${failed[0]}" ]]; then
    for file in "${failed[@]}"; do
        echo "covariate-simulation.sh: seed $(basename "$file" .failed): $(head -c 2000 "$file")" >&2
    done
    fail "${#failed[@]} of $datasets datasets failed"
fi

described="$heterogeneity"
[[ "$heterogeneity" =~ ^0*\.?0*$ ]] && described="$heterogeneity (none)"
python3 benchmarks/covariate_simulation.py "$dir" --seeds "$first_seed-$last_seed" --format "$format" \
    --heterogeneity "$described" $check
