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
 * The annotated count or amount ({@code int}, {@code long} or their boxes) is not negative: rule
 * {@link org.tipmonitor.model.ModelRule#NON_NEGATIVE}. The violation's message names the rejected number
 * ({@code "TM-M-019: must not be negative: -1"}) without an expression language, so it reads the same under every
 * message interpolator.
 */
@Documented
@Constraint(validatedBy = org.tipmonitor.model.internal.NonNegativeValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NonNegative {

    /**
     * The message template; the validator reports each broken rule with its own coded message.
     *
     * @return the template
     */
    String message() default ModelRule.Messages.NON_NEGATIVE;

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
