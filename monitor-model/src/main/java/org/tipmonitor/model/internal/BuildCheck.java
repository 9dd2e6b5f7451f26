package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.model.ModelException;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.Registration;

/**
 * The checks of the records' builders: every required value present, keys and identifiers of the accepted shape,
 * and the record's class-level rules, run by the same validators Bean Validation runs, with a context that
 * collects their messages instead of building violations (so no Bean Validation provider is needed). Messages
 * never repeat a key or an identifier. Not part of the API.
 */
public final class BuildCheck {

    private static final RegistrationValidator REGISTRATION = new RegistrationValidator();
    private static final OffenderCaseValidator OFFENDER_CASE = new OffenderCaseValidator();
    private static final MeasureValidator MEASURE = new MeasureValidator();

    private BuildCheck() {
    }

    /**
     * Refuses a missing required value.
     *
     * @param type  the record's simple name
     * @param name  the component's name
     * @param value its value
     * @throws ModelException ({@link ModelRule#REQUIRED}) if the value is null
     */
    public static void required(String type, String name, Object value) {
        if (value == null) {
            throw new ModelException(ModelRule.REQUIRED, type + " has no " + name
                    + " (use the code list's unknown value when it is not known)");
        }
    }

    /**
     * Refuses a missing or malformed person key, without repeating it.
     *
     * @param type the record's simple name
     * @param name the component's name
     * @param key  the key
     * @throws ModelException ({@link ModelRule#REQUIRED}) if the key is null; ({@link ModelRule#PERSON_KEY_SHAPE})
     *                        if it is not a pseudonym of the accepted shape
     */
    public static void key(String type, String name, PersonKey key) {
        required(type, name, key);
        if (!key.isWellFormed()) {
            throw new ModelException(ModelRule.PERSON_KEY_SHAPE, type + "'s " + name
                    + " is not a pseudonym of the accepted shape (value withheld)");
        }
    }

    /**
     * Refuses a missing or malformed record identifier, without repeating it.
     *
     * @param type  the record's simple name
     * @param name  the component's name
     * @param value the identifier's value, or null when the identifier is missing
     * @param shape the identifier's accepted shape
     * @throws ModelException ({@link ModelRule#REQUIRED}) if the value is null;
     *                        ({@link ModelRule#RECORD_ID_SHAPE}) if it does not have the shape
     */
    public static void id(String type, String name, String value, String shape) {
        required(type, name, value);
        if (!value.matches(shape)) {
            throw new ModelException(ModelRule.RECORD_ID_SHAPE, type + "'s " + name + " must match "
                    + shape + " (value withheld)");
        }
    }

    /**
     * Checks a registration's cross-field rules.
     *
     * @param registration the registration
     * @return the registration
     * @throws ModelException with the message of each broken rule, each starting with its code
     */
    public static Registration rules(Registration registration) {
        return check(REGISTRATION, registration);
    }

    /**
     * Checks a case's cross-field rules.
     *
     * @param offenderCase the case
     * @return the case
     * @throws ModelException with the message of each broken rule, each starting with its code
     */
    public static OffenderCase rules(OffenderCase offenderCase) {
        return check(OFFENDER_CASE, offenderCase);
    }

    /**
     * Checks a measure's rules.
     *
     * @param measure the measure
     * @return the measure
     * @throws ModelException with the message of each broken rule, each starting with its code
     */
    public static ProgrammeMeasure rules(ProgrammeMeasure measure) {
        return check(MEASURE, measure);
    }

    private static <T> T check(ConstraintValidator<?, T> validator, T value) {
        List<String> messages = new ArrayList<>();
        if (!validator.isValid(value, collecting(messages)) && messages.isEmpty()) {
            throw new IllegalStateException("a validator of " + value.getClass().getSimpleName()
                    + " failed without a message");
        }
        if (!messages.isEmpty()) {
            // Each template starts with its rule's code and a colon: the first broken rule is the exception's rule,
            // the detail keeps every message (the first without the code the exception's message puts in front).
            String first = messages.get(0);
            int colon = first.indexOf(':');
            ModelRule rule = colon < 0 ? null : ModelRule.fromCode(first.substring(0, colon)).orElse(null);
            if (rule == null) {
                throw new IllegalStateException("a validator of " + value.getClass().getSimpleName()
                        + " gave a message without a model rule code");
            }
            String detail = String.join("; ", messages).substring(colon + 1).strip();
            throw new ModelException(rule, detail);
        }
        return value;
    }

    /** A validator context whose violation builders record their message when the violation is added. */
    private static ConstraintValidatorContext collecting(List<String> messages) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("buildConstraintViolationWithTemplate")) {
                return chain(method.getReturnType(), unescape((String) args[0]), messages, proxy);
            }
            return defaultValue(method.getReturnType(), proxy);
        };
        return (ConstraintValidatorContext) Proxy.newProxyInstance(BuildCheck.class.getClassLoader(),
                new Class<?>[] {ConstraintValidatorContext.class}, handler);
    }

    /** One step of a violation builder: every call returns the next step, until the violation is added. */
    private static Object chain(Class<?> type, String message, List<String> messages, Object root) {
        return Proxy.newProxyInstance(BuildCheck.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("addConstraintViolation")) {
                        messages.add(message);
                        return root;
                    }
                    Class<?> next = method.getReturnType();
                    return next.isInterface() ? chain(next, message, messages, root) : defaultValue(next, proxy);
                });
    }

    private static Object defaultValue(Class<?> type, Object proxy) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        return type.isInstance(proxy) ? proxy : null;
    }

    /** Undoes the escaping of {@code Violations}: a message template escapes backslashes, braces and dollars. */
    private static String unescape(String template) {
        return template.replace("\\{", "{").replace("\\}", "}").replace("\\$", "$").replace("\\\\", "\\");
    }
}
