package org.tipmonitor.model.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cross-field rules of a {@link org.tipmonitor.model.Registration}: legal basis after the GDPR
 * ({@link org.tipmonitor.model.ModelRule#LEGAL_BASIS_AFTER_GDPR}), statutory duty only for investigative
 * authorities ({@link org.tipmonitor.model.ModelRule#STATUTORY_DUTY_INVESTIGATIVE_ONLY}), form versus route
 * ({@link org.tipmonitor.model.ModelRule#FORM_ROUTE}) and sector versus form
 * ({@link org.tipmonitor.model.ModelRule#SECTOR_FORM}).
 */
@Documented
@Constraint(validatedBy = org.tipmonitor.model.internal.RegistrationValidator.class)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentRegistration {

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
