package org.tipmonitor.model.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rules across a person and their records ({@link org.tipmonitor.model.VictimHistory},
 * {@link org.tipmonitor.model.OffenderHistory}): every record belongs to the person
 * ({@link org.tipmonitor.model.ModelRule#HISTORY_KEY}), no record predates the birth
 * ({@link org.tipmonitor.model.ModelRule#BIRTH_BEFORE_EVENT}), and identifiers are unique
 * ({@link org.tipmonitor.model.ModelRule#UNIQUE_IDS}).
 */
@Documented
@Constraint(validatedBy = {org.tipmonitor.model.internal.VictimHistoryValidator.class,
        org.tipmonitor.model.internal.OffenderHistoryValidator.class})
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentHistory {

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
