package org.tipmonitor.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.nio.charset.CharacterCodingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.IoRule;
import org.tipmonitor.io.RecordKind;
import org.tipmonitor.io.SafeText;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.CodeList;

/**
 * Reading and writing CSV with Jackson's CSV module: a header row, one record per row, comma or semicolon, UTF-8
 * with or without a byte-order mark. Not part of the API.
 */
public final class CsvSupport {

    /** One column of a record's CSV mapping. */
    public record Column(String name, ObjectSpec.Type type, boolean required, Class<? extends Enum<?>> codeList) {
    }

    /** The mapping of one record type to CSV columns. */
    public record Mapping(RecordKind kind, String typeName, List<Column> columns, Function<Object[], Object> factory,
                          Function<Object, List<Object>> cells, Function<String, String> pathToColumn,
                          Function<Object, String> uniqueKey, String uniqueColumn) {
    }

    private CsvSupport() {
    }

    /** Wraps an exception thrown by the caller's sink, so that it passes the reader's own catch clauses. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final RuntimeException original;

        SinkFailure(RuntimeException original) {
            super(original.getMessage(), original, false, false);
            this.original = original;
        }
    }

    /**
     * Reads records from CSV.
     *
     * @param in         the input; not closed
     * @param separator  the column separator
     * @param mapping    the column mapping
     * @param validation record validation
     * @param problems   the collector
     * @param sink       receives accepted records
     * @return the report
     */
    public static ValidationReport read(InputStream in, char separator, Mapping mapping, RecordValidation validation,
                                        Problems problems, Consumer<Object> sink) {
        CsvParser parser = null;
        try {
            parser = Jackson.csvFactory().createParser(reader(in));
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            boolean complete = rows(parser, mapping, validation, problems, sink);
            return problems.report(complete);
        } catch (Problems.Stop stop) {
            throw new ExchangeException(problems.report(false));
        } catch (SinkFailure failure) {
            throw failure.original;
        } catch (StreamConstraintsException e) {
            fatal(problems, parser, IoRule.LIMIT_EXCEEDED, "the input exceeds a read limit: "
                    + JsonExchangeReader.sanitise(e.getOriginalMessage()));
        } catch (CharacterCodingException e) {
            fatal(problems, parser, IoRule.INVALID_ENCODING, "the input is not valid UTF-8");
        } catch (JsonProcessingException e) {
            fatal(problems, parser, IoRule.MALFORMED_INPUT, "the CSV cannot be parsed: "
                    + JsonExchangeReader.sanitise(e.getOriginalMessage()));
        } catch (IOException e) {
            fatal(problems, parser, IoRule.IO_FAILURE, "reading the input failed: " + Values.reason(e));
        } catch (RuntimeException e) {
            fatal(problems, parser, IoRule.MALFORMED_INPUT, "the CSV cannot be parsed (" + e.getClass().getSimpleName()
                    + ")");
        }
        try {
            return problems.report(false);
        } catch (Problems.Stop stop) {
            throw new ExchangeException(problems.report(false));
        }
    }

    private static void fatal(Problems problems, CsvParser parser, IoRule rule, String message) {
        try {
            JsonLocation at = parser == null ? null : parser.currentLocation();
            problems.add(RecordKind.FILE, -1, "", at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
                    rule, message);
        } catch (Problems.Stop stop) {
            throw new ExchangeException(problems.report(false));
        }
    }

    private static Reader reader(InputStream in) throws IOException {
        PushbackInputStream input = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = input.readNBytes(head, 0, 3);
        boolean bom = n == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        if (!bom && n > 0) {
            input.unread(head, 0, n);
        }
        return new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static boolean rows(CsvParser parser, Mapping mapping, RecordValidation validation, Problems problems,
                                Consumer<Object> sink) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            problems.add(RecordKind.FILE, -1, "", 1, 1, IoRule.EMPTY_INPUT, "the CSV input is empty; it needs a"
                    + " header row: " + names(mapping));
            return true;
        }
        List<String> header = cells(parser, new ArrayList<>());
        int[] position = new int[mapping.columns().size()];
        java.util.Arrays.fill(position, -1);
        Set<String> seen = new HashSet<>();
        boolean headerOk = true;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            int column = indexOf(mapping, name);
            if (column < 0) {
                problems.add(RecordKind.FILE, -1, "", 1, -1, IoRule.CSV_HEADER, "unknown column "
                        + (i + 1) + Values.withheldName(name) + " in the header; the columns are: " + names(mapping));
                headerOk = false;
            } else if (!seen.add(name)) {
                problems.add(RecordKind.FILE, -1, "", 1, -1, IoRule.CSV_HEADER, "column '" + name
                        + "' occurs twice in the header");
                headerOk = false;
            } else {
                position[column] = i;
            }
        }
        for (int c = 0; c < position.length; c++) {
            if (position[c] < 0) {
                problems.add(RecordKind.FILE, -1, "", 1, -1, IoRule.CSV_HEADER, "column '"
                        + mapping.columns().get(c).name() + "' is missing from the header");
                headerOk = false;
            }
        }
        if (!headerOk) {
            return false;
        }
        KeySet keys = new KeySet();
        long index = 0;
        List<String> row = new ArrayList<>();
        List<long[]> where = new ArrayList<>();
        while ((token = parser.nextToken()) != null) {
            JsonLocation rowStart = parser.currentTokenLocation();
            long i = index++;
            row.clear();
            where.clear();
            cells(parser, row, where);
            long[] start = where.isEmpty() ? new long[] {rowStart.getLineNr(), 1} : where.get(0);
            RecordKind kind = mapping.kind();
            if (row.size() != header.size()) {
                problems.add(kind, i, "/" + i, start[0], 1, IoRule.CSV_ROW_LENGTH, "row has "
                        + row.size() + " cells, the header " + header.size());
                problems.rejected(kind);
                continue;
            }
            Map<String, long[]> locations = new HashMap<>();
            Object[] values = new Object[mapping.columns().size()];
            boolean ok = true;
            for (int c = 0; c < values.length; c++) {
                Column column = mapping.columns().get(c);
                String text = row.get(position[c]);
                long[] at = where.get(position[c]);
                locations.put(column.name(), at);
                String pointer = "/" + i + "/" + column.name();
                if (text.isEmpty()) {
                    if (column.required()) {
                        problems.add(kind, i, pointer, at[0], at[1], IoRule.MISSING_PROPERTY, "required column '"
                                + column.name() + "' is empty");
                        ok = false;
                    }
                    continue;
                }
                Object value = cell(column, text, mapping.typeName());
                if (value instanceof IoRule) {
                    IoRule rule = (IoRule) value;
                    problems.add(kind, i, pointer, at[0], at[1], rule, mapping.typeName() + "." + column.name()
                            + (rule == IoRule.UNKNOWN_CODE ? " is not a code of " + column.codeList().getSimpleName()
                            + " (value withheld); expected one of " + Values.codes(column.codeList())
                            : " is not an ISO-8601 calendar date yyyy-mm-dd (value withheld)"));
                    ok = false;
                } else {
                    values[c] = value;
                }
            }
            if (!ok) {
                problems.rejected(kind);
                continue;
            }
            Object record = mapping.factory().apply(values);
            long row0 = start[0];
            boolean valid = validation.check(record, kind, i, path -> {
                String column = mapping.pathToColumn().apply(path);
                long[] at = column == null ? null : locations.get(column);
                return new RecordValidation.Location(column == null ? "/" + i : "/" + i + "/" + column,
                        at == null ? row0 : at[0], at == null ? 1 : at[1]);
            }, problems);
            if (!valid) {
                problems.rejected(kind);
                continue;
            }
            if (!keys.add(mapping.uniqueKey().apply(record))) {
                long[] at = locations.get(mapping.uniqueColumn());
                problems.add(kind, i, "/" + i + "/" + mapping.uniqueColumn(), at[0], at[1], IoRule.DUPLICATE_ID,
                        mapping.uniqueColumn() + " occurs more than once in the file (value withheld)");
                problems.rejected(kind);
                continue;
            }
            problems.accepted(kind);
            try {
                sink.accept(record);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }
        return true;
    }

    private static Object cell(Column column, String text, String typeName) {
        switch (column.type()) {
            case CODE: {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Object constant = CodeList.fromCode((Class) column.codeList(), text).orElse(null);
                return constant == null ? IoRule.UNKNOWN_CODE : constant;
            }
            case DATE: {
                Object date = Values.date(text).orElse(null);
                return date == null ? IoRule.INVALID_DATE : date;
            }
            default:
                return text;
        }
    }

    /** The most cells of one row (the header included): the formats have a dozen columns. */
    public static final int MAX_CELLS = 1_000;

    private static List<String> cells(CsvParser parser, List<String> into) throws IOException {
        return cells(parser, into, new ArrayList<>());
    }

    private static List<String> cells(CsvParser parser, List<String> into, List<long[]> where) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (into.size() >= MAX_CELLS) {
                // One endless line of separators would otherwise fill the memory with empty cells (issue 13).
                throw new StreamConstraintsException("a row has more than " + MAX_CELLS + " cells");
            }
            JsonLocation at = parser.currentTokenLocation();
            into.add(SafeText.fromSpreadsheetCell(parser.getText()));
            where.add(new long[] {at.getLineNr(), at.getColumnNr()});
        }
        return into;
    }

    private static int indexOf(Mapping mapping, String name) {
        for (int i = 0; i < mapping.columns().size(); i++) {
            if (mapping.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(Mapping mapping) {
        List<String> names = new ArrayList<>();
        for (Column column : mapping.columns()) {
            names.add(column.name());
        }
        return String.join(", ", names);
    }

    /**
     * Writes a table: a header row and one row per list of cells.
     *
     * @param header    the column names
     * @param rows      the rows; each has as many cells as the header
     * @param out       the output; not closed
     * @param separator the column separator
     * @param bom       whether to start with a UTF-8 byte-order mark
     * @param cell      turns a value into a cell's text
     */
    public static void write(List<String> header, Iterable<? extends List<?>> rows, OutputStream out, char separator,
                             boolean bom, Function<Object, String> cell) {
        CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(separator).setUseHeader(true);
        for (String name : header) {
            schema.addColumn(name);
        }
        try {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try (CsvGenerator generator = Jackson.csvFactory().createGenerator(writer)) {
                generator.setSchema(schema.build());
                // Quote only cells that need it (separator, quote, line break, edge white space), so that
                // numbers and dates stay unquoted whatever the separator.
                generator.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
                long index = 0;
                for (List<?> row : rows) {
                    if (row.size() != header.size()) {
                        throw new ExchangeException(IoRule.CSV_ROW_LENGTH, "row " + index + " has " + row.size()
                                + " cells, the header " + header.size());
                    }
                    generator.writeStartArray();
                    for (Object value : row) {
                        generator.writeString(cell.apply(value));
                    }
                    generator.writeEndArray();
                    index++;
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "writing CSV failed: " + Values.reason(e), e);
        }
    }
}
