package org.tipmonitor.indicators.followup;

import java.util.Arrays;
import java.util.Objects;
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
