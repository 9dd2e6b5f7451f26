package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.ConfidenceInterval;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.internal.Outcomes;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import java.util.List;
import java.util.Optional;

import org.tipmonitor.indicators.Provenance;

/**
 * Chao's (1987) lower bound for the population size under heterogeneous catchability, from the frequencies
 * f<sub>j</sub> of cases seen on exactly j lists:
 *
 * <blockquote>
 *   N&#770; = n + f<sub>1</sub><sup>2</sup> / (2 f<sub>2</sub>),<br>
 *   var(N&#770;) = f<sub>2</sub> [ r<sup>4</sup>/4 + r<sup>3</sup> + r<sup>2</sup>/2 ],<br>
 *   r = f<sub>1</sub>/f<sub>2</sub>,
 * </blockquote>
 *
 * <p>with Chao's log-transformed interval [n + f&#770;<sub>0</sub>/C, n + f&#770;<sub>0</sub> C],
 * C = exp(z<sub>1&minus;&alpha;/2</sub> &radic;log(1 + var/f&#770;<sub>0</sub><sup>2</sup>)), f&#770;<sub>0</sub> =
 * N&#770; &minus; n (Chao 1987, Biometrics 43, 783&ndash;791), a Wald interval on the log of the unobserved
 * count. It uses only how often each case was seen, not which lists, and is a lower bound when catchability
 * varies between cases. With f<sub>2</sub> = 0 the bound is infinite: the outcome is {@link NotEstimable}.
 */
public final class ChaoLowerBound {

    /** The method name in results. */
    public static final String METHOD = "chao-lower-bound";

    private ChaoLowerBound() {
    }

    /**
     * The lower bound with its 95 % interval.
     *
     * @param histories the table
     * @return the outcome
     * @throws IndicatorException if the table has no observed case
     */
    public static EstimationOutcome estimate(CaptureHistories histories) {
        return estimate(histories, 0.95);
    }

    /**
     * The lower bound with its interval at a level.
     *
     * @param histories       the table
     * @param confidenceLevel in (0, 1)
     * @return the outcome
     * @throws IndicatorException if the table has no observed case or the level is not in (0, 1)
     */
    public static EstimationOutcome estimate(CaptureHistories histories, double confidenceLevel) {
        Arguments.checkLevel(confidenceLevel);
        Arguments.requireObservations(histories);
        long[] counts = histories.countsByMask();
        double f1 = 0;
        double f2 = 0;
        for (int h = 1; h < counts.length; h++) {
            int c = Integer.bitCount(h);
            if (c == 1) {
                f1 += counts[h];
            } else if (c == 2) {
                f2 += counts[h];
            }
        }
        long n = histories.observed();
        Provenance provenance = Provenance.of(METHOD)
                .withDefinition("interval", PopulationInterval.WALD_LOG_UNOBSERVED.name())
                .withDefinition("level", Double.toString(confidenceLevel));
        if (f2 == 0) {
            return new NotEstimable(METHOD, histories.listNames(), ExistenceStatus.MLE_NOT_FINITE, List.of(),
                    List.of(), "No case is on exactly two lists (f2 = 0): Chao's lower bound is infinite", provenance);
        }
        double f0 = f1 * f1 / (2 * f2);
        double r = f1 / f2;
        double variance = f2 * (r * r * r * r / 4 + r * r * r + r * r / 2);
        double lower = n;
        double upper = n;
        if (f0 > 0) {
            double z = Outcomes.normalQuantile(0.5 + confidenceLevel / 2);
            double c = Math.exp(z * Math.sqrt(Math.log(1 + variance / (f0 * f0))));
            lower = n + f0 / c;
            upper = n + f0 * c;
        }
        ConfidenceInterval interval = new ConfidenceInterval(lower, upper, confidenceLevel,
                PopulationInterval.WALD_LOG_UNOBSERVED);
        return new Estimate(METHOD, histories.listNames(), n, n + f0, Math.sqrt(variance), interval,
                Optional.empty(), List.of(), provenance);
    }
}
