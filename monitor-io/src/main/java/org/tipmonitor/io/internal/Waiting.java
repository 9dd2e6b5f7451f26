package org.tipmonitor.io.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records that wait for the end of the file (police reports, residence-stage histories), handed back in the order
 * they were added: in memory, or, in a flat-memory read (issue 14), in a temporary file written with a codec, so
 * that a file of millions of them needs no heap for them. Not thread-safe. Not part of the API.
 *
 * @param <T> what waits
 */
abstract class Waiting<T> {

    /** How a waiting item is written to and read from a temporary file. */
    interface Codec<T> {
        void write(DataOutput out, T item) throws IOException;

        T read(DataInput in) throws IOException;
    }

    /**
     * Adds an item.
     *
     * @param item the item
     */
    abstract void add(T item);

    /**
     * Hands every item to an action, in the order added, and forgets them.
     *
     * @param action the action
     */
    abstract void drain(Consumer<T> action);

    /**
     * Items in memory.
     *
     * @param <T> what waits
     * @return the empty list
     */
    static <T> Waiting<T> inMemory() {
        return new Waiting<>() {
            private final List<T> items = new ArrayList<>();

            @Override
            void add(T item) {
                items.add(item);
            }

            @Override
            void drain(Consumer<T> action) {
                for (T item : items) {
                    action.accept(item);
                }
                items.clear();
            }
        };
    }

    /**
     * Items in a temporary file.
     *
     * @param file  the file, made on the first add
     * @param codec how to write and read an item
     * @param <T>   what waits
     * @return the empty list
     */
    static <T> Waiting<T> onDisk(Path file, Codec<T> codec) {
        return new Waiting<>() {
            private DataOutputStream out;
            private long count;

            @Override
            void add(T item) {
                try {
                    if (out == null) {
                        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                    }
                    codec.write(out, item);
                    count++;
                } catch (IOException e) {
                    throw new Fingerprints.Failure(e);
                }
            }

            @Override
            void drain(Consumer<T> action) {
                if (out == null) {
                    return;
                }
                try {
                    out.close();
                    out = null;
                    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                            1 << 16))) {
                        for (long i = 0; i < count; i++) {
                            action.accept(codec.read(in));
                        }
                    }
                    count = 0;
                    Files.delete(file);
                } catch (IOException e) {
                    throw new Fingerprints.Failure(e);
                }
            }
        };
    }
}
