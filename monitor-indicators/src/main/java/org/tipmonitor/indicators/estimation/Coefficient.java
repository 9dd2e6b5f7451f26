package org.tipmonitor.indicators.estimation;

import java.util.Objects;

/**
 * One estimated coefficient of a log-linear model.
 *
 * @param term          the term, e.g. {@code "(Intercept)"}, {@code "P"} or {@code "P:R"}
 * @param estimate      the maximum-likelihood estimate
 * @param standardError its standard error, sqrt of the diagonal of (X'WX)<sup>&minus;1</sup>
 */
public record Coefficient(String term, double estimate, double standardError) {

    /**
     * Rejects a missing term name.
     *
     * @throws NullPointerException if term is null
     */
    public Coefficient {
        Objects.requireNonNull(term, "term");
    }
}
