#!/usr/bin/env bash
# Spark scale evidence for monitor-spark (README, "Scale"): generates a seeded episode register of ROWS rows with
# known true links and rejections (ScaleGenerator, in monitor-spark's test sources), and times in local mode:
#   read       ExtractReader.readCsv: split, type and check every row, persist, count by rule
#   link       Linkage.report: broadcast semi-join of the register against the victims' keys, per-key aggregate
#   aggregate  FollowUpShares.compute: episodes in the windows around first registration, protected shares
# printing rows/s per phase and the JVM's peak resident set size (GNU time's "Maximum resident set size").
#
#   bash benchmarks/spark-scale.sh                    # 10^6 rows
#   ROWS="1000000 10000000" bash benchmarks/spark-scale.sh
#
# Environment: ROWS (default 1000000; several separated by spaces), MASTER (default local[2]), PARTITIONS (shuffle
# partitions, default 8), HEAP (default 3g), WORK_DIR (default a fresh temporary directory; the generated CSV is
# deleted unless KEEP=1), Needs GNU time at /usr/bin/time.
# Exits non-zero if the rejections or the links differ from the generator's known truth.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${ROWS:-1000000}"
MASTER="${MASTER:-local[2]}"
PARTITIONS="${PARTITIONS:-8}"
HEAP="${HEAP:-3g}"

if [[ ! -x /usr/bin/time ]]; then
    echo "spark-scale.sh: GNU time is needed at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 2
fi
work="${WORK_DIR:-$(mktemp -d)}"
mkdir -p "$work"
# Compiles monitor-spark (and the library modules it uses) with its tests, and writes the test class path; the
# reactor resolves the library modules to their target/ directories, so nothing comes from the local repository.
echo "== building monitor-spark and its test classes"
mvn -B -q -o -DskipTests -pl monitor-spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath.txt" > /dev/null
cp="monitor-spark/target/test-classes:monitor-spark/target/classes:$(cat "$work/classpath.txt")"

for rows in $ROWS; do
    echo "== $rows rows, $MASTER, $PARTITIONS shuffle partitions, -Xmx$HEAP"
    /usr/bin/time -v -o "$work/scale-$rows.time" \
        java @monitor-spark/spark-jvm.options "-Xmx$HEAP" -Dlog4j2.configurationFile=monitor-spark/src/test/resources/log4j2-test.properties \
        -cp "$cp" org.tipmonitor.spark.ScaleBenchmark "$rows" "$work" "$MASTER" "$PARTITIONS" \
        | grep '^RESULT'
    echo "RESULT peak_rss_kb=$(grep 'Maximum resident set size' "$work/scale-$rows.time" | awk '{print $NF}')" \
        "wall=$(grep 'Elapsed (wall clock)' "$work/scale-$rows.time" | awk '{print $NF}')"
done
