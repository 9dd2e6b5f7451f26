package org.tipmonitor.indicators.trends;

import java.util.Objects;
import org.tipmonitor.indicators.Provenance;

/**
 * A trend that cannot be estimated from the series.
 *
 * @param reason     why, e.g. {@code "All counts are zero"}
 * @param provenance how the fit was attempted
 */
public record TrendNotEstimable(String reason, Provenance provenance) implements TrendEstimate {

    /**
     * Validates the outcome.
     *
     * @throws NullPointerException if a component is null
     */
    public TrendNotEstimable {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public boolean isEstimable() {
        return false;
    }
}
