package org.tipmonitor.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * Links registered victims to register records by pseudonymous key, and reports the linkage.
 *
 * <p><b>How it runs.</b> The victims are few (thousands) and the registers large (millions of rows): the victims'
 * keys are broadcast to every executor and the register is semi-joined against them where it lies, so only the
 * records of victims are shuffled (to aggregate per key); the register itself is never shuffled or collected.
 */
public final class Linkage {

    private Linkage() {
    }

    /**
     * The register records of registered victims: the register's accepted rows whose key is a victim's.
     *
     * @param data     the exchange data
     * @param register a register source
     * @return the register's rows of victims, with the register's columns
     */
    public static Dataset<Row> records(ExchangeData data, ExtractRead register) {
        Dataset<Row> keys = data.registrations().select(ExtractSchema.KEY).distinct();
        return register.accepted().join(broadcast(keys), register.accepted().col(ExtractSchema.KEY)
                .equalTo(keys.col(ExtractSchema.KEY)), "left_semi");
    }

    /**
     * The linkage report of registered victims against register sources, per source and year of first
     * registration.
     *
     * @param data      the exchange data
     * @param registers the register sources, at least one
     * @return the report
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if no register is given
     */
    public static LinkageReport report(ExchangeData data, List<ExtractRead> registers) {
        Objects.requireNonNull(data, "data");
        if (registers == null || registers.isEmpty()) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "no register source to link to");
        }
        Dataset<Row> persons = data.persons()
                .withColumn("victim_birth_year", when(col("birth_precision").notEqual("unknown"),
                        year(col("birth_date"))))
                .withColumn("victim_sex", when(col("sex").isin("female", "male"), col("sex")))
                .cache();
        List<LinkageReport.Row> rows = new ArrayList<>();
        for (ExtractRead register : registers) {
            List<String> columns = Arrays.asList(register.accepted().columns());
            boolean hasBirthYear = columns.contains("birth_year");
            boolean hasSex = columns.contains("sex");
            List<Column> aggregates = new ArrayList<>(List.of(count("*").as("records")));
            aggregates.add(hasBirthYear ? min("birth_year").as("min_by") : lit(null).as("min_by"));
            aggregates.add(hasBirthYear ? max("birth_year").as("max_by") : lit(null).as("max_by"));
            Column knownSex = hasSex ? when(col("sex").isin("female", "male"), col("sex")) : lit(null);
            aggregates.add(min(knownSex).as("min_sex"));
            aggregates.add(max(knownSex).as("max_sex"));
            Dataset<Row> perKey = records(data, register).groupBy(ExtractSchema.KEY)
                    .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
            Dataset<Row> joined = persons.join(perKey, persons.col(ExtractSchema.KEY)
                    .equalTo(perKey.col(ExtractSchema.KEY)), "left");
            Column linked = col("records").isNotNull();
            Column byCompared = linked.and(col("victim_birth_year").isNotNull()).and(col("min_by").isNotNull());
            Column byConflict = byCompared.and(col("min_by").notEqual(col("victim_birth_year"))
                    .or(col("max_by").notEqual(col("victim_birth_year"))));
            Column sexCompared = linked.and(col("victim_sex").isNotNull()).and(col("min_sex").isNotNull());
            Column sexConflict = sexCompared.and(col("min_sex").notEqual(col("victim_sex"))
                    .or(col("max_sex").notEqual(col("victim_sex"))));
            List<Row> counts = joined.groupBy("year").agg(count("*"), flag(linked),
                            flag(linked.and(col("records").gt(1))), flag(byCompared), flag(byConflict),
                            flag(sexCompared), flag(sexConflict))
                    .orderBy("year").collectAsList();
            for (Row r : counts) {
                rows.add(new LinkageReport.Row(register.source(), r.getInt(0), r.getLong(1), r.getLong(2),
                        r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7)));
            }
        }
        persons.unpersist();
        return new LinkageReport(rows);
    }

    private static Column flag(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }
}
