package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.Bytes;

/**
 * The word-at-a-time byte tests of the parsing thread (issue 14, item 2) say what a byte-by-byte loop says: for
 * every single byte value at every position of a word of plain bytes, and for seeded words whose bytes are drawn
 * mostly from the values around the special ones (the quote, the backslash, 0x1F and 0x20, 0x7F and 0x80, 0x00 and
 * 0xFF), where a borrow between bytes would show.
 */
class BytesTest {

    private static final int[] EDGES = {0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x81,
        0xC3, 0xFE, 0xFF, 'a', '0'};

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(6);
    }

    /** A byte of a plain JSON string, as the byte-by-byte loop of {@code LocatingParser.plainStringEnd} tests it. */
    private static boolean plainByte(int b) {
        byte signed = (byte) b;
        return signed >= 0x20 && signed != '"' && signed != '\\';
    }

    @Test
    void everyByteValueAtEveryPosition() {
        for (int position = 0; position < 8; position++) {
            for (int value = 0; value < 256; value++) {
                byte[] bytes = "abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                bytes[1 + position] = (byte) value;
                long word = Bytes.word(bytes, 1);
                assertEquals(plainByte(value), Bytes.plain(word), "byte " + value + " at " + position);
                assertEquals(value < 0x80, Bytes.ascii(word), "byte " + value + " at " + position);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seededWordsNearTheSpecialBytes(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[16];
        int special = 0;
        for (int n = 0; n < 200_000; n++) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : EDGES[random.nextInt(EDGES.length)]);
            }
            int at = random.nextInt(9);
            boolean plain = true;
            boolean ascii = true;
            for (int i = at; i < at + 8; i++) {
                plain &= plainByte(bytes[i] & 0xFF);
                ascii &= bytes[i] >= 0;
            }
            long word = Bytes.word(bytes, at);
            assertEquals(plain, Bytes.plain(word), () -> Arrays.toString(bytes) + " at " + at);
            assertEquals(ascii, Bytes.ascii(word), () -> Arrays.toString(bytes) + " at " + at);
            special += plain ? 0 : 1;
        }
        assertTrue(special > 1000, "words with a special byte: " + special);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void equalRunsAsArraysEquals(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 50_000; n++) {
            int length = random.nextInt(40);
            byte[] a = new byte[length + random.nextInt(8)];
            byte[] b = new byte[length + random.nextInt(8)];
            random.nextBytes(a);
            random.nextBytes(b);
            int from = random.nextInt(a.length - length + 1);
            int offset = random.nextInt(b.length - length + 1);
            if (random.nextBoolean()) {
                System.arraycopy(a, from, b, offset, length);
                if (length > 0 && random.nextBoolean()) {
                    b[offset + random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            assertEquals(Arrays.equals(a, from, from + length, b, offset, offset + length),
                    Bytes.equal(a, from, b, offset, length), "length " + length);
        }
    }
}
