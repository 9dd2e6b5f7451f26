package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.constraints.ConsistentHistory;

/** Validates {@link ConsistentHistory} on an {@link OffenderHistory}. Not part of the API. */
public final class OffenderHistoryValidator implements ConstraintValidator<ConsistentHistory, OffenderHistory> {

    @Override
    public boolean isValid(OffenderHistory value, ConstraintValidatorContext context) {
        if (value == null || value.offender() == null || value.cases() == null) {
            return true;
        }
        boolean valid = true;
        Optional<LocalDate> born = value.offender().birthDate() == null
                || value.offender().birthDate().precision() == null
                ? Optional.empty() : value.offender().birthDate().earliest();
        Set<Object> ids = new HashSet<>();
        List<OffenderCase> cases = value.cases();
        for (int i = 0; i < cases.size(); i++) {
            OffenderCase offenderCase = cases.get(i);
            if (offenderCase == null) {
                continue;
            }
            if (offenderCase.offenderKey() != null && !offenderCase.offenderKey().equals(value.offender().key())) {
                Violations.addInList(context, ModelRule.HISTORY_KEY.code()
                        + ": case belongs to another offender key (keys withheld)", "cases", i, "offenderKey");
                valid = false;
            }
            if (born.isPresent()) {
                LocalDate first = offenderCase.offenceDate() != null ? offenderCase.offenceDate()
                        : offenderCase.prosecutorRegistrationDate();
                if (first != null && first.isBefore(born.get())) {
                    Violations.addInList(context, ModelRule.BIRTH_BEFORE_EVENT.code() + ": "
                            + (offenderCase.offenceDate() != null ? "offence date " : "registration date ") + first
                            + " is before the earliest possible birth day " + born.get(), "cases", i,
                            offenderCase.offenceDate() != null ? "offenceDate" : "prosecutorRegistrationDate");
                    valid = false;
                }
            }
            if (offenderCase.id() != null && !ids.add(offenderCase.id())) {
                Violations.addInList(context, ModelRule.UNIQUE_IDS.code() + ": case id '"
                        + offenderCase.id().value() + "' occurs more than once", "cases", i, "id");
                valid = false;
            }
        }
        return valid;
    }
}
