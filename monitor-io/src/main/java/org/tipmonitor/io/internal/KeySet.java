package org.tipmonitor.io.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact, compact set of short ASCII strings (person keys and record ids, which validation has already
 * restricted to at most 64 characters of {@code [A-Za-z0-9_.-]}): the characters are stored one byte each in 1 MiB
 * chunks and found through an open-addressing table of offsets and hash codes. About {@code length + 24} bytes per
 * key, against about 90 for a {@code HashSet<String>}. Other strings (longer, or not ASCII) go to an ordinary hash
 * map.
 *
 * <p>Keys are hashed with {@link SipHash} under a secret key drawn once per run, not with
 * {@link String#hashCode()}: valid person keys built from the blocks {@code "Aa"} and {@code "BB"} all share one
 * {@code String.hashCode}, and a file of them made every lookup a walk through all the keys before (issue 13:
 * 65,536 such victims took 30.8 s of CPU to validate against 6.4 s for random keys).
 *
 * <p>A set made {@link #withValues()} also keeps one {@code int} per key (the reader keeps a person's earliest
 * possible birth day as an epoch day), in a table parallel to the offsets: 4 bytes per slot, 8 to 16 per key.
 * Not thread-safe. Not part of the API.
 */
public final class KeySet implements Keys {

    private static final int CHUNK = 1 << 20;
    private static final int MAX_LENGTH = 127;

    private final List<byte[]> chunks = new ArrayList<>();
    private int used = CHUNK;
    private long[] slots = new long[1024];
    private int[] hashes = new int[1024];
    private int[] values;
    private int size;
    /** The slot of the key added last, or -1 if it went to {@link #others} ({@link #lastOther}). */
    private int lastSlot = -1;
    private String lastOther;
    private final Map<String, Integer> others = new HashMap<>();
    private final SipHash sip = SipHash.ofRunKey();

    /** A set of keys without values. */
    public KeySet() {
    }

    private KeySet(boolean withValues) {
        values = withValues ? new int[slots.length] : null;
    }

    /**
     * A set that keeps an {@code int} with each key.
     *
     * @return the empty set
     */
    public static KeySet withValues() {
        return new KeySet(true);
    }

    /**
     * Adds a key; in a set with values, its value is 0.
     *
     * @param key the key
     * @return true if it was not in the set
     */
    @Override
    public boolean add(String key) {
        return add(key, 0);
    }

    /**
     * Adds a key with a value. A key that is already in the set keeps its first value.
     *
     * @param key   the key
     * @param value the value, kept only by a set {@link #withValues()}
     * @return true if it was not in the set
     */
    @Override
    public boolean add(String key, int value) {
        byte[] bytes = compact(key);
        if (bytes == null) {
            lastSlot = -1;
            lastOther = key;
            return others.putIfAbsent(key, value) == null;
        }
        lastOther = null;
        int hash = hash(bytes);
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                slots[i] = store(bytes);
                hashes[i] = hash;
                if (values != null) {
                    values[i] = value;
                }
                lastSlot = i;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            if (hashes[i] == hash && matches(slot, bytes)) {
                lastSlot = i;
                return false;
            }
        }
    }

    /**
     * Whether a key is in the set.
     *
     * @param key the key
     * @return true if added before
     */
    @Override
    public boolean contains(String key) {
        byte[] bytes = compact(key);
        if (bytes == null) {
            return others.containsKey(key);
        }
        return find(bytes) >= 0;
    }

    /**
     * The value kept with a key.
     *
     * @param key    the key
     * @param absent what to return if the key is not in the set
     * @return the value added with the key (0 in a set without values), or {@code absent}
     */
    @Override
    public int value(String key, int absent) {
        byte[] bytes = compact(key);
        if (bytes == null) {
            Integer value = others.get(key);
            return value == null ? absent : values == null ? 0 : value;
        }
        int i = find(bytes);
        return i < 0 ? absent : values == null ? 0 : values[i];
    }

    /**
     * Sets the value of the key passed to the last {@link #add}, without finding it again (the reader adds a
     * record's id when it reads the record and sets its value when it accepts it).
     *
     * @param value the value
     * @throws IllegalStateException in a set without values, or before the first add
     */
    @Override
    public void setLast(int value) {
        if (values == null || lastSlot < 0 && lastOther == null) {
            throw new IllegalStateException("no value to set");
        }
        if (lastOther != null) {
            others.put(lastOther, value);
        } else {
            values[lastSlot] = value;
        }
    }

    /**
     * Sets the value of a key in the set.
     *
     * @param key   the key, added before
     * @param value the value
     * @throws IllegalStateException in a set without values, or if the key is not in the set
     */
    @Override
    public void set(String key, int value) {
        if (values == null) {
            throw new IllegalStateException("no values");
        }
        byte[] bytes = compact(key);
        if (bytes == null) {
            if (others.replace(key, value) == null) {
                throw new IllegalStateException("not in the set");
            }
            return;
        }
        int i = find(bytes);
        if (i < 0) {
            throw new IllegalStateException("not in the set");
        }
        values[i] = value;
    }

    /** The slot of a compact key, or -1. */
    private int find(byte[] key) {
        int hash = hash(key);
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (hashes[i] == hash && matches(slot, key)) {
                return i;
            }
        }
    }

    /**
     * The number of keys.
     *
     * @return the size
     */
    @Override
    public long size() {
        return size + (long) others.size();
    }

    /**
     * The bytes of a key that is kept compact (ASCII, 1 to {@value #MAX_LENGTH} characters), or null. The key's
     * characters are copied once, as Latin-1 (for the JDK's compact strings, a copy of the string's own bytes), and
     * hashed, stored and compared as bytes (issue 14: a character at a time through {@code String.charAt}, four
     * times a key, was half of the checking thread's time under the client compiler). Latin-1 encoding turns a
     * character above U+00FF into '?', so a '?' is confirmed against the key.
     */
    private static byte[] compact(String key) {
        int length = key.length();
        if (length == 0 || length > MAX_LENGTH) {
            return null;
        }
        byte[] bytes = key.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b < 0 || b == '?' && key.charAt(i) != '?') {
                return null;
            }
        }
        return bytes;
    }

    /** Stores the characters; the slot is (offset + 1) shifted left by 7, or'ed with the length. */
    private long store(byte[] key) {
        int length = key.length;
        if (used + length > CHUNK) {
            chunks.add(new byte[CHUNK]);
            used = 0;
        }
        byte[] chunk = chunks.get(chunks.size() - 1);
        System.arraycopy(key, 0, chunk, used, length);
        long offset = (long) (chunks.size() - 1) * CHUNK + used;
        used += length;
        return ((offset + 1) << 7) | length;
    }

    private boolean matches(long slot, byte[] key) {
        int length = (int) (slot & MAX_LENGTH);
        if (length != key.length) {
            return false;
        }
        long offset = (slot >>> 7) - 1;
        byte[] chunk = chunks.get((int) (offset / CHUNK));
        int start = (int) (offset % CHUNK);
        for (int i = 0; i < length; i++) {
            if (chunk[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        slots = new long[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        values = oldValues == null ? null : new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        int newLast = -1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = oldHashes[j] & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                hashes[i] = oldHashes[j];
                if (j == lastSlot) {
                    newLast = i;
                }
                if (oldValues != null) {
                    values[i] = oldValues[j];
                }
            }
        }
        lastSlot = newLast;
    }

    /** The keyed hash of a compact (ASCII) key, folded to 32 bits. */
    private int hash(byte[] key) {
        long h = sip.hash(key);
        return (int) (h ^ (h >>> 32));
    }
}
