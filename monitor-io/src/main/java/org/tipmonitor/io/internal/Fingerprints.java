package org.tipmonitor.io.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fingerprints of one flat-memory read (issue 14): a 46-bit fingerprint of each key, drawn from the run's keyed
 * {@link SipHash}, and a record on disk of every key the read looked at with its fingerprint, so that after the read
 * {@link #collided()} tells exactly which fingerprints stood for two or more different keys. The reader then reads
 * the file again with those fingerprints' keys kept exactly ({@link #isExact}); a key whose fingerprint no two
 * different keys of the file share was told apart from every other key by its fingerprint alone.
 *
 * <p>The record of keys is split by fingerprint into {@value #PARTITIONS} files in a private temporary directory
 * (owner-only permissions, as {@link Files#createTempDirectory} makes them on POSIX systems), so that one
 * partition at a time is checked in memory; they hold the keys of the file being read (pseudonymised person keys
 * and record ids), and are deleted by {@link #close()}. Not thread-safe. Not part of the API.
 */
public final class Fingerprints implements Closeable {

    /** A temporary file of a flat-memory read could not be made, written or read. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(java.io.IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The bits of a fingerprint stored in a table slot: the other {@link #SEGMENT_BITS} choose its segment. */
    static final int STORED_BITS = 36;
    /** The bits of a fingerprint that choose the segment of a table. */
    static final int SEGMENT_BITS = 10;
    private static final int PARTITIONS = 64;
    private static final int BUFFER = 1 << 15;

    private final SipHash sip = SipHash.ofRunKey();
    private final long mask;
    private final Set<Long> exact;
    private final Path directory;
    private final OutputStream[] partitions = new OutputStream[PARTITIONS];
    private final byte[][] buffers = new byte[PARTITIONS][];
    private final int[] filled = new int[PARTITIONS];

    private Fingerprints(int bits, Set<Long> exact, Path directory) {
        this.mask = bits >= 64 ? -1L : (1L << bits) - 1;
        this.exact = exact;
        this.directory = directory;
    }

    /**
     * The fingerprints of one read.
     *
     * @param bits  how many bits of the keyed hash make a fingerprint: 64, or fewer in tests, to force collisions
     * @param exact the fingerprints whose keys are kept exactly (found to collide by an earlier read of the file)
     * @return the fingerprints, with their temporary directory made
     * @throws Failure if the temporary directory cannot be made
     */
    public static Fingerprints of(int bits, Set<Long> exact) {
        try {
            return new Fingerprints(bits, exact, Files.createTempDirectory("tipmonitor-keys-"));
        } catch (IOException e) {
            throw new Fingerprints.Failure(e);
        }
    }

    /**
     * The fingerprint of a key: the segment in the high {@link #SEGMENT_BITS} bits above the low
     * {@link #STORED_BITS} bits, which are never all zero.
     *
     * @param key the key
     * @return the fingerprint
     */
    long of(String key) {
        long h = sip.hashLatin1(latin1(key)) & mask;
        long stored = h & ((1L << STORED_BITS) - 1);
        long segment = (h >>> (64 - SEGMENT_BITS)) & ((1L << SEGMENT_BITS) - 1);
        return (segment << STORED_BITS) | (stored == 0 ? 1 : stored);
    }

    /** Text whose characters are all below 256, as it is; other text as its UTF-16 units, two characters each. */
    private static CharSequence latin1(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) > 0xFF) {
                StringBuilder units = new StringBuilder(key.length() * 2 + 1).append('\u00FF');
                for (int j = 0; j < key.length(); j++) {
                    units.append((char) (key.charAt(j) >>> 8)).append((char) (key.charAt(j) & 0xFF));
                }
                return units;
            }
        }
        return key;
    }

    /**
     * Whether the keys of a fingerprint are kept exactly.
     *
     * @param fingerprint the fingerprint
     * @return true if an earlier read found two different keys with it
     */
    boolean isExact(long fingerprint) {
        return exact.contains(fingerprint);
    }

    /**
     * Records that the read looked at a key.
     *
     * @param fingerprint its fingerprint
     * @param key         the key
     * @throws Failure if the temporary file cannot be written
     */
    void occurred(long fingerprint, String key) {
        int p = (int) (fingerprint >>> (STORED_BITS + SEGMENT_BITS - 6)) & (PARTITIONS - 1);
        boolean narrow = true;
        for (int i = 0; i < key.length() && narrow; i++) {
            narrow = key.charAt(i) <= 0xFF;
        }
        int length = key.length();
        int size = 8 + 4 + (narrow ? length : 2 * length);
        byte[] buffer = buffers[p];
        if (buffer == null) {
            buffer = buffers[p] = new byte[BUFFER];
        }
        if (filled[p] + size > buffer.length) {
            flush(p);
            if (size > buffer.length) {
                buffer = buffers[p] = new byte[size];
            }
        }
        int at = filled[p];
        for (int i = 7; i >= 0; i--) {
            buffer[at++] = (byte) (fingerprint >>> (8 * i));
        }
        int header = narrow ? length : -length - 1;
        for (int i = 3; i >= 0; i--) {
            buffer[at++] = (byte) (header >>> (8 * i));
        }
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (!narrow) {
                buffer[at++] = (byte) (c >>> 8);
            }
            buffer[at++] = (byte) c;
        }
        filled[p] = at;
    }

    private void flush(int p) {
        try {
            if (partitions[p] == null) {
                partitions[p] = Files.newOutputStream(directory.resolve("keys-" + p));
            }
            partitions[p].write(buffers[p], 0, filled[p]);
            filled[p] = 0;
        } catch (IOException e) {
            throw new Fingerprints.Failure(e);
        }
    }

    /**
     * The fingerprints that stood for two or more different keys in this read, partition by partition.
     *
     * @return the fingerprints, empty if every fingerprint named one key
     * @throws Failure if the temporary files cannot be read
     */
    public Set<Long> collided() {
        Set<Long> collided = new HashSet<>();
        try {
            for (int p = 0; p < PARTITIONS; p++) {
                if (buffers[p] == null) {
                    continue;
                }
                flush(p);
                partitions[p].close();
                partitions[p] = null;
                buffers[p] = null;
                Map<Long, String> first = new HashMap<>();
                Path file = directory.resolve("keys-" + p);
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                        1 << 16))) {
                    while (true) {
                        long fingerprint;
                        try {
                            fingerprint = in.readLong();
                        } catch (EOFException end) {
                            break;
                        }
                        String key = readKey(in);
                        String seen = first.putIfAbsent(fingerprint, key);
                        if (seen != null && !seen.equals(key)) {
                            collided.add(fingerprint);
                        }
                    }
                }
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new Fingerprints.Failure(e);
        }
        return collided;
    }

    private static String readKey(InputStream in) throws IOException {
        DataInputStream data = (DataInputStream) in;
        int header = data.readInt();
        boolean narrow = header >= 0;
        int length = narrow ? header : -header - 1;
        byte[] bytes = new byte[narrow ? length : 2 * length];
        data.readFully(bytes);
        if (narrow) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        // The units as they were, lone surrogates included (a decoder would replace them).
        char[] units = new char[length];
        for (int i = 0; i < length; i++) {
            units[i] = (char) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
        }
        return new String(units);
    }

    /**
     * A new temporary file in this read's directory, deleted by {@link #close()}.
     *
     * @param name the file's name
     * @return its path
     */
    Path file(String name) {
        return directory.resolve(name);
    }

    /** Deletes the temporary files and their directory. */
    @Override
    public void close() {
        for (int p = 0; p < PARTITIONS; p++) {
            if (partitions[p] != null) {
                try {
                    partitions[p].close();
                } catch (IOException e) {
                    // deleted below; nothing to keep
                }
                partitions[p] = null;
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new Fingerprints.Failure(e);
                }
            });
        } catch (IOException e) {
            throw new Fingerprints.Failure(e);
        }
    }
}
