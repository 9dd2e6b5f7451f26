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
 * <p>Keys are ordered by their values ({@link String#compareTo}, a null value first). The order is what keeps a
 * {@link java.util.HashMap} keyed by persons fast on hostile input: keys built from the blocks {@code "Aa"} and
 * {@code "BB"} all share one {@link String#hashCode()}, and Java's hash maps turn such a crowded bin into a tree
 * searched by {@code compareTo} (O(log n) a lookup) only when the key type is {@link Comparable} (issue 13).
 *
 * @param value the pseudonym
 */
public record PersonKey(
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @Pattern(regexp = PersonKey.PATTERN, message = ModelRule.Messages.PERSON_KEY_SHAPE)
        String value) implements Comparable<PersonKey> {

    private static final java.util.Comparator<String> ORDER =
            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());

    /** How many leading characters of a well-formed key {@link #toString()} shows. */
    public static final int SHOWN_CHARACTERS = 4;

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
     * The key shortened, as every record that holds a key prints it: the first {@value #SHOWN_CHARACTERS}
     * characters of a well-formed key and an ellipsis ({@code "k7vd…"}), enough to tell keys apart in a log without
     * printing a whole pseudonym, which links a person's records; for a malformed key, which may be a raw
     * identifier, a placeholder that reveals nothing of it. Messages withhold keys altogether. The whole pseudonym
     * is {@link #value()}.
     *
     * @return the shortened key
     */
    @Override
    public String toString() {
        return isWellFormed() ? value.substring(0, SHOWN_CHARACTERS) + "…" : "<malformed person key withheld>";
    }

    /**
     * Orders keys by their values, a null value first; consistent with {@link #equals(Object)}.
     *
     * @param other the other key
     * @return negative, zero or positive as this key's value sorts before, with or after the other's
     */
    @Override
    public int compareTo(PersonKey other) {
        return ORDER.compare(value, other.value);
    }
}
