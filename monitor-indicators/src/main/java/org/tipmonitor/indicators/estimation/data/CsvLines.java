package org.tipmonitor.indicators.estimation.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * What the two counts-CSV readers of this package ({@link CaptureHistories} and {@link CovariateTable}) share: the
 * Apache Commons CSV format (RFC 4180 quoting, surrounding spaces ignored, blank lines skipped), the line limit that
 * refuses a line longer than {@value #MAX_LINE_LENGTH} characters before the parser buffers it (issue 13: one
 * unbounded line must not exhaust the heap), and the line number of a record.
 */
final class CsvLines {

    /** Longest line of a counts CSV, in characters. */
    static final int MAX_LINE_LENGTH = 65_536;

    /** The format of both readers. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    private CsvLines() {
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
