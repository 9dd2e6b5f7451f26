package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.ConfidenceInterval;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.internal.Outcomes;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tipmonitor.indicators.Provenance;

/**
 * Closed-form estimators for two lists with n<sub>1</sub> and n<sub>2</sub> cases and m on both (Seber 1982,
 * &sect;3.1):
 * <ul>
 *   <li>{@link #LINCOLN_PETERSEN}: N&#770; = n<sub>1</sub> n<sub>2</sub> / m, with the asymptotic variance
 *       n<sub>1</sub> n<sub>2</sub> (n<sub>1</sub> &minus; m)(n<sub>2</sub> &minus; m) / m<sup>3</sup>; equal to the
 *       independence log-linear model's estimate. No estimate when m = 0 (the MLE is infinite).</li>
 *   <li>{@link #CHAPMAN}: N&#770; = (n<sub>1</sub> + 1)(n<sub>2</sub> + 1)/(m + 1) &minus; 1 (Chapman 1951), nearly
 *       unbiased and defined for m = 0, with the variance (n<sub>1</sub> + 1)(n<sub>2</sub> + 1)(n<sub>1</sub> &minus;
 *       m)(n<sub>2</sub> &minus; m) / ((m + 1)<sup>2</sup>(m + 2)) (Seber 1970; Wittes 1972).</li>
 * </ul>
 * Both assume independent lists and a homogeneous population. The interval is Wald, N&#770; &plusmn;
 * z<sub>1&minus;&alpha;/2</sub> se, with the lower limit raised to n = n<sub>1</sub> + n<sub>2</sub> &minus; m when
 * it falls below (with a warning).
 */
public enum TwoListEstimator {
    /** Lincoln (1930) and Petersen (1896). */
    LINCOLN_PETERSEN,
    /** Chapman (1951). */
    CHAPMAN;

    /**
     * The estimate with a 95 % Wald interval.
     *
     * @param histories a two-list table
     * @return the outcome
     * @throws IndicatorException if the table does not have exactly two lists or has no observed case
     */
    public EstimationOutcome estimate(CaptureHistories histories) {
        return estimate(histories, 0.95);
    }

    /**
     * The estimate with a Wald interval at a level.
     *
     * @param histories       a two-list table
     * @param confidenceLevel in (0, 1)
     * @return the outcome; {@link NotEstimable} for Lincoln&ndash;Petersen when the lists do not overlap
     * @throws IndicatorException if the table does not have exactly two lists, has no observed case, or the
     *                            level is not in (0, 1)
     */
    public EstimationOutcome estimate(CaptureHistories histories, double confidenceLevel) {
        if (histories.listCount() != 2) {
            throw IndicatorException.of(IndicatorRule.NOT_TWO_LISTS, histories.listCount());
        }
        Arguments.checkLevel(confidenceLevel);
        Arguments.requireObservations(histories);
        double n1 = histories.overlapOfMask(1);
        double n2 = histories.overlapOfMask(2);
        double m = histories.overlapOfMask(3);
        long n = histories.observed();
        String method = name().toLowerCase(Locale.ROOT).replace('_', '-');
        Provenance provenance = Provenance.of(method)
                .withDefinition("interval", PopulationInterval.WALD.name())
                .withDefinition("level", Double.toString(confidenceLevel));
        List<String> names = histories.listNames();
        double estimate;
        double variance;
        if (this == LINCOLN_PETERSEN) {
            if (m == 0) {
                String term = names.get(0) + ":" + names.get(1);
                return new NotEstimable(method, names, ExistenceStatus.MLE_NOT_FINITE, List.of(term), List.of(),
                        "Lists " + names.get(0) + " and " + names.get(1)
                                + " never overlap (m = 0): the Lincoln-Petersen estimate is infinite", provenance);
            }
            estimate = n1 * n2 / m;
            variance = n1 * n2 * (n1 - m) * (n2 - m) / (m * m * m);
        } else {
            estimate = (n1 + 1) * (n2 + 1) / (m + 1) - 1;
            variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) * (m + 1) * (m + 2));
        }
        double se = Math.sqrt(variance);
        double z = Outcomes.normalQuantile(0.5 + confidenceLevel / 2);
        double lower = estimate - z * se;
        List<String> warnings = new ArrayList<>();
        if (lower < n) {
            warnings.add(String.format(Locale.ROOT,
                    "Wald lower limit %.3f is below the observed count: raised to n = %d", lower, n));
            lower = n;
        }
        ConfidenceInterval interval = new ConfidenceInterval(lower, Math.max(estimate + z * se, lower),
                confidenceLevel, PopulationInterval.WALD);
        return new Estimate(method, names, n, Math.max(estimate, n), se, interval, Optional.empty(), warnings,
                provenance);
    }
}
