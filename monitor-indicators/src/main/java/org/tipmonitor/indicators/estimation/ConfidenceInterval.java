package org.tipmonitor.indicators.estimation;

import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;


/**
 * A confidence interval for the population size, naming its method and level.
 *
 * @param lower  the lower limit (finite)
 * @param upper  the upper limit, &ge; lower; {@link Double#POSITIVE_INFINITY} when the method found no finite
 *               upper limit (the profile likelihood never falls below the cut-off), never NaN
 * @param level  the nominal coverage, in (0, 1)
 * @param method how the interval was computed
 */
public record ConfidenceInterval(double lower, double upper, double level, PopulationInterval method) {

    /**
     * Validates the interval.
     *
     * @throws IndicatorException if the level is not in (0, 1), a limit is NaN, the lower limit is infinite, or
     *                            lower &gt; upper
     */
    public ConfidenceInterval {
        Objects.requireNonNull(method, "method");
        Arguments.checkLevel(level);
        if (!Double.isFinite(lower) || Double.isNaN(upper) || lower > upper) {
            throw IndicatorException.of(IndicatorRule.INTERVAL_LIMITS, lower, upper);
        }
    }

    /**
     * Whether a value lies in the closed interval.
     *
     * @param value the value
     * @return true if lower &le; value &le; upper
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
