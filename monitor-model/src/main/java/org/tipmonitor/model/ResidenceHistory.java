package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tipmonitor.model.constraints.ConsistentResidenceHistory;

/**
 * The dated stages of the B8/3 residence scheme of one registration's victim, from the registration on: when the
 * reflection period (bedenktijd) began and ended, and what followed it. A {@link Registration} records only the
 * stage on its report date; this record adds the dates the time in the reflection period is computed from. It holds
 * a record identifier, never a person's identifier. A registration without a history has no dated stages ("no stage
 * history"), which is what every file of format 1.0 holds.
 *
 * <p>Rules of the record ({@link ConsistentResidenceHistory}): the history is not empty, its effective dates
 * increase strictly and no change repeats the stage before it ({@link ModelRule#STAGE_HISTORY_ORDER}); no stage
 * follows a terminal stage, that is continued residence, or none (left the scheme) after a stage of the scheme
 * ({@link ModelRule#STAGE_AFTER_TERMINAL}, see {@link ResidenceSchemeStage#isTerminalAfter(boolean)}). Rules across
 * records, checked where the records meet (the exchange reader): the registration exists; no date is before its
 * report date; a change dated on the report date is the registration's stage; no date is after the dataset's
 * creation; a registration has at most one history.
 *
 * @param registrationId the registration whose victim the stages are of
 * @param stages         the stage changes in date order; copied
 */
@ConsistentResidenceHistory
public record ResidenceHistory(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid RegistrationId registrationId,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        List<@NotNull(message = ModelRule.Messages.REQUIRED) @Valid ResidenceStageChange> stages) {

    /**
     * Copies the stages.
     *
     * @throws NullPointerException if stages holds null (validation of a record read from input reports a missing
     *                              value as rule {@link ModelRule#REQUIRED} before this point)
     */
    public ResidenceHistory {
        stages = stages == null ? null : List.copyOf(stages);
    }

    /**
     * The stage on a day: the last change effective on or before it.
     *
     * @param day the day
     * @return the stage, or empty before the first change
     */
    public Optional<ResidenceSchemeStage> stageOn(LocalDate day) {
        ResidenceSchemeStage stage = null;
        for (ResidenceStageChange change : stages) {
            if (!change.effectiveDate().isAfter(day)) {
                stage = change.stage();
            }
        }
        return Optional.ofNullable(stage);
    }
}
