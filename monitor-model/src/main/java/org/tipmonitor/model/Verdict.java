package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/**
 * The first-instance verdict on a summoned suspect (uitspraak in eerste aanleg).
 *
 * @param outcome the outcome; {@link VerdictOutcome#NOT_APPLICABLE} when the suspect was not summoned
 * @param date    the date of the verdict; {@code null} when pending, not applicable or not known
 */
public record Verdict(
        @NotNull(message = ModelRule.Messages.REQUIRED) VerdictOutcome outcome,
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate date) {

    /** No trial: the suspect was not summoned. */
    public static final Verdict NOT_APPLICABLE = new Verdict(VerdictOutcome.NOT_APPLICABLE, null);
    /** Summoned, awaiting the verdict. */
    public static final Verdict PENDING = new Verdict(VerdictOutcome.PENDING, null);

    /**
     * A verdict given on a date.
     *
     * @param outcome the outcome
     * @param date    the date
     * @return the verdict
     */
    public static Verdict of(VerdictOutcome outcome, LocalDate date) {
        return new Verdict(outcome, date);
    }
}
