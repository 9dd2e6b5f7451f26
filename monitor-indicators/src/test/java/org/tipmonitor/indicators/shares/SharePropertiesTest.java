package org.tipmonitor.indicators.shares;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of every interval method on seeded random counts and on the edge cases x = 0, x = 1, x = n - 1,
 * x = n, n = 1: bounds in [0, 1], lower &le; x/n &le; upper, and a difference interval that brackets the difference.
 */
class SharePropertiesTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long[][] edges = {{0, 1}, {1, 1}, {0, 2}, {1, 2}, {0, 50}, {1, 50}, {49, 50}, {50, 50}, {0, 100_000},
            {100_000, 100_000}, {1, 100_000}};
        for (long[] e : edges) {
            cases.add(Arguments.of("edge x=" + e[0] + " n=" + e[1], e[0], e[1], 0.95));
        }
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long n = 1 + random.nextLong(seed % 4 == 0 ? 5_000 : 60);
            long x = random.nextLong(n + 1);
            double level = 0.5 + 0.499 * random.nextDouble();
            cases.add(Arguments.of("seed=" + seed, x, n, level));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sharesAndBoundsInUnitIntervalAndContainEstimate(String name, long x, long n, double level) {
        for (BinomialInterval method : BinomialInterval.values()) {
            Share s = (Share) ShareEstimator.withDefaults().withMethod(method).withConfidenceLevel(level)
                    .estimate(x, n);
            assertTrue(0 <= s.lower() && s.lower() <= s.estimate() && s.estimate() <= s.upper() && s.upper() <= 1,
                    () -> method + " " + s);
            assertTrue(Double.isFinite(s.lower()) && Double.isFinite(s.upper()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void differenceBracketsEstimate(String name, long x, long n, double level) {
        Share a = (Share) ShareEstimator.withDefaults().estimate(x, n);
        Share b = (Share) ShareEstimator.withDefaults().estimate(n - x, n + 3);
        for (DifferenceMethod method : DifferenceMethod.values()) {
            ShareDifference d = ShareDifferenceEstimator.withDefaults().withMethod(method).withConfidenceLevel(level)
                    .estimate(a, b);
            assertTrue(-1 <= d.lower() && d.lower() <= d.difference() && d.difference() <= d.upper()
                    && d.upper() <= 1, () -> method + " " + d);
        }
    }
}
