package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.DatePrecision;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.constraints.ConsistentBirthDate;

/** Validates {@link ConsistentBirthDate}. Not part of the API. */
public final class BirthDateValidator implements ConstraintValidator<ConsistentBirthDate, BirthDate> {

    @Override
    public boolean isValid(BirthDate value, ConstraintValidatorContext context) {
        if (value == null || value.precision() == null) {
            return true;
        }
        LocalDate date = value.date();
        DatePrecision precision = value.precision();
        String problem = null;
        if (precision == DatePrecision.UNKNOWN && date != null) {
            problem = "an unknown birth date has no date, got one (value withheld)";
        } else if (precision != DatePrecision.UNKNOWN && date == null) {
            problem = "a birth date of precision '" + precision.code() + "' needs a date";
        } else if (precision == DatePrecision.MONTH && date.getDayOfMonth() != 1) {
            problem = "a birth date known to the month is stored as the first of the month, got another day"
                    + " (value withheld)";
        } else if (precision == DatePrecision.YEAR && date.getDayOfYear() != 1) {
            problem = "a birth date known to the year is stored as 1 January, got another day"
                    + " (value withheld)";
        }
        boolean valid = true;
        if (problem != null) {
            Violations.add(context, ModelRule.BIRTH_DATE_PRECISION.code() + ": " + problem, "date");
            valid = false;
        }
        if (date != null && date.isBefore(BirthDate.EARLIEST)) {
            Violations.add(context, ModelRule.BIRTH_DATE_TOO_EARLY.code() + ": birth date is before "
                    + BirthDate.EARLIEST + " (value withheld)", "date");
            valid = false;
        }
        return valid;
    }
}
