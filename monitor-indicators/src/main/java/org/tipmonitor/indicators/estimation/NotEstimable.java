package org.tipmonitor.indicators.estimation;

import java.util.List;
import java.util.Objects;

import org.tipmonitor.indicators.Provenance;

/**
 * The data cannot support an estimate with this method and model: the maximum-likelihood estimate is not
 * finite, or the unobserved count is not identifiable (Fienberg &amp; Rinaldo 2012; Chan, Silverman &amp; Vincent
 * 2021).
 *
 * @param method         the estimator
 * @param lists          the list names
 * @param status         what failed (never {@link ExistenceStatus#OK})
 * @param offendingTerms the terms responsible: the aliased terms of a rank-deficient design, or the interaction
 *                       terms (or, if none, main effects) contained in the cells that every table with the data's
 *                       margins must leave empty
 * @param infiniteTerms  terms already fixed at &minus;&infin; because their lists never overlap
 * @param reason         a sentence for the reader
 * @param provenance     method and model
 */
public record NotEstimable(String method, List<String> lists, ExistenceStatus status, List<String> offendingTerms,
                           List<String> infiniteTerms, String reason, Provenance provenance)
        implements EstimationOutcome {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException if the status is OK
     */
    public NotEstimable {
        Objects.requireNonNull(method, "method");
        lists = List.copyOf(lists);
        if (Objects.requireNonNull(status, "status") == ExistenceStatus.OK) {
            throw new IllegalArgumentException("NotEstimable needs a failing status: " + status);
        }
        offendingTerms = List.copyOf(offendingTerms);
        infiniteTerms = List.copyOf(infiniteTerms);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(provenance, "provenance");
    }
}
