package org.tipmonitor.spark;

import java.util.Map;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The result of reading one source of a register extract: the accepted rows, the rejected rows, and the counts.
 * Every row read is either accepted or rejected: {@code read = accepted + rejected}.
 *
 * @param source           the source's name
 * @param accepted         the accepted rows ({@link ExtractSchema#acceptedSchema()})
 * @param rejected         one row per rejected row: {@code source, file, line, rule, column} (rule code, and the
 *                         column whose value broke it; no value of the row)
 * @param read             the number of data rows read (header excluded)
 * @param acceptedCount    the number accepted
 * @param rejectedCount    the number rejected
 * @param rejectionsByRule the number rejected per rule code, in code order
 */
public record ExtractRead(String source, Dataset<Row> accepted, Dataset<Row> rejected, long read, long acceptedCount,
                          long rejectedCount, Map<String, Long> rejectionsByRule) {

    /**
     * Validates the counts.
     *
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if read differs from accepted plus rejected
     *                               or the rejections by rule do not add up to the rejected count
     */
    public ExtractRead {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(rejected, "rejected");
        rejectionsByRule = Map.copyOf(rejectionsByRule);
        if (read != acceptedCount + rejectedCount
                || rejectionsByRule.values().stream().mapToLong(Long::longValue).sum() != rejectedCount) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "counts of source " + source
                    + " do not add up: read " + read + ", accepted " + acceptedCount + ", rejected " + rejectedCount
                    + ", by rule " + rejectionsByRule);
        }
    }

    /**
     * The counts as one line of text, e.g. for a log: no value of any row.
     *
     * @return e.g. {@code "youth_care: read 1000, accepted 990, rejected 10 {TM-SP-016=10}"}
     */
    public String summary() {
        return source + ": read " + read + ", accepted " + acceptedCount + ", rejected " + rejectedCount + " "
                + new java.util.TreeMap<>(rejectionsByRule);
    }
}
