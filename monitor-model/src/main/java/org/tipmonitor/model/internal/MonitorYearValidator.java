package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Year;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.constraints.MonitorYear;

/**
 * Validates {@link MonitorYear} against the validator's clock; a violation's message names the rejected year. Not part
 * of the API.
 */
public final class MonitorYearValidator implements ConstraintValidator<MonitorYear, Integer> {

    /** The first year the monitors cover. */
    static final int FIRST_YEAR = 1990;

    @Override
    public boolean isValid(Integer value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int current = Year.now(context.getClockProvider().getClock()).getValue();
        if (value >= FIRST_YEAR && value <= current) {
            return true;
        }
        Violations.here(context, ModelRule.Messages.YEAR_RANGE + ": " + value);
        return false;
    }
}
