package org.tipmonitor.io;

import java.util.Objects;

/**
 * One problem found in an input: what it is about, where it is, which rule it breaks and a message.
 *
 * <p>The location is given twice: as a JSON Pointer (RFC 6901) into the exchange document, e.g.
 * {@code /registrations/3/form}, and as the line and column in the input (both from 1) where the offending
 * token starts. The column counts characters (Unicode code points) from the start of the line, as an editor
 * counts them: a character of two, three or four UTF-8 bytes (or a surrogate pair in Java) counts one (issue 13;
 * before, a JSON input's column counted bytes). A CSV input is decoded to Java characters before it is parsed,
 * so its column counts Java characters: the same, except that a character beyond U+FFFF (an emoji) counts two.
 * For a CSV input the pointer is {@code /rowIndex/column}. The code
 * is a model rule ({@code TM-M-nnn}, see {@link org.tipmonitor.model.ModelRule}) or an io rule
 * ({@code TM-IO-nnnn}, see {@link IoRule}). The message starts with the code and never repeats a person key, a
 * record identifier, a rejected string value, a date of birth or the name of an unknown property or column (the
 * pointer of an unknown property names the object that holds it).
 *
 * @param kind    what the problem is about
 * @param index   the index of the record within its array (from 0), or -1 when not about a record
 * @param pointer the JSON Pointer, {@code ""} for the whole document
 * @param line    the line (from 1), or -1 when unknown
 * @param column  the column (from 1), or -1 when unknown
 * @param code    the rule code
 * @param message the message, starting with the code
 */
public record Problem(RecordKind kind, long index, String pointer, long line, long column, String code,
                      String message) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws ExchangeException    if the index, line or column is below -1, or the message does not start with
     *                              the code
     */
    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (index < -1 || line < -1 || column < -1) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT,
                    "index, line and column must be -1 or more: " + index + ", " + line + ", " + column);
        }
        if (!message.startsWith(code)) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "message must start with the code " + code);
        }
    }

    /**
     * The location as {@code line:column}, or {@code "?"} when unknown.
     *
     * @return the location
     */
    public String location() {
        return line < 0 ? "?" : line + ":" + column;
    }

    /** The problem as one line: location, pointer, kind and index, message. */
    @Override
    public String toString() {
        String what = index >= 0 ? kind.code() + " " + index : kind.code();
        return location() + " " + (pointer.isEmpty() ? "/" : pointer) + " (" + what + "): " + message;
    }
}
