package org.tipmonitor.indicators.residence;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.followup.KaplanMeierCurve;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.model.DublinStatus;

/**
 * The time in the reflection period of the reflection periods entered in a span of days, for one Dublin-status group
 * or all: how many there are, how many ended by the end of observation and how many are censored (still in the
 * reflection period then), the Kaplan&ndash;Meier quartiles of the days in it with Brookmeyer&ndash;Crowley
 * intervals, and the share that left it within three months among those observed for three months.
 *
 * @param from             the first day of entry
 * @param to               the last day of entry
 * @param group            the Dublin-status group; empty for all
 * @param periods          the reflection periods entered
 * @param ended            those whose end is recorded by the end of observation
 * @param censored         those still in the reflection period at the end of observation
 * @param firstQuartile    the 25% quantile of the days in the reflection period
 * @param median           the median
 * @param thirdQuartile    the 75% quantile
 * @param notYetObservable periods entered less than three months before the end of observation, left out of the
 *                         share
 * @param leftWithin3Months the share that left within three months of entry, of the others
 * @param curve            the Kaplan&ndash;Meier curve, times in days
 */
public record ReflectionTime(LocalDate from, LocalDate to, Optional<DublinStatus> group, long periods, long ended,
                             long censored, KaplanMeierCurve.Quantile firstQuartile, KaplanMeierCurve.Quantile median,
                             KaplanMeierCurve.Quantile thirdQuartile, long notYetObservable,
                             ShareEstimate leftWithin3Months, KaplanMeierCurve curve) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ReflectionTime {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(firstQuartile, "firstQuartile");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(thirdQuartile, "thirdQuartile");
        Objects.requireNonNull(leftWithin3Months, "leftWithin3Months");
        Objects.requireNonNull(curve, "curve");
    }

    /**
     * The group's label: the Dublin status's code, or {@code "all"}.
     *
     * @return the label
     */
    public String groupLabel() {
        return group.map(DublinStatus::code).orElse(ReflectionPeriod.ALL);
    }
}
