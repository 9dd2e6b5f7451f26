package org.tipmonitor.model.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rules of a {@link org.tipmonitor.model.ProgrammeMeasure}: the status history is not empty and in strictly
 * increasing date order ({@link org.tipmonitor.model.ModelRule#STATUS_HISTORY_ORDER}), the planned end is not before
 * the planned start ({@link org.tipmonitor.model.ModelRule#PLANNED_DATES}), and the texts are not blank and at most
 * {@value org.tipmonitor.model.ProgrammeMeasure#MAX_TEXT} characters ({@link org.tipmonitor.model.ModelRule#TEXT_SHAPE}).
 */
@Documented
@Constraint(validatedBy = org.tipmonitor.model.internal.MeasureValidator.class)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentMeasure {

    /**
     * The message template; the validator reports each broken rule with its own coded message.
     *
     * @return the template
     */
    String message() default "programme measure rules (each violation carries its own rule code)";

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
