package org.tipmonitor.indicators.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;

/**
 * Reference values: the two-sample R {@code poisson.test(c(50, 2300), c(221, 1605))} interval, recomputed with scipy
 * 1.17.1 as {@code ci = binomtest(50, 2350).proportion_ci(method="exact")} (Clopper-Pearson) and
 * {@code ci / (1 - ci) * 1605 / 221}; the Wilson variant with {@code method="wilson"}. Absolute tolerance 1e-9.
 */
class RateRatioTest {

    @Test
    void clopperPearsonMatchesPoissonTest() {
        RateRatio r = RateRatio.estimate(50, 221, 2300, 1605, BinomialInterval.CLOPPER_PEARSON, 0.95).orElseThrow();
        assertEquals(0.1578792051937832, r.estimate(), 1e-12);
        assertEquals(0.11682966141717495, r.lower(), 1e-9);
        assertEquals(0.2088622907615305, r.upper(), 1e-9);
        assertTrue(r.excludesOne());
    }

    @Test
    void wilsonVariant() {
        RateRatio r = RateRatio.estimate(50, 221, 2300, 1605, BinomialInterval.WILSON, 0.95).orElseThrow();
        assertEquals(0.11940979376310479, r.lower(), 1e-9);
        assertEquals(0.2087420356999417, r.upper(), 1e-9);
    }

    @Test
    void noEventsInTheDenominatorGivesNoRatio() {
        assertTrue(RateRatio.estimate(5, 10, 0, 10, BinomialInterval.WILSON, 0.95).isEmpty());
        assertTrue(RateRatio.estimate(0, 10, 0, 10, BinomialInterval.WILSON, 0.95).isEmpty());
        RateRatio zero = RateRatio.estimate(0, 10, 4, 10, BinomialInterval.WILSON, 0.95).orElseThrow();
        assertEquals(0, zero.estimate());
        assertEquals(0, zero.lower());
        assertFalse(zero.excludesOne() && zero.lower() > 1);
    }

    @Test
    void rejectsInvalidArguments() {
        assertEquals("TM-IN-0005: Events is negative: -1", assertThrows(IndicatorException.class,
                () -> RateRatio.estimate(-1, 1, 1, 1, BinomialInterval.WILSON, 0.95)).getMessage());
        assertEquals("TM-IN-0106: Exposure is not positive and finite: 0.0", assertThrows(IndicatorException.class,
                () -> RateRatio.estimate(1, 0, 1, 1, BinomialInterval.WILSON, 0.95)).getMessage());
        assertEquals("TM-IN-0003: Confidence level is not in (0, 1): 1.0", assertThrows(IndicatorException.class,
                () -> RateRatio.estimate(1, 1, 1, 1, BinomialInterval.WILSON, 1.0)).getMessage());
        assertThrows(IndicatorException.class, () -> new RateRatio(1, 2, 3, 0.95, BinomialInterval.WILSON));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long[][] edges = {{0, 1}, {1, 1}, {1, 0}, {0, 50}, {50, 1}, {1000, 1000}};
        for (long[] e : edges) {
            cases.add(Arguments.of("edge a=" + e[0] + " b=" + e[1], e[0], 1.0, e[1], 1.0));
        }
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            cases.add(Arguments.of("seed=" + seed, random.nextLong(200), 1 + random.nextDouble() * 1000,
                    random.nextLong(200), 1 + random.nextDouble() * 1000));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void intervalContainsEstimate(String name, long a, double ta, long b, double tb) {
        for (BinomialInterval method : BinomialInterval.values()) {
            RateRatio.estimate(a, ta, b, tb, method, 0.95).ifPresentOrElse(
                    r -> assertTrue(0 <= r.lower() && r.lower() <= r.estimate() && r.estimate() <= r.upper(),
                            () -> method + " " + r),
                    () -> assertEquals(0, b));
        }
    }
}
