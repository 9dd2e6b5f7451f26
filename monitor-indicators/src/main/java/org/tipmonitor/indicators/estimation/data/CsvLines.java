package org.tipmonitor.indicators.estimation.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * What the two counts-CSV readers and writers of this package ({@link CaptureHistories} and {@link CovariateTable}) share: the
 * Apache Commons CSV format (RFC 4180 quoting, surrounding spaces ignored, blank lines skipped), the line limit that
 * refuses a line longer than {@value #MAX_LINE_LENGTH} characters before the parser buffers it (issue 13: one
 * unbounded line must not exhaust the heap), and the line number of a record.
 */
final class CsvLines {

    /** Longest line of a counts CSV, in characters. */
    static final int MAX_LINE_LENGTH = 65_536;

    /** The format of both readers. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    /** The format of both writers: RFC 4180 quoting where needed, lines ended by {@code \n} as R writes them. */
    static final CSVFormat WRITE_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    /** First characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection rule). */
    private static final String FORMULA_PREFIXES = "=+-@\t\r";

    private CsvLines() {
    }

    /**
     * Reads a UTF-8 file with a reader's parser; the file is closed afterwards.
     *
     * @param file  the file
     * @param parse the parser of the reader
     * @param <T>   what the parser returns
     * @return what the parser returned
     * @throws UncheckedIOException if the file cannot be opened or closed (the message names the file's name only)
     */
    static <T> T read(Path file, Function<Reader, T> parse) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    /**
     * Writes a UTF-8 file (created or replaced) with a writer; the file is closed afterwards.
     *
     * @param file  the file
     * @param write what writes to it
     * @throws UncheckedIOException if the file cannot be written (the message names the file's name only)
     */
    static void write(Path file, Consumer<Writer> write) {
        Objects.requireNonNull(file, "file");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write.accept(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    /**
     * The line of the record the parser returned last: the parser's line number is that of the record's end, and
     * records never span lines unless a quoted field holds a line break.
     *
     * @param parser the parser
     * @return the 1-based line
     */
    static long lineOf(CSVParser parser) {
        return Math.max(1, parser.getCurrentLineNumber());
    }

    /**
     * The coded error for a failed read: the line limit's, with the line and the limit, or the reader's, with the
     * exception's type only (its message may quote the input).
     *
     * @param e          what the reader threw
     * @param tooLong    the reader's line-limit rule (template: line, limit)
     * @param readFailed the reader's read-failure rule (template: exception type)
     * @return the exception to throw
     */
    static IndicatorException failure(IOException e, IndicatorRule tooLong, IndicatorRule readFailed) {
        if (e instanceof LineTooLong l) {
            return IndicatorException.of(tooLong, l.line, MAX_LINE_LENGTH);
        }
        return IndicatorException.of(readFailed, e.getClass().getSimpleName());
    }

    /**
     * The values with an apostrophe before each that a spreadsheet would read as a formula (a first character of
     * {@code = + - @}, tab or carriage return), integers excepted; {@link #restored} removes it again.
     *
     * @param row the values
     * @return the values to write
     */
    static List<String> neutralised(List<String> row) {
        List<String> out = new ArrayList<>(row.size());
        for (String v : row) {
            boolean formula = !v.isEmpty() && FORMULA_PREFIXES.indexOf(v.charAt(0)) >= 0;
            boolean number = v.matches("-?[0-9]+");
            out.add(formula && !number ? "'" + v : v);
        }
        return out;
    }

    /**
     * A value read back: the apostrophe {@link #neutralised} put before a formula character removed.
     *
     * @param value the value as read
     * @return the value as written
     */
    static String restored(String value) {
        return value.length() >= 2 && value.charAt(0) == '\'' && FORMULA_PREFIXES.indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    /**
     * The reader without the byte-order mark that spreadsheet programs write as the first character, if present.
     *
     * @param reader the reader
     * @return a reader of the same text without a leading U+FEFF
     * @throws IOException if the first read fails
     */
    static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int c = in.read();
        if (c >= 0 && c != '\uFEFF') {
            in.unread(c);
        }
        return in;
    }

    /** Refuses lines longer than {@link #MAX_LINE_LENGTH} characters; counts lines from 1. */
    static final class LineLimit extends FilterReader {

        private int column;
        private long line = 1;

        LineLimit(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                count(buf[off + i]);
            }
            return n;
        }

        private void count(char c) throws LineTooLong {
            if (c == '\n') {
                column = 0;
                line++;
            } else if (++column > MAX_LINE_LENGTH) {
                throw new LineTooLong(line);
            }
        }
    }

    /** The line limit was exceeded on {@link #line}. */
    static final class LineTooLong extends IOException {

        private static final long serialVersionUID = 1L;
        final transient long line;

        LineTooLong(long line) {
            super("line too long");
            this.line = line;
        }
    }
}
