package org.tipmonitor.indicators.estimation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;

/**
 * A population-size estimate N&#770; with its interval.
 *
 * @param method        the estimator, e.g. {@code "poisson-loglinear"}
 * @param lists         the list names
 * @param observed      n, the number of cases observed on at least one list
 * @param estimate      N&#770; &ge; n, finite
 * @param standardError the standard error of N&#770; (for log-linear models the delta-method
 *                      sqrt(e<sup>&beta;&#770;0</sup> + e<sup>2&beta;&#770;0</sup> V<sub>00</sub>) of Rcapture), finite
 *                      and &ge; 0
 * @param interval      the confidence interval, naming its method and level
 * @param fit           the log-linear model fit, when the estimator is one
 * @param warnings      notes for the reader, e.g. terms fixed at &minus;&infin; because two lists never overlap
 * @param provenance    method, model, level and seed
 */
public record Estimate(String method, List<String> lists, long observed, double estimate, double standardError,
                       ConfidenceInterval interval, Optional<ModelFit> fit, List<String> warnings,
                       Provenance provenance) implements EstimationOutcome {

    /**
     * Validates and copies.
     *
     * @throws IndicatorException if the estimate is not finite or below the observed count, or the standard
     *                            error is negative or not finite
     */
    public Estimate {
        Objects.requireNonNull(method, "method");
        lists = List.copyOf(lists);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(fit, "fit");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(provenance, "provenance");
        if (!Double.isFinite(estimate) || estimate < observed) {
            throw IndicatorException.of(Messages.ESTIMATE_INVALID, estimate, observed);
        }
        if (!(standardError >= 0) || !Double.isFinite(standardError)) {
            throw IndicatorException.of(Messages.STANDARD_ERROR_INVALID, standardError);
        }
    }

    /**
     * The estimated number of cases on no list, N&#770; &minus; n.
     *
     * @return the unobserved count
     */
    public double unobserved() {
        return estimate - observed;
    }
}
