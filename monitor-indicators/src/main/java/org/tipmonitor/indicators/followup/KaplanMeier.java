package org.tipmonitor.indicators.followup;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * The Kaplan&ndash;Meier (product-limit) estimator of a survival function from right-censored times, with
 * Greenwood's variance and a pointwise confidence interval on the log&minus;log scale. Immutable and thread-safe;
 * default level 95%.
 *
 * <p>With distinct event times t<sub>1</sub> &lt; &hellip; &lt; t<sub>k</sub>, n<sub>j</sub> subjects at risk (time
 * &ge; t<sub>j</sub>) and d<sub>j</sub> events at t<sub>j</sub> (a subject censored at t<sub>j</sub> is at risk at
 * t<sub>j</sub>):
 * <pre>
 *   S(t) = &prod;_{t_j &le; t} (1 &minus; d_j / n_j)                                  (Kaplan &amp; Meier 1958)
 *   Var S(t) = S(t)&sup2; &sum;_{t_j &le; t} d_j / (n_j (n_j &minus; d_j))                  (Greenwood 1926)
 *   &sigma;(t) = &radic;(&sum; d_j / (n_j (n_j &minus; d_j))) / |log S(t)|,  bounds S(t)^exp(&plusmn;z &sigma;(t))
 * </pre>
 * the last being the log&minus;log interval (Kalbfleisch &amp; Prentice 2002, section 1.4.1), which stays in [0, 1].
 * Where S(t) = 1 the bounds are 1; once n<sub>j</sub> = d<sub>j</sub>, S = 0 and its standard error and bounds are 0.
 *
 * <p>References: Kaplan, E. L. &amp; Meier, P. (1958). Nonparametric estimation from incomplete observations.
 * <i>JASA</i> 53(282), 457&ndash;481. Greenwood, M. (1926). The natural duration of cancer. <i>Reports on Public
 * Health and Medical Subjects</i> 33. Kalbfleisch, J. D. &amp; Prentice, R. L. (2002). <i>The Statistical Analysis of
 * Failure Time Data</i>, 2nd ed. Wiley.
 */
public final class KaplanMeier {


    private static final KaplanMeier DEFAULTS = new KaplanMeier(0.95);
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final double level;

    private KaplanMeier(double level) {
        this.level = level;
    }

    /**
     * The estimator with 95% pointwise intervals.
     *
     * @return the estimator
     */
    public static KaplanMeier withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another confidence level.
     *
     * @param newLevel the level, in (0, 1)
     * @return the copy
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public KaplanMeier withConfidenceLevel(double newLevel) {
        Arguments.checkConfidenceLevel(newLevel);
        return new KaplanMeier(newLevel);
    }

    /**
     * The confidence level.
     *
     * @return the level
     */
    public double confidenceLevel() {
        return level;
    }

    /**
     * Estimates the curve.
     *
     * @param times      each subject's time (of the event, or of censoring), &ge; 0
     * @param event      whether the subject's time is an event (true) or a censoring (false)
     * @param provenance the provenance of the result
     * @return the curve; no event times if there is no event
     * @throws IndicatorException if the arrays differ in length or a time is negative
     * @throws NullPointerException if an argument is null
     */
    public KaplanMeierCurve estimate(int[] times, boolean[] event, Provenance provenance) {
        if (times.length != event.length) {
            throw IndicatorException.of(IndicatorRule.FOLLOW_UP_LENGTHS, times.length, event.length);
        }
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < times.length; i++) {
            if (times[i] < 0) {
                throw IndicatorException.of(IndicatorRule.FOLLOW_UP_NEGATIVE_TIME, i, times[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(times[a], times[b]));
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
        int n = times.length;
        int[] t = new int[n];
        long[] risk = new long[n];
        long[] d = new long[n];
        double[] s = new double[n];
        double[] se = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int k = 0;
        long censored = 0;
        double survival = 1;
        double greenwood = 0;
        int i = 0;
        while (i < n) {
            int time = times[order[i]];
            long atRisk = n - i;
            long events = 0;
            while (i < n && times[order[i]] == time) {
                if (event[order[i]]) {
                    events++;
                } else {
                    censored++;
                }
                i++;
            }
            if (events == 0) {
                continue;
            }
            survival *= 1 - (double) events / atRisk;
            t[k] = time;
            risk[k] = atRisk;
            d[k] = events;
            s[k] = survival;
            if (events == atRisk) {
                // Every subject at risk has the event: S = 0 from here on, and no subject remains.
                survival = 0;
                s[k] = 0;
                se[k] = 0;
                lo[k] = 0;
                hi[k] = 0;
            } else {
                greenwood += (double) events / (atRisk * (atRisk - events));
                se[k] = survival * Math.sqrt(greenwood);
                double sigma = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
                lo[k] = Math.pow(survival, Math.exp(z * sigma));
                hi[k] = Math.pow(survival, Math.exp(-z * sigma));
            }
            k++;
        }
        return new KaplanMeierCurve(Arrays.copyOf(t, k), Arrays.copyOf(risk, k), Arrays.copyOf(d, k),
                Arrays.copyOf(s, k), Arrays.copyOf(se, k), Arrays.copyOf(lo, k), Arrays.copyOf(hi, k), level, n,
                censored, provenance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KaplanMeier[level=%s, greenwood, log-log]", level);
    }
}
