package org.tipmonitor.model.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rules of a {@link org.tipmonitor.model.ResidenceHistory}: the stages are not empty, their effective dates increase
 * strictly and no change repeats the stage before it ({@link org.tipmonitor.model.ModelRule#STAGE_HISTORY_ORDER}); no
 * stage follows a terminal stage ({@link org.tipmonitor.model.ModelRule#STAGE_AFTER_TERMINAL}).
 */
@Documented
@Constraint(validatedBy = org.tipmonitor.model.internal.ResidenceHistoryValidator.class)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentResidenceHistory {

    /**
     * The message template; the validator reports each broken rule with its own coded message.
     *
     * @return the template
     */
    String message() default "residence-stage history rules (each violation carries its own rule code)";

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
