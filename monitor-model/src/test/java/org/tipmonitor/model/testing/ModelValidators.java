package org.tipmonitor.model.testing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.tipmonitor.model.ModelRule;

/** Test helper: a validator whose clock stands still on 2026-01-01, and the rule codes of its violations. */
public final class ModelValidators {

    /** The instant the test validator's clock shows. */
    public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .clockProvider(() -> Clock.fixed(NOW, ZoneOffset.UTC))
            .buildValidatorFactory();

    private ModelValidators() {
    }

    /**
     * The shared validator with the fixed clock.
     *
     * @return the validator
     */
    public static Validator validator() {
        return FACTORY.getValidator();
    }

    /**
     * The rule codes a value breaks, sorted.
     *
     * @param value the value to validate
     * @return the codes, e.g. {@code [TM-M-010]}
     */
    public static Set<String> ruleCodes(Object value) {
        Set<String> codes = new TreeSet<>();
        for (ConstraintViolation<Object> violation : validator().validate(value)) {
            codes.add(ModelRule.of(violation).code());
        }
        return codes;
    }
}
