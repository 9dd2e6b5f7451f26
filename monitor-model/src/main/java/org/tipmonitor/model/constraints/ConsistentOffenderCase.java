package org.tipmonitor.model.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cross-field rules of an {@link org.tipmonitor.model.OffenderCase}: the order of the dates
 * ({@link org.tipmonitor.model.ModelRule#OFFENCE_BEFORE_REGISTRATION},
 * {@link org.tipmonitor.model.ModelRule#DECISION_AFTER_REGISTRATION},
 * {@link org.tipmonitor.model.ModelRule#VERDICT_AFTER_DECISION}), the order of the stages
 * ({@link org.tipmonitor.model.ModelRule#VERDICT_REQUIRES_SUMMONS},
 * {@link org.tipmonitor.model.ModelRule#SENTENCE_REQUIRES_CONVICTION}) and undated pending stages
 * ({@link org.tipmonitor.model.ModelRule#STAGE_DATE}).
 */
@Documented
@Constraint(validatedBy = org.tipmonitor.model.internal.OffenderCaseValidator.class)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentOffenderCase {

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
