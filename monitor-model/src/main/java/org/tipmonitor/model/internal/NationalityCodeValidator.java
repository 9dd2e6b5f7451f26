package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.constraints.NationalityCode;

/** Validates {@link NationalityCode}. Not part of the API. */
public final class NationalityCodeValidator implements ConstraintValidator<NationalityCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Nationality.UNKNOWN_CODE.equals(value) || Nationality.STATELESS_CODE.equals(value)
                || CountryRegions.isKnown(value);
    }
}
