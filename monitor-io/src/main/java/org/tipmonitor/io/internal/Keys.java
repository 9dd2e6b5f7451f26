package org.tipmonitor.io.internal;

/**
 * A set of strings, each with an {@code int} value, as the reader's file-level checks use it (unique ids and keys,
 * references to persons and registrations, birth days): exact in {@link KeySet}, by fingerprint in
 * {@link FingerprintKeys}. Not thread-safe. Not part of the API.
 */
public interface Keys {

    /**
     * Adds a key with a value. A key that is already in the set keeps its first value.
     *
     * @param key   the key
     * @param value the value, kept only by a set with values
     * @return true if it was not in the set
     */
    boolean add(String key, int value);

    /**
     * Adds a key; in a set with values, its value is 0.
     *
     * @param key the key
     * @return true if it was not in the set
     */
    default boolean add(String key) {
        return add(key, 0);
    }

    /**
     * Whether a key is in the set.
     *
     * @param key the key
     * @return true if added before
     */
    boolean contains(String key);

    /**
     * The value kept with a key.
     *
     * @param key    the key
     * @param absent what to return if the key is not in the set
     * @return the value added with the key (0 in a set without values), or {@code absent}
     */
    int value(String key, int absent);

    /**
     * Sets the value of the key passed to the last {@link #add}, without finding it again.
     *
     * @param value the value
     * @throws IllegalStateException in a set without values, or before the first add
     */
    void setLast(int value);

    /**
     * Sets the value of a key in the set.
     *
     * @param key   the key, added before
     * @param value the value
     * @throws IllegalStateException in a set without values, or if the key is not in the set
     */
    void set(String key, int value);

    /**
     * The number of keys.
     *
     * @return the size
     */
    long size();
}
