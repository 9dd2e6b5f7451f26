package org.tipmonitor.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one sanitiser for text that came from an input and is echoed to a person: in error messages, JSON Pointers,
 * report text and terminal output. Two strengths:
 *
 * <ul>
 *   <li>{@link #escape(String)} for text that is meant to be shown (a file name the user typed, a dataset's source
 *       publication): every character that could move the cursor, forge a line or reorder the text on a terminal is
 *       written as a visible escape, and the text is cut at {@link #MAX_LENGTH} characters;</li>
 *   <li>{@link #redact(String)} for text that may hold anything (a parser's message quoting the input, a CSV cell):
 *       {@code escape}, and in addition every run of 8 or more digits (a citizen service number has 9, a date of
 *       birth written {@code ddmmyyyy} has 8) and every date is replaced by a note that a value was withheld.</li>
 * </ul>
 *
 * <p>Escaped are: the C0 and C1 control characters and DEL (ESC starts terminal control sequences, CR and LF forge
 * lines), the Unicode format characters (category Cf: the bidirectional overrides and isolates U+202A to U+202E and
 * U+2066 to U+2069, the zero-width characters, the byte-order mark), the line and paragraph separators U+2028 and
 * U+2029, and unpaired surrogates. CR, LF and TAB become {@code \r}, {@code \n}, {@code \t}; the others
 * a backslash, u and the four upper-case hexadecimal digits of the code unit (U+001B becomes {@code \}{@code u001B}).
 * Names that the input chooses (an unknown property's name) are never echoed at all: the readers say that a name was
 * withheld and how long it was.
 *
 * <p>For text written into CSV, {@link #spreadsheetCell(String)} applies OWASP's rule against formula injection
 * (a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with
 * a single quote, so that a spreadsheet shows it as text); {@link #fromSpreadsheetCell(String)} undoes it on
 * reading.
 *
 * <p>Thread-safe; without state.
 */
public final class SafeText {

    /** The most characters (UTF-16 units of the escaped text) echoed of one value; the rest is cut. */
    public static final int MAX_LENGTH = 120;

    /** What a withheld number or date is replaced with. */
    public static final String WITHHELD = "[withheld]";

    private static final Pattern IDENTIFYING = Pattern.compile(
            "[0-9]{8,}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}");

    private SafeText() {
    }

    /**
     * The text with control, format and separator characters escaped, cut at {@link #MAX_LENGTH} characters (an
     * ellipsis and the original length mark the cut).
     *
     * @param text the text, or null
     * @return the safe text; {@code "null"} for null
     */
    public static String escape(String text) {
        return escape(text, MAX_LENGTH);
    }

    /**
     * The text with control, format and separator characters escaped, cut at a given length: for messages that
     * are longer than one value but still come, in part, from an input.
     *
     * @param text      the text, or null
     * @param maxLength the most characters kept, at least 1
     * @return the safe text; {@code "null"} for null
     * @throws IllegalArgumentException if maxLength &lt; 1
     */
    public static String escape(String text, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength is less than 1: " + maxLength);
        }
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), maxLength) + 16);
        int i = 0;
        while (i < text.length() && safe.length() < maxLength) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if (Character.getType(codePoint) == Character.FORMAT) {
                    safe.append(String.format("\\u{%X}", codePoint));
                } else {
                    safe.append(c).append(text.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\t') {
                safe.append("\\t");
            } else if (unsafe(c)) {
                safe.append(String.format("\\u%04X", (int) c));
            } else {
                safe.append(c);
            }
            i++;
        }
        return i < text.length() ? safe + "… (" + text.length() + " characters)" : safe.toString();
    }

    /**
     * {@link #escape(String)}, with every run of 8 or more digits and every date ({@code yyyy-m-d},
     * {@code d-m-yyyy}, {@code d/m/yyyy}, {@code d.m.yyyy}) replaced by {@link #WITHHELD}: such values may be a
     * citizen service number or a date of birth.
     *
     * @param text the text, or null
     * @return the safe text; {@code "null"} for null
     */
    public static String redact(String text) {
        return redact(text, MAX_LENGTH);
    }

    /**
     * {@link #redact(String)}, cut at a given length.
     *
     * @param text      the text, or null
     * @param maxLength the most characters kept, at least 1
     * @return the safe text; {@code "null"} for null
     * @throws IllegalArgumentException if maxLength &lt; 1
     */
    public static String redact(String text, int maxLength) {
        if (text == null) {
            return "null";
        }
        // Redact before cutting, so that a cut never leaves the head of a number visible.
        Matcher matcher = IDENTIFYING.matcher(text);
        return escape(matcher.find() ? matcher.replaceAll(WITHHELD) : text, maxLength);
    }

    /**
     * Whether a character is escaped: C0 and C1 controls, DEL, format characters (Cf), line and paragraph
     * separators, and (unpaired) surrogates.
     *
     * @param c the character
     * @return true if {@link #escape(String)} escapes it
     */
    public static boolean unsafe(char c) {
        int type = Character.getType(c);
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /**
     * A text cell made safe for a spreadsheet (OWASP, "CSV Injection"): a cell that starts with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, so that no
     * spreadsheet evaluates it as a formula. Numbers are written as numbers by the writers and are not passed here.
     *
     * @param cell the text
     * @return the cell as written
     */
    public static String spreadsheetCell(String cell) {
        return formulaStart(cell, 0) ? "'" + cell : cell;
    }

    /**
     * Undoes {@link #spreadsheetCell(String)}: a single quote before a formula character is removed.
     *
     * @param cell the cell as read
     * @return the text
     */
    public static String fromSpreadsheetCell(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && formulaStart(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean formulaStart(String cell, int at) {
        if (cell.length() <= at) {
            return false;
        }
        char c = cell.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
