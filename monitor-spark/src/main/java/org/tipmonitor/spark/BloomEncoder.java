package org.tipmonitor.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.udf;

/**
 * Bloom-filter encodings of quasi-identifiers for privacy-preserving probabilistic linkage (Schnell, Bachteler &amp;
 * Reiher 2009, "Privacy-preserving record linkage using Bloom filters", <i>BMC Medical Informatics and Decision
 * Making</i> 9:41): where no common key exists, two organisations encode names, birth dates and the like into bit
 * arrays under a shared secret key, and the linking party compares the arrays without seeing the values.
 *
 * <p><b>Encoding.</b> Each field is normalised (Unicode NFKD without combining marks, lower case, runs of anything
 * but letters and digits to one space, trimmed), padded with a space on both sides and split into its bigrams;
 * each bigram, prefixed by the field's position so that equal text in different fields differs, sets k bits of one
 * filter of l bits by double hashing, h<sub>i</sub> = (h<sub>1</sub> + i&middot;h<sub>2</sub>) mod l for
 * i = 0 &hellip; k&minus;1, as in the paper, with h<sub>1</sub> and h<sub>2</sub> the two halves of an HMAC-SHA256
 * of the bigram under the secret key (the paper uses HMAC-SHA1 and HMAC-MD5). All fields go into one filter (a
 * record-level encoding). An empty field sets no bit.
 *
 * <p><b>Similarity.</b> The Dice coefficient of two filters A and B, 2|A &cap; B| / (|A| + |B|), in [0, 1] (0 when
 * both are empty); records above a threshold are taken as links. The defaults l = 1000 and k = 20 are this
 * library's choice; precision and recall on generated data are in {@code BloomEncoderTest}.
 *
 * <p>What a Bloom filter does not hide: frequent bigrams set frequent bits, so filters of few fields can be
 * attacked by frequency analysis (Kuzu et al. 2011); keep the key secret and encode several fields together.
 * Immutable and thread-safe; the key is copied in and never shown.
 */
public final class BloomEncoder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default filter length l in bits. */
    public static final int DEFAULT_BITS = 1000;
    /** The default number of hash functions k per bigram. */
    public static final int DEFAULT_HASHES = 20;

    private final byte[] key;
    private final int bits;
    private final int hashes;

    private BloomEncoder(byte[] key, int bits, int hashes) {
        this.key = key;
        this.bits = bits;
        this.hashes = hashes;
    }

    /**
     * An encoder with a secret key, l = {@value #DEFAULT_BITS} and k = {@value #DEFAULT_HASHES}.
     *
     * @param secretKey at least 32 bytes, not all equal; copied
     * @return the encoder
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if the key is shorter or constant
     */
    public static BloomEncoder withKey(byte[] secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        boolean constant = true;
        for (byte b : secretKey) {
            constant &= b == secretKey[0];
        }
        if (secretKey.length < 32 || constant) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT,
                    "a Bloom-filter key needs at least 32 random bytes (got " + secretKey.length + ")");
        }
        return new BloomEncoder(secretKey.clone(), DEFAULT_BITS, DEFAULT_HASHES);
    }

    /**
     * A copy with another filter length and number of hash functions.
     *
     * @param newBits   l, 64 to 65,536
     * @param newHashes k, 1 to 100
     * @return the copy
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if either is outside its range
     */
    public BloomEncoder withSize(int newBits, int newHashes) {
        if (newBits < 64 || newBits > 65_536 || newHashes < 1 || newHashes > 100) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT,
                    "Bloom filter needs 64 to 65536 bits and 1 to 100 hashes: " + newBits + ", " + newHashes);
        }
        return new BloomEncoder(key, newBits, newHashes);
    }

    /**
     * Encodes the fields of one record.
     *
     * @param fields the quasi-identifiers in a fixed order (null or blank: no bit)
     * @return the filter
     */
    public BitSet encode(List<String> fields) {
        BitSet filter = new BitSet(bits);
        Mac mac = mac();
        for (int f = 0; f < fields.size(); f++) {
            String value = normalise(fields.get(f));
            if (value.isEmpty()) {
                continue;
            }
            String padded = " " + value + " ";
            for (int i = 0; i + 1 < padded.length(); i++) {
                byte[] h = mac.doFinal((f + ":" + padded.substring(i, i + 2)).getBytes(StandardCharsets.UTF_8));
                ByteBuffer buffer = ByteBuffer.wrap(h);
                long h1 = buffer.getLong();
                long h2 = buffer.getLong();
                for (int j = 0; j < hashes; j++) {
                    filter.set((int) Math.floorMod(h1 + j * h2, (long) bits));
                }
            }
        }
        return filter;
    }

    /**
     * The Dice coefficient 2|A &cap; B| / (|A| + |B|).
     *
     * @param a a filter
     * @param b another filter
     * @return the coefficient in [0, 1]; 0 when both are empty
     */
    public static double dice(BitSet a, BitSet b) {
        int total = a.cardinality() + b.cardinality();
        if (total == 0) {
            return 0;
        }
        BitSet common = (BitSet) a.clone();
        common.and(b);
        return 2.0 * common.cardinality() / total;
    }

    /**
     * The encoding as a Spark column of bytes (the filter's {@link BitSet#toByteArray()}).
     *
     * @param fields the quasi-identifier columns (strings), in a fixed order
     * @return the binary column
     */
    public Column encode(Column... fields) {
        BloomEncoder encoder = this;
        UDF1<scala.collection.Seq<String>, byte[]> function = values -> encoder.encode(
                scala.jdk.javaapi.CollectionConverters.asJava(values)).toByteArray();
        return udf(function, DataTypes.BinaryType).apply(array(fields));
    }

    /**
     * The Dice coefficient of two binary filter columns made by {@link #encode(Column...)}.
     *
     * @param a a filter column
     * @param b another filter column
     * @return the coefficient column
     */
    public static Column dice(Column a, Column b) {
        UDF2<byte[], byte[], Double> function = (x, y) -> dice(BitSet.valueOf(x), BitSet.valueOf(y));
        return udf(function, DataTypes.DoubleType).apply(a, b);
    }

    static String normalise(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "HMAC-SHA256 is not available: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "BloomEncoder[l=" + bits + ", k=" + hashes + ", HMAC-SHA256, key withheld]";
    }
}
