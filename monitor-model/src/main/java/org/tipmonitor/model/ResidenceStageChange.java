package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/**
 * A victim's stage of the B8/3 residence scheme from a date on: one entry of a {@link ResidenceHistory}.
 *
 * @param stage         the stage
 * @param effectiveDate the first day the stage holds
 */
public record ResidenceStageChange(
        @NotNull(message = ModelRule.Messages.REQUIRED) ResidenceSchemeStage stage,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate effectiveDate) {
}
