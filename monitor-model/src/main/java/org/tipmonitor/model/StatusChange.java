package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/**
 * A programme measure's status from a date on.
 *
 * @param status        the status
 * @param effectiveDate the first day the status holds
 */
public record StatusChange(
        @NotNull(message = ModelRule.Messages.REQUIRED) MeasureStatus status,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate effectiveDate) {
}
