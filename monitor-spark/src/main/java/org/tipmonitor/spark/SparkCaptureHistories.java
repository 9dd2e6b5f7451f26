package org.tipmonitor.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.data.LinkedRegistrations;
import org.tipmonitor.indicators.estimation.data.LinkedRegistrations.Covariate;
import org.tipmonitor.indicators.estimation.data.ListDefinition;
import org.tipmonitor.indicators.estimation.data.StratifiedHistories;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.spark.internal.ModelFunctions;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * Capture histories aggregated in Spark, where the registrations live: the lists &times; covariates counts table,
 * the input of multiple systems estimation, with the same definitions as the in-process
 * {@link LinkedRegistrations} (lists by {@link ListDefinition}, person-level {@link Covariate}s of the first
 * registration in the period), so that the tables are equal count for count. Only the table (at most
 * 2<sup>lists</sup> cells per level) comes back to the driver, where the library's estimators take it.
 *
 * <p>Per person key k with registrations in the period by reporter types in a list: the pattern is
 * m<sub>k</sub> = &#8897; 2<sup>list(r)</sup> over k's registrations r (a bitwise or), and the count of a pattern
 * (per level) is the number of persons with it. The first registration is the earliest report date; among equal
 * dates the earlier record (file order, then position in the file), as in-process.
 */
public final class SparkCaptureHistories {

    private SparkCaptureHistories() {
    }

    /**
     * The capture histories of the persons registered in a period ({@link LinkedRegistrations#of}).
     *
     * @param registrations registrations with {@code person_key, report_date, reporter_type}
     *                      ({@link ExchangeData#registrations()})
     * @param lists         which reporter types make up each list
     * @param period        the registration years to include
     * @return the table over the definition's lists
     */
    public static CaptureHistories of(Dataset<Row> registrations, ListDefinition lists, YearRange period) {
        Dataset<Row> masks = memberships(registrations, lists, period).groupBy(ExtractSchema.KEY)
                .agg(bit_or(col("bit")).as("mask"));
        CaptureHistories.Builder builder = CaptureHistories.builder(lists.listNames());
        for (Row r : masks.groupBy("mask").agg(count("*")).collectAsList()) {
            builder.addMask(r.getLong(0), r.getLong(1));
        }
        return builder.build();
    }

    /**
     * Capture histories per combination of levels of person-level covariates
     * ({@link LinkedRegistrations#stratified(Iterable, Map, ListDefinition, YearRange, List)}): the covariate is
     * named by the codes joined with {@code _}, a level by the levels joined with {@code /}; levels come in sorted
     * order.
     *
     * @param data       the exchange data (registrations, and victims for sex, age and nationality; a person without
     *                   a victim record gets {@code unknown})
     * @param lists      which reporter types make up each list
     * @param period     the registration years to include
     * @param covariates one or more different covariates
     * @return the stratified tables
     * @throws IndicatorException if no covariate is given or one repeats, or as {@link StratifiedHistories#of}
     *                            (fewer than two levels observed)
     */
    public static StratifiedHistories stratified(ExchangeData data, ListDefinition lists, YearRange period,
                                                 List<Covariate> covariates) {
        Objects.requireNonNull(data, "data");
        if (covariates.isEmpty() || covariates.stream().distinct().count() != covariates.size()) {
            // Let the library word the error exactly as in-process.
            LinkedRegistrations.stratified(List.of(), Map.of(), lists, period, covariates);
        }
        Dataset<Row> persons = memberships(data.registrations(), lists, period).groupBy(ExtractSchema.KEY)
                .agg(bit_or(col("bit")).as("mask"),
                        min(struct(col("report_date"), col("file_index"), col("seq"), col("form"))).as("first"));
        Dataset<Row> victims = data.victimPerKey().select(ExtractSchema.KEY, "sex", "birth_date", "birth_precision",
                "nationality_region");
        Dataset<Row> joined = persons.join(victims, persons.col(ExtractSchema.KEY)
                .equalTo(victims.col(ExtractSchema.KEY)), "left");
        List<Column> levels = new ArrayList<>();
        for (Covariate c : covariates) {
            levels.add(level(c));
        }
        Dataset<Row> counts = joined.select(concat_ws("/", levels.toArray(new Column[0])).as("level"), col("mask"))
                .groupBy("level", "mask").agg(count("*"));
        Map<String, CaptureHistories.Builder> builders = new TreeMap<>();
        for (Row r : counts.collectAsList()) {
            builders.computeIfAbsent(r.getString(0), l -> CaptureHistories.builder(lists.listNames()))
                    .addMask(r.getLong(1), r.getLong(2));
        }
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        builders.forEach((level, b) -> strata.put(level, b.build()));
        return StratifiedHistories.of(covariates.stream().map(Covariate::code).collect(Collectors.joining("_")),
                strata);
    }

    private static Column level(Covariate covariate) {
        Column first = col("first.report_date");
        switch (covariate) {
            case YEAR:
                return year(first).cast(DataTypes.StringType);
            case FORM:
                return col("first.form");
            case SEX:
                return coalesce(col("sex"), lit("unknown"));
            case MINOR:
                return udf(new ModelFunctions.MinorAt(), DataTypes.StringType)
                        .apply(col("birth_date"), coalesce(col("birth_precision"), lit("unknown")), first);
            default:
                Column region = col("nationality_region");
                return when(region.isNull().or(region.equalTo("unknown")), lit("unknown"))
                        .when(region.equalTo("netherlands"), lit("dutch")).otherwise(lit("non_dutch"));
        }
    }

    /** (person_key, report_date, form, file_index, seq, bit) for registrations in the period by a listed type. */
    private static Dataset<Row> memberships(Dataset<Row> registrations, ListDefinition lists, YearRange period) {
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(period, "period");
        Column index = null;
        List<String> names = lists.listNames();
        for (Map.Entry<String, List<ReporterType>> e : lists.members().entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Object[] codes = e.getValue().stream().map(ReporterType::code).toArray();
            Column test = col("reporter_type").isin(codes);
            int i = names.indexOf(e.getKey());
            index = index == null ? when(test, lit(1L << i)) : index.when(test, lit(1L << i));
        }
        Column bit = index == null ? lit(null).cast(DataTypes.LongType) : index;
        return registrations
                .where(col("report_date").between(lit(period.firstDay()), lit(period.lastDay())))
                .withColumn("bit", bit)
                .where(col("bit").isNotNull());
    }
}
