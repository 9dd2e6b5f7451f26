#!/usr/bin/env bash
# The hostile-input campaign of issue 13, kept as a regression suite for what only a real process shows: exit
# statuses through `java -jar`, standard output on a full disk, a real OutOfMemoryError, small heaps, big files.
# The cases a JVM can run in-process are JUnit tests (MonitorCliIssue13Test, ExchangeReaderIssue13Test,
# SafeTextTest, HashFloodingTest, PersonKeyTest) and run with `mvn verify`.
#
#   bash monitor-cli/hostile-inputs.sh --quick   # about a minute: process-level checks on small inputs (CI)
#   bash monitor-cli/hostile-inputs.sh           # adds the heavy cases: a 1 GB file and others under -Xmx128m
#
# Needs monitor-cli/target/monitor.jar (mvn -B -q -DskipTests -pl monitor-cli -am package), bash, awk and, for the
# /dev/full cases, Linux. Every failure the tool reports must be one line starting with "monitor: TM-" and the
# documented exit status (README, "Errors and exit codes"); no stack trace, no success on lost output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/monitor.jar"
java="${JAVA:-java}"
quick=false
[ "${1:-}" = "--quick" ] && quick=true
if [ ! -f "$jar" ]; then
  echo "hostile-inputs: $jar is missing; build it with: mvn -B -q -DskipTests -pl monitor-cli -am package" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy, so that a build during the run does not change the jar under the running checks.
cp "$jar" "$work/monitor.jar"
jar="$work/monitor.jar"
failures=0
checks=0

# check NAME EXPECTED_STATUS[,STATUS...] STDERR_PATTERN -- JVM_OPTIONS... -- MONITOR_ARGS...
# Runs the tool with standard output to $work/out (or to the file named by $OUT), and checks the exit status, that
# standard error is empty (status 0; status 1 may report on standard output instead) or one coded line matching
# the pattern, and that no stack trace was printed.
check() {
  local name="$1" expected="$2" pattern="$3"
  shift 3
  [ "$1" = "--" ] && shift
  local jvm=()
  while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  shift
  local status=0
  local start=$SECONDS
  "$java" "${jvm[@]}" -jar "$jar" "$@" > "${OUT:-$work/out}" 2> "$work/err" || status=$?
  checks=$((checks + 1))
  local problem=""
  if [[ ",$expected," != *",$status,"* ]]; then
    problem="exit status $status, expected $expected"
  elif grep -q $'^\tat ' "$work/err"; then
    problem="a stack trace was printed"
  elif [ "$status" -eq 0 ] && [ -s "$work/err" ]; then
    problem="success with something on standard error"
  elif [ "$status" -eq 1 ] && [ ! -s "$work/err" ]; then
    : # invalid data, reported on standard output (validate)
  elif [ "$status" -ne 0 ] && { [ "$(wc -l < "$work/err")" -ne 1 ] || ! grep -Eq "^monitor: TM-[A-Z]+-[0-9]+: .*$pattern" "$work/err"; }; then
    problem="standard error is not one coded line matching '$pattern'"
  fi
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "FAIL $name: $problem"
    head -c 600 "$work/err" | sed 's/^/    /'
  else
    echo "ok   $name (status $status, $((SECONDS - start)) s)"
  fi
}

sample="$work/sample.json"
"$java" -jar "$jar" generate --victims 600 --seed 13 --out "$sample"

echo "== quick: exit statuses, output on a full disk, memory"
check "unknown option" 2 "Unknown option" -- -- validate --colour "$sample"
check "--replicates 9 refused at the CLI" 2 "replicates must be from 10" -- -- \
  estimate --counts "$sample" --ci bootstrap --replicates 9
check "--replicates 1000000000 refused" 2 "replicates must be from 10" -- -- \
  estimate --counts "$sample" --ci bootstrap --replicates 1000000000
check "--level 0.9999999999999999 refused" 2 "level must be from" -- -- \
  estimate --counts "$sample" --level 0.9999999999999999
check "--max-errors 2147483647 refused" 2 "max-errors must be from 1 to 100000" -- -- \
  validate --max-errors 2147483647 "$sample"
check "--victims above its bound refused" 2 "victims must be from 1 to" -- -- generate --victims 2000000000
check "validate --format csv refused" 2 "format csv" -- -- validate --format csv "$sample"
check "a directory as input" 2 "is a directory" -- -- validate "$work"
check "report --input of a directory" 2 "is a directory" -- -- report --input "$work"
check "a missing file" 2 "no such file" -- -- validate "$work/absent.json"
echo "keep" > "$work/taken"
check "report --out an existing file" 2 "exists and is not a directory" -- -- report --out "$work/taken"
check "a file read only in part gives no report" 1 "could not be read to its end" -- -- \
  report --input <(head -c 100000 "$sample")
if [ -w /dev/full ]; then
  for command in "schema" "generate --victims 200" "report --input $sample" "report --input $sample --format json" \
      "validate $sample"; do
    # shellcheck disable=SC2086 # the command is split into its words on purpose
    OUT=/dev/full check "${command/$sample/SAMPLE} > /dev/full" 2 "No space left on device" -- -- $command
  done
  check "generate --out /dev/full" 2 "No space left on device" -- -- generate --victims 200 --out /dev/full
fi
check "out of memory: status 3 with heap advice" 3 "out of memory.*-Xmx" -- -Xmx16m -- report
check "the sample validates in 32 MB of heap" 0 "" -- -Xmx32m -- validate "$sample"

if ! $quick; then
  echo "== heavy: big files in small heaps"
  big="$work/big.json"
  "$java" -jar "$jar" generate --victims 1800000 --seed 7 --out "$big"
  echo "   $(du -m "$big" | cut -f1) MB generated"
  # The file-level checks need some 75 to 90 bytes of heap per record (README, "Large files and memory"): in
  # 128 MB a 1 GB file ends in TM-CLI-004 with the heap advice, never in a stack trace.
  check "validate a 1 GB file under -Xmx128m" 0,3 "out of memory.*-Xmx" -- -Xmx128m -- validate "$big"
  check "report on a 1 GB file under -Xmx128m ends in a coded line" 0,3 "out of memory" -- -Xmx128m -- \
    report --input "$big"
  rm -f "$big"

  orphans="$work/orphans.json"
  awk 'BEGIN {
    printf "{\"formatVersion\":\"1.0\",\"dataset\":{\"id\":\"orphans\",\"producer\":\"research\",";
    printf "\"periodFrom\":\"2014-01-01\",\"periodTo\":\"2018-12-31\",\"created\":\"2019-10-18T00:00:00Z\"},";
    printf "\"registrations\":[";
    for (i = 0; i < 300000; i++) {
      printf "%s{\"id\":\"r%d\",\"victimKey\":\"orphan%020d\",\"reportDate\":\"2016-05-04\",", (i ? "," : ""), i, i;
      printf "\"reporterType\":\"police\",\"form\":\"labour\",\"route\":\"cross_border\",\"sector\":\"agriculture\",";
      printf "\"legalBasis\":\"statutory_duty\",\"dublinStatus\":\"not_dublin\",\"residenceStage\":\"none\",";
      printf "\"policeReportFiled\":\"no\"}";
    }
    printf "]}\n";
  }' > "$orphans"
  echo "   $(du -m "$orphans" | cut -f1) MB of registrations whose victims never come"
  check "orphan registrations under -Xmx128m" 1 "" -- -Xmx128m -- validate "$orphans"
  grep -q "registrations *read 300000, accepted 0, rejected 300000" "$work/out" \
    || { failures=$((failures + 1)); echo "FAIL orphan registrations: counts"; head -5 "$work/out" || true; }

  check "estimate --counts /dev/zero under -Xmx128m" 1,2,3 "" -- -Xmx128m -- estimate --counts /dev/zero
fi

echo "== $checks checks, $failures failed"
[ "$failures" -eq 0 ]
