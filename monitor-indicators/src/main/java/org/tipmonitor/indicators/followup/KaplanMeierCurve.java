package org.tipmonitor.indicators.followup;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;

/**
 * A Kaplan&ndash;Meier curve: at each distinct event time t<sub>j</sub> (days), the number at risk n<sub>j</sub>, the
 * events d<sub>j</sub>, the survival S(t<sub>j</sub>) (the probability of no event by t<sub>j</sub>), its Greenwood
 * standard error and a pointwise confidence interval. See {@link KaplanMeier} for the formulas. Arrays are copied
 * in and out.
 *
 * @param times          the distinct event times, ascending
 * @param atRisk         n<sub>j</sub>, subjects with time &ge; t<sub>j</sub>
 * @param events         d<sub>j</sub> &ge; 1, events at t<sub>j</sub>
 * @param survival       S(t<sub>j</sub>), non-increasing in [0, 1]
 * @param standardError  the Greenwood standard error of S(t<sub>j</sub>); 0 where S = 0
 * @param lower          the lower pointwise bound (log&minus;log transform)
 * @param upper          the upper pointwise bound
 * @param level          the confidence level
 * @param subjects       the number of subjects
 * @param censored       the number of censored subjects
 * @param provenance     how the curve was computed
 */
public record KaplanMeierCurve(int[] times, long[] atRisk, long[] events, double[] survival,
                               double[] standardError, double[] lower, double[] upper, double level,
                               long subjects, long censored, Provenance provenance) {

    /**
     * Copies the arrays.
     *
     * @throws NullPointerException if an array or the provenance is null
     */
    public KaplanMeierCurve {
        times = times.clone();
        atRisk = atRisk.clone();
        events = events.clone();
        survival = survival.clone();
        standardError = standardError.clone();
        lower = lower.clone();
        upper = upper.clone();
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public int[] times() {
        return times.clone();
    }

    @Override
    public long[] atRisk() {
        return atRisk.clone();
    }

    @Override
    public long[] events() {
        return events.clone();
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    @Override
    public double[] standardError() {
        return standardError.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * The survival at a time: the step function S(t) = S(t<sub>j</sub>) for the last event time t<sub>j</sub> &le; t,
     * 1 before the first event.
     *
     * @param day the time in days
     * @return S(day)
     */
    public double survivalAt(int day) {
        int j = lastStep(day);
        return j < 0 ? 1.0 : survival[j];
    }

    /**
     * The cumulative share with an event by a time, 1 &minus; S(t), with its bounds 1 &minus; upper, 1 &minus; lower.
     *
     * @param day the time in days
     * @return {estimate, lower, upper}
     */
    public double[] eventShareBy(int day) {
        int j = lastStep(day);
        return j < 0 ? new double[] {0, 0, 0} : new double[] {1 - survival[j], 1 - upper[j], 1 - lower[j]};
    }

    /**
     * A quantile of the time to the event with its confidence interval.
     *
     * @param probability the probability p of an event by the quantile (0.5 for the median)
     * @param estimate    the quantile: the first event time t<sub>j</sub> with S(t<sub>j</sub>) &lt; 1 &minus; p;
     *                    empty if the curve never falls below 1 &minus; p (not reached)
     * @param lower       the lower confidence limit; empty only if no event time is in the confidence set
     * @param upper       the upper confidence limit; empty if the confidence set reaches the last event time (the
     *                    limit is not reached, infinite) or is empty
     * @param level       the confidence level
     */
    public record Quantile(double probability, OptionalInt estimate, OptionalInt lower, OptionalInt upper,
                           double level) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Quantile {
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(lower, "lower");
            Objects.requireNonNull(upper, "upper");
        }
    }

    /**
     * A quantile of the time to the event: the first event time at which S falls strictly below 1 &minus; p (up to
     * a rounding tolerance of 1e&minus;12; the
     * convention of SAS PROC LIFETEST and statsmodels' {@code SurvfuncRight.quantile}), with the Brookmeyer&ndash;
     * Crowley confidence interval on the log&minus;log scale: the event times t<sub>j</sub> whose test
     * |log(&minus;log S(t<sub>j</sub>)) &minus; log(&minus;log(1 &minus; p))| &le; z &sigma;(t<sub>j</sub>) does
     * not reject, which are exactly those whose pointwise interval [lower, upper] contains 1 &minus; p. The lower
     * limit is the first such time, the upper limit the event time after the last one (the curve stays at that
     * value until the next event), as in statsmodels' {@code quantile_ci(p, method="cloglog")}.
     *
     * <p>Reference: Brookmeyer, R. &amp; Crowley, J. (1982). A confidence interval for the median survival time.
     * <i>Biometrics</i> 38(1), 29&ndash;41.
     *
     * @param probability p, in (0, 1)
     * @return the quantile with its interval, at this curve's level
     * @throws IndicatorException if p is not in (0, 1)
     */
    public Quantile quantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw IndicatorException.of(IndicatorRule.FOLLOW_UP_QUANTILE, probability);
        }
        double target = 1 - probability;
        OptionalInt estimate = OptionalInt.empty();
        int first = -1;
        int last = -1;
        for (int j = 0; j < times.length; j++) {
            if (estimate.isEmpty() && survival[j] < target - TIE) {
                estimate = OptionalInt.of(times[j]);
            }
            if (survival[j] > 0 && lower[j] <= target && target <= upper[j]) {
                first = first < 0 ? j : first;
                last = j;
            }
        }
        OptionalInt low = first < 0 ? OptionalInt.empty() : OptionalInt.of(times[first]);
        OptionalInt high = last < 0 || last == times.length - 1 ? OptionalInt.empty() : OptionalInt.of(times[last + 1]);
        return new Quantile(probability, estimate, low, high, level);
    }

    /**
     * S equal to 1 &minus; p up to rounding counts as equal, not below: a product such as (3/4)(2/3) may round to
     * just under 0.5, and the strict convention must not turn on the last bit.
     */
    private static final double TIE = 1e-12;

    private int lastStep(int day) {
        int j = Arrays.binarySearch(times, day);
        return j >= 0 ? j : -j - 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KaplanMeierCurve k && Arrays.equals(times, k.times) && Arrays.equals(atRisk, k.atRisk)
                && Arrays.equals(events, k.events) && Arrays.equals(survival, k.survival)
                && Arrays.equals(standardError, k.standardError) && Arrays.equals(lower, k.lower)
                && Arrays.equals(upper, k.upper) && level == k.level && subjects == k.subjects
                && censored == k.censored && provenance.equals(k.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(times), Arrays.hashCode(survival), subjects, censored);
    }

    @Override
    public String toString() {
        return "KaplanMeierCurve[" + times.length + " event times, " + subjects + " subjects, " + censored
                + " censored, S(last) = " + (survival.length == 0 ? 1.0 : survival[survival.length - 1]) + "]";
    }
}
