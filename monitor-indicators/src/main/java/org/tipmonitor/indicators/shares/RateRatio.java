package org.tipmonitor.indicators.shares;

import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * The ratio &theta; = (a/t<sub>a</sub>) / (b/t<sub>b</sub>) of two Poisson rates, a events over exposure t<sub>a</sub>
 * against b events over exposure t<sub>b</sub> (e.g. reports per day after and before a date), with a confidence
 * interval from the conditional binomial method.
 *
 * <p>Given N = a + b, a is binomial with N trials and probability &pi; = &theta;t<sub>a</sub> / (&theta;t<sub>a</sub>
 * + t<sub>b</sub>), so that
 * <pre>
 *   &theta; = &pi; / (1 &minus; &pi;) &middot; t_b / t_a,
 * </pre>
 * and a confidence interval [&pi;<sub>L</sub>, &pi;<sub>U</sub>] for &pi; from a/N maps to [&theta;<sub>L</sub>,
 * &theta;<sub>U</sub>] by the same increasing transformation. With {@link BinomialInterval#CLOPPER_PEARSON} this is the
 * interval of R {@code poisson.test(c(a, b), c(t_a, t_b))} (Clopper &amp; Pearson 1934); the default Wilson interval
 * (Wilson 1927) is narrower and has closer to nominal coverage (Brown, Cai &amp; DasGupta 2001).
 *
 * @param estimate the ratio (a/t<sub>a</sub>) / (b/t<sub>b</sub>), &ge; 0
 * @param lower    the lower bound, in [0, estimate]
 * @param upper    the upper bound, &ge; estimate; +&infin; only when the interval for &pi; reaches 1, which the
 *                 truncated Agresti&ndash;Coull interval can do for b &gt; 0
 * @param level    the confidence level, in (0, 1)
 * @param method   the interval method used for &pi;
 */
public record RateRatio(double estimate, double lower, double upper, double level, BinomialInterval method) {


    /**
     * Validates the ratio.
     *
     * @throws IndicatorException if the bounds are not ordered 0 &le; lower &le; estimate &le; upper (NaN is
     *         rejected) or the level is not in (0, 1)
     * @throws NullPointerException if method is null
     */
    public RateRatio {
        Objects.requireNonNull(method, "method");
        Arguments.checkConfidenceLevel(level);
        if (!(0 <= lower && lower <= estimate && estimate <= upper)) {
            throw IndicatorException.of(IndicatorRule.RATE_RATIO_BOUNDS, lower, estimate, upper);
        }
    }

    /**
     * Estimates the ratio of the rate of a events over exposure t<sub>a</sub> to that of b events over exposure
     * t<sub>b</sub>.
     *
     * @param a         events in the first (numerator) period, &ge; 0
     * @param exposureA its exposure (e.g. days), positive and finite
     * @param b         events in the second (denominator) period, &ge; 0
     * @param exposureB its exposure, positive and finite
     * @param method    the interval method for &pi;
     * @param level     the confidence level, in (0, 1)
     * @return the ratio, or empty when b = 0 (the ratio is infinite or, with a = 0 too, undefined)
     * @throws IndicatorException if a count is negative, an exposure is not positive and finite, or the level is not
     *         in (0, 1)
     * @throws NullPointerException if method is null
     */
    public static Optional<RateRatio> estimate(long a, double exposureA, long b, double exposureB,
            BinomialInterval method, double level) {
        Objects.requireNonNull(method, "method");
        Arguments.checkNonNegative("Events", a);
        Arguments.checkNonNegative("Events", b);
        for (double t : new double[] {exposureA, exposureB}) {
            if (!(t > 0 && t < Double.POSITIVE_INFINITY)) {
                throw IndicatorException.of(IndicatorRule.RATE_RATIO_EXPOSURE, t);
            }
        }
        Arguments.checkConfidenceLevel(level);
        if (b == 0) {
            return Optional.empty();
        }
        long n = Math.addExact(a, b);
        double[] pi = method.interval(a, n, level);
        double scale = exposureB / exposureA;
        double estimate = (double) a / b * scale;
        double lower = Math.min(estimate, pi[0] / (1 - pi[0]) * scale);
        double upper = pi[1] >= 1 ? Double.POSITIVE_INFINITY
                : Math.max(estimate, pi[1] / (1 - pi[1]) * scale);
        return Optional.of(new RateRatio(estimate, lower, upper, level, method));
    }

    /**
     * Whether the interval excludes a ratio of 1 (no change of rate).
     *
     * @return true if upper &lt; 1 or lower &gt; 1
     */
    public boolean excludesOne() {
        return upper < 1 || lower > 1;
    }
}
