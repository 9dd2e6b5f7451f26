package org.tipmonitor.indicators.trends;

import org.tipmonitor.indicators.Provenance;

/**
 * The outcome of fitting a trend: a {@link PoissonTrendFit}, or {@link TrendNotEstimable} when the maximum likelihood
 * estimate does not exist for the series (all counts zero, or all positive counts in the first or in the last year)
 * or the iteration did not converge.
 */
public sealed interface TrendEstimate permits PoissonTrendFit, TrendNotEstimable {

    /**
     * Whether a fit exists.
     *
     * @return true for a {@link PoissonTrendFit}
     */
    boolean isEstimable();

    /**
     * How the trend was computed.
     *
     * @return the provenance
     */
    Provenance provenance();
}
