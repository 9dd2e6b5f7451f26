package org.tipmonitor.indicators.shares;

import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * The difference of two independent shares, p&#8321; &minus; p&#8322;, with a two-sided confidence interval.
 *
 * @param first      the first share (its own interval is kept as computed)
 * @param second     the second share
 * @param difference p&#770;&#8321; &minus; p&#770;&#8322;, in [&minus;1, 1]
 * @param lower      the lower bound, in [&minus;1, difference]
 * @param upper      the upper bound, in [difference, 1]
 * @param level      the confidence level, in (0, 1)
 * @param method     the method
 * @param provenance how the difference was computed
 */
public record ShareDifference(
        Share first,
        Share second,
        double difference,
        double lower,
        double upper,
        double level,
        DifferenceMethod method,
        Provenance provenance) {

    /**
     * Validates the result.
     *
     * @throws IndicatorException if the level is not in (0, 1) or the bounds are not ordered
     *         &minus;1 &le; lower &le; difference &le; upper &le; 1
     * @throws NullPointerException if a share, the method or the provenance is null
     */
    public ShareDifference {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provenance, "provenance");
        Arguments.checkConfidenceLevel(level);
        if (!(-1 <= lower && lower <= difference && difference <= upper && upper <= 1)) {
            throw IndicatorException.of(IndicatorRule.SHARE_DIFFERENCE_BOUNDS, lower, difference, upper);
        }
    }

    /**
     * Whether the interval excludes zero, i.e. the shares differ at this confidence level.
     *
     * @return true if lower &gt; 0 or upper &lt; 0
     */
    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
