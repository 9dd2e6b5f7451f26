package org.tipmonitor.model.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Class-level rules of a {@link org.tipmonitor.model.BirthDate}: the date agrees with its precision
 * ({@link org.tipmonitor.model.ModelRule#BIRTH_DATE_PRECISION}) and is not before 1900
 * ({@link org.tipmonitor.model.ModelRule#BIRTH_DATE_TOO_EARLY}).
 */
@Documented
@Constraint(validatedBy = org.tipmonitor.model.internal.BirthDateValidator.class)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentBirthDate {

    /**
     * The message template; the validator reports each broken rule with its own coded message.
     *
     * @return the template
     */
    String message() default "cross-field rules (each violation carries its own rule code)";

    /**
     * Validation groups.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * Payload.
     *
     * @return the payload
     */
    Class<? extends Payload>[] payload() default {};
}
