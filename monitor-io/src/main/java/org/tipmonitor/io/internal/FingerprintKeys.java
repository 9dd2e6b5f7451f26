package org.tipmonitor.io.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A set of keys held as {@link Fingerprints} (issue 14, flat memory): each key is one {@code long} in an
 * open-addressing table, its fingerprint's {@value Fingerprints#STORED_BITS} stored bits above a 28-bit value: 8
 * bytes a slot, tables 37.5 to 75 % full, so 11 to 21 bytes a key whatever its length (a {@link KeySet} takes its
 * length plus about 24 to 48). The table is split into 2<sup>{@value Fingerprints#SEGMENT_BITS}</sup> segments,
 * chosen by the fingerprint's other bits, that grow one at a time, so that growing never holds an old and a doubled
 * copy of the whole table.
 *
 * <p>Two different keys with one fingerprint are taken for one key here; the reader finds out after the read, from
 * {@link Fingerprints#collided()}, and reads the file again with the keys of those fingerprints kept exactly, in an
 * ordinary map ({@link Fingerprints#isExact}). Every key looked at is recorded with {@link Fingerprints#occurred}.
 *
 * <p>Values are those the reader keeps: {@link Integer#MIN_VALUE}, {@link Integer#MAX_VALUE}, or within
 * &plusmn;2<sup>27</sup> - 2 (epoch days of four-digit years, and a registration's report day &times; 16 plus its
 * flags). Not thread-safe. Not part of the API.
 */
public final class FingerprintKeys implements Keys {

    private static final int VALUE_BITS = 28;
    private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;
    private static final long OFFSET = 1L << (VALUE_BITS - 1);
    private static final int FIRST_CAPACITY = 16;
    private static final long STORED_MASK = (1L << Fingerprints.STORED_BITS) - 1;

    private final Fingerprints fingerprints;
    private final long[][] segments = new long[1 << Fingerprints.SEGMENT_BITS][];
    private final int[] sizes = new int[1 << Fingerprints.SEGMENT_BITS];
    private final Map<String, Integer> exact = new HashMap<>();
    private long size;
    private int lastSegment = -1;
    private int lastSlot = -1;
    private String lastExact;

    /**
     * An empty set.
     *
     * @param fingerprints the fingerprints of the read
     */
    public FingerprintKeys(Fingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    @Override
    public boolean add(String key, int value) {
        long fingerprint = fingerprints.of(key);
        fingerprints.occurred(fingerprint, key);
        if (fingerprints.isExact(fingerprint)) {
            lastSegment = -1;
            lastExact = key;
            boolean added = exact.putIfAbsent(key, value) == null;
            size += added ? 1 : 0;
            return added;
        }
        lastExact = null;
        int segment = (int) (fingerprint >>> Fingerprints.STORED_BITS);
        long stored = fingerprint & STORED_MASK;
        long[] slots = segments[segment];
        if (slots == null) {
            slots = segments[segment] = new long[FIRST_CAPACITY];
        }
        int mask = slots.length - 1;
        for (int i = home(stored, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                slots[i] = (stored << VALUE_BITS) | code(value);
                lastSegment = segment;
                lastSlot = i;
                size++;
                if (++sizes[segment] * 4L > slots.length * 3L) {
                    grow(segment);
                }
                return true;
            }
            if (slot >>> VALUE_BITS == stored) {
                lastSegment = segment;
                lastSlot = i;
                return false;
            }
        }
    }

    @Override
    public boolean contains(String key) {
        long fingerprint = fingerprints.of(key);
        fingerprints.occurred(fingerprint, key);
        if (fingerprints.isExact(fingerprint)) {
            return exact.containsKey(key);
        }
        long[] slots = segments[(int) (fingerprint >>> Fingerprints.STORED_BITS)];
        return slots != null && find(slots, fingerprint & STORED_MASK) >= 0;
    }

    @Override
    public int value(String key, int absent) {
        long fingerprint = fingerprints.of(key);
        fingerprints.occurred(fingerprint, key);
        if (fingerprints.isExact(fingerprint)) {
            Integer value = exact.get(key);
            return value == null ? absent : value;
        }
        long[] slots = segments[(int) (fingerprint >>> Fingerprints.STORED_BITS)];
        int i = slots == null ? -1 : find(slots, fingerprint & STORED_MASK);
        return i < 0 ? absent : decode(slots[i] & VALUE_MASK);
    }

    @Override
    public void setLast(int value) {
        if (lastExact != null) {
            exact.put(lastExact, value);
        } else if (lastSegment >= 0) {
            long[] slots = segments[lastSegment];
            slots[lastSlot] = (slots[lastSlot] & ~VALUE_MASK) | code(value);
        } else {
            throw new IllegalStateException("no value to set");
        }
    }

    @Override
    public void set(String key, int value) {
        long fingerprint = fingerprints.of(key);
        fingerprints.occurred(fingerprint, key);
        if (fingerprints.isExact(fingerprint)) {
            if (exact.replace(key, value) == null) {
                throw new IllegalStateException("not in the set");
            }
            return;
        }
        long[] slots = segments[(int) (fingerprint >>> Fingerprints.STORED_BITS)];
        int i = slots == null ? -1 : find(slots, fingerprint & STORED_MASK);
        if (i < 0) {
            throw new IllegalStateException("not in the set");
        }
        slots[i] = (slots[i] & ~VALUE_MASK) | code(value);
    }

    @Override
    public long size() {
        return size;
    }

    private static int find(long[] slots, long stored) {
        int mask = slots.length - 1;
        for (int i = home(stored, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (slot >>> VALUE_BITS == stored) {
                return i;
            }
        }
    }

    /** The first slot to probe: the stored bits mixed (Fibonacci hashing), so that any of them spread the keys. */
    private static int home(long stored, int mask) {
        return (int) ((stored * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    private void grow(int segment) {
        long[] old = segments[segment];
        long[] slots = new long[old.length * 2];
        int mask = slots.length - 1;
        int newLast = -1;
        for (int j = 0; j < old.length; j++) {
            if (old[j] != 0) {
                int i = home(old[j] >>> VALUE_BITS, mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = old[j];
                if (segment == lastSegment && j == lastSlot) {
                    newLast = i;
                }
            }
        }
        segments[segment] = slots;
        if (segment == lastSegment) {
            lastSlot = newLast;
        }
    }

    /** A value as the low bits of a slot. */
    static long code(int value) {
        if (value == Integer.MIN_VALUE) {
            return 0;
        }
        if (value == Integer.MAX_VALUE) {
            return 1;
        }
        long code = value + OFFSET;
        if (code < 2 || code > VALUE_MASK) {
            throw new IllegalArgumentException("value out of the table's range: " + value);
        }
        return code;
    }

    /** The value of a slot's low bits. */
    static int decode(long code) {
        return code == 0 ? Integer.MIN_VALUE : code == 1 ? Integer.MAX_VALUE : (int) (code - OFFSET);
    }
}
