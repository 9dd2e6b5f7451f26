package org.tipmonitor.indicators.shares;

import java.util.Locale;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * A binomial share x/n with a two-sided confidence interval.
 *
 * @param successes  x, the number of records with the attribute
 * @param trials     n &ge; 1, the denominator used
 * @param unknown    records with an unknown value (in n only if the estimator was told to include them)
 * @param estimate   the point estimate x/n, in [0, 1]
 * @param lower      the lower confidence bound, in [0, estimate]
 * @param upper      the upper confidence bound, in [estimate, 1]
 * @param level      the confidence level, in (0, 1)
 * @param method     the interval method
 * @param provenance how the share was computed
 */
public record Share(
        long successes,
        long trials,
        long unknown,
        double estimate,
        double lower,
        double upper,
        double level,
        BinomialInterval method,
        Provenance provenance) implements ShareEstimate {

    /**
     * Validates the share.
     *
     * @throws IndicatorException if trials &lt; 1, successes is not in [0, trials], unknown &lt; 0, the level is not
     *         in (0, 1), or the bounds do not satisfy 0 &le; lower &le; estimate &le; upper &le; 1
     * @throws NullPointerException if method or provenance is null
     */
    public Share {
        Arguments.checkTrials(successes, trials);
        Arguments.checkNonNegative("Unknown", unknown);
        Arguments.checkConfidenceLevel(level);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provenance, "provenance");
        if (!(0 <= lower && lower <= estimate && estimate <= upper && upper <= 1)) {
            throw IndicatorException.of(IndicatorRule.SHARE_BOUNDS, lower, estimate, upper);
        }
    }

    @Override
    public boolean isDefined() {
        return true;
    }

    /**
     * The interval's width, upper &minus; lower.
     *
     * @return the width in [0, 1]
     */
    public double width() {
        return upper - lower;
    }

    /**
     * The share in words, percentages to one decimal (the components hold the exact values).
     *
     * @return e.g. {@code "472 of 1784 = 26.5% (95% wilson CI 24.5% to 28.6%); 112 unknown"}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d of %d = %.1f%% (%.0f%% %s CI %.1f%% to %.1f%%)%s", successes, trials,
                100 * estimate, 100 * level, method.name().toLowerCase(Locale.ROOT).replace('_', '-'), 100 * lower,
                100 * upper, unknown > 0 ? "; " + unknown + " unknown" : "");
    }
}
