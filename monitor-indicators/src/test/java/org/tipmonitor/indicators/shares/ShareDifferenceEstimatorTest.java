package org.tipmonitor.indicators.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference values from Python statsmodels 0.13.5:
 * {@code statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2, method=m, compare="diff",
 * alpha=0.05)} with m = {@code "newcomb"} (Newcombe 1998 method 10, hybrid Wilson score without continuity
 * correction; R {@code DescTools::BinomDiffCI(x1, n1, x2, n2, method = "score")}) and m = {@code "wald"}.
 * Absolute tolerance 1e-9.
 */
class ShareDifferenceEstimatorTest {

    private static final double TOL = 1e-9;

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(DifferenceMethod.NEWCOMBE, 29, 132, 61, 180, -0.21420765110450032, -0.017568066232787227),
                Arguments.of(DifferenceMethod.WALD, 29, 132, 61, 180, -0.21803704820121245, -0.02034679018262596),
                Arguments.of(DifferenceMethod.NEWCOMBE, 0, 15, 3, 12, -0.5323053349335658, 0.009823375817044455),
                Arguments.of(DifferenceMethod.WALD, 0, 15, 3, 12, -0.4949954980675068, -0.005004501932493188),
                Arguments.of(DifferenceMethod.NEWCOMBE, 10, 10, 0, 10, 0.6075093504305241, 1.0),
                // Wald degenerates to the point 1 when both shares are 0 or 1
                Arguments.of(DifferenceMethod.WALD, 10, 10, 0, 10, 1.0, 1.0),
                Arguments.of(DifferenceMethod.NEWCOMBE, 56, 70, 48, 80, 0.05243147240236498, 0.33387265403690614),
                Arguments.of(DifferenceMethod.WALD, 56, 70, 48, 80, 0.057504899149037114, 0.342495100850963));
    }

    @ParameterizedTest(name = "{0} {1}/{2} - {3}/{4}")
    @MethodSource("references")
    void matchesStatsmodels(DifferenceMethod method, long x1, long n1, long x2, long n2, double lower, double upper) {
        ShareEstimator shares = ShareEstimator.withDefaults();
        ShareDifference d = ShareDifferenceEstimator.withDefaults().withMethod(method)
                .estimate((Share) shares.estimate(x1, n1), (Share) shares.estimate(x2, n2));
        assertEquals((double) x1 / n1 - (double) x2 / n2, d.difference(), 1e-15);
        assertEquals(lower, d.lower(), TOL, "lower");
        assertEquals(upper, d.upper(), TOL, "upper");
        assertEquals(method.id(), d.provenance().method());
    }

    @Test
    void excludesZeroWhenSharesDiffer() {
        ShareEstimator shares = ShareEstimator.withDefaults();
        ShareDifferenceEstimator diff = ShareDifferenceEstimator.withDefaults();
        assertTrue(diff.estimate((Share) shares.estimate(29, 132), (Share) shares.estimate(61, 180)).excludesZero());
        assertFalse(diff.estimate((Share) shares.estimate(0, 15), (Share) shares.estimate(3, 12)).excludesZero());
    }
}
