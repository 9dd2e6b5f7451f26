#!/usr/bin/env bash
# monitor validate against ajv, side by side, as whole processes: installs ajv 8 and ajv-formats (the versions pinned
# in monitor-io/src/test/ajv/package-lock.json, as .ci/ajv-check.sh does) in a temporary folder with npm, generates
# an exchange file with `monitor generate`, and times, in turn (monitor, launcher, ajv, monitor, launcher, ajv, ...):
#
#   A: java -jar monitor-cli/target/monitor.jar validate FILE
#   L: monitor-cli/monitor validate FILE   (the launcher: the class-data archive, and the JVM options it chooses for
#      validate; LAUNCHER=0 leaves it out)
#   B: node validate.mjs SCHEMA FILE   (ajv's draft 2020-12 validator, ajv-formats, the published schema; the file
#      read, decoded as strict UTF-8 and parsed with JSON.parse, then validated)
#
# Each run's wall-clock and CPU seconds and peak resident set size come from GNU time. The ratio ajv/monitor is
# taken run by run within each round (so that a machine whose speed drifts during the runs still gives a fair
# ratio) and its median printed: above 1 means monitor is faster. All must say the file is valid, or the script
# stops. The load average before and after the runs is printed: on a shared machine, compare only figures of one
# run.
#
#   bash benchmarks/validate-vs-ajv.sh                 # --victims 200000 --seed 5 (about 113 MB), 5 pairs
#   VICTIMS=50000 RUNS=3 bash benchmarks/validate-vs-ajv.sh
#
# Environment: VICTIMS (default 200000), SEED (default 5), RUNS (rounds, default 5), JAVA_OPTS (for the monitor
# runs, default none: the command as a user types it), LAUNCHER (default 1: time the launcher too), BUILD=0 to use
# an existing monitor-cli/target/monitor.jar (and its class-data archive),
# WORK_DIR (default a fresh temporary directory, deleted at the end unless KEEP=1). Needs node and npm (Node 18 or
# later), GNU time at /usr/bin/time, and the npm registry (or a populated npm cache) for the install.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

VICTIMS="${VICTIMS:-200000}"
SEED="${SEED:-5}"
RUNS="${RUNS:-5}"
JAR=monitor-cli/target/monitor.jar
SCHEMA="$root/monitor-io/src/main/resources/org/tipmonitor/io/schema/exchange-v1.schema.json"

for tool in node npm java; do
    command -v "$tool" > /dev/null || { echo "validate-vs-ajv.sh: $tool is needed" >&2; exit 2; }
done
if [[ ! -x /usr/bin/time ]]; then
    echo "validate-vs-ajv.sh: GNU time is needed at /usr/bin/time (Debian: apt-get install time)" >&2
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
        rm -rf "$work/ajv" "$work/exchange.json" "$work"/*.time "$work"/*.out
        rmdir "$work" 2> /dev/null || true
    fi
}
trap cleanup EXIT

echo "== installing ajv in $work/ajv (npm ci, versions pinned by monitor-io/src/test/ajv/package-lock.json)"
mkdir -p "$work/ajv"
cp monitor-io/src/test/ajv/package.json monitor-io/src/test/ajv/package-lock.json "$work/ajv/"
(cd "$work/ajv" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
cat > "$work/ajv/validate.mjs" << 'EOF'
// Validates one exchange file against the published schema with ajv's draft 2020-12 validator and ajv-formats
// (format assertions on), as monitor-io/src/test/ajv/check.mjs does: the bytes decoded as strict UTF-8, then
// JSON.parse, then the compiled validator. Exit status 0 if valid, 1 if not.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
const [schemaPath, file] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
const ok = validate(JSON.parse(text));
console.log(ok ? "valid" : "INVALID: " + ajv.errorsText(validate.errors).slice(0, 500));
process.exit(ok ? 0 : 1);
EOF
ajv_version=$(node -p "require('$work/ajv/node_modules/ajv/package.json').version")

echo "== generating --victims $VICTIMS --seed $SEED"
java -jar "$JAR" generate --victims "$VICTIMS" --seed "$SEED" --out "$work/exchange.json"
bytes=$(stat -c %s "$work/exchange.json")

# One timed run: writes NAME.time (GNU time's -f line: wall user sys peak-KB) and NAME.out.
timed() {
    local name=$1
    shift
    local status=0
    /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" "$@" > "$work/$name.out" 2>&1 || status=$?
    if [[ $status -ne 0 ]]; then
        echo "validate-vs-ajv.sh: '$*' exited with status $status:" >&2
        head -c 2000 "$work/$name.out" >&2
        exit 1
    fi
}

# JAVA_OPTS is split into words on purpose (several options).
# shellcheck disable=SC2086
monitor_cmd=(java ${JAVA_OPTS:-} -jar "$JAR" validate "$work/exchange.json")
ajv_cmd=(node "$work/ajv/validate.mjs" "$SCHEMA" "$work/exchange.json")
launcher_cmd=(bash monitor-cli/monitor validate "$work/exchange.json")
LAUNCHER="${LAUNCHER:-1}"

echo "== warm-up (page cache): one run of each, not counted"
timed warm-monitor "${monitor_cmd[@]}"
timed warm-ajv "${ajv_cmd[@]}"
grep -q ': valid' "$work/warm-monitor.out" || { echo "monitor does not find the file valid" >&2; exit 1; }
if [[ "$LAUNCHER" == 1 ]]; then
    timed warm-launcher "${launcher_cmd[@]}"
    grep -q ': valid' "$work/warm-launcher.out" || { echo "the launcher does not find the file valid" >&2; exit 1; }
fi
grep -q '^valid' "$work/warm-ajv.out" || { echo "ajv does not find the file valid" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
for ((i = 1; i <= RUNS; i++)); do
    timed "monitor-$i" "${monitor_cmd[@]}"
    if [[ "$LAUNCHER" == 1 ]]; then
        timed "launcher-$i" "${launcher_cmd[@]}"
    else
        # No launcher run: its columns repeat the jar's, and its lines are not printed.
        cp "$work/monitor-$i.time" "$work/launcher-$i.time"
    fi
    timed "ajv-$i" "${ajv_cmd[@]}"
    rows+=("$(cat "$work/monitor-$i.time") $(cat "$work/ajv-$i.time") $(cat "$work/launcher-$i.time")")
    echo "   round $i: monitor $(cut -d' ' -f1 "$work/monitor-$i.time") s, launcher" \
        "$(cut -d' ' -f1 "$work/launcher-$i.time") s, ajv $(cut -d' ' -f1 "$work/ajv-$i.time") s"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== result"
printf '%s\n' "${rows[@]}" | awk -v bytes="$bytes" -v runs="$RUNS" -v cores="$(nproc)" -v ajv="$ajv_version" \
    -v launcher="$LAUNCHER" -v before="$load_before" -v after="$load_after" \
    -v java="$(java -version 2>&1 | head -1)" -v node="$(node --version)" '
function median(a, n,   i, j, t, b) {
    for (i = 1; i <= n; i++) b[i] = a[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
}
{
    n++
    mw[n] = $1; mc[n] = $2 + $3; mr[n] = $4 / 1024
    aw[n] = $5; ac[n] = $6 + $7; ar[n] = $8 / 1024
    lw[n] = $9; lc[n] = $10 + $11; lr[n] = $12 / 1024
    ratio[n] = $5 / $1; cratio[n] = ($6 + $7) / ($2 + $3)
    lratio[n] = $5 / $9; lcratio[n] = ($6 + $7) / ($10 + $11)
}
END {
    printf "file:    %.1f MB (monitor generate), %d rounds run in turn, medians\n", bytes / 1e6, n
    printf "load:    %s before, %s after (1, 5, 15 minutes)\n", before, after
    printf "machine: %d cores; %s; node %s, ajv %s\n", cores, java, node, ajv
    printf "%-40s %8s %8s %9s %8s\n", "", "wall s", "cpu s", "peak MB", "MB/s"
    printf "%-40s %8.2f %8.2f %9.0f %8.1f\n", "monitor validate (java -jar)", median(mw, n), median(mc, n),
        median(mr, n), bytes / 1e6 / median(mw, n)
    if (launcher == 1) {
        printf "%-40s %8.2f %8.2f %9.0f %8.1f\n", "monitor validate (monitor-cli/monitor)", median(lw, n),
            median(lc, n), median(lr, n), bytes / 1e6 / median(lw, n)
    }
    printf "%-40s %8.2f %8.2f %9.0f %8.1f\n", "ajv 2020-12 + ajv-formats (node)", median(aw, n), median(ac, n),
        median(ar, n), bytes / 1e6 / median(aw, n)
    printf "monitor speed / ajv speed, wall clock: %.2fx (median of the ratios of the pairs; above 1: monitor faster)\n",
        median(ratio, n)
    printf "monitor speed / ajv speed, CPU time:   %.2fx\n", median(cratio, n)
    if (launcher == 1) {
        printf "launcher speed / ajv speed, wall clock: %.2fx; CPU time: %.2fx\n", median(lratio, n),
            median(lcratio, n)
    }
}'
