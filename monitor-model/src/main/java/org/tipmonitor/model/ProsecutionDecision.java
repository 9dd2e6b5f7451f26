package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/**
 * The public prosecutor's decision on a case (afdoening door het OM).
 *
 * @param type the decision
 * @param date the date of the decision; {@code null} when it is pending or its date is not known (a pending
 *             decision has no date, rule {@link ModelRule#STAGE_DATE})
 */
public record ProsecutionDecision(
        @NotNull(message = ModelRule.Messages.REQUIRED) ProsecutorDecisionType type,
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate date) {

    /** A decision still to be taken. */
    public static final ProsecutionDecision PENDING = new ProsecutionDecision(ProsecutorDecisionType.PENDING, null);

    /**
     * A decision taken on a date.
     *
     * @param type the decision
     * @param date the date
     * @return the decision
     */
    public static ProsecutionDecision of(ProsecutorDecisionType type, LocalDate date) {
        return new ProsecutionDecision(type, date);
    }
}
