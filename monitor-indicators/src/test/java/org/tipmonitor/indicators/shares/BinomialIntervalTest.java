package org.tipmonitor.indicators.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

/**
 * Reference values from Python statsmodels 0.13.5 (Debian python3-statsmodels) with scipy 1.10.1:
 * {@code statsmodels.stats.proportion.proportion_confint(x, n, alpha=a, method=m)} with m in
 * {@code "wilson", "beta"} (Clopper-Pearson), {@code "jeffreys", "agresti_coull"}; the same numbers as R
 * {@code binom::binom.confint(x, n, conf.level = 1 - a, methods = "wilson" / "exact" / "agresti-coull")}.
 * Absolute tolerance 1e-9.
 *
 * <p>Jeffreys: statsmodels returns the plain posterior quantiles {@code scipy.stats.beta.ppf(q, x + .5, n - x + .5)}
 * also at x = 0 and x = n; this library applies the boundary modification of Brown, Cai &amp; DasGupta (2001,
 * section 4.1.2), lower = 0 at x = 0 and upper = 1 at x = n, so only the other bound is compared with statsmodels
 * there. The case (29, 132) is the 2018 count of minors among Dutch victims of domestic sexual exploitation
 * (docs/background/domain.md section 2.2, from nu.nl, Slachtoffermonitor 2014-2018).
 */
class BinomialIntervalTest {

    private static final double TOL = 1e-9;

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(BinomialInterval.WILSON, 29, 132, 0.95, 0.15754723263953324, 0.29770007814150484),
                Arguments.of(BinomialInterval.WILSON, 0, 20, 0.95, 0.0, 0.1611251580528194),
                Arguments.of(BinomialInterval.WILSON, 20, 20, 0.95, 0.8388748419471804, 1.0),
                Arguments.of(BinomialInterval.WILSON, 1, 10, 0.95, 0.017876213095072924, 0.40415002679523854),
                Arguments.of(BinomialInterval.WILSON, 45, 120, 0.90, 0.30581624460050116, 0.44969602358628136),
                Arguments.of(BinomialInterval.WILSON, 7, 9, 0.99, 0.36453041217234045, 0.955267033732957),
                Arguments.of(BinomialInterval.CLOPPER_PEARSON, 29, 132, 0.95, 0.15234204708305862, 0.3000432964702009),
                Arguments.of(BinomialInterval.CLOPPER_PEARSON, 0, 20, 0.95, 0.0, 0.16843347098308534),
                Arguments.of(BinomialInterval.CLOPPER_PEARSON, 20, 20, 0.95, 0.8315665290169146, 1.0),
                Arguments.of(BinomialInterval.CLOPPER_PEARSON, 1, 10, 0.95, 0.0025285785444617848, 0.4450161170281953),
                Arguments.of(BinomialInterval.CLOPPER_PEARSON, 45, 120, 0.90, 0.3011143470321178, 0.4536093544542118),
                Arguments.of(BinomialInterval.CLOPPER_PEARSON, 7, 9, 0.99, 0.3073936492314562, 0.9878764109193773),
                Arguments.of(BinomialInterval.JEFFREYS, 29, 132, 0.95, 0.15561563713807824, 0.29591320312199154),
                // x = 0: upper from statsmodels, lower = 0 by the Brown-Cai-DasGupta modification
                Arguments.of(BinomialInterval.JEFFREYS, 0, 20, 0.95, 0.0, 0.11663898290487539),
                // x = n: lower from statsmodels, upper = 1 by the modification
                Arguments.of(BinomialInterval.JEFFREYS, 20, 20, 0.95, 0.8833610170951246, 1.0),
                Arguments.of(BinomialInterval.JEFFREYS, 1, 10, 0.95, 0.011011673763161138, 0.3813147710666164),
                Arguments.of(BinomialInterval.JEFFREYS, 45, 120, 0.90, 0.3050459058410038, 0.44936007071655126),
                Arguments.of(BinomialInterval.JEFFREYS, 7, 9, 0.99, 0.3583314566628065, 0.9752713917162529),
                Arguments.of(BinomialInterval.AGRESTI_COULL, 29, 132, 0.95, 0.1571129431790135, 0.2981343676020246),
                Arguments.of(BinomialInterval.AGRESTI_COULL, 0, 20, 0.95, 0.0, 0.18980956054248888),
                Arguments.of(BinomialInterval.AGRESTI_COULL, 20, 20, 0.95, 0.810190439457511, 1.0),
                // statsmodels truncates the negative lower limit to 0, as does this library
                Arguments.of(BinomialInterval.AGRESTI_COULL, 1, 10, 0.95, 0.0, 0.4259677373948323),
                Arguments.of(BinomialInterval.AGRESTI_COULL, 45, 120, 0.90, 0.30576463122974207, 0.44974763695704034),
                Arguments.of(BinomialInterval.AGRESTI_COULL, 7, 9, 0.99, 0.35128705048528636, 0.9685103954200112));
    }

    @ParameterizedTest(name = "{0} x={1} n={2} level={3}")
    @MethodSource("references")
    void matchesStatsmodels(BinomialInterval method, long x, long n, double level, double lower, double upper) {
        double[] ci = method.interval(x, n, level);
        assertEquals(lower, ci[0], TOL, "lower");
        assertEquals(upper, ci[1], TOL, "upper");
    }

    @Test
    void rejectsInvalidArguments() {
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> BinomialInterval.WILSON.interval(1, 10, 1.5));
        assertEquals("TM-IN-0003: Confidence level is not in (0, 1): 1.5", e.getMessage());
        assertEquals("TM-IN-0102: Trials is less than 1: 0",
                assertThrows(IndicatorException.class, () -> BinomialInterval.WILSON.interval(0, 0, 0.95))
                        .getMessage());
        assertEquals("TM-IN-0104: Successes exceed trials: 11 > 10",
                assertThrows(IndicatorException.class, () -> BinomialInterval.JEFFREYS.interval(11, 10, 0.95))
                        .getMessage());
        assertEquals("TM-IN-0005: Successes is negative: -1",
                assertThrows(IndicatorException.class, () -> BinomialInterval.JEFFREYS.interval(-1, 10, 0.95))
                        .getMessage());
        assertThrows(IndicatorException.class, () -> BinomialInterval.WILSON.interval(1, 10, Double.NaN));
        assertThrows(IndicatorException.class, () -> BinomialInterval.WILSON.interval(1, 10, 0));
    }
}
