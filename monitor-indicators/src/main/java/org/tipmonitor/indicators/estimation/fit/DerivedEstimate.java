package org.tipmonitor.indicators.estimation.fit;

import java.util.Locale;
import java.util.Objects;

/**
 * A quantity derived from a joint fit, with its interval: a population (a sum over covariate cells), a share of
 * one population in another, or the ratio of two populations (a change between years).
 *
 * @param quantity      what it is, e.g. {@code "population minor=minor, form=domestic_sexual"}
 * @param observed      the observed counterpart: persons observed for a population, the observed share or ratio
 * @param estimate      the estimate
 * @param standardError the standard error of the estimate (delta method; for a bootstrap, the replicates' standard
 *                      deviation)
 * @param lower         lower limit
 * @param upper         upper limit
 * @param level         confidence level
 * @param method        how the interval was made, e.g. {@code "wald-log"}, {@code "bootstrap-percentile"}
 */
public record DerivedEstimate(String quantity, double observed, double estimate, double standardError, double lower,
                              double upper, double level, String method) {

    /**
     * Checks the names.
     *
     * @throws NullPointerException if a name is null
     */
    public DerivedEstimate {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(method, "method");
    }

    /**
     * Whether the interval holds a value.
     *
     * @param value the value
     * @return true if lower &le; value &le; upper
     */
    public boolean covers(double value) {
        return lower <= value && value <= upper;
    }

    /** @return e.g. {@code "population all: 31,234 (95% wald-log 28,100 to 35,020; observed 5,133)"} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,.4g (%.0f%% %s %,.4g to %,.4g; observed %,.4g)", quantity, estimate,
                100 * level, method, lower, upper, observed);
    }
}
