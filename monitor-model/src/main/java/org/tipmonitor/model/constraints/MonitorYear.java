package org.tipmonitor.model.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import org.tipmonitor.model.ModelRule;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated year lies between 1990 and the current year of the validator's clock: rule
 * {@link org.tipmonitor.model.ModelRule#YEAR_RANGE}.
 */
@Documented
@Constraint(validatedBy = org.tipmonitor.model.internal.MonitorYearValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MonitorYear {

    /**
     * The message template; the validator reports each broken rule with its own coded message.
     *
     * @return the template
     */
    String message() default ModelRule.Messages.YEAR_RANGE;

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
