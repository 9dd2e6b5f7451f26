package org.tipmonitor.indicators.residence;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.shares.ShareDifference;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.model.DublinStatus;

/**
 * The registrations of one Dublin-status group before and after a change of the residence scheme: their counts and
 * annualised rates with the rate ratio after/before, and the share registered in the reflection period on either
 * side with their difference (after &minus; before).
 *
 * @param cutDate            the first day under the changed scheme
 * @param group              the Dublin-status group
 * @param before             registrations of the group before the cut date
 * @param after              registrations from the cut date on
 * @param daysBefore         days of the period before the cut date
 * @param daysAfter          days of the period from the cut date on
 * @param rateRatio          the rate ratio after/before with its interval; empty without a registration before
 * @param reflectionBefore   the share in the reflection period before (stage unknown: unknowns)
 * @param reflectionAfter    the share in the reflection period after
 * @param difference         after &minus; before with Newcombe's interval; empty unless both shares are defined
 * @param provenance         how the comparison was computed
 */
public record ResidenceSchemeChange(LocalDate cutDate, DublinStatus group, long before, long after, long daysBefore,
                                    long daysAfter, Optional<RateRatio> rateRatio, ShareEstimate reflectionBefore,
                                    ShareEstimate reflectionAfter, Optional<ShareDifference> difference,
                                    Provenance provenance) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ResidenceSchemeChange {
        Objects.requireNonNull(cutDate, "cutDate");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(rateRatio, "rateRatio");
        Objects.requireNonNull(reflectionBefore, "reflectionBefore");
        Objects.requireNonNull(reflectionAfter, "reflectionAfter");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Registrations a year before the cut date, before &times; 365.25 / daysBefore.
     *
     * @return the annual rate
     */
    public double annualRateBefore() {
        return before * 365.25 / daysBefore;
    }

    /**
     * Registrations a year from the cut date on.
     *
     * @return the annual rate
     */
    public double annualRateAfter() {
        return after * 365.25 / daysAfter;
    }
}
