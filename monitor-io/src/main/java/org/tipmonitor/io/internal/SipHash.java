package org.tipmonitor.io.internal;

import java.security.SecureRandom;

/**
 * SipHash-2-4, the keyed hash of J.-P. Aumasson and D. J. Bernstein, "SipHash: a fast short-input PRF" (INDOCRYPT
 * 2012), written from the paper's specification: a 128-bit key, two compression rounds per 8-byte block and four
 * finalisation rounds. With a secret key, an input cannot be built so that its strings collide in the hash (unlike
 * {@link String#hashCode()}, where {@code "Aa"} and {@code "BB"} collide and so do all strings built from them), so
 * a hash table keyed by it keeps its expected constant time on hostile input (issue 13). Not part of the API.
 */
public final class SipHash {

    /** The key of this run: drawn once from a {@link SecureRandom}, so that no file can be built against it. */
    private static final long[] RUN_KEY = runKey();

    private final long k0;
    private final long k1;

    private SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /**
     * The hash with this run's secret key.
     *
     * @return the hash
     */
    public static SipHash ofRunKey() {
        return new SipHash(RUN_KEY[0], RUN_KEY[1]);
    }

    /**
     * The hash with a given key (for tests against the paper's vectors).
     *
     * @param k0 the first 8 key bytes, little-endian
     * @param k1 the last 8 key bytes, little-endian
     * @return the hash
     */
    public static SipHash of(long k0, long k1) {
        return new SipHash(k0, k1);
    }

    private static long[] runKey() {
        SecureRandom random = new SecureRandom();
        return new long[] {random.nextLong(), random.nextLong()};
    }

    /**
     * SipHash-2-4 of the low bytes of a string's characters (for ASCII and Latin-1 text, its bytes).
     *
     * @param text the text; each character below 256
     * @return the 64-bit hash
     */
    public long hashLatin1(CharSequence text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return hash(bytes);
    }

    /**
     * SipHash-2-4 of bytes.
     *
     * @param bytes the message
     * @return the 64-bit hash
     */
    public long hash(byte[] bytes) {
        int length = bytes.length;
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int end = length - (length % 8);
        for (int i = 0; i < end; i += 8) {
            long m = 0;
            for (int j = 7; j >= 0; j--) {
                m = (m << 8) | (bytes[i + j] & 0xffL);
            }
            v3 ^= m;
            for (int r = 0; r < 2; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        long last = ((long) length & 0xff) << 56;
        for (int j = length - 1; j >= end; j--) {
            last |= (bytes[j] & 0xffL) << (8 * (j - end));
        }
        v3 ^= last;
        for (int r = 0; r < 2; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= last;
        v2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }
}
