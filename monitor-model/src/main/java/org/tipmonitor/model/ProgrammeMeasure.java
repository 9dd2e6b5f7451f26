package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tipmonitor.model.constraints.ConsistentMeasure;

/**
 * One measure of a government programme against trafficking, such as the programme "Samen tegen mensenhandel"
 * (Together against trafficking, November 2018), with its implementation status over time and the outcome
 * indicators it should move. It describes organisations and plans, never a person.
 *
 * <p>Rules ({@link ConsistentMeasure}): the status history is not empty and its effective dates increase strictly
 * ({@link ModelRule#STATUS_HISTORY_ORDER}); the planned end is not before the planned start
 * ({@link ModelRule#PLANNED_DATES}); texts are not blank and not longer than their limit
 * ({@link ModelRule#TEXT_SHAPE}). The actual start and implementation dates are read from the status history,
 * so they cannot contradict it.
 *
 * @param id                      the measure's identifier, unique in a dataset
 * @param programme               the programme's name
 * @param title                   the measure's title
 * @param responsibleOrganisation the organisation responsible for implementing it
 * @param goal                    what the measure should achieve, {@code null} when not stated
 * @param plannedStart            the planned start, {@code null} when not stated
 * @param plannedEnd              the planned date of full implementation, {@code null} when not stated
 * @param statusHistory           the status changes in date order; copied
 * @param outcomeIndicators       the names of the outcome indicators the measure should move (e.g.
 *                                {@code "police-signals"}); copied
 */
@ConsistentMeasure
public record ProgrammeMeasure(
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @Pattern(regexp = CaseId.PATTERN, message = ModelRule.Messages.RECORD_ID_SHAPE) String id,
        @NotNull(message = ModelRule.Messages.REQUIRED) String programme,
        @NotNull(message = ModelRule.Messages.REQUIRED) String title,
        @NotNull(message = ModelRule.Messages.REQUIRED) String responsibleOrganisation,
        String goal,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        List<@NotNull(message = ModelRule.Messages.REQUIRED) @Valid StatusChange> statusHistory,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @Size(max = 20, message = ModelRule.Messages.TEXT_SHAPE)
        List<@NotNull(message = ModelRule.Messages.REQUIRED)
        @Pattern(regexp = INDICATOR_PATTERN, message = ModelRule.Messages.TEXT_SHAPE) String> outcomeIndicators) {

    /** The longest title, programme, organisation or goal accepted. */
    public static final int MAX_TEXT = 500;
    /** The accepted shape of an outcome indicator's name. */
    public static final String INDICATOR_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";

    /** Copies the lists. */
    public ProgrammeMeasure {
        statusHistory = statusHistory == null ? null : List.copyOf(statusHistory);
        outcomeIndicators = outcomeIndicators == null ? null : List.copyOf(outcomeIndicators);
    }

    /**
     * The status on a day: the last change effective on or before it.
     *
     * @param day the day
     * @return the status, or empty before the first change
     */
    public Optional<MeasureStatus> statusOn(LocalDate day) {
        MeasureStatus status = null;
        for (StatusChange change : statusHistory) {
            if (!change.effectiveDate().isAfter(day)) {
                status = change.status();
            }
        }
        return Optional.ofNullable(status);
    }

    /**
     * The actual start: the first day of a status under way (started, partly implemented, implemented).
     *
     * @return the day, or empty if implementation never started
     */
    public Optional<LocalDate> actualStart() {
        return statusHistory.stream().filter(c -> c.status().isUnderway()).map(StatusChange::effectiveDate)
                .findFirst();
    }

    /**
     * The actual date of full implementation: the first day with status implemented.
     *
     * @return the day, or empty if the measure was never fully implemented
     */
    public Optional<LocalDate> actualImplementation() {
        return statusHistory.stream().filter(c -> c.status() == MeasureStatus.IMPLEMENTED)
                .map(StatusChange::effectiveDate).findFirst();
    }
}
