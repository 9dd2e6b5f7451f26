package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The pseudonymous key of a person (victim or offender): a meaningless code that links a person's records and
 * never a raw identifier such as a name or a citizen service number (BSN).
 *
 * <p>A valid key has 16 to 64 characters from {@code [A-Za-z0-9_-]} and at least one character that is not a
 * digit, so that a citizen service number, a phone number or a date cannot pass as a key (rule
 * {@link ModelRule#PERSON_KEY_SHAPE}). Violation messages never repeat the rejected value.
 *
 * @param value the pseudonym
 */
public record PersonKey(
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @Pattern(regexp = PersonKey.PATTERN, message = ModelRule.Messages.PERSON_KEY_SHAPE)
        String value) {

    /** The accepted shape of a pseudonym. */
    public static final String PATTERN = "^(?=.*[A-Za-z_-])[A-Za-z0-9_-]{16,64}$";

    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(PATTERN);

    /**
     * Creates a key; the shape is checked by validation, not here.
     *
     * @param value the pseudonym
     * @return the key
     */
    public static PersonKey of(String value) {
        return new PersonKey(value);
    }

    /**
     * Whether the value has the shape of a pseudonym (the rule {@link ModelRule#PERSON_KEY_SHAPE} checks).
     *
     * @return true for a well-formed key
     */
    public boolean isWellFormed() {
        return value != null && SHAPE.matcher(value).matches();
    }

    /**
     * The pseudonym for a well-formed key; for a malformed one, which may be a raw identifier, a placeholder
     * that does not reveal it. Logging a record therefore never prints a rejected identifier.
     */
    @Override
    public String toString() {
        return isWellFormed() ? value : "<malformed person key withheld>";
    }
}
