package org.tipmonitor.indicators.police;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.trends.Change;
import org.tipmonitor.indicators.trends.ChangeDecomposition;
import org.tipmonitor.indicators.trends.Direction;
import org.tipmonitor.indicators.trends.GroupContribution;
import org.tipmonitor.indicators.trends.Streak;

/**
 * The change of a police series into one year, placed in its history and split over groups: the two statements of
 * the Nationaal Rapporteur's letter of 28 November 2019 about police reports, "in 2018 for the first time in five
 * years slightly increased" and "this is due to a sharp rise of only one specific group: African victims".
 *
 * <p>"First increase in n years" ({@link #isFirstInYears(int)}): the change into the year is an increase and none
 * of the n &minus; 1 year-on-year changes before it is one, which the series must be long enough to show
 * ({@link org.tipmonitor.indicators.trends.AnnualSeries#yearsSinceLast}). "Driven by one group"
 * ({@link #soleDriver()}): see {@link ChangeDecomposition#soleDriver()}.
 *
 * @param change            the change of the total from the year before into the year
 * @param priorChanges      the number of year-on-year changes in the series before this one
 * @param yearsSinceLast    k &ge; 1 such that the change into year &minus; k was the last one in the same direction;
 *                          empty if none of the prior changes has it
 * @param streakBefore      the run of same-direction changes that ends in the year before, empty if the year before
 *                          is the first year
 * @param decomposition     the change split over the groups of a dimension
 * @param provenance        how the change was computed
 */
public record PoliceSignalChange(
        Change change,
        int priorChanges,
        OptionalInt yearsSinceLast,
        Optional<Streak> streakBefore,
        ChangeDecomposition decomposition,
        Provenance provenance) {


    /**
     * Validates the result.
     *
     * @throws IndicatorException if priorChanges is negative
     * @throws NullPointerException if a component is null
     */
    public PoliceSignalChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(yearsSinceLast, "yearsSinceLast");
        Objects.requireNonNull(streakBefore, "streakBefore");
        Objects.requireNonNull(decomposition, "decomposition");
        Objects.requireNonNull(provenance, "provenance");
        if (priorChanges < 0) {
            throw IndicatorException.of(IndicatorRule.POLICE_NEGATIVE_PRIOR, priorChanges);
        }
    }

    /**
     * Whether this is the first change in its direction in n years: the change is not zero and none of the
     * n &minus; 1 changes before it had its direction (the series has at least n &minus; 1 prior changes).
     *
     * @param n the number of years, &ge; 1 (n = 1 holds for any nonzero change)
     * @return true if it is
     * @throws IndicatorException if n &lt; 1
     */
    public boolean isFirstInYears(int n) {
        if (n < 1) {
            throw IndicatorException.of(IndicatorRule.POLICE_NO_YEARS, n);
        }
        if (change.direction() == Direction.UNCHANGED || priorChanges < n - 1) {
            return false;
        }
        return yearsSinceLast.isEmpty() || yearsSinceLast.getAsInt() >= n;
    }

    /**
     * The single group the change is due to, if any; see {@link ChangeDecomposition#soleDriver()}.
     *
     * @return the group's contribution, or empty
     */
    public Optional<GroupContribution> soleDriver() {
        return decomposition.soleDriver();
    }

    /**
     * The change in words (when a change in its direction was last seen, the run before it), then the
     * decomposition as a table ({@link ChangeDecomposition#toString()}).
     *
     * @return e.g. {@code "PoliceSignalChange into 2018: 279 to 318 (increase, +39); the last increase was 5 years
     *         earlier; before it: decrease from 2013 to 2017"} and the table
     */
    @Override
    public String toString() {
        String direction = change.direction().name().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "PoliceSignalChange into %d: %d to %d (%s, %+d)", change.toYear(), change.from(), change.to(),
                direction, change.absolute()));
        if (change.direction() != Direction.UNCHANGED) {
            if (yearsSinceLast.isPresent()) {
                sb.append(String.format(Locale.ROOT, "; the last %s was %d years earlier", direction,
                        yearsSinceLast.getAsInt()));
            } else {
                sb.append(String.format(Locale.ROOT, "; no %s in the %d changes before", direction, priorChanges));
            }
        }
        streakBefore.ifPresent(s -> sb.append(String.format(Locale.ROOT, "; before it: %s from %d to %d",
                s.direction().name().toLowerCase(Locale.ROOT), s.firstYear(), s.lastYear())));
        return sb.append('\n').append(decomposition).toString();
    }
}
