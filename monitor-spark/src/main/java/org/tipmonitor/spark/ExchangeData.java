package org.tipmonitor.spark;

import java.util.List;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.year;

/**
 * The victims and registrations of exchange files as DataFrames, with each file's validation report.
 *
 * <p>{@link #victims()}: {@code file_index, seq, person_key, sex, birth_date, birth_precision, nationality_region}
 * ({@code birth_date} null when unknown). {@link #registrations()}: {@code file_index, seq, registration_id,
 * person_key, report_date, reporter_type, form}. {@code file_index} is the file's position in the read and
 * {@code seq} the record's position in its file, so "the first record" is defined as in-process.
 *
 * @param victims       the accepted victims
 * @param registrations the accepted registrations
 * @param files         per file, in order: its name and report (accepted and rejected counts per record kind)
 */
public record ExchangeData(Dataset<Row> victims, Dataset<Row> registrations, List<ExchangeSource.FileReport> files) {

    /** The schema of {@link #victims()}. */
    public static final StructType VICTIMS = new StructType()
            .add("file_index", DataTypes.IntegerType, false)
            .add("seq", DataTypes.LongType, false)
            .add(ExtractSchema.KEY, DataTypes.StringType, false)
            .add("sex", DataTypes.StringType, false)
            .add("birth_date", DataTypes.DateType, true)
            .add("birth_precision", DataTypes.StringType, false)
            .add("nationality_region", DataTypes.StringType, false);

    /** The schema of {@link #registrations()}. */
    public static final StructType REGISTRATIONS = new StructType()
            .add("file_index", DataTypes.IntegerType, false)
            .add("seq", DataTypes.LongType, false)
            .add("registration_id", DataTypes.StringType, false)
            .add(ExtractSchema.KEY, DataTypes.StringType, false)
            .add("report_date", DataTypes.DateType, false)
            .add("reporter_type", DataTypes.StringType, false)
            .add("form", DataTypes.StringType, false);

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ExchangeData {
        Objects.requireNonNull(victims, "victims");
        Objects.requireNonNull(registrations, "registrations");
        files = List.copyOf(files);
    }

    /**
     * One victim record per person key: where several files hold the same person, the first (lowest file index,
     * then position in the file) wins.
     *
     * @return the victims, one per key
     */
    public Dataset<Row> victimPerKey() {
        return victims.withColumn("rank", row_number().over(Window.partitionBy(ExtractSchema.KEY)
                        .orderBy(col("file_index"), col("seq"))))
                .where(col("rank").equalTo(1)).drop("rank");
    }

    /**
     * The registered persons: one row per person key with a registration, with the first report date and its year,
     * and the victim's sex, birth date and precision: {@code person_key, first_report_date, year, sex, birth_date,
     * birth_precision}.
     *
     * @return the persons
     */
    public Dataset<Row> persons() {
        Dataset<Row> first = registrations.groupBy(ExtractSchema.KEY)
                .agg(min("report_date").as("first_report_date"))
                .withColumn("year", year(col("first_report_date")));
        return first.join(victimPerKey().select(ExtractSchema.KEY, "sex", "birth_date", "birth_precision"),
                ExtractSchema.KEY);
    }
}
