package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tipmonitor.model.constraints.ConsistentMeasure;
import org.tipmonitor.model.internal.BuildCheck;

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

    /**
     * A builder of a measure, for callers who would rather name the nine values than give them in order; the
     * outcome indicators default to none.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this measure's values, to make a copy with some of them changed.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).programme(programme).title(title).responsibleOrganisation(responsibleOrganisation)
                .goal(goal).plannedStart(plannedStart).plannedEnd(plannedEnd).statusHistory(statusHistory)
                .outcomeIndicators(outcomeIndicators);
    }

    /**
     * Builds a {@link ProgrammeMeasure} value by value and checks it on {@link #build()}. Not thread-safe; a
     * builder may build several measures. The canonical constructor remains and accepts anything (validation then
     * reports each broken rule); the builder refuses an incomplete or inconsistent measure at once.
     */
    public static final class Builder {
        private String id;
        private String programme;
        private String title;
        private String responsibleOrganisation;
        private String goal;
        private LocalDate plannedStart;
        private LocalDate plannedEnd;
        private List<StatusChange> statusHistory;
        private List<String> outcomeIndicators = List.of();

        private Builder() {
        }

        /**
         * Sets the identifier.
         *
         * @param value the identifier
         * @return this builder
         */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the programme's name.
         *
         * @param value the name
         * @return this builder
         */
        public Builder programme(String value) {
            this.programme = value;
            return this;
        }

        /**
         * Sets the measure's title.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /**
         * Sets the responsible organisation.
         *
         * @param value the organisation
         * @return this builder
         */
        public Builder responsibleOrganisation(String value) {
            this.responsibleOrganisation = value;
            return this;
        }

        /**
         * Sets the goal.
         *
         * @param value the goal, or {@code null} when not stated
         * @return this builder
         */
        public Builder goal(String value) {
            this.goal = value;
            return this;
        }

        /**
         * Sets the planned start.
         *
         * @param value the date, or {@code null} when not stated
         * @return this builder
         */
        public Builder plannedStart(LocalDate value) {
            this.plannedStart = value;
            return this;
        }

        /**
         * Sets the planned date of full implementation.
         *
         * @param value the date, or {@code null} when not stated
         * @return this builder
         */
        public Builder plannedEnd(LocalDate value) {
            this.plannedEnd = value;
            return this;
        }

        /**
         * Sets the status history.
         *
         * @param value the status changes in date order
         * @return this builder
         */
        public Builder statusHistory(List<StatusChange> value) {
            this.statusHistory = value;
            return this;
        }

        /**
         * Sets the outcome indicators.
         *
         * @param value the indicators' names (default none)
         * @return this builder
         */
        public Builder outcomeIndicators(List<String> value) {
            this.outcomeIndicators = value;
            return this;
        }

        /**
         * Builds the measure and checks it: the identifier, programme, title, organisation, status history and
         * outcome indicators present, the identifier of the accepted shape, and the rules of
         * {@link ConsistentMeasure}. That dates are not in the future depends on the validating clock and is left
         * to validation (the readers check it).
         *
         * @return the measure
         * @throws org.tipmonitor.model.ModelException ({@link ModelRule#REQUIRED}) if a required value is
         *         missing; ({@link ModelRule#RECORD_ID_SHAPE}) if the identifier has another shape;
         *         ({@link ModelRule#TEXT_SHAPE}) if there are more than 20 outcome indicators or one has another
         *         shape; ({@link ModelRule#TEXT_SHAPE}, {@link ModelRule#PLANNED_DATES},
         *         {@link ModelRule#STATUS_HISTORY_ORDER}, {@link ModelRule#UNKNOWN_OUTCOME_INDICATOR}) if a rule of
         *         {@link ConsistentMeasure} is broken, the messages of every broken rule joined
         */
        public ProgrammeMeasure build() {
            String type = "ProgrammeMeasure";
            BuildCheck.id(type, "id", id, CaseId.PATTERN);
            BuildCheck.required(type, "programme", programme);
            BuildCheck.required(type, "title", title);
            BuildCheck.required(type, "responsibleOrganisation", responsibleOrganisation);
            BuildCheck.required(type, "statusHistory", statusHistory);
            BuildCheck.required(type, "outcomeIndicators", outcomeIndicators);
            statusHistory.forEach(change -> BuildCheck.required(type, "status change", change));
            if (outcomeIndicators.size() > 20) {
                throw new ModelException(ModelRule.TEXT_SHAPE, "ProgrammeMeasure has more than 20 outcome"
                        + " indicators: " + outcomeIndicators.size());
            }
            for (int i = 0; i < outcomeIndicators.size(); i++) {
                BuildCheck.required(type, "outcome indicator " + i, outcomeIndicators.get(i));
                if (!outcomeIndicators.get(i).matches(INDICATOR_PATTERN)) {
                    throw new ModelException(ModelRule.TEXT_SHAPE, "ProgrammeMeasure's outcome indicator "
                            + i + " must match " + INDICATOR_PATTERN + " (value withheld)");
                }
            }
            return BuildCheck.rules(new ProgrammeMeasure(id, programme, title, responsibleOrganisation, goal,
                    plannedStart, plannedEnd, statusHistory, outcomeIndicators));
        }
    }
}
