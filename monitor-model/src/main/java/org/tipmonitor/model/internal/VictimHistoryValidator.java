package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.constraints.ConsistentHistory;

/** Validates {@link ConsistentHistory} on a {@link VictimHistory}. Not part of the API. */
public final class VictimHistoryValidator implements ConstraintValidator<ConsistentHistory, VictimHistory> {

    @Override
    public boolean isValid(VictimHistory value, ConstraintValidatorContext context) {
        if (value == null || value.victim() == null || value.registrations() == null) {
            return true;
        }
        boolean valid = true;
        Optional<LocalDate> born = value.victim().birthDate() == null || value.victim().birthDate().precision() == null
                ? Optional.empty() : value.victim().birthDate().earliest();
        Set<Object> ids = new HashSet<>();
        List<Registration> registrations = value.registrations();
        for (int i = 0; i < registrations.size(); i++) {
            Registration registration = registrations.get(i);
            if (registration == null) {
                continue;
            }
            if (registration.victimKey() != null && !registration.victimKey().equals(value.victim().key())) {
                Violations.addInList(context, ModelRule.HISTORY_KEY.code()
                        + ": registration belongs to another victim key (keys withheld)", "registrations", i,
                        "victimKey");
                valid = false;
            }
            if (born.isPresent() && registration.reportDate() != null
                    && registration.reportDate().isBefore(born.get())) {
                Violations.addInList(context, ModelRule.BIRTH_BEFORE_EVENT.code() + ": report date "
                        + registration.reportDate() + " is before the earliest possible birth day " + born.get(),
                        "registrations", i, "reportDate");
                valid = false;
            }
            if (registration.id() != null && !ids.add(registration.id())) {
                Violations.addInList(context, ModelRule.UNIQUE_IDS.code() + ": registration id '"
                        + registration.id().value() + "' occurs more than once", "registrations", i, "id");
                valid = false;
            }
        }
        return valid;
    }
}
