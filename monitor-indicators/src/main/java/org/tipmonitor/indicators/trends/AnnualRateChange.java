package org.tipmonitor.indicators.trends;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * An annual relative change exp(b) &minus; 1 of a log-linear trend, with a Wald confidence interval
 * exp(b &plusmn; q&middot;SE(b)) &minus; 1 (q a normal or t quantile).
 *
 * @param estimate the annual change, e.g. &minus;0.15 for a fall of 15% a year; &gt; &minus;1
 * @param lower    the lower bound, in (&minus;1, estimate]
 * @param upper    the upper bound, &ge; estimate (may be +&infin; only if SE(b) overflows)
 * @param level    the confidence level, in (0, 1)
 */
public record AnnualRateChange(double estimate, double lower, double upper, double level) {

    /**
     * Validates the interval.
     *
     * @throws IndicatorException if the bounds are not ordered &minus;1 &le; lower &le; estimate &le; upper or
     *         the level is not in (0, 1)
     */
    public AnnualRateChange {
        Arguments.checkConfidenceLevel(level);
        if (!(-1 <= lower && lower <= estimate && estimate <= upper)) {
            throw IndicatorException.of(IndicatorRule.TREND_RATE_CHANGE_BOUNDS, lower, estimate, upper);
        }
    }

    /**
     * Whether the interval excludes no change (0).
     *
     * @return true if lower &gt; 0 or upper &lt; 0
     */
    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
