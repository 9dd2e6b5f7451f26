package org.tipmonitor.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tipmonitor.spark.internal.RowCheck;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_from_unix_date;

/**
 * Reads register extracts, CSV or Parquet, into DataFrames against an explicit {@link ExtractSchema}. Every data
 * row is checked in the executors and either accepted or rejected with its source, file, line and rule
 * ({@link SparkRule} codes {@code TM-SP-010} to {@code 018}); nothing is dropped silently, and the counts are in the
 * {@link ExtractRead}. Immutable and thread-safe.
 *
 * <p><b>CSV</b>: UTF-8 text, one record per line (quoted fields may hold commas and doubled quotes, not line
 * breaks), a header line naming the columns in any order; columns the schema does not name are ignored and never
 * read into a DataFrame. The file is split into at least as many partitions as the session has cores, and lines
 * are numbered across the splits (an extra pass, {@code zipWithIndex}). Lines are numbered from 1 (the header). A line that does not split into the header's
 * fields is {@link SparkRule#MALFORMED_ROW}. <b>Parquet</b>: the file's own types (strings are parsed as in CSV);
 * the location is the 1-based row number within the file (Spark's {@code _metadata.row_index}).
 *
 * <p>Whole-source errors throw a {@link SparkMonitorException}: no key column ({@link SparkRule#MISSING_KEY_COLUMN}),
 * a missing required column ({@link SparkRule#MISSING_COLUMN}), no data row ({@link SparkRule#EMPTY_SOURCE}), an
 * unreadable file ({@link SparkRule#UNREADABLE_SOURCE}).
 *
 * <p>The checked rows are persisted (memory and disk) so that counting, the accepted and the rejected rows read the
 * files once; {@link #withStorageLevel(StorageLevel)} changes that.
 */
public final class ExtractReader {

    private final SparkSession spark;
    private final StorageLevel storage;

    private ExtractReader(SparkSession spark, StorageLevel storage) {
        this.spark = spark;
        this.storage = storage;
    }

    /**
     * A reader on a session that persists checked rows at {@link StorageLevel#MEMORY_AND_DISK()}.
     *
     * @param spark the session
     * @return the reader
     */
    public static ExtractReader of(SparkSession spark) {
        return new ExtractReader(Objects.requireNonNull(spark, "spark"), StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * A copy that persists checked rows at another level ({@link StorageLevel#NONE()}: not at all; the files are
     * then read again by each action).
     *
     * @param level the level
     * @return the copy
     */
    public ExtractReader withStorageLevel(StorageLevel level) {
        return new ExtractReader(spark, Objects.requireNonNull(level, "level"));
    }

    /**
     * Reads CSV files of one source.
     *
     * @param source the source's name, e.g. {@code "youth_care_2024"}
     * @param files  the files, at least one
     * @param schema the schema
     * @return the accepted and rejected rows with their counts
     * @throws SparkMonitorException ({@link SparkRule#UNREADABLE_SOURCE}) if a file does not exist or cannot be
     *                               read; ({@link SparkRule#EMPTY_SOURCE}) if a file is empty or the source has no
     *                               data row; ({@link SparkRule#MISSING_KEY_COLUMN}, {@link SparkRule#MISSING_COLUMN})
     *                               if a header lacks a schema column; ({@link SparkRule#INVALID_ARGUMENT}) if no
     *                               file is given
     */
    public ExtractRead readCsv(String source, List<Path> files, ExtractSchema schema) {
        checkArguments(source, files, schema);
        Dataset<Row> checked = null;
        StructType checkedSchema = RowCheck.checkedSchema(schema);
        for (Path file : files) {
            JavaRDD<String> text = readText(source, file);
            List<String> first = text.take(1);
            if (first.isEmpty()) {
                throw new SparkMonitorException(SparkRule.EMPTY_SOURCE, "source " + source + ", file "
                        + file.getFileName() + " is empty (no header line)");
            }
            String[] header = header(source, file, first.get(0));
            int[] position = positions(source, file, schema, Arrays.asList(header));
            RowCheck check = new RowCheck(schema, source, file.getFileName().toString());
            int headerSize = header.length;
            JavaRDD<Row> lines = text.zipWithIndex()
                    .filter(t -> t._2() > 0)
                    .map(t -> RowFactory.create(t._2() + 1, t._1()));
            JavaRDD<Row> rows = lines.mapPartitions(it -> check.checkLines(it, headerSize, position));
            Dataset<Row> part = spark.createDataFrame(rows, checkedSchema);
            checked = checked == null ? part : checked.union(part);
        }
        return finish(source, schema, checked);
    }

    /**
     * Reads Parquet files of one source.
     *
     * @param source the source's name
     * @param files  the files, at least one
     * @param schema the schema
     * @return the accepted and rejected rows with their counts
     * @throws SparkMonitorException ({@link SparkRule#UNREADABLE_SOURCE}) if a file does not exist or is not
     *                               Parquet; ({@link SparkRule#MISSING_KEY_COLUMN}, {@link SparkRule#MISSING_COLUMN})
     *                               if a file lacks a schema column; ({@link SparkRule#EMPTY_SOURCE}) if the source
     *                               has no row; ({@link SparkRule#INVALID_ARGUMENT}) if no file is given
     */
    public ExtractRead readParquet(String source, List<Path> files, ExtractSchema schema) {
        checkArguments(source, files, schema);
        Dataset<Row> checked = null;
        StructType checkedSchema = RowCheck.checkedSchema(schema);
        for (Path file : files) {
            exists(source, file);
            Dataset<Row> df;
            try {
                df = spark.read().parquet(file.toString());
            } catch (RuntimeException e) {
                throw new SparkMonitorException(SparkRule.UNREADABLE_SOURCE, "source " + source + ", file "
                        + file.getFileName() + " is not readable as Parquet: " + e.getClass().getSimpleName(), e);
            }
            positions(source, file, schema, Arrays.asList(df.columns()));
            List<Column> select = new ArrayList<>();
            select.add(col("_metadata.row_index").plus(1).cast(DataTypes.LongType));
            schema.columns().forEach(c -> select.add(col(c.name())));
            RowCheck check = new RowCheck(schema, source, file.getFileName().toString());
            JavaRDD<Row> rows = df.select(select.toArray(new Column[0])).javaRDD()
                    .mapPartitions(check::checkTyped);
            Dataset<Row> part = spark.createDataFrame(rows, checkedSchema);
            checked = checked == null ? part : checked.union(part);
        }
        return finish(source, schema, checked);
    }

    private ExtractRead finish(String source, ExtractSchema schema, Dataset<Row> checked) {
        Dataset<Row> persisted = checked.persist(storage);
        Map<String, Long> byRule = new TreeMap<>();
        long read = 0;
        long rejected = 0;
        for (Row r : persisted.groupBy(col("rule")).agg(count("*")).collectAsList()) {
            read += r.getLong(1);
            if (!r.isNullAt(0)) {
                byRule.put(r.getString(0), r.getLong(1));
                rejected += r.getLong(1);
            }
        }
        if (read == 0) {
            persisted.unpersist();
            throw new SparkMonitorException(SparkRule.EMPTY_SOURCE, "source " + source + " has no data row");
        }
        List<Column> accepted = new ArrayList<>(List.of(col("source"), col("file"), col("line")));
        for (ExtractColumn c : schema.columns()) {
            Column value = c.type() == ExtractColumn.ColumnType.DATE ? date_from_unix_date(col(c.name()))
                    : col(c.name());
            accepted.add(value.as(c.type() == ExtractColumn.ColumnType.KEY ? ExtractSchema.KEY : c.name()));
        }
        Dataset<Row> acceptedRows = persisted.where(col("rule").isNull()).select(accepted.toArray(new Column[0]));
        Dataset<Row> rejectedRows = persisted.where(col("rule").isNotNull())
                .select(col("source"), col("file"), col("line"), col("rule"), col("column"));
        return new ExtractRead(source, acceptedRows, rejectedRows, read, read - rejected, rejected, byRule);
    }

    /** The file's lines, split into at least as many partitions as the session has cores. */
    private JavaRDD<String> readText(String source, Path file) {
        exists(source, file);
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return context.textFile(file.toString(), Math.max(2, context.defaultParallelism()));
        } catch (RuntimeException e) {
            throw new SparkMonitorException(SparkRule.UNREADABLE_SOURCE, "source " + source + ", file "
                    + file.getFileName() + " is not readable: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void exists(String source, Path file) {
        if (!Files.isReadable(file)) {
            throw new SparkMonitorException(SparkRule.UNREADABLE_SOURCE, "source " + source + ", file "
                    + file.getFileName() + " does not exist or is not readable");
        }
    }

    private static String[] header(String source, Path file, String line) {
        ObjectReader csv = RowCheck.csvReader();
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        try {
            String[] fields = csv.readValue(text);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            return fields;
        } catch (java.io.IOException | RuntimeException e) {
            throw new SparkMonitorException(SparkRule.UNREADABLE_SOURCE, "source " + source + ", file "
                    + file.getFileName() + ", line 1: the header is not a CSV line", e);
        }
    }

    private static int[] positions(String source, Path file, ExtractSchema schema, List<String> names) {
        int[] position = new int[schema.columns().size()];
        for (int i = 0; i < position.length; i++) {
            ExtractColumn c = schema.columns().get(i);
            position[i] = names.indexOf(c.name());
            if (position[i] < 0) {
                SparkRule rule = c.type() == ExtractColumn.ColumnType.KEY ? SparkRule.MISSING_KEY_COLUMN
                        : SparkRule.MISSING_COLUMN;
                throw new SparkMonitorException(rule, "source " + source + ", file " + file.getFileName()
                        + " has no column " + c.name() + " (columns: " + String.join(", ", names) + ")");
            }
        }
        return position;
    }

    private static void checkArguments(String source, List<Path> files, ExtractSchema schema) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(schema, "schema");
        if (files == null || files.isEmpty()) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "source " + source + " names no file");
        }
    }

    @Override
    public String toString() {
        return "ExtractReader[storage=" + storage.description() + "]";
    }
}
