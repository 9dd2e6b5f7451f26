package org.tipmonitor.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.Sex;

/**
 * The explicit schema of a register extract: a key column first, then dates, integers and codes, and optionally an
 * episode's start and end column (an end before the start rejects the row). Immutable.
 *
 * <p>Accepted rows come out with the key column renamed {@value #KEY}, dates as Spark dates, integers as longs and
 * codes as strings, after the columns {@code source}, {@code file} and {@code line}.
 *
 * <p>Two schemas of the registers the monitor links to are built in: {@link #episodes(LocalDate, LocalDate)} (youth
 * care and child protection episodes) and {@link #population(int, int)} (population-register background).
 */
public final class ExtractSchema {

    /** The name of the key column in accepted rows. */
    public static final String KEY = "person_key";

    /** The episode types of {@link #episodes(LocalDate, LocalDate)}: youth care (jeugdzorg) and child protection
     *  measures (jeugdbeschermingsmaatregel). */
    public static final List<String> EPISODE_TYPES = List.of("youth_care", "child_protection");

    private final List<ExtractColumn> columns;
    private final String episodeStart;
    private final String episodeEnd;

    private ExtractSchema(List<ExtractColumn> columns, String episodeStart, String episodeEnd) {
        this.columns = columns;
        this.episodeStart = episodeStart;
        this.episodeEnd = episodeEnd;
    }

    /**
     * A schema of columns.
     *
     * @param columns the columns: the first of type {@link ExtractColumn.ColumnType#KEY}, no other key, names unique
     * @return the schema
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if the first column is not the only key
     *                               column or a name repeats
     */
    public static ExtractSchema of(List<ExtractColumn> columns) {
        List<ExtractColumn> copy = List.copyOf(columns);
        if (copy.isEmpty() || copy.get(0).type() != ExtractColumn.ColumnType.KEY
                || copy.stream().filter(c -> c.type() == ExtractColumn.ColumnType.KEY).count() != 1) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT,
                    "an extract schema has exactly one key column, the first");
        }
        Set<String> names = new HashSet<>();
        for (ExtractColumn c : copy) {
            if (!names.add(c.name()) || (!c.name().equals(copy.get(0).name()) && c.name().equals(KEY))) {
                throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "column name repeats: " + c.name());
            }
        }
        return new ExtractSchema(copy, null, null);
    }

    /**
     * A copy that rejects rows whose end date is before their start date ({@link SparkRule#END_BEFORE_START}).
     *
     * @param start the start column, a date column
     * @param end   the end column, a date column
     * @return the copy
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if either is not a date column
     */
    public ExtractSchema withEpisode(String start, String end) {
        for (String name : List.of(start, end)) {
            if (column(name).filter(c -> c.type() == ExtractColumn.ColumnType.DATE).isEmpty()) {
                throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "not a date column: " + name);
            }
        }
        return new ExtractSchema(columns, start, end);
    }

    /**
     * Youth-care and child-protection episodes: {@code person_key}, {@code episode_type} ({@link #EPISODE_TYPES}),
     * {@code start_date} (required) and {@code end_date} (empty while the episode lasts), both within a range; an
     * end before the start rejects the row.
     *
     * @param earliest the earliest accepted date
     * @param latest   the latest accepted date
     * @return the schema
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if earliest is after latest
     */
    public static ExtractSchema episodes(LocalDate earliest, LocalDate latest) {
        return of(List.of(ExtractColumn.key(KEY),
                ExtractColumn.code("episode_type", true, EPISODE_TYPES),
                ExtractColumn.date("start_date", true, earliest, latest),
                ExtractColumn.date("end_date", false, earliest, latest)))
                .withEpisode("start_date", "end_date");
    }

    /**
     * Population-register background: {@code person_key}, {@code birth_year} (required, within a range) and
     * {@code sex} (the model's {@link Sex} codes).
     *
     * @param firstBirthYear the earliest accepted birth year
     * @param lastBirthYear  the latest accepted birth year
     * @return the schema
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if the first year is after the last
     */
    public static ExtractSchema population(int firstBirthYear, int lastBirthYear) {
        return of(List.of(ExtractColumn.key(KEY),
                ExtractColumn.integer("birth_year", true, firstBirthYear, lastBirthYear),
                ExtractColumn.code("sex", true, java.util.stream.Stream.of(Sex.values()).map(CodeList::code)
                        .collect(Collectors.toList()))));
    }

    /**
     * The columns, key first.
     *
     * @return the columns
     */
    public List<ExtractColumn> columns() {
        return columns;
    }

    /**
     * The key column.
     *
     * @return the key column
     */
    public ExtractColumn keyColumn() {
        return columns.get(0);
    }

    /**
     * A column by name.
     *
     * @param name the name
     * @return the column, or empty
     */
    public Optional<ExtractColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The episode's start and end column, if set.
     *
     * @return the two names, or empty
     */
    public Optional<List<String>> episode() {
        return episodeStart == null ? Optional.empty() : Optional.of(List.of(episodeStart, episodeEnd));
    }

    /**
     * The Spark schema of accepted rows: {@code source}, {@code file}, {@code line}, then the columns with the key
     * renamed {@value #KEY}.
     *
     * @return the schema
     */
    public StructType acceptedSchema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("source", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("line", DataTypes.LongType, false));
        for (ExtractColumn c : columns) {
            fields.add(DataTypes.createStructField(c.type() == ExtractColumn.ColumnType.KEY ? KEY : c.name(),
                    sparkType(c.type()), !c.required()));
        }
        return DataTypes.createStructType(fields);
    }

    static DataType sparkType(ExtractColumn.ColumnType type) {
        switch (type) {
            case DATE:
                return DataTypes.DateType;
            case INTEGER:
                return DataTypes.LongType;
            default:
                return DataTypes.StringType;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtractSchema s && columns.equals(s.columns) && Objects.equals(episodeStart,
                s.episodeStart) && Objects.equals(episodeEnd, s.episodeEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, episodeStart, episodeEnd);
    }

    @Override
    public String toString() {
        return "ExtractSchema" + columns.stream().map(c -> c.name() + ":" + c.type())
                .collect(Collectors.joining(", ", "[", "]"))
                + (episodeStart == null ? "" : ", episode " + episodeStart + ".." + episodeEnd);
    }
}
