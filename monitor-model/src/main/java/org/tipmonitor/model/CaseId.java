package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Identifier of one case of one suspect at the public prosecutor, unique within a dataset. It identifies a record, not a person, and must not be derived
 * from a personal identifier.
 *
 * <p>A valid identifier has 1 to 64 characters from {@code [A-Za-z0-9_.-]} and starts with a letter or digit
 * (rule {@link ModelRule#RECORD_ID_SHAPE}).
 *
 * @param value the identifier
 */
public record CaseId(
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @Pattern(regexp = CaseId.PATTERN, message = ModelRule.Messages.RECORD_ID_SHAPE)
        String value) {

    /** The accepted shape of an identifier. */
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";

    /**
     * Creates an identifier; the shape is checked by validation, not here.
     *
     * @param value the identifier
     * @return the identifier
     */
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    /** The identifier itself. */
    @Override
    public String toString() {
        return value;
    }
}
