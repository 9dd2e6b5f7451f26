package org.tipmonitor.io.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of the parser's input at a time, for the loops of the parsing thread (issue 14, item 2). The command
 * line runs the validation with the client compiler only, which neither vectorises a byte loop nor makes
 * {@link java.util.Arrays#equals(byte[], int, int, byte[], int, int)} an intrinsic; reading a {@code long} through a
 * byte-array view and testing its eight bytes with word arithmetic costs about what one byte test costs.
 *
 * <p>The tests are the "has a zero byte" and "has a byte less than n" word tricks (S. E. Anderson, <i>Bit Twiddling
 * Hacks</i>, Stanford University, "Determine if a word has a zero byte" and "Determine if a word has a byte less
 * than n"): for a word {@code v}, {@code (v - 0x0101...01) & ~v & 0x8080...80} is not zero exactly when a byte of
 * {@code v} is zero, and {@code (v - n * 0x0101...01) & ~v & 0x8080...80} exactly when a byte is less than
 * {@code n} (for {@code n <= 128}). Written here because the JDK offers no word-at-a-time byte scan before the
 * incubating Vector API, and no library's would be inlined by the client compiler. Not part of the API.
 */
public final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private Bytes() {
    }

    /**
     * Eight bytes as a little-endian {@code long}: the byte at {@code at} in the low eight bits.
     *
     * @param bytes the bytes
     * @param at    the first, at most {@code bytes.length - 8}
     * @return the word
     */
    public static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * Whether all eight bytes of a word are ASCII (below 0x80).
     *
     * @param word the word
     * @return true if none has its high bit set
     */
    public static boolean ascii(long word) {
        return (word & HIGHS) == 0;
    }

    /**
     * Whether all eight bytes of a word are characters of a plain JSON string, which end neither the string nor
     * its plain run: none is a quote, a backslash, a control character (below 0x20) or part of a multi-byte
     * character (0x80 and above).
     *
     * @param word the word
     * @return true if all eight are plain
     */
    public static boolean plain(long word) {
        long quotes = word ^ QUOTES;
        long backslashes = word ^ BACKSLASHES;
        long special = ((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes)
                | ((word - SPACES) & ~word) | word;
        return (special & HIGHS) == 0;
    }

    /**
     * Whether two runs of bytes are equal.
     *
     * @param a      the first run's array
     * @param from   the first run's start
     * @param b      the second run's array
     * @param offset the second run's start
     * @param length the runs' length; both lie within their arrays
     * @return true if equal
     */
    public static boolean equal(byte[] a, int from, byte[] b, int offset, int length) {
        int i = 0;
        for (int last = length - 8; i <= last; i += 8) {
            if (word(a, from + i) != word(b, offset + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (a[from + i] != b[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
