package org.tipmonitor.indicators.estimation;

import java.util.List;
import java.util.Objects;

import org.tipmonitor.indicators.Provenance;

/**
 * The iterative fit stopped at its iteration limit, or its deviance became non-finite, before meeting the
 * convergence criterion; no estimate is reported.
 *
 * @param method        the estimator
 * @param lists         the list names
 * @param iterations    the iterations run
 * @param lastDeviance  the deviance at the last iteration; {@link Double#POSITIVE_INFINITY} when it was not a
 *                      finite number (never NaN)
 * @param provenance    method, model and limits
 */
public record DidNotConverge(String method, List<String> lists, int iterations, double lastDeviance,
                             Provenance provenance) implements EstimationOutcome {

    /**
     * Copies the lists and maps a NaN deviance to infinity.
     *
     * @throws NullPointerException if a component is null
     */
    public DidNotConverge {
        Objects.requireNonNull(method, "method");
        lists = List.copyOf(lists);
        Objects.requireNonNull(provenance, "provenance");
        if (Double.isNaN(lastDeviance)) {
            lastDeviance = Double.POSITIVE_INFINITY;
        }
    }
}
