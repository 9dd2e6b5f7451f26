package org.tipmonitor.io.internal;

import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.time.Clock;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.IoRule;

/** Builds Bean Validation validators, once per clock. Not part of the API. */
public final class Validators {

    private static Validator systemDefault;

    private Validators() {
    }

    /**
     * The validator with the system clock, built on first use and shared.
     *
     * @return the validator
     * @throws ExchangeException if no provider is on the class path
     */
    public static synchronized Validator systemDefault() {
        if (systemDefault == null) {
            systemDefault = build(null);
        }
        return systemDefault;
    }

    /**
     * A validator whose "now" (for dates in the future) comes from a clock.
     *
     * @param clock the clock, or null for the system clock
     * @return the validator
     * @throws ExchangeException if no provider is on the class path
     */
    public static Validator build(Clock clock) {
        try {
            var configuration = Validation.byDefaultProvider().configure();
            if (clock != null) {
                configuration.clockProvider(() -> clock);
            }
            return configuration.buildValidatorFactory().getValidator();
        } catch (NoProviderFoundException e) {
            throw new ExchangeException(IoRule.NO_VALIDATION_PROVIDER, "no Jakarta Bean Validation provider on the"
                    + " class path; add e.g. org.hibernate.validator:hibernate-validator and"
                    + " org.glassfish.expressly:expressly at run time", e);
        } catch (ValidationException e) {
            throw new ExchangeException(IoRule.NO_VALIDATION_PROVIDER, "the Bean Validation provider cannot start: "
                    + e.getMessage(), e);
        }
    }
}
