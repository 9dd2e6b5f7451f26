package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tipmonitor.indicators.estimation.internal.ExistenceLp;
import org.tipmonitor.indicators.estimation.internal.LogLinearDesign;

/**
 * Whether a log-linear model has a finite maximum-likelihood estimate and an identifiable unobserved count on a
 * table: SparseMSE's {@code checkident} (Chan, Silverman &amp; Vincent 2021), after Fienberg &amp; Rinaldo (2012).
 *
 * <p>First every model term S whose lists never overlap (N*(S) = 0) is fixed at &minus;&infin; and every cell
 * h &supe; S dropped. On the remaining design X (cells &times; intercept and finite terms) with counts y:
 * <ul>
 *   <li>the MLE is finite iff the linear program max s subject to X'x = X'y, x<sub>h</sub> &ge; s, x, s &ge; 0
 *       has a positive optimum, i.e. a strictly positive table shares the data's sufficient statistics;</li>
 *   <li>the unobserved count is identifiable iff X has full column rank (pivoted QR, tolerance 1e-7).</li>
 * </ul>
 *
 * @param status         the outcome with SparseMSE's code
 * @param offendingTerms the aliased terms, or the terms inside cells forced to zero (empty when OK)
 * @param infiniteTerms  the terms fixed at &minus;&infin;
 */
public record ExistenceCheck(ExistenceStatus status, List<String> offendingTerms, List<String> infiniteTerms) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a component is null
     */
    public ExistenceCheck {
        Objects.requireNonNull(status, "status");
        offendingTerms = List.copyOf(offendingTerms);
        infiniteTerms = List.copyOf(infiniteTerms);
    }

    /**
     * Runs the check.
     *
     * @param histories the table
     * @param model     the model, on the table's lists
     * @return the check's outcome
     * @throws org.tipmonitor.indicators.IndicatorException if the model's lists differ from the table's
     */
    public static ExistenceCheck run(CaptureHistories histories, LogLinearModel model) {
        Arguments.requireSameLists(histories, model);
        LogLinearDesign design = new LogLinearDesign(histories.listCount(), histories.countsByMask(),
                model.termMasks());
        return of(design, ExistenceLp.check(design), histories.listNames());
    }

    static ExistenceCheck of(LogLinearDesign design, ExistenceLp.Outcome outcome, List<String> names) {
        List<String> infinite = new ArrayList<>();
        for (int s : design.infiniteTerms()) {
            infinite.add(LogLinearModel.termName(s, names));
        }
        List<String> offending = new ArrayList<>();
        int[] terms = design.terms();
        for (int j : outcome.aliasedColumns()) {
            offending.add(j == 0 ? "(Intercept)" : LogLinearModel.termName(terms[j - 1], names));
        }
        if (!outcome.mleExists()) {
            List<String> mains = new ArrayList<>();
            for (int s : terms) {
                boolean inForced = false;
                for (int r : outcome.forcedZeroCells()) {
                    int h = design.cells()[r];
                    if ((h & s) == s) {
                        inForced = true;
                        break;
                    }
                }
                String name = LogLinearModel.termName(s, names);
                if (inForced && !offending.contains(name)) {
                    (Integer.bitCount(s) >= 2 ? offending : mains).add(name);
                }
            }
            if (offending.isEmpty()) {
                offending.addAll(mains);
            }
        }
        return new ExistenceCheck(ExistenceStatus.ofCode(outcome.code()), offending, infinite);
    }
}
