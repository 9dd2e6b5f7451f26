package org.tipmonitor.indicators.estimation;

import java.util.List;
import java.util.Optional;

import org.tipmonitor.indicators.Provenance;

/**
 * The closed set of outcomes of a population-size estimation: an {@link Estimate}, a refusal because the data
 * cannot support one ({@link NotEstimable}), or a fit that did not converge ({@link DidNotConverge}). No outcome
 * ever carries NaN or an estimate the check has found meaningless.
 */
public sealed interface EstimationOutcome permits Estimate, NotEstimable, DidNotConverge {

    /**
     * The estimator, e.g. {@code "poisson-loglinear"}, {@code "chapman"}.
     *
     * @return the method name
     */
    String method();

    /**
     * The lists of the table.
     *
     * @return the list names
     */
    List<String> lists();

    /**
     * Where the outcome comes from (method, model, level, seed).
     *
     * @return the provenance
     */
    Provenance provenance();

    /**
     * The estimate, if this outcome is one.
     *
     * @return the estimate, or empty
     */
    default Optional<Estimate> asEstimate() {
        return this instanceof Estimate e ? Optional.of(e) : Optional.empty();
    }

    /**
     * The estimate, or an exception describing why there is none.
     *
     * @return the estimate
     * @throws IllegalStateException if this outcome is not an estimate; the message gives the reason
     */
    default Estimate orElseThrow() {
        if (this instanceof Estimate e) {
            return e;
        }
        throw new IllegalStateException("No estimate: " + this);
    }
}
