package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.model.JointModel;
import java.util.List;
import java.util.Objects;

/**
 * The unobserved counts of some covariate cells are not determined by the data under the model: the sufficient
 * statistics leave a direction of the parameters free that changes them (Fienberg &amp; Rinaldo 2012). Typical
 * cause: a list that reports nobody in one level of a covariate, with a list &times; covariate term in the model.
 *
 * @param model          the model
 * @param offendingCells the covariate cells (levels joined, e.g. {@code "year=2015, minor=minor"}) whose unobserved
 *                       count is not identified
 * @param offendingTerms the model terms whose empty margins (e.g. {@code "K:minor (K=1, minor=minor): 0"}) or free
 *                       parameters cause it
 * @param reason         a sentence for people
 */
public record JointNotEstimable(JointModel model, List<String> offendingCells, List<String> offendingTerms,
                                String reason) implements JointOutcome {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a component is null
     */
    public JointNotEstimable {
        Objects.requireNonNull(model, "model");
        offendingCells = List.copyOf(offendingCells);
        offendingTerms = List.copyOf(offendingTerms);
        Objects.requireNonNull(reason, "reason");
    }
}
