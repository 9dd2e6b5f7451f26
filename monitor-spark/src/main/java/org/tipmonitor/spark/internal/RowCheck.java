package org.tipmonitor.spark.internal;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.spark.ExtractColumn;
import org.tipmonitor.spark.ExtractColumn.ColumnType;
import org.tipmonitor.spark.ExtractSchema;
import org.tipmonitor.spark.SparkRule;

/**
 * Checks one row of a register extract against its {@link ExtractSchema}: the first broken rule, in column order,
 * rejects the row; otherwise the typed values are returned. Serialisable, so executors run it; it keeps no value of
 * a row beyond the call, and a rejection names only the rule and the column.
 *
 * <p>Output rows have {@code source, file, line, rule, column} and then one field per schema column (dates as epoch
 * days, integers as longs, keys and codes as strings); {@code rule} is null for an accepted row.
 */
public final class RowCheck implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Eight or nine digits: the shape of a citizen service number (burgerservicenummer). */
    private static final Pattern CITIZEN_SERVICE_NUMBER = Pattern.compile("[0-9]{8,9}");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<ExtractColumn> columns;
    private final int startIndex;
    private final int endIndex;
    private final String source;
    private final String file;

    /**
     * A check for one file of a source.
     *
     * @param schema the schema
     * @param source the source's name
     * @param file   the file's name (not its path)
     */
    public RowCheck(ExtractSchema schema, String source, String file) {
        this.columns = List.copyOf(schema.columns());
        this.startIndex = schema.episode().map(e -> indexOf(e.get(0))).orElse(-1);
        this.endIndex = schema.episode().map(e -> indexOf(e.get(1))).orElse(-1);
        this.source = source;
        this.file = file;
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /**
     * The Spark schema of checked rows.
     *
     * @param schema the extract schema
     * @return the schema
     */
    public static StructType checkedSchema(ExtractSchema schema) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("source", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("line", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("rule", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("column", DataTypes.StringType, true));
        for (ExtractColumn c : schema.columns()) {
            fields.add(DataTypes.createStructField(c.name(), c.type() == ColumnType.DATE ? DataTypes.IntegerType
                    : c.type() == ColumnType.INTEGER ? DataTypes.LongType : DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * Checks typed or text values (Parquet or CSV).
     *
     * @param line   the 1-based line (CSV) or row (Parquet)
     * @param values one value per schema column: a String, a Number, a LocalDate or a java.sql.Date, or null
     * @return the checked row
     */
    public Row check(long line, Object[] values) {
        Object[] out = new Object[5 + columns.size()];
        out[0] = source;
        out[1] = file;
        out[2] = line;
        for (int i = 0; i < columns.size(); i++) {
            ExtractColumn c = columns.get(i);
            Object v = values[i];
            if (v instanceof String s && s.isEmpty()) {
                v = null;
            }
            if (v == null) {
                if (c.required()) {
                    return reject(out, c.type() == ColumnType.KEY ? SparkRule.KEY_MISSING : SparkRule.VALUE_MISSING,
                            c.name());
                }
                continue;
            }
            SparkRule broken = null;
            switch (c.type()) {
                case KEY:
                    if (!(v instanceof String key)) {
                        broken = SparkRule.TYPE_MISMATCH;
                    } else if (CITIZEN_SERVICE_NUMBER.matcher(key).matches()) {
                        broken = SparkRule.KEY_LOOKS_LIKE_CITIZEN_SERVICE_NUMBER;
                    } else if (!PersonKey.of(key).isWellFormed()) {
                        broken = SparkRule.KEY_NOT_A_PSEUDONYM;
                    } else {
                        out[5 + i] = key;
                    }
                    break;
                case DATE:
                    Long day = epochDay(v);
                    if (day == null) {
                        broken = SparkRule.TYPE_MISMATCH;
                    } else if (day < c.min() || day > c.max()) {
                        broken = SparkRule.OUT_OF_RANGE;
                    } else {
                        out[5 + i] = Math.toIntExact(day);
                    }
                    break;
                case INTEGER:
                    Long number = integer(v);
                    if (number == null) {
                        broken = SparkRule.TYPE_MISMATCH;
                    } else if (number < c.min() || number > c.max()) {
                        broken = SparkRule.OUT_OF_RANGE;
                    } else {
                        out[5 + i] = number;
                    }
                    break;
                default:
                    if (!(v instanceof String code)) {
                        broken = SparkRule.TYPE_MISMATCH;
                    } else if (!c.codes().contains(code)) {
                        broken = SparkRule.UNKNOWN_CODE;
                    } else {
                        out[5 + i] = code;
                    }
            }
            if (broken != null) {
                return reject(out, broken, c.name());
            }
        }
        if (startIndex >= 0 && out[5 + startIndex] != null && out[5 + endIndex] != null
                && (Integer) out[5 + endIndex] < (Integer) out[5 + startIndex]) {
            return reject(out, SparkRule.END_BEFORE_START, columns.get(endIndex).name());
        }
        return RowFactory.create(out);
    }

    /**
     * Splits a CSV line and checks it; a line that does not split into the header's fields is
     * {@link SparkRule#MALFORMED_ROW}.
     *
     * @param line     the 1-based line number
     * @param text     the line
     * @param headerSize the number of header fields
     * @param position for each schema column, its index among the header's fields
     * @param csv      the reader that splits a line
     * @return the checked row
     */
    public Row checkLine(long line, String text, int headerSize, int[] position, ObjectReader csv) {
        String[] fields;
        if (text == null || text.isEmpty()) {
            fields = null;
        } else if (text.indexOf('"') < 0) {
            // Without quotes RFC 4180 splitting is splitting at every comma; the common case, and much faster.
            fields = text.split(",", -1);
        } else {
            try {
                fields = csv.readValue(text);
            } catch (IOException | RuntimeException e) {
                fields = null;
            }
        }
        if (fields == null || fields.length != headerSize) {
            Object[] out = new Object[5 + columns.size()];
            out[0] = source;
            out[1] = file;
            out[2] = line;
            return reject(out, SparkRule.MALFORMED_ROW, null);
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields[position[i]];
        }
        return check(line, values);
    }

    /**
     * Checks a partition of (line, text) rows of a CSV file.
     *
     * @param rows       the rows: a long line number and the line's text
     * @param headerSize the number of header fields
     * @param position   for each schema column, its index among the header's fields
     * @return the checked rows
     */
    public Iterator<Row> checkLines(Iterator<Row> rows, int headerSize, int[] position) {
        ObjectReader csv = csvReader();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                return checkLine(r.getLong(0), r.getString(1), headerSize, position, csv);
            }
        };
    }

    /**
     * Checks a partition of typed rows (line first, then one value per schema column).
     *
     * @param rows the rows
     * @return the checked rows
     */
    public Iterator<Row> checkTyped(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.get(i + 1);
                }
                return check(r.getLong(0), values);
            }
        };
    }

    /**
     * A reader that splits one CSV line (RFC 4180 quoting) into strings.
     *
     * @return the reader
     */
    public static ObjectReader csvReader() {
        CsvMapper mapper = new CsvMapper();
        return mapper.readerFor(String[].class).with(CsvSchema.emptySchema());
    }

    private static Row reject(Object[] out, SparkRule rule, String column) {
        out[3] = rule.code();
        out[4] = column;
        for (int i = 5; i < out.length; i++) {
            out[i] = null;
        }
        return RowFactory.create(out);
    }

    private static Long epochDay(Object v) {
        if (v instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay();
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s, ISO_DATE).toEpochDay();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Long integer(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s && s.matches("[+-]?[0-9]{1,18}")) {
            return Long.parseLong(s);
        }
        return null;
    }
}
