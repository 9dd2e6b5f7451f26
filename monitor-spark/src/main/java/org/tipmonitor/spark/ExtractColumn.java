package org.tipmonitor.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One column of a register extract: its name in the CSV header or Parquet schema, its type, whether a value is
 * required, and the accepted range (dates as epoch days, integers) or codes.
 *
 * @param name     the column name, {@code [a-z][a-z0-9_]*}
 * @param type     the type
 * @param required whether an empty value rejects the row ({@link SparkRule#VALUE_MISSING})
 * @param min      the smallest accepted value: an epoch day for dates, the integer itself for integers; 0 otherwise
 * @param max      the largest accepted value, likewise
 * @param codes    the accepted codes of a {@link ColumnType#CODE} column; empty otherwise
 */
@SuppressWarnings("serial") // List.copyOf gives a serialisable list; executors receive columns inside RowCheck
public record ExtractColumn(String name, ColumnType type, boolean required, long min, long max, List<String> codes)
        implements Serializable {

    /** The types of extract columns. */
    public enum ColumnType {
        /** The pseudonymous person key: required, of the model's key shape, never a citizen service number. */
        KEY,
        /** A date written {@code yyyy-MM-dd} (CSV) or a Parquet date. */
        DATE,
        /** A whole number. */
        INTEGER,
        /** A code from a fixed list. */
        CODE
    }

    /**
     * Validates the column.
     *
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if the name is malformed, min &gt; max, a
     *                               code column has no codes, or a key column is optional
     */
    public ExtractColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        codes = List.copyOf(codes);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT,
                    "column name must match [a-z][a-z0-9_]*: " + name);
        }
        if (min > max) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT,
                    "column " + name + ": minimum " + min + " exceeds maximum " + max);
        }
        if (type == ColumnType.CODE && codes.isEmpty()) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "code column " + name + " has no codes");
        }
        if (type == ColumnType.KEY && !required) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "key column " + name + " must be required");
        }
    }

    /**
     * The key column.
     *
     * @param name the column name
     * @return the column
     */
    public static ExtractColumn key(String name) {
        return new ExtractColumn(name, ColumnType.KEY, true, 0, 0, List.of());
    }

    /**
     * A date column with an inclusive range.
     *
     * @param name     the column name
     * @param required whether a value is required
     * @param earliest the earliest accepted date
     * @param latest   the latest accepted date
     * @return the column
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if earliest is after latest
     */
    public static ExtractColumn date(String name, boolean required, LocalDate earliest, LocalDate latest) {
        return new ExtractColumn(name, ColumnType.DATE, required, earliest.toEpochDay(), latest.toEpochDay(),
                List.of());
    }

    /**
     * An integer column with an inclusive range.
     *
     * @param name     the column name
     * @param required whether a value is required
     * @param min      the smallest accepted value
     * @param max      the largest accepted value
     * @return the column
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if min &gt; max
     */
    public static ExtractColumn integer(String name, boolean required, long min, long max) {
        return new ExtractColumn(name, ColumnType.INTEGER, required, min, max, List.of());
    }

    /**
     * A code column.
     *
     * @param name     the column name
     * @param required whether a value is required
     * @param codes    the accepted codes, at least one
     * @return the column
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if no code is given
     */
    public static ExtractColumn code(String name, boolean required, List<String> codes) {
        return new ExtractColumn(name, ColumnType.CODE, required, 0, 0, codes);
    }
}
