package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.constraints.ConsistentResidenceHistory;

/** Validates {@link ConsistentResidenceHistory}. Not part of the API. */
public final class ResidenceHistoryValidator
        implements ConstraintValidator<ConsistentResidenceHistory, ResidenceHistory> {

    @Override
    public boolean isValid(ResidenceHistory value, ConstraintValidatorContext context) {
        if (value == null || value.stages() == null) {
            return true;
        }
        List<ResidenceStageChange> stages = value.stages();
        if (stages.isEmpty()) {
            Violations.add(context, ModelRule.STAGE_HISTORY_ORDER.code() + ": the stage history is empty; leave a"
                    + " registration without stages out instead", "stages");
            return false;
        }
        boolean valid = true;
        boolean inScheme = false;
        boolean ended = false;
        for (int i = 0; i < stages.size(); i++) {
            ResidenceStageChange change = stages.get(i);
            if (change == null || change.stage() == null || change.effectiveDate() == null) {
                return valid;
            }
            if (ended) {
                Violations.addInList(context, ModelRule.STAGE_AFTER_TERMINAL.code() + ": stage change " + i + " ("
                        + change.stage().code() + ") follows the terminal stage " + stages.get(i - 1).stage().code()
                        + "; a history ends with continued residence, or with none after a stage of the scheme",
                        "stages", i, "stage");
                return false;
            }
            if (i > 0) {
                ResidenceStageChange previous = stages.get(i - 1);
                if (!change.effectiveDate().isAfter(previous.effectiveDate())) {
                    Violations.addInList(context, ModelRule.STAGE_HISTORY_ORDER.code() + ": stage change " + i
                            + " is effective " + change.effectiveDate() + ", not after the change before it ("
                            + previous.effectiveDate() + ")", "stages", i, "effectiveDate");
                    valid = false;
                } else if (change.stage() == previous.stage()) {
                    Violations.addInList(context, ModelRule.STAGE_HISTORY_ORDER.code() + ": stage change " + i
                            + " repeats the stage before it (" + change.stage().code() + ")", "stages", i, "stage");
                    valid = false;
                }
            }
            ended = change.stage().isTerminalAfter(inScheme);
            inScheme |= change.stage().isInScheme();
        }
        return valid;
    }
}
