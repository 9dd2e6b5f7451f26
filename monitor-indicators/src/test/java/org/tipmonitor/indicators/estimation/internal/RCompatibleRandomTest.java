package org.tipmonitor.indicators.estimation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RCompatibleRandomTest {

    /** R (any version since 1.7, default kinds): {@code set.seed(s); runif(5)}, printed to 7 digits. */
    @ParameterizedTest(name = "set.seed({0})")
    @CsvSource({
        "1234, 0.1137034, 0.6222994, 0.6092747, 0.6233794, 0.8609154",
        "42, 0.9148060, 0.9370754, 0.2861395, 0.8304476, 0.6417455",
        "1, 0.2655087, 0.3721239, 0.5728534, 0.9082078, 0.2016819"})
    void uniformsAreRs(long seed, double u1, double u2, double u3, double u4, double u5) {
        RCompatibleRandom random = new RCompatibleRandom(seed);
        for (double expected : new double[] {u1, u2, u3, u4, u5}) {
            assertEquals(expected, random.nextUniform(), 5e-8);
        }
    }

    @Test
    void uniformsStayInsideTheOpenInterval() {
        RCompatibleRandom random = new RCompatibleRandom(20191018);
        for (int i = 0; i < 10_000; i++) { // beyond the first regeneration of the 624-word table
            double u = random.nextUniform();
            assertTrue(u > 0 && u < 1, Double.toString(u));
        }
    }

    /**
     * A long double rounds to 64 bits, then a cast to 53: 1 + 2^-53 + 2^-65 becomes 1 + 2^-53 (the extra bit is
     * below half a 64-bit step), a tie that rounds to even, 1; rounded once to a double it would be 1 + 2^-52.
     */
    @Test
    void extendedPrecisionRoundsTwice() {
        RCompatibleRandom.Extended x = RCompatibleRandom.Extended.of(1).plus(RCompatibleRandom.Extended.of(
                Math.scalb(1.0, -53))).plus(RCompatibleRandom.Extended.of(Math.scalb(1.0, -65)));
        assertEquals(1.0, x.toDouble());
        assertEquals(1.0 / 3, RCompatibleRandom.Extended.of(1).dividedBy(RCompatibleRandom.Extended.of(3))
                .toDouble());
        assertEquals(0.1, RCompatibleRandom.Extended.of(1).dividedBy(RCompatibleRandom.Extended.of(10)).toDouble());
        assertEquals(-2.5, RCompatibleRandom.Extended.of(-5).dividedBy(RCompatibleRandom.Extended.of(2)).toDouble());
    }

    @Test
    void integerPowerIsBinaryExponentiation() {
        assertEquals(1.0, RCompatibleRandom.power(0.7, 0));
        assertEquals(0.7 * 0.7 * 0.7, RCompatibleRandom.power(0.7, 3), 1e-16);
        // 13 rounded products: close to, but not always equal to, the correctly rounded power
        assertEquals(Math.pow(0.999, 8234), RCompatibleRandom.power(0.999, 8234), 1e-12 * Math.pow(0.999, 8234));
    }

    static Stream<Arguments> seeds() {
        return LongStream.rangeClosed(1, 12).mapToObj(seed -> Arguments.of("seed=" + seed, seed));
    }

    /**
     * Binomial draws by inversion (n p &lt; 30) and by BTPE (n p &ge; 30, reflected for p &gt; 1/2) lie in
     * [0, n] and have the binomial mean and variance (20,000 draws: within 4 standard errors).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void binomialMomentsMatch(String name, long seed) {
        RCompatibleRandom random = new RCompatibleRandom(seed);
        long n = 1 + (seed * 7919) % 5000;
        double p = (seed % 4 == 0) ? 3.0 / n : new double[] {0.01, 0.3, 0.5, 0.8, 0.97}[(int) (seed % 5)];
        int draws = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            long x = random.binomial(n, p);
            assertTrue(x >= 0 && x <= n, x + " of " + n);
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        double expectedVariance = n * p * (1 - p);
        assertEquals(n * p, mean, 4 * Math.sqrt(expectedVariance / draws) + 1e-12, name + " mean");
        assertEquals(expectedVariance, variance, 0.1 * expectedVariance + 1e-9, name + " variance");
    }

    @Test
    void multinomialEdgeCases() {
        RCompatibleRandom random = new RCompatibleRandom(1234);
        assertArrayEquals(new long[] {0, 0}, random.multinomial(0, new double[] {1, 1}));
        assertArrayEquals(new long[] {0, 7, 0}, random.multinomial(7, new double[] {0, 2, 0}));
        // categories of weight 0 consume no random number: the same stream gives the same draws without them
        long[] withZeros = new RCompatibleRandom(99).multinomial(1000, new double[] {0, 3, 0, 5, 2, 0});
        long[] without = new RCompatibleRandom(99).multinomial(1000, new double[] {3, 5, 2});
        assertArrayEquals(without, new long[] {withZeros[1], withZeros[3], withZeros[4]});
        assertEquals(1000, LongStream.of(withZeros).sum());
    }
}
