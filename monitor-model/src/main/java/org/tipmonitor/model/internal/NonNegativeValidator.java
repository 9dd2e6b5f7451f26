package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.constraints.NonNegative;

/**
 * Validates {@link NonNegative}: a violation's message is the rule's template and the rejected number. Not part of
 * the API.
 */
public final class NonNegativeValidator implements ConstraintValidator<NonNegative, Number> {

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
        if (value == null || value.longValue() >= 0) {
            return true;
        }
        Violations.here(context, ModelRule.Messages.NON_NEGATIVE + ": " + value.longValue());
        return false;
    }
}
