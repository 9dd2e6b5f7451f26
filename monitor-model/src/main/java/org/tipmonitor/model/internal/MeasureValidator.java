package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.OutcomeIndicator;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.StatusChange;
import org.tipmonitor.model.constraints.ConsistentMeasure;

/** Validates {@link ConsistentMeasure}. Not part of the API. */
public final class MeasureValidator implements ConstraintValidator<ConsistentMeasure, ProgrammeMeasure> {

    @Override
    public boolean isValid(ProgrammeMeasure value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean valid = text(context, value.programme(), "programme");
        valid &= text(context, value.title(), "title");
        valid &= text(context, value.responsibleOrganisation(), "responsibleOrganisation");
        valid &= text(context, value.goal(), "goal");
        if (value.plannedStart() != null && value.plannedEnd() != null
                && value.plannedEnd().isBefore(value.plannedStart())) {
            Violations.add(context, ModelRule.PLANNED_DATES.code() + ": planned end " + value.plannedEnd()
                    + " is before the planned start " + value.plannedStart(), "plannedEnd");
            valid = false;
        }
        List<StatusChange> history = value.statusHistory();
        if (history != null && history.isEmpty()) {
            Violations.add(context, ModelRule.STATUS_HISTORY_ORDER.code() + ": the status history is empty; it"
                    + " starts with the status the measure was announced with", "statusHistory");
            valid = false;
        }
        for (int i = 1; history != null && i < history.size(); i++) {
            StatusChange previous = history.get(i - 1);
            StatusChange change = history.get(i);
            if (previous != null && change != null && previous.effectiveDate() != null
                    && change.effectiveDate() != null && !change.effectiveDate().isAfter(previous.effectiveDate())) {
                Violations.addInList(context, ModelRule.STATUS_HISTORY_ORDER.code() + ": status change " + i
                        + " is effective " + change.effectiveDate() + ", not after the change before it ("
                        + previous.effectiveDate() + ")", "statusHistory", i, "effectiveDate");
                valid = false;
            }
        }
        List<String> indicators = value.outcomeIndicators();
        for (int i = 0; indicators != null && i < indicators.size(); i++) {
            String name = indicators.get(i);
            if (name != null && name.matches(ProgrammeMeasure.INDICATOR_PATTERN)
                    && OutcomeIndicator.fromId(name).isEmpty()) {
                // The name has the accepted shape (TM-M-026 otherwise), but a date or a number has it too: withheld.
                Violations.addAtElement(context, ModelRule.UNKNOWN_OUTCOME_INDICATOR.code() + ": outcome indicator "
                        + i + " is not in the catalogue (value withheld); known: " + OutcomeIndicator.ids(),
                        "outcomeIndicators", i);
                valid = false;
            }
        }
        return valid;
    }

    private static boolean text(ConstraintValidatorContext context, String text, String property) {
        if (text != null && (text.isBlank() || text.length() > ProgrammeMeasure.MAX_TEXT)) {
            Violations.add(context, ModelRule.TEXT_SHAPE.code() + ": " + property + " must be 1 to "
                    + ProgrammeMeasure.MAX_TEXT + " characters and not blank, got " + text.length() + " characters",
                    property);
            return false;
        }
        return true;
    }
}
