package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;

/** Builds coded violations in class-level validators. Not part of the API. */
final class Violations {

    private Violations() {
    }

    /**
     * Reports one violation on the validated value itself, with a message built in Java rather than by the
     * interpolator (so that it names the rejected value under every interpolator, without an expression language).
     *
     * @param context the validator context; its default violation is disabled here
     * @param message the complete message, starting with the rule code; braces and dollar signs are escaped
     */
    static void here(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
    }

    /**
     * Reports one violation on a (nested) property of the validated object.
     *
     * @param context the validator context; its default violation is disabled here
     * @param message the complete message, starting with the rule code; braces and dollar signs are escaped
     * @param path    the property names from the validated object down to the offending value
     */
    static void add(ConstraintValidatorContext context, String message, String... path) {
        context.disableDefaultConstraintViolation();
        NodeBuilderCustomizableContext node = context.buildConstraintViolationWithTemplate(escape(message))
                .addPropertyNode(path[0]);
        for (int i = 1; i < path.length; i++) {
            node = node.addPropertyNode(path[i]);
        }
        node.addConstraintViolation();
    }

    /**
     * Reports one violation on a property of an element of a list property, e.g. {@code registrations[3].id}.
     *
     * @param context  the validator context; its default violation is disabled here
     * @param message  the complete message, starting with the rule code
     * @param list     the list property, e.g. {@code "registrations"}
     * @param index    the element's index
     * @param property the element's property, e.g. {@code "victimKey"}
     */
    static void addInList(ConstraintValidatorContext context, String message, String list, int index,
                          String property) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(message))
                .addPropertyNode(list)
                .addPropertyNode(property).inIterable().atIndex(index)
                .addConstraintViolation();
    }

    /**
     * Reports one violation on an element of a list property itself, e.g. {@code outcomeIndicators[1]}.
     *
     * @param context the validator context; its default violation is disabled here
     * @param message the complete message, starting with the rule code
     * @param list    the list property
     * @param index   the element's index
     */
    static void addAtElement(ConstraintValidatorContext context, String message, String list, int index) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(message))
                .addPropertyNode(list)
                .addBeanNode().inIterable().atIndex(index)
                .addConstraintViolation();
    }

    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
