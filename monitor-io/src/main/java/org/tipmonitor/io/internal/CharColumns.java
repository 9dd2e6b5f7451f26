package org.tipmonitor.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The input of the JSON parser, which also counts the UTF-8 continuation bytes it passes, so that a column the
 * parser gives in bytes can be told in characters (issue 13: a line with multi-byte characters before a problem
 * gave column 233 where the character column is 214). A column counts Unicode characters (code points) from 1: the
 * byte column less the continuation bytes ({@code 10xxxxxx}) between the line's start and the position.
 *
 * <p>Memory is bounded whatever the file: the counts are kept for the last {@value #WINDOW} bytes and for the last
 * {@value #LINE_STARTS} line starts. The parser asks about a token it has just read, which lies within its buffer
 * of a few kilobytes behind what was passed; a line's start farther back than the window is found among the line
 * starts. Until the first continuation byte, nothing is recorded, and every column is the byte column: an ASCII
 * file costs one test per byte. Not thread-safe; one per read. Not part of the API.
 */
public final class CharColumns extends InputStream {

    /** The bytes behind the current position whose counts are kept. */
    static final int WINDOW = 1 << 16;
    /** The line starts whose counts are kept. */
    static final int LINE_STARTS = 1 << 14;
    private static final int MASK = WINDOW - 1;
    private static final int LINE_MASK = LINE_STARTS - 1;
    /** Eight bytes of an array as a long, for {@link #pass}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    /** Bytes passed. */
    private long position;
    /** Continuation bytes among them. */
    private long continuation;
    /** The position of the first continuation byte, or -1 before it. */
    private long first = -1;
    /** From {@link #first} on: {@code before[x & MASK]} = continuation bytes before position x. */
    private long[] before;
    /** From {@link #first} on: the positions after a line break, and the continuation bytes before them. */
    private long[] lineStarts;
    private long[] lineCounts;
    private long lines;
    private boolean afterBreak;

    /**
     * Wraps an input.
     *
     * @param in the input; not closed by {@link #close()}
     */
    public CharColumns(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            pass(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            pass(buffer, offset, n);
        }
        return n;
    }

    private void pass(byte[] buffer, int offset, int n) {
        int i = offset;
        int end = offset + n;
        if (first < 0) {
            // Eight ASCII bytes at a time, read as one long (issue 14: a test per byte was a twentieth of the
            // parsing thread's time under the client compiler; the long read, a fifth of eight tests), then byte by
            // byte up to the first continuation byte.
            int last = end - 8;
            while (i <= last && ((long) LONGS.get(buffer, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            while (i < end && (buffer[i] & 0xC0) != 0x80) {
                i++;
            }
            if (i == end) {
                position += n;
                afterBreak = n > 0 && (buffer[end - 1] == '\n' || buffer[end - 1] == '\r');
                return;
            }
            // The first continuation byte: the counts start here (all positions before it have none before them).
            position += i - offset;
            if (i > offset) {
                afterBreak = buffer[i - 1] == '\n' || buffer[i - 1] == '\r';
            }
            first = position;
            before = new long[WINDOW];
            lineStarts = new long[LINE_STARTS];
            lineCounts = new long[LINE_STARTS];
        }
        for (; i < end; i++) {
            byte b = buffer[i];
            if (afterBreak) {
                int slot = (int) (lines++ & LINE_MASK);
                lineStarts[slot] = position;
                lineCounts[slot] = continuation;
            }
            before[(int) (position & MASK)] = continuation;
            if ((b & 0xC0) == 0x80) {
                continuation++;
            }
            afterBreak = b == '\n' || b == '\r';
            position++;
        }
    }

    /**
     * The continuation bytes before a position, or -1 if that is no longer known.
     *
     * @param at the position, at most the bytes passed
     * @return the count, or -1
     */
    long before(long at) {
        if (first < 0 || at <= first) {
            return 0;
        }
        if (at == position) {
            return continuation;
        }
        if (at < position && at >= position - WINDOW) {
            return before[(int) (at & MASK)];
        }
        for (long k = lines - 1; k >= 0 && k >= lines - LINE_STARTS; k--) {
            int slot = (int) (k & LINE_MASK);
            if (lineStarts[slot] == at) {
                return lineCounts[slot];
            }
            if (lineStarts[slot] < at) {
                break;
            }
        }
        return -1;
    }

    /**
     * Whether a continuation byte has been passed: until then every column is its byte column.
     *
     * @return true after the first continuation byte
     */
    public boolean multiByte() {
        return first >= 0;
    }

    /**
     * The character column of a position the parser gives by its byte offset and byte column.
     *
     * @param byteOffset the byte offset of the position in the input, from 0
     * @param byteColumn the byte column, from 1
     * @return the column counted in characters, from 1; the byte column if the offset is unknown (negative) or
     *         the line's start is no longer known
     */
    public long column(long byteOffset, long byteColumn) {
        if (first < 0 || byteOffset < 0 || byteColumn < 1 || byteOffset > position) {
            return byteColumn;
        }
        long lineStart = byteOffset - byteColumn + 1;
        long atPosition = before(byteOffset);
        long atLineStart = before(lineStart);
        if (atPosition < 0 || atLineStart < 0) {
            return byteColumn;
        }
        return byteColumn - (atPosition - atLineStart);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }
}
