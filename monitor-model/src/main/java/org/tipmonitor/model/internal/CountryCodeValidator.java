package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.tipmonitor.model.Country;
import org.tipmonitor.model.constraints.CountryCode;

/** Validates {@link CountryCode}. Not part of the API. */
public final class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Country.UNKNOWN_CODE.equals(value) || CountryRegions.isKnown(value);
    }
}
