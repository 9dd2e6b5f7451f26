package org.tipmonitor.model.synthetic;

import java.util.function.DoubleSupplier;
import java.util.function.IntUnaryOperator;
import org.tipmonitor.model.PersonKey;

/**
 * The draws that both modes of the synthetic generator make alike: pseudonymous keys and a category by its share.
 * Each takes its random numbers from the caller's stream as a function, so that {@link SyntheticRecords} (one
 * {@link java.util.Random}) and {@link SyntheticMonitorData} (a {@link java.util.SplittableRandom} per year and
 * purpose) keep their own streams and their seeds keep giving the same records.
 */
final class Draws {

    /** The key alphabet: the 32 characters of RFC 4648 base 32, in lower case. */
    static final String KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private Draws() {
    }

    /**
     * A valid pseudonymous key: a letter that tells the mode ({@code k} records, {@code s} the synthetic
     * population) and 25 characters of {@link #KEY_ALPHABET}, each drawn as {@code nextInt.applyAsInt(32)}.
     *
     * @param prefix  the first character, a lower-case letter
     * @param nextInt a uniform draw from 0 (inclusive) to its argument (exclusive)
     * @return the key
     */
    static PersonKey personKey(char prefix, IntUnaryOperator nextInt) {
        StringBuilder key = new StringBuilder(26).append(prefix);
        for (int i = 0; i < 25; i++) {
            key.append(KEY_ALPHABET.charAt(nextInt.applyAsInt(KEY_ALPHABET.length())));
        }
        return PersonKey.of(key.toString());
    }

    /**
     * The index of a category drawn with probability proportional to its share, from one uniform draw u:
     * the first i with u × (sum of the shares) &lt; share(0) + … + share(i), the last index if rounding leaves none.
     *
     * @param nextDouble a uniform draw from [0, 1)
     * @param shares     the shares, non-negative, not all zero
     * @return the index
     */
    static int pick(DoubleSupplier nextDouble, double[] shares) {
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        double u = nextDouble.getAsDouble() * total;
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
